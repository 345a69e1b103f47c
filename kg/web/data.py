"""What the pages of the claims browser show, read from the store through the queries of :mod:`kg.web.sparql`.

Every function takes the store and returns plain dataclasses; the templates only lay them out. Identifiers are
the IRIs found in the data; labels come from the union default graph (see :mod:`kg.web.sparql`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import UsageError
from kg.namespaces import KG
from kg.queries import QueryResult, StoredQuery, run_query
from kg.store.base import Store
from kg.web import sparql
from kg.web.highlight import Mark

TIMEOUT = 30.0
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KINDS = {str(KG.Statement): "statement", str(KG.Meeting): "meeting", str(KG.Prediction): "prediction"}

Row = dict[str, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None]


def run(store: Store, query: StoredQuery, **values: str | None) -> QueryResult:
    """Run a page query read-only with its parameters (None leaves a parameter unbound)."""
    return run_query(store, query, {k: v for k, v in values.items() if v}, timeout=TIMEOUT)


def select(store: Store, query: StoredQuery, **values: str | None) -> list[Row]:
    """The rows of a SELECT page query as dicts of terms."""
    result = run(store, query, **values)
    return [dict(zip(result.variables, row, strict=True)) for row in result.rows]


def value(term: object) -> str | None:
    """The lexical value of a term (IRI or literal), None for an unbound variable."""
    return None if term is None else str(getattr(term, "value", term))


@dataclass
class Labels:
    """Readable names of IRIs (rdfs:label, else skos:prefLabel), looked up when first asked and kept for the page;
    an IRI without one is shown as itself."""

    store: Store | None = None
    names: dict[str, str | None] = field(default_factory=dict)

    def __call__(self, iri: str | None) -> str:
        if not iri:
            return ""
        if iri not in self.names:
            self.names[iri] = self._lookup(iri)
        return self.names[iri] or iri

    def _lookup(self, iri: str) -> str | None:
        if self.store is None:
            return None
        try:
            found = select(self.store, sparql.LABEL, node=iri)
        except UsageError:  # not an IRI a query can take: shown as it is
            return None
        return value(found[0]["label"]) if found else None


def labels(store: Store) -> Labels:
    """The labels of *store*, looked up as a page asks for them."""
    return Labels(store)


def statuses(
    store: Store, *, prediction: str | None = None, article: str | None = None
) -> dict[str, tuple[str, bool]]:
    """Prediction IRI -> (current status IRI, needs review), for one prediction, one article's or all."""
    out = {}
    for r in select(store, sparql.STATUS, prediction=prediction, article=article):
        out[prediction or value(r["node"]) or ""] = (value(r["status"]) or "", value(r["review"]) == "true")
    return out


@dataclass
class Node:
    """A node and its properties (property IRI -> values, as strings)."""

    iri: str
    props: dict[str, list[str]]

    def one(self, prop: object) -> str | None:
        """The first value of a property, None without one."""
        vals = self.props.get(str(prop))
        return vals[0] if vals else None

    def all(self, prop: object) -> list[str]:
        """Every value of a property."""
        return self.props.get(str(prop), [])


# -- articles -------------------------------------------------------------------------------------------------
@dataclass
class ArticleSummary:
    """One line of the article list."""

    iri: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlets: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def articles(
    store: Store, *, outlet: str | None = None, actor: str | None = None, since: str | None = None,
    until: str | None = None,
) -> list[ArticleSummary]:
    """The articles matching the filters, newest first, with their claim counts (UsageError for a bad filter)."""
    found: dict[str, ArticleSummary] = {}
    for r in select(store, sparql.ARTICLES, outlet=outlet, actor=actor, since=since, until=until):
        iri = value(r["article"]) or ""
        a = found.setdefault(iri, ArticleSummary(iri, value(r["title"]), value(r["url"]), value(r["published"])))
        for key, bucket in (("outletIri", a.outlets), ("authorIri", a.authors)):
            v = value(r[key])
            if v and v not in bucket:
                bucket.append(v)
    for r in select(store, sparql.CLAIM_COUNTS):
        a_ = found.get(value(r["article"]) or "")
        if a_ is not None:
            a_.counts[KINDS.get(value(r["kind"]) or "", "other")] = int(value(r["count"]) or 0)
    return list(found.values())


@dataclass
class Claim(Node):
    """A statement, meeting or prediction as the article page shows it."""

    kind: str = "other"
    number: int = 0  # 1, 2, … in text order on the article page
    start: int | None = None
    end: int | None = None
    status: str | None = None  # predictions: the current status IRI (None: open)
    review: bool = False


@dataclass
class ArticlePage(Node):
    """An article, its text and what was extracted from it."""

    claims: list[Claim] = field(default_factory=list)
    actors: list[tuple[str, int]] = field(default_factory=list)  # (actor IRI, mentions)

    @property
    def body(self) -> str:
        return self.one(KG.articleBody) or ""


def properties(store: Store, iri: str) -> dict[str, list[str]]:
    """Every property of a node with its values (from any graph)."""
    props: dict[str, list[str]] = defaultdict(list)
    for r in select(store, sparql.PROPERTIES, node=iri):
        p, v = value(r["property"]) or "", value(r["value"]) or ""
        if v not in props[p]:
            props[p].append(v)
    return dict(props)


def _int(term: object) -> int | None:
    v = value(term)
    return int(v) if v is not None else None


def claims(store: Store, article: str) -> list[Claim]:
    """The statements, meetings and predictions of *article*, numbered in text order."""
    found: dict[str, Claim] = {}
    for r in select(store, sparql.EXTRACTED, article=article):
        iri = value(r["node"]) or ""
        c = found.get(iri)
        if c is None:
            kind = KINDS.get(value(r["kind"]) or "", "other")
            c = found[iri] = Claim(iri, defaultdict(list), kind, 0, _int(r["start"]), _int(r["end"]))
        p, v = value(r["property"]) or "", value(r["value"]) or ""
        if v not in c.props[p]:
            c.props[p].append(v)
    states = statuses(store, article=article)
    ordered = sorted(found.values(), key=lambda c: (c.start if c.start is not None else 1 << 60, c.end or 0, c.iri))
    for i, c in enumerate(ordered, 1):
        c.number = i
        c.props = dict(c.props)
        if c.kind == "prediction":
            c.status, c.review = states.get(c.iri, (None, False))
    return ordered


def article(store: Store, iri: str) -> ArticlePage | None:
    """The article page of *iri*, None when the store has no such article."""
    if not run(store, sparql.IS_ARTICLE, node=iri).boolean:
        return None
    actors = [(value(r["actor"]) or "", _int(r["mentions"]) or 0) for r in select(store, sparql.MENTIONED, article=iri)]
    return ArticlePage(iri, properties(store, iri), claims(store, iri), actors)


def outlets(store: Store) -> list[str]:
    """The outlet IRIs of the articles."""
    return [value(r["outlet"]) or "" for r in select(store, sparql.OUTLETS)]


@dataclass(frozen=True)
class ActorSummary:
    """One line of the actor list."""

    iri: str
    articles: int
    statements: int
    predictions: int


def actors(store: Store, name: Labels | None = None) -> list[ActorSummary]:
    """Every actor involved in an article, most involved first (their labels go into *name*)."""
    found = []
    for r in select(store, sparql.ACTORS):
        iri = value(r["actor"]) or ""
        if name is not None:
            name.names.setdefault(iri, value(r["label"]))
        found.append(ActorSummary(iri, _int(r["articles"]) or 0, _int(r["statements"]) or 0,
                                  _int(r["predictions"]) or 0))
    return found


def marks(claims_: list[Claim], titles: Mapping[str, str]) -> list[Mark]:
    """The highlight marks of the claims that have a span (*titles*: tooltip per claim IRI)."""
    return [
        Mark(c.start, c.end, c.kind, c.iri, titles.get(c.iri, ""))
        for c in claims_ if c.start is not None and c.end is not None
    ]


# -- where one node was found ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Located:
    """An extracted node with its article, kind, span and the article's text."""

    iri: str
    kind: str
    article: str
    start: int | None
    end: int | None
    body: str
    title: str | None
    published: str | None
    url: str | None


def locate(store: Store, iri: str) -> Located | None:
    """Where the statement, meeting or prediction *iri* was found, None when it is no such node."""
    rows = select(store, sparql.NODE_SPAN, node=iri)
    if not rows:
        return None
    r = rows[0]
    art = value(r["article"]) or ""
    props = properties(store, art)

    def first(prop: object) -> str | None:
        vals = props.get(str(prop))
        return vals[0] if vals else None

    return Located(
        iri, KINDS.get(value(r["kind"]) or "", "other"), art, _int(r["start"]), _int(r["end"]),
        first(KG.articleBody) or "", first(KG.title), first(KG.published), first(KG.url),
    )


def claim_of(store: Store, prediction: str) -> list[tuple[str, str]]:
    """The (property, value) pairs of the proposition a prediction claims, empty when it has none."""
    return [(value(r["property"]) or "", value(r["value"]) or "") for r in select(store, sparql.CLAIM, node=prediction)]


def describe(store: Store, iri: str) -> QueryResult:
    """The triples to download for a node: an article's whole graph, else the node with its span and claim."""
    query = sparql.ARTICLE_GRAPH if run(store, sparql.IS_ARTICLE, node=iri).boolean else sparql.DESCRIBE
    return run(store, query, node=iri)



# -- actors ---------------------------------------------------------------------------------------------------
@dataclass
class ActorPage(Node):
    """An actor: its facts, what it said and the meetings it took part in (its predictions: kg.web.forecasts)."""

    statements: list[Row] = field(default_factory=list)
    meetings: list[Row] = field(default_factory=list)


def actor(store: Store, iri: str) -> ActorPage | None:
    """The page of actor *iri*, None when the store knows nothing about it."""
    props = properties(store, iri)
    statements = select(store, sparql.SPOKEN, actor=iri)
    meetings = select(store, sparql.MET, actor=iri)
    if not props and not statements and not meetings:
        return None
    return ActorPage(iri, props, statements, meetings)
