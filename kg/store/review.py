"""Judgements whose evidence changed: found after a re-ingest, flagged ``kg:needsReview true`` in ``kgg:status``.

Node IRIs come from their words (kg.identity), so a corrected article keeps the IRIs of the nodes whose words
stand; a node whose words changed gets another IRI and its old one vanishes. A resolution that cites a
vanished node (as evidence, or as the prediction it resolves) is flagged, never re-pointed.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.namespaces import KG, STATUS_GRAPH
from kg.store.base import Store

_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)


def cited_nodes(store: Store, articles: Iterable[str]) -> dict[str, set[str]]:
    """Resolution IRI -> the nodes of these articles it cites (``kg:evidence``, ``kg:resolves``)."""
    prefixes = " ".join(f'"{a}/"' for a in articles)
    if not prefixes:
        return {}
    sparql = f"""SELECT ?r ?n WHERE {{
        VALUES ?prefix {{ {prefixes} }}
        GRAPH ?g {{ ?r <{KG.evidence}>|<{KG.resolves}> ?n }}
        FILTER(STRSTARTS(STR(?n), ?prefix)) }}"""
    cited: dict[str, set[str]] = {}
    for row in store.query(sparql):
        cited.setdefault(row["r"].value, set()).add(row["n"].value)
    return cited


def missing_nodes(store: Store, nodes: Iterable[str]) -> list[str]:
    """The IRIs among *nodes* that no triple of the store describes any more (sorted)."""
    values = _values(sorted(set(nodes)))
    if not values:
        return []
    rows = store.query(f"SELECT ?n WHERE {{ VALUES ?n {{ {values} }} FILTER NOT EXISTS {{ ?n ?p ?o }} }}")
    return sorted(row["n"].value for row in rows)


def flag_for_review(store: Store, cited: dict[str, set[str]]) -> list[str]:
    """Flag the resolutions of *cited* whose cited nodes vanished; return their IRIs (sorted)."""
    missing = set(missing_nodes(store, {n for nodes in cited.values() for n in nodes}))
    flagged = sorted(r for r, nodes in cited.items() if nodes & missing)
    if flagged:
        status, p = ox.NamedNode(str(STATUS_GRAPH)), ox.NamedNode(str(KG.needsReview))
        store.apply(add=[ox.Quad(ox.NamedNode(r), p, _TRUE, status) for r in flagged])
    return flagged


def needing_review(store: Store) -> list[str]:
    """The resolutions flagged ``kg:needsReview true`` (sorted)."""
    rows = store.query(f"SELECT ?r WHERE {{ GRAPH <{STATUS_GRAPH}> {{ ?r <{KG.needsReview}> true }} }}")
    return sorted(row["r"].value for row in rows)
