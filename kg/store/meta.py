"""What a store remembers about itself (graph ``kgg:meta``): the instance base IRI and the model version.

A store is made with one base (``KG_BASE``, default ``https://w3id.org/kg/``) and refuses another one; a store
of the first model (no ``kgg:meta``, actor facts in article graphs) must be moved with ``kg migrate`` first.

>>> from kg.store import MemoryStore
>>> s = MemoryStore(); check_base(s, write=True); stored_base(s) == BASE
True
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.errors import UsageError
from kg.namespaces import ARTICLE_GRAPH_PREFIX, BASE, KG, META_GRAPH
from kg.store.base import Store

#: version of the data model in docs/model.md; 1 = position-numbered nodes and actor facts in article graphs;
#: 2 = ``kgg:summary`` holding each actor pair both ways (3: once)
MODEL_VERSION = 3


def stored_base(store: Store) -> str | None:
    """The base IRI the store was made with (found under any base), else None."""
    rows = store.query(f"SELECT ?b WHERE {{ GRAPH ?g {{ ?g <{KG.baseIRI}> ?b }} }} LIMIT 1")
    for row in rows:
        return str(row["b"].value)
    return None


def stored_version(store: Store) -> int | None:
    """The model version the store follows, else None (no ``kgg:meta``)."""
    rows = store.query(f"SELECT ?v WHERE {{ GRAPH ?g {{ ?g <{KG.modelVersion}> ?v }} }} LIMIT 1")
    for row in rows:
        return int(row["v"].value)
    return None


def meta_quads(*, base: str = BASE, version: int = MODEL_VERSION) -> list[ox.Quad]:
    """The quads of ``kgg:meta`` for a store made with *base*."""
    g = ox.NamedNode(str(META_GRAPH))
    return [
        ox.Quad(g, ox.NamedNode(str(KG.baseIRI)), ox.Literal(base), g),
        ox.Quad(g, ox.NamedNode(str(KG.modelVersion)), ox.Literal(str(version), datatype=_INTEGER), g),
    ]


_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def check_base(store: Store, *, write: bool = False) -> None:
    """Refuse (exit 2) a store made with another base or an older model; with *write*, stamp a new store."""
    base = stored_base(store)
    if base is not None and base != BASE:
        raise UsageError(
            f"the store was made with base IRI {base}, not {BASE}",
            hint=f"set KG_BASE={base} (or --base), or move the store with 'kg migrate'",
        )
    if base is None:
        if any(g.startswith(ARTICLE_GRAPH_PREFIX) for g in store.graph_names()):
            raise UsageError("the store follows an older kg data model", hint="move it with 'kg migrate'")
        if write:
            store.apply(add=meta_quads())
        return
    version = stored_version(store)
    if version is not None and version < MODEL_VERSION:
        raise UsageError(f"the store follows kg data model {version}", hint="move it with 'kg migrate'")
