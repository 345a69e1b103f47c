"""Load RDF (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) into the store's named graphs.

``kg ingest`` reads news text; ``kg load`` reads RDF someone already made: a colleague's ``kg export``, a
slice of Wikidata, a hand-written fix. The data is checked like ingested articles (the SHACL shapes), and
written in one transaction, so the store is unchanged when anything goes wrong.

Where the triples go:

- Named graphs of a dataset format (TriG, N-Quads, JSON-LD) keep their names.
- Triples of the default graph (all of a Turtle, N-Triples or RDF/XML file) go to ``graph`` when given,
  else to ``kgg:load/<h>``, ``<h>`` the first 16 hex digits of the SHA-256 of the file's bytes, so loading
  the same file twice replaces what the first load wrote.
- Every graph the file writes is replaced as a whole (like re-ingesting an article); other graphs are
  left alone. Blank nodes are renamed, so two files never share one by accident.
- Nothing else is added: the store holds exactly what the file says (the ontology and actor registry
  graphs come with the next ``kg ingest``, or with the file when it is a ``kg export`` of a whole store).

The data is validated together with the store's actor graphs (``kgg:actors``, ``kgg:registry``), so that an
article graph exported on its own, whose actors are described there, loads back.

The format comes from ``fmt``, else from the file name's extension, else from the first bytes (JSON is
JSON-LD, ``<`` is RDF/XML, anything else is read as TriG, which also reads Turtle and N-Triples).

>>> from kg.store import MemoryStore
>>> s = MemoryStore()
>>> r = load(s, b'<http://example.org/a> <http://example.org/p> "x" .', fmt="ntriples",
...          graph="http://example.org/g")
>>> r.graphs, len(s)
({'http://example.org/g': 1}, 1)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import InputError, UsageError, ValidationFailed
from kg.namespaces import GRAPH
from kg.store.base import Store
from kg.store.terms import to_graph
from kg.validate import Report, validate

__all__ = ["LoadFormat", "LoadResult", "guess_format", "load", "load_graph_iri"]


class LoadFormat(StrEnum):
    """The RDF formats ``kg load`` reads (the names ``kg export --format`` writes)."""

    TURTLE = "turtle"
    TRIG = "trig"
    NTRIPLES = "ntriples"
    NQUADS = "nquads"
    JSONLD = "jsonld"
    RDFXML = "rdfxml"

    @property
    def rdf_format(self) -> ox.RdfFormat:
        """The pyoxigraph format."""
        return _OX[self]


_OX = {
    LoadFormat.TURTLE: ox.RdfFormat.TURTLE,
    LoadFormat.TRIG: ox.RdfFormat.TRIG,
    LoadFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    LoadFormat.NQUADS: ox.RdfFormat.N_QUADS,
    LoadFormat.JSONLD: ox.RdfFormat.JSON_LD,
    LoadFormat.RDFXML: ox.RdfFormat.RDF_XML,
}

#: file name endings and other names of the formats
EXTENSIONS: dict[str, LoadFormat] = {
    ".ttl": LoadFormat.TURTLE, ".turtle": LoadFormat.TURTLE,
    ".trig": LoadFormat.TRIG,
    ".nt": LoadFormat.NTRIPLES, ".ntriples": LoadFormat.NTRIPLES,
    ".nq": LoadFormat.NQUADS, ".nquads": LoadFormat.NQUADS,
    ".jsonld": LoadFormat.JSONLD, ".json-ld": LoadFormat.JSONLD, ".json": LoadFormat.JSONLD,
    ".rdf": LoadFormat.RDFXML, ".owl": LoadFormat.RDFXML, ".xml": LoadFormat.RDFXML, ".rdfxml": LoadFormat.RDFXML,
}
_ALIASES = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "json-ld": "jsonld", "xml": "rdfxml", "rdf": "rdfxml"}


@dataclass
class LoadResult:
    """What a load wrote: triples per named graph, and the SHACL report of the loaded data."""

    source: str
    format: LoadFormat
    graphs: dict[str, int] = field(default_factory=dict)
    report: Report | None = None
    forced: bool = False  # written despite shape violations

    @property
    def triples(self) -> int:
        """Triples written, over all graphs."""
        return sum(self.graphs.values())


def parse_format(name: str) -> LoadFormat:
    """A format by its name (``turtle``, ``ttl``, ``jsonld``, ``rdfxml``, ...); UsageError otherwise.

    >>> parse_format("ttl")
    <LoadFormat.TURTLE: 'turtle'>
    """
    try:
        return LoadFormat(_ALIASES.get(name.lower(), name.lower()))
    except ValueError:
        choices = ", ".join(f.value for f in LoadFormat)
        raise UsageError(f"unknown RDF format '{name}'", hint=f"choose one of {choices}") from None


def guess_format(name: str | None, data: bytes) -> LoadFormat:
    """The format of a file from its name's extension, else from its first bytes.

    >>> guess_format("x.nq", b""), guess_format(None, b'  {"@id": "x"}'), guess_format("-", b"<?xml ")
    (<LoadFormat.NQUADS: 'nquads'>, <LoadFormat.JSONLD: 'jsonld'>, <LoadFormat.RDFXML: 'rdfxml'>)
    """
    if name and name != "-":
        found = EXTENSIONS.get(Path(name).suffix.lower())
        if found is not None:
            return found
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        return LoadFormat.JSONLD
    if head[:1] == b"<" and (head.startswith(b"<?xml") or head.startswith(b"<rdf:") or b"xmlns" in head):
        return LoadFormat.RDFXML
    return LoadFormat.TRIG  # reads Turtle and N-Triples too


def load_graph_iri(data: bytes) -> str:
    """The graph that default-graph triples go to without ``--graph``: ``kgg:load/<16 hex of SHA-256>``."""
    return str(GRAPH[f"load/{hashlib.sha256(data).hexdigest()[:16]}"])


def read(source: str | Path) -> tuple[str, bytes]:
    """The name and bytes of a file; InputError when it cannot be read."""
    path = Path(source)
    try:
        return str(path), path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder", hint="give one RDF file (or - for standard input)") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None


def parse(data: bytes, fmt: LoadFormat, *, default_graph: str, name: str = "input") -> dict[str, list[ox.Triple]]:
    """The triples of *data* per named graph (default-graph triples under *default_graph*).

    Raises :class:`InputError` with one line saying where the data is malformed.
    """
    graphs: dict[str, list[ox.Triple]] = {}
    try:
        for q in ox.parse(data, fmt.rdf_format, rename_blank_nodes=True):
            g = q.graph_name
            key = default_graph if isinstance(g, ox.DefaultGraph) else g.value
            if isinstance(g, ox.BlankNode):
                raise InputError(f"{name}: a graph named by a blank node cannot be stored", hint="name it with an IRI")
            graphs.setdefault(key, []).append(q.triple)
    except SyntaxError as e:
        detail = " ".join(str(e).split())
        raise InputError(f"{name} is not valid {fmt.value}: {detail}", hint="check the file or pass --format") from None
    except ValueError as e:  # e.g. an IRI or literal pyoxigraph refuses
        raise InputError(f"{name} is not valid {fmt.value}: {' '.join(str(e).split())}") from None
    return graphs


def load(
    store: Store,
    data: bytes,
    *,
    fmt: LoadFormat | str | None = None,
    name: str | None = None,
    graph: str | None = None,
    force: bool = False,
) -> LoadResult:
    """Parse *data*, validate it against the shapes and write its graphs in one transaction.

    *name* is the file name (used to guess the format and in messages). Raises :class:`InputError` for
    malformed RDF, :class:`ValidationFailed` (carrying the report) when the data violates the shapes and
    *force* is false; the store is unchanged in both cases.
    """
    label = name or "input"
    chosen = parse_format(fmt) if isinstance(fmt, str) else fmt or guess_format(name, data)
    if graph is not None and not _is_iri(graph):
        raise UsageError(f"--graph '{graph}' is not an absolute IRI", hint="give e.g. https://example.org/graph/x")
    if not data.strip():
        raise InputError(f"{label} is empty")
    graphs = parse(data, chosen, default_graph=graph or load_graph_iri(data), name=label)
    if not graphs:
        raise InputError(f"{label} holds no triples")
    report = validate(_union([*graphs.values(), *_context(store, exclude=graphs)]))
    result = LoadResult(source=label, format=chosen, report=report)
    if not report.conforms:
        if not force:
            raise ValidationFailed(
                f"{label}: {len(report.violations)} shape violation(s); nothing was loaded",
                report=report, hint="fix the data or pass --force",
            )
        result.forced = True
    store.replace_graphs(graphs)
    result.graphs = {g: len(set(ts)) for g, ts in sorted(graphs.items())}
    return result


def load_file(
    store: Store,
    source: str | Path,
    *,
    fmt: LoadFormat | str | None = None,
    graph: str | None = None,
    force: bool = False,
) -> LoadResult:
    """:func:`load` for a file path (the format guessed from its name unless *fmt* is given)."""
    name, data = read(source)
    return load(store, data, fmt=fmt, name=name, graph=graph, force=force)


#: graphs of the store that loaded data may lean on (actor types and labels), validated along with it
CONTEXT_GRAPHS = (str(GRAPH["actors"]), str(GRAPH["registry"]))


def _context(store: Store, *, exclude: Iterable[str]) -> list[list[ox.Triple]]:
    """The store's actor graphs that the load does not replace: an article graph names its actors there."""
    skip = set(exclude)
    return [[q.triple for q in store.quads(name)] for name in CONTEXT_GRAPHS if name not in skip]


def _union(parts: Iterable[list[ox.Triple]]) -> Graph:
    g = Graph()
    for triples in parts:
        g += to_graph(triples)
    return g


def _is_iri(value: str) -> bool:
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return ":" in value
