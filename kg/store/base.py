"""The small interface every kg store implements (the on-disk Oxigraph store and the in-memory one).

A store is a quad store with SPARQL: one named graph per article plus the reference, actors, status and
resolution graphs (docs/model.md). Writes are transactional; a remote SPARQL 1.1 store implements ``apply``
as one Update request (``DROP``; ``DELETE``; ``INSERT DATA``), ``query`` through the Protocol, ``quads``
and ``dump`` through the Graph Store Protocol.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import Graph


class Store(Protocol):
    """A quad store holding one named graph per article plus the reference graphs."""

    def replace_graphs(self, graphs: Mapping[str, Graph | Iterable[ox.Triple]]) -> None:
        """Replace the content of each named graph, all in one transaction (all or nothing)."""
        ...

    def apply(
        self, *, drop: Iterable[str] = (), delete: str | None = None, add: Iterable[ox.Quad] = (),
        after: str | None = None,
    ) -> None:
        """In one transaction: drop graphs, run a SPARQL Update (deletions), add quads, run *after*."""
        ...

    def remove_graphs(self, names: Iterable[str]) -> None:
        """Drop these named graphs in one transaction."""
        ...

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs."""
        ...

    def has_graph(self, name: str) -> bool:
        """True when the named graph exists and is not empty."""
        ...

    def __len__(self) -> int:
        """The number of quads."""
        ...

    def query(self, sparql: str, *, substitutions: Mapping[str, Any] | None = None, union: bool = True,
              default_graph: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None) -> Any:
        """Run a SPARQL query (pyoxigraph result objects); the default graph is the union of all graphs.

        *default_graph* / *named_graphs* (IRIs) set the dataset instead, replacing the query's FROM clauses.
        """
        ...

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """All quads, or those of one named graph."""
        ...

    def graph(self, name: str) -> Graph:
        """One named graph as an rdflib Graph."""
        ...

    def dump(self, output: Path | None, fmt: ox.RdfFormat, *, graph: str | None = None) -> bytes | None:
        """Serialize the store (or one graph) in an RDF format."""
        ...

    def bulk_load(self, path: Path, fmt: ox.RdfFormat) -> None:
        """Load a large dump quickly (not transactional)."""
        ...

    def close(self) -> None:
        """Flush and release the store."""
        ...
