"""`kg ingest --engine dask`: the same store as a serial ingest, on a Dask cluster of real scheduler and worker
processes on loopback (what a cluster looks like from kg), on a local cluster, and into a SPARQL server."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import ingest
from kg.paths import data_dir
from kg.store import MemoryStore
from kg.store.base import Store
from kg.store.remote import RemoteStore
from tests.servers import free_port, oxigraph_server

distributed = pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'kg[dask]'")

DASK = str(Path(sys.executable).parent / "dask")


def article_quads(store: Store) -> set[tuple[str, str, str, str]]:
    """Every quad of the article graphs (no blank nodes there), as comparable values."""
    return {(q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)  # type: ignore[union-attr]
            for q in store.quads() if "/graph/article/" in getattr(q.graph_name, "value", "")}


@pytest.fixture(scope="module")
def serial() -> MemoryStore:
    s = MemoryStore()
    assert ingest(s, [data_dir("seeds")]).ok
    return s


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A `dask scheduler` and one `dask worker` process on loopback."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    sched = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                              "--no-dashboard"], **quiet)  # type: ignore[call-overload]
    worker = subprocess.Popen([DASK, "worker", address, "--nworkers", "1", "--nthreads", "1",
                               "--host", "127.0.0.1", "--no-dashboard"], **quiet)  # type: ignore[call-overload]
    try:
        with distributed.Client(address, timeout="30s") as client:
            deadline = time.monotonic() + 60
            while not client.scheduler_info()["workers"]:
                assert time.monotonic() < deadline, "the dask worker never joined"
                time.sleep(0.3)
        yield address
    finally:
        for p in (worker, sched):
            p.terminate()
            p.wait(20)


def test_dask_cluster_ingest_equals_serial_ingest(serial: MemoryStore, scheduler: str) -> None:
    from kg.cluster import ingest_dask

    s = MemoryStore()
    result = ingest_dask(s, [data_dir("seeds")], scheduler=scheduler)
    assert result.ok and len(result.ingested) == len(ingest(MemoryStore(), [data_dir("seeds")]).ingested)
    assert article_quads(s) == article_quads(serial)
    # a second run replaces every graph: nothing doubles
    before = len(s)
    assert ingest_dask(s, [data_dir("seeds")], scheduler=scheduler).ok
    assert len(s) == before


def test_cli_engine_dask_on_a_local_cluster(serial: MemoryStore, tmp_path: Path) -> None:
    store = tmp_path / "kg-data"
    r = CliRunner().invoke(app, ["ingest", str(data_dir("seeds")), "--engine", "dask", "--workers", "2",
                                 "--store", str(store)])
    assert r.exit_code == 0, r.output
    assert r.stdout.count("ingested ") == sum("/graph/article/" in g for g in serial.graph_names())
    from kg.store import OxigraphStore

    s = OxigraphStore(store, read_only=True)
    try:
        assert article_quads(s) == article_quads(serial)
    finally:
        s.close()


def test_dask_ingest_into_a_sparql_server(serial: MemoryStore, scheduler: str, tmp_path: Path) -> None:
    from kg.cluster import ingest_dask

    with oxigraph_server(tmp_path / "ox") as url:
        s = RemoteStore(url)
        try:
            assert ingest_dask(s, [data_dir("seeds")], scheduler=scheduler).ok
            got = {(q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)  # type: ignore[union-attr]
                   for q in s.quads() if "/graph/article/" in q.graph_name.value}  # type: ignore[union-attr]
        finally:
            s.close()
    assert got == article_quads(serial)


def test_unknown_engine_is_a_usage_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["ingest", str(data_dir("seeds")), "--engine", "spark", "--store",
                                 str(tmp_path / "s")])
    assert r.exit_code == 2 and "unknown engine" in r.stderr
