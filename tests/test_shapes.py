"""The SHACL shapes: they load, a hand-built article conforms, each invalid graph in tests/data/invalid/
fails with exactly the expected messages, and batch validation splits results per article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, SH, XSD, Dataset, Graph, Literal, URIRef

from kg.namespaces import CONCEPT, KG
from kg.paths import data_dir
from kg.validate import Report, load_shapes, validate, validate_batch, validate_store

DATA = Path(__file__).parent / "data"
SHAPE_FILES = sorted(data_dir("shapes").glob("*.ttl"))
A = "https://w3id.org/kg/id/article/aaaaaaaaaaaaaaaa"
B = "https://w3id.org/kg/id/article/bbbbbbbbbbbbbbbb"

# file in tests/data/invalid/ -> the violation messages it must produce (and no others)
EXPECTED: dict[str, set[str]] = {
    "statement-two-speakers": {"Statement has more than one speaker"},
    "statement-no-speaker": {"Statement has no speaker"},
    "statement-no-text": {"Statement has no text"},
    # the speaker is checked as an actor (once, however many nodes refer to it)
    "statement-untyped-speaker": {"Actor is not typed exactly one of Person, Organization, Country"},
    "prediction-probability-above-one": {"Prediction probability is not one number between 0 and 1"},
    "prediction-probability-outside-interval": {"Prediction probability is above its interval"},
    "prediction-deadline-before-made": {"Prediction deadline is before the day it was made"},
    "prediction-two-predictors": {"Prediction has more than one predictor"},
    "prediction-no-predictor": {"Prediction has no predictor"},
    "prediction-status-unknown": {
        "Prediction status is not one of open, confirmed, refuted, expired, ambiguous, annulled"
    },
    "meeting-no-participant": {"Meeting has no participant"},
    "meeting-end-before-start": {"Meeting ends before it starts"},
    "meeting-unknown-kind": {"Meeting kind is not one of summit, talks, visit, meeting, ceremony, call"},
    "meeting-unknown-status": {"Meeting status is not one of held, planned, cancelled, predicted, negated"},
    "node-without-provenance": {
        "Extracted node does not name the one kg:Article it was extracted from (kg:extractedFrom)",
        "Extracted node has no text span (kg:span to one kg:TextSpan)",
        "Extracted node does not name the one rule that extracted it (kg:rule)",
        "Extracted node does not have one confidence between 0 and 1 (kg:confidence)",
    },
    "confidence-above-one": {"Extracted node does not have one confidence between 0 and 1 (kg:confidence)"},
    "span-start-after-end": {"Text span starts after it ends"},
    "mention-no-referent": {"Mention does not refer to one actor (kg:refersTo)"},
    "article-no-url-or-hash": {"Article has neither a URL nor a content hash"},
    "actor-person-and-organization": {"Actor is not typed exactly one of Person, Organization, Country"},
    "resolution-evidence-before-prediction": {
        "Resolution rests on a source published before the prediction was made"
    },
    "resolution-confirmed-after-deadline": {
        "Evidence that the predicted event happened is dated after the prediction's deadline"
    },
    "resolution-confirmed-without-evidence": {
        "Confirmed or refuted resolution has no evidence (kg:evidence)",
        "Confirmed or refuted resolution has no evidence source article (kg:evidenceSource)",
    },
    "resolution-own-article": {"Resolution rests on the prediction's own article"},
}


def load(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def messages(report: Report) -> set[str]:
    return {r.message for r in report.violations}


# --- the shapes themselves ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SHAPE_FILES, ids=lambda p: p.name)
def test_shape_file_loads(path: Path) -> None:
    graph = load(path)
    assert any(graph.subjects(RDF.type, SH.NodeShape)) or any(graph.subjects(RDF.type, SH.PropertyShape))


def test_shapes_check_each_node_once() -> None:
    """No sh:node, and no sh:property under a targeted shape: pySHACL evaluates those once per focus (or value)
    node, which made validation cost ~100 times more than targeted property shapes (see shapes/common.ttl)."""
    shapes = load_shapes()
    targeted = {
        s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf) for s in shapes.subjects(p, None)
    }
    assert not list(shapes.triples((None, SH.node, None)))
    assert not [s for s in targeted if (s, SH.property, None) in shapes]


def test_every_constraint_has_a_message() -> None:
    """Every targeted property shape, every SPARQL constraint of a targeted shape, and every targeted node
    shape with node-level constraints, says in words what is wrong (shapes used only inside sh:or report the
    message of the shape that uses them)."""
    shapes = load_shapes()
    targeted = {
        s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf) for s in shapes.subjects(p, None)
    }
    properties = {s for s in targeted if (s, SH.path, None) in shapes}
    sparql = {o for s in targeted for o in shapes.objects(s, SH.sparql)}
    direct = (SH["or"], SH.xone, SH["and"], SH["not"])
    node_level = {s for s in targeted - properties if any((s, p, None) in shapes for p in direct)}
    assert len(properties) > 70
    for shape in properties | sparql | node_level:
        message = shapes.value(shape, SH.message)
        assert isinstance(message, Literal) and str(message)[0].isupper(), shape


def test_severities_are_violation_or_warning() -> None:
    assert set(load_shapes().objects(None, SH.severity)) <= {SH.Violation, SH.Warning}


# --- valid data -----------------------------------------------------------------------------------------


def test_valid_article_conforms_without_warnings() -> None:
    report = validate(load(DATA / "valid_article.ttl"))
    assert report.conforms, report.to_text()
    assert report.results == []


def test_valid_resolution_conforms() -> None:
    report = validate(load(DATA / "valid_resolution.ttl"))
    assert report.conforms, report.to_text()
    assert report.results == []


def test_registry_and_ontology_conform() -> None:
    graph = Graph()
    registry = data_dir("seeds") / "actors.ttl"
    if registry.exists():
        graph.parse(registry, format="turtle")
    for path in data_dir("ontology").glob("*.ttl"):
        graph.parse(path, format="turtle")
    report = validate(graph)
    assert report.conforms, report.to_text()


# --- invalid data ---------------------------------------------------------------------------------------


def test_expected_table_covers_every_invalid_file() -> None:
    assert {p.stem for p in (DATA / "invalid").glob("*.ttl")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_graph_fails_with_expected_messages(name: str) -> None:
    report = validate(load(DATA / "invalid" / f"{name}.ttl"))
    assert not report.conforms
    assert messages(report) == EXPECTED[name], report.to_text()
    assert report.warnings == []


# --- warnings and the edges of the resolution rules -----------------------------------------------------


def test_missing_deadline_and_publication_date_are_warnings() -> None:
    graph = load(DATA / "valid_article.ttl")
    graph.remove((None, KG.deadline, None))
    graph.remove((None, KG.published, None))
    report = validate(graph)
    assert report.conforms
    assert {r.message for r in report.warnings} == {"Prediction has no deadline", "Article has no publication date"}


def resolved(outcome: str = "confirmed") -> Graph:
    graph = load(DATA / "valid_resolution.ttl")
    resolution = URIRef("https://w3id.org/kg/id/resolution/r1")
    graph.set((resolution, KG.outcome, CONCEPT[f"status-{outcome}"]))
    return graph


@pytest.mark.parametrize("outcome", ["expired", "ambiguous", "annulled"])
def test_outcomes_without_evidence_conform(outcome: str) -> None:
    graph = resolved(outcome)
    graph.remove((None, KG.evidence, None))
    graph.remove((None, KG.evidenceSource, None))
    assert validate(graph).conforms


def test_negative_prediction_may_be_confirmed_without_evidence() -> None:
    graph = resolved("confirmed")
    graph.remove((None, KG.evidence, None))
    graph.remove((None, KG.evidenceSource, None))
    graph.set((URIRef(A + "/p1"), KG.polarity, CONCEPT["polarity-negative"]))
    assert validate(graph).conforms, validate(graph).to_text()


def test_later_report_of_a_meeting_inside_the_window_confirms() -> None:
    graph = resolved("confirmed")
    graph.set((URIRef(B), KG.published, Literal("2018-11-02", datatype=XSD.date)))  # after the deadline
    report = validate(graph)  # but the meeting started before it
    assert report.conforms, report.to_text()


def test_statement_published_after_the_deadline_does_not_confirm() -> None:
    graph = resolved("confirmed")
    statement = URIRef(B + "/s1")
    graph.add((statement, RDF.type, KG.Statement))
    graph.add((statement, KG.extractedFrom, URIRef(B)))
    graph.set((URIRef(B), KG.published, Literal("2018-11-02", datatype=XSD.date)))
    graph.remove((None, KG.evidence, None))
    graph.add((URIRef("https://w3id.org/kg/id/resolution/r1"), KG.evidence, statement))
    violations = [r for r in validate(graph).violations if r.focus.endswith("/r1")]
    assert [r.message for r in violations] == [
        "Evidence that the predicted event happened is dated after the prediction's deadline"
    ]
    assert violations[0].value == str(statement)


def test_refuted_negative_prediction_needs_evidence_inside_the_window() -> None:
    graph = load(DATA / "invalid" / "resolution-confirmed-after-deadline.ttl")
    graph.set((URIRef("https://w3id.org/kg/id/resolution/r1"), KG.outcome, CONCEPT["status-refuted"]))
    assert validate(graph).conforms  # a positive prediction refuted: the window rule does not apply
    graph.set((URIRef(A + "/p1"), KG.polarity, CONCEPT["polarity-negative"]))
    assert messages(validate(graph)) == EXPECTED["resolution-confirmed-after-deadline"]


def test_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    """A resolution graph alone cannot be checked against its prediction; in a Dataset with it, it is."""
    bad = load(DATA / "invalid" / "resolution-evidence-before-prediction.ttl")
    resolution = URIRef("https://w3id.org/kg/id/resolution/r1")
    ds = Dataset()
    res_graph = ds.graph(URIRef("https://w3id.org/kg/graph/resolution/r1"))
    art_graph = ds.graph(URIRef("https://w3id.org/kg/graph/article/aaaaaaaaaaaaaaaa"))
    for s, p, o in bad:
        (res_graph if s == resolution else art_graph).add((s, p, o))
    alone = Graph()
    for t in res_graph:
        alone.add(t)
    assert validate(alone).conforms
    assert messages(validate(ds)) == EXPECTED["resolution-evidence-before-prediction"]


# --- reports --------------------------------------------------------------------------------------------


def test_report_renderings() -> None:
    report = validate(load(DATA / "invalid" / "statement-two-speakers.ttl"))
    [result] = report.results
    assert result.focus == A + "/s1"
    assert result.shape == "https://w3id.org/kg/shapes#StatementShape"
    assert result.path == "kg:speaker"
    assert result.severity == "Violation"
    assert "Statement has more than one speaker" in report.to_text()
    assert "kgd:aaaaaaaaaaaaaaaa/s1" in report.to_text()
    data = json.loads(json.dumps(report.to_json()))
    assert data["conforms"] is False and data["violations"] == 1
    assert data["results"][0]["message"] == "Statement has more than one speaker"
    [group] = report.groups()
    assert group.focus == [A + "/s1"]
    assert (None, RDF.type, SH.ValidationReport) in report.graph


# --- batches --------------------------------------------------------------------------------------------


def rekey(graph: Graph, old: str, new: str) -> Graph:
    def swap(t):  # noqa: ANN001, ANN202
        return URIRef(str(t).replace(old, new)) if isinstance(t, URIRef) else t

    out = Graph()
    for s, p, o in graph:
        out.add((swap(s), p, swap(o)))
    return out


def test_batch_splits_results_per_article() -> None:
    graphs = {
        "valid": load(DATA / "valid_article.ttl"),
        "speakers": load(DATA / "invalid" / "statement-two-speakers.ttl"),
        "participant": rekey(load(DATA / "invalid" / "meeting-no-participant.ttl"), "aaaaaaaaaaaaaaaa", "cccc"),
        "span": rekey(load(DATA / "invalid" / "span-start-after-end.ttl"), "aaaaaaaaaaaaaaaa", "dddd"),
    }
    batch = validate_batch(graphs)
    assert set(batch) == set(graphs)
    for key, graph in graphs.items():
        single = validate(graph)
        assert {(r.focus, r.message) for r in batch[key].results} == {(r.focus, r.message) for r in single.results}
        assert batch[key].conforms == single.conforms
    assert batch["valid"].conforms
    assert messages(batch["speakers"]) == EXPECTED["statement-two-speakers"]
    assert messages(batch["participant"]) == EXPECTED["meeting-no-participant"]
    assert messages(batch["span"]) == EXPECTED["span-start-after-end"]
    assert len(list(batch["speakers"].graph.subjects(RDF.type, SH.ValidationResult))) >= 1


def test_batch_does_not_blame_articles_for_conflicts_between_them() -> None:
    """An actor typed Person in one article and Organization in another is fine in each article alone."""
    first = load(DATA / "valid_article.ttl")
    second = rekey(load(DATA / "valid_article.ttl"), "4f70852738a6ae05", "eeee")
    kim = URIRef("https://w3id.org/kg/id/actor/kim-jong-un")
    second.set((kim, RDF.type, KG.Organization))
    batch = validate_batch({"first": first, "second": second})
    assert batch["first"].conforms and batch["second"].conforms
    assert not validate(first + second).conforms


def test_validate_store_checks_resolutions_across_graphs(store) -> None:  # noqa: ANN001 - conftest fixture
    bad = load(DATA / "invalid" / "resolution-evidence-before-prediction.ttl")
    resolution = URIRef("https://w3id.org/kg/id/resolution/r1")
    res_graph, art_graph = Graph(), Graph()
    for s, p, o in bad:
        (res_graph if s == resolution else art_graph).add((s, p, o))
    store.replace_graphs(
        {
            "https://w3id.org/kg/graph/resolution/r1": res_graph,
            "https://w3id.org/kg/graph/article/aaaaaaaaaaaaaaaa": art_graph,
        }
    )
    report = validate_store(store)
    assert messages(report) == EXPECTED["resolution-evidence-before-prediction"]


@pytest.mark.parametrize(
    ("offset", "ok"),
    [
        (Literal(5, datatype=XSD.nonNegativeInteger), True),  # what the mapping writes (Web Annotation)
        (Literal(5), True),  # a plain Turtle integer
        (Literal("5"), False),
        (Literal("5.5", datatype=XSD.decimal), False),
        (Literal(-5), False),
    ],
)
def test_span_offsets_are_non_negative_integers(offset: Literal, ok: bool) -> None:
    graph = load(DATA / "valid_article.ttl")
    oa_start = URIRef("http://www.w3.org/ns/oa#start")
    graph.set((URIRef("https://w3id.org/kg/id/article/4f70852738a6ae05/s1-span"), oa_start, offset))
    assert validate(graph).conforms is ok
