"""Streamed query results (issue 12): SELECT rows written as the engine yields them, the same answers as before.

`kg.queries.stream_query` yields a result in parts, `kg.results.stream_serialize` writes them in the W3C result
formats, `QueryPool.stream` carries them from a worker, `kg query` writes them to stdout and the endpoint sends
them as a streamed response. The answers are compared parsed with those of the whole result; that rows come
before the query ends is shown with a result far larger than the worker's memory, read in part.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.endpoint import create_app
from kg.queries import CHUNK, QueryResult, run_query, stream_query
from kg.querylimits import QueryLimits
from kg.querypool import QueryPool
from kg.queryworker import StoreSource
from kg.results import SOLUTION_FORMATS, serialize, stream_serialize
from kg.store import MemoryStore, OxigraphStore

EX = "https://example.org/stream/"
ROWS = 2 * CHUNK + 345  # three parts
LISTING = f"SELECT ?item ?name ?rank WHERE {{ ?item <{EX}name> ?name ; <{EX}rank> ?rank }}"
SORTED = LISTING + " ORDER BY DESC(?rank) ?name"


def _quads(n: int) -> list[ox.Quad]:
    out = []
    for i in range(n):
        item = ox.NamedNode(f"{EX}item/{i}")
        name = ox.Literal(f"item, \"number\" {i}" if i % 7 else f"élément {i}", language=None if i % 5 else "fr")
        rank = ox.Literal(str(i % 13), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        out += [ox.Quad(item, ox.NamedNode(f"{EX}name"), name, ox.NamedNode(f"{EX}graph/{i % 3}")),
                ox.Quad(item, ox.NamedNode(f"{EX}rank"), rank, ox.NamedNode(f"{EX}graph/{i % 3}"))]
    return out


@pytest.fixture(scope="module")
def memory() -> MemoryStore:
    s = MemoryStore()
    s.apply(add=_quads(ROWS))
    return s


@pytest.fixture(scope="module")
def disk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stream") / "kg-data"
    s = OxigraphStore(path)
    s.apply(add=_quads(ROWS))
    s.close()
    return path


def parsed(data: bytes, fmt: str) -> list[tuple[object, ...]]:
    """The solutions of a serialized result, in order, each as a tuple of terms (CSV, which is lossy: of
    strings, after its header).
    """
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        return [tuple(r) for r in rows[1:]]
    solutions = ox.parse_query_results(data, SOLUTION_FORMATS[fmt])
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [tuple(s[n] for n in names) for s in solutions]


@pytest.mark.parametrize("text", [LISTING, SORTED], ids=["engine-order", "sorted"])
def test_parts_hold_the_rows_of_the_whole_result(memory: MemoryStore, text: str) -> None:
    whole = run_query(memory, text)
    parts = list(stream_query(memory, text))
    assert [len(p.rows) for p in parts] == [CHUNK, CHUNK, ROWS - 2 * CHUNK]
    assert all(p.variables == whole.variables for p in parts)
    assert [r for p in parts for r in p.rows] == whole.rows
    assert not any(p.truncated for p in parts)


@pytest.mark.parametrize("fmt", list(SOLUTION_FORMATS))
def test_streamed_bytes_parse_to_the_same_answer(memory: MemoryStore, fmt: str) -> None:
    whole = serialize(run_query(memory, SORTED), fmt)
    streamed = b"".join(stream_serialize(stream_query(memory, SORTED, chunk=97), fmt))
    assert len(parsed(streamed, fmt)) == ROWS
    assert parsed(streamed, fmt) == parsed(whole, fmt)


def test_an_empty_result_streams_its_head(memory: MemoryStore) -> None:
    text = f"SELECT ?item WHERE {{ ?item <{EX}nothing> ?x }}"
    for fmt in SOLUTION_FORMATS:
        streamed = b"".join(stream_serialize(stream_query(memory, text), fmt))
        assert streamed == serialize(run_query(memory, text), fmt)


def test_a_cut_stream_says_so_in_its_last_part(memory: MemoryStore) -> None:
    parts = list(stream_query(memory, LISTING, limit=CHUNK + 10))
    assert sum(len(p.rows) for p in parts) == CHUNK + 10
    assert parts[-1].truncated and parts[-1].note and "cut at" in parts[-1].note
    assert not parts[0].truncated


def test_other_forms_come_whole(memory: MemoryStore) -> None:
    (ask,) = stream_query(memory, f"ASK {{ ?s <{EX}rank> ?r }}")
    assert ask.form == "ASK" and ask.boolean is True


@pytest.mark.parametrize("fmt", list(SOLUTION_FORMATS))
def test_kg_query_writes_the_same_answer(disk: Path, memory: MemoryStore, tmp_path: Path, fmt: str) -> None:
    rq = tmp_path / "listing.rq"
    rq.write_text(SORTED, encoding="utf-8")
    r = CliRunner().invoke(app, ["query", "--file", str(rq), "--format", fmt, "--limit", "0", "--store", str(disk)])
    assert r.exit_code == 0, r.output
    assert parsed(r.stdout_bytes, fmt) == parsed(serialize(run_query(memory, SORTED), fmt), fmt)


def test_rows_arrive_while_the_query_runs(disk: Path) -> None:
    """A cross product of ~10^11 rows cannot be held in a worker's 2 GB: parts that arrive came before its end."""
    text = "SELECT ?a ?b ?c WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }"
    limits = QueryLimits(timeout=120, max_rows=None, memory_mb=2048)
    with QueryPool(StoreSource.at(disk), limits=limits, workers=1) as pool:
        parts = pool.stream(text)
        got: list[QueryResult] = []
        for part in parts:
            got.append(part)
            if len(got) == 5:
                break
        parts.close()  # the worker, still producing rows, is stopped
        assert [len(p.rows) for p in got] == [CHUNK] * 5
        assert not any(p.truncated for p in got)
        assert pool.run(f"ASK {{ ?s <{EX}rank> ?r }}").boolean is True  # the pool answers on


def test_the_endpoint_streams_a_large_select(disk: Path, memory: MemoryStore) -> None:
    async def fetch(app_: object, path: str, params: dict[str, str]) -> httpx.Response:
        transport = httpx.ASGITransport(app=app_)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.get(path, params=params, headers={"accept": "text/csv"})

    import asyncio

    with QueryPool(StoreSource.at(disk), limits=QueryLimits(timeout=30, max_rows=None), workers=1) as pool:
        asgi = create_app(pool)
        r = asyncio.run(fetch(asgi, "/sparql", {"query": SORTED}))
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert parsed(r.content, "csv") == parsed(serialize(run_query(memory, SORTED), "csv"), "csv")
        small = asyncio.run(fetch(asgi, "/sparql", {"query": SORTED + " LIMIT 3"}))
        assert small.status_code == 200 and len(parsed(small.content, "csv")) == 3
