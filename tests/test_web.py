"""The claims browser (kg.web) through Starlette's TestClient on the demo store: every page type, escaping of a
hostile article, downloads compared as graphs, and the highlighting of overlapping spans."""

from __future__ import annotations

import base64
import random
import re
import warnings
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from kg.ingest import ingest
from kg.namespaces import KG
from kg.paths import data_dir
from kg.resolve import resolve
from kg.store import MemoryStore
from kg.web import create_app, page_url
from kg.web.highlight import Mark, highlight, segments

with warnings.catch_warnings():  # starlette's TestClient warns that it is built on httpx
    warnings.filterwarnings("ignore", message="Using `httpx`")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

HOSTILE = Path(__file__).parent / "data" / "web" / "hostile.txt"


def demo_store() -> MemoryStore:
    """seeds/ and the hostile article, ingested and resolved (what ``make demo`` builds, plus the attack)."""
    s = MemoryStore()
    result = ingest(s, [data_dir("seeds"), HOSTILE])
    assert result.ok, [(o.path, o.message) for o in result.outcomes if o.status != "ingested"]
    resolve(s)
    return s


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    return demo_store()


@pytest.fixture(scope="module")
def client(store: MemoryStore) -> TestClient:
    return TestClient(create_app(store))


def rows(store: MemoryStore, sparql: str) -> list[dict[str, str]]:
    answer = store.query(sparql)
    names = [v.value for v in answer.variables]
    return [{n: str(r[n].value) for n in names if r[n] is not None} for r in answer]


def article_iri(store: MemoryStore, url_part: str) -> str:
    found = rows(store, f'SELECT ?a WHERE {{ ?a kg:url ?u FILTER(CONTAINS(STR(?u), "{url_part}")) }}')
    assert found, url_part
    return found[0]["a"]


class Highlights(HTMLParser):
    """Collects the text under each claim of an article page's text, and the kinds of the claim cards."""

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = defaultdict(str)
        self.kinds: dict[str, str] = {}
        self.stack: list[list[str]] = []
        self.in_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id") == "article-text":
            self.in_text = 1
        elif self.in_text:
            self.in_text += 1
        self.stack.append((a.get("data-claims") or "").split() if self.in_text else [])
        if tag == "li" and "claim" in (a.get("class") or "").split():
            kind = next(c for c in (a.get("class") or "").split() if c.startswith("claim-"))
            self.kinds[a["id"] or ""] = kind.removeprefix("claim-")

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()
        if self.in_text:
            self.in_text -= 1

    def handle_data(self, data: str) -> None:
        if self.in_text:
            for claims in self.stack:
                for c in claims:
                    self.text[c] += data


SAFE_TAGS = {"html", "head", "meta", "title", "link", "body", "header", "nav", "main", "footer", "a", "h1", "h2",
             "p", "small", "span", "time", "div", "article", "aside", "section", "ul", "ol", "li", "dl", "dt", "dd",
             "table", "thead", "tbody", "tr", "th", "td", "form", "label", "select", "option", "input", "button",
             "blockquote", "code", "figure", "figcaption", "img"}


class Links(HTMLParser):
    """Every tag of a page and every URL its attributes point to."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.urls += [v.strip().lower() for k, v in attrs if k in ("href", "src", "action") and v is not None]


def highlights(html: str) -> Highlights:
    p = Highlights()
    p.feed(html)
    return p


# -- articles ---------------------------------------------------------------------------------------------------
def test_article_list_filters(client: TestClient, store: MemoryStore) -> None:
    r = client.get("/articles")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    every = r.text.count('href="/articles/')
    assert every == len(rows(store, "SELECT ?a WHERE { ?a a kg:Article }"))
    outlet = rows(store, "SELECT ?o WHERE { ?a kg:url ?u ; kg:outlet ?o FILTER(CONTAINS(STR(?u), 'example.org')) }")
    narrowed = client.get("/articles", params={"outlet": outlet[0]["o"]})
    assert narrowed.status_code == 200 and narrowed.text.count('href="/articles/') == 1
    later = client.get("/articles", params={"since": "2019-01-01"}).text.count('href="/articles/')
    assert 0 < later < every
    assert client.get("/articles", params={"since": "yesterday"}).status_code == 400
    assert client.get("/articles", params={"actor": "not an iri"}).status_code == 400


def test_article_page_highlights_every_claim_from_its_offsets(client: TestClient, store: MemoryStore) -> None:
    seed = article_iri(store, "thediplomat.com")
    r = client.get(page_url("articles", seed))
    assert r.status_code == 200
    page = highlights(r.text)
    nodes = rows(store, f"""SELECT ?n ?kind ?exact WHERE {{ VALUES ?kind {{ kg:Statement kg:Meeting kg:Prediction }}
        ?n a ?kind ; kg:extractedFrom <{seed}> ; kg:span/oa:exact ?exact }}""")
    assert len(nodes) >= 10
    for n in nodes:
        assert page.text[n["n"]] == n["exact"], n["n"]
        assert page.kinds[n["n"]] == n["kind"].rsplit("#", 1)[-1].lower()
    assert set(page.text) == {n["n"] for n in nodes}
    # the side panel lists the actors the article mentions, linked to their pages
    mentioned = rows(store, f"SELECT DISTINCT ?x WHERE {{ ?m kg:refersTo ?x ; kg:extractedFrom <{seed}> }}")
    for m in mentioned:
        assert f'href="{page_url("actors", m["x"])}"' in r.text
    assert "Download: <a href=\"/rdf?" in r.text


def test_hostile_article_is_escaped_everywhere(client: TestClient, store: MemoryStore) -> None:
    hostile = article_iri(store, "example.org")
    pages = [page_url("articles", hostile), "/articles", "/predictions", "/actors", "/scorecard"]
    preds = rows(store, f"SELECT ?p WHERE {{ ?p a kg:Prediction ; kg:extractedFrom <{hostile}> }}")
    speakers = rows(store, f"SELECT DISTINCT ?x WHERE {{ ?s kg:speaker ?x ; kg:extractedFrom <{hostile}> }}")
    assert preds and speakers
    pages += [page_url("predictions", p["p"]) for p in preds] + [page_url("actors", s["x"]) for s in speakers]
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, path
        assert "<script" not in r.text.lower(), path
        assert "<img src=x" not in r.text and "<b>" not in r.text, path
        links = Links()
        links.feed(r.text)
        assert links.urls and not [u for u in links.urls if not u.startswith(("/", "#", "http", "data:image/"))], path
        assert not [t for t in links.tags if t not in SAFE_TAGS], path
    article = client.get(page_url("articles", hostile)).text
    assert "&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt;" in article
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Bridge &amp; council" in article
    # the highlighted words are still exactly the words of each statement
    page = highlights(article)
    for s in rows(store, f"SELECT ?s ?e WHERE {{ ?s kg:extractedFrom <{hostile}> ; kg:span/oa:exact ?e }}"):
        assert page.text[s["s"]] == s["e"]


def test_long_lists_are_paged(client: TestClient, store: MemoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.web.app

    monkeypatch.setattr(kg.web.app, "PAGE_SIZE", 4)
    total = len(rows(store, "SELECT ?a WHERE { ?a a kg:Article }"))
    seen: list[str] = []
    url: str | None = "/articles?since=2000-01-01"
    while url:
        r = client.get(url)
        assert r.status_code == 200
        seen += re.findall(r'<td><a href="(/articles/[^"]+)"', r.text)
        found = re.search(r'<a href="([^"]+)" rel="next">', r.text)
        url = found.group(1).replace("&amp;", "&") if found else None
        assert url is None or "since=2000-01-01" in url  # the filters stay
    assert len(seen) == len(set(seen)) == total
    assert f"of {total}" in client.get("/articles?page=2").text
    assert client.get("/predictions?page=x").status_code == 400


def test_unknown_article_is_404(client: TestClient) -> None:
    r = client.get("/articles/0000000000000000")
    assert r.status_code == 404 and "no article" in r.text
    assert client.get("/articles", params={"iri": "https://example.org/<x>"}).status_code == 400


# -- predictions ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("column", ["probability", "deadline", "made", "status", "predictor"])
def test_prediction_table_sorts_server_side(client: TestClient, column: str) -> None:
    for desc in ("", "1"):
        r = client.get("/predictions", params={"sort": column, "desc": desc})
        assert r.status_code == 200
        body = r.text.split("<tbody>", 1)[1]
        cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in body.split("<tr>")[1:]]
        index = {"made": 0, "status": 1, "predictor": 2, "probability": 5, "deadline": 6}[column]
        values = [re.sub(r"<[^>]+>", "", c[index]).strip() for c in cells]
        present = [v for v in values if v != "–"]
        assert present == sorted(present, key=str.casefold, reverse=bool(desc)), (column, desc)
        assert values == present + ["–"] * (len(values) - len(present))  # blanks last
    assert client.get("/predictions", params={"sort": "colour"}).status_code == 400


def test_prediction_page_shows_history_and_linked_evidence(client: TestClient, store: MemoryStore) -> None:
    judged = rows(store, """SELECT ?p ?ev ?src WHERE { GRAPH ?g { ?r a kg:Resolution ; kg:resolves ?p ;
        kg:outcome kgc:status-confirmed ; kg:evidence ?ev ; kg:evidenceSource ?src } } LIMIT 1""")
    assert judged
    p, ev, src = judged[0]["p"], judged[0]["ev"], judged[0]["src"]
    r = client.get(page_url("predictions", p))
    assert r.status_code == 200
    assert "Status history" in r.text and "status-confirmed" in r.text
    # the evidence: its sentence highlighted, linked to its place in the later article
    assert f'href="{page_url("articles", src)}#{ev}"' in r.text
    exact = rows(store, f"SELECT ?e WHERE {{ <{ev}> kg:span/oa:exact ?e }}")[0]["e"]
    quoted = exact.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;")
    assert f'data-claims="{ev}" title="">{quoted}</a>' in r.text
    # the prediction's own sentence in context
    own = rows(store, f"SELECT ?e WHERE {{ <{p}> kg:span/oa:exact ?e }}")[0]["e"]
    assert f'data-claims="{p}"' in r.text and own.split()[0] in r.text
    assert client.get(page_url("predictions", ev)).status_code == 404  # evidence of a meeting: no prediction


def test_history_is_the_one_kg_resolve_keeps(store: MemoryStore) -> None:
    from kg.resolve import history
    from kg.web.forecasts import resolutions

    judged = {p["p"] for p in rows(store, "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?r kg:resolves ?p } }")}
    assert judged
    for p in judged:
        assert resolutions(store, p) == history(store, p)


def test_prediction_page_shows_a_stored_proposition(store: MemoryStore, tmp_path: Path) -> None:
    p = rows(store, "SELECT ?p WHERE { ?p a kg:Prediction } LIMIT 1")[0]["p"]
    dump = tmp_path / "store.nq"
    store.dump(dump, ox.RdfFormat.N_QUADS)
    s = MemoryStore()
    s.bulk_load(dump, ox.RdfFormat.N_QUADS)
    claim = Graph().parse(format="turtle", data=f"""@prefix kg: <https://w3id.org/kg/ontology#> .
        <{p}/claim> a kg:Proposition ; kg:predicate <https://w3id.org/kg/concept/outcome-meeting> ;
        <http://www.w3.org/ns/oa#exact> "the two leaders meet" .""")
    s.replace_graphs({"urn:x-test:claims": claim})  # a proposition as docs/model.md describes it
    r = TestClient(create_app(s)).get(page_url("predictions", p))
    assert "No structured claim" not in r.text and "the two leaders meet" in r.text
    assert "No structured claim" in TestClient(create_app(store)).get(page_url("predictions", p)).text


# -- actors, scorecard, downloads ---------------------------------------------------------------------------------
def test_actor_page(client: TestClient, store: MemoryStore) -> None:
    top = rows(store, """SELECT ?x (COUNT(?p) AS ?n) WHERE { ?p a kg:Prediction ; kg:predictor ?x .
        ?s kg:speaker ?x . ?x kg:wikidata ?wd } GROUP BY ?x ORDER BY DESC(?n) LIMIT 1""")[0]["x"]
    r = client.get(page_url("actors", top))
    assert r.status_code == 200
    wd = rows(store, f"SELECT ?w WHERE {{ <{top}> kg:wikidata ?w }}")[0]["w"]
    assert f'href="https://www.wikidata.org/wiki/{wd.rsplit("/", 1)[-1]}"' in r.text
    said = rows(store, f"SELECT DISTINCT ?s WHERE {{ ?s kg:speaker <{top}> }}")
    assert r.text.count("<time>") == len(said)
    made = rows(store, f"SELECT DISTINCT ?p WHERE {{ ?p kg:predictor <{top}> }}")
    for m in made:
        assert f'href="{page_url("predictions", m["p"])}"' in r.text
    assert r.text.count("data:image/svg+xml;base64,") == 2  # the predictor's calibration and timeline
    assert client.get("/actors").status_code == 200
    assert client.get("/actors/no-such-actor-here").status_code == 404


def test_scorecard_has_both_groupings_and_inline_svg_plots(client: TestClient, store: MemoryStore) -> None:
    r = client.get("/scorecard")
    assert r.status_code == 200 and "By predictor" in r.text and "By outlet" in r.text
    plots = re.findall(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', r.text)
    assert len(plots) == 2
    for outlet in rows(store, "SELECT DISTINCT ?o WHERE { ?a kg:outlet ?o }"):
        assert f'href="{page_url("actors", outlet["o"])}"' in r.text.split("By outlet", 1)[1]
    for p in plots:
        assert base64.b64decode(p).lstrip().startswith(b"<?xml") and b"<svg" in base64.b64decode(p)


def _parse(body: bytes, fmt: str) -> Graph:
    return Graph().parse(data=body, format=fmt)


def test_downloads_are_the_node_triples(client: TestClient, store: MemoryStore) -> None:
    seed = article_iri(store, "thediplomat.com")
    graph = rows(store, f"SELECT ?g WHERE {{ GRAPH ?g {{ <{seed}> a kg:Article }} }}")[0]["g"]
    expected = store.graph(graph)
    for fmt, parser in (("turtle", "turtle"), ("jsonld", "json-ld")):
        r = client.get("/rdf", params={"iri": seed, "format": fmt})
        assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
        got = _parse(r.content, parser)
        if not isomorphic(got, expected):
            _, only_got, only_expected = graph_diff(got, expected)
            pytest.fail(f"{fmt}: extra {len(only_got)} missing {len(only_expected)}")
    p = rows(store, f"SELECT ?p WHERE {{ ?p a kg:Prediction ; kg:extractedFrom <{seed}> }} LIMIT 1")[0]["p"]
    got = _parse(client.get("/rdf", params={"iri": p}).content, "turtle")
    span = rows(store, f"SELECT ?s WHERE {{ <{p}> kg:span ?s }}")[0]["s"]
    want = Graph()
    for q in store.quads():  # from every graph: the status graph says something of the prediction too
        if str(q.subject.value) in (p, span, f"{p}/claim"):  # the node, its span and its proposition
            want.parse(data=f"{q.subject} {q.predicate} {q.object} .", format="nt")
    assert isomorphic(got, want)
    assert client.get("/rdf", params={"iri": "https://example.org/nothing"}).status_code == 404
    assert client.get("/rdf", params={"iri": seed, "format": "xml"}).status_code == 400


def test_the_app_is_read_only(client: TestClient) -> None:
    for path in ("/articles", "/predictions", "/rdf"):
        assert client.post(path, data={"update": "DROP ALL"}).status_code == 405


def test_endpoint_serves_the_pages_next_to_sparql(store: MemoryStore) -> None:
    from kg.endpoint import create_app as endpoint

    c = TestClient(endpoint(store), base_url="http://localhost")  # the endpoint answers loopback names only
    assert c.get("/articles").status_code == 200
    assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
    assert c.get("/queries").status_code == 200
    assert c.get("/", follow_redirects=False).headers["location"] == "/articles"
    assert c.get("/static/style.css").status_code == 200


# -- highlighting ---------------------------------------------------------------------------------------------------
class _Flat(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text, self.depth, self.max_depth = "", 0, 0
        self.under: list[tuple[str, set[str]]] = []
        self.refs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        self.refs = set((dict(attrs).get("data-claims") or "").split())

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1
        self.refs = set()

    def handle_data(self, data: str) -> None:
        self.text += data
        self.under.append((data, self.refs))


@pytest.mark.parametrize("seed", range(20))
def test_overlapping_spans_never_cross_tags(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab <>&\"'\n") for _ in range(60))
    marks = []
    for i in range(rng.randint(1, 8)):
        a = rng.randint(-3, 62)
        marks.append(Mark(a, a + rng.randint(0, 25), rng.choice(["statement", "meeting", "prediction"]), f"m{i}"))
    html = str(highlight(text, marks))
    flat = _Flat()
    flat.feed(html)
    assert flat.text == text and flat.depth == 0 and flat.max_depth <= 1  # flat segments: no nesting, no crossing
    covered: dict[str, str] = defaultdict(str)
    for data, refs in flat.under:
        for r in refs:
            covered[r] += data
    for m in marks:
        want = text[max(m.start, 0):min(m.end, len(text))]
        assert covered.get(m.ref, "") == want


def test_segments_of_nested_spans() -> None:
    pieces = segments("abcdef", [Mark(0, 6, "statement", "s"), Mark(2, 4, "prediction", "p")])
    assert [(p.text, [m.ref for m in p.marks]) for p in pieces] == [("ab", ["s"]), ("cd", ["s", "p"]), ("ef", ["s"])]
    assert KG.articleBody  # the property the text is stored under
