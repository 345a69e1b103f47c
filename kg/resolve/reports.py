"""What the resolver reads about propositions: the claims of predictions and the reported outcomes of articles,
turned with the meetings into :class:`~kg.resolve.events.Report` s.

A meeting report whose words are a belief or an opinion ("did not believe X would attend", "doubts that …")
is no report: it says what someone thinks, not what happened or was announced.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from kg.namespaces import ARTICLE_GRAPH_PREFIX, concept_value
from kg.outcome_scheme import scheme
from kg.resolve.events import Report
from kg.resolve.evidence import Facts, MeetingFact
from kg.store.base import Store

__all__ = ["ClaimFact", "OutcomeFact", "is_belief", "load_claims", "load_outcomes", "reports"]

_CLAIMS = """
SELECT ?x ?c ?pred ?subj ?obj ?value ?high ?unit ?cmp ?pol ?theme ?ws ?we ?exact ?on ?a ?oexact WHERE {
  GRAPH ?g { ?x a {type} ; kg:claim ?c . ?c kg:predicate ?pred .
    OPTIONAL { ?c kg:subject ?subj } OPTIONAL { ?c kg:object ?obj } OPTIONAL { ?c kg:value ?value }
    OPTIONAL { ?c kg:valueHigh ?high } OPTIONAL { ?c kg:unit ?unit } OPTIONAL { ?c kg:comparison ?cmp }
    OPTIONAL { ?c kg:polarity ?pol } OPTIONAL { ?c kg:theme ?theme } OPTIONAL { ?c kg:windowStart ?ws }
    OPTIONAL { ?c kg:windowEnd ?we } OPTIONAL { ?c oa:exact ?exact } OPTIONAL { ?x kg:occurredOn ?on }
    OPTIONAL { ?x kg:extractedFrom ?a } OPTIONAL { ?x kg:span/oa:exact ?oexact } }
  FILTER(STRSTARTS(STR(?g), "{prefix}"))
}
"""

#: a belief, opinion or hope governing the words: what someone thinks, not what happened or was announced
_BELIEF = re.compile(
    r"\b(?:believes?|believed|thinks?|thought|doubts?|doubted|expects?|expected|suspects?|suspected|hopes?|"
    r"hoped|fears?|feared|guess(?:es|ed)?|reckons?|reckoned|speculat\w+|predicts?|predicted)\b",
    re.I,
)


def is_belief(words: str) -> bool:
    """True when *words* report a belief or an opinion rather than an event or an announcement.

    >>> is_belief("an adviser did not believe Kim would attend"), is_belief("Xi will not attend")
    (True, False)
    """
    return bool(_BELIEF.search(words))


@dataclass(frozen=True)
class ClaimFact:
    """A proposition as stored: kind, actors, value, polarity, window and the words it came from."""

    predicate: str
    subjects: frozenset[str]
    object: str | None = None
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    comparison: str | None = None
    polarity: str = "positive"
    theme: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    words: str = ""
    rivals: frozenset[str] = frozenset()  # other contenders for one title (kg.resolve.titles)

    @property
    def family(self) -> str:
        return scheme().family(self.predicate)


@dataclass(frozen=True)
class OutcomeFact:
    """A reported outcome of one article."""

    iri: str
    article: str
    claim: ClaimFact
    on: dt.date | None = None
    text: str = ""


def _v(row: Any, name: str) -> str | None:
    term = row[name]
    return None if term is None else str(term.value)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    return float(value) if value is not None else None


def _load(store: Store, kind: str) -> dict[str, tuple[ClaimFact, Any]]:
    rows: dict[str, Any] = {}
    subjects: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_CLAIMS.replace("{prefix}", ARTICLE_GRAPH_PREFIX).replace("{type}", kind)):
        x = _v(r, "x") or ""
        rows.setdefault(x, r)
        if r["subj"] is not None:
            subjects[x].add(_v(r, "subj") or "")
    out = {}
    for x, r in rows.items():
        claim = ClaimFact(
            predicate=concept_value(_v(r, "pred") or "", "outcome") or "",
            subjects=frozenset(subjects.get(x, set())),
            object=_v(r, "obj"),
            value=_float(_v(r, "value")),
            value_high=_float(_v(r, "high")),
            unit=concept_value(_v(r, "unit") or "", "unit"),
            comparison=concept_value(_v(r, "cmp") or "", "cmp"),
            polarity=concept_value(_v(r, "pol") or "", "polarity") or "positive",
            theme=_v(r, "theme"),
            start=_date(_v(r, "ws")),
            end=_date(_v(r, "we")),
            words=_v(r, "exact") or "",
        )
        out[x] = (claim, r)
    return out


def load_claims(store: Store) -> dict[str, ClaimFact]:
    """The claim of every prediction that has one, by prediction IRI."""
    return {x: c for x, (c, _) in _load(store, "kg:Prediction").items()}


def load_outcomes(store: Store) -> list[OutcomeFact]:
    """Every reported outcome of the store's articles."""
    out = [
        OutcomeFact(x, _v(r, "a") or "", c, _date(_v(r, "on")), _v(r, "oexact") or "")
        for x, (c, r) in _load(store, "kg:Outcome").items()
    ]
    return sorted(out, key=lambda o: o.iri)


def _meeting_report(m: MeetingFact, facts: Facts, published: dt.date) -> Report | None:
    if m.status == "predicted" or (m.status in ("negated", "cancelled", "planned") and is_belief(m.text)):
        return None
    day = m.start or published
    return Report(
        m.iri, m.article, "presence", m.kind, m.status, m.people, day, dated=m.start is not None,
        published=published, place=m.country or facts.places.country_of_place(m.place), text=m.text,
        last_day=m.end or day,
    )


def _outcome_report(o: OutcomeFact, published: dt.date) -> Report | None:
    c = o.claim
    if not c.subjects:
        return None
    dated = o.on is not None or c.start is not None
    # an undated report of something done is news of the day it was published or of the day before
    day = o.on or c.start or published - dt.timedelta(days=1)
    actors = c.subjects | ({c.object} if c.object and c.family == "presence" else frozenset())
    return Report(
        o.iri, o.article, c.family, c.predicate, "held" if c.polarity == "positive" else "negated", actors, day,
        dated=dated, published=published,
        objects=frozenset({c.object}) if c.object else frozenset(), value=c.value, value_high=c.value_high,
        unit=c.unit, polarity=c.polarity, text=o.text, last_day=c.end or (day if dated else published),
        theme=c.theme, words=c.words,
    )


def reports(facts: Facts, outcomes: list[OutcomeFact], as_of: dt.date) -> list[Report]:
    """Reports of the meetings and outcomes of every article published by *as_of* (undated articles: none)."""
    out = []
    for m in facts.meetings:
        published = facts.published(m.article)
        if published is not None and published <= as_of:
            r = _meeting_report(m, facts, published)
            if r is not None:
                out.append(r)
    for o in outcomes:
        published = facts.published(o.article)
        if published is not None and published <= as_of:
            r2 = _outcome_report(o, published)
            if r2 is not None:
                out.append(r2)
    return out
