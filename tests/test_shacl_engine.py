"""kg's SPARQL SHACL engine (kg.shacl, ``engine="fast"``) against pySHACL, the reference: the same results
(focus node, path, constraint component, severity, source shape, value, message) on the same shapes and data.

Data: every file of tests/data/invalid/, the valid graphs, the valid article with one fault each (together
breaking every constraint component shapes/ uses), generated bench articles, a store validated graph by graph,
and a small shapes graph of its own using the SHACL Core constructs kg's shapes do not use.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import SH, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from bench.corpus import generate_article, render
from kg.errors import ShapesUnsupported
from kg.ingest import extract_file
from kg.mapping import map_records
from kg.shacl import compile_shapes
from kg.store.memory import MemoryStore
from kg.store.writer import ensure_reference, write_articles
from kg.validate import Report, _top_results, load_shapes, validate, validate_articles, validate_store

DATA = Path(__file__).parent / "data"
INVALID = sorted((DATA / "invalid").glob("*.ttl"))
VALID = [DATA / "valid_article.ttl", DATA / "valid_resolution.ttl"]
PREFIXES = """
PREFIX kg: <https://w3id.org/kg/ontology#>  PREFIX kgc: <https://w3id.org/kg/concept/>
PREFIX kga: <https://w3id.org/kg/id/actor/> PREFIX kgd: <https://w3id.org/kg/id/article/>
PREFIX k: <https://w3id.org/kg/id/article/4f70852738a6ae05/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
A = "kgd:4f70852738a6ae05"


def _swap(node: str, prop: str, new: str) -> str:
    return f"DELETE {{ {node} {prop} ?o }} INSERT {{ {node} {prop} {new} }} WHERE {{ {node} {prop} ?o }}"


# one fault each in the valid article (SPARQL Update); together they break every component shapes/ uses
FAULTS: dict[str, str] = {
    "published-not-a-date": _swap(A, "kg:published", '"late August"'),
    "published-ill-formed": _swap(A, "kg:published", '"2018-02-30"^^xsd:date'),
    "retrieved-is-a-date": _swap(A, "kg:retrieved", '"2024-05-01"^^xsd:date'),
    "no-publication-date": f"DELETE WHERE {{ {A} kg:published ?o }}",
    "hash-not-hex": _swap(A, "kg:contentHash", '"not a hash"'),
    "two-titles": f'INSERT DATA {{ {A} kg:title "Another title" }}',
    "title-is-an-iri": _swap(A, "kg:title", "<https://example.org/title>"),
    "body-with-language": f'INSERT DATA {{ {A} kg:articleBody "Some words."@en }}',
    "wikidata-literal": _swap("kga:donald-trump", "kg:wikidata", '"Q22686"'),
    "wikidata-property": _swap("kga:donald-trump", "kg:wikidata", "<http://www.wikidata.org/entity/P31>"),
    "country-literal": 'INSERT DATA { kga:moon-jae-in kg:country "Korea" }',
    "speaker-blank-node": _swap("k:s1", "kg:speaker", "[ rdfs:label \"someone\" ]"),
    "unknown-statement-kind": _swap("k:s1", "kg:statementKind", "kgc:statementkind-rumour"),
    "negative-offset": _swap("k:s1-span", "oa:start", "-5"),
    "decimal-offset": _swap("k:s1-span", "oa:end", "1003.5"),
    "text-offset": _swap("k:s1-span", "oa:end", '"end"'),
    "negative-confidence": _swap("k:s1", "kg:confidence", '"-0.1"^^xsd:decimal'),
    "predicted-event-not-a-meeting": _swap("k:p1", "kg:predictedEvent", "k:s1"),
    "place-country-a-person": _swap("k:m1", "kg:placeCountry", "kga:mike-pompeo"),
    "unknown-precision": _swap("k:m2", "kg:datePrecision", '"week"'),
    "predictor-untyped": _swap("k:p1", "kg:predictor", "kga:nobody"),
    "probability-text": _swap("k:p1", "kg:probability", '"high"'),
    "no-deadline": "DELETE WHERE { k:p1 kg:deadline ?o }",
    "hedge-not-a-wep": _swap("k:p1", "kg:hedge", "kgc:kind-visit"),
    "proposition-bad-value": """INSERT DATA { k:p1-what a kg:Proposition ; kg:predicate kgc:outcome-meet ;
        kg:polarity kgc:polarity-positive ; kg:value "lots"^^xsd:decimal ; kg:windowStart "2018-09"^^xsd:gYearMonth ;
        oa:exact "will host" . k:p1 kg:claim k:p1-what }""",
    "outcome-without-proposition": """INSERT DATA { k:o1 a kg:Outcome ; kg:claim k:s1 ;
        kg:extractedFrom kgd:4f70852738a6ae05 ; kg:occurredOn "soon" }""",
}


def result_keys(report: Report, *, messages: bool = True) -> set[tuple[str, ...]]:
    """The report's results as (focus, path, component, severity, source shape, value[, message]), blank nodes
    of the data written ``_:`` (their labels are each engine's own)."""
    g = report.graph
    props = (SH.focusNode, SH.resultPath, SH.sourceConstraintComponent, SH.resultSeverity, SH.sourceShape,
             SH.value) + ((SH.resultMessage,) if messages else ())
    return {tuple(_key(g.value(node, p)) for p in props) for node in _top_results(g)}


def _key(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode) and _is_data_bnode(node):
        return "_:"
    if isinstance(node, Literal):  # not n3(): it warns on ill-typed literals
        return f"{str(node)!r}^^{node.datatype}@{node.language}"
    return str(node)


def _is_data_bnode(node: BNode) -> bool:
    return (node, None, None) not in load_shapes()  # shape and path blank nodes are the shapes graph's own


def assert_same(data: Graph, shapes: Graph | None = None, *, messages: bool = True) -> tuple[Report, Report]:
    """Both engines on *data*; messages compared too when the shapes give them (kg's shapes always do)."""
    reference = validate(data, shapes=shapes, engine="pyshacl")
    fast = validate(data, shapes=shapes, engine="fast")
    ref, got = result_keys(reference, messages=messages), result_keys(fast, messages=messages)
    assert got == ref, f"pySHACL only: {ref - got}\nfast only: {got - ref}"
    assert fast.conforms == reference.conforms
    return reference, fast


def faulty(name: str) -> Graph:
    g = Graph().parse(DATA / "valid_article.ttl")
    g.update(PREFIXES + FAULTS[name])
    return g


@pytest.mark.parametrize("path", INVALID + VALID, ids=lambda p: p.stem)
def test_fixtures_give_the_same_results(path: Path) -> None:
    reference, _fast = assert_same(Graph().parse(path))
    assert reference.conforms == (path in VALID)


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_each_fault_gives_the_same_results(name: str) -> None:
    reference, _fast = assert_same(faulty(name))
    assert reference.results, f"{name} breaks no shape"


def test_faults_break_every_component_the_shapes_use() -> None:
    used = {str(c.component) for c in compile_shapes(load_shapes()).checks}
    broken: set[str] = set()
    for path in INVALID:
        broken |= {k[2] for k in result_keys(validate(Graph().parse(path), engine="fast"))}
    for name in FAULTS:
        broken |= {k[2] for k in result_keys(validate(faulty(name), engine="fast"))}
    assert used <= broken, used - broken
    assert len(used) >= 14  # kg's shapes use 14 constraint components


def test_a_warning_is_reported_by_both() -> None:
    reference, fast = assert_same(faulty("no-deadline"))
    assert fast.conforms and reference.conforms
    assert [r.severity for r in fast.results] == ["Warning"]


@pytest.fixture(scope="module")
def bench_articles(tmp_path_factory: pytest.TempPathFactory) -> list:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("bench")
    mapped = []
    for i in range(3):
        path = folder / f"a{i}.txt"
        path.write_text(render(generate_article(900 + i, seed=7)), encoding="utf-8")
        mapped.append(map_records(extract_file(path)))
    return mapped


def _break(mapped: list) -> None:  # type: ignore[type-arg]
    """Faults in the second and third generated article: a span past its end, a second speaker, a bad date."""
    kg = "https://w3id.org/kg/ontology#"
    m = mapped[1]
    statement = next(t.subject for t in m.triples if t.object == ox.NamedNode(kg + "Statement"))
    m.triples.append(ox.Triple(statement, ox.NamedNode(kg + "speaker"), m.article))
    m.triples.append(ox.Triple(m.article, ox.NamedNode(kg + "published"), ox.Literal("someday")))
    m = mapped[2]
    span = next(t.subject for t in m.triples if t.predicate == ox.NamedNode("http://www.w3.org/ns/oa#start"))
    m.triples.append(ox.Triple(span, ox.NamedNode("http://www.w3.org/ns/oa#start"), ox.Literal(10**9)))


def test_bench_articles_give_the_same_results_per_article(bench_articles: list) -> None:  # type: ignore[type-arg]
    _break(bench_articles)
    reference = validate_articles(bench_articles, engine="pyshacl")
    fast = validate_articles(bench_articles, engine="fast")
    assert [set(r.results) for r in fast] == [set(r.results) for r in reference]
    assert [r.conforms for r in fast] == [True, False, False]


def test_ingest_and_store_paths_give_the_same_verdicts(bench_articles: list) -> None:  # type: ignore[type-arg]
    """The ingest path (a batch of mapped articles) and kg validate (the store graph by graph), each engine."""
    _break(bench_articles)
    store = MemoryStore()
    ensure_reference(store)
    write_articles(store, bench_articles)
    verdicts = []
    for engine in ("fast", "pyshacl"):
        batch = validate_articles(bench_articles, engine=engine)
        whole = validate_store(store, batch=2, engine=engine)
        from_batch = {(r.focus, r.shape, r.message, r.severity) for rep in batch for r in rep.results}
        from_store = {(r.focus, r.shape, r.message, r.severity) for r in whole.results}
        assert from_store == from_batch
        verdicts.append(from_store)
    assert verdicts[0] == verdicts[1]
    assert any(v[3] == "Violation" for v in verdicts[0])


# --- a shapes graph of its own: the SHACL Core constructs kg's shapes do not use ---------------------------

GENERIC_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Person a rdfs:Class, sh:NodeShape ;
    sh:property [ sh:path ex:name ; sh:minLength 2 ; sh:maxLength 10 ; sh:languageIn ( "en" "fr" ) ] ,
        [ sh:path ex:nick ; sh:disjoint ex:name ] ,
        [ sh:path ex:born ; sh:lessThan ex:died ; sh:minExclusive "1800-01-01"^^xsd:date ] ,
        [ sh:path ex:age ; sh:maxExclusive 150 ; sh:datatype xsd:integer ] ,
        [ sh:path ex:email ; sh:equals ex:contact ] ,
        [ sh:path ( ex:parent ex:name ) ; sh:minCount 1 ; sh:severity sh:Info ] ,
        [ sh:path [ sh:inversePath ex:child ] ; sh:maxCount 2 ] ,
        [ sh:path [ sh:alternativePath ( ex:friend ex:colleague ) ] ; sh:class ex:Person ] ,
        [ sh:path [ sh:zeroOrMorePath ex:knows ] ; sh:nodeKind sh:BlankNodeOrIRI ] ,
        [ sh:path ex:pet ; sh:xone ( [ sh:class ex:Cat ] [ sh:class ex:Dog ] ) ; sh:not [ sh:hasValue ex:rex ] ] ,
        [ sh:path ex:home ; sh:node ex:PlaceShape ; sh:pattern "^https://example\\\\.org/place/" ; sh:flags "i" ] .
ex:PlaceShape a sh:NodeShape ; sh:property [ sh:path ex:label ; sh:minCount 2 ; sh:maxCount 3 ] .
ex:RexShape a sh:NodeShape ; sh:targetNode ex:rex, ex:absent ; sh:hasValue ex:rex ; sh:in ( ex:rex ) .
ex:Student rdfs:subClassOf ex:Person .
"""

GENERIC_DATA = """
@prefix ex: <https://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Student rdfs:subClassOf ex:Person .
ex:ann a ex:Student ; ex:name "A"@de, "Ann"@en ; ex:nick "Ann"@en ; ex:born "1700-01-01"^^xsd:date ;
    ex:died "1690-01-01"^^xsd:date ; ex:age 200, "old" ; ex:email ex:mail1 ; ex:contact ex:mail2 ;
    ex:parent ex:bob ; ex:friend ex:cat ; ex:colleague ex:bob ; ex:knows ex:bob ; ex:pet ex:rex, ex:tom ;
    ex:home <https://EXAMPLE.org/place/x>, <https://example.org/elsewhere> .
ex:bob a ex:Person ; ex:knows "text" ; ex:name "Bob" .
ex:c1 ex:child ex:ann . ex:c2 ex:child ex:ann . ex:c3 ex:child ex:ann .
ex:rex a ex:Dog, ex:Cat . ex:tom a ex:Cat .
<https://EXAMPLE.org/place/x> ex:label "one" .
"""


def test_generic_shapes_give_the_same_results() -> None:
    shapes = Graph().parse(data=GENERIC_SHAPES, format="turtle")
    # no sh:message in these shapes: each engine writes its own default message
    reference, _fast = assert_same(Graph().parse(data=GENERIC_DATA, format="turtle"), shapes, messages=False)
    assert len(reference.results) >= 15


@pytest.mark.parametrize("construct", [
    "sh:closed true", "sh:property [ sh:path ex:p ; sh:uniqueLang true ]",
    "sh:target [ a sh:SPARQLTarget ; sh:select \"SELECT ?this WHERE { ?this ?p ?o }\" ]",
    "sh:property [ sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:C ] ; sh:qualifiedMinCount 1 ; "
    "sh:qualifiedValueShapesDisjoint true ]",
    "sh:property [ sh:path ex:q ; sh:property [ sh:path ex:r ; sh:minCount 1 ] ]",
])
def test_unsupported_constructs_fail_at_compile_time_and_pyshacl_runs(construct: str) -> None:
    shapes = Graph().parse(format="turtle", data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; {construct} .""")
    with pytest.raises(ShapesUnsupported):
        compile_shapes(shapes)
    data = Graph()
    data.add((URIRef("https://example.org/x"), URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
              URIRef("https://example.org/C")))
    data.add((URIRef("https://example.org/x"), URIRef("https://example.org/q"), Literal("a", lang="en")))
    assert_same(data, shapes, messages=False)
