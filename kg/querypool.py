"""Pre-started worker processes that run queries where they can be stopped.

Every query of ``kg query`` and ``kg serve`` runs in a worker process (:mod:`kg.queryworker`) with a memory
ceiling and no network. The pool keeps workers started ahead of need, so a cheap query pays no start-up; a
query past its time limit is stopped for sure: its worker is killed (SIGKILL) and replaced.

Cheap queries keep their pace while expensive ones run: a query still running after ``SLOW_AFTER`` seconds
is "long"; its worker is reniced (the scheduler then favours the short queries) and retired when it is done.
At most ``workers - 2`` queries may be long at once (``max_long``); a further one is stopped at once with
QueryLimitExceeded ("busy"), so two workers always stay for short queries.

>>> from kg.store import MemoryStore
>>> with QueryPool.over(MemoryStore(), workers=1) as pool:
...     pool.run("ASK { }").boolean
True
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Generator, Mapping
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import Any

from kg.errors import KgError, QueryLimitExceeded, StoreError
from kg.queries import WHOLE_STORE, Dataset, QueryResult, StoredQuery, parse_query, run_query
from kg.querylimits import DEFAULT_LIMITS, QueryLimits
from kg.queryworker import Job, StoreSource, WorkerSetup
from kg.store.base import Store

SLOW_AFTER = 0.2
STARTUP_TIMEOUT = 60.0
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)


class _Zygote:
    """The process that forks workers (``python -m kg.queryworker``), started with the first worker."""

    _lock = threading.Lock()
    _current: _Zygote | None = None

    def __init__(self) -> None:
        mine, theirs = socket.socketpair()
        path = os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg.queryworker", str(theirs.fileno())], pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": path},
        )
        theirs.close()
        self.control = mine
        weakref.finalize(self, _end_zygote, self.proc, mine)

    @classmethod
    def fork(cls) -> tuple[int, Connection]:
        """A new worker: its pid and the parent's end of its connection."""
        with cls._lock:
            if cls._current is None or cls._current.proc.poll() is not None:
                cls._current = cls()
            mine, theirs = socket.socketpair()
            try:
                socket.send_fds(cls._current.control, [b"w"], [theirs.fileno()])
                answer = b""
                while len(answer) < 4:
                    chunk = cls._current.control.recv(4 - len(answer))
                    if not chunk:
                        raise OSError("the worker zygote exited")
                    answer += chunk
            finally:
                theirs.close()
            return int.from_bytes(answer, "little"), Connection(mine.detach())


def _end_zygote(proc: subprocess.Popen[bytes], control: socket.socket) -> None:
    control.close()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Worker:
    """One worker process and the parent's end of its connection."""

    def __init__(self, setup: WorkerSetup) -> None:
        self.pid, self.conn = _Zygote.fork()
        # a handle on the process itself: a kill never reaches another process that reuses the pid
        self.pidfd: int | None = None
        with contextlib.suppress(AttributeError, OSError):
            self.pidfd = os.pidfd_open(self.pid)
        self.conn.send(setup)
        self.stopped = False
        self.ready = False
        self.long = False

    def await_ready(self) -> None:
        """Wait for the worker's set-up; raise the error it reports (e.g. no store there)."""
        if self.ready:
            return
        if not self.conn.poll(STARTUP_TIMEOUT):
            raise StoreError(f"a query worker did not start within {STARTUP_TIMEOUT:.0f} s")
        kind, payload = self._receive()
        if kind == "error":
            raise _rebuild(payload)
        self.ready = True

    def _receive(self) -> tuple[str, Any]:
        try:
            message: tuple[str, Any] = self.conn.recv()
            return message
        except (EOFError, OSError):
            raise QueryLimitExceeded(
                "query stopped: its worker process died, most likely past its memory limit",
                hint="narrow the query, or raise the memory limit (--memory)",
            ) from None

    def stop(self) -> None:
        """Kill the process (the zygote reaps it); a second call does nothing."""
        if self.stopped:
            return
        self.stopped = True
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.pidfd is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            return
        with contextlib.suppress(ProcessLookupError):
            signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
        os.close(self.pidfd)
        self.pidfd = None


def _stop_all(workers: list[Worker]) -> None:
    for w in list(workers):
        w.stop()
    workers.clear()


def _rebuild(payload: Any) -> KgError:
    cls, message, hint = payload
    return cls(message, hint=hint)  # type: ignore[no-any-return]


class QueryPool:
    """Worker processes over one store: ``run`` a query in one, under limits, from any thread."""

    def __init__(self, source: StoreSource, *, limits: QueryLimits = DEFAULT_LIMITS, workers: int = 4,
                 spare: int | None = None) -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.limits = limits
        self.workers = workers
        self.spare = workers if spare is None else max(1, min(spare, workers))  # started ahead of need
        self.max_long = max(1, workers - 2)
        self.source = source
        self._setup = WorkerSetup(source, limits.memory_mb)
        self._cond = threading.Condition()
        self._idle: list[Worker] = []
        self._live = 0
        self._long = 0
        self._closed = False
        # workers of a pool dropped without close() are stopped when it is collected
        self._finalizer = weakref.finalize(self, _stop_all, self._idle)
        self._top_up()

    @classmethod
    def over(cls, store: Store, **kwargs: Any) -> QueryPool:
        """A pool over *store*: its folder when it lives on disk, else a snapshot of its quads."""
        path = getattr(store, "path", None)
        if path is not None:
            return cls(StoreSource(path=str(path)), **kwargs)
        import pyoxigraph as ox

        data = ox.serialize(list(store.quads()), None, ox.RdfFormat.N_QUADS) or b""
        return cls(StoreSource(nquads=data), **kwargs)

    # -- workers ------------------------------------------------------------------------------------------
    def _top_up(self) -> None:
        with self._cond:
            while not self._closed and len(self._idle) < self.spare and self._live < self.workers:
                self._idle.append(Worker(self._setup))
                self._live += 1
            self._cond.notify_all()

    def _acquire(self, deadline: float | None) -> Worker:
        """An idle worker, preferring one that has finished starting; a new one if none is idle."""
        with self._cond:
            while True:
                if self._closed:
                    raise StoreError("the query pool is closed")
                ready = next((w for w in self._idle if w.ready or w.conn.poll(0)), None)
                if ready is not None:
                    self._idle.remove(ready)
                    return ready
                if not self._idle and self._live < self.workers:
                    self._live += 1
                    break
                if self._idle:  # workers still starting announce themselves on their connection
                    self._cond.wait(0.02)
                    continue
                wait = None if deadline is None else deadline - time.monotonic()
                if wait is not None and wait <= 0:
                    raise QueryLimitExceeded("every query worker is busy", hint="try again in a moment")
                self._cond.wait(wait)
        try:
            return Worker(self._setup)
        except OSError as e:
            with self._cond:
                self._live -= 1
            raise StoreError(f"cannot start a query worker: {e}") from None

    def _release(self, worker: Worker, *, reuse: bool) -> None:
        with self._cond:
            if worker.long:
                self._long -= 1
            if reuse and not self._closed:
                self._idle.append(worker)
                self._cond.notify_all()
                return
            self._live -= 1
        worker.stop()
        threading.Thread(target=self._top_up, name="kg-pool-top-up", daemon=True).start()

    def _mark_long(self, worker: Worker) -> bool:
        """Mark *worker* long-running; False when too many queries are long already."""
        with self._cond:
            if self._long >= self.max_long:
                return False
            self._long += 1
            worker.long = True
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, worker.pid, 10)
        return True

    # -- queries ------------------------------------------------------------------------------------------
    def run(self, query: StoredQuery | str, values: Mapping[str, str] | None = None, *,
            limits: QueryLimits | None = None, dataset: Dataset = WHOLE_STORE) -> QueryResult:
        """Run *query* in a worker under *limits* (default: the pool's); raises what the query raised.

        QueryLimitExceeded when it runs out of time (its worker is killed), of memory, or finds every worker
        busy until its time is up.
        """
        limits = limits or self.limits
        stored = query if isinstance(query, StoredQuery) else parse_query(query, "query", strict=False)
        deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
        worker = self._acquire(deadline)
        reuse = False
        try:
            worker.await_ready()  # a worker's start-up is not the query's time
            deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
            worker.conn.send(Job(stored, dict(values or {}), limits, dataset))
            self._wait(worker, deadline, stored.name, limits)
            kind, payload = worker._receive()
            if kind == "error":
                error = _rebuild(payload)
                reuse = not isinstance(error, QueryLimitExceeded)
                raise error
            reuse = True
            result: QueryResult = payload
            return result
        finally:
            self._release(worker, reuse=reuse and not worker.long)

    def stream(self, query: StoredQuery | str, values: Mapping[str, str] | None = None, *,
               limits: QueryLimits | None = None, dataset: Dataset = WHOLE_STORE) -> Generator[QueryResult, None, None]:
        """Run *query* in a worker and yield its result in parts as the worker sends them
        (:func:`kg.queries.stream_query`: SELECT rows in parts, other forms whole), under *limits* as
        :meth:`run`; the time limit covers the whole stream. A caller that stops reading early (closes the
        generator) has the worker stopped.
        """
        limits = limits or self.limits
        stored = query if isinstance(query, StoredQuery) else parse_query(query, "query", strict=False)
        deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
        worker = self._acquire(deadline)
        reuse = False
        try:
            worker.await_ready()
            deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
            worker.conn.send(Job(stored, dict(values or {}), limits, dataset, stream=True))
            self._wait(worker, deadline, stored.name, limits)
            while True:
                kind, payload = worker._receive()
                if kind == "end":
                    reuse = True
                    return
                if kind == "error":
                    error = _rebuild(payload)
                    reuse = not isinstance(error, QueryLimitExceeded)
                    raise error
                yield payload
                remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
                if not worker.conn.poll(remaining):
                    raise QueryLimitExceeded(
                        f"query '{stored.name}' timed out after {limits.timeout:.1f} s and was stopped",
                        hint="raise --timeout, add parameters that narrow it, or add a LIMIT",
                    )
        finally:
            self._release(worker, reuse=reuse and not worker.long)

    def _wait(self, worker: Worker, deadline: float | None, name: str, limits: QueryLimits) -> None:
        started = time.monotonic()
        first = SLOW_AFTER if deadline is None else min(SLOW_AFTER, max(0.0, deadline - started))
        if worker.conn.poll(first):
            return
        if not self._mark_long(worker):
            raise QueryLimitExceeded(
                f"query '{name}' stopped: {self.max_long} long queries are running already",
                hint="try again in a moment",
            )
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        if worker.conn.poll(remaining):
            return
        raise QueryLimitExceeded(
            f"query '{name}' timed out after {time.monotonic() - started:.1f} s and was stopped",
            hint="raise --timeout, add parameters that narrow it, or add a LIMIT",
        )

    def close(self) -> None:
        """Stop every idle worker (busy ones stop when their query ends)."""
        with self._cond:
            self._closed = True
            idle = list(self._idle)
            self._idle.clear()
            self._live -= len(idle)
            self._cond.notify_all()
        _stop_all(idle)

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class ServerPool:
    """Queries passed to a SPARQL server (``kg serve --store URL``): kg's checks here (size, depth, no SERVICE,
    rows), the server's engine and memory there, the time limit on the HTTP request.

    It has the :class:`QueryPool` methods the endpoint uses (``run``, ``close``).
    """

    def __init__(self, store: Store, *, limits: QueryLimits = DEFAULT_LIMITS) -> None:
        self.store = store
        self.limits = limits

    def run(self, query: StoredQuery | str, values: Mapping[str, str] | None = None, *,
            limits: QueryLimits | None = None, dataset: Dataset = WHOLE_STORE) -> QueryResult:
        """Run *query* on the server under *limits* (default: the pool's)."""
        lim = limits or self.limits
        return run_query(self.store, query, values or {}, limits=lim, timeout=lim.timeout, limit=lim.max_rows,
                         dataset=dataset)

    def stream(self, query: StoredQuery | str, values: Mapping[str, str] | None = None, *,
               limits: QueryLimits | None = None, dataset: Dataset = WHOLE_STORE) -> Generator[QueryResult, None, None]:
        """The server's whole result as one part (the server streams its own response)."""
        yield self.run(query, values, limits=limits, dataset=dataset)

    def close(self) -> None:
        """Close the connections to the server."""
        self.store.close()
