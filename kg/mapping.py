"""Records -> RDF: one article's records become the triples of its named graph (docs/model.md).

>>> from kg.records import ArticleRecord, Records
>>> g = to_graph(Records(article=ArticleRecord(text="x", url="https://example.org/a", title="A")))
>>> (article_iri(ArticleRecord(text="x", url="https://example.org/a")), RDF.type, KG.Article) in g
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.extract.hedges import concept_for
from kg.extract.slugs import slug
from kg.namespaces import ACTOR, ARTICLE, GRAPH, KG, OA, WD, concept
from kg.propositions import proposition_graph
from kg.records import Actor, ArticleRecord, Records, Span

_TYPES = {"Person": KG.Person, "Organization": KG.Organization, "Country": KG.Country}


def actor_iri(actor: Actor) -> URIRef:
    """The registry IRI of an actor, else one minted from its normalised label (stable across articles)."""
    return URIRef(actor.iri) if actor.iri else ACTOR[slug(actor.label)]


def article_key(article: ArticleRecord) -> str:
    """16 hex digits naming the article: from its URL when it has one, else from its text."""
    if article.url:
        return hashlib.sha256(article.url.strip().encode("utf-8")).hexdigest()[:16]
    return (article.content_hash or "")[:16]


def article_iri(article: ArticleRecord) -> URIRef:
    """The IRI of the article node."""
    return ARTICLE[article_key(article)]


def graph_iri(article: ArticleRecord) -> URIRef:
    """The IRI of the named graph holding the article and what was extracted from it."""
    return GRAPH[f"article/{article_key(article)}"]


_DESK = re.compile(r"\b(staff|desk|board|team|editors?|newsroom|agency|agencies|bureau|press|news|wire)\b", re.I)


def author_class(author: str, outlet: str | None) -> URIRef:
    """A byline is a Person, unless it is the outlet itself or a desk ("Reuters Staff", "Editorial Board").

    >>> author_class("Editorial Board", "The Times") == KG.Organization
    True
    """
    if (outlet and slug(author) == slug(outlet)) or _DESK.search(author):
        return KG.Organization
    return KG.Person


@dataclass(frozen=True)
class Window:
    """A day range with its precision: ``2018-09`` is 2018-09-01 .. 2018-09-30, precision month."""

    first: dt.date
    last: dt.date
    precision: str


def window(value: str) -> Window:
    """Parse an ISO date or YYYY-MM into the day range it covers.

    >>> window("2018-02")
    Window(first=datetime.date(2018, 2, 1), last=datetime.date(2018, 2, 28), precision='month')
    """
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return Window(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month")
    day = dt.date.fromisoformat(value)
    return Window(day, day, "day")


def _date(value: str | dt.date) -> Literal:
    return Literal(value if isinstance(value, str) else value.isoformat(), datatype=XSD.date)


def _decimal(value: float) -> Literal:
    return Literal(f"{value:.4f}".rstrip("0").rstrip(".") if value else "0", datatype=XSD.decimal)


class _Mapper:
    def __init__(self, records: Records) -> None:
        self.r = records
        self.g = Graph()
        self.art = article_iri(records.article)
        self.base = str(self.art)
        self.actors = {a.id: actor_iri(a) for a in records.actors}

    def node(self, local: str) -> URIRef:
        return URIRef(f"{self.base}/{local}")

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.g.add((s, p, o))

    def provenance(self, node: URIRef, span: Span, rule: str, confidence: float) -> None:
        span_node = URIRef(f"{node}-span")
        self.add(node, KG.extractedFrom, self.art)
        self.add(node, KG.span, span_node)
        self.add(node, KG.rule, Literal(rule or "unspecified"))
        self.add(node, KG.confidence, _decimal(confidence))
        self.text_span(span_node, KG.TextSpan, span)

    def text_span(self, node: URIRef, cls: URIRef, span: Span) -> None:
        self.add(node, RDF.type, cls)
        self.add(node, OA.hasSource, self.art)
        self.add(node, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger))
        self.add(node, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger))
        self.add(node, OA.exact, Literal(span.text))

    def named(self, label: str, cls: URIRef) -> URIRef:
        iri = ACTOR[slug(label)]
        self.add(iri, RDF.type, cls)
        self.add(iri, RDFS.label, Literal(label))
        return iri

    def article(self) -> None:
        a, art = self.r.article, self.art
        self.add(art, RDF.type, KG.Article)
        if a.url:
            self.add(art, KG.url, Literal(a.url, datatype=XSD.anyURI))
        if a.title:
            self.add(art, KG.title, Literal(a.title))
        if a.outlet:
            self.add(art, KG.outlet, self.named(a.outlet, KG.Organization))
        if a.author:
            self.add(art, KG.author, self.named(a.author, author_class(a.author, a.outlet)))
        if a.published:
            self.add(art, KG.published, _date(a.published))
        if a.retrieved:
            self.add(art, KG.retrieved, Literal(a.retrieved, datatype=XSD.dateTime))
        self.add(art, KG.contentHash, Literal(a.content_hash))

    def author_agent(self) -> URIRef:
        """Who 'author' predictions are attributed to: the author, else the outlet, else the article."""
        a = self.r.article
        if a.author:
            return ACTOR[slug(a.author)]
        if a.outlet:
            return ACTOR[slug(a.outlet)]
        return self.art

    def actor(self, actor: Actor) -> None:
        iri = self.actors[actor.id]
        self.add(iri, RDF.type, _TYPES[actor.type])
        self.add(iri, RDFS.label, Literal(actor.label))
        if actor.wikidata:
            self.add(iri, KG.wikidata, WD[actor.wikidata])
        for i, m in enumerate(actor.mentions, 1):
            mention = self.node(f"{actor.id}-m{i}")
            self.text_span(mention, KG.Mention, m)
            self.add(mention, KG.refersTo, iri)
            self.add(mention, KG.extractedFrom, self.art)
            self.add(mention, KG.rule, Literal(actor.rule or "unspecified"))
            self.add(mention, KG.confidence, _decimal(actor.confidence))

    def statements(self) -> None:
        for s in self.r.statements:
            if s.speaker is None:
                continue  # the shapes require a speaker; unattributed quotes stay in the records JSON only
            n = self.node(s.id)
            self.add(n, RDF.type, KG.Statement)
            self.add(n, KG.speaker, self.actors[s.speaker])
            self.add(n, KG.text, Literal(s.text))
            self.add(n, KG.statementKind, concept("statementkind", s.kind))
            if s.date:
                self.add(n, KG.saidOn, _date(s.date))
            if s.medium:
                self.add(n, KG.medium, concept("medium", s.medium))
            self.provenance(n, s.span, s.rule, s.confidence)

    def meetings(self) -> None:
        for m in self.r.meetings:
            n = self.node(m.id)
            self.add(n, RDF.type, KG.Meeting)
            for p in m.participants:
                self.add(n, KG.participant, self.actors[p])
            if m.host:
                self.add(n, KG.host, self.actors[m.host])
            if m.place:
                self.add(n, KG.place, Literal(m.place))
                country = self.place_country(m.place)
                if country is not None:
                    self.add(n, KG.placeCountry, country)
            start = window(m.start) if m.start else None
            end = window(m.end) if m.end else start
            if start:
                self.add(n, KG.startDate, _date(start.first))
                self.add(n, KG.datePrecision, Literal(start.precision))
            if end:
                self.add(n, KG.endDate, _date(end.last))
            self.add(n, KG.meetingKind, concept("kind", m.kind))
            self.add(n, KG.meetingStatus, concept("status", m.status))
            self.provenance(n, m.span, m.rule, m.confidence)

    def place_country(self, place: str) -> URIRef | None:
        """The country actor a place names, when the article's actors say so (the place is a country)."""
        for a in self.r.actors:
            if a.type == "Country" and (a.label == place or any(x.text == place for x in a.mentions)):
                return self.actors[a.id]
        return None

    def predictions(self) -> None:
        statements = {s.id: s for s in self.r.statements}
        for p in self.r.predictions:
            n = self.node(p.id)
            self.add(n, RDF.type, KG.Prediction)
            predictor = self.author_agent() if p.predictor == "author" else self.actors[p.predictor]
            self.add(n, KG.predictor, predictor)
            self.add(n, KG.text, Literal(p.text))
            if p.hedge:
                self.add(n, KG.hedgeText, Literal(p.hedge))
                hedge = concept_for(p.hedge)
                if hedge is not None:
                    self.add(n, KG.hedge, URIRef(hedge))
            if p.probability is not None:
                self.add(n, KG.probability, _decimal(p.probability))
            if p.probability_interval is not None:
                self.add(n, KG.probabilityLow, _decimal(p.probability_interval[0]))
                self.add(n, KG.probabilityHigh, _decimal(p.probability_interval[1]))
            if p.deadline:
                self.add(n, KG.deadline, _date(p.deadline))
            statement = statements.get(p.statement) if p.statement else None
            made = p.made or (statement.date if statement else None) or self.r.article.published
            if made:
                self.add(n, KG.madeOn, _date(made))
            self.add(n, KG.polarity, concept("polarity", p.polarity))
            if p.event:
                self.add(n, KG.predictedEvent, self.node(p.event))
            if statement is not None and statement.speaker is not None:
                self.add(n, KG.fromStatement, self.node(statement.id))
            self.provenance(n, p.span, p.rule, p.confidence)


def to_graph(records: Records) -> Graph:
    """The RDF graph of one article's records (the content of its named graph)."""
    m = _Mapper(records)
    m.article()
    for actor in records.actors:
        m.actor(actor)
    m.statements()
    m.meetings()
    m.predictions()
    m.g += proposition_graph(records, article=m.art, prediction_node=m.node, actors=m.actors)
    return m.g
