"""Ingest: read -> extract -> map -> validate -> store, for one file or a whole folder.

Each article is read, extracted, mapped and validated on its own (in ``workers`` processes when asked: the
store has a single writer); the articles of a batch that pass are written together. An article that violates
the shapes is refused (unless ``force``) and leaves the store as it was; the others still land.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kg.articles import Metadata, article_files, read_article
from kg.errors import InputError, KgError
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


def extract_records(source: ArticleRecord | Records) -> Records:
    """Records for what ``read_article`` returned: records JSON passes through, text is extracted."""
    if isinstance(source, Records):
        return source
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


def _prepare(args: tuple[str, Metadata | None]) -> tuple[Outcome, Graph | None]:
    path, meta = args
    try:
        records = extract_file(path, meta)
        graph = to_graph(records)
    except KgError as e:
        return Outcome(path=path, status="failed", message=str(e)), None
    art = records.article
    outcome = Outcome(
        path=path,
        status="ingested",
        graph=str(graph_iri(art)),
        article=str(article_iri(art)),
        title=art.title,
        triples=len(graph),
        report=validate(graph),
    )
    return outcome, graph


def ingest(
    store: Store,
    paths: Sequence[str | Path],
    *,
    meta: Metadata | None = None,
    force: bool = False,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> IngestResult:
    """Ingest article files (or folders of them) into *store*; see the module docstring."""
    files = expand(paths)
    ensure_reference(store)
    result = IngestResult()
    jobs = [(str(f), meta) for f in files]
    pool = ProcessPoolExecutor(workers) if workers > 1 and len(jobs) > 1 else None
    try:
        for start in range(0, len(jobs), BATCH):
            chunk = jobs[start : start + BATCH]
            prepared = list(pool.map(_prepare, chunk, chunksize=8) if pool else map(_prepare, chunk))
            _store_batch(store, prepared, force=force, result=result)
            if progress:
                progress(min(start + BATCH, len(jobs)), len(jobs))
    finally:
        if pool:
            pool.shutdown()
    return result


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
        store.replace_graphs(accepted)


def prepare_file(job: tuple[str, Metadata | None]) -> tuple[Outcome, Graph | None]:
    """Read, extract, map and validate one file: its outcome and its graph (None when it failed).

    The unit of work of every ingest engine (processes of :func:`ingest`, Dask tasks of :mod:`kg.cluster`).
    """
    return _prepare(job)
