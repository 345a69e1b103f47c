"""The SPARQL 1.1 Protocol's request side: where the query and dataset come from, which format to answer in.

A query arrives as ``GET ?query=``, ``POST`` of a form (``query=``) or ``POST`` of ``application/sparql-query``;
``default-graph-uri`` and ``named-graph-uri`` (repeatable) name the dataset. The answer's format follows the
Accept header, unless a ``format=`` (or ``output=``/``results=``, as SPARQLWrapper and other clients send) names
one kg knows; an unknown value is ignored, so the client still gets what its Accept header asks for.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", graph=False)
'xml'
>>> negotiate(None, graph=True)
'turtle'
>>> format_param("rdf+xml", graph=True), format_param("json", graph=False), format_param("table", graph=False)
('rdfxml', 'json', None)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from kg.errors import UsageError
from kg.results import GRAPH_FORMATS, SOLUTION_FORMATS

SOLUTION_TYPES = {SOLUTION_FORMATS[f].media_type.split(";")[0]: f for f in SOLUTION_FORMATS} | {
    "application/json": "json", "application/xml": "xml", "text/xml": "xml", "text/plain": "tsv",
}
GRAPH_TYPES = {GRAPH_FORMATS[f].media_type.split(";")[0]: f for f in GRAPH_FORMATS} | {
    "application/json": "jsonld", "text/plain": "ntriples", "application/x-turtle": "turtle",
    "application/turtle": "turtle", "text/n3": "turtle", "application/xml": "rdfxml", "text/xml": "rdfxml",
    "application/x-json+ld": "jsonld",
}
# names clients put in format=/output=/results=, by result kind
_SOLUTION_NAMES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv"}
_GRAPH_NAMES = {
    "turtle": "turtle", "ttl": "turtle", "n3": "turtle", "nt": "ntriples", "ntriples": "ntriples",
    "n-triples": "ntriples", "json-ld": "jsonld", "jsonld": "jsonld", "json": "jsonld", "rdf": "rdfxml",
    "rdf+xml": "rdfxml", "rdfxml": "rdfxml", "xml": "rdfxml",
}
FORMAT_PARAMS = ("format", "output", "results")
MAX_GRAPH_URIS = 100


@dataclass(frozen=True)
class SparqlRequest:
    """What a protocol request asks: the query text, the dataset, the format names and the update flag."""

    query: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    update: bool = False
    params: Mapping[str, list[str]] = field(default_factory=dict)


def format_param(value: str, *, graph: bool) -> str | None:
    """The kg format a ``format=`` value names for a graph or solutions result, or None (then: Accept)."""
    v = value.strip().lower()
    types = GRAPH_TYPES if graph else SOLUTION_TYPES
    if v in types:
        return types[v]
    names = _GRAPH_NAMES if graph else _SOLUTION_NAMES
    return names.get(v)


def negotiate(accept: str | None, *, graph: bool) -> str | None:
    """The format name to answer *accept* with, or None when nothing offered is acceptable."""
    offered = GRAPH_TYPES if graph else SOLUTION_TYPES
    default = "turtle" if graph else "json"
    if not accept or not accept.strip():
        return default
    ranges = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (x.strip() for x in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if q > 0 and media:
            ranges.append((-q, i, media.lower()))
    for _, _, media in sorted(ranges):
        if media in offered:
            return offered[media]
        if media == "*/*":
            return default
        if media.endswith("/*"):
            kind = media[:-1]
            match = next((f for m, f in offered.items() if m.startswith(kind)), None)
            if match:
                return match
    return None


def choose_format(request: SparqlRequest, accept: str | None, *, graph: bool) -> str | None:
    """The first ``format=`` value kg knows, else what the Accept header asks (None: not acceptable)."""
    for value in request.formats:
        chosen = format_param(value, graph=graph)
        if chosen:
            return chosen
    return negotiate(accept, graph=graph)


def _one(params: Mapping[str, list[str]], name: str) -> str | None:
    values = params.get(name) or []
    if len(values) > 1:
        raise UsageError(f"give {name}= once, not {len(values)} times")
    return values[0] if values else None


def from_params(params: Mapping[str, list[str]], *, body_query: str | None = None) -> SparqlRequest:
    """A :class:`SparqlRequest` from the URL (or form) parameters; *body_query* for a sparql-query POST."""
    defaults = tuple(params.get("default-graph-uri", []))
    named = tuple(params.get("named-graph-uri", []))
    if len(defaults) + len(named) > MAX_GRAPH_URIS:
        raise UsageError(f"at most {MAX_GRAPH_URIS} graph IRIs per request")
    formats = tuple(v for name in FORMAT_PARAMS for v in params.get(name, []))
    query = body_query if body_query is not None else _one(params, "query")
    return SparqlRequest(query=query, default_graphs=defaults, named_graphs=named, formats=formats,
                         update="update" in params, params=params)


def parse_form(body: bytes) -> dict[str, list[str]]:
    """An ``application/x-www-form-urlencoded`` body (UsageError when it is not UTF-8)."""
    try:
        return parse_qs(body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        raise UsageError("the form is not UTF-8") from None


def decode_query(body: bytes) -> str:
    """A ``application/sparql-query`` body as text (UsageError when it is not UTF-8)."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the query is not UTF-8") from None


def kinds(graph: bool) -> Sequence[str]:
    """The media types kg can answer with, for a message."""
    return sorted(set(GRAPH_TYPES if graph else SOLUTION_TYPES))
