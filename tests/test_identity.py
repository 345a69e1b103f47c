"""Stable identities and the actors graph (docs/model.md, "Decisions shared by every issue").

Articles written for these tests (own words): a council spokesperson quoted on a bridge, a forecast about it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, URIRef
from rdflib.compare import isomorphic

from kg.identity import article_key, canonical_url, node_hash
from kg.ingest import ingest
from kg.mapping import map_records
from kg.namespaces import ACTORS_GRAPH, KG, PROV, RESOLUTION_GRAPH_PREFIX
from kg.records import Actor, ArticleRecord, Prediction, Records, Span, Statement
from kg.store import MemoryStore, OxigraphStore
from kg.store.review import needing_review
from kg.store.terms import to_graph
from kg.store.writer import delete_articles
from kg.validate import validate_articles, validate_store

URL = "https://news.example.org/bridge"
QUOTE = "The bridge will reopen before winter."
FORECAST = "The council will probably approve the budget by March."
EXTRA = "Residents gathered on Monday to ask about the works. "


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def records(*, prefix: str = "", quote: str = QUOTE, url: str | None = URL, actor: bool = True) -> Records:
    """One article: a spokesperson (text-found) says *quote*; the author forecasts a budget vote."""
    text = f'{prefix}Mara Quill, a council spokesperson, said: "{quote}" {FORECAST}'
    actors = [Actor("a1", "Mara Quill", "Person", mentions=[_span(text, "Mara Quill")], rule="name")] if actor else []
    statements = [Statement("s1", "a1" if actor else None, quote, "quote", _span(text, quote), rule="quote")]
    predictions = [Prediction("p1", "author", FORECAST, _span(text, FORECAST), hedge="probably", probability=0.7,
                              deadline="2019-03-31", rule="hedge")]
    article = ArticleRecord(text=text, url=url, title="Bridge", outlet="Town Gazette", author="Ivo Penn",
                            published="2018-10-01")
    return Records(article=article, actors=actors, statements=statements, predictions=predictions)


def write(tmp_path: Path, name: str, r: Records) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(r.to_dict()), encoding="utf-8")
    return path


def nodes(store: MemoryStore, cls: URIRef) -> set[str]:
    return {row["n"].value for row in store.query(f"SELECT ?n WHERE {{ ?n a <{cls}> }}")}


def test_article_key_from_canonical_url_else_normalised_text() -> None:
    assert canonical_url("HTTPS://News.Example.org/x/?utm_medium=a&b=1#c") == "https://news.example.org/x/?b=1"
    assert article_key(url="https://news.example.org/x?utm_source=y", text="") == article_key(
        url="https://NEWS.example.org/x#top", text="other")
    assert article_key(url=None, text=" A\n b ") == article_key(url=None, text="A b")
    assert article_key(url=None, text="A b") != article_key(url=None, text="A c")


def test_node_iris_come_from_kind_and_words() -> None:
    first, corrected = map_records(records()), map_records(records(prefix=EXTRA))
    assert first.iris == corrected.iris  # a paragraph added above keeps every IRI
    assert first.iris["s1"].endswith("/s-" + node_hash("s", QUOTE))
    assert node_hash("s", QUOTE) != node_hash("p", QUOTE)
    assert map_records(records(quote="The bridge will stay shut.")).iris["s1"] != first.iris["s1"]


def test_repeated_words_get_numbered_in_text_order() -> None:
    r = records()
    text = r.article.text + f' She repeated: "{QUOTE}"'
    r.article = ArticleRecord(text=text, url=URL)
    second = text.rindex(QUOTE)
    r.statements.append(Statement("s2", "a1", QUOTE, "quote", Span(second, second + len(QUOTE), QUOTE), rule="q"))
    iris = map_records(r).iris
    assert iris["s2"] == iris["s1"] + "-2"


def test_corrected_article_keeps_iris_and_flags_changed_evidence(tmp_path: Path) -> None:
    store = MemoryStore()
    ingest(store, [write(tmp_path, "first", records())])
    statements, predictions = nodes(store, KG.Statement), nodes(store, KG.Prediction)
    (statement,) = statements
    resolution = "https://w3id.org/kg/id/resolution/r1"
    g = ox.NamedNode(RESOLUTION_GRAPH_PREFIX + "r1")
    store.apply(add=[
        ox.Quad(ox.NamedNode(resolution), ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Resolution)), g),
        ox.Quad(ox.NamedNode(resolution), ox.NamedNode(str(KG.evidence)), ox.NamedNode(statement), g),
    ])
    result = ingest(store, [write(tmp_path, "corrected", records(prefix=EXTRA))])
    assert result.ok and result.flagged == []
    assert nodes(store, KG.Statement) == statements and nodes(store, KG.Prediction) == predictions
    assert len(store.graph_names()) == len({*store.graph_names()})  # one article, replaced
    assert needing_review(store) == []
    changed = ingest(store, [write(tmp_path, "changed", records(prefix=EXTRA, quote="The bridge stays shut."))])
    assert changed.flagged == [resolution] and needing_review(store) == [resolution]
    assert (ox.NamedNode(resolution), ox.NamedNode(str(KG.evidence)), ox.NamedNode(statement)) in {
        (q.subject, q.predicate, q.object) for q in store.quads(RESOLUTION_GRAPH_PREFIX + "r1")
    }  # never re-pointed


def test_actor_facts_live_once_in_the_actors_graph(tmp_path: Path) -> None:
    store = MemoryStore()
    other = records(url="https://news.example.org/other")
    result = ingest(store, [write(tmp_path, "a", records()), write(tmp_path, "b", other)])
    assert result.ok
    mara = "https://w3id.org/kg/id/actor/person/mara-quill"
    actors = to_graph(store.quads(str(ACTORS_GRAPH)))
    assert (URIRef(mara), RDF.type, KG.Person) in actors
    assert len(list(actors.objects(URIRef(mara), PROV.wasDerivedFrom))) == 2
    firsts = list(actors.objects(URIRef(mara), KG.firstSeenIn))
    assert len(firsts) == 1 and str(firsts[0]) in {map_records(records()).article.value,
                                                   map_records(other).article.value}
    for name in store.graph_names():
        if "/graph/article/" in name:
            g = to_graph(store.quads(name))
            assert not list(g.triples((None, RDFS.label, None))), name  # no actor facts in article graphs
    # the second article no longer names her: her facts stay (derived from the first)
    ingest(store, [write(tmp_path, "b2", records(url="https://news.example.org/other", actor=False))])
    assert (URIRef(mara), RDFS.label, None) in to_graph(store.quads(str(ACTORS_GRAPH)))
    # once no article names her, her facts go
    first = map_records(records()).article.value
    delete_articles(store, [first])
    remaining = to_graph(store.quads(str(ACTORS_GRAPH)))
    assert not list(remaining.triples((URIRef(mara), None, None)))
    ivo = URIRef("https://w3id.org/kg/id/actor/person/ivo-penn")  # the author: now first seen in the other one
    assert list(remaining.objects(ivo, KG.firstSeenIn)) == [URIRef(map_records(other).article.value)]
    assert (URIRef("https://w3id.org/kg/id/actor/person/ivo-penn"), RDF.type, KG.Person) in remaining


def test_reingest_is_idempotent(tmp_path: Path) -> None:
    store = MemoryStore()
    path = write(tmp_path, "a", records())
    ingest(store, [path])
    before = to_graph(store.quads())
    ingest(store, [path])
    assert isomorphic(before, to_graph(store.quads()))


def test_both_validation_paths_give_the_same_verdicts(tmp_path: Path) -> None:
    """Known-bad data through the ingest path (one SHACL run per batch) and through kg validate (graph by graph)."""
    good, bad = map_records(records()), map_records(records(url="https://news.example.org/bad"))
    statement = ox.NamedNode(bad.iris["s1"])
    bad.triples.append(ox.Triple(statement, ox.NamedNode(str(KG.speaker)), bad.article))  # a second speaker
    bad.triples.append(ox.Triple(ox.NamedNode(bad.iris["p1"]), ox.NamedNode(str(KG.probability)),
                                 ox.Literal("1.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))))
    ok, wrong = validate_articles([good, bad])
    assert ok.conforms and not wrong.conforms
    store = MemoryStore()
    from kg.store.writer import ensure_reference, write_articles

    ensure_reference(store)
    write_articles(store, [good, bad])
    whole = validate_store(store, batch=1)
    assert {(r.focus, r.message) for r in whole.violations} == {(r.focus, r.message) for r in wrong.violations}
    assert not whole.conforms


def test_store_refuses_another_base(tmp_path: Path) -> None:
    path = write(tmp_path, "a", records())
    disk = OxigraphStore(tmp_path / "store")
    ingest(disk, [path])
    disk.close()
    env = {**os.environ, "KG_BASE": "https://kg.example.net/"}
    run = subprocess.run([sys.executable, "-m", "kg", "ingest", str(path), "--store", str(tmp_path / "store")],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2, run.stderr
    assert "base IRI" in run.stderr
    fresh = subprocess.run([sys.executable, "-m", "kg", "--base", "https://kg.example.net/", "ingest", str(path),
                            "--store", str(tmp_path / "other")], capture_output=True, text=True, timeout=120,
                           env={k: v for k, v in os.environ.items() if k != "KG_BASE"})
    assert fresh.returncode == 0, fresh.stderr
    other = OxigraphStore(tmp_path / "other", read_only=True)
    assert any(g.startswith("https://kg.example.net/graph/article/") for g in other.graph_names())
    assert not any("w3id.org/kg/id/" in str(q.subject) for q in other.quads() if "ontology" not in str(q.graph_name))


@pytest.mark.parametrize("fmt", ["turtle", "nquads"])
def test_unattributed_article_is_stored(tmp_path: Path, fmt: str) -> None:
    r = records(actor=False)
    r.article = ArticleRecord(text=r.article.text, url=URL)  # no author, no outlet: the article predicts
    store = MemoryStore()
    result = ingest(store, [write(tmp_path, "a", r)])
    assert result.ok, [o.report.to_text() for o in result.outcomes if o.report]
    assert store.dump(None, ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_QUADS)
