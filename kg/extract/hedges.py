"""Words of estimative probability: trigger phrase -> SKOS concept with a probability interval.

The scheme is data, ``ontology/hedges.ttl`` (ICD 203 bands, Kent 1964 points and kg's documented conventions
for modal and verbal triggers). :func:`concept_for` is the one lookup from a phrase as written to a concept
IRI; extraction and RDF mapping both call it.

>>> concept_for("likely")
'https://w3id.org/kg/concept/wep-likely'
>>> concept_for("Won’t")
'https://w3id.org/kg/concept/wep-will'
>>> lookup("is expected to").interval
(0.55, 0.85)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.extract.dates import NUMBER_WORDS
from kg.namespaces import CONCEPT, KG, KGC
from kg.paths import data_dir

__all__ = ["Hedge", "concept_for", "lookup", "load_hedges", "modifier_phrases", "normalise", "odds", "percentage"]

_LEADING_VERB = re.compile(r"^(?:is|are|was|were|be|been|being|am|'s|'re|it's|it is)\s+")
_SPACE = re.compile(r"\s+")
_PERCENT = re.compile(r"^(\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)$")


@dataclass(frozen=True)
class Hedge:
    """One estimative concept: IRI, preferred label, interval and point probability."""

    iri: str
    label: str
    low: float
    high: float
    point: float

    @property
    def interval(self) -> tuple[float, float]:
        """``(low, high)``."""
        return (self.low, self.high)


def normalise(phrase: str) -> str:
    """Lowercase, straight apostrophes, single spaces, a leading copula dropped ("is likely to" -> "likely to").

    >>> normalise("  Is   Expected to ")
    'expected to'
    """
    p = _SPACE.sub(" ", phrase.replace("’", "'").replace("‘", "'").strip().lower())
    return _LEADING_VERB.sub("", p) if _LEADING_VERB.sub("", p) else p


@dataclass(frozen=True)
class HedgeScheme:
    """Every concept by IRI and every trigger phrase (normalised) to its concept IRI."""

    concepts: dict[str, Hedge]
    phrases: dict[str, str]
    #: IRIs of the modifier concepts (members of ``kgc:EstimativeModifiers``): they qualify the plain future
    #: of the clause they govern ("observers believe he will …") and are never triggers on their own
    modifiers: frozenset[str] = frozenset()


def read_hedges(path: Path) -> HedgeScheme:
    """Parse the hedge scheme Turtle file (no caching)."""
    g = Graph()
    g.parse(path, format="turtle")
    concepts: dict[str, Hedge] = {}
    phrases: dict[str, str] = {}
    for c in sorted(g.subjects(RDF.type, KG.EstimativeTerm), key=str):
        if not isinstance(c, URIRef) or (c, SKOS.inScheme, KGC.EstimativeProbabilityScheme) not in g:
            continue
        low, high, point = (g.value(c, p) for p in (KG.probabilityLow, KG.probabilityHigh, KG.probability))
        if low is None or high is None or point is None:
            continue
        label = str(g.value(c, SKOS.prefLabel) or "")
        iri = str(c)
        concepts[iri] = Hedge(iri, label, float(str(low)), float(str(high)), float(str(point)))
        for lab in [label, *(str(a) for a in g.objects(c, SKOS.altLabel))]:
            phrases.setdefault(normalise(lab), iri)
            phrases.setdefault(lab.lower(), iri)
    modifiers = frozenset(str(m) for m in g.objects(CONCEPT["EstimativeModifiers"], SKOS.member))
    return HedgeScheme(concepts, phrases, modifiers)


@cache
def load_hedges(path: str | None = None) -> HedgeScheme:
    """The scheme from *path* (default ``ontology/hedges.ttl``), parsed once per process."""
    return read_hedges(Path(path) if path else data_dir("ontology") / "hedges.ttl")


@cache
def concept_for(phrase: str) -> str | None:
    """IRI of the estimative concept a trigger phrase as written belongs to, else None.

    Tries the phrase, then without a leading copula, then without a trailing "to", then its negation-free
    form ("will not" -> "will").

    >>> concept_for("probably")
    'https://w3id.org/kg/concept/wep-probable'
    >>> concept_for("banana") is None
    True
    """
    scheme = load_hedges()
    p = normalise(phrase)
    for candidate in (phrase.lower(), p, p.removesuffix(" to"), p + " to", p.replace(" not", "")):
        if candidate in scheme.phrases:
            return scheme.phrases[candidate]
    return None


def lookup(phrase: str) -> Hedge | None:
    """The :class:`Hedge` for a trigger phrase, else None."""
    iri = concept_for(phrase)
    return load_hedges().concepts[iri] if iri else None


def percentage(text: str) -> float | None:
    """The probability an explicit percentage states ("82%", "82 percent") as a fraction, else None.

    >>> percentage("82%")
    0.82
    """
    m = _PERCENT.match(text.strip().lower())
    if not m:
        return None
    value = float(m.group(1)) / 100
    return value if 0.0 <= value <= 1.0 else None


def odds(phrase: str) -> float | None:
    """A probability written as a percentage ("30%") or as odds in words ("one in five").

    >>> odds("one in five"), odds("82%")
    (0.2, 0.82)
    """
    value = percentage(phrase)
    if value is not None:
        return value
    m = re.match(r"(\w+)\s+in\s+(\w+)$", phrase.strip().lower())
    if not m:
        return None
    num, den = (int(w) if w.isdigit() else NUMBER_WORDS.get(w, 0) for w in m.groups())
    return num / den if den and 0 < num <= den else None


def trigger_phrases() -> list[str]:
    """Every trigger phrase of the scheme, longest first (for building matchers); modifiers are left out."""
    scheme = load_hedges()
    return sorted((p for p, iri in scheme.phrases.items() if iri not in scheme.modifiers), key=lambda s: (-len(s), s))


def modifier_phrases() -> list[str]:
    """The phrases of the modifier concepts ("believes", "little doubt"), longest first.

    >>> "believes" in modifier_phrases() and "believes" not in trigger_phrases()
    True
    """
    scheme = load_hedges()
    return sorted((p for p, iri in scheme.phrases.items() if iri in scheme.modifiers), key=lambda s: (-len(s), s))
