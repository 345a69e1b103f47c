"""What the resolver reads from the store: predictions, the meetings and statements of all articles, places.

Everything is loaded with a few SPARQL queries over the article graphs and the registry into small frozen
dataclasses, so that the judgement rules (:mod:`kg.resolve.rules`) are plain functions over plain data.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kg.namespaces import ARTICLE_GRAPH_PREFIX, concept_value
from kg.store.base import Store

_ARTICLES = """
SELECT ?a ?url ?pub ?est ?title ?outlet WHERE {
  GRAPH ?g { ?a a kg:Article .
    OPTIONAL { ?a kg:url ?url } OPTIONAL { ?a kg:published ?pub } OPTIONAL { ?a kg:title ?title }
    OPTIONAL { ?a kg:estimatedPublished ?est }  # an undated page: its estimated day (kg.extract.source_dates)
    OPTIONAL { ?a kg:outlet ?o } }
  OPTIONAL { ?o rdfs:label ?outlet }  # actor facts live in kgg:actors
  FILTER(STRSTARTS(STR(?g), "{prefix}"))
}
"""

_MEETINGS = """
SELECT ?m ?a ?kind ?status ?part ?host ?place ?country ?start ?end ?exact WHERE {
  GRAPH ?g { ?m a kg:Meeting ; kg:extractedFrom ?a ; kg:meetingKind ?kind ; kg:meetingStatus ?status .
    OPTIONAL { ?m kg:participant ?part } OPTIONAL { ?m kg:host ?host } OPTIONAL { ?m kg:place ?place }
    OPTIONAL { ?m kg:placeCountry ?country } OPTIONAL { ?m kg:startDate ?start } OPTIONAL { ?m kg:endDate ?end }
    OPTIONAL { ?m kg:span/oa:exact ?exact } }
  FILTER(STRSTARTS(STR(?g), "{prefix}"))
}
"""

_STATEMENTS = """
SELECT ?s ?a ?speaker ?text ?said ?exact WHERE {
  GRAPH ?g { ?s a kg:Statement ; kg:extractedFrom ?a ; kg:speaker ?speaker ; kg:text ?text .
    OPTIONAL { ?s kg:saidOn ?said } OPTIONAL { ?s kg:span/oa:exact ?exact } }
  FILTER(STRSTARTS(STR(?g), "{prefix}"))
}
"""

_PREDICTIONS = """
SELECT ?p ?a ?text ?predictor ?hedgeText ?hedge ?prob ?deadline ?made ?polarity ?event ?exact WHERE {
  GRAPH ?g { ?p a kg:Prediction ; kg:extractedFrom ?a ; kg:text ?text ; kg:predictor ?predictor .
    OPTIONAL { ?p kg:hedgeText ?hedgeText } OPTIONAL { ?p kg:hedge ?hedge } OPTIONAL { ?p kg:probability ?prob }
    OPTIONAL { ?p kg:deadline ?deadline } OPTIONAL { ?p kg:madeOn ?made } OPTIONAL { ?p kg:polarity ?polarity }
    OPTIONAL { ?p kg:predictedEvent ?event } OPTIONAL { ?p kg:span/oa:exact ?exact } }
  FILTER(STRSTARTS(STR(?g), "{prefix}"))
}
"""

# actors mentioned inside the span of an extracted node (a prediction or a statement)
_MENTIONED = """
SELECT ?x ?actor WHERE {
  GRAPH ?g { ?x kg:span ?s ; kg:extractedFrom ?a . ?s oa:start ?xs ; oa:end ?xe .
    ?mn a kg:Mention ; kg:refersTo ?actor ; kg:extractedFrom ?a ; oa:start ?ms ; oa:end ?me .
    FILTER(?ms >= ?xs && ?me <= ?xe) }
  FILTER(STRSTARTS(STR(?g), "{prefix}"))
}
"""

_LABELS = "SELECT ?x ?label WHERE { ?x rdfs:label ?label }"
_CAPITALS = "SELECT ?c ?cap WHERE { ?c kg:capital ?cap }"
_COUNTRY_OF = "SELECT ?p ?c WHERE { ?p kg:country ?c }"


@dataclass(frozen=True)
class Source:
    """An article (the source of a prediction or of evidence)."""

    iri: str
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class MeetingFact:
    """One extracted meeting (held, planned, cancelled, predicted or negated) of one article."""

    iri: str
    article: str
    kind: str
    status: str
    participants: frozenset[str]
    host: str | None = None
    place: str | None = None
    country: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    text: str = ""

    @property
    def people(self) -> frozenset[str]:
        """Participants and host together (a host takes part in what it hosts)."""
        return self.participants | ({self.host} if self.host else frozenset())


@dataclass(frozen=True)
class StatementFact:
    """One extracted statement, with the actors its words mention."""

    iri: str
    article: str
    speaker: str
    text: str
    said_on: dt.date | None = None
    exact: str = ""
    actors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PredictionFact:
    """One prediction with what it predicts (a meeting, or only words)."""

    iri: str
    article: str
    text: str
    predictor: str
    hedge_text: str | None = None
    hedge: str | None = None
    probability: float | None = None
    deadline: dt.date | None = None
    made_on: dt.date | None = None
    polarity: str = "positive"
    event: MeetingFact | None = None
    actors: frozenset[str] = frozenset()


@dataclass
class Places:
    """Country of a place name (a country's capital, read from the registry) and the country of a person."""

    capitals: dict[str, set[str]] = field(default_factory=dict)  # country IRI -> capital names
    person_country: dict[str, str] = field(default_factory=dict)

    def country_of_place(self, place: str | None) -> str | None:
        """The country whose capital *place* is (case-insensitive), else None.

        >>> Places(capitals={"kga:kenya": {"Nairobi"}}).country_of_place("nairobi")
        'kga:kenya'
        """
        if not place:
            return None
        name = place.strip().casefold()
        for country, caps in self.capitals.items():
            if any(c.casefold() == name for c in caps):
                return country
        return None


@dataclass
class Facts:
    """Everything the rules look at, loaded once per resolve run."""

    sources: dict[str, Source]
    predictions: list[PredictionFact]
    meetings: list[MeetingFact]
    statements: list[StatementFact]
    places: Places
    labels: dict[str, str]

    def label(self, iri: str) -> str:
        """A readable name for an actor IRI (its rdfs:label, else the end of the IRI)."""
        return self.labels.get(iri) or iri.rsplit("/", 1)[-1]

    def published(self, article: str) -> dt.date | None:
        """The published date of an article, if known."""
        src = self.sources.get(article)
        return src.published if src else None


def _v(row: Any, name: str) -> str | None:
    term = row[name]
    return None if term is None else str(term.value)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _rows(store: Store, sparql: str) -> Any:
    """Run a query over the article graphs (the graph prefix is a constant of kg, not user input)."""
    return store.query(sparql.replace("{prefix}", ARTICLE_GRAPH_PREFIX))


def load_facts(store: Store) -> Facts:
    """Read predictions, meetings, statements, articles, labels and places from *store*."""
    sources = {}
    for r in _rows(store, _ARTICLES):
        iri = _v(r, "a") or ""
        day = _date(_v(r, "pub")) or _date(_v(r, "est"))  # an estimate only where no published date exists
        sources[iri] = Source(iri, _v(r, "url"), day, _v(r, "title"), _v(r, "outlet"))

    meetings = _meetings(store)
    mentioned: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, _MENTIONED):
        mentioned[_v(r, "x") or ""].add(_v(r, "actor") or "")

    statements = []
    seen: set[str] = set()
    for r in _rows(store, _STATEMENTS):
        iri = _v(r, "s") or ""
        if iri in seen:
            continue
        seen.add(iri)
        speaker = _v(r, "speaker") or ""
        statements.append(
            StatementFact(
                iri, _v(r, "a") or "", speaker, _v(r, "text") or "", _date(_v(r, "said")), _v(r, "exact") or "",
                frozenset(mentioned.get(iri, set()) | {speaker}),
            )
        )

    by_iri = {m.iri: m for m in meetings}
    predictions = []
    seen = set()
    for r in _rows(store, _PREDICTIONS):
        iri = _v(r, "p") or ""
        if iri in seen:
            continue
        seen.add(iri)
        prob = _v(r, "prob")
        event = by_iri.get(_v(r, "event") or "")
        predictions.append(
            PredictionFact(
                iri=iri, article=_v(r, "a") or "", text=_v(r, "text") or "", predictor=_v(r, "predictor") or "",
                hedge_text=_v(r, "hedgeText"), hedge=_v(r, "hedge"),
                probability=float(prob) if prob is not None else None,
                deadline=_date(_v(r, "deadline")), made_on=_date(_v(r, "made")),
                polarity=concept_value(_v(r, "polarity") or "", "polarity") or "positive",
                event=event,
                actors=frozenset(mentioned.get(iri, set()) | (event.people if event else frozenset())),
            )
        )
    predictions.sort(key=lambda p: p.iri)

    places = Places()
    for r in store.query(_CAPITALS):
        places.capitals.setdefault(_v(r, "c") or "", set()).add(_v(r, "cap") or "")
    for r in store.query(_COUNTRY_OF):
        places.person_country[_v(r, "p") or ""] = _v(r, "c") or ""
    labels: dict[str, str] = {}
    for r in store.query(_LABELS):
        labels.setdefault(_v(r, "x") or "", _v(r, "label") or "")
    return Facts(sources, predictions, meetings, sorted(statements, key=lambda s: s.iri), places, labels)


def _meetings(store: Store) -> list[MeetingFact]:
    parts: dict[str, set[str]] = defaultdict(set)
    first: dict[str, Any] = {}
    for r in _rows(store, _MEETINGS):
        iri = _v(r, "m") or ""
        first.setdefault(iri, r)
        if r["part"] is not None:
            parts[iri].add(_v(r, "part") or "")
    out = []
    for iri, r in first.items():
        out.append(
            MeetingFact(
                iri=iri, article=_v(r, "a") or "",
                kind=concept_value(_v(r, "kind") or "", "kind") or "meeting",
                status=concept_value(_v(r, "status") or "", "status") or "held",
                participants=frozenset(parts.get(iri, set())), host=_v(r, "host"), place=_v(r, "place"),
                country=_v(r, "country"), start=_date(_v(r, "start")), end=_date(_v(r, "end")),
                text=_v(r, "exact") or "",
            )
        )
    return sorted(out, key=lambda m: m.iri)
