"""The SPARQL 1.1 Protocol endpoint: `kg serve` in a subprocess against an on-disk store, queried with
SPARQLWrapper and httpx, its rows checked against `kg query`'s; negotiation and CORS through starlette's client.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper
from typer.testing import CliRunner

from kg.cli import app
from kg.endpoint import create_app
from kg.paths import data_dir
from kg.store import MemoryStore, OxigraphStore

DATA = Path(__file__).parent / "data" / "queries" / "store.trig"
KGA = "https://w3id.org/kg/id/actor/"
ART = "https://w3id.org/kg/id/article/315ab33ea4c64674"
PREFIX = "PREFIX kg: <https://w3id.org/kg/ontology#>\n"


def _load(store: OxigraphStore) -> None:
    store.raw.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    store.raw.load(path=str(data_dir("seeds") / "actors.ttl"), format=ox.RdfFormat.TURTLE,
                   to_graph=ox.NamedNode("https://w3id.org/kg/graph/registry"))


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kg") / "kg-data"
    s = OxigraphStore(path)
    _load(s)
    s.close()
    return path


@pytest.fixture(scope="module")
def server(disk_store: Path, kg_serve) -> str:  # type: ignore[no-untyped-def]
    """`kg serve` on a free local port, read-only over the on-disk store."""
    return str(kg_serve(disk_store, "--timeout", "10"))


def _wrapper(base: str, query: str, fmt: str) -> SPARQLWrapper:
    w = SPARQLWrapper(f"{base}/sparql")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    return w


def test_select_with_sparqlwrapper(server: str) -> None:
    q = PREFIX + f"SELECT ?text WHERE {{ ?s kg:speaker <{KGA}donald-trump> ; kg:text ?text }}"
    doc = _wrapper(server, q, JSON).queryAndConvert()
    texts = [b["text"]["value"] for b in doc["results"]["bindings"]]  # type: ignore[index]
    assert any(t.startswith("I have asked Secretary of State Mike Pompeo") for t in texts)
    xml = _wrapper(server, q, XML).query().response.read()
    assert b"<sparql" in xml and b"Pompeo" in xml
    csv = _wrapper(server, q, CSV).query().response.read().decode()
    assert csv.splitlines()[0] == "text" and len(csv.splitlines()) == 4


def test_ask_with_sparqlwrapper(server: str) -> None:
    yes = _wrapper(server, "ASK { ?s <https://w3id.org/kg/ontology#speaker> ?o }", JSON).queryAndConvert()
    no = _wrapper(server, "ASK { ?s <http://example.org/nothing> ?o }", JSON).queryAndConvert()
    assert yes["boolean"] is True and no["boolean"] is False  # type: ignore[index]


def test_construct_with_sparqlwrapper(server: str) -> None:
    q = PREFIX + "CONSTRUCT { ?s kg:text ?t } WHERE { ?s kg:speaker ?who ; kg:text ?t }"
    data = _wrapper(server, q, TURTLE).query().response.read()
    g = Graph().parse(data=data, format="turtle")
    assert len(g) == 4


@pytest.mark.parametrize(
    ("accept", "media", "fmt"),
    [
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("text/turtle", "text/turtle", "turtle"),
        ("*/*", "text/turtle", "turtle"),
    ],
)
def test_construct_formats(server: str, accept: str, media: str, fmt: str) -> None:
    q = PREFIX + "CONSTRUCT { ?s kg:text ?t } WHERE { ?s kg:speaker ?who ; kg:text ?t }"
    headers = {"content-type": "application/sparql-query", "accept": accept}
    r = httpx.post(f"{server}/sparql", content=q, headers=headers)
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert len(Graph().parse(data=r.content, format=fmt)) == 4


def test_form_post_and_tsv(server: str) -> None:
    r = httpx.post(f"{server}/sparql", data={"query": "SELECT (1 AS ?one) {}"},
                   headers={"accept": "text/tab-separated-values"})
    assert r.status_code == 200 and r.text.splitlines() == ["?one", "1"]


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "POST", "data": {"update": "DROP ALL"}},
        {"method": "POST", "content": "DROP ALL", "headers": {"content-type": "application/sparql-update"}},
        {"method": "POST", "data": {"query": "DROP ALL"}},
        {"method": "GET", "params": {"query": "INSERT DATA { <http://a> <http://b> <http://c> }"}},
        {"method": "GET", "params": {"update": "DROP ALL"}},
    ],
)
def test_updates_are_refused(server: str, request_kwargs: dict[str, object]) -> None:
    method = str(request_kwargs.pop("method"))
    r = httpx.request(method, f"{server}/sparql", **request_kwargs)  # type: ignore[arg-type]
    assert r.status_code == 403 and "read-only" in r.text
    count = httpx.get(f"{server}/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    assert int(count.json()["results"]["bindings"][0]["n"]["value"]) > 0


def test_bad_requests(server: str) -> None:
    assert httpx.get(f"{server}/sparql", params={"query": "SELECT * {"}).status_code == 400
    assert httpx.get(f"{server}/sparql", params={"query": ""}).status_code == 400
    r = httpx.get(f"{server}/sparql", params={"query": "SELECT * {}"}, headers={"accept": "image/png"})
    assert r.status_code == 406
    assert httpx.get(f"{server}/queries/nope").status_code == 404
    assert httpx.get(f"{server}/queries/statements-by-actor", params={"actor": "x y"}).status_code == 400
    assert httpx.get(f"{server}/queries/statements-by-actor").status_code == 400


def test_stored_query_list(server: str) -> None:
    listing = httpx.get(f"{server}/queries").json()
    names = {q["name"] for q in listing}
    assert {"statements-by-actor", "scorecard", "prediction-graph"} <= names
    sba = next(q for q in listing if q["name"] == "statements-by-actor")
    assert sba["params"][0] == {"name": "actor", "type": "IRI", "required": True, "default": None,
                                "description": sba["params"][0]["description"]}


def test_stored_query_rows_equal_kg_query(server: str, disk_store: Path) -> None:
    """The same stored query over HTTP and through `kg query` (read-only beside the running server)."""
    actor = KGA + "kim-jong-un"
    http = httpx.get(f"{server}/queries/meetings-of-actor", params={"actor": actor},
                     headers={"accept": "application/sparql-results+json"})
    assert http.status_code == 200
    cli = CliRunner().invoke(app, ["query", "meetings-of-actor", "--store", str(disk_store),
                                   "-p", f"actor={actor}", "-f", "json"])
    assert cli.exit_code == 0, cli.stderr
    assert http.json() == json.loads(cli.stdout)
    assert len(http.json()["results"]["bindings"]) == 5


# -- in-process: negotiation details and CORS ----------------------------------------------------------------
@pytest.fixture(scope="module")
def memory() -> MemoryStore:
    s = MemoryStore()
    _load(s)
    return s


def _get(asgi: object, path: str, **kwargs: object) -> httpx.Response:
    """One GET against the ASGI app in process (starlette's TestClient warns about httpx)."""

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=asgi)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            return await client.get(path, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(go())


def test_cors_is_off_by_default(memory: MemoryStore) -> None:
    r = _get(create_app(memory), "/queries", headers={"origin": "https://example.org"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


def test_cors_allows_the_given_origin(memory: MemoryStore) -> None:
    asgi = create_app(memory, cors=["https://example.org"])
    r = _get(asgi, "/queries", headers={"origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "https://example.org"
    other = _get(asgi, "/queries", headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_stored_query_format_override_and_timeout(memory: MemoryStore) -> None:
    asgi = create_app(memory, timeout=0.2)
    r = _get(asgi, "/queries/scorecard", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.text.splitlines()[0].startswith("who,whoLabel,made")
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"  # no row before it ends
    assert _get(asgi, "/sparql", params={"query": heavy}).status_code == 503


def test_a_stream_failing_midway_is_left_unclosed() -> None:
    """Rows already sent stay sent; the document is not closed, so no parser takes the prefix for the answer."""
    from kg.endpoint.app import _cut_on_error
    from kg.errors import QueryLimitExceeded

    def body() -> Iterator[bytes]:
        yield b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}'
        raise QueryLimitExceeded("query 'q' timed out after 0.2 s and was stopped")

    sent = b"".join(_cut_on_error(body()))
    assert sent.startswith(b'{"head"')
    with pytest.raises(ValueError):
        json.loads(sent)
