"""The Python API of kg: the functions ``kg/__init__.py`` exports (docs/api.md shows them at work).

Each is the library call behind one ``kg`` command, with Python values in and out:

>>> import kg
>>> store = kg.open_store(":memory:")
>>> records = kg.extract("Japan and Canada held talks in Ottawa on Monday.", published="2024-03-04")
>>> [(m.kind, m.status) for m in records.meetings]
[('talks', 'held')]
>>> result = kg.ingest(store, ["Japan and Canada held talks in Ottawa on Monday."])
>>> [(o.path, o.status) for o in result.outcomes]
[('<text 1>', 'ingested')]
>>> kg.query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }").rows[0][0].value
'1'

Heavy modules (extraction, SHACL, the reasoner) are imported when a function first needs them, so that
``import kg`` stays quick.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

    from rdflib import Dataset

    from kg.ingest import IngestResult
    from kg.load import LoadFormat, LoadResult
    from kg.queries import QueryResult, StoredQuery
    from kg.records import ArticleRecord, Records
    from kg.resolve import Judgement
    from kg.scoring import Scorecard
    from kg.store.base import Store

def open_store(path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open the kg store at *path* (default ``./kg-data``; ``":memory:"`` for a fresh store in memory).

    Raises :class:`~kg.errors.StoreError` when the store is locked by another process or cannot be opened.
    """
    from kg.store import open_store as _open

    return _open(None if path is None else str(path), read_only=read_only)


def extract(
    source: str | ArticleRecord,
    *,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: str | None = None,
) -> Records:
    """The records (actors, statements, meetings, predictions) of one article; the store is not touched.

    *source* is the article text (plain text as in a file: front matter allowed) or an
    :class:`~kg.records.ArticleRecord`; the keyword arguments set its metadata (as ``kg extract --url ...``).

    >>> r = extract("Ana Silva said: \\"We will sign the deal next week.\\"", outlet="Example News")
    >>> r.article.outlet, len(r.statements)
    ('Example News', 1)
    """
    from kg.ingest import extract_records

    article = _article(source, url=url, title=title, outlet=outlet, author=author, published=published)
    return extract_records(article)


def ingest(
    store: Store,
    sources: Iterable[str | os.PathLike[str] | ArticleRecord | Records] | str | os.PathLike[str],
    *,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: str | None = None,
    force: bool = False,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> IngestResult:
    """Extract, validate and store articles, one named graph each (as ``kg ingest``).

    Each source is article text (``str``), a file or folder (``pathlib.Path``), an
    :class:`~kg.records.ArticleRecord` (text with metadata) or :class:`~kg.records.Records` (already
    extracted). Texts and records travel through the very pipeline files take; in the outcomes they are
    called ``<text 1>``, ``<records 2>``, .... An article that violates the shapes is refused unless *force*.
    """
    from kg.articles import Metadata
    from kg.ingest import ingest as run

    items = [sources] if isinstance(sources, str | os.PathLike) else list(sources)
    meta = Metadata(url=url, title=title, outlet=outlet, author=author, published=published)
    with tempfile.TemporaryDirectory(prefix="kg-ingest-") as tmp:
        paths, labels = _materialise(items, Path(tmp))
        result = run(store, paths, meta=meta, force=force, workers=workers, progress=progress)
    for outcome in result.outcomes:
        outcome.path = labels.get(outcome.path, outcome.path)
    return result


def load(
    store: Store,
    source: bytes | str | os.PathLike[str],
    *,
    fmt: LoadFormat | str | None = None,
    graph: str | None = None,
    force: bool = False,
) -> LoadResult:
    """Load RDF into named graphs, validated like ingest (as ``kg load``; see :mod:`kg.load`).

    *source* is a file (``pathlib.Path``), or the RDF itself (``bytes`` or ``str``, then give *fmt*).

    >>> r = load(open_store(":memory:"), '<http://example.org/a> <http://example.org/p> 1 .', fmt="turtle",
    ...          graph="http://example.org/g")
    >>> r.graphs
    {'http://example.org/g': 1}
    """
    from kg.load import load as run
    from kg.load import load_file

    if isinstance(source, os.PathLike):
        return load_file(store, Path(source), fmt=fmt, graph=graph, force=force)
    data = source.encode("utf-8") if isinstance(source, str) else source
    return run(store, data, fmt=fmt, graph=graph, force=force)


def query(
    store: Store,
    query: str | StoredQuery,
    /,
    params: Mapping[str, object] | None = None,
    *,
    timeout: float | None = None,
    limit: int | None = None,
    **values: object,
) -> QueryResult:
    """Run a stored query by name (see ``kg queries``) or a SPARQL text, read-only.

    Parameters are bound as RDF terms of the types the query declares, given as keywords
    (``actor="https://..."``) or in *params* (for names Python reserves, such as ``from``).
    Raises :class:`~kg.errors.UsageError` for an unknown query or parameter, :class:`~kg.errors.QueryError`
    for malformed SPARQL, an update or a timeout.

    >>> r = query(open_store(":memory:"), "ASK { ?s ?p ?o }")
    >>> r.form, r.boolean
    ('ASK', False)
    """
    from kg.queries import get_query, run_query

    bound = {k: _param_text(v) for k, v in {**(params or {}), **values}.items()}
    if isinstance(query, str) and _is_name(query):
        query = get_query(query)
    chosen: StoredQuery | str = query
    return run_query(store, chosen, bound, timeout=timeout, limit=limit)


def resolve(store: Store, *, as_of: dt.date | None = None, prediction: str | None = None) -> list[Judgement]:
    """Judge the predictions against later sources and record the judgements (as ``kg resolve``)."""
    from kg.resolve import resolve as run

    return run(store, as_of=as_of, prediction=prediction)


def scorecard(store: Store, *, by: str = "predictor") -> Scorecard:
    """Brier, log and skill scores of the judged predictions, per predictor or outlet (``kg scorecard``)."""
    from kg.scoring import scorecard as run

    return run(store, by=by)


def dataset(store: Store) -> Dataset:
    """An rdflib :class:`~rdflib.Dataset` over the store's quads (oxrdflib), for code written for rdflib.

    It reads the live store (no copy). Writing through it would bypass the shapes: write with
    :func:`ingest` and :func:`load` instead.

    >>> s = open_store(":memory:")
    >>> _ = load(s, "<http://example.org/a> <http://example.org/p> 1 .", fmt="turtle", graph="http://example.org/g")
    >>> from rdflib import URIRef
    >>> len(dataset(s).graph(URIRef("http://example.org/g")))
    1
    """
    from kg.store.rdflib_view import dataset_view

    return dataset_view(store)


# -- helpers ---------------------------------------------------------------------------------------------
def _article(source: str | ArticleRecord, **meta: str | None) -> ArticleRecord:
    from dataclasses import replace

    from kg.articles import Metadata, read_article
    from kg.records import ArticleRecord

    given = {k: v for k, v in meta.items() if v}
    if isinstance(source, ArticleRecord):
        return replace(source, **given) if given else source
    with tempfile.TemporaryDirectory(prefix="kg-extract-") as tmp:
        path = Path(tmp) / "text.txt"
        path.write_text(source, encoding="utf-8")
        found = read_article(path, Metadata(**given))
    if not isinstance(found, ArticleRecord):
        raise TypeError("extract() takes article text; pass records to ingest() directly")
    return found


def _materialise(items: list[Any], folder: Path) -> tuple[list[str | Path], dict[str, str]]:
    """Paths for ingest: texts and records are written to *folder*; labels map them back to names."""
    from kg.records import ArticleRecord, Records

    paths: list[str | Path] = []
    labels: dict[str, str] = {}
    for i, item in enumerate(items, 1):
        if isinstance(item, os.PathLike):
            paths.append(Path(item))
            continue
        if isinstance(item, str):
            path, label = folder / f"{i}.txt", f"<text {i}>"
            path.write_text(item, encoding="utf-8")
        elif isinstance(item, ArticleRecord | Records):
            records = item if isinstance(item, Records) else extract(item)
            path, label = folder / f"{i}.json", f"<records {i}>"
            path.write_text(json.dumps(records.to_dict(), ensure_ascii=False), encoding="utf-8")
        else:
            raise TypeError(f"cannot ingest {type(item).__name__}: give text, a path or records")
        paths.append(path)
        labels[str(path)] = label
    return paths, labels


def _is_name(text: str) -> bool:
    """A stored query's name (letters, digits, hyphens) rather than SPARQL text."""
    return bool(text) and all(c.isalnum() or c in "-_" for c in text)


def _param_text(value: object) -> str:
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
