"""Conversion of RDF terms between rdflib (used for SHACL and formats) and pyoxigraph (the store).

>>> from rdflib import Literal as L
>>> to_rdflib(to_oxigraph(L("2018-08-27", datatype=XSD.date))) == L("2018-08-27", datatype=XSD.date)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


_IRIS: dict[str, ox.NamedNode] = {}


def to_oxigraph(term: Node) -> OxTerm:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        iri = _IRIS.get(term)
        if iri is None:
            iri = ox.NamedNode(str(term))
            if len(_IRIS) < 100_000:  # predicates, classes, concepts and actors repeat in every article
                _IRIS[str(term)] = iri
        return iri
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and term.datatype != XSD.string:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to a pyoxigraph term")


def to_rdflib(term: object) -> Node:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dtype = term.datatype.value
        return Literal(term.value, datatype=None if dtype == str(XSD.string) else URIRef(dtype))
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def triples(graph: Graph | Iterable[ox.Triple]) -> Iterator[ox.Triple]:
    """The triples of an rdflib graph (or pass pyoxigraph triples through)."""
    if isinstance(graph, Graph):
        for s, p, o in graph:
            yield ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
    else:
        yield from graph


def to_graph(items: Iterable[ox.Triple | ox.Quad]) -> Graph:
    """pyoxigraph triples or quads (graph names dropped) as an rdflib Graph."""
    g = Graph()
    for t in items:
        g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))  # type: ignore[arg-type]
    return g


def add_triples(graph: Graph, items: Iterable[ox.Triple | ox.Quad]) -> Graph:
    """Add pyoxigraph triples or quads (graph names dropped) to an rdflib graph, terms converted once."""
    cache: dict[object, Node] = {}

    def conv(term: object) -> Node:
        node = cache.get(term)
        if node is None:
            node = to_rdflib(term)
            if not isinstance(term, ox.Literal) or len(cache) < 50_000:
                cache[term] = node
        return node

    add = graph.add
    for t in items:
        add((conv(t.subject), conv(t.predicate), conv(t.object)))  # type: ignore[arg-type]
    return graph
