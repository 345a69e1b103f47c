"""Corpus-scale ingest on Dask: read → extract → map → validate as tasks, the store written by one writer.

``kg ingest --engine dask`` splits the input files into batches; each batch is one Dask task that reads,
extracts, maps and validates its articles and returns one **N-Quads partition** (the graphs that passed) with the
outcome of every file. The client, the only writer, loads each partition into the store in bulk as it arrives:
graphs the store already holds are dropped first (a re-ingest replaces), then the partition goes in with the
store's bulk loader (embedded) or by Graph Store Protocol POST (a SPARQL server).

A local cluster (worker processes on this machine) is started by default; ``--scheduler tcp://HOST:PORT`` uses a
running Dask cluster instead (``dask scheduler`` and ``dask worker`` processes: the workers need kg installed and
the input files at the same paths). Dask is an optional extra: ``pip install 'kg[dask]'``.

Loading in bulk is not transactional: a crash half-way leaves some partitions loaded; re-running the same ingest
repairs it, since every graph is replaced whole.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.articles import Metadata
from kg.errors import UsageError
from kg.ingest import IngestResult, Outcome, ensure_reference, expand, prepare_file
from kg.store.base import Store
from kg.store.terms import triples

__all__ = ["BATCH", "ingest_dask"]

BATCH = 25
"""Files per Dask task: large enough to amortise scheduling, small enough to spread over the workers."""


def _partition(jobs: list[tuple[str, Metadata | None]], force: bool) -> tuple[list[Outcome], bytes]:
    """One task: prepare each file of a batch; the graphs that may be stored as one N-Quads document."""
    outcomes: list[Outcome] = []
    quads: list[ox.Quad] = []
    for job in jobs:
        outcome, graph = prepare_file(job)
        if graph is not None and outcome.graph:
            report = outcome.report
            if report is not None and not report.conforms and not force:
                outcome.status = "refused"
                outcome.message = f"{len(report.violations)} shape violation(s); fix the input or pass --force"
            else:
                g = ox.NamedNode(outcome.graph)
                quads.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples(graph))
        outcome.report = outcome.report if outcome.status == "refused" else None  # reports stay small on the wire
        outcomes.append(outcome)
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) if quads else b""
    return outcomes, data or b""


def _client(scheduler: str | None, workers: int) -> Any:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs Dask", hint="pip install 'kg[dask]'") from None
    if scheduler:
        return Client(scheduler, timeout="20s")
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=":0")
    return Client(cluster)


def _load(store: Store, outcomes: list[Outcome], data: bytes) -> None:
    names = [o.graph for o in outcomes if o.graph and o.status == "ingested"]
    old = [n for n in names if store.has_graph(n)]
    if old:
        store.remove_graphs(old)
    if not data:
        return
    with tempfile.NamedTemporaryFile(suffix=".nq") as f:
        f.write(data)
        f.flush()
        store.bulk_load(Path(f.name), ox.RdfFormat.N_QUADS)


def ingest_dask(
    store: Store,
    paths: Sequence[str | Path],
    *,
    meta: Metadata | None = None,
    force: bool = False,
    scheduler: str | None = None,
    workers: int = 2,
    progress: Callable[[int, int], None] | None = None,
) -> IngestResult:
    """Ingest files with Dask tasks (see the module docstring); same outcomes as :func:`kg.ingest.ingest`."""
    files = expand(paths)
    ensure_reference(store)
    jobs = [(str(f), meta) for f in files]
    batches = [jobs[i : i + BATCH] for i in range(0, len(jobs), BATCH)]
    result = IngestResult()
    done = 0
    client = _client(scheduler, workers)
    try:
        from dask.distributed import as_completed

        futures = client.map(_partition, batches, force=force, pure=False)
        for future in as_completed(futures):
            outcomes, data = future.result()
            _load(store, outcomes, data)
            result.outcomes.extend(outcomes)
            done += len(outcomes)
            if progress:
                progress(done, len(jobs))
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()
    order = {str(f): i for i, f in enumerate(files)}
    result.outcomes.sort(key=lambda o: order.get(o.path, 0))
    return result
