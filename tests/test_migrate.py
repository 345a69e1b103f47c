"""``kg migrate``: a store of the first model (nodes numbered by position, actor facts in every article graph)
moves to the current one; resolutions follow their nodes; the store is then accepted and conforms."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDFS, URIRef

from kg.errors import UsageError
from kg.identity import node_hash
from kg.namespaces import ACTORS_GRAPH, KG, PROV, STATUS_GRAPH
from kg.store import MemoryStore
from kg.store.meta import MODEL_VERSION, check_base, stored_version
from kg.store.migrate import migrate
from kg.store.terms import to_graph
from kg.validate import validate_store

DATA = Path(__file__).parent / "data"
OLD_ARTICLE = "https://w3id.org/kg/id/article/4f70852738a6ae05"
OLD_GRAPH = "https://w3id.org/kg/graph/article/4f70852738a6ae05"
RES = "https://w3id.org/kg/id/resolution/r1"


def old_store() -> MemoryStore:
    store = MemoryStore()
    store.raw.load(path=str(DATA / "valid_article.ttl"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(OLD_GRAPH))
    g = ox.NamedNode("https://w3id.org/kg/graph/resolution/r1")
    r = ox.NamedNode(RES)
    store.raw.add(ox.Quad(r, ox.NamedNode(str(KG.evidence)), ox.NamedNode(OLD_ARTICLE + "/s1"), g))
    store.raw.add(ox.Quad(ox.NamedNode(OLD_ARTICLE + "/p1"), ox.NamedNode(str(KG.status)),
                          ox.NamedNode("https://w3id.org/kg/concept/status-open"), ox.NamedNode(str(STATUS_GRAPH))))
    return store


def test_old_store_is_refused_until_migrated() -> None:
    store = old_store()
    with pytest.raises(UsageError, match="kg migrate"):
        check_base(store)
    done = migrate(store)
    assert done.from_version is None and done.renamed > 0
    assert stored_version(store) == MODEL_VERSION
    check_base(store)  # accepted now
    assert migrate(store).renamed == 0  # a current store is left alone


def test_nodes_get_word_iris_and_actor_facts_move() -> None:
    store = old_store()
    exact = str(next(iter(store.query(f"SELECT ?e WHERE {{ <{OLD_ARTICLE}/s1-span> oa:exact ?e }}")))["e"].value)
    migrate(store)
    articles = [n for n in store.graph_names() if "/graph/article/" in n]
    assert len(articles) == 1
    article_graph = to_graph(store.quads(articles[0]))
    assert not list(article_graph.triples((None, RDFS.label, None)))
    key = articles[0].rsplit("/", 1)[-1]
    statement = f"https://w3id.org/kg/id/article/{key}/s-{node_hash('s', exact)}"
    assert (URIRef(statement), None, None) in article_graph
    cited = {q.object.value for q in store.quads("https://w3id.org/kg/graph/resolution/r1")}
    assert cited == {statement}
    actors = to_graph(store.quads(str(ACTORS_GRAPH)))
    panda = URIRef("https://w3id.org/kg/id/actor/person/ankit-panda")
    assert (panda, RDFS.label, None) in actors
    assert (panda, PROV.wasDerivedFrom, URIRef(f"https://w3id.org/kg/id/article/{key}")) in actors
    assert (URIRef(f"https://w3id.org/kg/id/article/{key}"), URIRef("http://schema.org/mentions"),
            URIRef("https://w3id.org/kg/id/actor/donald-trump")) in article_graph
    assert not validate_store(store).violations
