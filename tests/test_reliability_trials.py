"""Trials with real processes: kill -9 at random points of an ingest, a second writer and readers while an
ingest runs, and a disk that fills up (a small tmpfs of the test's own; skipped where it cannot be mounted).

Each trial asserts what a user relies on: the store opens afterwards and holds only whole articles; a reader
never sees an error; a full disk is one line and exit 3 with the old data intact.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg import summary
from kg.cli import app
from kg.namespaces import ARTICLE_GRAPH_PREFIX, SUMMARY_GRAPH
from kg.store import open_store

GOOD = json.loads((Path(__file__).parent / "data" / "bad" / "good.json").read_text(encoding="utf-8"))
KILL_TRIALS = 20
runner = CliRunner()


def articles_folder(folder: Path, count: int, *, tag: str) -> Path:
    """``count`` records documents, each its own article (its own URL)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        doc = json.loads(json.dumps(GOOD))
        doc["article"]["url"] = f"https://example.org/{tag}/{i}"
        (folder / f"{i:03d}.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


def start_ingest(folder: Path, store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kg", "ingest", str(folder), "--store", str(store)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def graph_sizes(store: Path) -> dict[str, int]:
    """Quads per named graph; opening for writing proves the killed writer left no lock behind."""
    s = open_store(store)
    try:
        sizes: dict[str, int] = {}
        for q in s.quads():
            name = str(q.graph_name.value) if hasattr(q.graph_name, "value") else ""
            sizes[name] = sizes.get(name, 0) + 1
        return sizes
    finally:
        s.close()


def derived_from_missing_articles(store: Path) -> list[str]:
    """Articles the actors graph says an actor was found in, whose article graph is not in the store."""
    s = open_store(store, read_only=True)
    try:
        rows = s.query("""SELECT DISTINCT ?a WHERE { GRAPH kgg:actors { ?actor prov:wasDerivedFrom ?a }
                            FILTER(STRSTARTS(STR(?a), STR(kgd:)))
                            FILTER NOT EXISTS { ?a a kg:Article } }""")
        return [r["a"].value for r in rows]
    finally:
        s.close()


def summary_drift(store: Path) -> set[str]:
    """The quads by which kgg:summary differs from a recount of the article graphs (empty: the counts are right)."""
    s = open_store(store, read_only=True)
    try:
        rows = s.query(f"""SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ schema:mentions kg:participant }}
                           GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPH_PREFIX}")) }}""",
                       union=False)
        want = {str(q) for q in summary.quads(summary.ties(ox.Triple(r["s"], r["p"], r["o"]) for r in rows))}
        return want ^ {str(q) for q in s.quads(str(SUMMARY_GRAPH))}
    finally:
        s.close()


def test_kill_9_leaves_only_whole_articles(tmp_path: Path) -> None:
    store = tmp_path / "store"
    started = time.monotonic()
    done = start_ingest(articles_folder(tmp_path / "ref", 6, tag="ref"), store)
    assert done.wait(timeout=300) == 0
    duration = time.monotonic() - started
    reference = graph_sizes(store)
    per_article = {n for g, n in reference.items() if "/graph/article/" in g}
    assert len(per_article) == 1  # every document maps to a graph of the same size
    whole = per_article.pop()
    assert any(g.endswith("/graph/summary") for g in reference) and not summary_drift(store)
    rng = random.Random(11)
    survived = 0
    for trial in range(KILL_TRIALS):
        proc = start_ingest(articles_folder(tmp_path / f"t{trial}", 6, tag=f"t{trial}"), store)
        time.sleep(rng.uniform(0.0, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        sizes = graph_sizes(store)
        for graph, n in sizes.items():
            if "/graph/article/" in graph:
                assert n == whole, f"trial {trial}: {graph} holds {n} of {whole} quads"
            elif graph.endswith("/graph/actors"):
                orphans = derived_from_missing_articles(store)
                assert not orphans, f"trial {trial}: actor facts derived from articles never stored: {orphans}"
            elif graph.endswith("/graph/summary"):  # written in the articles' transaction: always a recount
                assert not summary_drift(store), f"trial {trial}: kgg:summary differs from a recount"
            elif graph in reference:
                assert n == reference[graph], f"trial {trial}: {graph} holds {n} of {reference[graph]} quads"
        survived += 1
    assert survived == KILL_TRIALS
    print(f"\nkill -9 trials survived: {survived}/{KILL_TRIALS} (ingest of 6 articles takes {duration:.1f} s)")


def locked(store: Path) -> bool:
    """True when a process holds the store's lock (read from /proc/locks, without touching the lock)."""
    inode = (store / "LOCK").stat().st_ino
    return any(line.split()[5].endswith(f":{inode}") for line in Path("/proc/locks").read_text().splitlines()
               if len(line.split()) > 5)


def test_second_writer_and_readers_during_an_ingest(tmp_path: Path) -> None:
    store = tmp_path / "store"
    seed = start_ingest(articles_folder(tmp_path / "seed", 2, tag="seed"), store)
    assert seed.wait(timeout=300) == 0
    writer = start_ingest(articles_folder(tmp_path / "many", 40, tag="many"), store)
    while writer.poll() is None and not locked(store):  # the writer has opened the store
        time.sleep(0.05)
    reads = failures = 0
    errors: list[str] = []
    second = None
    try:
        while writer.poll() is None:
            if second is None:
                second = runner.invoke(app, ["ingest", str(tmp_path / "seed" / "000.json"), "--store", str(store)])
            for args in (["stats", "--format", "json"], ["query", "open-predictions", "--format", "json"]):
                r = runner.invoke(app, [*args, "--store", str(store)])
                reads += 1
                if r.exit_code != 0:
                    failures += 1
                    errors.append(r.stderr)
    finally:
        writer.wait(timeout=300)
    assert writer.returncode == 0
    assert second is not None
    # the second writer is told, in one line, that the store is in use (or came after the first one ended)
    assert second.exit_code in (0, 3), second.stderr
    if second.exit_code == 3:
        assert "in use" in second.stderr and len(second.stderr.strip().splitlines()) == 1
    assert reads > 0
    assert failures == 0, errors[:3]
    assert not any("Corruption" in e for e in errors)
    print(f"\nreads during the ingest: {reads}, failed: {failures}")


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MiB tmpfs mounted inside the test's folder (needs root and a kernel that lets us mount)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, *, leave: int) -> None:
    """Fill ``disk`` until about ``leave`` bytes are free."""
    st = os.statvfs(disk)
    free = st.f_bavail * st.f_frsize
    with (disk / "pad").open("wb") as f:
        f.write(b"\x00" * max(0, free - leave))


def test_export_to_a_full_disk_keeps_the_old_file(tmp_path: Path, tiny_disk: Path) -> None:
    store = tmp_path / "store"
    seed = start_ingest(articles_folder(tmp_path / "seed", 3, tag="full"), store)
    assert seed.wait(timeout=300) == 0
    old = tiny_disk / "kg.ttl"
    old.write_text("old export\n", encoding="utf-8")
    fill(tiny_disk, leave=16 * 1024)
    r = runner.invoke(app, ["export", "-o", str(old), "--store", str(store)])
    assert r.exit_code == 3, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "space" in r.stderr
    assert old.read_text(encoding="utf-8") == "old export\n"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["kg.ttl", "pad"]  # no temporary file left


def test_ingest_into_a_full_disk_is_one_line_and_the_store_still_opens(tmp_path: Path, tiny_disk: Path) -> None:
    store = tiny_disk / "store"
    first = runner.invoke(app, ["ingest", str(articles_folder(tmp_path / "a", 1, tag="a")), "--store", str(store)])
    if first.exit_code != 0:
        pytest.skip(f"the tmpfs is too small for a first ingest: {first.stderr.strip()}")
    before = graph_sizes(store)
    fill(tiny_disk, leave=4 * 1024)
    r = runner.invoke(app, ["ingest", str(articles_folder(tmp_path / "b", 30, tag="b")), "--store", str(store)])
    assert "Traceback" not in r.stderr
    if r.exit_code == 0:
        pytest.skip("the write fitted in the space left")
    assert r.exit_code == 3, r.stderr
    assert all(line.startswith("kg: ") for line in r.stderr.strip().splitlines())
    (tiny_disk / "pad").unlink()
    after = graph_sizes(store)
    assert {g: n for g, n in after.items() if g in before} == before
