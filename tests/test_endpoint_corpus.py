"""The standing hostile corpus of the endpoint (issue 11): every file under tests/data/bad/sparql/ and
tests/data/bad/http/ declares its outcome on its first line (``# expect: exit 3, http 400``); the test runs each
query as `kg query` runs it (a worker pool: the exit code is the error's) and over HTTP against a real `kg serve`,
and each raw HTTP request against the same server. No case may crash anything or change the store, and every
error is one line.

Long inputs are written ``⟦TEXT×N⟧`` in the files (TEXT repeated N times), to keep the corpus small.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import socket
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.querylimits import QueryLimits
from kg.querypool import QueryPool
from kg.queryworker import StoreSource
from kg.store import OxigraphStore

BAD = Path(__file__).parent / "data" / "bad"
DATA = Path(__file__).parent / "data" / "queries" / "store.trig"
SPARQL = sorted((BAD / "sparql").glob("*.rq"))
HTTP = sorted((BAD / "http").glob("*.http"))
_REPEAT = re.compile("⟦(.+?)×(\\d+)⟧".encode(), re.S)
_EXPECT = re.compile(rb"^# expect:(?: exit (\d+),)? http (\d+)\r?\n")


def expand(raw: bytes) -> tuple[int | None, int, bytes]:
    """The expected exit code and HTTP status of a corpus file, and its content with repeats expanded."""
    m = _EXPECT.match(raw)
    assert m, "a corpus file starts with '# expect: [exit N,] http N'"
    body = _REPEAT.sub(lambda r: r.group(1) * int(r.group(2)), raw[m.end():])
    return (int(m.group(1)) if m.group(1) else None), int(m.group(2)), body


def fingerprint(path: Path) -> str:
    s = OxigraphStore(path, read_only=True)
    try:
        lines = sorted(str(q) for q in s.quads())
    finally:
        s.close()
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kg") / "kg-data"
    s = OxigraphStore(path)
    s.raw.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    s.close()
    return path


@pytest.fixture(scope="module")
def before(disk_store: Path) -> str:
    return fingerprint(disk_store)


@pytest.fixture(scope="module")
def server(disk_store: Path, before: str, kg_serve) -> str:  # type: ignore[no-untyped-def]
    return str(kg_serve(disk_store, "--timeout", "5"))


@pytest.fixture(scope="module")
def pool(disk_store: Path, before: str):  # type: ignore[no-untyped-def]
    with QueryPool(StoreSource.at(disk_store), limits=QueryLimits(timeout=5), workers=2) as p:
        yield p


def test_the_corpus_is_large_enough() -> None:
    assert len(SPARQL) >= 50 and len(HTTP) >= 25


@pytest.mark.parametrize("case", SPARQL, ids=[p.stem for p in SPARQL])
def test_query_file_exit_code(pool: QueryPool, case: Path) -> None:
    code, _, body = expand(case.read_bytes())
    with pytest.raises(KgError) as caught:
        pool.run(body.decode("utf-8"))
    assert caught.value.exit_code == code
    assert len(str(caught.value).splitlines()) == 1


@pytest.mark.parametrize("case", SPARQL, ids=[p.stem for p in SPARQL])
def test_query_over_http(server: str, case: Path) -> None:
    _, status, body = expand(case.read_bytes())
    r = httpx.post(f"{server}/sparql", content=body, headers={"content-type": "application/sparql-query"},
                   timeout=60)
    assert r.status_code == status, r.text
    assert len(r.text.strip().splitlines()) == 1 and "Traceback" not in r.text


def _raw(server: str, request: bytes) -> bytes:
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=60) as s:
        with contextlib.suppress(OSError):  # the server may answer (413) and close before the body is sent
            s.sendall(request)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("case", HTTP, ids=[p.stem for p in HTTP])
def test_raw_http_request(server: str, case: Path) -> None:
    _, status, body = expand(case.read_bytes())
    host = server.removeprefix("http://").encode()
    response = _raw(server, body.replace(b"{host}", host))
    head, _, text = response.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == str(status).encode(), response[:300]
    if status >= 400 and status != 405:
        assert len(text.strip().splitlines()) == 1


def test_the_store_is_unchanged_and_the_server_alive(server: str, disk_store: Path, before: str) -> None:
    r = httpx.get(f"{server}/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"},
                  headers={"accept": "application/sparql-results+json"})
    loaded = ox.Store()
    loaded.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    count = len(list(loaded.query("SELECT * { GRAPH ?g { ?s ?p ?o } }")))
    assert r.status_code == 200 and r.json()["results"]["bindings"][0]["n"]["value"] == str(count)
    assert fingerprint(disk_store) == before
