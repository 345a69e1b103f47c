"""N-Triples text written directly, each term in the form Oxigraph's own writer gives it.

Mapping writes an article's triples as N-Triples lines (what the store loads, the SHACL engine validates and a
worker process sends), not as one pyoxigraph term object per term: ``iri`` and ``literal`` return a term's
N-Triples text, ``line`` a triple's line. IRIs from outside (records, registry, concepts) are checked by
pyoxigraph once each (:func:`iri`, cached); IRIs kg mints from checked ones need no check (:func:`minted`).
tests/test_ntriples.py compares every form with ``pyoxigraph.serialize``.

>>> line(iri("https://example.org/a"), iri("https://example.org/p"), literal('say "hi"\\n'))
'<https://example.org/a> <https://example.org/p> "say \\\\"hi\\\\"\\\\n" .\\n'
>>> literal("5", datatype="http://www.w3.org/2001/XMLSchema#integer")
'"5"^^<http://www.w3.org/2001/XMLSchema#integer>'
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

XSD_STRING = str(XSD.string)
_ESCAPES = {i: f"\\u{i:04X}" for i in range(0x20)} | {0x7F: "\\u007F"}
_ESCAPES |= {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_SPECIAL = re.compile(r'[\x00-\x1f\x7f"\\]')


@lru_cache(maxsize=1 << 16)
def iri(value: str) -> str:
    """``<value>``, after pyoxigraph checked *value* is an IRI (raises ValueError otherwise)."""
    return str(ox.NamedNode(value))


def minted(value: str) -> str:
    """``<value>`` for an IRI kg built from a checked IRI and safe characters (hex digits, slashes, words)."""
    return f"<{value}>"


def quoted(text: str) -> str:
    """*text* as an N-Triples string, escaped as Oxigraph escapes it."""
    if _SPECIAL.search(text) is None:
        return f'"{text}"'
    return f'"{text.translate(_ESCAPES)}"'


def literal(value: str, *, datatype: str | None = None) -> str:
    """A literal's N-Triples text: a plain string, or typed by *datatype* (an IRI; xsd:string is plain)."""
    if datatype is None or datatype == XSD_STRING:
        return quoted(value)
    return f"{quoted(value)}^^{iri(datatype)}"


def line(s: str, p: str, o: str) -> str:
    """One triple's N-Triples line."""
    return f"{s} {p} {o} .\n"


def from_rdflib(term: Node) -> str:
    """An rdflib IRI, blank node or literal as N-Triples text."""
    if isinstance(term, URIRef):
        return iri(str(term))
    if isinstance(term, Literal):
        if term.language:
            return str(ox.Literal(str(term), language=term.language))
        return literal(str(term), datatype=str(term.datatype) if term.datatype is not None else None)
    if isinstance(term, BNode):
        return str(ox.BlankNode(str(term)))
    raise TypeError(f"cannot write {term!r} as N-Triples")


def from_oxigraph(triple: ox.Triple) -> str:
    """A pyoxigraph triple's N-Triples line."""
    return f"{triple} .\n"
