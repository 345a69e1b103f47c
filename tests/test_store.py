"""The store: round trip on disk and in memory, replace-not-duplicate, atomic refusal, locking."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from kg.errors import StoreError
from kg.ingest import ingest
from kg.store import MemoryStore, OxigraphStore, open_store

DATA = Path(__file__).parent / "data" / "records"
EX = "http://example.org/"


def _graph(n: int) -> Graph:
    g = Graph()
    for i in range(n):
        g.add((URIRef(f"{EX}s{i}"), URIRef(f"{EX}p"), Literal(f"value {i}", lang="en")))
        g.add((URIRef(f"{EX}s{i}"), URIRef(f"{EX}q"), Literal(i)))
    return g


def _assert_iso(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(a, b)
        pytest.fail(f"graphs differ:\n only first: {sorted(only_a)[:5]}\n only second: {sorted(only_b)[:5]}")


@pytest.mark.parametrize("on_disk", [False, True], ids=["memory", "disk"])
def test_round_trip(tmp_path: Path, on_disk: bool) -> None:
    s = OxigraphStore(tmp_path / "store" if on_disk else None)
    g = _graph(5)
    s.replace_graphs({f"{EX}g1": g})
    _assert_iso(s.graph(f"{EX}g1"), g)
    assert s.graph_names() == [f"{EX}g1"]
    if on_disk:
        s.close()
        reopened = OxigraphStore(tmp_path / "store", read_only=True)
        _assert_iso(reopened.graph(f"{EX}g1"), g)


def test_replace_never_duplicates(store: MemoryStore) -> None:
    store.replace_graphs({f"{EX}g": _graph(3)})
    store.replace_graphs({f"{EX}g": _graph(2)})
    assert len(store) == 4
    _assert_iso(store.graph(f"{EX}g"), _graph(2))


def test_reingest_replaces(store: MemoryStore) -> None:
    first = ingest(store, [DATA / "minimal.json"])
    assert first.ok
    count = len(store)
    again = ingest(store, [DATA / "minimal.json"])
    assert again.ok and len(store) == count
    assert [o.graph for o in first.outcomes] == [o.graph for o in again.outcomes]


def test_refused_article_leaves_store_unchanged(store: MemoryStore) -> None:
    ingest(store, [DATA / "minimal.json"])
    before = sorted(map(str, store.quads()))
    result = ingest(store, [DATA / "deadline_before_made.json"])
    assert [o.status for o in result.outcomes] == ["refused"]
    assert sorted(map(str, store.quads())) == before


def test_bad_file_does_not_stop_the_others(store: MemoryStore, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "minimal.json", folder / "a.json")
    (folder / "b.json").write_text("{not json", encoding="utf-8")
    result = ingest(store, [folder])
    assert sorted(o.status for o in result.outcomes) == ["failed", "ingested"]
    assert len(store) > 0


def test_locked_store_is_a_clear_error(tmp_path: Path) -> None:
    first = open_store(tmp_path / "s")
    with pytest.raises(StoreError, match="in use by another kg process"):
        open_store(tmp_path / "s")
    first.close()


def test_read_only_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no kg store"):
        open_store(tmp_path / "nothing", read_only=True)


def test_parallel_ingest_gives_the_same_graphs(tmp_path: Path) -> None:
    from kg.paths import data_dir

    one, two = MemoryStore(), MemoryStore()
    later = data_dir("seeds") / "later"
    assert ingest(one, [later], workers=1).ok
    assert ingest(two, [later], workers=2).ok
    assert one.graph_names() == two.graph_names()
    for name in one.graph_names():
        _assert_iso(one.graph(name), two.graph(name))
