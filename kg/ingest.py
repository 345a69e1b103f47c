"""Ingest: read -> extract -> map -> validate -> store, for one file or a whole folder.

Each article is read, extracted, mapped and validated on its own (in ``workers`` processes when asked: the
store has a single writer); the articles of a batch that pass are written together. An article that violates
the shapes is refused (unless ``force``) and leaves the store as it was; the others still land.
"""

from __future__ import annotations

import hashlib
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kg.articles import Metadata, article_files, read_article
from kg.errors import InputError, KgError, UsageError
from kg.mapping import article_iri, graph_iri, to_graph
from kg.namespaces import KG, ONTOLOGY_GRAPH, REGISTRY_GRAPH
from kg.paths import data_dir
from kg.records import ArticleRecord, Records
from kg.store.base import Store
from kg.validate import Report, validate

BATCH = 50


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


@dataclass
class IngestResult:
    """The outcomes of one ingest run."""

    outcomes: list[Outcome] = field(default_factory=list)

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


def _reference_files() -> dict[str, list[Path]]:
    actors = data_dir("seeds") / "actors.ttl"
    return {
        str(ONTOLOGY_GRAPH): sorted(data_dir("ontology").glob("*.ttl")),
        str(REGISTRY_GRAPH): [actors] if actors.exists() else [],
    }


def reference_graphs() -> dict[str, Graph]:
    """The ontology and the actor registry, each for a graph of its own, stamped with a hash of the files."""
    graphs = {}
    for name, files in _reference_files().items():
        g = Graph()
        digest = hashlib.sha256()
        for f in files:
            data = f.read_bytes()
            digest.update(data)
            g.parse(data=data, format="turtle")
        g.add((URIRef(name), KG.contentHash, Literal(digest.hexdigest())))
        graphs[name] = g
    return graphs


def ensure_reference(store: Store) -> None:
    """Load the ontology and registry graphs unless the store already holds these very files."""
    stale = {}
    for name, g in reference_graphs().items():
        stamp = g.value(URIRef(name), KG.contentHash)
        ask = "ASK { GRAPH ?g { ?g kg:contentHash ?h } }"
        if not store.query(ask, substitutions={"g": ox.NamedNode(name), "h": ox.Literal(str(stamp))}):
            stale[name] = g
    if stale:
        store.replace_graphs(stale)


EXTRACT_SECONDS = 120.0
"""Longest time one article may take from reading to validation before it is given up (see docs/reliability.md)."""


def _prepare(args: tuple[str, Metadata | None, float | None]) -> tuple[Outcome, Graph | None]:
    """Read, extract, map and validate one file; whatever goes wrong becomes this file's failed outcome."""
    path, meta, seconds = args
    try:
        with time_limit(seconds, what=path):
            records = extract_file(path, meta)
            graph = to_graph(records)
            report = validate(graph)
    except KgError as e:
        message = str(e) if path in str(e) else f"{path}: {e}"
        return Outcome(path=path, status="failed", message=message), None
    except Exception as e:  # one article's defect must not stop the others (docs/reliability.md)
        return Outcome(path=path, status="failed", message=internal_error(path, e)), None
    art = records.article
    outcome = Outcome(
        path=path,
        status="ingested",
        graph=str(graph_iri(art)),
        article=str(article_iri(art)),
        title=art.title,
        triples=len(graph),
        report=report,
    )
    return outcome, graph


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
    jobs = [(str(f), meta, time_limit_s) for f in files]
    pool = ProcessPoolExecutor(workers) if workers > 1 and len(jobs) > 1 else None
    try:
        for start in range(0, len(jobs), BATCH):
            chunk = jobs[start : start + BATCH]
            prepared = _prepare_all(chunk, pool)
            _store_batch(store, prepared, force=force, result=result)
            if progress:
                progress(min(start + BATCH, len(jobs)), len(jobs))
    finally:
        if pool:
            pool.shutdown()
    return result


def _prepare_all(
    chunk: list[tuple[str, Metadata | None, float | None]], pool: ProcessPoolExecutor | None
) -> list[tuple[Outcome, Graph | None]]:
    if pool is None:
        return [_prepare(job) for job in chunk]
    try:
        return list(pool.map(_prepare, chunk, chunksize=8))
    except BrokenProcessPool:  # a worker died (killed, out of memory): these files go one by one, here
        return [_prepare(job) for job in chunk]


def _store_batch(
    store: Store, prepared: list[tuple[Outcome, Graph | None]], *, force: bool, result: IngestResult
) -> None:
    accepted: dict[str, Graph] = {}
    for outcome, graph in prepared:
        if graph is not None and outcome.graph:
            report = outcome.report
            if report is not None and not report.conforms and not force:
                outcome.status = "refused"
                outcome.message = f"{len(report.violations)} shape violation(s); fix the input or pass --force"
            else:
                accepted[outcome.graph] = graph  # a later file for the same article wins
        result.outcomes.append(outcome)
    if accepted:
        ensure_reference(store)  # only now: input that is all refused leaves even a new store untouched
        store.replace_graphs(accepted)
