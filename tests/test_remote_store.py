"""kg on SPARQL 1.1 servers: the same pipeline and the same stored-query answers on the embedded store, an
Oxigraph server and Virtuoso, each started by the tests on loopback ports (tests/servers.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import ingest
from kg.paths import data_dir
from kg.queries import get_query, load_queries, run_query
from kg.resolve import resolve
from kg.store import MemoryStore, open_store
from kg.store.base import Store
from kg.store.remote import RemoteStore
from tests.servers import oxigraph_server, virtuoso_server

AS_OF = dt.date(2019, 12, 31)
NOW = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
KGA = "https://w3id.org/kg/id/actor/"


def fill(store: Store) -> None:
    result = ingest(store, [data_dir("seeds")])
    assert result.ok, [(o.path, o.message) for o in result.outcomes if o.status != "ingested"]
    resolve(store, as_of=AS_OF, now=NOW)


@pytest.fixture(scope="module")
def embedded() -> MemoryStore:
    s = MemoryStore()
    fill(s)
    return s


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="module")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # a small row cap, so that paging is exercised by the ordinary queries below
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso"), max_rows=1000) as url:
        yield url


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def remote(request: pytest.FixtureRequest) -> Iterator[RemoteStore]:
    url = request.getfixturevalue(f"{request.param}_url")
    s = RemoteStore(url)
    fill(s)
    yield s
    s.close()


def params_for(store: Store) -> dict[str, dict[str, str]]:
    """A value for every parameter of every stored query, taken from the seeded data."""
    seed = next(r["a"].value for r in store.query(
        "SELECT ?a WHERE { ?a a kg:Article ; kg:url ?u FILTER(CONTAINS(STR(?u), 'thediplomat')) }"))
    pred = sorted(r["p"].value for r in store.query(
        "SELECT ?p WHERE { ?p a kg:Prediction ; kg:text ?t FILTER(CONTAINS(?t, 'fifth inter-Korean')) }"))[0]
    return {
        "actor-network": {"actor": KGA + "kim-jong-un"},
        "actors-wikidata": {"article": seed},
        "article-summary": {"article": seed},
        "is-confirmed": {"prediction": pred},
        "meetings-of-actor": {"actor": KGA + "kim-jong-un"},
        "open-predictions": {},
        "prediction-graph": {"prediction": pred},
        "prediction-outcomes": {},
        "predictions-due": {"before": "2019-01-01"},
        "provenance": {"node": pred},
        "quotes-timeline": {},
        "scorecard": {},
        "statements-by-actor": {"actor": KGA + "donald-trump"},
        "status-history": {"prediction": pred},
    }


def answers(store: Store, name: str, values: dict[str, str]) -> list[tuple[str, ...]]:
    r = run_query(store, get_query(name), values)
    if r.form == "ASK":
        return [(str(r.boolean),)]
    if r.form in ("CONSTRUCT", "DESCRIBE"):
        return sorted(tuple(_norm(t) for t in (x.subject, x.predicate, x.object)) for x in r.triples)
    return sorted(tuple(_norm(t) for t in row) for row in r.rows)


def _norm(term: object) -> str:
    """A term's value; numbers compared as numbers (servers may write 0.5 as 0.5e0 or 5.0E-1)."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and term.datatype.value.endswith(("#decimal", "#double", "#float")):
        return f"{float(term.value):.6g}"
    value = str(getattr(term, "value", term))
    # GROUP_CONCAT lists ("Donald Trump, Mike Pompeo") come in an order SPARQL leaves to each engine
    return ", ".join(sorted(value.split(", "))) if ", " in value else value


@pytest.mark.parametrize("name", sorted(load_queries()))
def test_stored_queries_answer_the_same_on_every_store(embedded: MemoryStore, remote: RemoteStore,
                                                       name: str) -> None:
    values = params_for(embedded)[name]
    assert values == params_for(remote)[name]
    want = answers(embedded, name, values)
    assert want, f"{name} answers nothing on the seeded store: the comparison would prove nothing"
    assert answers(remote, name, values) == want


def test_graphs_and_counts_match_and_system_graphs_stay_hidden(embedded: MemoryStore, remote: RemoteStore) -> None:
    assert remote.graph_names() == embedded.graph_names()
    assert len(remote) == len(embedded)


def test_results_past_the_servers_row_cap_are_paged(embedded: MemoryStore, remote: RemoteStore) -> None:
    # kg's graphs only: Virtuoso's own system graphs answer GRAPH ?g too (a documented difference)
    q = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(kgg:))) }"
    assert len(embedded) > 1000  # more rows than the Virtuoso fixture returns in one answer
    assert len(list(remote.query(q))) == len(list(embedded.query(q)))


def test_reingest_replaces_each_graph_whole(remote: RemoteStore) -> None:
    before = (remote.graph_names(), len(remote))
    result = ingest(remote, [data_dir("seeds") / "later" / "2019-02-28_hanoi-summit.txt"])
    assert result.ok
    assert (remote.graph_names(), len(remote)) == before


def test_export_reads_graph_by_graph(embedded: MemoryStore, remote: RemoteStore) -> None:
    def dataset(store: Store) -> tuple[set[tuple[str, str, str, str]], int]:
        """The quads without blank nodes (servers relabel them), and how many quads there are in all."""
        data = store.dump(None, ox.RdfFormat.N_QUADS)
        assert data is not None
        quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        named = {(q.subject.value, q.predicate.value, _norm(q.object), q.graph_name.value)  # type: ignore[union-attr]
                 for q in quads if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
        return named, len(quads)

    (got, n_got), (want, n_want) = dataset(remote), dataset(embedded)
    assert (sorted(got - want)[:5], sorted(want - got)[:5], n_got) == ([], [], n_want)


def test_cli_on_an_oxigraph_server_with_one_flag(oxigraph_url: str, tmp_path: Path) -> None:
    """The demo's commands work with `--store URL` (here a second, empty server)."""
    with oxigraph_server(tmp_path / "ox") as url:
        runner = CliRunner()
        r = runner.invoke(app, ["ingest", str(data_dir("seeds")), "--store", url])
        assert r.exit_code == 0, r.output
        for args in (["validate"], ["stats"], ["resolve"], ["predictions", "--format", "json"], ["scorecard"],
                     ["query", "meetings-of-actor", "--param", f"actor={KGA}kim-jong-un", "--format", "csv"]):
            r = runner.invoke(app, [*args, "--store", url])
            assert r.exit_code in (0, 1), (args, r.output)
            assert "Traceback" not in r.output
        r = runner.invoke(app, ["export", "--format", "nquads", "-o", str(tmp_path / "out.nq"), "--store", url])
        assert r.exit_code == 0, r.output
        assert (tmp_path / "out.nq").stat().st_size > 1000


def test_unreachable_server_is_one_line_exit_3() -> None:
    r = CliRunner().invoke(app, ["stats", "--store", "http://127.0.0.1:9/"])
    assert r.exit_code == 3
    assert "cannot be reached" in r.stderr and "Traceback" not in r.stderr


def test_open_store_chooses_the_kind_by_url(oxigraph_url: str, tmp_path: Path) -> None:
    assert isinstance(open_store(oxigraph_url), RemoteStore)
    local = open_store(tmp_path / "here")
    assert not isinstance(local, RemoteStore)
    local.close()


def test_kg_serve_over_a_server_passes_queries_and_serves_pages(tmp_path: Path) -> None:
    """`kg serve --store URL`: kg's routes, read queries answered by the server under kg's checks."""
    import subprocess
    import sys
    import time

    import httpx

    from tests.servers import free_port

    with oxigraph_server(tmp_path / "ox") as url:
        assert CliRunner().invoke(app, ["ingest", str(data_dir("seeds")), "--store", url]).exit_code == 0
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", url, "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(base + "/queries", timeout=2)
                    break
                except httpx.HTTPError:
                    assert proc.poll() is None and time.monotonic() < deadline, "kg serve did not come up"
                    time.sleep(0.3)
            r = httpx.get(base + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }"},
                          headers={"Accept": "application/sparql-results+json"})
            assert r.status_code == 200 and r.json()["results"]["bindings"][0]["n"]["value"] == "10"
            refused = httpx.get(base + "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> "
                                                                     "{ ?s ?p ?o } }"})
            assert refused.status_code == 403
            assert httpx.get(base + "/articles").status_code == 200
        finally:
            proc.terminate()
            proc.wait(20)
