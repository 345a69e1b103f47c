"""Writing articles: their graphs and their facts in ``kgg:actors``, kept right on re-ingest and delete.

- New articles: one transaction with their graphs' quads, their actor facts (a quad store holds each quad
  once, so an actor's type and label are stored once however many articles name it), the ``kg:firstSeenIn``
  of their actors (computed here from the value stored and the batch) and the ``kgg:summary`` counts they
  move (:func:`kg.summary.changes`, read by index lookups): on Oxigraph one ``load`` of the N-Quads bytes the
  mapping made when nothing is removed, else one Update ``DELETE DATA``; ``INSERT DATA`` of the same bytes
  (a count replaced, an earlier article's ``kg:firstSeenIn`` arriving late). A killed ingest leaves whole
  articles with their counts, never one without the other.
- A re-ingested article (a correction) or a deleted one: one SPARQL Update drops its graph, removes its
  ``prov:wasDerivedFrom`` triples from ``kgg:actors``, inserts the new quads, moves the summary counts and
  removes the facts of text-found actors no article derives any more.
- ``kg:firstSeenIn`` of each text-found actor written is the earliest article (by ``kg:published``, then IRI)
  deriving it; recomputed for the actors of every write. Resolutions that cite one of its nodes that vanished are then
  flagged for review (:mod:`kg.store.review`).
- The reference graphs: the ontology in ``kgg:ontology``; the registry in ``kgg:actors``, each registry actor
  ``prov:wasDerivedFrom kgg:registry``; both reloaded only when their files change (stamps in ``kgg:meta``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import summary
from kg.mapping import ACTORS, Mapped
from kg.namespaces import ACTORS_GRAPH, ARTICLE, KG, META_GRAPH, ONTOLOGY_GRAPH, PROV, REGISTRY_GRAPH, rebase
from kg.paths import data_dir
from kg.store.base import Store
from kg.store.meta import check_base
from kg.store.oxigraph import OxigraphStore
from kg.store.review import cited_nodes, flag_for_review

_DERIVED = f"<{PROV.wasDerivedFrom}>"


@dataclass
class Written:
    """What one write did."""

    added: list[str] = field(default_factory=list)  # article graphs new to the store
    replaced: list[str] = field(default_factory=list)  # article graphs that replaced an earlier version
    flagged: list[str] = field(default_factory=list)  # resolutions flagged kg:needsReview


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)


def _derived_actors(store: Store, articles: Sequence[str]) -> list[str]:
    rows = store.query(
        f"SELECT DISTINCT ?a WHERE {{ VALUES ?art {{ {_values(articles)} }} "
        f"GRAPH <{ACTORS_GRAPH}> {{ ?a {_DERIVED} ?art }} }}"
    )
    return [row["a"].value for row in rows]


def _unlink(articles: Sequence[str]) -> str:
    return (
        f"DELETE {{ GRAPH <{ACTORS_GRAPH}> {{ ?a {_DERIVED} ?art }} }} WHERE {{ VALUES ?art {{ {_values(articles)} }} "
        f"GRAPH <{ACTORS_GRAPH}> {{ ?a {_DERIVED} ?art }} }}"
    )


def _orphans(actors: Sequence[str]) -> str | None:
    if not actors:
        return None
    return (
        f"DELETE {{ GRAPH <{ACTORS_GRAPH}> {{ ?a ?p ?o }} }} WHERE {{ VALUES ?a {{ {_values(actors)} }} "
        f"GRAPH <{ACTORS_GRAPH}> {{ ?a ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH <{ACTORS_GRAPH}> {{ ?a {_DERIVED} ?any }} }} }}"
    )


def _first_seen(actors: Iterable[str]) -> str | None:
    """Set ``kg:firstSeenIn`` of these actors to the earliest article (by kg:published) deriving them."""
    values = _values(sorted(set(actors)))
    if not values:
        return None
    a = f"<{ACTORS_GRAPH}>"
    return (
        f"DELETE {{ GRAPH {a} {{ ?a <{KG.firstSeenIn}> ?old }} }} "
        f"INSERT {{ GRAPH {a} {{ ?a <{KG.firstSeenIn}> ?first }} }} "
        f"WHERE {{ {{ SELECT ?a (MIN(CONCAT(COALESCE(STR(?pub), \"9999\"), \" \", STR(?art))) AS ?k) WHERE {{ "
        f"VALUES ?a {{ {values} }} GRAPH {a} {{ ?a {_DERIVED} ?art }} "
        f'FILTER(STRSTARTS(STR(?art), "{ARTICLE}")) '
        f"OPTIONAL {{ GRAPH ?ag {{ ?art <{KG.published}> ?pub }} }} }} GROUP BY ?a }} "
        f'BIND(IRI(STRAFTER(?k, " ")) AS ?first) OPTIONAL {{ GRAPH {a} {{ ?a <{KG.firstSeenIn}> ?old }} }} }}'
    )


def _text_actors(batch: Iterable[Mapped]) -> set[str]:
    return {a for m in batch for a in m.actor_subjects()}


def write_articles(store: Store, batch: Sequence[Mapped], *, cache: summary.GroupCache | None = None) -> Written:
    """Store a batch of mapped articles (a later one for the same article wins); see the module docstring.
    *cache*: the summary groups this writer has seen (:class:`kg.summary.GroupCache`), kept current here."""
    check_base(store, write=True)
    latest = {m.graph.value: m for m in batch}
    written = Written()
    present = {g: store.has_graph(g) for g in latest}
    old = [m for g, m in latest.items() if present[g]]
    new = [m for g, m in latest.items() if not present[g]]
    if old:
        if cache is not None:
            cache.clear()  # the replacement path reads what it needs itself
        articles = [m.article.value for m in old]
        delta = _ties(old)
        delta.subtract(summary.stored(store, [m.graph.value for m in old]))  # the ties the old versions made
        up = summary.changes(store, delta)
        cited = cited_nodes(store, articles)
        affected = _derived_actors(store, articles)
        first = _first_seen([*affected, *_text_actors(old)])
        store.apply(
            drop=[m.graph.value for m in old],
            delete=_join(_unlink(articles), summary.data_text("DELETE", up.drop)),
            add=[*(q for m in old for q in m.quads()), *up.add],
            after=_join(_orphans(affected), first),
        )
        written.replaced = [m.graph.value for m in old]
        written.flagged = flag_for_review(store, cited)
    if new:
        seen, stale = _first_seen_new(store, new)
        up = summary.changes(store, _ties(new), cache)
        _add(store, new, [*(ox.Quad(t.subject, t.predicate, t.object, ACTORS) for t in seen), *up.add],
             drop=[*(ox.Quad(t.subject, t.predicate, t.object, ACTORS) for t in stale), *up.drop])
        if cache is not None:
            cache.written(up)
        written.added = [m.graph.value for m in new]
    return written


def _ties(batch: Iterable[Mapped]) -> Counter[summary.Tie]:
    found: Counter[summary.Tie] = Counter()
    for m in batch:
        found.update(m.ties())
    return found


def _join(*updates: str | None) -> str | None:
    return " ;\n".join(u for u in updates if u) or None


def _add(store: Store, batch: Sequence[Mapped], extra: list[ox.Quad], *, drop: list[ox.Quad]) -> None:
    """One transaction adding the batch's quads and *extra* and removing *drop*. On Oxigraph the N-Triples
    bytes the mapping made (or a worker sent) go in as they are, no Python term per quad: one ``load`` of
    N-Quads when nothing is removed, else one Update ``DELETE DATA``; ``INSERT DATA`` (N-Triples is valid
    SPARQL, and the engine parses it about as fast)."""
    if isinstance(store, OxigraphStore):
        if not drop:
            facts = ox.serialize(extra, format=ox.RdfFormat.N_QUADS) or b""
            store.add_nquads(b"".join(m.nquads() for m in batch) + facts)
            return
        data = b"".join(m.update_data() for m in batch).decode()
        insert = summary.data_text("INSERT", extra)
        store.run_update(_join(summary.data_text("DELETE", drop), f"INSERT DATA {{\n{data} }}", insert) or "")
    else:
        store.apply(delete=summary.data_text("DELETE", drop), add=[*(q for m in batch for q in m.quads()), *extra])


def _first_seen_new(store: Store, batch: Sequence[Mapped]) -> tuple[list[ox.Triple], list[ox.Triple]]:
    """``kg:firstSeenIn`` of the text-found actors of new articles: the earliest (by kg:published, then IRI)
    of the value stored and the batch's articles. Returns the triples to add and the stored ones to remove."""
    best: dict[str, tuple[str, str]] = {}
    for m in batch:
        key = (m.published or "9999", m.article.value)
        for actor in m.actor_subjects():
            best[actor] = min(best.get(actor, key), key)
    if not best:
        return [], []
    stored: dict[str, list[tuple[str, str]]] = {}
    rows = store.query(
        f"SELECT ?a ?first (MIN(STR(?pub)) AS ?p) WHERE {{ VALUES ?a {{ {_values(sorted(best))} }} "
        f"GRAPH <{ACTORS_GRAPH}> {{ ?a <{KG.firstSeenIn}> ?first }} "
        f"OPTIONAL {{ GRAPH ?g {{ ?first <{KG.published}> ?pub }} }} }} GROUP BY ?a ?first"
    )
    for row in rows:
        pub = row["p"]
        stored.setdefault(row["a"].value, []).append((pub.value if pub is not None else "9999", row["first"].value))
    first = ox.NamedNode(str(KG.firstSeenIn))
    add, remove = [], []
    for actor, key in best.items():
        old = stored.get(actor, [])
        winner = min([key, *old])
        node = ox.NamedNode(actor)
        if winner not in old:
            add.append(ox.Triple(node, first, ox.NamedNode(winner[1])))
        remove += [ox.Triple(node, first, ox.NamedNode(k[1])) for k in old if k != winner]
    return add, remove


def delete_articles(store: Store, articles: Sequence[str]) -> Written:
    """Remove articles (their IRIs ``kgd:<key>``) with their graphs and the actor facts only they derived."""
    check_base(store)
    graphs = [a.replace("/id/article/", "/graph/article/", 1) for a in articles]
    present = [(a, g) for a, g in zip(articles, graphs, strict=True) if store.has_graph(g)]
    if not present:
        return Written()
    keep = [a for a, _ in present]
    cited = cited_nodes(store, keep)
    affected = _derived_actors(store, keep)
    delta: Counter[summary.Tie] = Counter()
    delta.subtract(summary.stored(store, [g for _, g in present]))
    up = summary.changes(store, delta)  # only removals
    store.apply(drop=[g for _, g in present], delete=_join(_unlink(keep), summary.data_text("DELETE", up.drop)),
                after=_join(_orphans(affected), _first_seen(affected)))
    return Written(replaced=[g for _, g in present], flagged=flag_for_review(store, cited))


# --- reference graphs ------------------------------------------------------------------------------------


def _stamp(files: Sequence[Path]) -> tuple[str, bytes]:
    digest, data = hashlib.sha256(), b""
    for f in files:
        chunk = f.read_bytes()
        digest.update(chunk)
        data += chunk + b"\n"
    return digest.hexdigest(), data


def _parse(data: bytes) -> list[ox.Quad]:
    return list(ox.parse(data, format=ox.RdfFormat.TURTLE, rename_blank_nodes=True)) if data else []


def reference_quads() -> dict[str, tuple[str, list[ox.Quad]]]:
    """Graph name -> (stamp, quads) of the ontology (``kgg:ontology``) and the registry (in ``kgg:actors``)."""
    onto_stamp, onto = _stamp(sorted(data_dir("ontology").glob("*.ttl")))
    actors_file = data_dir("seeds") / "actors.ttl"
    reg_stamp, reg = _stamp([actors_file] if actors_file.exists() else [])
    og = ox.NamedNode(str(ONTOLOGY_GRAPH))
    ontology = [ox.Quad(q.subject, q.predicate, q.object, og) for q in _parse(onto)]
    registry = [ox.Quad(q.subject, q.predicate, q.object, ACTORS) for q in _parse(rebase(reg.decode()).encode())]
    source, derived = ox.NamedNode(str(REGISTRY_GRAPH)), ox.NamedNode(str(PROV.wasDerivedFrom))
    subjects = {q.subject for q in registry if isinstance(q.subject, ox.NamedNode)}
    registry += [ox.Quad(s, derived, source, ACTORS) for s in sorted(subjects, key=str)]
    return {str(ONTOLOGY_GRAPH): (onto_stamp, ontology), str(REGISTRY_GRAPH): (reg_stamp, registry)}


def ensure_reference(store: Store) -> None:
    """Load the ontology and the registry unless the store already holds these very files."""
    check_base(store, write=True)
    meta, has = ox.NamedNode(str(META_GRAPH)), ox.NamedNode(str(KG.contentHash))
    for name, (stamp, quads) in reference_quads().items():
        node = ox.NamedNode(name)
        if store.query("ASK { GRAPH ?m { ?g ?p ?h } }", substitutions={"m": meta, "g": node, "p": has,
                                                                        "h": ox.Literal(stamp)}):
            continue
        forget = f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ <{name}> <{KG.contentHash}> ?h }} }}"
        if name == str(REGISTRY_GRAPH):
            forget += (
                f" ;\nDELETE {{ GRAPH <{ACTORS_GRAPH}> {{ ?a ?p ?o }} }} WHERE {{ GRAPH <{ACTORS_GRAPH}> "
                f"{{ ?a {_DERIVED} <{name}> . ?a ?p ?o }} }}"
            )
            drop: list[str] = [name]  # the registry graph of the first model
        else:
            drop = [name]
        store.apply(drop=drop, delete=forget, add=[*quads, ox.Quad(node, has, ox.Literal(stamp), meta)])
