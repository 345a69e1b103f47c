"""The words-of-estimative-probability scheme (ontology/hedges.ttl) and its lookup (kg.extract.hedges)."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS, XSD

from kg.extract.hedges import concept_for, load_hedges, lookup, normalise, percentage
from kg.namespaces import KG, KGC
from kg.paths import data_dir

WEP = "https://w3id.org/kg/concept/wep-"


@pytest.fixture(scope="module")
def scheme() -> Graph:
    g = Graph()
    g.parse(data_dir("ontology") / "hedges.ttl")
    return g


def test_every_concept_is_complete(scheme: Graph) -> None:
    concepts = set(scheme.subjects(RDF.type, KG.EstimativeTerm))
    assert len(concepts) >= 15
    for c in concepts:
        assert (c, RDF.type, SKOS.Concept) in scheme
        assert (c, SKOS.inScheme, KGC.EstimativeProbabilityScheme) in scheme
        assert scheme.value(c, SKOS.prefLabel) is not None
        assert scheme.value(c, SKOS.definition) is not None
        low, high, point = (scheme.value(c, p) for p in (KG.probabilityLow, KG.probabilityHigh, KG.probability))
        assert all(isinstance(v, Literal) and v.datatype == XSD.decimal for v in (low, high, point))
        assert 0 <= float(low) <= float(point) <= float(high) <= 1  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("slug", "low", "high"),
    [
        ("almost-no-chance", 0.01, 0.05),
        ("very-unlikely", 0.05, 0.20),
        ("unlikely", 0.20, 0.45),
        ("roughly-even", 0.45, 0.55),
        ("likely", 0.55, 0.80),
        ("very-likely", 0.80, 0.95),
        ("almost-certain", 0.95, 0.99),
    ],
)
def test_icd_203_bands(slug: str, low: float, high: float) -> None:
    h = load_hedges().concepts[WEP + slug]
    assert (h.low, h.high) == (low, high)


@pytest.mark.parametrize(
    ("slug", "point"), [("probable", 0.75), ("about-even", 0.5), ("probably-not", 0.30), ("almost-certainly-not", 0.07)]
)
def test_kent_points(slug: str, point: float) -> None:
    assert load_hedges().concepts[WEP + slug].point == point


@pytest.mark.parametrize(
    ("phrase", "slug"),
    [
        ("likely", "likely"),
        ("is likely to", "likely"),
        ("will likely", "likely"),
        ("Likely", "likely"),
        ("highly likely", "very-likely"),
        ("unlikely", "unlikely"),
        ("probably", "probable"),
        ("probably not", "probably-not"),
        ("almost certainly", "almost-certain"),
        ("will", "will"),
        ("won’t", "will"),
        ("will not", "will"),
        ("would", "will"),
        ("may", "may"),
        ("might", "may"),
        ("could", "may"),
        ("is expected to", "expected"),
        ("expected to", "expected"),
        ("poised to", "poised"),
        ("set to", "poised"),
        ("due to", "scheduled"),
        ("plans to", "intends"),
        ("look forward to", "intends"),
        ("promised to", "intends"),
        ("hopes to", "hopes"),
        ("toss-up", "roughly-even"),
    ],
)
def test_concept_for(phrase: str, slug: str) -> None:
    assert concept_for(phrase) == WEP + slug


def test_unknown_phrase() -> None:
    assert concept_for("banana") is None and lookup("banana") is None


def test_lookup_interval() -> None:
    h = lookup("likely")
    assert h is not None and h.interval == (0.55, 0.8) and h.point == 0.675


def test_normalise() -> None:
    assert normalise("  Is   Expected to ") == "expected to"
    assert normalise("won’t") == "won't"


@pytest.mark.parametrize(("text", "value"), [("82%", 0.82), ("30 percent", 0.3), ("5.5 per cent", 0.055)])
def test_percentage(text: str, value: float) -> None:
    assert percentage(text) == pytest.approx(value)


def test_percentage_rejects_other_text() -> None:
    assert percentage("likely") is None and percentage("150%") is None


def test_modifiers_are_concepts_but_never_triggers() -> None:
    from kg.extract.hedges import modifier_phrases, trigger_phrases

    scheme = load_hedges()
    assert scheme.modifiers == {WEP + "belief", WEP + "little-doubt"}
    assert "believes" in modifier_phrases() and "little doubt" in modifier_phrases()
    assert not {"believes", "think", "little doubt"} & set(trigger_phrases())
    assert lookup("believes").interval == (0.55, 0.85)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("phrase", "slug"),
    [
        ("very small chance", "very-unlikely"),
        ("slim chance", "unlikely"),
        ("cannot rule out", "unlikely"),
        ("good chance", "likely"),
        ("almost inevitable", "very-likely"),
        ("looks set to", "poised"),
        ("possibility that", "may"),
    ],
)
def test_worded_chances_and_momentum(phrase: str, slug: str) -> None:
    assert concept_for(phrase) == WEP + slug
