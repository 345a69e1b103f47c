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
