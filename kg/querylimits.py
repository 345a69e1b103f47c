"""The limits every query runs under, and the checks made on its text before any parser sees it.

A SPARQL parser is recursive: a query nesting thousands of brackets overflows its stack (Oxigraph's parser
dies with SIGSEGV, rdflib's with RecursionError). So the size and the bracket depth of a query are measured
first, by a linear scan that skips strings, IRIs and comments, and a query over either limit is refused.

>>> check_text("SELECT * { ?s ?p ?o FILTER(?o > 1) }", QueryLimits())
>>> nesting_depth('SELECT * { ?s ?p "((((" } # ((((((')
1
>>> nesting_depth("ASK { FILTER(" + "(" * 3 + "1" + ")" * 3 + ") }")
5
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from kg.errors import QueryError, UsageError

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000
DEFAULT_MEMORY_MB = 2048
DEFAULT_MAX_CHARS = 256 * 1024
DEFAULT_MAX_DEPTH = 64

_OPEN, _CLOSE = "({[", ")}]"


@dataclass(frozen=True)
class QueryLimits:
    """What one query may use: wall time (s), result rows (or triples), worker memory (MB), text size and depth.

    ``timeout`` and ``max_rows`` are None for "no limit" (a user who raised them on purpose).
    """

    timeout: float | None = DEFAULT_TIMEOUT
    max_rows: int | None = DEFAULT_MAX_ROWS
    memory_mb: int = DEFAULT_MEMORY_MB
    max_chars: int = DEFAULT_MAX_CHARS
    max_depth: int = DEFAULT_MAX_DEPTH

    def __post_init__(self) -> None:
        if self.timeout is not None and not (math.isfinite(self.timeout) and self.timeout > 0):
            raise UsageError(f"--timeout must be a positive number of seconds, not {self.timeout}",
                             hint="e.g. --timeout 60")
        if self.max_rows is not None and self.max_rows < 0:
            raise UsageError(f"--limit must be 0 or more, not {self.max_rows}")
        if self.memory_mb < 64:
            raise UsageError(f"--memory must be at least 64 MB, not {self.memory_mb}")
        if self.max_chars < 1 or self.max_depth < 1:
            raise UsageError("query size and depth limits must be positive")

    def with_(self, *, timeout: float | None = None, max_rows: int | None = None) -> QueryLimits:
        """These limits with *timeout* or *max_rows* replaced when given."""
        changed = {k: v for k, v in (("timeout", timeout), ("max_rows", max_rows)) if v is not None}
        return replace(self, **changed) if changed else self  # type: ignore[arg-type]


DEFAULT_LIMITS = QueryLimits()


def string_end(text: str, i: int) -> int:
    """The index after the string literal starting at *i* (short or long, single or double quoted)."""
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = text.find(quote * 3, i + 3)
        while end != -1 and _escaped(text, end):
            end = text.find(quote * 3, end + 1)
        return len(text) if end == -1 else end + 3
    j = i + 1
    while j < len(text):
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == quote or c == "\n":
            return j + 1
        j += 1
    return j


def _escaped(text: str, i: int) -> bool:
    backslashes = 0
    while i - 1 - backslashes >= 0 and text[i - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


_IRI_STOP = frozenset('<>"{}|^`\\ \t\r\n')


def iri_end(text: str, i: int) -> int:
    """The index after an IRI reference at *i*, or *i* + 1 when ``<`` there is an operator, not an IRI."""
    j = i + 1
    while j < len(text) and text[j] not in _IRI_STOP:
        j += 1
    return j + 1 if j < len(text) and text[j] == ">" else i + 1


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``(``, ``{`` and ``[`` in *text*, outside strings and comments.

    Brackets inside what looks like an IRI count too (``<`` may be the less-than operator, and the parser
    decides that only in context), but ``#`` and quotes there start no comment or string. The scan can
    only overestimate the depth a parser sees.
    """
    depth = deepest = 0
    i, n = 0, len(text)
    inside_until = 0
    while i < n:
        c = text[i]
        if i < inside_until:
            if c in _OPEN:
                depth += 1
                deepest = max(deepest, depth)
            elif c in _CLOSE:
                depth = max(0, depth - 1)
            i += 1
            continue
        if c in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif c == "#":
            end = text.find("\n", i)
            i = n if end == -1 else end
            continue
        elif c in "\"'":
            i = string_end(text, i)
            continue
        elif c == "<":
            inside_until = iri_end(text, i)
        i += 1
    return deepest


def check_text(text: str, limits: QueryLimits) -> None:
    """Refuse (QueryError) a query text longer than ``max_chars`` or nested deeper than ``max_depth``."""
    if len(text) > limits.max_chars:
        raise QueryError(f"query is {len(text):,} characters, over the limit of {limits.max_chars:,}",
                         hint="shorten it (bind values with parameters instead of pasting them)")
    depth = nesting_depth(text)
    if depth > limits.max_depth:
        raise QueryError(f"query nests brackets {depth} deep, over the limit of {limits.max_depth}",
                         hint="flatten the expression")
