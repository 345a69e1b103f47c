"""Articles from the web: ingest URLs, follow feeds and sitemaps over time, re-ingest corrected pages.

Two graphs of the store keep the state, so a restart resumes where the last run ended:

- ``kgg:pages``: every page kg fetched (``kg:WebPage``): its URL, canonical URL, ETag / Last-Modified (for
  conditional requests next time), SHA-256 of the text it gave, when it was fetched, and the article it became;
- ``kgg:follow``: the feeds and sitemaps followed (``kg:Feed``): URL, how often (``kg:every``, seconds), when
  last checked, and the last run's summary.

The raw HTML of each page is kept in an archive folder next to the store (``<store>.pages/``) with a
``.meta.json`` sidecar, so that a re-extraction needs no new fetch: ``kg ingest <store>.pages/`` re-reads them.

A page whose canonical URL is already stored with the same text is *unchanged* and skipped; with another text
it is a *correction*: re-ingested into the same article graph (node IRIs derive from their words, so unchanged
statements keep theirs) and the judgements that cite it are re-checked by the resolver.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pyoxigraph as ox
from lxml import etree
from lxml import html as lxml_html

from kg.articles import Metadata, read_article
from kg.errors import InputError, KgError, UsageError
from kg.feeds import Entry, entries
from kg.fetch import Fetcher, FetchError, check_url
from kg.ingest import ingest
from kg.namespaces import FOLLOW_GRAPH, KG, PAGES_GRAPH, feed_iri, page_iri
from kg.output import write_bytes
from kg.records import ArticleRecord, Records
from kg.store.base import Store

__all__ = [
    "Feed",
    "FollowRun",
    "PageOutcome",
    "add_feed",
    "archive_dir",
    "feeds",
    "fetch_articles",
    "parse_every",
    "remove_feed",
    "run_feeds",
]

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_PAGES = ox.NamedNode(str(PAGES_GRAPH))
MAX_SITEMAP_DEPTH = 2


def archive_dir(store: str | Path | None) -> Path:
    """Where the raw pages of the store are kept: ``<store>.pages`` beside an embedded store's directory;
    ``./kg-remote.pages`` for a store on a server (``KG_PAGES`` names another folder)."""

    from kg.store import DEFAULT_PATH, is_remote

    if os.environ.get("KG_PAGES"):
        return Path(os.environ["KG_PAGES"])
    if is_remote(store):
        return Path("kg-remote.pages")
    path = Path(store or DEFAULT_PATH)
    return path.with_name(path.name + ".pages")


def parse_every(value: str) -> int:
    """Seconds in a period written ``90s``, ``30m``, ``1h``, ``2d`` (at least a minute).

    >>> parse_every("1h"), parse_every("45m")
    (3600, 2700)
    """
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = value.strip().lower()
    if len(text) < 2 or text[-1] not in units or not text[:-1].isdigit():
        raise UsageError(f"--every '{value}' is not a period", hint="write it as 30m, 1h or 1d")
    seconds = int(text[:-1]) * units[text[-1]]
    if seconds < 60:
        raise UsageError(f"--every '{value}' is shorter than a minute", hint="poll a source at most once a minute")
    return seconds


# -- pages --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageOutcome:
    """What became of one URL: ingested, corrected, unchanged, refused (shapes) or failed (with why)."""

    url: str
    status: str
    article: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class _Known:
    node: str
    etag: str | None
    last_modified: str | None
    text_hash: str | None


def _literal(value: str, kind: str | None = None) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + kind)) if kind else ox.Literal(value)


def _known_pages(store: Store) -> dict[str, _Known]:
    q = f"""SELECT ?page ?url ?canonical ?etag ?lm ?hash WHERE {{ GRAPH <{PAGES_GRAPH}> {{
             ?page a kg:WebPage ; kg:pageUrl ?url .
             OPTIONAL {{ ?page kg:canonicalUrl ?canonical }} OPTIONAL {{ ?page kg:etag ?etag }}
             OPTIONAL {{ ?page kg:lastModified ?lm }} OPTIONAL {{ ?page kg:textHash ?hash }} }} }}"""
    known: dict[str, _Known] = {}
    for row in store.query(q):
        k = _Known(
            row["page"].value,
            row["etag"].value if row["etag"] else None,
            row["lm"].value if row["lm"] else None,
            row["hash"].value if row["hash"] else None,
        )
        known[row["url"].value] = k
        if row["canonical"]:
            known.setdefault(row["canonical"].value, k)
    return known


def _stored_hashes(store: Store) -> dict[str, str]:
    """Text hash of every stored article, by URL (what dedupe and correction compare against)."""
    q = "SELECT ?url ?hash WHERE { ?a a kg:Article ; kg:url ?url ; kg:contentHash ?hash }"
    return {row["url"].value: row["hash"].value for row in store.query(q)}


def _canonical(page_html: str, base: str) -> str:
    """The page's ``<link rel="canonical">`` (else ``og:url``), resolved against *base*; else *base*."""
    try:
        doc = lxml_html.fromstring(page_html)
    except (ValueError, etree.ParserError):  # an empty or unreadable document: no canonical link
        return base
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = [v.strip() for v in doc.xpath(xpath) if str(v).strip()]
        if found:
            try:
                return check_url(urljoin(base, found[0]))
            except FetchError:
                continue
    return base


def _archive(archive: Path, canonical: str, body: bytes, fetched: str) -> Path:
    archive.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
    page = archive / f"{name}.html"
    write_bytes(archive / f"{name}.meta.json", json.dumps({"url": canonical, "retrieved": fetched}).encode())
    write_bytes(page, body)
    return page


def _page_triples(url: str, canonical: str, page_etag: str | None, page_lm: str | None, text_hash: str,
                  fetched: str, article: str | None) -> list[ox.Quad]:
    node = ox.NamedNode(str(page_iri(url)))
    g = _PAGES
    quads = [
        ox.Quad(node, RDF_TYPE, _kg("WebPage"), g),
        ox.Quad(node, _kg("pageUrl"), _literal(url, "anyURI"), g),
        ox.Quad(node, _kg("canonicalUrl"), _literal(canonical, "anyURI"), g),
        ox.Quad(node, _kg("textHash"), _literal(text_hash), g),
        ox.Quad(node, _kg("fetched"), _literal(fetched, "dateTime"), g),
    ]
    if page_etag:
        quads.append(ox.Quad(node, _kg("etag"), _literal(page_etag), g))
    if page_lm:
        quads.append(ox.Quad(node, _kg("lastModified"), _literal(page_lm), g))
    if article:
        quads.append(ox.Quad(node, _kg("becameArticle"), ox.NamedNode(article), g))
    return quads


def _kg(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(getattr(KG, name)))


def _save_pages(store: Store, quads: list[ox.Quad]) -> None:
    """Replace the page records named in *quads* inside ``kgg:pages`` (one transaction)."""
    if not quads:
        return
    nodes = {q.subject for q in quads}
    keep = [q for q in store.quads(str(PAGES_GRAPH)) if q.subject not in nodes]
    store.replace_graphs({str(PAGES_GRAPH): [ox.Triple(q.subject, q.predicate, q.object) for q in keep + quads]})


def fetch_articles(
    store: Store,
    urls: Iterable[str],
    *,
    fetcher: Fetcher,
    archive: Path,
    meta: Metadata | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[PageOutcome]:
    """Fetch each URL, keep its HTML in *archive*, and ingest it unless the store already has that text.

    Each URL ends as one :class:`PageOutcome`; a failure on one never stops the others.
    """
    todo = list(dict.fromkeys(urls))
    known = _known_pages(store)
    stored = _stored_hashes(store)
    out: list[PageOutcome] = []
    page_quads: list[ox.Quad] = []
    for i, url in enumerate(todo, 1):
        try:
            out.append(_one_page(store, url, fetcher, archive, meta, force, known, stored, page_quads))
        except KgError as e:
            out.append(PageOutcome(url, "failed", message=str(e)))
        if progress:
            progress(i, len(todo))
    _save_pages(store, page_quads)
    return out


def _one_page(store: Store, url: str, fetcher: Fetcher, archive: Path, meta: Metadata | None, force: bool,
              known: dict[str, _Known], stored: dict[str, str], page_quads: list[ox.Quad]) -> PageOutcome:
    url = check_url(url)
    before = known.get(url)
    page = fetcher.get(url, etag=before.etag if before else None,
                       last_modified=before.last_modified if before else None)
    if page.not_modified:
        return PageOutcome(url, "unchanged", message="not modified since the last fetch")
    ctype = page.content_type.split(";")[0].strip().lower()
    if ctype and ctype not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise InputError(f"{url}: {ctype} is not an article page", hint="give the address of an HTML article")
    html = page.text()
    canonical = _canonical(html, page.final_url) if ctype != "text/plain" else page.final_url
    path = _archive(archive, canonical, page.body, page.fetched)
    given = meta or Metadata()
    source = read_article(path, Metadata(**{**given.__dict__, "url": given.url or canonical}))
    record = source.article if isinstance(source, Records) else source
    assert isinstance(record, ArticleRecord)
    text_hash = record.content_hash or ""
    previous = stored.get(record.url or canonical)
    if previous == text_hash and not force:
        page_quads += _page_triples(url, canonical, page.etag, page.last_modified, text_hash, page.fetched, None)
        return PageOutcome(url, "unchanged", message="the store holds this text already")
    if previous is None and text_hash in stored.values() and not force:
        return PageOutcome(url, "unchanged", message="the same text is stored under another URL")
    result = ingest(store, [path], meta=Metadata(**{**given.__dict__, "url": record.url or canonical}), force=force)
    o = result.outcomes[0]
    if o.status != "ingested":
        return PageOutcome(url, o.status, message=o.message)
    page_quads += _page_triples(url, canonical, page.etag, page.last_modified, text_hash, page.fetched, o.article)
    stored[record.url or canonical] = text_hash
    return PageOutcome(url, "corrected" if previous is not None else "ingested", article=o.article)


# -- feeds ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Feed:
    """A followed feed or sitemap."""

    url: str
    every: int
    last_checked: str | None = None
    last_result: str | None = None

    def due(self, now: dt.datetime) -> bool:
        """True when the feed has not been checked within its period."""
        if self.last_checked is None:
            return True
        last = dt.datetime.fromisoformat(self.last_checked)
        return (now - last).total_seconds() >= self.every


def feeds(store: Store) -> list[Feed]:
    """The followed feeds, in the order they were added."""
    q = f"""SELECT ?url ?every ?checked ?result ?added WHERE {{ GRAPH <{FOLLOW_GRAPH}> {{ ?f a kg:Feed ;
             kg:feedUrl ?url ; kg:every ?every ; kg:added ?added . OPTIONAL {{ ?f kg:lastChecked ?checked }}
             OPTIONAL {{ ?f kg:lastResult ?result }} }} }} ORDER BY ?added ?url"""
    return [
        Feed(r["url"].value, int(r["every"].value), r["checked"].value if r["checked"] else None,
             r["result"].value if r["result"] else None)
        for r in store.query(q)
    ]


def _feed_quads(feed: Feed, added: str) -> list[ox.Triple]:
    node = ox.NamedNode(str(feed_iri(feed.url)))
    out = [
        ox.Triple(node, RDF_TYPE, _kg("Feed")),
        ox.Triple(node, _kg("feedUrl"), _literal(feed.url, "anyURI")),
        ox.Triple(node, _kg("every"), _literal(str(feed.every), "integer")),
        ox.Triple(node, _kg("added"), _literal(added, "dateTime")),
    ]
    if feed.last_checked:
        out.append(ox.Triple(node, _kg("lastChecked"), _literal(feed.last_checked, "dateTime")))
    if feed.last_result:
        out.append(ox.Triple(node, _kg("lastResult"), _literal(feed.last_result)))
    return out


def _save_feeds(store: Store, updated: list[Feed], *, drop: str | None = None) -> None:
    added = {r["url"].value: r["added"].value for r in store.query(
        f"SELECT ?url ?added WHERE {{ GRAPH <{FOLLOW_GRAPH}> {{ ?f kg:feedUrl ?url ; kg:added ?added }} }}")}
    now = _now().isoformat(timespec="seconds")
    current = {f.url: f for f in feeds(store)}
    current.update({f.url: f for f in updated})
    current.pop(drop or "", None)
    triples = [t for f in current.values() for t in _feed_quads(f, added.get(f.url, now))]
    store.replace_graphs({str(FOLLOW_GRAPH): triples})


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def add_feed(store: Store, url: str, *, every: int = 3600) -> Feed:
    """Follow the feed or sitemap at *url* (checked every *every* seconds); adding it again changes the period."""
    feed = Feed(check_url(url), every)
    old = {f.url: f for f in feeds(store)}.get(feed.url)
    if old is not None:
        feed = Feed(feed.url, every, old.last_checked, old.last_result)
    _save_feeds(store, [feed])
    return feed


def remove_feed(store: Store, url: str) -> None:
    """Stop following *url*; pages already ingested stay.

    Raises:
        UsageError: *url* is not followed.
    """
    target = check_url(url)
    if target not in {f.url for f in feeds(store)}:
        raise UsageError(f"{url} is not followed", hint="see 'kg follow list'")
    _save_feeds(store, [], drop=target)


@dataclass
class FollowRun:
    """One pass over the due feeds: what each feed announced and what became of each new URL."""

    feeds: list[Feed] = field(default_factory=list)
    discovered: int = 0
    pages: list[PageOutcome] = field(default_factory=list)
    feed_errors: list[str] = field(default_factory=list)
    judgements_changed: int = 0

    def count(self, status: str) -> int:
        """How many pages ended with *status*."""
        return sum(1 for p in self.pages if p.status == status)

    def summary(self) -> str:
        """One line: feeds checked, URLs discovered, and what became of them."""
        parts = [f"{self.count(s)} {s}" for s in ("ingested", "corrected", "unchanged", "refused", "failed")]
        return (f"{len(self.feeds)} feed(s) checked, {self.discovered} URL(s) listed: " + ", ".join(parts)
                + f"; {len(self.feed_errors)} feed error(s); {self.judgements_changed} judgement(s) changed")


def _listed(fetcher: Fetcher, url: str, depth: int = 0) -> list[Entry]:
    page = fetcher.get(url)
    listing = entries(page.body, page.final_url)
    found = list(listing.items)
    if depth < MAX_SITEMAP_DEPTH:
        for child in listing.children:
            found += _listed(fetcher, child, depth + 1)
    return found


def run_feeds(
    store: Store,
    *,
    fetcher: Fetcher,
    archive: Path,
    now: dt.datetime | None = None,
    every_feed: bool = False,
    resolve: bool = True,
) -> FollowRun:
    """Check the due feeds (all with *every_feed*), ingest what is new or changed, then re-resolve.

    URLs a feed lists are fetched with conditional requests when kg has seen them before, so an unchanged page
    costs a 304; a changed one is re-ingested as a correction.
    """
    now = now or _now()
    run = FollowRun()
    urls: list[str] = []
    for feed in feeds(store):
        if not (every_feed or feed.due(now)):
            continue
        try:
            listed = _listed(fetcher, feed.url)
            urls += [e.url for e in listed]
            result = f"{len(listed)} URL(s) listed"
        except KgError as e:
            run.feed_errors.append(str(e))
            result = f"error: {e}"
        run.feeds.append(Feed(feed.url, feed.every, now.isoformat(timespec="seconds"), result))
    urls = list(dict.fromkeys(urls))
    run.discovered = len(urls)
    run.pages = fetch_articles(store, urls, fetcher=fetcher, archive=archive)
    if resolve and (run.count("ingested") or run.count("corrected")):
        from kg.resolve import resolve as judge_all

        run.judgements_changed = sum(1 for j in judge_all(store) if j.written)
    if run.feeds:
        _save_feeds(store, run.feeds)
    return run
