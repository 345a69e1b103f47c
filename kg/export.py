"""Export the store as Turtle, N-Triples, N-Quads, TriG, RDF/XML or JSON-LD, at the engine's speed.

Everything is serialized by Oxigraph's ``Store.dump`` (kg's prefixes for the formats that use them). Turtle,
N-Triples and RDF/XML hold one graph: without ``graph`` they get the merge of all named graphs (each triple
once). N-Quads, TriG and JSON-LD keep the named graphs. JSON-LD is compacted against kg's context
(``kg/context.jsonld``, shipped in the package: the prefixes of :data:`kg.namespaces.PREFIXES`), embedded in
the document so that it stands alone, and written graph by graph (memory bounded by one graph).

Files are written atomically (temp file + rename) with the mode a new file gets (``0666`` less the umask);
an existing target that is not a regular file (a device, a FIFO, a folder, a symlink) is refused.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import UsageError
from kg.namespaces import PREFIXES
from kg.output import atomic_output
from kg.store.base import Store

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}

CONTEXT_FILE = Path(__file__).with_name("context.jsonld")


def rdf_format(name: str) -> ox.RdfFormat:
    """The pyoxigraph format for a format name; UsageError naming the choices otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format '{name}'", hint=f"choose one of {', '.join(FORMATS)}") from None


def context() -> dict[str, str]:
    """The JSON-LD context of kg documents: one term per prefix (those of this process's base).

    >>> context()["kg"]
    'https://w3id.org/kg/ontology#'
    """
    return dict(PREFIXES)


def _namespaces() -> list[tuple[str, str]]:
    return sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def compact_iri(iri: str, namespaces: list[tuple[str, str]]) -> str:
    """``prefix:local`` for the longest namespace *iri* starts with, else *iri*."""
    for ns, prefix in namespaces:
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _compact_nodes(nodes: Any, namespaces: list[tuple[str, str]]) -> Any:
    """Expanded JSON-LD nodes with every IRI (keys, ``@id``, ``@type``) written ``prefix:local``."""
    if isinstance(nodes, list):
        return [_compact_nodes(x, namespaces) for x in nodes]
    if not isinstance(nodes, dict):
        return nodes
    out: dict[str, Any] = {}
    for key, value in nodes.items():
        if key in ("@id", "@type"):
            out[key] = [compact_iri(v, namespaces) for v in value] if isinstance(value, list) else (
                compact_iri(value, namespaces) if isinstance(value, str) else value)
        elif key.startswith("@"):
            out[key] = _compact_nodes(value, namespaces)
        else:
            out[compact_iri(key, namespaces)] = _compact_nodes(value, namespaces)
    return out


def compact(document: Any) -> dict[str, Any]:
    """Expanded JSON-LD (as Oxigraph writes it) compacted with :func:`context`: IRIs as ``prefix:local``.

    >>> node = {"@id": "https://w3id.org/kg/id/article/a", "https://w3id.org/kg/ontology#title": [{"@value": "T"}]}
    >>> compact([node])["@graph"]
    [{'@id': 'kgd:a', 'kg:title': [{'@value': 'T'}]}]
    """
    graph = document if isinstance(document, list) else [document]
    return {"@context": context(), "@graph": _compact_nodes(graph, _namespaces())}


def _jsonld(store: Store, graph: str | None, out: IO[bytes]) -> None:
    """Compact JSON-LD written graph by graph (memory bounded by the largest named graph, not the store)."""
    namespaces = _namespaces()
    out.write(b'{"@context": ' + json.dumps(context()).encode() + b', "@graph": [')
    for i, name in enumerate([graph] if graph else store.graph_names()):
        nodes = _compact_nodes(json.loads(store.dump(None, ox.RdfFormat.JSON_LD, graph=name) or b"[]"), namespaces)
        items = nodes if graph else [{"@id": compact_iri(name, namespaces), "@graph": nodes}]
        for j, item in enumerate(items):
            out.write((b",\n" if i or j else b"\n") + json.dumps(item, ensure_ascii=False).encode("utf-8"))
    out.write(b"\n]}\n")


def _dump(store: Store, rf: ox.RdfFormat, target: Path | None, graph: str | None) -> bytes | None:
    if rf != ox.RdfFormat.JSON_LD:
        return store.dump(target, rf, graph=graph)
    if target is None:
        buffer = io.BytesIO()
        _jsonld(store, graph, buffer)
        return buffer.getvalue()
    with target.open("wb") as f:
        _jsonld(store, graph, f)
    return None


def export(store: Store, fmt: str, *, output: Path | None = None, graph: str | None = None) -> bytes | None:
    """Serialize the store; with *output*, write the file atomically (temp file + rename) and return None."""
    rf = rdf_format(fmt)
    if graph is not None and not store.has_graph(graph):
        raise UsageError(f"no graph <{graph}> in the store", hint="list graphs with 'kg stats --graphs'")
    if output is None:
        return _dump(store, rf, None, graph)
    with atomic_output(Path(output)) as tmp:
        _dump(store, rf, tmp, graph)
    return None
