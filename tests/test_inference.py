"""What OWL reasoners conclude about each kind of kg node: exactly the intended types, nothing more.

The sample holds a node of every kind (article, person, organization, country, statement, text span,
mention, meeting, prediction, resolution, concepts, stamped reference graphs, an article standing as the
predictor of unattributed analysis), made by the real pipeline (records JSON -> mapping) plus the hand-written
valid examples. The expected types are written out, so that any new inference (a domain or range that makes a
graph an article, an article an actor, ...) fails the test and shows the full list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, PROV, SKOS

from kg.ingest import ingest
from kg.namespaces import ARTICLE, CONCEPT, GRAPH, KG, OA, RESOLUTION, SDO
from kg.ontology import inferred_types
from kg.store import MemoryStore
from kg.store.terms import to_graph

DATA = Path(__file__).parent / "data"
KGA = Namespace("https://w3id.org/kg/id/actor/")
K = Namespace("https://w3id.org/kg/id/article/4f70852738a6ae05/")
ORPHAN = ARTICLE["0000000000000000"]  # an article without any metadata, credited with its own analysis

ACTOR = {KG.Actor, PROV.Agent, FOAF.Agent}
CLAIM = {SDO.Claim, PROV.Entity}
SPAN = {KG.TextSpan, OA.TextPositionSelector, OA.TextQuoteSelector}
ARTICLE_TYPES = {KG.Article, SDO.NewsArticle, PROV.Entity, FOAF.Document}

EXPECTED: dict[str, tuple[URIRef, set[URIRef]]] = {
    "article": (ARTICLE["4f70852738a6ae05"], ARTICLE_TYPES),
    "person": (KGA["donald-trump"], {KG.Person, SDO.Person, FOAF.Person} | ACTOR),
    "organization": (KGA["the-diplomat"], {KG.Organization, SDO.Organization, FOAF.Organization} | ACTOR),
    "country": (KGA["north-korea"], {KG.Country, SDO.Country} | ACTOR),
    "statement": (K["s1"], {KG.Statement} | CLAIM),
    "text span": (K["s1-span"], SPAN),
    "mention": (K["a1-m1"], {KG.Mention} | SPAN),
    "meeting": (K["m1"], {KG.Meeting, SDO.Event}),
    "prediction": (K["p1"], {KG.Prediction} | CLAIM),
    "resolution": (RESOLUTION["r1"], {KG.Resolution, PROV.Activity}),
    "meeting kind": (CONCEPT["kind-summit"], {SKOS.Concept}),
    "hedge": (CONCEPT["wep-likely"], {KG.EstimativeTerm, SKOS.Concept}),
    "ontology graph": (GRAPH["ontology"], set()),
    "registry graph": (GRAPH["registry"], set()),
    "article as predictor": (ORPHAN, ARTICLE_TYPES),
    "wikidata item": (URIRef("http://www.wikidata.org/entity/Q22686"), set()),
}

ORPHAN_TTL = f"""
@prefix kg: <https://w3id.org/kg/ontology#> .
<{ORPHAN}> a kg:Article ; kg:contentHash "{"0" * 64}" .
<{ORPHAN}/p1> a kg:Prediction ; kg:predictor <{ORPHAN}> ; kg:extractedFrom <{ORPHAN}> .
"""


@pytest.fixture(scope="module")
def sample() -> Graph:
    store = MemoryStore()
    assert ingest(store, [DATA / "records" / "minimal.json"]).ok
    reference = (str(GRAPH["ontology"]), str(GRAPH["registry"]))
    g = to_graph(q for q in store.quads() if q.graph_name.value not in reference)  # type: ignore[union-attr]
    stamps = [q for q in store.quads() if q.subject.value in reference  # type: ignore[union-attr]
              and q.predicate.value == str(KG.contentHash)]
    assert stamps, "the reference graphs are stamped with a content hash"
    for q in stamps:  # the graphs' stamps (the ontology itself is added by the reasoner)
        g.add((URIRef(q.subject.value), KG.contentHash, Literal(q.object.value)))  # type: ignore[union-attr]
    g.parse(DATA / "valid_article.ttl")
    g.parse(DATA / "valid_resolution.ttl")
    g.parse(data=ORPHAN_TTL, format="turtle")
    return g


def _check(found: dict[URIRef, set[URIRef]]) -> None:
    listing = "\n".join(f"{kind:22} {sorted(map(str, found[node]))}" for kind, (node, _) in EXPECTED.items())
    print(listing)  # the list of inferred types, shown with pytest -s or on failure
    wrong = {kind: found[node] ^ types for kind, (node, types) in EXPECTED.items() if found[node] != types}
    assert not wrong, f"unintended or missing types (symmetric difference) {wrong}\n{listing}"


def test_owlrl_infers_only_the_intended_types(sample: Graph) -> None:
    _check(inferred_types(sample, [n for n, _ in EXPECTED.values()], reasoner="owlrl"))


@pytest.mark.java
@pytest.mark.slow
def test_hermit_infers_only_the_intended_types(sample: Graph) -> None:
    import shutil

    if shutil.which("java") is None:
        pytest.skip("no Java runtime for HermiT")
    _check(inferred_types(sample, [n for n, _ in EXPECTED.values()], reasoner="hermit"))


def test_ontology_page_lists_every_term(tmp_path: Path) -> None:
    from html.parser import HTMLParser

    from kg.ontology_page import load_ontology, write_page

    page = write_page(tmp_path / "docs" / "index.html").read_text(encoding="utf-8")
    ids: set[str] = set()
    hrefs: set[str] = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if a.get("id"):
                ids.add(a["id"] or "")
            if (a.get("href") or "").startswith("#"):
                hrefs.add((a["href"] or "")[1:])

    Collect().feed(page)
    onto = load_ontology()
    terms = {str(s).split("#")[1] for s in onto.subjects() if str(s).startswith(str(KG._NS))}
    assert terms <= ids, terms - ids
    assert hrefs <= ids, hrefs - ids  # every internal link lands
    assert {"kind-visit", "wep-likely", "MeetingKindScheme"} <= ids


def test_meetings_carry_their_kinds_cameo_code() -> None:
    from kg.mapping import to_graph as map_records
    from kg.namespaces import MEETING_KINDS
    from kg.ontology import cameo_codes
    from kg.records import Records

    assert set(cameo_codes()) == set(MEETING_KINDS)
    records = Records.from_dict(__import__("json").loads((DATA / "records" / "minimal.json").read_text()))
    g = map_records(records)
    meetings = list(g.subjects(KG.meetingKind, None))
    assert meetings
    for meeting in meetings:
        kind = str(g.value(meeting, KG.meetingKind)).rsplit("kind-", 1)[1]
        assert str(g.value(meeting, KG.cameoCode)) == cameo_codes()[kind]
