"""Ingest: read -> extract -> map -> validate -> store, for one file or a whole folder.

Each article is read, extracted and mapped to pyoxigraph triples (kg.mapping); the articles of a chunk are
validated together by one SHACL run whose results are split per article (kg.validate.validate_articles), in
``workers`` processes when asked (the store has a single writer); the articles of a batch that pass are
written together in one transaction (kg.store.writer). An article that violates the shapes is refused (unless
``force``) and leaves the store as it was; the others still land. Each stage is timed (``Outcome.seconds``,
``IngestResult.stages()``).
"""

from __future__ import annotations

import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from kg.articles import Metadata, article_files, read_article
from kg.errors import InputError, KgError, UsageError
from kg.mapping import Mapped, map_records
from kg.records import ArticleRecord, Records
from kg.store.base import Store
from kg.store.writer import ensure_reference, write_articles
from kg.summary import GroupCache
from kg.validate import Report, validate_articles

BATCH = 50  # most articles written in one transaction (fewer when the writer keeps up)
RAMP = 2  # articles in each worker's first chunk (the chunks then double up to CHUNK)
CHUNK = 10  # articles prepared and validated together (one SHACL run), the unit of work of a worker process
SHACL_CHUNK = CHUNK  # the former name
WRITE_QUEUE = 4  # prepared chunks waiting for the writer at most (bounds the memory of a long ingest)
STAGES = ("read", "extract", "map", "validate", "store")


@dataclass
class Outcome:
    """What became of one input file."""

    path: str
    status: str  # ingested | refused | failed
    graph: str | None = None
    article: str | None = None
    title: str | None = None
    triples: int = 0
    message: str | None = None
    report: Report | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage (read, extract, map, validate)


@dataclass
class IngestResult:
    """The outcomes of one ingest run."""

    outcomes: list[Outcome] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)  # resolutions whose evidence vanished (kg:needsReview)
    store_seconds: float = 0.0  # time spent writing batches (the store stage)

    def stages(self) -> dict[str, float]:
        """Seconds per stage summed over the files (read, extract, map, validate) and the writes (store); with
        several workers the first four add up the time of every worker."""
        total = dict.fromkeys(STAGES, 0.0)
        for o in self.outcomes:
            for stage, seconds in o.seconds.items():
                total[stage] += seconds
        total["store"] = self.store_seconds
        return total

    @property
    def ingested(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "ingested"]

    @property
    def refused(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "refused"]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.refused and not self.failed


MAX_TEXT_CHARS = 400_000
"""Longest article text extracted, in characters: extraction time grows faster than the text (docs/reliability.md)."""


def extract_records(source: ArticleRecord | Records) -> Records:
    """Records for what ``read_article`` returned: records JSON passes through, text is extracted.

    Raises:
        InputError: the text is longer than ``MAX_TEXT_CHARS``.
    """
    if isinstance(source, Records):
        return source
    if len(source.text) > MAX_TEXT_CHARS:
        raise InputError(
            f"the article text has {len(source.text):,} characters, more than the {MAX_TEXT_CHARS:,} kg extracts "
            "from one article",
            hint="split it into its articles",
        )
    from kg.extract import extract

    return extract(source)


def extract_file(path: str | Path, meta: Metadata | None = None) -> Records:
    """Read one article file and extract its records (the store is not touched)."""
    return extract_records(read_article(path, meta))


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files to ingest: each file as given, each folder's article files."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = article_files(p)
            if not found:
                raise InputError(f"{p} holds no article files", hint="give .txt, .html or .json articles")
            files.extend(found)
        else:
            files.append(p)
    return files


EXTRACT_SECONDS = 120.0
"""Longest time one article may take from reading to mapping before it is given up (see docs/reliability.md)."""

Job = tuple[str, Metadata | None, float | None]
"""One file to ingest: its path, the caller's metadata, the time limit in seconds."""


def _prepare(args: Job) -> tuple[Outcome, Mapped | None]:
    """Read, extract and map one file (no validation yet), with a clock per stage; whatever goes wrong becomes
    this file's failed outcome."""
    path, meta, seconds = args
    clock: dict[str, float] = {}
    try:
        with time_limit(seconds, what=path):
            t = time.perf_counter()
            source = read_article(path, meta)
            clock["read"] = (t1 := time.perf_counter()) - t
            records = extract_records(source)
            clock["extract"] = (t2 := time.perf_counter()) - t1
            mapped = map_records(records)
            clock["map"] = time.perf_counter() - t2
    except KgError as e:
        message = str(e) if path in str(e) else f"{path}: {e}"
        return Outcome(path=path, status="failed", message=message, seconds=clock), None
    except Exception as e:  # one article's defect must not stop the others (docs/reliability.md)
        return Outcome(path=path, status="failed", message=internal_error(path, e), seconds=clock), None
    outcome = Outcome(path=path, status="ingested", graph=mapped.graph.value, article=mapped.article.value,
                      title=records.article.title, triples=len(mapped), seconds=clock)
    return outcome, mapped


def _prepare_chunk(chunk: list[Job]) -> list[tuple[Outcome, Mapped | None]]:
    """Prepare files and validate the mapped articles together: one SHACL run for the chunk."""
    prepared = [_prepare(job) for job in chunk]
    mapped = [(o, m) for o, m in prepared if m is not None]
    t = time.perf_counter()
    reports = validate_articles([m for _o, m in mapped])
    share = (time.perf_counter() - t) / max(1, len(mapped))
    for (outcome, _m), report in zip(mapped, reports, strict=True):
        outcome.report = report
        outcome.seconds["validate"] = share
    return prepared


def internal_error(path: str, e: BaseException) -> str:
    """The one line for an unexpected error while processing ``path`` (a kg defect, to be reported)."""
    detail = str(e).splitlines()[0][:200] if str(e) else ""
    return f"{path}: kg failed on this article ({type(e).__name__}{': ' + detail if detail else ''}); please report it"


@contextmanager
def time_limit(seconds: float | None, *, what: str) -> Iterator[None]:
    """Raise :class:`InputError` in the block when it runs longer than ``seconds`` (main thread only).

    Elsewhere (a server thread) the block runs unbounded; ``MAX_TEXT_CHARS`` still bounds the work.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise InputError(
            f"{what} took longer than {seconds:g} s to extract; it was skipped",
            hint="split it into smaller articles",
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def ingest(
    store: Store,
    paths: Sequence[str | Path],
    *,
    meta: Metadata | None = None,
    force: bool = False,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    time_limit_s: float | None = EXTRACT_SECONDS,
) -> IngestResult:
    """Ingest article files (or folders of them) into *store*; see the module docstring."""
    files = expand(paths)
    if meta is not None and meta.url and len(files) > 1:
        raise UsageError(
            f"--url names one article but {len(files)} files were given", hint="ingest them one by one with --url"
        )
    result = IngestResult()
    jobs: list[Job] = [(str(f), meta, time_limit_s) for f in files]
    chunks = chunked(jobs, workers)
    with Writer(store, force=force, result=result) as writer:
        for prepared in _prepared(chunks, workers):
            writer.put(prepared)
            if progress:
                progress(writer.done, len(jobs))
    if progress:
        progress(len(jobs), len(jobs))
    return result


def chunked(jobs: Sequence[Job], workers: int) -> list[list[Job]]:
    """The jobs in chunks of up to :data:`CHUNK` (at least 4 a worker, so that the writer overlaps), the first
    ones smaller (2, then 4, ... articles, one of each size a worker) so that the first write starts after
    the few articles that fit in them, not after a full chunk, while the pipeline fills.

    >>> [len(c) for c in chunked(list(range(200)), 2)][:8]
    [2, 2, 4, 4, 8, 8, 10, 10]
    >>> [len(c) for c in chunked(list(range(50)), 2)]
    [2, 2, 4, 4, 7, 7, 7, 7, 7, 3]
    >>> [len(c) for c in chunked(list(range(7)), 1)]
    [2, 2, 2, 1]
    """
    n = max(1, workers)
    step = max(1, min(CHUNK, -(-len(jobs) // (4 * n))))
    chunks: list[list[Job]] = []
    start, size = 0, min(RAMP, step)
    while start < len(jobs):
        for _ in range(n):
            chunks.append(list(jobs[start : start + size]))
            start += size
            if start >= len(jobs):
                break
        size = min(step, size * 2)
    return chunks


def _prepared(chunks: list[list[Job]], workers: int) -> Iterator[list[tuple[Outcome, Mapped | None]]]:
    """The prepared chunks in input order: here, or in ``workers`` processes that keep ``2 * workers`` chunks
    in flight (so they work while the results are written)."""
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield _prepare_chunk(chunk)
        return
    _warm()  # loaded once here, inherited by the forked workers
    pending: deque[tuple[list[Job], Future[list[tuple[Outcome, Mapped | None]]]]] = deque()
    todo = deque(chunks)
    with ProcessPoolExecutor(workers, initializer=_behind_the_writer) as pool:
        broken = False
        while todo or pending:
            while todo and len(pending) < 2 * workers and not broken:
                chunk = todo.popleft()
                pending.append((chunk, pool.submit(_prepare_chunk, chunk)))
            chunk, future = pending.popleft()
            try:
                part = future.result()
            except BrokenProcessPool:  # a worker died (killed, out of memory): the rest go one by one, here
                broken = True
                part = _prepare_chunk(chunk)
            yield part
            if broken:
                todo.extendleft(reversed([c for c, f in pending]))
                pending.clear()
                while todo:
                    yield _prepare_chunk(todo.popleft())


WORKER_NICENESS = 5
"""How much lower the worker processes' CPU priority is than the writer's: the single writer is the stage every
article passes through, so on a machine with as many cores as workers it must not wait for a time slice
behind them (they fill the time it leaves)."""


def _behind_the_writer() -> None:
    """Run a worker process at a lower priority than the writer (where the system allows it)."""
    with suppress(OSError):
        os.nice(WORKER_NICENESS)


def _warm() -> None:
    """Load the registry and the shapes once, before the workers are forked (they inherit them)."""
    from kg.extract import load_registry
    from kg.records import ArticleRecord, Records

    load_registry()
    with suppress(Exception):  # the shapes: an optimisation only, a worker loads them itself if this failed
        validate_articles([map_records(Records(article=ArticleRecord(text="x", url="https://example.org/warm")))])


class Writer:
    """The single writer: a thread storing the prepared chunks in order while the next ones are prepared.

    Whatever has queued up when the thread is free (up to ``BATCH`` articles) is written in one transaction;
    the store calls release the GIL, so writing overlaps extraction. An error while writing stops the ingest
    and is raised in the caller's thread; every transaction is whole (nothing half-written).
    """

    def __init__(self, store: Store, *, force: bool, result: IngestResult) -> None:
        self.store, self.force, self.result = store, force, result
        self.queue: queue.Queue[list[tuple[Outcome, Mapped | None]] | None] = queue.Queue(maxsize=WRITE_QUEUE)
        self.error: BaseException | None = None
        self.stopped = False
        self.done = 0
        self.referenced = False  # the ontology and registry checked (once per ingest: ~20 ms each time)
        self.groups = GroupCache()  # the summary groups read or written so far (each actor's read once)
        self.thread = threading.Thread(target=self._run, name="kg-ingest-writer", daemon=True)

    def __enter__(self) -> Writer:
        self.thread.start()
        return self

    def put(self, prepared: list[tuple[Outcome, Mapped | None]]) -> None:
        """Queue a prepared chunk (blocks while the writer is ``WRITE_QUEUE`` chunks behind); raises the
        writer's error, if it failed."""
        while True:
            self._raise()
            try:
                self.queue.put(prepared, timeout=0.2)
                return
            except queue.Full:
                continue

    def __exit__(self, kind: object, error: object, tb: object) -> None:
        if error is not None:  # the caller failed: stop writing (what was written stays whole)
            self.stopped = True
            self._drain()
        self.queue.put(None)
        self.thread.join()
        if error is None:
            self._raise()

    def _drain(self) -> None:
        while True:
            try:
                self.queue.get_nowait()
            except queue.Empty:
                return

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        finished = False
        while not finished:
            item = self.queue.get()
            if item is None:
                return
            batch = list(item)
            while len(batch) < BATCH:  # group commit: what else is ready goes in the same transaction
                try:
                    more = self.queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    finished = True
                    break
                batch += more
            if self.error is not None or self.stopped:
                continue
            try:
                self.referenced |= _store_batch(self.store, batch, force=self.force, result=self.result,
                                                reference=not self.referenced, cache=self.groups)
            except BaseException as e:  # noqa: BLE001 - raised again in the caller's thread
                self.error = e
            self.done += len(batch)


def admit(outcome: Outcome, *, force: bool) -> bool:
    """Whether a prepared article may be stored: not when SHACL found violations (unless *force*); a refused
    article's outcome says so."""
    report = outcome.report
    if report is not None and not report.conforms and not force:
        outcome.status = "refused"
        outcome.message = f"{len(report.violations)} shape violation(s); fix the input or pass --force"
        return False
    return True


def _store_batch(
    store: Store, prepared: list[tuple[Outcome, Mapped | None]], *, force: bool, result: IngestResult,
    reference: bool = True, cache: GroupCache | None = None,
) -> bool:
    """Write the admitted articles of *prepared* (with the reference graphs first when *reference*); True
    when something was written."""
    accepted: list[Mapped] = []
    for outcome, mapped in prepared:
        if mapped is not None and admit(outcome, force=force):
            accepted.append(mapped)  # a later file for the same article wins
        result.outcomes.append(outcome)
    if not accepted:
        return False
    if reference:
        ensure_reference(store)  # only now: input that is all refused leaves even a new store untouched
    t = time.perf_counter()
    written = write_articles(store, accepted, cache=cache)
    result.store_seconds += time.perf_counter() - t
    result.flagged.extend(written.flagged)
    return True


def prepare_chunk(jobs: list[Job]) -> list[tuple[Outcome, Mapped | None]]:
    """Read, extract, map and validate files (one SHACL run for them): each outcome, and the mapped article
    where it could be mapped. The unit of work of every ingest engine (the processes of :func:`ingest`, the Dask
    tasks of :mod:`kg.cluster`)."""
    return _prepare_chunk(jobs)
