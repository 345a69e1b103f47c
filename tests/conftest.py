"""Shared fixtures: a fresh in-memory store, and one seeded with seeds/ (session-wide, read it only)."""

from __future__ import annotations

import pytest

from kg.paths import data_dir
from kg.store import MemoryStore


@pytest.fixture
def store() -> MemoryStore:
    """A fresh, empty in-memory store."""
    return MemoryStore()


@pytest.fixture(scope="session")
def seeded_store() -> MemoryStore:
    """An in-memory store holding everything in seeds/ (the seed article and the later sources).

    Shared by the whole session: tests must not write to it (use ``store`` and ingest for that).
    """
    from kg.ingest import ingest

    s = MemoryStore()
    result = ingest(s, [data_dir("seeds")])
    assert result.ok, [(o.path, o.message) for o in result.outcomes if o.status != "ingested"]
    return s


# -- kg serve in a subprocess (endpoint tests) ----------------------------------------------------------------
@pytest.fixture(scope="session")
def kg_serve():  # type: ignore[no-untyped-def]
    """Start ``kg serve`` on a free loopback port: ``kg_serve(store_path, *options)`` returns its base URL.

    Every server started is stopped at the end of the session.
    """
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    started: list[subprocess.Popen[bytes]] = []

    def start(store_path, *options: str) -> str:  # type: ignore[no-untyped-def]
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--store", str(store_path), "--port", str(port), *options],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        started.append(proc)
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            if proc.poll() is not None:
                pytest.fail(f"kg serve exited: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                if httpx.get(f"{base}/queries", timeout=2).status_code == 200:
                    return base
            except httpx.TransportError:
                time.sleep(0.1)
        pytest.fail("kg serve did not start")

    yield start
    for proc in started:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()
