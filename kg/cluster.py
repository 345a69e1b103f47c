"""Corpus-scale ingest on Dask: read → extract → map → validate as tasks, the store written by one writer.

``kg ingest --engine dask`` splits the input files into batches; each batch is one Dask task that reads,
extracts, maps and validates its articles and returns one **partition**: the mapped articles that passed (their
quads, pickled) with the outcome of every file. The client, the only writer, writes each partition as it arrives
with the writer every ingest uses (kg.store.writer: one transaction on the embedded store, one GSP PUT per graph
on a SPARQL server), so the actors graph stays right: an article's actor facts are stored once, with their
provenance, and a re-ingest replaces.

A local cluster (worker processes on this machine) is started by default; ``--scheduler tcp://HOST:PORT`` uses a
running Dask cluster instead (``dask scheduler`` and ``dask worker`` processes: the workers need kg installed and
the input files at the same paths). Dask is an optional extra: ``pip install 'kg[dask]'``.

A crash half-way leaves the partitions written so far; re-running the same ingest repairs it, since every graph
is replaced whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg.articles import Metadata
from kg.errors import UsageError
from kg.ingest import EXTRACT_SECONDS, IngestResult, Job, Outcome, admit, expand, prepare_chunk
from kg.mapping import Mapped
from kg.store.base import Store
from kg.store.writer import ensure_reference, write_articles

__all__ = ["BATCH", "ingest_dask"]

BATCH = 25
"""Files per Dask task: large enough to amortise scheduling, small enough to spread over the workers."""


def _partition(jobs: list[Job], force: bool) -> tuple[list[Outcome], list[Mapped]]:
    """One task: read, extract, map and validate a batch of files; the articles that may be stored."""
    accepted: list[Mapped] = []
    outcomes: list[Outcome] = []
    for outcome, mapped in prepare_chunk(jobs):
        if mapped is not None and admit(outcome, force=force):
            accepted.append(mapped)
        outcome.report = outcome.report if outcome.status == "refused" else None  # reports stay small on the wire
        outcomes.append(outcome)
    return outcomes, accepted


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


def _load(store: Store, accepted: list[Mapped], result: IngestResult) -> None:
    """Write one partition with the writer every ingest uses (the actors graph kept right)."""
    if accepted:
        ensure_reference(store)
        result.flagged.extend(write_articles(store, accepted).flagged)


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
    jobs: list[Job] = [(str(f), meta, EXTRACT_SECONDS) for f in files]
    batches = [jobs[i : i + BATCH] for i in range(0, len(jobs), BATCH)]
    result = IngestResult()
    done = 0
    client = _client(scheduler, workers)
    try:
        from dask.distributed import as_completed

        futures = client.map(_partition, batches, force=force, pure=False)
        for future in as_completed(futures):
            outcomes, accepted = future.result()
            _load(store, accepted, result)
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
