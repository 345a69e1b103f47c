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
