"""A person's judgement: recorded like a rule's, wins over rules, keeps the history; CLI exit codes and JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from rdflib import URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import UsageError
from kg.ingest import ingest
from kg.namespaces import KG, STATUS_GRAPH, concept
from kg.predictions import JSON_KEYS, list_predictions
from kg.resolve import history, judge, resolve
from kg.store import MemoryStore
from tests.resolve_data import DATA, IDS, IRIS

NOW = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
FILES = ("a_prediction", "b_announcement", "c_parade", "d_summit", "e_pompeo", "f_hanoi")


@pytest.fixture
def resolved(store: MemoryStore) -> MemoryStore:
    assert not ingest(store, [DATA / f"{n}.json" for n in FILES], force=True).failed
    resolve(store, as_of=None, now=NOW)
    return store


def iri(store: MemoryStore, url: str, local: str = "") -> str:
    rows = store.query("SELECT ?a ?u WHERE { ?a kg:url ?u }")
    if local:
        return IRIS[(url, local.strip("/"))]
    return next(r["a"].value for r in rows if r["u"].value == url)


def status(store: MemoryStore, prediction: str) -> URIRef | None:
    g = store.graph(str(STATUS_GRAPH))
    return g.value(URIRef(prediction), KG.status)  # type: ignore[return-value]


def test_human_judgement_wins_and_history_stays(resolved: MemoryStore) -> None:
    p3 = iri(resolved, "https://example.org/a", "/p3")
    rule = history(resolved, p3)
    assert [r.content.outcome for r in rule] == ["confirmed"]
    j = judge(resolved, p3, outcome="ambiguous", evidence=["https://example.org/f"], note="a summit, no deal",
              by="Jane Doe", now=NOW + dt.timedelta(days=1))
    assert j.written and j.method == "human" and j.agent.endswith("/jane-doe")
    assert j.revises == rule[0].iri
    assert status(resolved, p3) == concept("status", "ambiguous")
    # the rules run again: the person's judgement stays, nothing new is written
    again = {x.prediction: x for x in resolve(resolved, now=NOW + dt.timedelta(days=2))}
    assert again[p3].outcome == "ambiguous" and again[p3].method == "human" and not again[p3].written
    assert status(resolved, p3) == concept("status", "ambiguous")
    chain = history(resolved, p3)
    assert [(r.content.method, r.content.outcome) for r in chain] == [("rule", "confirmed"), ("human", "ambiguous")]
    graph = resolved.graph("https://w3id.org/kg/graph/resolution/" + j.resolution.rsplit("/", 1)[-1])  # type: ignore[union-attr]
    r = URIRef(j.resolution)
    assert graph.value(r, KG.method) == concept("method", "human")
    assert str(graph.value(r, KG.rationale)) == "a summit, no deal"
    assert graph.value(r, KG.evidenceSource) == URIRef(iri(resolved, "https://example.org/f"))


def test_same_judgement_twice_writes_nothing(resolved: MemoryStore) -> None:
    p1 = iri(resolved, "https://example.org/a", "/p1")
    first = judge(resolved, p1, outcome="refuted", evidence=["https://example.org/c"], by="jane", now=NOW)
    size = len(resolved)
    second = judge(resolved, p1, outcome="refuted", evidence=["https://example.org/c"], by="jane", now=NOW)
    assert not second.written and second.resolution == first.resolution and len(resolved) == size


def test_unknown_source_prediction_or_outcome(resolved: MemoryStore) -> None:
    p1 = iri(resolved, "https://example.org/a", "/p1")
    with pytest.raises(UsageError, match="no article"):
        judge(resolved, p1, outcome="refuted", evidence=["https://example.org/nowhere"], by="jane")
    with pytest.raises(UsageError, match="no prediction"):
        judge(resolved, "kgd:0000/p9", outcome="refuted", evidence=["https://example.org/c"], by="jane")
    with pytest.raises(UsageError, match="unknown outcome"):
        judge(resolved, p1, outcome="expired", evidence=["https://example.org/c"], by="jane")
    with pytest.raises(UsageError, match="needs evidence"):
        judge(resolved, p1, outcome="confirmed", by="jane")


def test_predictions_rows(resolved: MemoryStore) -> None:
    rows = {IDS.get(r.iri, r.iri): r for r in list_predictions(resolved)}
    p2 = rows["p2"]
    assert (p2.status, p2.predictor, p2.probability, p2.deadline) == ("confirmed", "Ann Analyst", 0.9, "2018-09-30")
    assert p2.article == "https://example.org/a"
    assert [(e.source, e.published) for e in p2.evidence] == [("https://example.org/d", "2018-09-18")]
    assert p2.evidence[0].text.startswith("Moon Jae-in arrived in Pyongyang")
    assert rows["p7"].predictor == "Donald Trump"
    assert {r.iri for r in list_predictions(resolved, status="expired")} == {rows["p6"].iri}
    with pytest.raises(UsageError):
        list_predictions(resolved, status="maybe")


# -- the command line -----------------------------------------------------------------------------------------
@pytest.fixture
def disk(tmp_path: Path) -> str:
    store = str(tmp_path / "store")
    result = CliRunner().invoke(app, ["ingest", "--store", store, "--force", *(str(DATA / f"{n}.json") for n in FILES)])
    assert result.exit_code == 0, result.output
    return store


def test_cli_resolve_predictions_judge(disk: str) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["resolve", "--store", disk, "--as-of", "2018-09-05", "--format", "json"])
    assert result.exit_code == 0, result.output
    judgements = json.loads(result.stdout)
    assert {j["outcome"] for j in judgements} >= {"refuted", "open"}
    # a look back writes kgg:status/as-of/D only: the current statuses are not rewritten
    listed = json.loads(runner.invoke(app, ["predictions", "--store", disk, "--format", "json"]).stdout)
    assert {r["status"] for r in listed} == {"open"}
    result = runner.invoke(app, ["resolve", "--store", disk, "--format", "json"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["predictions", "--store", disk, "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and all(tuple(r) == JSON_KEYS for r in rows)
    assert all(set(e) == {"source", "published", "text"} for r in rows for e in r["evidence"])
    p1 = next(r for r in rows if r["iri"] == IRIS[("https://example.org/a", "p1")])
    assert p1["status"] == "refuted" and p1["evidence"][0]["source"] == "https://example.org/b"
    result = runner.invoke(app, ["judge", p1["iri"], "--outcome", "confirmed", "--evidence", "https://example.org/d",
                                 "--by", "Jane Doe", "--store", disk])
    assert result.exit_code == 0, result.output
    assert "recorded confirmed" in result.stdout
    listed = runner.invoke(app, ["predictions", "--store", disk, "--status", "refuted", "-f", "json"])
    refuted = json.loads(listed.stdout)
    assert all(r["iri"] != p1["iri"] for r in refuted)
    table = runner.invoke(app, ["predictions", "--store", disk])
    assert table.exit_code == 0 and "confirmed" in table.stdout


def test_cli_errors(disk: str) -> None:
    runner = CliRunner()
    bad_source = runner.invoke(app, ["judge", "kgd:x/p1", "--outcome", "refuted", "--evidence", "nope", "--by", "j",
                                     "--store", disk])
    assert bad_source.exit_code == 2 and "kg: error:" in bad_source.stderr
    assert runner.invoke(app, ["resolve", "--store", disk, "--as-of", "yesterday"]).exit_code == 2
    assert runner.invoke(app, ["predictions", "--store", disk, "--status", "maybe"]).exit_code == 2
    assert runner.invoke(app, ["predictions", "--store", disk, "--format", "xml"]).exit_code == 2
