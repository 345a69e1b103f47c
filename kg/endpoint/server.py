"""Running the endpoint: listen on a checked address, then hand the socket to uvicorn."""

from __future__ import annotations

import socket
from collections.abc import Callable

from kg.endpoint.app import EndpointSettings, create_app
from kg.errors import StoreError, UsageError
from kg.querypool import QueryPool, ServerPool
from kg.queryworker import StoreSource

H11_MAX_EVENT = 4 * 1024 * 1024  # read a long request line whole, so the app can answer 414 rather than reset


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on *host*:*port*; UsageError for a port out of range, StoreError if taken."""
    if not 0 < port < 65536:
        raise UsageError(f"--port {port} is not a TCP port", hint="give 1-65535")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as e:
        raise UsageError(f"--host {host!r} is not an address here ({e})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as e:
        sock.close()
        raise StoreError(f"cannot listen on {host}:{port}: {e.strerror or e}",
                         hint="choose another --port, or stop what uses it") from None
    return sock


def serve(source: StoreSource | str, *, settings: EndpointSettings, port: int,
          announce: Callable[[str], None] = print) -> None:
    """Serve the store *source* names until interrupted (workers start before the first request); a server URL
    (``http(s)://``) is served by passing the queries to that server."""
    import uvicorn

    sock = listen(settings.host, port)
    pool: QueryPool | ServerPool
    if isinstance(source, str):
        from kg.store import open_store

        pool = ServerPool(open_store(source, read_only=True), limits=settings.limits)
    else:
        pool = QueryPool(source, limits=settings.limits, workers=settings.workers)
    try:
        pool.run("ASK { }")  # the first worker opens the store: a store that cannot be read fails here
        app = create_app(pool, settings=settings)
        shown = f"[{settings.host}]" if ":" in settings.host else settings.host
        announce(f"kg: serving http://{shown}:{port}/sparql (read-only; query page at /query)")
        # the socket itself, not its fd: uvicorn would take an fd for a Unix socket and leave Nagle on
        config = uvicorn.Config(app, log_level="warning", http="h11", h11_max_incomplete_event_size=H11_MAX_EVENT)
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        pool.close()
        sock.close()
