"""Every stored query on the store seeded with seeds/ through the real pipeline, with rows from the seed article,
in every output format of ``kg query``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import ingest
from kg.paths import data_dir
from kg.queries import get_query, load_queries, run_query
from kg.resolve import resolve
from kg.store import MemoryStore, OxigraphStore
from kg.store.terms import to_graph

KGA = "https://w3id.org/kg/id/actor/"
KG = "https://w3id.org/kg/ontology#"
SEED = data_dir("seeds") / "000_4f70852738a6ae05.txt"
ARTICLE = "https://w3id.org/kg/id/article/315ab33ea4c64674"  # sha256 of the seed's URL, first 16 hex digits
TWEET = "I have asked Secretary of State Mike Pompeo not to go to North Korea"


def rows(store: MemoryStore, name: str, **values: str) -> list[dict[str, str]]:
    r = run_query(store, get_query(name), values)
    return [{v: t.value for v, t in zip(r.variables, row, strict=True) if t is not None} for row in r.rows]


def prediction(store: MemoryStore, words: str) -> str:
    """The IRI of the seed prediction whose text contains *words*."""
    found = [
        row["p"].value
        for row in store.query(f"SELECT ?p ?t WHERE {{ ?p a <{KG}Prediction> ; <{KG}text> ?t }}")
        if words in row["t"].value and row["p"].value.startswith(ARTICLE)
    ]
    assert found, f"no seed prediction contains {words!r}"
    return found[0]


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store with seeds/ ingested and resolved as of the end of 2019."""
    path = tmp_path_factory.mktemp("seeded") / "kg-data"
    s = OxigraphStore(path)
    assert ingest(s, [data_dir("seeds")]).ok
    resolve(s, as_of=dt.date(2019, 12, 31), now=dt.datetime(2019, 12, 31, 12, tzinfo=dt.UTC))
    s.close()
    return path


@pytest.fixture(scope="module")
def rstore(resolved: Path) -> OxigraphStore:
    return OxigraphStore(resolved, read_only=True)


def test_every_stored_query_is_covered() -> None:
    covered = {
        "statements-by-actor", "quotes-timeline", "meetings-of-actor", "actor-network", "open-predictions",
        "predictions-due", "prediction-outcomes", "scorecard", "provenance", "article-summary",
        "actors-wikidata", "prediction-graph", "is-confirmed", "status-history",
    }
    assert set(load_queries()) == covered


def test_statements_by_trump(seeded_store: MemoryStore) -> None:
    found = [r for r in rows(seeded_store, "statements-by-actor", actor=KGA + "donald-trump") if TWEET in r["text"]]
    assert len(found) == 1
    assert found[0]["date"] == "2018-08-24"
    assert found[0]["medium"].endswith("medium-tweet")


def test_quotes_timeline_of_the_seed(seeded_store: MemoryStore) -> None:
    texts = [r["text"] for r in rows(seeded_store, "quotes-timeline", article=ARTICLE)]
    assert any(TWEET in t for t in texts)
    assert any(t.startswith("In the meantime I would like to send my warmest regards") for t in texts)


def test_meetings_of_kim(seeded_store: MemoryStore) -> None:
    found = rows(seeded_store, "meetings-of-actor", actor=KGA + "kim-jong-un")
    singapore = [r for r in found if r.get("place") == "Singapore"]
    assert singapore and singapore[0]["start"] == "2018-06-12"
    assert singapore[0]["meetingStatus"].endswith("status-held")
    assert "Donald Trump" in singapore[0]["others"]


def test_actor_network_ties_trump_and_kim(seeded_store: MemoryStore) -> None:
    ties = {(r["other"], r["tie"]) for r in rows(seeded_store, "actor-network", actor=KGA + "kim-jong-un")}
    assert (KGA + "donald-trump", "met") in ties
    assert (KGA + "moon-jae-in", "mentioned") in ties


def test_provenance_points_at_the_exact_words(seeded_store: MemoryStore) -> None:
    statement = next(
        r["statement"] for r in rows(seeded_store, "statements-by-actor", actor=KGA + "donald-trump")
        if TWEET in r["text"]
    )
    (prov,) = rows(seeded_store, "provenance", node=statement)
    text = SEED.read_text(encoding="utf-8")
    assert text[int(prov["start"]) : int(prov["end"])] == prov["exact"]
    assert TWEET in prov["exact"]


def test_article_summary_and_wikidata(seeded_store: MemoryStore) -> None:
    summary = rows(seeded_store, "article-summary", article=ARTICLE)
    assert summary
    wikidata = {r["actor"]: r["wikidata"] for r in rows(seeded_store, "actors-wikidata", article=ARTICLE)}
    assert wikidata[KGA + "donald-trump"] == "http://www.wikidata.org/entity/Q22686"
    assert wikidata[KGA + "xi-jinping"] == "http://www.wikidata.org/entity/Q15031"


def test_open_and_due_before_resolution(seeded_store: MemoryStore) -> None:
    open_texts = [r["text"] for r in rows(seeded_store, "open-predictions")]
    assert any("Pyongyang will push ahead with China and South Korea" in t for t in open_texts)
    due = [r["text"] for r in rows(seeded_store, "predictions-due", before="2018-09-30")]
    assert any("Moon Jae-in for a fifth inter-Korean summit" in t for t in due)


def test_outcomes_scorecard_and_ask_after_resolution(rstore: OxigraphStore) -> None:
    xi = prediction(rstore, "likely with Chinese President Xi Jinping by his side")
    moon = prediction(rstore, "Moon Jae-in for a fifth inter-Korean summit")
    outcomes = rows(rstore, "prediction-outcomes", prediction=xi)
    assert {r["currentStatus"].rsplit("-", 1)[1] for r in outcomes} == {"refuted"}
    # the 2018-09-04 announcement and the 2018-09-09 parade report, each with its exact words
    assert len({r["evidenceSource"] for r in outcomes if "evidenceSource" in r}) >= 2
    assert all(r.get("evidenceText") for r in outcomes if "evidenceSource" in r)
    assert run_query(rstore, get_query("is-confirmed"), {"prediction": moon}).boolean is True
    assert run_query(rstore, get_query("is-confirmed"), {"prediction": xi}).boolean is False
    card = {r["whoLabel"]: r for r in rows(rstore, "scorecard") if "whoLabel" in r}
    assert int(card["Ankit Panda"]["made"]) >= 5
    assert int(card["Ankit Panda"]["refuted"]) >= 1 and int(card["Ankit Panda"]["confirmed"]) >= 1


def test_status_history_of_the_seed_forecast(rstore: OxigraphStore) -> None:
    moon = prediction(rstore, "Moon Jae-in for a fifth inter-Korean summit")
    history = rows(rstore, "status-history", prediction=moon)
    assert [(r["status"].rsplit("-", 1)[-1], r["record"], r["asOf"]) for r in history] == [
        ("confirmed", "resolution", "2019-12-31")
    ]


def test_prediction_graph_is_self_contained(rstore: OxigraphStore) -> None:
    xi = prediction(rstore, "likely with Chinese President Xi Jinping by his side")
    r = run_query(rstore, get_query("prediction-graph"), {"prediction": xi})
    g = to_graph(r.triples)
    assert (URIRef(xi), URIRef(KG + "predictedEvent"), None) in g
    assert (None, URIRef(KG + "resolves"), URIRef(xi)) in g


SELECT_FORMATS = ["json", "csv", "tsv", "xml", "table"]


@pytest.mark.parametrize("fmt", SELECT_FORMATS)
def test_kg_query_formats_on_the_seeded_store(resolved: Path, fmt: str) -> None:
    result = CliRunner().invoke(
        app,
        ["query", "statements-by-actor", "--param", f"actor={KGA}donald-trump", "--format", fmt,
         "--store", str(resolved)],
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if fmt == "json":
        bindings = json.loads(out)["results"]["bindings"]
        assert any(TWEET in b["text"]["value"] for b in bindings)
    elif fmt == "csv":
        table = list(csv.DictReader(io.StringIO(out)))
        assert any(TWEET in r["text"] for r in table)
    else:
        assert "I have asked Secretary of State" in out


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld"])
def test_construct_formats_on_the_seeded_store(resolved: Path, rstore: OxigraphStore, fmt: str) -> None:
    xi = prediction(rstore, "likely with Chinese President Xi Jinping by his side")
    result = CliRunner().invoke(
        app, ["query", "prediction-graph", "--param", f"prediction={xi}", "--format", fmt, "--store", str(resolved)]
    )
    assert result.exit_code == 0, result.stderr
    g = Graph().parse(data=result.stdout, format={"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt])
    assert (URIRef(xi), URIRef(KG + "predictedEvent"), None) in g


def test_seeded_store_passes_validation(resolved: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "--store", str(resolved)])
    assert result.exit_code == 0, result.stdout


def test_federated_queries_are_refused(resolved: Path, tmp_path: Path) -> None:
    rq = tmp_path / "remote.rq"
    rq.write_text("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", encoding="utf-8")
    result = CliRunner().invoke(app, ["query", "--file", str(rq), "--store", str(resolved)])
    assert result.exit_code == 3
    assert "SERVICE" in result.stderr and result.stdout == ""


def test_federated_queries_are_refused_by_the_endpoint(rstore: OxigraphStore) -> None:
    import asyncio

    import httpx

    from kg.endpoint import create_app

    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(rstore, timeout=5.0, cors=[]))
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            return await client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"})

    response = asyncio.run(ask())
    assert response.status_code == 403
    assert "SERVICE" in response.text
