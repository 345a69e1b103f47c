"""Article URLs announced by a source: RSS and Atom feeds (feedparser) and XML sitemaps (lxml).

:func:`entries` takes what a :class:`~kg.fetch.Fetcher` brought back and returns the article URLs with the date
the source gives them, newest first. A sitemap index lists further sitemaps: they come back as
:class:`Listing` ``children`` for the caller to fetch (with the same politeness), never fetched here.

>>> rss = b'''<rss version="2.0"><channel><title>T</title>
... <item><link>https://example.org/a</link><pubDate>Tue, 04 Sep 2018 10:00:00 GMT</pubDate></item>
... </channel></rss>'''
>>> [(e.url, e.updated) for e in entries(rss, "https://example.org/feed.xml").items]
[('https://example.org/a', '2018-09-04T10:00:00+00:00')]
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

import feedparser
from lxml import etree

from kg.fetch import FetchError

__all__ = ["Entry", "Listing", "entries"]

_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_ENTRIES = 5000
"""Most URLs taken from one feed or sitemap."""


@dataclass(frozen=True)
class Entry:
    """One article URL a source announces, with the time it gives (ISO, or None)."""

    url: str
    updated: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Listing:
    """What one feed or sitemap holds: its kind, article entries, and nested sitemaps to fetch."""

    kind: str  # rss | atom | sitemap | sitemapindex
    items: list[Entry] = field(default_factory=list)
    children: list[str] = field(default_factory=list)


def entries(body: bytes, url: str) -> Listing:
    """Parse a feed or sitemap fetched from *url*.

    Raises:
        FetchError: the document is neither an RSS/Atom feed nor a sitemap.
    """
    head = body[:2048].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _sitemap(body, url)
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    version = str(parsed.get("version") or "")
    if not version:
        raise FetchError(f"{url}: not an RSS or Atom feed, nor an XML sitemap")
    found = []
    for e in parsed.entries[:MAX_ENTRIES]:
        link = e.get("link")
        if not link:
            continue
        # ask with `in` first: feedparser warns when a missing updated_parsed falls back to published_parsed
        stamp = e["updated_parsed"] if "updated_parsed" in e else e.get("published_parsed")
        found.append(Entry(url=urljoin(url, link), updated=_iso(stamp), title=e.get("title")))
    kind = "atom" if version.startswith("atom") else "rss"
    return Listing(kind=kind, items=_newest_first(found))


def _iso(stamp: time.struct_time | None) -> str | None:
    if stamp is None:
        return None
    return dt.datetime(*stamp[:6], tzinfo=dt.UTC).isoformat()


def _newest_first(found: list[Entry]) -> list[Entry]:
    seen: set[str] = set()
    unique = [e for e in found if not (e.url in seen or seen.add(e.url))]  # type: ignore[func-returns-value]
    return sorted(unique, key=lambda e: e.updated or "", reverse=True)


def _sitemap(body: bytes, url: str) -> Listing:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as e:
        raise FetchError(f"{url}: the sitemap is not well-formed XML ({e.msg})") from None
    tag = etree.QName(root).localname
    ns = {"s": _SITEMAP_NS}

    def text(el: etree._Element, name: str) -> str | None:
        value = el.findtext(f"s:{name}", namespaces=ns) or el.findtext(name)
        return value.strip() if value else None

    if tag == "sitemapindex":
        kids = [text(s, "loc") for s in root.iter(f"{{{_SITEMAP_NS}}}sitemap", "sitemap")]
        return Listing(kind="sitemapindex", children=[urljoin(url, k) for k in kids if k][:MAX_ENTRIES])
    found = []
    for u in root.iter(f"{{{_SITEMAP_NS}}}url", "url"):
        loc = text(u, "loc")
        if loc:
            found.append(Entry(url=urljoin(url, loc), updated=text(u, "lastmod")))
        if len(found) >= MAX_ENTRIES:
            break
    return Listing(kind="sitemap", items=_newest_first(found))
