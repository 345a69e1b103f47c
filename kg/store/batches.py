"""The store cut into rdflib graphs of bounded size for pySHACL (whole-store validation, graph by graph).

pySHACL needs an rdflib graph; converting a whole store at once needs memory and time in proportion to it.
:func:`store_batches` yields, in turn: the actors graph; the ontology; the article graphs *size* at a time,
each batch with the type and label of the actors it names (from ``kgg:actors``); the resolution graphs *size*
at a time, each with the article graphs of the nodes they cite (and those articles' actors); every other graph
on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache

import pyoxigraph as ox
from rdflib import Graph

from kg.namespaces import (
    ACTORS_GRAPH,
    ARTICLE_GRAPH_PREFIX,
    KG,
    ONTOLOGY_GRAPH,
    RESOLUTION_GRAPH_PREFIX,
    rebase,
)
from kg.paths import data_dir
from kg.store.base import Store
from kg.store.terms import add_triples

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_REFS = "|".join(f"<{KG[p]}>" for p in ("refersTo", "speaker", "participant", "host", "predictor", "outlet",
                                        "author", "placeCountry"))


@cache
def registry_facts() -> dict[str, tuple[ox.Triple, ...]]:
    """Registry actor IRI -> its type and label triples (what ``kgg:actors`` holds for it)."""
    path = data_dir("seeds") / "actors.ttl"
    if not path.exists():
        return {}
    facts: dict[str, list[ox.Triple]] = {}
    for q in ox.parse(rebase(path.read_text(encoding="utf-8")).encode(), format=ox.RdfFormat.TURTLE):
        if q.predicate.value in (_RDF_TYPE, _LABEL) and isinstance(q.subject, ox.NamedNode):
            facts.setdefault(q.subject.value, []).append(ox.Triple(q.subject, q.predicate, q.object))
    return {k: tuple(v) for k, v in facts.items()}


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)


def _actor_facts(store: Store, graphs: Sequence[str]) -> Iterable[ox.Triple]:
    sparql = (
        f"CONSTRUCT {{ ?a ?p ?o }} WHERE {{ {{ SELECT DISTINCT ?a WHERE {{ VALUES ?g {{ {_values(graphs)} }} "
        f"GRAPH ?g {{ ?x {_REFS} ?a }} }} }} "
        f"VALUES ?p {{ <{_RDF_TYPE}> <{_LABEL}> }} GRAPH <{ACTORS_GRAPH}> {{ ?a ?p ?o }} }}"
    )
    result: Iterable[ox.Triple] = store.query(sparql)
    return result


def _graph(store: Store, graphs: Sequence[str], *, actors: bool) -> Graph:
    g = Graph()
    for name in graphs:
        add_triples(g, store.quads(name))
    if actors:
        add_triples(g, _actor_facts(store, graphs))
    return g


def _cited_graphs(store: Store, resolutions: Sequence[str]) -> list[str]:
    rows = store.query(
        f"SELECT DISTINCT ?ag WHERE {{ VALUES ?g {{ {_values(resolutions)} }} "
        f"GRAPH ?g {{ ?r <{KG.resolves}>|<{KG.evidence}>|<{KG.evidenceSource}> ?n }} GRAPH ?ag {{ ?n ?p ?o }} "
        f'FILTER(STRSTARTS(STR(?ag), "{ARTICLE_GRAPH_PREFIX}")) }}'
    )
    return sorted(row["ag"].value for row in rows)


def store_batches(store: Store, *, size: int = 200) -> Iterator[Graph]:
    """The store as rdflib graphs to validate one after the other; see the module docstring."""
    for names, actors in _batches(store, size=size):
        yield _graph(store, names, actors=actors)


def store_batch_ntriples(store: Store, *, size: int = 200) -> Iterator[bytes]:
    """The batches of :func:`store_batches` as N-Triples, serialized by the engine (no Python term per triple)."""
    for names, actors in _batches(store, size=size):
        # each graph dumped by the engine (~20% less than one CONSTRUCT over the batch's graphs)
        data = b"".join(store.dump(None, ox.RdfFormat.N_TRIPLES, graph=name) or b"" for name in names)
        if actors:
            data += _ntriples(_actor_facts(store, names))
        yield data


def _ntriples(result: Iterable[ox.Triple]) -> bytes:
    serialize = getattr(result, "serialize", None)
    if serialize is not None:
        return bytes(serialize(format=ox.RdfFormat.N_TRIPLES))
    return bytes(ox.serialize(list(result), format=ox.RdfFormat.N_TRIPLES) or b"")


def _batches(store: Store, *, size: int) -> Iterator[tuple[list[str], bool]]:
    """The graph names of each batch, and whether the batch takes the facts of the actors they name."""
    names = store.graph_names()
    articles = [n for n in names if n.startswith(ARTICLE_GRAPH_PREFIX)]
    resolutions = [n for n in names if n.startswith(RESOLUTION_GRAPH_PREFIX)]
    others = [n for n in names if n not in set(articles) | set(resolutions)]
    for name in others:
        yield [name], name not in (str(ACTORS_GRAPH), str(ONTOLOGY_GRAPH))
    for start in range(0, len(articles), size):
        yield articles[start : start + size], True
    for start in range(0, len(resolutions), size):
        chunk = resolutions[start : start + size]
        yield [*chunk, *_cited_graphs(store, chunk)], True
