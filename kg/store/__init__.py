"""Stores: one named graph per article plus reference graphs, behind one small interface."""

from kg.store.base import Store
from kg.store.memory import MemoryStore
from kg.store.oxigraph import DEFAULT_PATH, OxigraphStore, open_store

__all__ = ["DEFAULT_PATH", "MemoryStore", "OxigraphStore", "Store", "open_store"]
