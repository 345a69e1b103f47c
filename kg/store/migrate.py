"""``kg migrate``: move a store of the first data model (or made with another base IRI) to the current one.

What changes (docs/model.md, "Decisions shared by every issue"):

- extracted nodes get IRIs from their kind and words (``kgd:<key>/s1`` -> ``kgd:<key>/s-<12hex>``; mentions
  ``…/a1-m1`` -> ``…/n-<12hex>``; spans follow their node), read from each node's span (``oa:exact``);
- articles with a URL get the key of their canonical URL (articles without one keep theirs: their text is
  not in the store);
- each article gets one ``schema:mentions`` per actor it names (what co-mention reports join on);
- actor facts (type, label, Wikidata id) leave the article graphs for ``kgg:actors``; actors found only in
  the text become ``kga:<type>/<slug>``, ``prov:wasDerivedFrom`` each article naming them; the registry moves
  from ``kgg:registry`` into ``kgg:actors``;
- resolutions and statuses follow the renamed nodes; with *from_base*, every instance IRI is rebased;
- ``kgg:meta`` records the base and the model version;
- the summary graph ``kgg:summary`` is computed from the article graphs (also for a current store written
  before it existed).

The whole store is rewritten in one transaction (a large store takes a while: export it first to keep a copy).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from kg import identity, summary
from kg.extract.registry import load_registry
from kg.mapping import ACTORS
from kg.namespaces import (
    ACTOR,
    ARTICLE,
    ARTICLE_GRAPH_PREFIX,
    BASE,
    DEFAULT_BASE,
    GRAPH,
    KG,
    META_GRAPH,
    OA,
    PROV,
    REGISTRY_GRAPH,
    SDO,
)
from kg.store.base import Store
from kg.store.meta import MODEL_VERSION, meta_quads, stored_base, stored_version
from kg.store.writer import ensure_reference

_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ACTOR_TYPES = {str(KG.Person): "Person", str(KG.Organization): "Organization", str(KG.Country): "Country"}
_KINDS: dict[str, identity.NodeKind] = {str(KG.Statement): "s", str(KG.Meeting): "m", str(KG.Prediction): "p",
                                         str(KG.Mention): "n"}
_FACTS = {_TYPE, _LABEL, str(KG.wikidata)}


@dataclass
class Migration:
    """What a migration did."""

    from_version: int | None
    from_base: str
    quads_before: int
    quads_after: int
    renamed: int  # IRIs renamed
    articles: int


def _rebase(iri: str, old: str) -> str:
    if old != BASE and iri.startswith(old) and iri[len(old):].startswith(("id/", "graph/")):
        return BASE + iri[len(old):]
    return iri


def _term(term: object, renames: dict[str, str]) -> object:
    if isinstance(term, ox.NamedNode):
        new = renames.get(term.value)
        return ox.NamedNode(new) if new else term
    return term


def _value(term: object) -> str:
    return str(getattr(term, "value", ""))


def _article_renames(store: Store, graph: str, old_base: str, registry: set[str]) -> Iterator[tuple[str, str]]:
    """Old IRI -> new IRI for the article, its graph, its nodes, their spans and its text-found actors."""
    quads = list(store.quads(graph))
    by_subject: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    for q in quads:
        if isinstance(q.subject, ox.NamedNode):
            by_subject[q.subject.value][q.predicate.value].append(q.object)
    article = next((s for s, ps in by_subject.items() if any(_value(o) == str(KG.Article)
                                                               for o in ps.get(_TYPE, []))), None)
    if article is None:
        return
    urls = by_subject[article].get(str(KG.url), [])
    key = article.rsplit("/", 1)[-1]
    if urls:
        key = identity.article_key(url=_value(urls[0]), text="")
    new_article = f"{BASE}id/article/{key}"
    yield article, new_article
    yield graph, f"{BASE}graph/article/{key}"
    minter = identity.NodeMinter(new_article)
    nodes = []
    for s, ps in by_subject.items():
        kinds = [_KINDS[_value(t)] for t in ps.get(_TYPE, []) if _value(t) in _KINDS]
        if not kinds:
            continue
        span = ps if kinds[0] == "n" else by_subject.get(_value((ps.get(str(KG.span)) or [None])[0]), {})
        exact = _value((span.get(str(OA.exact)) or [ox.Literal("")])[0])
        start = int(_value((span.get(str(OA.start)) or [ox.Literal("0")])[0]) or 0)
        nodes.append((start, kinds[0], s, exact))
    for _start, kind, s, exact in sorted(nodes):
        new = minter(kind, exact)
        yield s, new
        yield f"{s}-span", f"{new}-span"
    for s, ps in by_subject.items():
        types = [_ACTOR_TYPES[_value(t)] for t in ps.get(_TYPE, []) if _value(t) in _ACTOR_TYPES]
        label = ps.get(_LABEL)
        if types and label and _rebase(s, old_base) not in registry:
            yield s, identity.text_actor_iri(_value(label[0]), types[0])


SUMMARY_ONLY = 2  # a model version that differs from the current one only in the shape of kgg:summary


def migrate(store: Store) -> Migration:
    """Move *store* to the current model and base (see the module docstring); a current store is left alone."""
    version, old_base = stored_version(store), stored_base(store) or DEFAULT_BASE
    before = len(store)
    if version in (SUMMARY_ONLY, MODEL_VERSION) and old_base == BASE:
        if not summary.current(store):  # written before kgg:summary existed, or in an earlier shape
            summary.rebuild(store)
        if version != MODEL_VERSION:
            store.apply(delete=f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ <{META_GRAPH}> <{KG.modelVersion}> ?v }} }}",
                        add=[q for q in meta_quads() if q.predicate.value == str(KG.modelVersion)])
        return Migration(version, old_base, before, len(store), 0, 0)
    registry = {a.iri for a in load_registry().actors.values()}
    names = store.graph_names()
    renames: dict[str, str] = {}
    if version is None:  # the first model: nodes by position, actor facts in article graphs
        for graph in names:
            if _rebase(graph, old_base).startswith(ARTICLE_GRAPH_PREFIX):
                renames.update(_article_renames(store, graph, old_base, registry))
    quads: list[ox.Quad] = []
    derived, mentions = ox.NamedNode(str(PROV.wasDerivedFrom)), ox.NamedNode(str(SDO.mentions))
    for graph in names:
        if _rebase(graph, old_base) in (str(REGISTRY_GRAPH), f"{BASE}graph/meta"):
            continue  # the registry is reloaded into kgg:actors; the meta graph is written anew
        article_graph = _rebase(graph, old_base).startswith(ARTICLE_GRAPH_PREFIX)
        article = None
        for q in store.quads(graph):
            s, o = _term(q.subject, renames), _term(q.object, renames)
            g = _term(q.graph_name, renames)
            s, o, g = (ox.NamedNode(_rebase(_value(t), old_base)) if isinstance(t, ox.NamedNode) else t
                       for t in (s, o, g))
            if article_graph and version is None and q.predicate.value in _FACTS and isinstance(s, ox.NamedNode) \
                    and s.value.startswith(str(ACTOR)):
                if s.value not in registry:
                    graph_iri = str(getattr(g, "value", ""))
                    article = article or ox.NamedNode(graph_iri.replace(str(GRAPH) + "article/", str(ARTICLE), 1))
                    quads.append(ox.Quad(s, q.predicate, o, ACTORS))  # type: ignore[arg-type]
                    quads.append(ox.Quad(s, derived, article, ACTORS))
                continue
            quads.append(ox.Quad(s, q.predicate, o, g))  # type: ignore[arg-type]
            if article_graph and version is None and q.predicate.value == str(KG.refersTo):
                art = ox.NamedNode(_value(g).replace(str(GRAPH) + "article/", str(ARTICLE), 1))
                quads.append(ox.Quad(art, mentions, o, g))  # type: ignore[arg-type]
    store.apply(drop=names, add=[*quads, *meta_quads()])
    ensure_reference(store)
    summary.rebuild(store)
    articles = sum(1 for n in store.graph_names() if n.startswith(ARTICLE_GRAPH_PREFIX))
    return Migration(version, old_base, before, len(store), len(renames), articles)
