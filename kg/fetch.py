"""Fetching web pages politely and safely: the one way kg reads the web.

A :class:`Fetcher` sends every request of kg (article pages, feeds, sitemaps, robots.txt). By default it

- names itself (``User-Agent: kg/<version> (+https://w3id.org/kg)``),
- honours ``robots.txt`` (fetched once per host, cached; a missing robots.txt allows everything),
- waits ``delay`` seconds between two requests to one host,
- gives up after ``timeout`` seconds, reads at most ``max_bytes`` of a body, follows at most ``max_redirects``,
- speaks only ``http`` and ``https``,
- refuses hosts that resolve to private, loopback, link-local or reserved addresses (``allow_private=True``
  lifts that for an intranet or a test server). Every redirect hop is checked again.

Errors are :class:`FetchError` (an :class:`~kg.errors.InputError`, exit 3) naming the URL and the reason, so a
caller fetching many URLs reports each failure on its own line and goes on.

>>> FetchPolicy().user_agent.startswith("kg/")
True
>>> check_url("ftp://example.org/x")
Traceback (most recent call last):
...
kg.fetch.FetchError: ftp://example.org/x: only http and https URLs are fetched
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from kg import __version__
from kg.errors import InputError

__all__ = ["FetchError", "FetchPolicy", "Fetcher", "Page", "check_url"]


class FetchError(InputError):
    """A URL could not be fetched (refused by policy, unreachable, too large, an HTTP error)."""


@dataclass(frozen=True)
class FetchPolicy:
    """How polite and how careful a :class:`Fetcher` is."""

    user_agent: str = f"kg/{__version__} (+https://w3id.org/kg; news claim tracker)"
    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    delay: float = 1.0
    allow_private: bool = False
    robots: bool = True


@dataclass(frozen=True)
class Page:
    """One fetched resource: what was asked, where it ended, and what came back."""

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    fetched: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional request."""
        return self.status == 304

    def text(self) -> str:
        """The body decoded (charset of the Content-Type, else UTF-8 with replacement)."""
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def check_url(url: str) -> str:
    """The URL without its fragment, or a FetchError when it is not an absolute http(s) URL."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs are fetched")
    if not parts.hostname:
        raise FetchError(f"{url}: the URL has no host")
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class Fetcher:
    """Fetches URLs under a :class:`FetchPolicy`; one instance per run keeps robots.txt and host timers."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent},
            timeout=self.policy.timeout,
            follow_redirects=False,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last: dict[str, float] = {}

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- policy ----------------------------------------------------------------------------------------------

    def _check_host(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if self.policy.allow_private:
            return
        try:
            infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
        except (socket.gaierror, UnicodeError):
            raise FetchError(f"{url}: host {host} cannot be resolved") from None
        for info in infos:
            if not _public(str(info[4][0])):
                raise FetchError(
                    f"{url}: host {host} is a private or loopback address ({info[4][0]})",
                    hint="pass --allow-private to fetch from your own network",
                )

    def allowed(self, url: str) -> bool:
        """True when the host's robots.txt lets kg's user agent fetch *url* (always, with robots off)."""
        if not self.policy.robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.policy.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            page = self._get(origin + "/robots.txt", {}, robots=False)
        except FetchError:
            return None  # unreachable robots.txt: nothing forbids (the page request will report its own error)
        if page.status >= 400:
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(page.text().splitlines())
        return rules

    def _wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            pause = self.policy.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    # -- requests --------------------------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Page:
        """Fetch *url* under the policy; a conditional GET when *etag* / *last_modified* are given.

        Raises:
            FetchError: the URL is refused (scheme, address, robots.txt), unreachable, times out, answers an
                HTTP error, redirects too often, or sends more than ``max_bytes``.
        """
        url = check_url(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        page = self._get(url, headers, robots=True)
        if page.status >= 400:
            raise FetchError(f"{url}: HTTP {page.status}")
        return page

    def _get(self, url: str, headers: dict[str, str], *, robots: bool) -> Page:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            current = check_url(current)
            self._check_host(current)
            if robots and not self.allowed(current):
                raise FetchError(f"{current}: robots.txt of the site disallows it for kg")
            self._wait(current)
            status, head, body = self._request(current, headers)
            location = head.get("location")
            if status in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location)
                continue
            return Page(
                url=url, final_url=current, status=status, body=body,
                content_type=head.get("content-type", ""), etag=head.get("etag"),
                last_modified=head.get("last-modified"),
            )
        raise FetchError(f"{url}: more than {self.policy.max_redirects} redirects")

    def _request(self, url: str, headers: dict[str, str]) -> tuple[int, httpx.Headers, bytes]:
        limit = self.policy.max_bytes
        deadline = time.monotonic() + self.policy.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                declared = r.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"{url}: {int(declared):,} bytes, more than the {limit:,}-byte limit")
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"{url}: more than the {limit:,}-byte limit")
                    if time.monotonic() > deadline:  # a trickling server: the timeout is for the whole body
                        raise httpx.ReadTimeout("body too slow")
                    chunks.append(chunk)
                return r.status_code, r.headers, b"".join(chunks)
        except httpx.TimeoutException:
            raise FetchError(f"{url}: no answer within {self.policy.timeout:g} s") from None
        except httpx.HTTPError as e:
            raise FetchError(f"{url}: {type(e).__name__}: {e}") from None
