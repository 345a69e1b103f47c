"""One query worker process: it opens the store read-only, confines itself and answers jobs until told to stop.

Workers are forked by a zygote: ``python -m kg.queryworker`` imports kg's query modules once, then for each
request on its control socket (a Unix socket carrying one file descriptor, the new worker's end of a socket
pair) forks a worker and answers its pid. A new worker is ready in milliseconds, not the second a fresh
interpreter takes. Jobs and answers travel over the socket pair as pickles
(:class:`multiprocessing.connection.Connection`).
The first message is a :class:`WorkerSetup`; the worker caps its memory, denies itself the network
(:mod:`kg.sandbox`), opens the store and answers ``("ready", None)`` or ``("error", KgError)``. Then each
:class:`Job` gets ``("ok", QueryResult)`` or ``("error", KgError)``; a streamed job (``Job.stream``) gets
``("part", QueryResult)`` messages as its rows come, then ``("end", None)`` (or an error after some parts).

An on-disk store is opened read-only and reopened when its files change (a new ingest), so a long-running
``kg serve`` answers from the current store. Opening while a writer compacts can find a file gone; the open
is retried, as is a query that meets a file gone mid-read.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import KgError, QueryError, QueryLimitExceeded, StoreError
from kg.queries import WHOLE_STORE, Dataset, QueryResult, StoredQuery, run_query, stream_query
from kg.querylimits import DEFAULT_LIMITS, QueryLimits
from kg.store.oxigraph import DEFAULT_PATH, OxigraphStore

_RETRIES = 6


@dataclass(frozen=True)
class StoreSource:
    """Where a worker finds the data: an on-disk store (``path``) or a snapshot in N-Quads (``nquads``)."""

    path: str | None = None
    nquads: bytes | None = None

    @classmethod
    def at(cls, path: str | Path | None) -> StoreSource:
        """The store chosen with ``--store`` (default ``./kg-data``; ``:memory:`` an empty one), not opened here:
        the workers open it, retrying an open that races a writer.
        """
        if path is not None and str(path) == ":memory:":
            return cls(nquads=b"")
        folder = Path(path) if path is not None else DEFAULT_PATH
        if not (folder / "CURRENT").exists():
            raise StoreError(f"no kg store at {folder}", hint="run 'kg ingest' first or pass --store DIR")
        return cls(path=str(folder))


@dataclass(frozen=True)
class WorkerSetup:
    """The first message to a worker."""

    source: StoreSource
    memory_mb: int


@dataclass(frozen=True)
class Job:
    """One query to run."""

    query: StoredQuery
    values: Mapping[str, str] = field(default_factory=dict)
    limits: QueryLimits = DEFAULT_LIMITS
    dataset: Dataset = WHOLE_STORE
    stream: bool = False  # answer a SELECT in parts as its rows come (kg.queries.stream_query)


def _fingerprint(path: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when a writer changes the store: the names, sizes and times of its files."""
    try:
        entries = list(os.scandir(path))
    except OSError:
        return ()
    out = []
    for e in entries:
        try:
            st = e.stat()
        except OSError:  # removed while we looked: the store is changing
            continue
        out.append((e.name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


def _transient(e: Exception) -> bool:
    """A read that met a store file removed by a writer's compaction (worth a reopen and a retry)."""
    text = str(e)
    return "Corruption" in text or "No such file" in text or "IO error" in text


class StoreView:
    """The worker's store, reopened read-only whenever the files on disk change."""

    def __init__(self, source: StoreSource) -> None:
        self.source = source
        self._print: tuple[tuple[str, int, int], ...] = ()
        self._store: OxigraphStore | None = None

    def current(self) -> OxigraphStore:
        """The store as it is now (reopened if a writer changed it since the last call)."""
        if self.source.path is None:
            if self._store is None:
                import pyoxigraph as ox

                self._store = OxigraphStore(None)
                self._store.raw.load(self.source.nquads or b"", format=ox.RdfFormat.N_QUADS)
            return self._store
        path = Path(self.source.path)
        now = _fingerprint(path)
        if self._store is None or now != self._print:
            self._store = self._open(path)
            self._print = now
        return self._store

    def _open(self, path: Path) -> OxigraphStore:
        for attempt in range(_RETRIES):
            try:
                return OxigraphStore(path, read_only=True)
            except (StoreError, OSError, RuntimeError) as e:
                if attempt == _RETRIES - 1 or not _transient(e):
                    raise StoreError(f"cannot open store {path}: {e}") from None
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def reset(self) -> None:
        """Forget the open store (the next call reopens it)."""
        self._store = None


def answer(view: StoreView, job: Job) -> QueryResult:
    """Run one job against the current store, retrying a read that raced a writer's compaction."""
    for attempt in range(_RETRIES):
        last = attempt == _RETRIES - 1 or view.source.path is None
        try:
            return run_query(view.current(), job.query, job.values, limit=job.limits.max_rows,
                             dataset=job.dataset, limits=job.limits)
        except KgError as e:
            if last or not _transient(e):
                raise
        except (OSError, RuntimeError) as e:  # pyoxigraph's own errors from a store that changed under it
            if last or not _transient(e):
                raise QueryError(f"query failed: {e}") from None
        view.reset()
        time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def parts(view: StoreView, job: Job) -> Iterator[QueryResult]:
    """The parts of a streamed job's result; a read that raced a compaction is retried until a part is out."""
    for attempt in range(_RETRIES):
        last = attempt == _RETRIES - 1 or view.source.path is None
        sent = False
        try:
            for part in stream_query(view.current(), job.query, job.values, limit=job.limits.max_rows,
                                     dataset=job.dataset, limits=job.limits):
                sent = True
                yield part
            return
        except KgError as e:
            if sent or last or not _transient(e):
                raise
        except (OSError, RuntimeError) as e:
            if sent or last or not _transient(e):
                raise QueryError(f"query failed: {e}") from None
        view.reset()
        time.sleep(0.05 * (attempt + 1))


def _wire(e: KgError) -> tuple[type[KgError], str, str | None]:
    """An error as it travels back (KgError's keyword-only hint does not survive pickling)."""
    return type(e), e.message, e.hint


def serve(conn: Connection) -> None:
    """The worker's loop: set-up, then one answer per job until the connection closes."""
    from kg.sandbox import deny_network, limit_memory

    setup: WorkerSetup = conn.recv()
    limit_memory(setup.memory_mb)
    deny_network()
    view = StoreView(setup.source)
    try:
        view.current()
    except KgError as e:
        conn.send(("error", _wire(e)))
        return
    conn.send(("ready", None))
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if job.stream:  # ("part", QueryResult) each, then ("end", None)
                for part in parts(view, job):
                    conn.send(("part", part))
                conn.send(("end", None))
            else:
                conn.send(("ok", answer(view, job)))
        except KgError as e:
            conn.send(("error", _wire(e)))
        except MemoryError:
            conn.send(("error", _wire(QueryLimitExceeded(
                f"query stopped: it needed more than the {setup.memory_mb} MB a query may use",
                hint="narrow it, or raise the memory limit"))))
            return  # a worker that ran out of memory is not reused
        except Exception as e:  # a failure kg did not foresee: report it as the query's, keep the worker
            conn.send(("error", _wire(QueryError(f"query failed: {type(e).__name__}: {e}"))))


def zygote(control: socket.socket) -> None:
    """Fork one worker per descriptor received on *control*; answer each with the worker's pid."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps finished workers
    while True:
        try:
            _, fds, _, _ = socket.recv_fds(control, 16, 1)
        except OSError:
            return
        if not fds:
            return  # the parent closed the control socket
        pid = os.fork()
        if pid == 0:
            control.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                serve(Connection(fds[0]))
            finally:
                os._exit(0)
        os.close(fds[0])
        control.sendall(pid.to_bytes(4, "little"))


if __name__ == "__main__":
    zygote(socket.socket(fileno=int(sys.argv[1])))
