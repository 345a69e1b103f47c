"""The in-memory store for tests: the same Oxigraph engine and interface, nothing written to disk."""

from __future__ import annotations

from kg.store.oxigraph import OxigraphStore


class MemoryStore(OxigraphStore):
    """A fresh, empty store that lives as long as the object."""

    def __init__(self) -> None:
        super().__init__(None)
