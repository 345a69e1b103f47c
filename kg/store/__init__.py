"""Stores: one named graph per article plus reference graphs, behind one small interface.

:func:`open_store` picks the kind from where it is told to look: an ``http(s)://`` URL opens a
:class:`~kg.store.remote.RemoteStore` on a SPARQL 1.1 server, anything else the embedded Oxigraph store on disk
(``":memory:"``: in memory).
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.store.base import Store
from kg.store.memory import MemoryStore
from kg.store.oxigraph import DEFAULT_PATH, OxigraphStore
from kg.store.oxigraph import open_store as open_embedded

__all__ = ["DEFAULT_PATH", "MemoryStore", "OxigraphStore", "Store", "is_remote", "open_store"]


def is_remote(location: str | Path | None) -> bool:
    """True when *location* names a SPARQL server (an http or https URL)."""
    return str(location or "").lower().startswith(("http://", "https://"))


def open_store(location: str | Path | None = None, *, read_only: bool = False, create: bool = True) -> Store:
    """Open the store at *location*: a directory (default ``./kg-data``), ``":memory:"``, or a server URL.

    For a server, ``KG_STORE_QUERY_URL``, ``KG_STORE_UPDATE_URL``, ``KG_STORE_GSP_URL`` override the endpoints,
    and ``KG_STORE_USER`` / ``KG_STORE_PASSWORD`` (``KG_STORE_AUTH=digest`` for digest) give the credentials.
    ``create=False`` refuses a directory that holds no store yet (a server is always there to be asked).
    """
    if is_remote(location):
        from kg.store.remote import RemoteStore

        env = os.environ
        user, password = env.get("KG_STORE_USER"), env.get("KG_STORE_PASSWORD")
        return RemoteStore(
            str(location), query_url=env.get("KG_STORE_QUERY_URL"), update_url=env.get("KG_STORE_UPDATE_URL"),
            gsp_url=env.get("KG_STORE_GSP_URL"), auth=(user, password or "") if user else None,
            digest=env.get("KG_STORE_AUTH", "").lower() == "digest", read_only=read_only,
        )
    return open_embedded(location, read_only=read_only, create=create)
