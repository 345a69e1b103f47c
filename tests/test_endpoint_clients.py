"""Standard clients against a real `kg serve`: SPARQLWrapper in every result format, rdflib's SPARQLStore, the
dataset (FROM, default-graph-uri, named-graph-uri), the Service Description and Graph Store Protocol reads.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from kg.paths import data_dir
from kg.store import OxigraphStore

DATA = Path(__file__).parent / "data" / "queries" / "store.trig"
KG = "https://w3id.org/kg/ontology#"
KGG = "https://w3id.org/kg/graph/"
SELECT = f"SELECT ?s ?text WHERE {{ ?s <{KG}speaker> ?who ; <{KG}text> ?text }} ORDER BY ?text"
CONSTRUCT = f"CONSTRUCT {{ ?s <{KG}text> ?t }} WHERE {{ ?s <{KG}speaker> ?who ; <{KG}text> ?t }}"
ASK_YES = f"ASK {{ ?s <{KG}speaker> ?o }}"
ASK_NO = "ASK { ?s <http://example.org/nothing> ?o }"


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kg") / "kg-data"
    s = OxigraphStore(path)
    s.raw.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    s.raw.load(path=str(data_dir("seeds") / "actors.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode(KGG + "registry"))
    s.close()
    return path


@pytest.fixture(scope="module")
def server(disk_store: Path, kg_serve) -> str:  # type: ignore[no-untyped-def]
    return str(kg_serve(disk_store))


@pytest.fixture(scope="module")
def expected(disk_store: Path) -> OxigraphStore:
    """The same store opened directly, to compare the endpoint's answers with."""
    return OxigraphStore(disk_store, read_only=True)


def _wrapper(base: str, query: str, fmt: str) -> SPARQLWrapper:
    w = SPARQLWrapper(f"{base}/sparql")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    return w


def _texts(expected: OxigraphStore) -> list[str]:
    return [r["text"].value for r in expected.query(SELECT)]


def _construct(expected: OxigraphStore) -> Graph:
    return Graph().parse(data=ox.serialize(expected.query(CONSTRUCT), None, ox.RdfFormat.N_TRIPLES), format="nt")


# -- SPARQLWrapper: SELECT as JSON, XML, CSV, TSV ----------------------------------------------------------
def test_select_json(server: str, expected: OxigraphStore) -> None:
    doc = _wrapper(server, SELECT, JSON).queryAndConvert()
    assert [b["text"]["value"] for b in doc["results"]["bindings"]] == _texts(expected)  # type: ignore[index]


def test_select_xml(server: str, expected: OxigraphStore) -> None:
    doc = _wrapper(server, SELECT, XML).queryAndConvert()  # an xml.dom.minidom Document
    values = [n.firstChild.data for n in doc.getElementsByTagName("literal")]  # type: ignore[union-attr]
    assert values == _texts(expected)


def test_select_csv(server: str, expected: OxigraphStore) -> None:
    text = _wrapper(server, SELECT, CSV).queryAndConvert()
    rows = list(csv.DictReader(io.StringIO(text.decode() if isinstance(text, bytes) else str(text))))
    assert [r["text"] for r in rows] == _texts(expected)


def test_select_tsv(server: str, expected: OxigraphStore) -> None:
    text = _wrapper(server, SELECT, TSV).queryAndConvert()
    lines = (text.decode() if isinstance(text, bytes) else str(text)).splitlines()
    assert lines[0].split("\t") == ["?s", "?text"] and len(lines) == 1 + len(_texts(expected))


# -- SPARQLWrapper: CONSTRUCT as Turtle, JSON-LD, RDF/XML ------------------------------------------------------
@pytest.mark.parametrize(("fmt", "parser"), [(TURTLE, "turtle"), (JSONLD, "json-ld"), (RDFXML, "xml")])
def test_construct(server: str, expected: OxigraphStore, fmt: str, parser: str) -> None:
    response = _wrapper(server, CONSTRUCT, fmt).query().response
    got = Graph().parse(data=response.read(), format=parser)
    assert len(got) > 0 and isomorphic(got, _construct(expected))


# -- SPARQLWrapper: ASK as JSON and XML ----------------------------------------------------------------------
@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask(server: str, fmt: str) -> None:
    yes = _wrapper(server, ASK_YES, fmt).queryAndConvert()
    no = _wrapper(server, ASK_NO, fmt).queryAndConvert()
    if fmt == JSON:
        assert yes["boolean"] is True and no["boolean"] is False  # type: ignore[index]
    else:
        values = [d.getElementsByTagName("boolean")[0].firstChild.data for d in (yes, no)]  # type: ignore[union-attr]
        assert values == ["true", "false"]


def test_sparqlwrapper_post(server: str, expected: OxigraphStore) -> None:
    w = _wrapper(server, SELECT, JSON)
    w.setMethod("POST")
    doc = w.queryAndConvert()
    assert len(doc["results"]["bindings"]) == len(_texts(expected))  # type: ignore[index]


# -- rdflib's SPARQLStore: SELECT, CONSTRUCT, ASK --------------------------------------------------------------
def test_rdflib_sparqlstore(server: str, expected: OxigraphStore) -> None:
    remote = SPARQLStore(f"{server}/sparql", returnFormat="json")
    g = Graph(store=remote)
    rows = list(g.query(SELECT))
    assert [str(r[1]) for r in rows] == _texts(expected)  # type: ignore[index]
    constructed = g.query(CONSTRUCT).graph
    assert constructed is not None and isomorphic(constructed, _construct(expected))
    assert g.query(ASK_YES).askAnswer is True
    assert g.query(ASK_NO).askAnswer is False


# -- the dataset --------------------------------------------------------------------------------------------
COUNT = "SELECT (COUNT(*) AS ?n) {from} WHERE {{ ?s ?p ?o }}"


def _count(base: str, query: str, **params: object) -> int:
    r = httpx.get(f"{base}/sparql", params={"query": query, **params},  # type: ignore[arg-type]
                  headers={"accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_from_is_honoured(server: str, expected: OxigraphStore) -> None:
    status_size = len(list(expected.quads(KGG + "status")))
    assert 0 < status_size < len(expected)
    assert _count(server, COUNT.format(**{"from": f"FROM <{KGG}status>"})) == status_size
    prefixed = "PREFIX kgg: <https://w3id.org/kg/graph/>\n" + COUNT.format(**{"from": "FROM kgg:status"})
    assert _count(server, prefixed) == status_size
    assert _count(server, COUNT.format(**{"from": ""})) == len(expected)


def test_from_named_is_honoured(server: str) -> None:
    q = f"SELECT DISTINCT ?g FROM NAMED <{KGG}status> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    r = httpx.get(f"{server}/sparql", params={"query": q}, headers={"accept": "application/sparql-results+json"})
    assert [b["g"]["value"] for b in r.json()["results"]["bindings"]] == [KGG + "status"]


def test_protocol_dataset_parameters(server: str, expected: OxigraphStore) -> None:
    status_size = len(list(expected.quads(KGG + "status")))
    registry_size = len(list(expected.quads(KGG + "registry")))
    plain = COUNT.format(**{"from": ""})
    assert _count(server, plain, **{"default-graph-uri": KGG + "status"}) == status_size
    both = [KGG + "status", KGG + "registry"]
    assert _count(server, plain, **{"default-graph-uri": both}) == status_size + registry_size
    # the protocol's dataset replaces the query's FROM
    with_from = COUNT.format(**{"from": f"FROM <{KGG}registry>"})
    assert _count(server, with_from, **{"default-graph-uri": KGG + "status"}) == status_size
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    r = httpx.get(f"{server}/sparql", params={"query": q, "named-graph-uri": KGG + "registry"},
                  headers={"accept": "application/sparql-results+json"})
    assert [b["g"]["value"] for b in r.json()["results"]["bindings"]] == [KGG + "registry"]


# -- format=, Service Description, Graph Store Protocol ---------------------------------------------------------
@pytest.mark.parametrize(("value", "media"), [
    ("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
    ("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
    ("table", "application/sparql-results+json"), ("nonsense", "application/sparql-results+json"),
])
def test_format_parameter_of_clients(server: str, value: str, media: str) -> None:
    """A format= kg knows picks the format; an unknown one is ignored (Accept decides), never a 400."""
    r = httpx.get(f"{server}/sparql", params={"query": ASK_YES, "format": value})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)


def test_service_description(server: str) -> None:
    r = httpx.get(f"{server}/sparql", headers={"accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), URIRef(f"{server}/sparql")) in g
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in g
    formats = set(g.objects(None, URIRef(sd + "resultFormat")))
    assert URIRef("http://www.w3.org/ns/formats/RDF_XML") in formats
    page = httpx.get(f"{server}/sparql", headers={"accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"] == "/query"


def test_graph_store_get(server: str, expected: OxigraphStore) -> None:
    r = httpx.get(f"{server}/store", params={"graph": KGG + "status"}, headers={"accept": "application/n-triples"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/n-triples")
    assert isomorphic(Graph().parse(data=r.text, format="nt"), expected.graph(KGG + "status"))
    default = httpx.get(f"{server}/store?default", headers={"accept": "text/turtle"})
    assert default.status_code == 200 and len(Graph().parse(data=default.text, format="turtle")) > 0
    missing = httpx.get(f"{server}/store", params={"graph": "https://example.org/none"})
    assert missing.status_code == 404
    assert httpx.get(f"{server}/store").status_code == 400
    assert httpx.get(f"{server}/store", params={"graph": "not an iri"}).status_code == 400


def test_query_page_and_context(server: str) -> None:
    r = httpx.get(server + "/query")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Stored queries" in r.text
    home = httpx.get(server + "/", follow_redirects=True)  # the claims browser's home
    assert home.status_code == 200 and home.headers["content-type"].startswith("text/html")
    context = httpx.get(f"{server}/context.jsonld")
    assert context.status_code in (200, 404)
    if context.status_code == 200:
        assert "@context" in json.loads(context.text)
