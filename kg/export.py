"""Export the store as Turtle, N-Triples, N-Quads, TriG or JSON-LD, written atomically.

Turtle and N-Triples hold one graph: without ``graph`` they get the merge of all named graphs (each triple
once). N-Quads, TriG and JSON-LD keep the named graphs.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError
from kg.output import atomic_output
from kg.store.base import Store

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def rdf_format(name: str) -> ox.RdfFormat:
    """The pyoxigraph format for a format name; UsageError naming the choices otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format '{name}'", hint=f"choose one of {', '.join(FORMATS)}") from None


def export(store: Store, fmt: str, *, output: Path | None = None, graph: str | None = None) -> bytes | None:
    """Serialize the store; with *output*, write the file atomically (temp file + rename) and return None."""
    rf = rdf_format(fmt)
    if graph is not None and not store.has_graph(graph):
        raise UsageError(f"no graph <{graph}> in the store", hint="list graphs with 'kg stats --graphs'")
    if output is None:
        return store.dump(None, rf, graph=graph)
    with atomic_output(output) as tmp:
        store.dump(tmp, rf, graph=graph)
    return None
