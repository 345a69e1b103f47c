"""Stored queries: every .rq parses and runs, expected rows on the seed article, safe binding, formats, CLI.

The expected-rows tests use ``query_store``: a hand-built store following docs/model.md (the seed article with
real offsets, one later source, two resolutions, the status graph; tests/data/queries/store.trig) plus the
actor registry. Switch them to ``seeded_store`` once the extractor gives the same facts.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.plugins.sparql import prepareQuery
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError, UsageError
from kg.paths import data_dir
from kg.queries import (
    Param,
    StoredQuery,
    bind,
    get_query,
    load_queries,
    parse_query,
    run_query,
)
from kg.query_docs import markdown_table, readme_section
from kg.results import check_format, prefixed, serialize
from kg.store import MemoryStore, OxigraphStore
from kg.store.terms import to_rdflib
from kg.summary import rebuild as rebuild_summary

DATA = Path(__file__).parent / "data" / "queries" / "store.trig"
SEED = data_dir("seeds") / "000_4f70852738a6ae05.txt"
KGA = "https://w3id.org/kg/id/actor/"
ART = "https://w3id.org/kg/id/article/315ab33ea4c64674"
QUERIES = load_queries()
SUMMARY = "https://w3id.org/kg/graph/summary"
NAMES = sorted(QUERIES)


def load_into(store: OxigraphStore) -> None:
    store.raw.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    store.raw.load(
        path=str(data_dir("seeds") / "actors.ttl"), format=ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode("https://w3id.org/kg/graph/registry"),
    )
    rebuild_summary(store)  # loaded raw, not through kg's writer: the summary graph is computed once


@pytest.fixture(scope="module")
def query_store() -> MemoryStore:
    s = MemoryStore()
    load_into(s)
    return s


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kg") / "kg-data"
    s = OxigraphStore(path)
    load_into(s)
    s.close()
    return path


def example(q: StoredQuery) -> dict[str, str]:
    return q.examples[0] if q.examples else {}


def select(store: OxigraphStore, name: str, **values: str) -> list[dict[str, object]]:
    """Rows as dicts of Python values (IRIs as str, literals as their value)."""
    r = run_query(store, get_query(name), values)
    out = []
    for row in r.rows:
        d: dict[str, object] = {}
        for var, term in zip(r.variables, row, strict=True):
            if term is None or isinstance(term, ox.NamedNode):
                d[var] = None if term is None else term.value
            else:
                d[var] = to_rdflib(term).toPython()
        out.append(d)
    return out


# -- meta-tests over every queries/*.rq ---------------------------------------------------------------------
def test_there_are_stored_queries() -> None:
    assert {"statements-by-actor", "quotes-timeline", "meetings-of-actor", "actor-network", "open-predictions",
            "predictions-due", "prediction-outcomes", "scorecard", "provenance", "article-summary",
            "actors-wikidata", "prediction-graph"} <= set(NAMES)
    assert {q.form for q in QUERIES.values()} >= {"SELECT", "ASK", "CONSTRUCT"}


@pytest.mark.parametrize("name", NAMES)
def test_header_is_complete(name: str) -> None:
    q = QUERIES[name]
    assert q.title and q.description
    required = {p.name for p in q.params if p.required}
    assert required <= set(example(q)), "every required parameter needs an # example: value"
    bind(q, example(q))


@pytest.mark.parametrize("name", NAMES)
def test_parses_in_pyoxigraph_and_rdflib(name: str) -> None:
    q = QUERIES[name]
    run_query(MemoryStore(), q, example(q))  # pyoxigraph parses (and runs on nothing)
    parsed = prepareQuery(q.text)
    assert type(parsed.algebra).__name__ or parsed.algebra.name.upper().startswith(q.form[:3])
    assert parsed.algebra.name.lower().startswith(q.form.lower()[:3])


@pytest.mark.parametrize("name", NAMES)
def test_declared_params_are_the_dollar_variables(name: str) -> None:
    q = QUERIES[name]
    body = "\n".join(line for line in q.text.splitlines() if not line.startswith("#"))
    assert set(re.findall(r"\$(\w+)", body)) == {p.name for p in q.params}
    for p in q.params:  # a parameter is always written $name, so ?name would be a silent second use
        assert not re.search(rf"\?{p.name}\b", body), f"?{p.name} in {name}; write ${p.name}"


@pytest.mark.parametrize("name", NAMES)
def test_runs_with_its_example_and_finds_something(query_store: MemoryStore, name: str) -> None:
    q = QUERIES[name]
    r = run_query(query_store, q, example(q), timeout=30)
    assert r.form == q.form
    assert r.rows or r.triples or r.boolean


def _values(term: object) -> object:
    if term is None:
        return None
    node = to_rdflib(term) if not hasattr(term, "toPython") else term
    value = node.toPython()  # type: ignore[union-attr]
    return float(value) if isinstance(value, Decimal | int) and not isinstance(value, bool) else str(value)


@pytest.mark.parametrize("name", NAMES)
def test_rdflib_gives_the_same_answers(query_store: MemoryStore, name: str) -> None:
    """The benchmark runs these .rq files on rdflib too (initBindings): both engines must agree."""
    q = QUERIES[name]
    ds = Dataset(default_union=True)
    ds.parse(DATA, format="trig")
    ds.graph("https://w3id.org/kg/graph/registry").parse(data_dir("seeds") / "actors.ttl", format="turtle")
    summary = ds.graph(SUMMARY)  # the summary graph kg's store computed (kg.summary), read by actor-network
    for quad in query_store.quads(SUMMARY):
        summary.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    values = example(q)
    ours = run_query(query_store, q, values)
    theirs = ds.query(q.text, initBindings={k: to_rdflib(v) for k, v in bind(q, values).items()})
    if q.form == "ASK":
        assert theirs.askAnswer == ours.boolean
    elif q.form == "CONSTRUCT":
        # compared by value: the engines write numbers differently ("1" vs "1.0", integer vs nonNegativeInteger)
        mine = {(t.subject.value, t.predicate.value, _values(t.object)) for t in ours.triples}  # type: ignore[union-attr]
        assert mine == {(str(s), str(p), _values(o)) for s, p, o in theirs.graph}  # type: ignore[union-attr]
    else:
        a = sorted((tuple(_values(t) for t in row) for row in ours.rows), key=repr)
        b = sorted((tuple(_values(row[v]) for v in ours.variables) for row in theirs), key=repr)  # type: ignore[index]
        assert a == b


# -- expected rows ------------------------------------------------------------------------------------------
TWEET = "I have asked Secretary of State Mike Pompeo not to go to North Korea"


def test_statements_by_actor_include_the_tweet(query_store: MemoryStore) -> None:
    rows = select(query_store, "statements-by-actor", actor=KGA + "donald-trump")
    tweet = [r for r in rows if str(r["text"]).startswith(TWEET)]
    assert len(tweet) == 1
    assert str(tweet[0]["date"]) == "2018-08-24"
    assert tweet[0]["medium"] == "https://w3id.org/kg/concept/medium-tweet"
    assert [str(r["date"]) for r in rows] == sorted((str(r["date"]) for r in rows), reverse=True)


def test_statements_by_actor_date_range(query_store: MemoryStore) -> None:
    actor = KGA + "donald-trump"
    assert len(select(query_store, "statements-by-actor", actor=actor, to="2018-08-25")) == 2
    assert len(select(query_store, "statements-by-actor", actor=actor, **{"from": "2018-08-25"})) == 1
    assert select(query_store, "statements-by-actor", actor=actor, **{"from": "2019-01-01"}) == []


def test_meetings_of_kim_include_the_singapore_summit(query_store: MemoryStore) -> None:
    rows = select(query_store, "meetings-of-actor", actor=KGA + "kim-jong-un")
    singapore = [r for r in rows if r["place"] == "Singapore"]
    assert len(singapore) == 1
    m = singapore[0]
    assert str(m["start"]) == "2018-06-12"
    assert m["meetingStatus"] == "https://w3id.org/kg/concept/status-held"
    assert m["kind"] == "https://w3id.org/kg/concept/kind-summit"
    assert m["others"] == "Donald Trump"
    held = select(query_store, "meetings-of-actor", actor=KGA + "kim-jong-un", status="held")
    assert {r["place"] for r in held} == {"Singapore", "Pyongyang"} and len(held) == 2


def test_actors_wikidata_include_trump(query_store: MemoryStore) -> None:
    rows = select(query_store, "actors-wikidata", article=ART)
    by_actor = {r["actor"]: r for r in rows}
    assert by_actor[KGA + "donald-trump"]["wikidata"] == "http://www.wikidata.org/entity/Q22686"
    assert KGA + "kim-yong-chol" not in by_actor  # no Wikidata id
    assert len(select(query_store, "actors-wikidata")) > len(rows)  # the whole registry without a filter


def test_provenance_of_the_tweet_is_the_article_text(query_store: MemoryStore) -> None:
    text = SEED.read_text(encoding="utf-8")
    rows = select(query_store, "provenance", node=ART + "/s1")
    assert len(rows) == 1
    r = rows[0]
    assert r["article"] == ART and r["rule"] and float(r["confidence"]) > 0  # type: ignore[arg-type]
    assert text[int(r["start"]):int(r["end"])] == r["exact"]  # type: ignore[call-overload]
    assert str(r["exact"]).startswith(TWEET)


def test_provenance_of_an_actor_lists_its_mentions(query_store: MemoryStore) -> None:
    rows = select(query_store, "provenance", node=KGA + "kim-jong-un")
    assert {r["exact"] for r in rows} >= {"Kim Jong Un", "Chairman Kim"}


def test_quotes_timeline(query_store: MemoryStore) -> None:
    rows = select(query_store, "quotes-timeline", article=ART)
    assert [r["speakerLabel"] for r in rows] == ["Donald Trump", "Donald Trump"]
    assert str(rows[0]["text"]).startswith(TWEET)
    assert len(select(query_store, "quotes-timeline")) == 2


def test_prediction_outcomes_and_status_default_open(query_store: MemoryStore) -> None:
    rows = select(query_store, "prediction-outcomes")
    status = {r["prediction"].rsplit("/", 1)[1]: r["currentStatus"].rsplit("-", 1)[1] for r in rows}  # type: ignore[union-attr]
    assert status == {"p1": "refuted", "p2": "confirmed", "p3": "open", "p4": "open"}
    p1 = select(query_store, "prediction-outcomes", prediction=ART + "/p1")
    assert p1[0]["evidenceText"] == "Xi Jinping did not attend."
    assert [r["prediction"] for r in select(query_store, "prediction-outcomes", status="confirmed")] == [ART + "/p2"]


def test_open_and_due_predictions(query_store: MemoryStore) -> None:
    assert {r["prediction"] for r in select(query_store, "open-predictions")} == {ART + "/p3", ART + "/p4"}
    assert [r["prediction"] for r in select(query_store, "open-predictions", predictor=KGA + "donald-trump")] == [
        ART + "/p4"
    ]
    assert [r["prediction"] for r in select(query_store, "predictions-due", before="2018-12-31")] == [ART + "/p4"]
    assert select(query_store, "predictions-due", before="2018-12-30") == []


def test_scorecard_brier(query_store: MemoryStore) -> None:
    rows = {r["who"]: r for r in select(query_store, "scorecard")}
    panda = rows[KGA + "ankit-panda"]
    assert (panda["made"], panda["resolved"], panda["confirmed"], panda["refuted"], panda["scored"]) == (3, 2, 1, 1, 2)
    # p1 refuted at 0.675, p2 confirmed at 0.9: ((0.675 - 0)² + (0.9 - 1)²) / 2
    assert float(panda["brier"]) == pytest.approx((0.675**2 + 0.1**2) / 2)  # type: ignore[arg-type]
    assert rows[KGA + "donald-trump"]["brier"] is None
    outlets = {r["who"]: r for r in select(query_store, "scorecard", by="outlet")}
    assert outlets[KGA + "the-diplomat"]["made"] == 4


def test_actor_network(query_store: MemoryStore) -> None:
    rows = select(query_store, "actor-network", actor=KGA + "kim-jong-un", relation="met")
    met = {r["other"]: r["count"] for r in rows}
    assert met[KGA + "donald-trump"] == 2 and met[KGA + "moon-jae-in"] == 2 and met[KGA + "xi-jinping"] == 1
    assert all(r["count"] >= 2 for r in select(query_store, "actor-network", min="2"))  # type: ignore[operator]


def test_article_summary(query_store: MemoryStore) -> None:
    rows = select(query_store, "article-summary", article=ART)
    sections = [str(r["section"]) for r in rows]
    assert sections.count("2 statement") == 3 and sections.count("3 meeting") == 5
    assert sections.count("4 prediction") == 4 and "1 actor" in sections


def test_prediction_graph_is_self_contained(query_store: MemoryStore) -> None:
    r = run_query(query_store, get_query("prediction-graph"), {"prediction": ART + "/p1"})
    g = Graph()
    for t in r.triples:
        g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))  # type: ignore[arg-type]
    text = g.serialize(format="nt")
    for expected in (
        f"<{ART}/p1> <https://w3id.org/kg/ontology#status> <https://w3id.org/kg/concept/status-refuted>",
        f"<{KGA}ankit-panda> <http://www.w3.org/2000/01/rdf-schema#label> \"Ankit Panda\"",
        f"<{ART}/p1-span> <http://www.w3.org/ns/oa#exact>",
        f"<{ART}/m4> <https://w3id.org/kg/ontology#participant> <{KGA}xi-jinping>",
        "<https://w3id.org/kg/id/resolution/5e1f0a3c> <https://w3id.org/kg/ontology#evidence>",
        "\"Xi Jinping did not attend.\"",
    ):
        assert expected in text, expected


def test_ask_is_confirmed(query_store: MemoryStore) -> None:
    q = get_query("is-confirmed")
    assert run_query(query_store, q, {"prediction": ART + "/p2"}).boolean is True
    assert run_query(query_store, q, {"prediction": ART + "/p1"}).boolean is False


# -- binding ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, "needs parameter 'actor'"),
        ({"actor": KGA + "x", "speaker": "y"}, "unknown parameter 'speaker'"),
        ({"actor": "donald-trump"}, "parameter 'actor'"),
        ({"actor": "https://example.org/a b"}, "parameter 'actor'"),
        ({"actor": "https://example.org/a>"}, "parameter 'actor'"),
        ({"actor": 'https://example.org/"x"'}, "parameter 'actor'"),
        ({"actor": "javascript:alert(1)"}, "parameter 'actor'"),
        ({"actor": KGA + "x", "from": "2018-13-01"}, "parameter 'from'"),
        ({"actor": KGA + "x", "from": "2018-1-1"}, "parameter 'from'"),
        ({"actor": KGA + "x", "to": "yesterday"}, "parameter 'to'"),
    ],
)
def test_bad_parameters_are_usage_errors(values: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)) as e:
        bind(get_query("statements-by-actor"), values)
    assert e.value.exit_code == 2


def test_number_types() -> None:
    q = StoredQuery("t", "T", "", [Param("n", "integer"), Param("d", "decimal")], "SELECT $n $d {}", "SELECT")
    assert bind(q, {"n": "-3", "d": "0.5"}) == {
        "n": ox.Literal("-3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        "d": ox.Literal("0.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
    }
    for bad in ({"n": "1.5"}, {"n": "1e3"}, {"d": "x"}, {"d": "1,5"}):
        with pytest.raises(UsageError):
            bind(q, bad)


def test_urn_iris_are_accepted() -> None:
    q = get_query("provenance")
    assert bind(q, {"node": "urn:uuid:1234"})["node"] == ox.NamedNode("urn:uuid:1234")


@pytest.mark.parametrize("evil", ['x" } ; DROP ALL ; #', "held') } INSERT DATA { <a:b> <a:c> <a:d> } #", "*/ } #"])
def test_injection_is_just_a_string(query_store: MemoryStore, evil: str) -> None:
    before = len(query_store)
    rows = select(query_store, "meetings-of-actor", actor=KGA + "kim-jong-un", status=evil)
    assert rows == []
    assert len(query_store) == before


def test_bad_headers_are_refused() -> None:
    with pytest.raises(QueryError, match="unknown header key"):
        parse_query("# title: T\n# parm: x IRI required\nSELECT * {}", "t")
    with pytest.raises(QueryError, match="cannot read"):
        parse_query("# title: T\n# param: x uri required\nSELECT * {}", "t")
    with pytest.raises(QueryError, match="bad default"):
        parse_query("# title: T\n# param: x date optional default=soon\nSELECT * {}", "t")
    assert parse_query("# parm: whatever\nSELECT * {}", "t", strict=False).params == []


def test_unknown_query_suggests_close_names() -> None:
    with pytest.raises(UsageError, match="statements-by-actor"):
        get_query("statement-by-actor")


# -- read-only, timeout, limit -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX kg: <https://w3id.org/kg/ontology#>\nDELETE WHERE { ?s kg:text ?o }",
        "DROP ALL",
        "CLEAR GRAPH <https://w3id.org/kg/graph/status>",
        "LOAD <http://example.org/x.ttl>",
        "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "# comment\nCREATE GRAPH <http://g>",
    ],
)
def test_updates_are_refused(query_store: MemoryStore, update: str) -> None:
    before = len(query_store)
    with pytest.raises(QueryError, match="read-only") as e:
        run_query(query_store, update)
    assert e.value.exit_code == 3
    assert len(query_store) == before


def test_syntax_errors_are_not_called_updates(query_store: MemoryStore) -> None:
    with pytest.raises(QueryError, match="syntax") as e:
        run_query(query_store, "SELECT * WHERE { ?s ?p }")
    assert "read-only" not in str(e.value)
    before = len(query_store)
    with pytest.raises(QueryError):  # a query followed by an update is neither: nothing runs
        run_query(query_store, "SELECT * { ?s ?p ?o } ; DROP ALL")
    assert len(query_store) == before


def test_timeout(query_store: MemoryStore) -> None:
    heavy = "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
    with pytest.raises(QueryError, match="timed out"):
        run_query(query_store, heavy, timeout=0.3)
    assert run_query(query_store, heavy, timeout=10, limit=5).truncated


def test_limit_cuts_with_a_note(query_store: MemoryStore) -> None:
    r = run_query(query_store, get_query("actors-wikidata"), limit=3)
    assert len(r.rows) == 3 and r.truncated and r.note and "3 rows" in r.note
    full = run_query(query_store, get_query("actors-wikidata"))
    assert not full.truncated and full.note is None


# -- formats ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_select_formats_round_trip(query_store: MemoryStore, fmt: str) -> None:
    r = run_query(query_store, get_query("meetings-of-actor"), {"actor": KGA + "kim-jong-un"})
    back = ox.parse_query_results(serialize(r, fmt), ox.QueryResultsFormat.from_extension(fmt))
    assert isinstance(back, ox.QuerySolutions)
    assert [v.value for v in back.variables] == r.variables
    assert [tuple(s[v] for v in r.variables) for s in back] == r.rows


def test_csv_and_json_shapes(query_store: MemoryStore) -> None:
    r = run_query(query_store, get_query("statements-by-actor"), {"actor": KGA + "donald-trump"})
    lines = serialize(r, "csv").decode().splitlines()
    assert lines[0] == ",".join(r.variables) and len(lines) == 4
    doc = json.loads(serialize(r, "json"))
    assert doc["head"]["vars"] == r.variables
    assert doc["results"]["bindings"][1]["date"] == {
        "type": "literal", "value": "2018-08-24", "datatype": "http://www.w3.org/2001/XMLSchema#date"
    }


def test_ask_formats(query_store: MemoryStore) -> None:
    r = run_query(query_store, get_query("is-confirmed"), {"prediction": ART + "/p2"})
    assert json.loads(serialize(r, "json")) == {"head": {}, "boolean": True}
    assert b"<boolean>true</boolean>" in serialize(r, "xml")


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_graph_formats(query_store: MemoryStore, fmt: str, rdflib_format: str) -> None:
    from rdflib.compare import isomorphic

    r = run_query(query_store, get_query("prediction-graph"), {"prediction": ART + "/p1"})
    data = serialize(r, fmt)
    if fmt == "turtle":
        assert b"@prefix kga: <https://w3id.org/kg/id/actor/>" in data
    expected = Graph()
    for t in r.triples:
        expected.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))  # type: ignore[arg-type]
    assert isomorphic(Graph().parse(data=data, format=rdflib_format), expected)


def test_formats_must_fit_the_result(query_store: MemoryStore) -> None:
    select_result = run_query(query_store, get_query("scorecard"))
    with pytest.raises(UsageError, match="does not fit"):
        check_format(select_result, "turtle")
    graph_result = run_query(query_store, get_query("prediction-graph"), {"prediction": ART + "/p1"})
    assert check_format(graph_result, "json") == "jsonld"
    with pytest.raises(UsageError):
        check_format(graph_result, "csv")


def test_prefixed_names() -> None:
    assert prefixed(ox.NamedNode(KGA + "donald-trump")) == "kga:donald-trump"
    assert prefixed(ox.NamedNode("http://example.org/x")) == "<http://example.org/x>"
    assert prefixed(ox.Literal("Kim", language="en")) == "Kim@en"
    assert prefixed(None) == ""


# -- README -----------------------------------------------------------------------------------------------
def test_readme_lists_the_stored_queries() -> None:
    readme = (data_dir("queries").parent / "README.md").read_text(encoding="utf-8")
    section = readme_section(readme)
    table = section.split("<!-- queries:table:start -->\n", 1)[1].split("<!-- queries:table:end -->", 1)[0]
    assert table == markdown_table(), "regenerate with: python -m kg.query_docs --readme README.md"


# -- CLI --------------------------------------------------------------------------------------------------
runner = CliRunner()


def kg(*args: str) -> object:
    return runner.invoke(app, list(args))


def test_cli_lists_queries() -> None:
    r = runner.invoke(app, ["queries"])
    assert r.exit_code == 0, r.output
    for name in NAMES:
        assert name in r.stdout
    assert "actor:IRI" in r.stdout


def test_cli_query_json(disk_store: Path) -> None:
    r = runner.invoke(app, ["query", "statements-by-actor", "--store", str(disk_store),
                            "-p", f"actor={KGA}donald-trump", "--format", "json"])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert any(b["text"]["value"].startswith(TWEET) for b in doc["results"]["bindings"])
    assert r.stderr == ""


def test_cli_default_format_off_a_terminal_is_json(disk_store: Path) -> None:
    r = runner.invoke(app, ["query", "scorecard", "--store", str(disk_store)])
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["head"]["vars"][0] == "who"


def test_cli_table_and_turtle(disk_store: Path) -> None:
    r = runner.invoke(app, ["query", "meetings-of-actor", "--store", str(disk_store),
                            "-p", f"actor={KGA}kim-jong-un", "-f", "table"])
    assert r.exit_code == 0 and "kgc:status-held" in r.stdout and "Singapore" in r.stdout
    r = runner.invoke(app, ["query", "prediction-graph", "--store", str(disk_store),
                            "-p", f"prediction={ART}/p1"])
    assert r.exit_code == 0 and "@prefix kg:" in r.stdout


def test_cli_ask_exit_codes(disk_store: Path) -> None:
    base = ["query", "is-confirmed", "--store", str(disk_store), "-f", "table"]
    yes = runner.invoke(app, [*base, "-p", f"prediction={ART}/p2"])
    no = runner.invoke(app, [*base, "-p", f"prediction={ART}/p1"])
    assert (yes.exit_code, yes.stdout.strip()) == (0, "true")
    assert (no.exit_code, no.stdout.strip()) == (1, "false")


def test_cli_usage_errors(disk_store: Path) -> None:
    r = runner.invoke(app, ["query", "statement-by-actor", "--store", str(disk_store)])
    assert r.exit_code == 2 and "did you mean statements-by-actor" in r.stderr and r.stdout == ""
    r = runner.invoke(app, ["query", "statements-by-actor", "--store", str(disk_store)])
    assert r.exit_code == 2 and "needs parameter 'actor'" in r.stderr
    r = runner.invoke(app, ["query", "statements-by-actor", "--store", str(disk_store), "-p", "actor=nope"])
    assert r.exit_code == 2 and "parameter 'actor'" in r.stderr
    r = runner.invoke(app, ["query", "scorecard", "--store", str(disk_store), "-p", "oops"])
    assert r.exit_code == 2 and "NAME=VALUE" in r.stderr
    r = runner.invoke(app, ["query", "scorecard", "--store", str(disk_store), "-f", "turtle"])
    assert r.exit_code == 2 and "does not fit" in r.stderr


def test_cli_file_update_refused_and_limit_note(disk_store: Path, tmp_path: Path) -> None:
    upd = tmp_path / "drop.rq"
    upd.write_text("DROP ALL\n", encoding="utf-8")
    r = runner.invoke(app, ["query", "--file", str(upd), "--store", str(disk_store)])
    assert r.exit_code == 3 and "read-only" in r.stderr
    sel = tmp_path / "all.rq"
    sel.write_text("SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    r = runner.invoke(app, ["query", "--file", str(sel), "--store", str(disk_store), "--limit", "2", "-f", "csv"])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 3
    assert "result cut at 2 rows" in r.stderr
