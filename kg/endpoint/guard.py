"""What every request passes before it reaches a route: the Host check, and limits on URL and body size.

The endpoint listens on loopback by default, but a web page the user visits can still send requests to it; a
DNS-rebinding page does so under its own host name. So only requests whose ``Host`` is one the server was
started for get through (``localhost``, ``127.0.0.1``, ``[::1]``, the bound host, and ``--allow-host`` names;
``*`` allows any). A URL longer than ``max_url`` gets 414, a body longer than ``max_body`` 413; each error is
one line of text.

>>> host_name("localhost:7878"), host_name("[::1]:80"), host_name("Example.ORG")
('localhost', '[::1]', 'example.org')
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")


class _TooLarge(Exception):
    pass


def host_name(header: str) -> str:
    """The host of a Host header, without its port, lower-cased (IPv6 literals keep their brackets)."""
    h = header.strip().lower()
    if h.startswith("["):
        end = h.find("]")
        return h[: end + 1] if end != -1 else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names accepted by a server bound to *bound*, plus *extra*."""
    names = {*LOCAL_HOSTS, *(host_name(h) for h in extra if h != "*"), *(h for h in extra if h == "*")}
    if bound not in ("0.0.0.0", "::", ""):
        names.add(f"[{bound}]" if ":" in bound and not bound.startswith("[") else bound.lower())
    return frozenset(names)


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware: Host allow-list, 414 for a long URL, 413 for a large body."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str], max_url: int, max_body: int) -> None:
        self.app = app
        self.hosts = hosts
        self.max_url = max_url
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = host_name(headers.get("host", ""))
        if "*" not in self.hosts and host not in self.hosts:
            await _plain(send, 400, f"host '{host}' is not served here; start kg serve with --allow-host {host}")
            return
        url = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if url > self.max_url:
            await _plain(send, 414, f"URL of {url:,} bytes is over the limit of {self.max_url:,}; POST the query")
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            await _plain(send, 413, f"body of {int(length):,} bytes is over the limit of {self.max_body:,}")
            return
        await self._guarded(scope, receive, send)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLarge:
            if not started:
                await _plain(send, 413, f"body is over the limit of {self.max_body:,} bytes")

