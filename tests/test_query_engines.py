"""Answers engines used to give differently, now the same on Oxigraph and rdflib (the bench compares both)."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset

from kg.queries import bind, get_query, run_query
from kg.store import MemoryStore
from kg.store.terms import to_rdflib

TRIG = """
@prefix kg: <https://w3id.org/kg/ontology#> .
@prefix kgc: <https://w3id.org/kg/concept/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/kg/graph/article/a1> {
  <https://w3id.org/kg/id/article/a1/m-1> a kg:Meeting ;
      kg:participant <https://w3id.org/kg/id/actor/person/ana-lind>, <https://w3id.org/kg/id/actor/person/nobody> ;
      kg:meetingKind kgc:kind-talks ; kg:meetingStatus kgc:status-held ;
      kg:extractedFrom <https://w3id.org/kg/id/article/a1> .
  <https://w3id.org/kg/id/article/a1/m-2> a kg:Meeting ;
      kg:participant <https://w3id.org/kg/id/actor/person/ana-lind>, <https://w3id.org/kg/id/actor/person/bo-kers> ;
      kg:meetingKind kgc:kind-call ; kg:meetingStatus kgc:status-planned ; kg:startDate "2026-04-01"^^xsd:date ;
      kg:extractedFrom <https://w3id.org/kg/id/article/a1> .
}
<https://w3id.org/kg/graph/actors> {
  <https://w3id.org/kg/id/actor/person/ana-lind> rdfs:label "Ana Lind" .
  <https://w3id.org/kg/id/actor/person/bo-kers> rdfs:label "Bo Kers" .
}
"""


def test_meeting_without_labelled_others_gives_an_empty_list_on_both_engines() -> None:
    store = MemoryStore()
    store.raw.load(TRIG.encode(), format=ox.RdfFormat.TRIG)
    q = get_query("meetings-of-actor")
    values = {"actor": "https://w3id.org/kg/id/actor/person/ana-lind"}
    ours = run_query(store, q, values)
    i = ours.variables.index("others")
    mine = {r[0].value: r[i].value for r in ours.rows}  # type: ignore[union-attr]
    ds = Dataset(default_union=True)
    ds.parse(data=TRIG, format="trig")
    theirs = {str(r["meeting"]): str(r["others"]) for r in ds.query(
        q.text, initBindings={k: to_rdflib(v) for k, v in bind(q, values).items()})}  # type: ignore[index]
    assert mine == theirs == {"https://w3id.org/kg/id/article/a1/m-1": "",
                              "https://w3id.org/kg/id/article/a1/m-2": "Bo Kers"}
    assert [r[0].value for r in ours.rows] == [  # type: ignore[union-attr]
        "https://w3id.org/kg/id/article/a1/m-2", "https://w3id.org/kg/id/article/a1/m-1"]  # newest first, undated last


DUE_TRIG = """
@prefix kg: <https://w3id.org/kg/ontology#> .
@prefix kgc: <https://w3id.org/kg/concept/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix a: <https://w3id.org/kg/id/article/b1/> .
@prefix who: <https://w3id.org/kg/id/actor/person/> .
<https://w3id.org/kg/graph/article/b1> {
  a:p1 a kg:Prediction ; kg:predictor who:ana-lind ; kg:deadline "2026-05-01"^^xsd:date ; kg:probability 0.7 ;
      kg:text "The bridge opens by May." ; kg:extractedFrom <https://w3id.org/kg/id/article/b1> .
  a:p2 a kg:Prediction ; kg:predictor who:bo-kers ; kg:deadline "2026-03-01"^^xsd:date ;
      kg:text "Rates fall in March." ; kg:extractedFrom <https://w3id.org/kg/id/article/b1> .
  a:p3 a kg:Prediction ; kg:predictor who:ana-lind ; kg:deadline "2026-02-01"^^xsd:date ; kg:probability 0.9 ;
      kg:text "The strike ends in February." ; kg:extractedFrom <https://w3id.org/kg/id/article/b1> .
  a:p4 a kg:Prediction ; kg:predictor who:ana-lind ; kg:deadline "2027-01-01"^^xsd:date ; kg:probability 0.4 ;
      kg:text "A deal next year." ; kg:extractedFrom <https://w3id.org/kg/id/article/b1> .
  a:p5 a kg:Prediction ; kg:predictor who:bo-kers ; kg:deadline "2026-05-01"^^xsd:date ; kg:probability 0.5 ;
      kg:text "Talks resume in spring." ; kg:extractedFrom <https://w3id.org/kg/id/article/b1> .
  a:p6 a kg:Prediction ; kg:predictor who:bo-kers ; kg:probability 0.5 ;
      kg:text "Prices rise, some day." ; kg:extractedFrom <https://w3id.org/kg/id/article/b1> .
}
<https://w3id.org/kg/graph/status> {
  a:p3 kg:status kgc:status-refuted .
  a:p5 kg:status kgc:status-open .
}
"""


def _due_rows(values: dict[str, str]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """predictions-due on Oxigraph (kg's path) and on rdflib: rows as tuples of strings ("" for unbound)."""
    store = MemoryStore()
    store.raw.load(DUE_TRIG.encode(), format=ox.RdfFormat.TRIG)
    q = get_query("predictions-due")
    ours = run_query(store, q, values)
    mine = [tuple("" if t is None else t.value for t in row) for row in ours.rows]  # type: ignore[union-attr]
    ds = Dataset(default_union=True)
    ds.parse(data=DUE_TRIG, format="trig")
    result = ds.query(q.text, initBindings={k: to_rdflib(v) for k, v in bind(q, values).items()})
    theirs = [tuple("" if r[v] is None else str(r[v]) for v in ours.variables) for r in result]  # type: ignore[index]
    return mine, theirs


def test_predictions_due_same_rows_on_both_engines_whole_store_and_by_predictor() -> None:
    base = "https://w3id.org/kg/id/article/b1/"
    mine, theirs = _due_rows({"before": "2026-06-30"})
    assert mine == theirs
    # soonest first; p3 judged (refuted) and p4 due later are left out, p5 judged open stays, p2 has no probability
    assert [(r[0], r[1].removeprefix(base), r[3]) for r in mine] == [
        ("2026-03-01", "p2", ""), ("2026-05-01", "p1", "0.7"), ("2026-05-01", "p5", "0.5")]
    mine, theirs = _due_rows({"before": "2026-06-30", "predictor": "https://w3id.org/kg/id/actor/person/ana-lind"})
    assert mine == theirs
    assert [r[1].removeprefix(base) for r in mine] == ["p1"]


def test_meetings_of_actor_by_status_same_rows_on_both_engines() -> None:
    store = MemoryStore()
    store.raw.load(TRIG.encode(), format=ox.RdfFormat.TRIG)
    ds = Dataset(default_union=True)
    ds.parse(data=TRIG, format="trig")
    q = get_query("meetings-of-actor")
    expected = {None: ["m-2", "m-1"], "held": ["m-1"], "planned": ["m-2"], "cancelled": []}
    for status, meetings in expected.items():
        values = {"actor": "https://w3id.org/kg/id/actor/person/ana-lind"} | ({"status": status} if status else {})
        ours = [r[0].value.rsplit("/", 1)[1] for r in run_query(store, q, values).rows]  # type: ignore[union-attr]
        result = ds.query(q.text, initBindings={k: to_rdflib(v) for k, v in bind(q, values).items()})
        theirs = {str(r["meeting"]).rsplit("/", 1)[1] for r in result}  # type: ignore[index]
        assert ours == meetings and theirs == set(meetings), status


_SUMMARY_BY_EXTRACTED_FROM = """
SELECT ?section ?item (MIN(STR(?l)) AS ?label) ?date ?status (COUNT(DISTINCT ?mention) AS ?mentions) ?article
WHERE {
  { ?mention kg:extractedFrom ?article ; kg:refersTo ?item . OPTIONAL { ?item rdfs:label ?l }
    BIND("1 actor" AS ?section) }
  UNION
  { ?item kg:extractedFrom ?article ; kg:speaker ?speaker ; kg:text ?l .
    OPTIONAL { ?item kg:saidOn ?date } OPTIONAL { ?item kg:statementKind ?status } BIND("2 statement" AS ?section) }
  UNION
  { ?item kg:extractedFrom ?article ; kg:meetingKind ?l ; kg:meetingStatus ?status .
    OPTIONAL { ?item kg:startDate ?date } BIND("3 meeting" AS ?section) }
  UNION
  { ?item kg:extractedFrom ?article ; kg:predictor ?predictor ; kg:text ?l . OPTIONAL { ?item kg:deadline ?date }
    OPTIONAL { GRAPH kgg:status { ?item kg:status ?judged } } BIND(COALESCE(?judged, kgc:status-open) AS ?status)
    BIND("4 prediction" AS ?section) }
}
GROUP BY ?section ?item ?date ?status ?article
"""


def test_article_summary_reads_the_article_graph_and_lists_what_was_extracted_from_it_on_both_engines() -> None:
    """The stored query reads each section from the article's own graph; it lists what the plain reading
    (every node kg:extractedFrom the article) lists, and rdflib gives the same rows."""
    from kg.ingest import ingest
    from kg.paths import data_dir

    store = MemoryStore()
    assert ingest(store, [data_dir("seeds") / "000_4f70852738a6ae05.txt"]).ok
    article = next(iter(store.query("SELECT ?a WHERE { ?a a kg:Article }")))["a"]
    q = get_query("article-summary")
    ours = run_query(store, q, {"article": article.value})
    mine = sorted(tuple("" if t is None else str(t.value) for t in row) for row in ours.rows)
    plain = store.query(_SUMMARY_BY_EXTRACTED_FROM, substitutions={"article": article})
    names = list(ours.variables)
    assert mine == sorted(tuple("" if r[n] is None else str(r[n].value) for n in names) for r in plain)
    assert {row[0] for row in mine} == {"1 actor", "2 statement", "3 meeting", "4 prediction"}
    ds = Dataset(default_union=True)
    ds.parse(data=store.raw.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    result = ds.query(q.text, initBindings={k: to_rdflib(v) for k, v in bind(q, {"article": article.value}).items()})
    theirs = sorted(tuple("" if r[n] is None else str(r[n]) for n in names) for r in result)  # type: ignore[index]
    assert theirs == mine
