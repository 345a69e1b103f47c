"""Propositions and reported outcomes as RDF (docs/model.md, "Propositions and outcomes").

A prediction's claim is ``<p-node>/claim``; a reported outcome is ``kgd:<key>/o-<h>`` (``<h>`` from its words,
as every extracted node) with its claim ``<o-node>/claim``. :func:`proposition_graph` is the one hook
:mod:`kg.mapping` calls; it returns the triples to add to the article's graph.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping

from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg.namespaces import KG, OA, concept
from kg.records import Claim, Records, Span

__all__ = ["node_hash", "outcome_iri", "proposition_graph"]


def _norm(words: str) -> str:
    text = unicodedata.normalize("NFKC", words).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def node_hash(kind: str, words: str) -> str:
    """12 hex digits over ``kind`` and the normalised words (docs/model.md, "IRIs of extracted nodes").

    >>> node_hash("o", "Rates rose.") == node_hash("o", "rates  rose")
    True
    """
    return hashlib.sha256(f"{kind}\x1f{_norm(words)}".encode()).hexdigest()[:12]


def outcome_iri(article: str, words: str, taken: set[str]) -> URIRef:
    """``<article>/o-<h>``, with ``-2``, ``-3`` … for the same words again (added to *taken*)."""
    base = f"{article}/o-{node_hash('o', words)}"
    iri, n = base, 1
    while iri in taken:
        n += 1
        iri = f"{base}-{n}"
    taken.add(iri)
    return URIRef(iri)


def _date(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def _decimal(value: float) -> Literal:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return Literal(text if re.search(r"\d", text) else "0", datatype=XSD.decimal)


def _day_range(value: str) -> tuple[dt.date, dt.date]:
    if len(value) == 7:
        y, m = int(value[:4]), int(value[5:])
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    d = dt.date.fromisoformat(value)
    return d, d


def _claim(g: Graph, node: URIRef, c: Claim, actors: Mapping[str, URIRef]) -> None:
    g.add((node, RDF.type, KG.Proposition))
    g.add((node, KG.predicate, concept("outcome", c.predicate)))
    for s in c.subjects:
        g.add((node, KG.subject, actors[s]))
    if c.object:
        g.add((node, KG.object, actors[c.object]))
    if c.value is not None:
        g.add((node, KG.value, _decimal(c.value)))
    if c.value_high is not None:
        g.add((node, KG.valueHigh, _decimal(c.value_high)))
    if c.unit:
        g.add((node, KG.unit, concept("unit", c.unit)))
    if c.comparison:
        g.add((node, KG.comparison, concept("cmp", c.comparison)))
    if c.theme:
        g.add((node, KG.theme, Literal(c.theme)))
    g.add((node, KG.polarity, concept("polarity", c.polarity)))
    g.add((node, OA.exact, Literal(c.span.text)))


def _span(g: Graph, node: URIRef, article: URIRef, span: Span) -> None:
    g.add((node, RDF.type, KG.TextSpan))
    g.add((node, KG.extractedFrom, article))
    g.add((node, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
    g.add((node, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
    g.add((node, OA.exact, Literal(span.text)))


def proposition_graph(
    records: Records,
    *,
    article: URIRef,
    prediction_node: Callable[[str], URIRef],
    actors: Mapping[str, URIRef],
    into: Graph | None = None,
) -> Graph:
    """The claims of *records*' predictions and their reported outcomes, as triples of the article's graph.

    *prediction_node* gives the IRI of a prediction from its record id; *actors* the IRI of each actor id.
    A prediction's window runs from the day it was made (else the published date) to its deadline. The
    triples go into *into* when given (anything with an rdflib-like ``add``: the mapping collects them).
    """
    g = Graph() if into is None else into
    published = records.article.published
    for p in records.predictions:
        if p.claim is None:
            continue
        pnode = prediction_node(p.id)
        node = URIRef(f"{pnode}/claim")
        g.add((pnode, KG.claim, node))
        _claim(g, node, p.claim, actors)
        made = p.made or published
        if made:
            g.add((node, KG.windowStart, _date(dt.date.fromisoformat(made))))
        if p.deadline:
            g.add((node, KG.windowEnd, _date(dt.date.fromisoformat(p.deadline))))
    taken: set[str] = set()
    for o in records.outcomes:
        onode = outcome_iri(str(article), o.span.text, taken)
        g.add((onode, RDF.type, KG.Outcome))
        g.add((onode, KG.extractedFrom, article))
        g.add((onode, KG.rule, Literal(o.rule or "unspecified")))
        g.add((onode, KG.confidence, _decimal(o.confidence)))
        span = URIRef(f"{onode}-span")
        g.add((onode, KG.span, span))
        _span(g, span, article, o.span)
        node = URIRef(f"{onode}/claim")
        g.add((onode, KG.claim, node))
        _claim(g, node, o.claim, actors)
        if o.date:
            first, last = _day_range(o.date)
            if first == last:
                g.add((onode, KG.occurredOn, _date(first)))
            g.add((node, KG.windowStart, _date(first)))
            g.add((node, KG.windowEnd, _date(last)))
    return g
