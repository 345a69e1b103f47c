"""One real-world event across many reports (docs/model.md, "Events").

A *report* is a meeting or a reported outcome extracted from one article. Reports describe the same event when
they are of the same family (``ontology/outcomes.ttl``; every meeting kind is the *presence* family), their
actors are compatible (for presence, two shared participants when both name two or more, else one; for the other
families one shared subject), their places do not differ and their days lie within :data:`SAME_EVENT_DAYS` of
each other. An undated report stands at its article's published day. Two summits of one pair months apart are
two events; a summit and its report the next day are one.

An event's status comes from all its reports: *held* when any report says it happened; else *cancelled* when
a cancellation or denial is published after the last plan; else *planned*.

>>> a = Report("r1", "kgd:a", "presence", "summit", "held", frozenset({"x", "y"}), dt.date(2019, 2, 27))
>>> b = Report("r2", "kgd:b", "presence", "summit", "held", frozenset({"x", "y"}), dt.date(2019, 2, 28))
>>> c = Report("r3", "kgd:c", "presence", "meeting", "held", frozenset({"x", "y"}), dt.date(2019, 6, 30))
>>> [len(e.reports) for e in cluster([a, b, c])]
[2, 1]
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg.namespaces import EVENT, KG, concept

__all__ = ["SAME_EVENT_DAYS", "EventFact", "Report", "cluster", "events_graph"]

SAME_EVENT_DAYS = 3
"""Reports of one family and compatible actors whose days lie this close are one event."""


@dataclass(frozen=True)
class Report:
    """One report of something that happened, was planned, or was called off."""

    iri: str
    article: str
    family: str  # presence | contest | decision | change | action | quantity
    kind: str  # an outcome kind (raise, win …) or a meeting kind (summit, visit …)
    status: str  # held | planned | cancelled | negated
    actors: frozenset[str]  # subjects (and, for presence, every participant)
    day: dt.date  # the day it happened (or was planned), else its article's published day
    dated: bool = True  # False: day is the article's published day
    published: dt.date | None = None
    objects: frozenset[str] = frozenset()
    place: str | None = None  # a country IRI, when known
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    polarity: str = "positive"
    text: str = ""
    last_day: dt.date | None = None  # the end of a multi-day report
    theme: str | None = None  # words of what the outcome is about ("world cup")
    words: str = ""  # the outcome words as written ("rescinded the order that grounded")


@dataclass
class EventFact:
    """One event and its reports (oldest day first)."""

    reports: list[Report] = field(default_factory=list)

    @property
    def iri(self) -> str:
        """``kge:<h>``, from the IRI of the earliest report."""
        first = min(self.reports, key=lambda r: (r.day, r.iri))
        return str(EVENT[hashlib.sha256(first.iri.encode("utf-8")).hexdigest()[:12]])

    @property
    def family(self) -> str:
        return self.reports[0].family

    @property
    def first(self) -> dt.date:
        return min(r.day for r in self.reports)

    @property
    def last(self) -> dt.date:
        return max(r.last_day or r.day for r in self.reports)

    @property
    def actors(self) -> frozenset[str]:
        return frozenset().union(*(r.actors | r.objects for r in self.reports))

    @property
    def status(self) -> str:
        """held beats planned; a cancellation published after the last plan revises it."""
        if any(r.status == "held" for r in self.reports):
            return "held"
        plans = [r.published or r.day for r in self.reports if r.status == "planned"]
        stops = [r.published or r.day for r in self.reports if r.status in ("cancelled", "negated")]
        if stops and (not plans or max(stops) >= max(plans)):
            return "cancelled"
        return "planned"

    @property
    def kind(self) -> str:
        kinds = [r.kind for r in self.reports if r.status == "held"] or [r.kind for r in self.reports]
        return max(sorted(set(kinds)), key=kinds.count)

    def accepts(self, r: Report) -> bool:
        """True when *r* describes this event (see the module docstring)."""
        if r.family != self.family:
            return False
        if r.day < self.first - dt.timedelta(days=SAME_EVENT_DAYS) or r.day > self.last + dt.timedelta(
            days=SAME_EVENT_DAYS
        ):
            return False
        places = {x.place for x in self.reports if x.place}
        if r.place and places and r.place not in places:
            return False
        shared = r.actors & frozenset().union(*(x.actors for x in self.reports))
        if r.family == "presence":
            need = 2 if len(r.actors) >= 2 and all(len(x.actors) >= 2 for x in self.reports) else 1
            return len(shared) >= need
        return bool(shared)


def cluster(reports: Iterable[Report]) -> list[EventFact]:
    """Group reports into events (each report in exactly one), in order of their first day."""
    events: list[EventFact] = []
    for r in sorted(reports, key=lambda r: (r.day, not r.dated, r.iri)):
        home = next((e for e in events if e.accepts(r)), None)
        if home is None:
            events.append(EventFact([r]))
        else:
            home.reports.append(r)
    return events


def events_graph(events: Iterable[EventFact]) -> Graph:
    """The ``kgg:events`` content: each event with its kind, participants, days, status and reports."""
    g = Graph()
    for e in events:
        node = URIRef(e.iri)
        g.add((node, RDF.type, KG.Event))
        group = "kind" if e.family == "presence" and e.kind not in ("meet", "visit", "attend") else "outcome"
        g.add((node, KG.eventKind, concept(group, e.kind)))
        for a in sorted(e.actors):
            g.add((node, KG.participant, URIRef(a)))
        g.add((node, KG.startDate, Literal(e.first.isoformat(), datatype=XSD.date)))
        g.add((node, KG.endDate, Literal(e.last.isoformat(), datatype=XSD.date)))
        g.add((node, KG.eventStatus, concept("status", e.status)))
        for r in e.reports:
            g.add((node, KG.report, URIRef(r.iri)))
    return g
