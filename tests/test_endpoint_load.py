"""Load test on loopback: cheap queries keep being answered while slow ones run (issue 11).

Slow clients send queries that run into the time limit, over and over; meanwhile cheap clients send short
queries. The test asserts that no cheap query fails and prints the cheap queries' latencies (p50, p99) with
and without the slow load; it asserts no time (figures go to docs/reliability.md).
"""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg.paths import data_dir
from kg.store import OxigraphStore

DATA = Path(__file__).parent / "data" / "queries" / "store.trig"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
CHEAP = [
    ("/sparql", {"query": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"}),
    ("/sparql", {"query": "ASK { ?s <https://w3id.org/kg/ontology#speaker> ?o }"}),
    ("/queries/meetings-of-actor", {"actor": "https://w3id.org/kg/id/actor/kim-jong-un"}),
]
CHEAP_CLIENTS, SLOW_CLIENTS, PER_CLIENT, SLOW_ROUNDS = 4, 3, 60, 3


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, kg_serve) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("kg") / "kg-data"
    s = OxigraphStore(path)
    s.raw.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    s.raw.load(path=str(data_dir("seeds") / "actors.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/kg/graph/registry"))
    s.close()
    return str(kg_serve(path, "--timeout", "2", "--workers", "5"))


def _cheap(base: str, latencies: list[float], errors: list[str], stop: threading.Event | None) -> None:
    with httpx.Client(base_url=base, timeout=30, headers={"accept": "application/sparql-results+json"}) as c:
        for i in range(PER_CLIENT):
            if stop is not None and stop.is_set():
                return
            path, params = CHEAP[i % len(CHEAP)]
            started = time.perf_counter()
            r = c.get(path, params=params)
            latencies.append(time.perf_counter() - started)
            if r.status_code != 200:
                errors.append(f"{r.status_code} {r.text.strip()}")


def _slow(base: str, outcomes: list[int]) -> None:
    with httpx.Client(base_url=base, timeout=60) as c:
        for _ in range(SLOW_ROUNDS):
            outcomes.append(c.get("/sparql", params={"query": SLOW}).status_code)


def _run_cheap(base: str, stop: threading.Event | None = None) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    threads = [threading.Thread(target=_cheap, args=(base, latencies, errors, stop)) for _ in range(CHEAP_CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors


def _figures(latencies: list[float]) -> str:
    ms = sorted(x * 1000 for x in latencies)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    return f"n={len(ms)} p50={statistics.median(ms):.1f} ms p99={p99:.1f} ms max={ms[-1]:.1f} ms"


def test_cheap_queries_keep_answering_while_slow_ones_run(server: str) -> None:
    idle, idle_errors = _run_cheap(server)
    assert idle_errors == []
    outcomes: list[int] = []
    slow = [threading.Thread(target=_slow, args=(server, outcomes)) for _ in range(SLOW_CLIENTS)]
    for t in slow:
        t.start()
    time.sleep(0.5)  # the slow queries are running
    loaded, errors = _run_cheap(server)
    for t in slow:
        t.join()
    assert errors == []
    assert len(loaded) == CHEAP_CLIENTS * PER_CLIENT
    # every slow query was stopped by a limit (503), none answered or crashed the server
    assert outcomes and set(outcomes) == {503}
    print(f"\ncheap queries alone:            {_figures(idle)}")
    print(f"cheap queries under slow load:  {_figures(loaded)} (slow queries: {len(outcomes)}, all 503)")
