"""An rdflib view of a kg store: the same quads as an :class:`rdflib.Dataset`, through oxrdflib.

oxrdflib is an rdflib Store plugin over a pyoxigraph store, so rdflib code (SPARQL through rdflib, graph
navigation, serializers) runs on kg's store without copying it. The view is live: it sees later writes.

>>> from kg.store import MemoryStore
>>> from rdflib import URIRef
>>> s = MemoryStore()
>>> s.replace_graphs({"http://example.org/g": [ox.Triple(ox.NamedNode("http://example.org/a"),
...     ox.NamedNode("http://example.org/p"), ox.Literal("x"))]})
>>> ds = dataset_view(s)
>>> [str(o) for o in ds.graph(URIRef("http://example.org/g")).objects()]
['x']
"""

from __future__ import annotations

import pyoxigraph as ox
from oxrdflib import OxigraphStore as RdflibOxigraphStore
from rdflib import Dataset

from kg.store.base import Store


def dataset_view(store: Store) -> Dataset:
    """An rdflib Dataset reading *store* (an Oxigraph-backed kg store) in place."""
    raw = getattr(store, "raw", None)
    if not isinstance(raw, ox.Store):
        raise TypeError(f"{type(store).__name__} has no pyoxigraph store to view")
    return Dataset(store=RdflibOxigraphStore(store=raw))
