"""The summary graph ``kgg:summary``: whole-store reports precomputed, kept current by every article write.

It holds what the ``actor-network`` report lists, the actor ties, grouped by actor, kind and count::

    <{base}id/ties/16hex> kg:actor kga:a ; kg:mentionedIn 12 ; kg:other kga:b , kga:c .

``kg:mentionedIn``: the number of articles naming both actors (``schema:mentions``); ``kg:metIn`` (on a group
of its own): the number of meeting reports (``kg:Meeting`` nodes of article graphs) with both as participants.
Each pair is stored once, under the actor whose IRI sorts first (``kg:other`` sorts after ``kg:actor``); the
report reads it both ways (an index lookup on ``kg:actor`` or on ``kg:other`` when an actor is bound). A row of
the report is one ``kg:other`` triple read: the group's actor and count are read once per group (~4,000 groups
for the 1M bench store), not once per row (on the on-disk store every pattern joined is a RocksDB seek per row).
Storing a pair once halves what a write moves: an article naming 15 actors moves 105 ties, not 210.

The counts are maintained by difference (:func:`changes`, written by kg.store.writer in the transaction of the
articles themselves; :func:`update` for other callers): when articles are written, the ties their old
versions had in the store (read before the write, :func:`stored`) are subtracted and those of the new versions
added; a tie moves from the group of its old count to that of its new one, and a group left with no
``kg:other`` is removed. A write costs what its articles' actors have, never a scan of the store; an ingest
reads each actor's groups once (:class:`GroupCache`: its writer keeps them as its writes leave them).
:func:`rebuild` recomputes the whole graph from the article graphs (``kg migrate``, a store bulk-loaded without
it, or one written in an earlier shape, see :func:`current`); :func:`quads` writes it for a dump built outside
a store (bench).

>>> from collections import Counter
>>> pairs(["c", "a", "b"], "mentioned")
[('a', 'b', 'mentioned'), ('a', 'c', 'mentioned'), ('b', 'c', 'mentioned')]
>>> len(quads(Counter({("http://a", "http://b", "met"): 2, ("http://a", "http://c", "met"): 2})))
4
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pyoxigraph as ox

from kg.namespaces import BASE, KG, SDO, SUMMARY_GRAPH
from kg.store.base import Store

TieKind = Literal["mentioned", "met"]
Tie = tuple[str, str, str]  # (actor IRI, other actor IRI, tie kind)

GROUP_BASE = BASE + "id/ties/"
_GRAPH = ox.NamedNode(str(SUMMARY_GRAPH))
_MENTIONS = str(SDO.mentions)
_PARTICIPANT = str(KG.participant)
_P = {name: ox.NamedNode(str(KG[name])) for name in ("actor", "other", "mentionedIn", "metIn")}
_COUNT = {"mentioned": "mentionedIn", "met": "metIn"}  # the count's property for each kind of tie
_KIND: dict[str, TieKind] = {_P["mentionedIn"].value: "mentioned", _P["metIn"].value: "met"}
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
QUADS_PER_TIE = 1  # what :func:`quads` writes per tie (a kg:other), besides two per group of ties


@dataclass
class Group:
    """One group node: the ties of one actor of one kind with one count (its other actors)."""

    actor: str
    kind: TieKind
    count: int
    others: set[str] = field(default_factory=set)


def group_iri(actor: str, kind: str, count: int) -> ox.NamedNode:
    """The node of the ties of *actor* of *kind* with count *count*: ``{base}id/ties/<16hex>``."""
    key = "\x1f".join((actor, kind, str(count)))
    return ox.NamedNode(GROUP_BASE + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16])


def _header(node: ox.NamedNode, group: Group) -> list[ox.Quad]:
    count = ox.Literal(str(group.count), datatype=_INTEGER)
    return [ox.Quad(node, _P["actor"], ox.NamedNode(group.actor), _GRAPH),
            ox.Quad(node, _P[_COUNT[group.kind]], count, _GRAPH)]


def _member(node: ox.NamedNode, other: str) -> ox.Quad:
    return ox.Quad(node, _P["other"], ox.NamedNode(other), _GRAPH)


def pairs(actors: Iterable[str], kind: TieKind) -> list[Tie]:
    """Every pair of distinct actors once, the IRI that sorts first first, as ties of *kind*."""
    distinct = sorted(set(actors))
    return [(a, b, kind) for i, a in enumerate(distinct) for b in distinct[i + 1 :]]


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


def groups(store: Store, actors: Iterable[str]) -> dict[str, Group]:
    """The stored groups of ties of *actors*, by node IRI (index lookups on the embedded store)."""
    found: dict[str, Group] = {}
    raw = getattr(store, "raw", None)
    if isinstance(raw, ox.Store):
        for actor in sorted(set(actors)):
            for head in raw.quads_for_pattern(None, _P["actor"], ox.NamedNode(actor), _GRAPH):
                node = head.subject
                group = Group(actor, "mentioned", 0)
                for q in raw.quads_for_pattern(node, None, None, _GRAPH):
                    p = q.predicate.value
                    value = str(getattr(q.object, "value", ""))
                    if p in _KIND:
                        group.kind, group.count = _KIND[p], int(value)
                    elif p == _P["other"].value:
                        group.others.add(value)
                found[node.value] = group  # type: ignore[union-attr]
        return found
    values = " ".join(str(ox.NamedNode(a)) for a in sorted(set(actors)))
    if not values:
        return found
    rows = store.query(
        f"SELECT ?g ?a ?k ?n ?b WHERE {{ VALUES ?a {{ {values} }} VALUES ?k {{ {_P['mentionedIn']} {_P['metIn']} }} "
        f"GRAPH {_GRAPH} {{ ?g {_P['actor']} ?a ; ?k ?n . OPTIONAL {{ ?g {_P['other']} ?b }} }} }}", union=False,
    )
    for r in rows:
        group = found.setdefault(r["g"].value, Group(r["a"].value, _KIND[r["k"].value], int(r["n"].value)))
        if r["b"] is not None:
            group.others.add(r["b"].value)
    return found


def moves(stored_groups: dict[str, Group], delta: Counter[Tie]) -> tuple[list[ox.Quad], list[ox.Quad],
                                                                         dict[str, Group]]:
    """The quads to add and to remove so that the groups *stored_groups* take the signed counts *delta*, and
    the groups as the write leaves them (those left empty removed)."""
    where: dict[Tie, str] = {}
    for node, group in stored_groups.items():
        for other in group.others:
            where[(group.actor, other, group.kind)] = node
    after = {node: Group(g.actor, g.kind, g.count, set(g.others)) for node, g in stored_groups.items()}
    for tie, d in sorted(delta.items()):
        if not d:
            continue
        actor, other, kind = tie
        found = where.get(tie)
        before = after[found].count if found else 0
        if found:
            after[found].others.discard(other)
        if before + d > 0:
            new = group_iri(actor, kind, before + d).value
            after.setdefault(new, Group(actor, kind, before + d)).others.add(other)  # type: ignore[arg-type]
    add: list[ox.Quad] = []
    drop: list[ox.Quad] = []
    for node, group in after.items():
        old = stored_groups.get(node)
        iri = ox.NamedNode(node)
        if not group.others:
            if old:
                drop += _header(iri, old) + [_member(iri, o) for o in old.others]
            continue
        if not old:
            add += _header(iri, group)
        add += [_member(iri, o) for o in group.others - (old.others if old else set())]
        drop += [_member(iri, o) for o in (old.others - group.others if old else set())]
    return add, drop, {node: g for node, g in after.items() if g.others}


@dataclass
class Upkeep:
    """The quads moving the stored counts by a delta: to add and to remove (disjoint sets), written by the
    caller in the same transaction as the articles; *after*: the groups of the actors concerned as the write
    leaves them (for a :class:`GroupCache`)."""

    add: list[ox.Quad] = field(default_factory=list)
    drop: list[ox.Quad] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    after: dict[str, Group] = field(default_factory=dict)


class GroupCache:
    """The stored groups of the actors one writer has read or written, kept as its writes leave them, so that
    a long ingest reads each actor's groups once, not once per batch (a busy actor's groups are read again
    for every batch naming it otherwise: ~11 ms of the ~60 ms a write costs per article at 1M triples).

    Valid while no one else writes the summary: :class:`kg.ingest.Writer` keeps one for one ingest (the store
    is locked by the process, and the writer thread is its only writer); :meth:`written` is called once the
    transaction is committed, :meth:`clear` when a write goes another way (a re-ingested article).
    """

    def __init__(self, *, limit: int = 20_000) -> None:
        self.by_actor: dict[str, dict[str, Group]] = {}
        self.limit = limit  # actors kept at most (then it starts again: memory stays bounded on a long ingest)

    def read(self, store: Store, actors: Iterable[str]) -> dict[str, Group]:
        """The stored groups of *actors*, by node IRI (those not cached read with :func:`groups`)."""
        wanted = set(actors)
        if len(self.by_actor) + len(wanted) > self.limit:
            self.clear()
        missing = wanted - self.by_actor.keys()
        if missing:
            for actor in missing:
                self.by_actor[actor] = {}
            for node, group in groups(store, missing).items():
                self.by_actor[group.actor][node] = group
        return {node: g for a in wanted for node, g in self.by_actor[a].items()}

    def written(self, up: Upkeep) -> None:
        """Take the groups a committed write left."""
        for actor in up.actors:
            self.by_actor[actor] = {}
        for node, group in up.after.items():
            self.by_actor.setdefault(group.actor, {})[node] = group

    def clear(self) -> None:
        self.by_actor.clear()


def changes(store: Store, delta: Counter[Tie], cache: GroupCache | None = None) -> Upkeep:
    """The changes moving the stored counts by *delta* (signed): the groups of the actors concerned are read
    (:func:`groups`: index lookups on the embedded store, one query on a server; or *cache*) and the moves
    computed (:func:`moves`); a group left with no ``kg:other`` is removed."""
    changed = Counter({t: n for t, n in delta.items() if n})
    if not changed:
        return Upkeep()
    actors = {t[0] for t in changed}
    add, drop, after = moves(cache.read(store, actors) if cache else groups(store, actors), changed)
    return Upkeep(add=add, drop=drop, actors=actors, after=after)


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
    if up.drop or up.add:
        store.apply(delete=data_text("DELETE", up.drop), add=up.add)


def quads(counts: Counter[Tie]) -> list[ox.Quad]:
    """The whole summary graph for these counts (a dump built outside a store)."""
    grouped: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for (actor, other, kind), n in sorted(counts.items()):
        if n > 0:
            grouped[(actor, kind, n)].append(other)
    out: list[ox.Quad] = []
    for (actor, kind, n), others in grouped.items():
        node = group_iri(actor, kind, n)
        out += _header(node, Group(actor, kind, n))  # type: ignore[arg-type]
        out += [_member(node, o) for o in others]
    return out


def current(store: Store) -> bool:
    """True when ``kgg:summary`` exists in the present shape (False: :func:`rebuild` it): group nodes, each pair
    once (a ``kg:other`` sorting before its group's actor is the earlier shape that stored both ways)."""
    rows = list(store.query(f"SELECT ?g WHERE {{ GRAPH {_GRAPH} {{ ?g {_P['actor']} ?a }} }} LIMIT 1", union=False))
    if not rows or not rows[0]["g"].value.startswith(GROUP_BASE):
        return False
    both_ways = f"ASK {{ GRAPH {_GRAPH} {{ ?g {_P['actor']} ?a ; {_P['other']} ?b FILTER(STR(?b) < STR(?a)) }} }}"
    return not store.query(both_ways, union=False)


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
