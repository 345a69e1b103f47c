"""The outcome-kind scheme (``ontology/outcomes.ttl``): kinds, their families and words, units, comparisons.

Extraction reads the words of each kind from here (base forms for what a prediction claims, reported forms for
what a later source says happened); the resolver reads families and contraries. Nothing here is a word list in
code: add a synonym to the Turtle file.

>>> s = scheme()
>>> s.kinds["raise"].family, "cut" in s.kinds["raise"].contrary
('change', True)
>>> s.unit_of("bps"), s.comparison_of("at least")
('bp', 'ge')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.namespaces import CONCEPT, KG, concept_value
from kg.paths import data_dir

__all__ = ["OutcomeKind", "Scheme", "convert", "scheme"]


@dataclass(frozen=True)
class OutcomeKind:
    """One outcome kind: ``name`` (``raise``), ``family`` (``change``), its words and its contrary kinds."""

    name: str
    family: str
    forms: tuple[str, ...]  # base forms: "raise", "hike"
    reported: tuple[str, ...]  # forms that say it happened: "raised", "hiked"
    contrary: frozenset[str]
    theme_in_label: bool = False  # kg:labelTheme: its words name what it is about ("form a government")


@dataclass(frozen=True)
class Scheme:
    """The kinds, units (label -> unit) and comparisons (label -> comparison) of the scheme."""

    kinds: dict[str, OutcomeKind]
    units: dict[str, str]
    unit_base: dict[str, tuple[str, float]]  # unit -> (base unit, factor): bp -> (percent, 0.01)
    comparisons: dict[str, str]

    def unit_of(self, label: str) -> str | None:
        """The unit a word names ("bps" -> "bp"), case-insensitive for words, exact for symbols."""
        return self.units.get(label) or self.units.get(label.lower())

    def comparison_of(self, phrase: str) -> str | None:
        """The comparison a phrase names ("or below" -> "le")."""
        return self.comparisons.get(" ".join(phrase.lower().split()))

    def family(self, kind: str) -> str:
        """The family of a kind (``"other"`` for an unknown one)."""
        k = self.kinds.get(kind)
        return k.family if k else "other"

    def contrary(self, a: str, b: str) -> bool:
        """True when kinds *a* and *b* cannot both be the outcome of one event."""
        ka, kb = self.kinds.get(a), self.kinds.get(b)
        return bool((ka and b in ka.contrary) or (kb and a in kb.contrary))


def _labels(g: Graph, c: Node, *props: Node) -> tuple[str, ...]:
    return tuple(sorted({str(o) for p in props for o in g.objects(c, p)}, key=lambda w: (-len(w), w)))


@cache
def scheme() -> Scheme:
    """Load ``ontology/outcomes.ttl`` once."""
    g = Graph()
    g.parse(data_dir("ontology") / "outcomes.ttl", format="turtle")
    kinds = {}
    for c in g.subjects(SKOS.inScheme, CONCEPT["OutcomeKindScheme"]):
        name = concept_value(str(c), "outcome")
        broader = next(iter(g.objects(c, SKOS.broader)), None)
        if name is None or broader is None:
            continue
        family = concept_value(str(broader), "outcome") or ""
        contrary = {concept_value(str(o), "outcome") or "" for o in g.objects(c, KG.contrary)}
        contrary |= {concept_value(str(s), "outcome") or "" for s in g.subjects(KG.contrary, c)}
        kinds[name] = OutcomeKind(
            name, family.removeprefix("family-"), _labels(g, c, SKOS.prefLabel, SKOS.altLabel),
            _labels(g, c, KG.reportedLabel), frozenset(contrary - {""}),
            theme_in_label=any(True for _ in g.objects(c, KG.labelTheme)),
        )
    units: dict[str, str] = {}
    base: dict[str, tuple[str, float]] = {}
    for c in g.subjects(SKOS.inScheme, CONCEPT["UnitScheme"]):
        name = concept_value(str(c), "unit") or ""
        for label in _labels(g, c, SKOS.prefLabel, SKOS.altLabel):
            units[label if not label.isalpha() else label.lower()] = name
        to = next(iter(g.objects(c, KG.baseUnit)), None)
        if to is not None:
            base[name] = (concept_value(str(to), "unit") or "", float(str(next(iter(g.objects(c, KG.factor))))))
    comparisons = {}
    for c in g.subjects(SKOS.inScheme, CONCEPT["ComparisonScheme"]):
        for label in _labels(g, c, SKOS.prefLabel, SKOS.altLabel):
            comparisons[label.lower()] = concept_value(str(c), "cmp") or ""
    return Scheme(kinds, units, base, comparisons)


def convert(value: float, unit: str, to: str) -> float | None:
    """*value* in *unit* expressed in unit *to*, when the scheme relates them, else None.

    >>> convert(50, "bp", "percent"), convert(0.5, "percent", "bp"), convert(3, "seats", "usd")
    (0.5, 50.0, None)
    """
    if unit == to:
        return value
    base = scheme().unit_base
    if unit in base and base[unit][0] == to:
        return round(value * base[unit][1], 10)
    if to in base and base[to][0] == unit:
        return round(value / base[to][1], 10)
    return None
