"""Query results as bytes in the standard formats, and as a table with prefixed names for terminals.

SELECT and ASK: SPARQL 1.1 Query Results JSON (written here), XML, CSV and TSV (pyoxigraph's serializers, fed
from the JSON so a cut result serializes the same way). CONSTRUCT and DESCRIBE: Turtle with kg's prefixes,
N-Triples, JSON-LD (expanded form).

>>> from kg.queries import QueryResult
>>> r = QueryResult(form="SELECT", variables=["x"], rows=[(ox.NamedNode("https://w3id.org/kg/id/actor/a"),)])
>>> serialize(r, "csv")
b'x\\r\\nhttps://w3id.org/kg/id/actor/a\\r\\n'
>>> prefixed(r.rows[0][0])
'kga:a'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox
from rich.table import Table

from kg.errors import UsageError
from kg.namespaces import PREFIXES
from kg.queries import QueryResult

SOLUTION_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
FORMATS = ("table", *SOLUTION_FORMATS, *GRAPH_FORMATS)
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


def media_type(result: QueryResult, fmt: str) -> str:
    """The media type of *result* written as *fmt* (for HTTP responses)."""
    if fmt in SOLUTION_FORMATS:
        return SOLUTION_FORMATS[fmt].media_type
    return GRAPH_FORMATS[fmt].media_type


def check_format(result: QueryResult, fmt: str) -> str:
    """*fmt* if it suits *result* (``json`` on a graph means JSON-LD); UsageError otherwise."""
    if fmt == "json" and result.is_graph:
        return "jsonld"
    allowed = ("table", *(GRAPH_FORMATS if result.is_graph else SOLUTION_FORMATS))
    if fmt not in allowed:
        raise UsageError(f"format '{fmt}' does not fit a {result.form} result", hint=f"choose {', '.join(allowed)}")
    return fmt


def _json_term(term: object) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {k: _json_term(getattr(term, k)) for k in parts}}
    raise TypeError(f"not an RDF term: {term!r}")


def results_json(result: QueryResult) -> dict[str, object]:
    """A SELECT or ASK result as the SPARQL 1.1 Query Results JSON document."""
    if result.form == "ASK":
        return {"head": {}, "boolean": bool(result.boolean)}
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None} for row in result.rows
    ]
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def serialize(result: QueryResult, fmt: str) -> bytes:
    """*result* as bytes in *fmt* (json, xml, csv, tsv for SELECT/ASK; turtle, ntriples, jsonld for graphs)."""
    fmt = check_format(result, fmt)
    if fmt == "table":
        raise UsageError("the table format is for terminals", hint="use to_table()")
    if result.is_graph:
        prefixes = PREFIXES if fmt == "turtle" else None
        return ox.serialize(result.triples, None, GRAPH_FORMATS[fmt], prefixes=prefixes) or b""
    doc = json.dumps(results_json(result), ensure_ascii=False).encode("utf-8")
    if fmt == "json":
        return doc
    parsed = ox.parse_query_results(doc, ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=SOLUTION_FORMATS[fmt]) or b""


STREAM_FORMATS = tuple(SOLUTION_FORMATS)  # the formats a SELECT result is written in as its rows come
_XML_OPEN, _XML_CLOSE = b"<results>", b"</results></sparql>"


def _bindings(result: QueryResult) -> list[str]:
    return [json.dumps({v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None},
                       ensure_ascii=False) for row in result.rows]


def stream_serialize(parts: Iterable[QueryResult], fmt: str) -> Iterator[bytes]:
    """The parts of one SELECT result (:func:`kg.queries.stream_query`) as the bytes of *fmt*, part by part.

    The bytes joined are those :func:`serialize` writes for the whole result (JSON, XML, CSV, TSV), and each
    part is written as soon as it comes: the head with the first part, the closing tags after the last.

    >>> from kg.queries import QueryResult
    >>> a = ox.NamedNode("https://w3id.org/kg/id/actor/a")
    >>> parts = [QueryResult(form="SELECT", variables=["x"], rows=[(a,)]) for _ in range(2)]
    >>> b"".join(stream_serialize(parts, "csv")) == serialize(QueryResult("SELECT", ["x"], [(a,), (a,)]), "csv")
    True
    """
    if fmt not in STREAM_FORMATS:
        raise UsageError(f"format '{fmt}' cannot be streamed", hint=f"choose {', '.join(STREAM_FORMATS)}")
    first = True
    for part in parts:
        if part.form != "SELECT":
            raise UsageError(f"a {part.form} result is not streamed", hint="serialize() writes it whole")
        if fmt == "json":
            rows = ", ".join(_bindings(part))
            if first:
                head = json.dumps({"vars": part.variables}, ensure_ascii=False)
                yield f'{{"head": {head}, "results": {{"bindings": [{rows}'.encode()
            elif rows:
                yield f", {rows}".encode()
        elif first or part.rows:
            data = serialize(part, fmt)
            if fmt == "xml":
                data = data[: data.rindex(_XML_CLOSE)]
                if not first:
                    data = data[data.index(_XML_OPEN) + len(_XML_OPEN):]
            elif not first:
                data = data[data.index(b"\r\n" if fmt == "csv" else b"\n") + (2 if fmt == "csv" else 1):]
            yield data
        first = False
    if first:
        raise UsageError("a streamed result has at least one part")
    yield b"]}}" if fmt == "json" else _XML_CLOSE if fmt == "xml" else b""


def write_stream(parts: Iterable[QueryResult], fmt: str, out: BinaryIO) -> QueryResult | None:
    """Write the parts of a SELECT result to *out* in *fmt* as they come (flushed part by part), ending with a
    newline; returns the last part (its ``note`` says whether the result was cut).
    """
    last: list[QueryResult] = []

    def keep(items: Iterable[QueryResult]) -> Iterator[QueryResult]:
        for part in items:
            last[:] = [part]
            yield part

    tail = b""
    for data in stream_serialize(keep(parts), fmt):
        if data:
            out.write(data)
            out.flush()
            tail = data[-1:]
    if tail != b"\n":
        out.write(b"\n")
        out.flush()
    return last[0] if last else None


def prefixed(term: object) -> str:
    """A term as people read it: ``kga:donald-trump``, a literal's text, ``<iri>`` when no prefix fits."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            local = term.value[len(ns):]
            if term.value.startswith(ns) and _LOCAL.match(local):
                return f"{prefix}:{local}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return f"{term.value}@{term.language}" if term.language else term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def to_table(result: QueryResult, *, width: int = 80) -> Table:
    """A rich Table of a SELECT result (or of a graph's triples), cells cut to *width* characters."""

    def cell(term: object) -> str:
        text = " ".join(prefixed(term).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    if result.is_graph:
        table = Table("subject", "predicate", "object")
        for t in result.triples:
            table.add_row(cell(t.subject), cell(t.predicate), cell(t.object))
        return table
    table = Table(*result.variables)
    for row in result.rows:
        table.add_row(*(cell(t) for t in row))
    return table
