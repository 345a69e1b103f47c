"""The summary graph ``kgg:summary``: whole-store reports precomputed, kept current by every article write.

It holds one node per directed actor tie, what the ``actor-network`` report lists::

    <{base}id/tie/16hex> kg:actor kga:a ; kg:other kga:b ; kg:mentionedIn 12 .

``kg:mentionedIn``: the number of articles naming both actors (``schema:mentions``); ``kg:metIn`` (on a node
of its own): the number of meeting reports (``kg:Meeting`` nodes of article graphs) with both as participants.
Each pair is stored in both directions, so the ties of one actor are one index lookup, and a row of the
report is three triples of one node (on the on-disk store every pattern joined is a RocksDB seek per row).

The counts are maintained by difference (:func:`changes`, written by kg.store.writer in the transaction of
the articles themselves): when articles are written, the ties their old versions had in the store (read before
the write, :func:`stored`) are subtracted and those of the new versions added; a tie whose count falls to 0 is
removed. A write costs what its articles contain, never a scan of the
store. :func:`rebuild` recomputes the whole graph from the article graphs (``kg migrate``, a store bulk-loaded
without it); :func:`quads` writes it for a dump built outside a store (bench).

>>> from collections import Counter
>>> sorted(pairs(["a", "b", "c"], "mentioned"))[:2]
[('a', 'b', 'mentioned'), ('a', 'c', 'mentioned')]
>>> len(pairs(["a", "b", "c"], "met"))
6
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import pyoxigraph as ox

from kg.namespaces import BASE, KG, SDO, SUMMARY_GRAPH
from kg.store.base import Store

TieKind = Literal["mentioned", "met"]
Tie = tuple[str, str, str]  # (actor IRI, other actor IRI, tie kind)

TIE_BASE = BASE + "id/tie/"
_GRAPH = ox.NamedNode(str(SUMMARY_GRAPH))
_MENTIONS = str(SDO.mentions)
_PARTICIPANT = str(KG.participant)
_P = {name: ox.NamedNode(str(KG[name])) for name in ("Tie", "actor", "other", "mentionedIn", "metIn")}
_COUNT = {"mentioned": "mentionedIn", "met": "metIn"}  # the count's property for each kind of tie
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
QUADS_PER_TIE = 3  # what :func:`quads` writes for one tie (no rdf:type: each quad is paid on every write)


@lru_cache(maxsize=100_000)  # a tie's count moves with every article naming the pair
def tie_iri(tie: Tie) -> ox.NamedNode:
    """The node of one directed tie: ``{base}id/tie/<16hex>`` from its actor, other actor and kind."""
    return ox.NamedNode(TIE_BASE + hashlib.sha256("\x1f".join(tie).encode("utf-8")).hexdigest()[:16])


def pairs(actors: Iterable[str], kind: TieKind) -> list[Tie]:
    """Every ordered pair of distinct actors, as ties of *kind*."""
    distinct = sorted(set(actors))
    return [(a, b, kind) for a in distinct for b in distinct if a != b]


def ties(triples: Iterable[ox.Triple | ox.Quad]) -> Counter[Tie]:
    """The ties an article graph's triples make: its actors pairwise, each meeting's participants pairwise."""
    groups: dict[tuple[str, TieKind], set[str]] = defaultdict(set)
    for t in triples:
        p = t.predicate.value
        if p == _MENTIONS:
            groups[(str(t.subject), "mentioned")].add(str(getattr(t.object, "value", t.object)))
        elif p == _PARTICIPANT:
            groups[(str(t.subject), "met")].add(str(getattr(t.object, "value", t.object)))
    found: Counter[Tie] = Counter()
    for (_via, kind), actors in groups.items():
        found.update(pairs(actors, kind))
    return found


def stored(store: Store, graphs: Sequence[str]) -> Counter[Tie]:
    """The ties the article graphs *graphs* make as the store holds them now (read before a write)."""
    if not graphs:
        return Counter()
    values = " ".join(f"<{g}>" for g in graphs)
    rows = store.query(
        f"SELECT ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} VALUES ?p {{ <{_MENTIONS}> <{_PARTICIPANT}> }} "
        f"GRAPH ?g {{ ?s ?p ?o }} }}", union=False,
    )
    return ties(ox.Triple(r["s"], r["p"], r["o"]) for r in rows)


def update_text(delta: Counter[Tie]) -> str | None:
    """One SPARQL Update adding *delta* (signed) to the stored counts; ties that fall to 0 are removed."""
    changed = {t: n for t, n in delta.items() if n}
    if not changed:
        return None
    g = f"<{SUMMARY_GRAPH}>"
    rows = " ".join(
        f"({tie_iri(t)} {ox.NamedNode(t[0])} {ox.NamedNode(t[1])} {_P[_COUNT[t[2]]]} {n})"
        for t, n in sorted(changed.items())
    )
    falling = " ".join(str(tie_iri(t)) for t, n in sorted(changed.items()) if n < 0)  # only these can reach 0
    head = (
        f"DELETE {{ GRAPH {g} {{ ?t ?count ?old }} }}\n"
        f"INSERT {{ GRAPH {g} {{ ?t {_P['actor']} ?a ; {_P['other']} ?b ; ?count ?new }} }}\n"
        f"WHERE {{ VALUES (?t ?a ?b ?count ?d) {{ {rows} }} OPTIONAL {{ GRAPH {g} {{ ?t ?count ?old }} }} "
        f"BIND(COALESCE(?old, 0) + ?d AS ?new) }}"
    )
    if not falling:
        return head
    counts = f"{_P['mentionedIn']} {_P['metIn']}"
    return (
        f"{head} ;\n"
        f"DELETE {{ GRAPH {g} {{ ?t ?p ?o }} }} WHERE {{ VALUES ?t {{ {falling} }} VALUES ?count {{ {counts} }} "
        f"GRAPH {g} {{ ?t ?count ?n . ?t ?p ?o }} FILTER(?n <= 0) }}"
    )


@dataclass
class Upkeep:
    """What moves the stored counts by a delta: quads to add and to remove (embedded store: read by index
    lookups, written by the caller in the same transaction as the articles), or one SPARQL Update (a server)."""

    add: list[ox.Quad] = field(default_factory=list)
    drop: list[ox.Quad] = field(default_factory=list)
    text: str | None = None


def changes(store: Store, delta: Counter[Tie]) -> Upkeep:
    """The changes moving the stored counts by *delta* (signed); a tie whose count falls to 0 is removed.

    On the embedded store the counts are read by index lookups and the changes returned as quads (the Update
    text of a batch of 50 articles, ~11,000 changed ties, cost as much as writing the articles themselves);
    on a store speaking SPARQL only it is one Update (:func:`update_text`).
    """
    changed = {t: n for t, n in delta.items() if n}
    raw = getattr(store, "raw", None)
    if not isinstance(raw, ox.Store):
        return Upkeep(text=update_text(Counter(changed)))
    out = Upkeep()
    for t, d in sorted(changed.items()):
        node, count = tie_iri(t), _P[_COUNT[t[2]]]
        olds = list(raw.quads_for_pattern(node, count, None, _GRAPH))
        before = int(str(getattr(olds[0].object, "value", 0))) if olds else 0
        after = before + d
        if after <= 0:
            out.drop += raw.quads_for_pattern(node, None, None, _GRAPH)
            continue
        if not olds:
            out.add += [ox.Quad(node, _P["actor"], ox.NamedNode(t[0]), _GRAPH),
                        ox.Quad(node, _P["other"], ox.NamedNode(t[1]), _GRAPH)]
        out.add.append(ox.Quad(node, count, ox.Literal(str(after), datatype=_INTEGER), _GRAPH))
        out.drop += olds
    return out


def data_text(keyword: Literal["INSERT", "DELETE"], quads: Iterable[ox.Quad]) -> str | None:
    """``INSERT DATA`` / ``DELETE DATA`` of *quads* (named graphs), or None when there are none."""
    by_graph: dict[ox.NamedNode | ox.BlankNode | ox.DefaultGraph, list[ox.Triple]] = defaultdict(list)
    for q in quads:
        by_graph[q.graph_name].append(q.triple)
    if not by_graph:
        return None
    body = "".join(f"GRAPH {g} {{\n{_ntriples(ts)}}}\n" for g, ts in by_graph.items())
    return f"{keyword} DATA {{\n{body}}}"


def _ntriples(triples: list[ox.Triple]) -> str:
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode()


def update(
    store: Store,
    *,
    added: Iterable[ox.Triple | ox.Quad] | Counter[Tie] = (),
    removed: Counter[Tie] | None = None,
) -> None:
    """Add the ties of the triples *added* (or the ties themselves) and subtract *removed* (from :func:`stored`),
    in one transaction (article writes fold :func:`changes` into their own transaction instead)."""
    delta = Counter(added) if isinstance(added, Counter) else ties(added)
    delta.subtract(removed or Counter())
    up = changes(store, delta)
    if up.text or up.drop or up.add:
        store.apply(delete=" ;\n".join(x for x in (up.text, data_text("DELETE", up.drop)) if x) or None, add=up.add)


def quads(counts: Counter[Tie]) -> list[ox.Quad]:
    """The whole summary graph for these counts (a dump built outside a store)."""
    out = []
    for t, n in sorted(counts.items()):
        if n <= 0:
            continue
        node = tie_iri(t)
        out += [
            ox.Quad(node, _P["actor"], ox.NamedNode(t[0]), _GRAPH),
            ox.Quad(node, _P["other"], ox.NamedNode(t[1]), _GRAPH),
            ox.Quad(node, _P[_COUNT[t[2]]], ox.Literal(str(n), datatype=_INTEGER), _GRAPH),
        ]
    return out


def rebuild(store: Store) -> int:
    """Recompute ``kgg:summary`` from every article graph; returns the number of ties written."""
    from kg.namespaces import ARTICLE_GRAPH_PREFIX

    rows = store.query(
        f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ <{_MENTIONS}> <{_PARTICIPANT}> }} GRAPH ?g {{ ?s ?p ?o }} "
        f'FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPH_PREFIX}")) }}', union=False,
    )
    counts = ties(ox.Triple(r["s"], r["p"], r["o"]) for r in rows)
    store.remove_graphs([str(SUMMARY_GRAPH)])
    store.apply(add=quads(counts))  # one transactional extend (an Update text of this size parses slowly)
    return len(counts)
