"""Stored SPARQL queries: the registry of ``queries/*.rq``, safe parameter binding and a read-only runner.

A stored query is a ``.rq`` file whose leading comment lines form a header::

    # title: Statements by an actor
    # description: What one actor said, newest first.
    # param: actor IRI required — the speaker (e.g. https://w3id.org/kg/id/actor/donald-trump)
    # param: from date optional — earliest date
    # param: min integer optional default=1 — the least count
    # example: actor=https://w3id.org/kg/id/actor/donald-trump

Header grammar (one key per line, keys ``title``, ``description``, ``param``, ``example``; ``description`` and
``example`` may repeat)::

    param   := NAME TYPE ("required" | "optional") ["default=" VALUE] [("—" | "--" | "-") DESCRIPTION]
    TYPE    := "IRI" | "string" | "date" | "decimal" | "integer"
    example := NAME=VALUE [NAME=VALUE ...]

In the query body a parameter is written ``$name`` (SPARQL's other variable sigil) and every other variable
``?name``, so the parameters a query uses can be read off its text. Values are bound as RDF terms through
pyoxigraph's ``substitutions=`` (rdflib: ``initBindings=``), never pasted into the text. An optional parameter
without a default stays unbound, and queries treat an unbound parameter as "no filter"
(``FILTER(!BOUND($from) || ?date >= $from)``, or a ``$name`` in a triple pattern that then matches anything).

>>> q = parse_query("# title: T\\n# param: day date optional\\nSELECT * { ?s ?p $day }", "t")
>>> [(p.name, p.type, p.required) for p in q.params], q.form
([('day', 'date', False)], 'SELECT')
>>> bind(q, {"day": "2018-08-27"})["day"]
<Literal value=2018-08-27 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import gc
import operator
import re
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, QueryLimitExceeded, QueryRefused, UsageError
from kg.ordering import Order, split_order
from kg.paths import data_dir
from kg.querycheck import refuse_federated, uses_dataset_clause
from kg.querylimits import QueryLimits, check_text
from kg.store.base import Store
from kg.store.oxigraph import OxigraphStore

XSD = "http://www.w3.org/2001/XMLSchema#"
TYPES = ("IRI", "string", "date", "decimal", "integer")
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_IRI = re.compile(r"^(?:https?://[^\s<>\"{}|^`\\]+|urn:[A-Za-z0-9][A-Za-z0-9-]*:[^\s<>\"{}|^`\\]+)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\S+)\s+(?P<req>required|optional)"
    r"(?:\s+default=(?P<default>\S+))?(?:\s+(?:—|--|-)\s*(?P<desc>.*))?$"
)
_HEADER_LINE = re.compile(r"^#\s*(?P<key>[a-z]+):\s*(?P<value>.*?)\s*$")
_COMMENT = re.compile(r"""(<[^<>\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|#[^\n]*""")
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^:\s]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    """One declared parameter of a stored query."""

    name: str
    type: str  # IRI | string | date | decimal | integer
    required: bool = False
    default: str | None = None
    description: str = ""


@dataclass(frozen=True)
class StoredQuery:
    """A SPARQL query with its header: what it answers and which parameters it takes."""

    name: str
    title: str
    description: str
    params: list[Param]
    text: str
    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE
    examples: list[dict[str, str]] = field(default_factory=list)

    def param(self, name: str) -> Param | None:
        """The declared parameter called *name*, else None."""
        return next((p for p in self.params if p.name == name), None)


@dataclass
class QueryResult:
    """What a query returned. SELECT fills ``variables``/``rows``, ASK ``boolean``, CONSTRUCT/DESCRIBE ``triples``.

    ``rows`` hold pyoxigraph terms (None where a variable is unbound). ``truncated`` says that rows or triples
    beyond ``limit`` were dropped; ``note`` says so in words.
    """

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False
    note: str | None = None

    @property
    def is_graph(self) -> bool:
        """True for CONSTRUCT and DESCRIBE results."""
        return self.form in ("CONSTRUCT", "DESCRIBE")


# -- the registry --------------------------------------------------------------------------------------------
def query_form(text: str) -> str | None:
    """The form of a SPARQL text (SELECT, ASK, CONSTRUCT, DESCRIBE), or the update keyword it starts with.

    >>> query_form("PREFIX a: <http://a/> # c\\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }")
    'CONSTRUCT'
    >>> query_form("PREFIX a: <http://a/> DROP ALL")
    'DROP'
    """
    body = _PROLOGUE.sub("", _COMMENT.sub(lambda m: m.group(1) or " ", text), count=1)
    m = re.match(r"\s*([A-Za-z]+)", body)
    word = m.group(1).upper() if m else ""
    return word if word in FORMS or word in UPDATE_KEYWORDS else None


def _fail(name: str, message: str, strict: bool) -> None:
    if strict:
        raise QueryError(f"stored query '{name}': {message}", hint="fix the header of its .rq file")


def parse_query(text: str, name: str, *, strict: bool = True) -> StoredQuery:
    """A :class:`StoredQuery` from the text of a ``.rq`` file (see the module docstring for the header).

    ``strict`` (stored queries) raises QueryError for an unknown header key, a malformed parameter or default,
    or a missing title; ad-hoc queries (``strict=False``) ignore what they cannot read.
    """
    title, description, params, examples = "", [], [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER_LINE.match(line)
        if not m:
            continue
        key, value = m.group("key"), m.group("value")
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        elif key == "param":
            pm = _PARAM.match(value)
            if not pm or pm.group("type") not in TYPES:
                _fail(name, f"cannot read '# param: {value}' (NAME TYPE required|optional [default=V] — text; "
                      f"TYPE one of {', '.join(TYPES)})", strict)
                continue
            p = Param(pm.group("name"), pm.group("type"), pm.group("req") == "required", pm.group("default"),
                      (pm.group("desc") or "").strip())
            if p.default is not None:
                try:
                    to_term(p, p.default, query=name)
                except UsageError as e:
                    _fail(name, f"bad default: {e.message}", strict)
            params.append(p)
        elif key == "example":
            examples.append(dict(pair.split("=", 1) for pair in value.split() if "=" in pair))
        else:
            _fail(name, f"unknown header key '{key}' (title, description, param, example)", strict)
    if not title:
        _fail(name, "the header has no '# title:' line", strict)
    form = query_form(text) or "SELECT"
    if form not in FORMS:
        _fail(name, f"{form} is an update; stored queries are read-only", strict)
    return StoredQuery(name, title or name, " ".join(description), params, text, form, examples)


@cache
def _load(folder: Path) -> dict[str, StoredQuery]:
    found = {}
    for f in sorted(folder.glob("*.rq")):
        found[f.stem] = parse_query(f.read_text(encoding="utf-8"), f.stem)
    return found


def load_queries(folder: Path | None = None) -> dict[str, StoredQuery]:
    """The stored queries by name, read once from ``queries/`` (``kg.paths.data_dir("queries")``)."""
    return dict(_load(folder or data_dir("queries")))


def get_query(name: str, folder: Path | None = None) -> StoredQuery:
    """One stored query; UsageError naming the closest names when there is none called *name*."""
    queries = load_queries(folder)
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, queries, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else "list them with 'kg queries'"
    raise UsageError(f"no stored query '{name}'", hint=hint)


def read_query_file(path: Path) -> StoredQuery:
    """An ad-hoc query from a file (its header, if any, declares parameters as in a stored query)."""
    import os
    import stat

    from kg.errors import InputError
    from kg.querylimits import DEFAULT_MAX_CHARS

    cap = 4 * DEFAULT_MAX_CHARS  # bytes: the size check proper is done on the text, before parsing
    try:  # non-blocking open and a regular-file check: a FIFO or a device never hangs or floods kg
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise InputError(f"cannot read query file {path}: {e.strerror}", hint="check the path") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(f"query file {path} is not a regular file", hint="save the query to a file, or use -")
        os.set_blocking(fd, True)
        data = os.read(fd, cap + 1)
    finally:
        os.close(fd)
    if len(data) > cap:
        raise InputError(f"query file {path} is larger than {cap:,} bytes", hint="a query is text, not data")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"query file {path} is not UTF-8 text (byte at offset {e.start})") from None
    return parse_query(text, Path(path).stem, strict=False)


# -- binding ---------------------------------------------------------------------------------------------
def to_term(param: Param, value: str, *, query: str = "") -> ox.NamedNode | ox.Literal:
    """The RDF term for one parameter value, checked against the parameter's type (UsageError if it fails)."""
    where = f"parameter '{param.name}'" + (f" of '{query}'" if query else "")
    value = value.strip() if param.type != "string" else value
    if param.type == "IRI":
        if not _IRI.match(value):
            raise UsageError(f"{where}: {value!r} is not an absolute http(s) or urn IRI",
                             hint="pass a full IRI such as https://w3id.org/kg/id/actor/donald-trump")
        try:
            return ox.NamedNode(value)
        except ValueError as e:
            raise UsageError(f"{where}: {value!r} is not a valid IRI ({e})",
                             hint="percent-encode the characters IRIs do not allow") from None
    if param.type == "date":
        try:
            if not _DATE.match(value):
                raise ValueError
            dt.date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"{where}: {value!r} is not an ISO date", hint="write YYYY-MM-DD") from None
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
    if param.type == "decimal":
        if not _DECIMAL.match(value):
            raise UsageError(f"{where}: {value!r} is not a decimal number", hint="write e.g. 0.75") from None
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "decimal"))
    if param.type == "integer":
        if not _INTEGER.match(value):
            raise UsageError(f"{where}: {value!r} is not an integer", hint="write e.g. 3") from None
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(value)


def bind(query: StoredQuery, values: Mapping[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """Check *values* against the query's parameters and turn them into RDF terms (defaults filled in).

    Raises UsageError naming the parameter for an unknown name, a missing required value or a bad value.
    Optional parameters without a value or default are left out, i.e. unbound in the query.
    """
    names = [p.name for p in query.params]
    for name in values:
        if name not in names:
            hint = f"its parameters: {', '.join(names)}" if names else "it takes no parameters"
            raise UsageError(f"unknown parameter '{name}' for query '{query.name}'", hint=hint)
    bound: dict[str, ox.NamedNode | ox.Literal] = {}
    for p in query.params:
        value = values.get(p.name, p.default)
        if value is None:
            if p.required:
                raise UsageError(f"query '{query.name}' needs parameter '{p.name}' ({p.type})",
                                 hint=f"pass --param {p.name}=VALUE")
            continue
        bound[p.name] = to_term(p, value, query=query.name)
    return bound


def parse_assignments(items: list[str] | None) -> dict[str, str]:
    """``["actor=https://…", "from=2018-01-01"]`` as a dict; UsageError for a malformed or repeated item.

    >>> parse_assignments(["a=1", "b=x=y"])
    {'a': '1', 'b': 'x=y'}
    """
    values: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f"--param {item!r} is not NAME=VALUE", hint="e.g. --param actor=https://…")
        if name in values:
            raise UsageError(f"parameter '{name}' given twice")
        values[name] = value
    return values


# -- running ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Dataset:
    """The RDF dataset a request names (SPARQL Protocol ``default-graph-uri`` / ``named-graph-uri``).

    Empty: the query's own FROM / FROM NAMED if it has them, else the union of every graph as default graph.
    """

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


WHOLE_STORE = Dataset()


def _one_line(message: str, width: int = 300) -> str:
    """A parser's message on one line, its list of expected tokens cut short."""
    flat = " ".join(message.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def is_update(text: str) -> bool:
    """True when *text* is SPARQL Update: it parses as an update (rdflib's parser), or starts like one."""
    from rdflib.plugins.sparql.parser import parseUpdate

    if query_form(text) in UPDATE_KEYWORDS:
        return True
    try:
        parsed = parseUpdate(text)
    except Exception:  # any parse failure means "not an update"; the caller reports the query error
        return False
    return "request" in parsed  # an empty update (only comments) is nothing at all


class _Cancelled(Exception):
    pass


@lru_cache(maxsize=128)
def _vet(text: str, limits: QueryLimits) -> None:
    """The size and depth limits and the SERVICE refusal, once per text (a refusal raises, so is not kept)."""
    check_text(text, limits)
    refuse_federated(text)


@lru_cache(maxsize=128)
def _own_dataset(text: str) -> bool:
    return uses_dataset_clause(text)  # FROM / FROM NAMED in the text, looked for once per text


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused (rows of terms hold no cycles), as it was before afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _rows(solutions: Iterable[Any], keep: list[int] | None, cap: int | None,
          cancel: threading.Event) -> Iterator[tuple[Term | None, ...]]:
    """The solutions as tuples (only the columns *keep*), one more than *cap* at most; stops when cancelled."""
    pick = None if keep is None else operator.itemgetter(*keep) if len(keep) > 1 else None
    try:
        for n, solution in enumerate(solutions):
            if not n & 255 and cancel.is_set():
                raise _Cancelled
            if cap is not None and n > cap:
                return
            if keep is None:
                yield tuple(solution)
            elif pick is not None:
                yield pick(solution)
            else:
                yield tuple([solution[i] for i in keep])
    finally:  # pyoxigraph's iterator must not outlive this thread in a traceback (see _collect)
        solutions = solution = ()


def _open(store: Store, text: str, subs: Mapping[str, object], form: str | None,
          params: frozenset[str], dataset: Dataset) -> tuple[Any, Order | None]:
    """The engine's answer to *text* and the ORDER BY kg does itself (None: the engine sorts, or no order)."""
    if dataset:  # the request's dataset replaces the query's FROM (SPARQL 1.1 Protocol, 2.1.4)
        scope: dict[str, Any] = {"union": False, "default_graph": list(dataset.default_graphs),
                                 "named_graphs": list(dataset.named_graphs) if dataset.named_graphs else None}
    else:  # the query's own FROM / FROM NAMED, else every graph as the default graph
        scope = {"union": not _own_dataset(text)}
    # the embedded store sorts the decoded rows in Python, far faster than on disk (kg.ordering)
    order = split_order(text, params) if form == "SELECT" and isinstance(store, OxigraphStore) else None
    try:
        answer = store.query(order.text if order else text, substitutions=subs, **scope)
        if order and not (isinstance(answer, ox.QuerySolutions)
                          and order.applies([v.value for v in answer.variables])):
            answer, order = None, None  # a key the query does not project: the engine sorts
            answer = store.query(text, substitutions=subs, **scope)
    except QueryError as e:
        if is_update(text):
            raise QueryRefused(
                "kg query is read-only; SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, ...) is refused",
                hint="change the store with 'kg ingest' or 'kg resolve'",
            ) from None
        raise QueryError(_one_line(e.message), hint=e.hint) from None
    return answer, order


def _columns(answer: ox.QuerySolutions, params: frozenset[str]) -> tuple[list[str], list[int] | None]:
    """The variables shown and the positions of their columns (None: all of them)."""
    # pyoxigraph insists that substituted parameters are projected; they are constants, so not shown
    every = [v.value for v in answer.variables]
    keep = [i for i, v in enumerate(every) if v not in params]  # by position: faster than by name
    return [every[i] for i in keep], None if len(keep) == len(every) else keep


def _collect(store: Store, text: str, subs: Mapping[str, object], form: str | None, limit: int | None,
             cancel: threading.Event, params: frozenset[str] = frozenset(),
             dataset: Dataset = WHOLE_STORE) -> QueryResult:
    answer, order = _open(store, text, subs, form, params, dataset)
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(form="ASK", boolean=bool(answer))
    truncated = False
    try:  # pyoxigraph result iterators must be dropped by the thread that made them: see the finally
        if isinstance(answer, ox.QuerySolutions):
            variables, keep = _columns(answer, params)
            cap = None if order else limit
            with _no_gc():  # thousands of tuples kept: the collector's passes over them cost more than the rows
                rows = list(_rows(answer, keep, cap, cancel))
                if cap is not None and len(rows) > cap:
                    rows, truncated = rows[:cap], True
                if order:
                    rows = order.sort(rows, variables)
                    if limit is not None and len(rows) > limit:
                        rows, truncated = rows[:limit], True
            result = QueryResult(form="SELECT", variables=variables, rows=rows)
            unit = "rows"
        else:
            triples: list[ox.Triple] = []
            for t in answer:
                if cancel.is_set():
                    raise _Cancelled
                if limit is not None and len(triples) >= limit:
                    truncated = True
                    break
                triples.append(t)
            result = QueryResult(form=form if form in ("CONSTRUCT", "DESCRIBE") else "CONSTRUCT", triples=triples)
            unit = "triples"
    except OSError as e:
        raise QueryError(f"query failed: {e}") from None
    finally:
        answer = None
    if truncated:
        result.truncated = True
        result.note = f"result cut at {limit} {unit}; raise --limit to see more"
    return result


def run_query(
    store: Store,
    query: StoredQuery | str,
    values: Mapping[str, str] | None = None,
    *,
    timeout: float | None = None,
    limit: int | None = None,
    dataset: Dataset = WHOLE_STORE,
    limits: QueryLimits | None = None,
) -> QueryResult:
    """Run a stored or ad-hoc query read-only in this process, its parameters bound as RDF terms.

    Before any parser sees it, the text is checked against the size and depth limits of *limits*
    (:func:`kg.querylimits.check_text`); a federated query is refused (:func:`kg.querycheck.refuse_federated`),
    and so is an update (QueryRefused). *limit* keeps the first rows (or triples) and flags the rest.
    *dataset* (the SPARQL Protocol's graph parameters) replaces the query's FROM clauses.

    This is the engine the worker processes of :mod:`kg.querypool` call, and what tests and library users
    call directly. Its *timeout* only abandons the query: it runs in a daemon thread (pyoxigraph releases the
    GIL) that is told to stop at its next row, and a query that computes everything before its first row
    keeps a CPU busy until that step ends. To stop a query for sure, run it in a :class:`kg.querypool.QueryPool`.
    """
    stored = query if isinstance(query, StoredQuery) else parse_query(query, "query", strict=False)
    _vet(stored.text, limits or QueryLimits())
    subs = bind(stored, values or {})
    form = query_form(stored.text)
    if limit is not None and limit < 0:
        raise UsageError(f"--limit must be 0 or more, not {limit}")
    cancel = threading.Event()
    params = frozenset(str(k) for k in subs)  # bound parameters: constants in every row
    if timeout is None:
        return _collect(store, stored.text, subs, form, limit, cancel, params, dataset)
    if timeout <= 0:
        raise UsageError(f"--timeout must be positive, not {timeout}")
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["result"] = _collect(store, stored.text, subs, form, limit, cancel, params, dataset)
        except BaseException as e:  # handed over to the caller's thread
            box["error"] = e

    started = time.monotonic()
    worker = threading.Thread(target=work, name="kg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        cancel.set()
        raise QueryLimitExceeded(f"query '{stored.name}' timed out after {time.monotonic() - started:.1f} s",
                         hint="raise --timeout, add parameters that narrow it, or add a LIMIT")
    if "error" in box:
        error = box["error"]
        assert isinstance(error, BaseException)
        if isinstance(error, _Cancelled):
            raise QueryError(f"query '{stored.name}' was cancelled")
        raise error
    result = box["result"]
    assert isinstance(result, QueryResult)
    return result


CHUNK = 1000  # rows per part of a streamed result


def stream_query(
    store: Store,
    query: StoredQuery | str,
    values: Mapping[str, str] | None = None,
    *,
    limit: int | None = None,
    dataset: Dataset = WHOLE_STORE,
    limits: QueryLimits | None = None,
    chunk: int = CHUNK,
) -> Iterator[QueryResult]:
    """Run a query like :func:`run_query`, its SELECT rows yielded in parts of up to *chunk* as the engine
    yields them, so a caller can write them out without holding the whole result.

    Every part is a SELECT :class:`QueryResult` with the variables and its rows; there is always at least
    one, and the last one carries ``truncated`` and ``note``. A query kg sorts itself (:mod:`kg.ordering`)
    yields its first part once every row is sorted, as the engine's own ORDER BY would. ASK, CONSTRUCT and
    DESCRIBE give one part: their whole result. The parts must be read by the thread that started them
    (pyoxigraph's iterators belong to it); no timeout here: a :class:`kg.querypool.QueryPool` stops a query.
    """
    stored = query if isinstance(query, StoredQuery) else parse_query(query, "query", strict=False)
    if query_form(stored.text) not in (None, "SELECT"):
        yield run_query(store, stored, values, limit=limit, dataset=dataset, limits=limits)
        return
    _vet(stored.text, limits or QueryLimits())
    subs = bind(stored, values or {})
    if limit is not None and limit < 0:
        raise UsageError(f"--limit must be 0 or more, not {limit}")
    if chunk < 1:
        raise ValueError("a part holds at least one row")
    params = frozenset(str(k) for k in subs)
    answer, order = _open(store, stored.text, subs, "SELECT", params, dataset)
    try:
        if not isinstance(answer, ox.QuerySolutions):  # an ad-hoc text the form sniffing misread
            yield _collect(store, stored.text, subs, query_form(stored.text), limit, threading.Event(), params,
                           dataset)
            return
        variables, keep = _columns(answer, params)
        rows: Iterable[tuple[Term | None, ...]] = _rows(answer, keep, None, threading.Event())
        if order:
            with _no_gc():
                rows = order.sort(list(rows), variables)
        part: list[tuple[Term | None, ...]] = []
        for count, row in enumerate(rows):
            if limit is not None and count >= limit:
                yield QueryResult(form="SELECT", variables=variables, rows=part, truncated=True,
                                  note=f"result cut at {limit} rows; raise --limit to see more")
                return
            part.append(row)
            if len(part) == chunk:
                yield QueryResult(form="SELECT", variables=variables, rows=part)
                part = []
        yield QueryResult(form="SELECT", variables=variables, rows=part)
    except OSError as e:
        raise QueryError(f"query failed: {e}") from None
    finally:
        answer = rows = None  # type: ignore[assignment]
