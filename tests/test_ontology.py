"""The ontology files: they parse, declare exactly the terms of kg.namespaces.KG, document every term, and
HermiT finds them consistent (tests marked ``java`` need a Java runtime)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from kg.errors import ReasonerError
from kg.namespaces import (
    CONCEPT,
    KG,
    KGC,
    MEETING_KINDS,
    MEETING_STATUSES,
    METHODS,
    POLARITIES,
    PREDICTION_STATUSES,
    STATEMENT_KINDS,
    concept,
)
from kg.ontology import check_ontology
from kg.paths import data_dir
from kg.validate import load_ontology_graph

DATA = Path(__file__).parent / "data"
ONTOLOGY_FILES = sorted(data_dir("ontology").glob("*.ttl"))
PROV = Namespace("http://www.w3.org/ns/prov#")
SDO = Namespace("http://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="no Java runtime: HermiT cannot run")


@pytest.fixture(scope="module")
def kg_ttl() -> Graph:
    return Graph().parse(data_dir("ontology") / "kg.ttl", format="turtle")


def kg_names() -> set[str]:
    return set(KG.__annotations__)


def declared(graph: Graph) -> dict[str, URIRef]:
    """Local name -> OWL kind of every kg: term declared in *graph*."""
    ns = str(KG._NS)
    return {
        str(s)[len(ns):]: kind
        for kind in KINDS
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(ns)
    }


@pytest.mark.parametrize("path", ONTOLOGY_FILES, ids=lambda p: p.name)
def test_ontology_file_parses(path: Path) -> None:
    assert len(Graph().parse(path, format="turtle")) > 0


def test_ontology_header(kg_ttl: Graph) -> None:
    onto = URIRef("https://w3id.org/kg/ontology")
    assert (onto, RDF.type, OWL.Ontology) in kg_ttl
    for p in (OWL.versionInfo, RDFS.label, RDFS.comment, DCTERMS.license):
        assert kg_ttl.value(onto, p) is not None, p


def test_every_namespace_term_is_declared_and_nothing_else(kg_ttl: Graph) -> None:
    terms = declared(kg_ttl)
    assert sorted(kg_names() - set(terms)) == [], "in kg/namespaces.py but not declared in ontology/kg.ttl"
    assert sorted(set(terms) - kg_names()) == [], "declared in ontology/kg.ttl but not in kg/namespaces.py"


def test_classes_are_capitalised_and_properties_not(kg_ttl: Graph) -> None:
    for name, kind in declared(kg_ttl).items():
        assert (kind == OWL.Class) == name[0].isupper(), name


def test_every_term_has_english_label_and_comment(kg_ttl: Graph) -> None:
    for name in declared(kg_ttl):
        term = KG[name]
        for p in (RDFS.label, RDFS.comment):
            value = kg_ttl.value(term, p)
            assert isinstance(value, Literal) and value.language == "en" and str(value).strip(), (name, p)


def test_no_kg_term_is_used_without_declaration() -> None:
    graph = load_ontology_graph()
    ns = str(KG._NS)
    used = {str(t)[len(ns):] for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(ns)}
    assert used <= kg_names()


@pytest.mark.parametrize(
    ("term", "parents"),
    [
        (KG.title, [DCTERMS.title]),
        (KG.published, [DCTERMS.issued, SDO.datePublished]),
        (KG.author, [DCTERMS.creator, SDO.author]),
        (KG.speaker, [PROV.wasAttributedTo]),
        (KG.participant, [SDO.attendee]),
        (KG.host, [SDO.organizer]),
        (KG.extractedFrom, [PROV.wasDerivedFrom]),
        (KG.resolves, [PROV.used]),
        (KG.evidence, [PROV.used]),
        (KG.revises, [PROV.wasInformedBy]),
        (KG.wikidata, [SDO.sameAs]),
        (KG.text, [SDO.text]),
    ],
)
def test_property_alignment(kg_ttl: Graph, term: URIRef, parents: list[URIRef]) -> None:
    assert set(parents) <= set(kg_ttl.objects(term, RDFS.subPropertyOf))


def test_class_hierarchy(kg_ttl: Graph) -> None:
    def supers(c: URIRef) -> set:
        return set(kg_ttl.objects(c, RDFS.subClassOf))

    assert {KG.Actor, SDO.Person} <= supers(KG.Person)
    assert {PROV.Agent} <= supers(KG.Actor)
    assert {SDO.NewsArticle, PROV.Entity} <= supers(KG.Article)
    assert {SDO.Claim, PROV.Entity} <= supers(KG.Prediction)
    assert {PROV.Activity} <= supers(KG.Resolution)
    assert {KG.TextSpan} <= supers(KG.Mention)
    assert {SKOS.Concept} <= supers(KG.EstimativeTerm)
    assert (KG.speaker, RDF.type, OWL.FunctionalProperty) in kg_ttl


def test_property_kinds_match_their_use_in_ontology_and_seeds(kg_ttl: Graph) -> None:
    """Object properties point at IRIs and datatype properties hold literals wherever kg data uses them."""
    kinds = declared(kg_ttl)
    graph = Graph()
    graph += load_ontology_graph()
    registry = data_dir("seeds") / "actors.ttl"
    if registry.exists():
        graph.parse(registry, format="turtle")
    graph.parse(DATA / "valid_article.ttl", format="turtle")
    ns = str(KG._NS)
    for _s, p, o in graph:
        if not str(p).startswith(ns):
            continue
        kind = kinds[str(p)[len(ns):]]
        assert (kind == OWL.DatatypeProperty) == isinstance(o, Literal), (p, o)


def all_concepts() -> Graph:
    return load_ontology_graph()


@pytest.mark.parametrize(
    ("group", "values", "scheme"),
    [
        ("kind", MEETING_KINDS, KGC.MeetingKindScheme),
        ("status", MEETING_STATUSES, KGC.MeetingStatusScheme),
        ("status", PREDICTION_STATUSES, KGC.PredictionStatusScheme),
        ("statementkind", STATEMENT_KINDS, KGC.StatementKindScheme),
        ("polarity", POLARITIES, KGC.PolarityScheme),
        ("method", METHODS, KGC.MethodScheme),
    ],
)
def test_controlled_values_are_concepts_of_their_scheme(group: str, values: tuple, scheme: URIRef) -> None:
    graph = all_concepts()
    for value in values:
        assert (concept(group, value), SKOS.inScheme, scheme) in graph, (group, value)


def test_every_scheme_of_namespaces_is_declared() -> None:
    graph = all_concepts()
    for name in KGC.__annotations__:
        assert (KGC[name], RDF.type, SKOS.ConceptScheme) in graph, name


def test_every_concept_is_documented() -> None:
    graph = Graph().parse(data_dir("ontology") / "concepts.ttl", format="turtle")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 40
    for c in concepts:
        assert str(c).startswith(str(CONCEPT)), c
        assert len(list(graph.objects(c, SKOS.prefLabel))) == 1, c
        assert graph.value(c, SKOS.definition) is not None, c
        scheme = graph.value(c, SKOS.inScheme)
        assert scheme is not None and (c, SKOS.topConceptOf, scheme) in graph, c
        assert (scheme, SKOS.hasTopConcept, c) in graph, c


def test_meeting_kinds_are_aligned_to_cameo() -> None:
    graph = all_concepts()
    matches = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch)
    for kind in MEETING_KINDS:
        targets = {o for p in matches for o in graph.objects(concept("kind", kind), p)}
        assert targets, kind
        assert all((t, SKOS.inScheme, KGC.CameoScheme) in graph for t in targets), kind
    assert str(graph.value(CONCEPT["cameo-041"], SKOS.notation)) == "041"
    assert (concept("kind", "call"), SKOS.exactMatch, CONCEPT["cameo-041"]) in graph


def test_resolver_is_a_software_agent() -> None:
    resolver = URIRef("https://w3id.org/kg/id/actor/kg-resolver")
    assert (resolver, RDF.type, PROV.SoftwareAgent) in all_concepts()


# --- reasoning (HermiT, needs Java) ---------------------------------------------------------------------

CONTRADICTIONS = {
    "person-and-organization": "kga:x a kg:Person, kg:Organization .",
    "prediction-and-meeting": "kga:x a kg:Prediction, kg:Meeting .",
    "speaker-is-a-prediction": "kga:s kg:speaker kga:x . kga:x a kg:Prediction .",
    "two-speakers-of-different-kinds": "kga:s kg:speaker kga:a, kga:b . kga:a a kg:Person . kga:b a kg:Country .",
}
PREFIXES = (
    "@prefix kg: <https://w3id.org/kg/ontology#> . @prefix kga: <https://w3id.org/kg/id/actor/> .\n"
)


@pytest.mark.java
@needs_java
def test_ontology_is_consistent() -> None:
    report = check_ontology()
    assert report.consistent, report.message
    assert report.unsatisfiable == []
    assert report.reasoner == "HermiT"


@pytest.mark.java
@needs_java
def test_seed_data_is_consistent_with_the_ontology() -> None:
    data = Graph().parse(DATA / "valid_article.ttl", format="turtle")
    registry = data_dir("seeds") / "actors.ttl"
    if registry.exists():
        data.parse(registry, format="turtle")
    report = check_ontology(data=data)
    assert report.consistent, report.message


@pytest.mark.java
@needs_java
@pytest.mark.parametrize("turtle", CONTRADICTIONS.values(), ids=CONTRADICTIONS.keys())
def test_contradictory_data_is_caught(turtle: str) -> None:
    data = Graph().parse(data=PREFIXES + turtle, format="turtle")
    report = check_ontology(data=data)
    assert not report.consistent
    assert not report.ok


@pytest.mark.java
@needs_java
def test_large_data_keeps_only_typing_triples() -> None:
    data = Graph().parse(data=PREFIXES + CONTRADICTIONS["person-and-organization"], format="turtle")
    assert not check_ontology(data=data, max_triples=0).consistent


def test_missing_java_is_a_reasoner_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.ontology.shutil.which", lambda _name: None)
    with pytest.raises(ReasonerError, match="Java not found"):
        check_ontology()


@pytest.mark.java
@needs_java
def test_store_instances_feed_the_reasoner(store) -> None:  # noqa: ANN001 - conftest fixture
    from kg.ontology import store_instances

    good = Graph().parse(DATA / "valid_article.ttl", format="turtle")
    store.replace_graphs({"https://w3id.org/kg/graph/article/4f70852738a6ae05": good})
    instances = store_instances(store)
    assert all(isinstance(o, URIRef) for o in instances.objects())
    assert (URIRef("https://w3id.org/kg/id/actor/donald-trump"), RDF.type, KG.Person) in instances
    assert check_ontology(data=instances).consistent
    bad = Graph().parse(data=PREFIXES + CONTRADICTIONS["person-and-organization"], format="turtle")
    store.replace_graphs({"https://w3id.org/kg/graph/article/x": bad})
    assert not check_ontology(data=store_instances(store)).consistent
