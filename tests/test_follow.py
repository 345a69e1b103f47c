"""Articles from the web: `kg ingest URL`, `kg follow`, politeness, dedupe and corrections.

A real HTTP server on a loopback port serves fixture pages written for these tests (HTML with metadata, a
redirect, a 404, a slow page, a huge page, robots.txt), an RSS feed, an Atom feed and a sitemap.
"""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.fetch import Fetcher, FetchError, FetchPolicy
from kg.follow import add_feed, feeds, fetch_articles, remove_feed, run_feeds
from kg.paths import data_dir
from kg.store import MemoryStore, OxigraphStore


def article_page(title: str, body: str, *, author: str = "Rosa Quill", date: str = "2024-03-04",
                 canonical: str | None = None) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n") if p.strip())
    canon = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!doctype html><html><head><title>{html.escape(title)}</title>{canon}
<meta name="author" content="{author}"><meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="{date}T08:00:00Z"><meta property="og:title" content="{title}">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{html.escape(title)}</h1>{paras}</article><footer>Subscribe to our newsletter.</footer></body></html>"""


PORT_FERRY = article_page(
    "Island council approves new ferry timetable",
    "The island council approved a new ferry timetable on Monday after a long debate, its chair Nora Vance said."
    "\n\nThe new timetable adds two evening crossings and starts in May, according to the council's transport "
    "committee.\n\n\"We listened to the commuters and we acted,\" Vance told reporters after the vote.",
)
HARBOUR = article_page(
    "Harbour dredging to resume after storm delay",
    "Dredging of the harbour channel will resume next week after storms delayed the work, the port authority "
    "said on Tuesday.\n\nPort director Ivo Brand said the channel would reopen to large ships by the end of "
    "April.",
    date="2024-03-05",
)


def seed_later_page(name: str) -> str:
    """A page made from one of the project's own later-source texts (seeds/later, written for kg)."""
    text = (data_dir("seeds") / "later" / name).read_text(encoding="utf-8")
    head, _, body = text.removeprefix("---\n").partition("\n---\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    return article_page(meta.get("title", "Untitled"), body.strip(), author=meta.get("author", "kg demo desk"),
                        date=meta.get("published", "2018-09-18"))


@dataclass
class Site:
    """What the fixture server serves; tests change ``pages`` to publish or correct an article."""

    pages: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # path -> (status, type, body)
    requests: list[tuple[str, str, float]] = field(default_factory=list)  # (path, user agent, time)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            site.requests.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
            if self.path == "/slow":
                time.sleep(3)
            if self.path == "/huge":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                try:
                    for _ in range(200):
                        self.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            if self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
                return
            if self.path == "/old-ferry":
                self.send_response(301)
                self.send_header("Location", "/news/ferry")
                self.end_headers()
                return
            status, ctype, body = site.pages.get(self.path, (404, "text/plain", "not found"))
            data = body.encode("utf-8")
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            if status == 200:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(data)

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    s.pages.update({
        "/robots.txt": (200, "text/plain", "User-agent: *\nDisallow: /private/\n"),
        "/news/ferry": (200, "text/html; charset=utf-8", PORT_FERRY),
        "/news/harbour": (200, "text/html; charset=utf-8", HARBOUR),
        "/private/memo": (200, "text/html", article_page("Internal memo", "Staff will meet on Friday.")),
        "/feed.rss": (200, "application/rss+xml", f"""<?xml version="1.0"?><rss version="2.0"><channel>
<title>Gazette</title><link>{s.base}/</link>
<item><title>Ferry</title><link>{s.base}/news/ferry</link><pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate></item>
</channel></rss>"""),
        "/feed.atom": (200, "application/atom+xml", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title><id>urn:x</id><updated>2024-03-05T08:00:00Z</updated>
<entry><title>Harbour</title><id>urn:h</id><link href="{s.base}/news/harbour"/>
<updated>2024-03-05T08:00:00Z</updated></entry>
</feed>"""),
        "/sitemap.xml": (200, "application/xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{s.base}/sitemap-news.xml</loc></sitemap>
</sitemapindex>"""),
        "/sitemap-news.xml": (200, "application/xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{s.base}/news/ferry</loc><lastmod>2024-03-04</lastmod></url>
<url><loc>{s.base}/news/harbour</loc><lastmod>2024-03-05</lastmod></url></urlset>"""),
    })
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()


def fetcher(**kw: object) -> Fetcher:
    policy = {"allow_private": True, "delay": 0.0, "timeout": 1.0, "max_bytes": 200_000, **kw}
    return Fetcher(FetchPolicy(**policy))  # type: ignore[arg-type]


def article_rows(store: MemoryStore) -> dict[str, tuple[str, str, str, str]]:
    q = """SELECT ?url ?title ?published ?outlet WHERE { ?a a kg:Article ; kg:url ?url ; kg:title ?title ;
             kg:published ?published ; kg:outlet/rdfs:label ?outlet }"""
    return {r["url"].value: (r["title"].value, r["published"].value, r["outlet"].value, "") for r in store.query(q)}


# -- kg ingest URL --------------------------------------------------------------------------------------------


def test_ingest_url_keeps_page_metadata_and_raw_html(site: Site, tmp_path: Path) -> None:
    store = MemoryStore()
    with fetcher() as f:
        out = fetch_articles(store, [site.url("/news/ferry")], fetcher=f, archive=tmp_path)
    assert [o.status for o in out] == ["ingested"], out
    rows = article_rows(store)
    title, published, outlet, _ = rows[site.url("/news/ferry")]
    assert title == "Island council approves new ferry timetable"
    assert published == "2024-03-04"
    assert outlet == "The Harbour Gazette"
    saved = list(tmp_path.glob("*.html"))
    assert len(saved) == 1 and "ferry timetable" in saved[0].read_text(encoding="utf-8")
    assert list(tmp_path.glob("*.meta.json")), "the sidecar with the URL travels with the raw page"
    speakers = {r["label"].value for r in store.query(
        "SELECT ?label WHERE { ?s a kg:Statement ; kg:speaker/rdfs:label ?label }")}
    assert any("Vance" in s for s in speakers)


def test_redirect_is_followed_and_canonical_url_kept(site: Site, tmp_path: Path) -> None:
    site.pages["/news/ferry"] = (200, "text/html", article_page(
        "Island council approves new ferry timetable", "The council approved the timetable on Monday.",
        canonical=site.url("/news/ferry")))
    store = MemoryStore()
    with fetcher() as f:
        out = fetch_articles(store, [site.url("/old-ferry")], fetcher=f, archive=tmp_path)
    assert out[0].status == "ingested", out
    assert site.url("/news/ferry") in article_rows(store)


@pytest.mark.parametrize(
    ("path", "policy", "words"),
    [
        ("/missing", {}, "HTTP 404"),
        ("/slow", {}, "no answer within"),
        ("/huge", {}, "byte limit"),
        ("/loop", {}, "redirects"),
        ("/private/memo", {}, "robots.txt"),
        ("/news/ferry", {"allow_private": False}, "private or loopback"),
    ],
)
def test_refusals_are_one_line_per_url_and_others_still_land(
    site: Site, tmp_path: Path, path: str, policy: dict[str, object], words: str
) -> None:
    store = MemoryStore()
    with fetcher(**policy) as f:
        out = fetch_articles(store, [site.url(path), site.url("/news/harbour")], fetcher=f, archive=tmp_path)
    bad, good = out
    assert bad.status == "failed" and words in (bad.message or ""), bad
    assert "\n" not in (bad.message or "")
    if policy.get("allow_private") is False:
        assert good.status == "failed"  # the same loopback host
    else:
        assert good.status == "ingested", good


def test_only_http_and_https() -> None:
    with Fetcher() as f, pytest.raises(FetchError, match="only http and https"):
        f.get("file:///etc/passwd")


def test_politeness_user_agent_robots_once_and_delay(site: Site, tmp_path: Path) -> None:
    store = MemoryStore()
    with fetcher(delay=0.3) as f:
        fetch_articles(store, [site.url("/news/ferry"), site.url("/news/harbour")], fetcher=f, archive=tmp_path)
    assert all(ua.startswith("kg/") for _, ua, _ in site.requests)
    assert [p for p, _, _ in site.requests].count("/robots.txt") == 1
    times = [t for _, _, t in site.requests]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.25, gaps  # the per-host delay, not a speed


def test_cli_ingest_url_prints_a_line_per_url(site: Site, tmp_path: Path) -> None:
    runner = CliRunner()
    store = tmp_path / "kg-data"
    r = runner.invoke(app, ["ingest", site.url("/news/ferry"), site.url("/missing"), "--allow-private",
                            "--store", str(store)])
    assert r.exit_code == 3, r.output
    assert f"ingested {site.url('/news/ferry')}" in r.stdout
    assert "HTTP 404" in r.stderr and "Traceback" not in r.stderr
    assert (tmp_path / "kg-data.pages").is_dir()
    r = runner.invoke(app, ["ingest", site.url("/news/ferry"), "--store", str(store)])
    assert r.exit_code == 3 and "private or loopback" in r.stderr


# -- kg follow ------------------------------------------------------------------------------------------------


def test_follow_add_list_remove(site: Site) -> None:
    store = MemoryStore()
    add_feed(store, site.url("/feed.rss"), every=3600)
    add_feed(store, site.url("/sitemap.xml"), every=86400)
    add_feed(store, site.url("/feed.rss"), every=1800)
    assert [(f.url, f.every) for f in feeds(store)] == [(site.url("/feed.rss"), 1800),
                                                          (site.url("/sitemap.xml"), 86400)]
    remove_feed(store, site.url("/feed.rss"))
    assert [f.url for f in feeds(store)] == [site.url("/sitemap.xml")]


def test_follow_run_ingests_feeds_and_sitemaps_then_dedupes(site: Site, tmp_path: Path) -> None:
    store = MemoryStore()
    for feed in ("/feed.rss", "/feed.atom", "/sitemap.xml"):
        add_feed(store, site.url(feed))
    with fetcher() as f:
        first = run_feeds(store, fetcher=f, archive=tmp_path, resolve=False)
    assert first.discovered == 2 and first.count("ingested") == 2, first.summary()
    assert not first.feed_errors
    with fetcher() as f:
        again = run_feeds(store, fetcher=f, archive=tmp_path, every_feed=True, resolve=False)
    assert again.count("ingested") == 0 and again.count("unchanged") == 2, again.summary()
    # not due yet: nothing is fetched at all
    before = len(site.requests)
    with fetcher() as f:
        idle = run_feeds(store, fetcher=f, archive=tmp_path, resolve=False)
    assert idle.feeds == [] and len(site.requests) == before


def test_follow_run_reingests_a_corrected_page_as_the_same_article(site: Site, tmp_path: Path) -> None:
    store = MemoryStore()
    add_feed(store, site.url("/feed.rss"))
    with fetcher() as f:
        run_feeds(store, fetcher=f, archive=tmp_path, resolve=False)
    graphs_before = {g for g in store.graph_names() if "/article/" in g}
    site.pages["/news/ferry"] = (200, "text/html", PORT_FERRY.replace(
        "adds two evening crossings", "adds three evening crossings"))
    with fetcher() as f:
        run = run_feeds(store, fetcher=f, archive=tmp_path, every_feed=True, resolve=False)
    assert run.count("corrected") == 1, run.summary()
    assert {g for g in store.graph_names() if "/article/" in g} == graphs_before
    texts = [r["t"].value for r in store.query("SELECT ?t WHERE { ?s a kg:Statement ; kg:text ?t }")]
    assert not any("two evening crossings" in t for t in texts)


def test_cli_follow_run_settles_an_open_prediction(site: Site, tmp_path: Path) -> None:
    """The seed forecasts a Moon-Kim summit in Pyongyang; a later page found through the feed confirms it."""
    site.pages["/news/moon"] = (200, "text/html", seed_later_page("2018-09-18_moon-arrives-pyongyang.txt"))
    site.pages["/moon.rss"] = (200, "application/rss+xml", f"""<rss version="2.0"><channel><title>T</title>
<item><link>{site.url('/news/moon')}</link></item></channel></rss>""")
    runner = CliRunner()
    store = str(tmp_path / "kg-data")
    seed = data_dir("seeds") / "000_4f70852738a6ae05.txt"
    assert runner.invoke(app, ["ingest", str(seed), "--store", store]).exit_code == 0
    r = runner.invoke(app, ["follow", "add", site.url("/moon.rss"), "--every", "1h", "--store", store])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["follow", "list", "--store", store, "--format", "json"])
    assert site.url("/moon.rss") in r.stdout
    r = runner.invoke(app, ["follow", "run", "--once", "--allow-private", "--store", store])
    assert r.exit_code == 0, r.output
    assert "follow run: 1 feed(s) checked, 1 URL(s) listed: 1 ingested" in r.stdout
    s = OxigraphStore(store, read_only=True)
    try:
        rows = [(x["text"].value, x["status"].value) for x in s.query(
            """SELECT ?text ?status WHERE { ?p a kg:Prediction ; kg:text ?text .
                 GRAPH kgg:status { ?p kg:status ?status } }""")]
    finally:
        s.close()
    assert any("fifth inter-Korean summit" in t and s.endswith("confirmed") for t, s in rows), rows


def test_every_must_be_a_period(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["follow", "add", "https://example.org/feed", "--every", "soon",
                                 "--store", str(tmp_path / "s")])
    assert r.exit_code == 2 and "not a period" in r.stderr
