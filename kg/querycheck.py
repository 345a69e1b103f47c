"""What kg reads off a query before running it: does it name its own dataset (FROM), is it federated (SERVICE)?

Federated queries are refused from the parsed query, not from a pattern on its text: a text that contains the
letters "service" anywhere (in any case, after SPARQL's ``\\u`` escapes) is parsed with rdflib's SPARQL 1.1
parser and refused when its parse tree holds a SERVICE pattern, or when it cannot be parsed (a syntax
beyond SPARQL 1.1, such as LATERAL, cannot be checked, so it is refused too). A text without those letters
cannot hold the keyword, and skips the parse. The worker processes that run queries are, besides, denied
network sockets (:mod:`kg.sandbox`), so a SERVICE that got through would still send nothing.

>>> uses_dataset_clause("SELECT (COUNT(*) AS ?n) FROM <http://g> WHERE { ?s ?p ?o }")
True
>>> uses_dataset_clause("SELECT ?from WHERE { ?s kg:from ?from FILTER(?from > 1) }")
False
>>> refuse_federated("SELECT * { ?s a <http://schema.org/Service> }")
>>> refuse_federated("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryRefused: federated queries (SERVICE) are refused: ...
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from pyparsing import ParseResults

from kg.errors import QueryRefused
from kg.querylimits import iri_end, string_end

_PARSE_STACK = 64 * 1024 * 1024  # rdflib's parser recurses ~40 frames per bracket level; 64 levels fit
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")


def unescape(text: str) -> str:
    """*text* with SPARQL's ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes replaced by their characters."""

    def char(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _ESCAPE.sub(char, text)


def _words_at_depth(text: str) -> Iterator[tuple[str, int]]:
    """Bare words (keywords, function names) outside strings, IRIs and comments, with their bracket depth.

    Variables, prefixed names, language tags and blank node labels are not bare words.
    """
    depth, i, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth = max(0, depth - 1)
        elif c == "#":
            end = text.find("\n", i)
            i = n if end == -1 else end
            continue
        elif c in "\"'":
            i = string_end(text, i)
            continue
        elif c == "<" and (j := iri_end(text, i)) > i + 1:  # an IRI, not the operator
            i = j
            continue
        elif c.isalpha() or c in "?$@_":
            j = i + 1
            while j < n and (text[j] in _NAME_CHARS or text[j].isalnum() or text[j] == ":"):
                j += 1
            word = text[i:j]
            if c.isalpha() and ":" not in word:
                yield word, depth
            i = j
            continue
        i += 1


def uses_dataset_clause(text: str) -> bool:
    """True when the query names its dataset (``FROM`` / ``FROM NAMED``): then it is honoured as written.

    A FROM keyword can stand only in the dataset clause, outside every bracket; sub-queries have none.
    """
    return any(word.upper() == "FROM" and depth == 0 for word, depth in _words_at_depth(unescape(text)))


@lru_cache(maxsize=256)
def _parse(text: str) -> Any:
    from rdflib.plugins.sparql.parser import parseQuery

    return parseQuery(text)


def _contains_service(node: Any) -> bool:
    name = getattr(node, "name", None)
    if name == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_contains_service(v) for v in node.values())
    if isinstance(node, list | tuple | ParseResults):
        return any(_contains_service(v) for v in node)
    return False


def _parse_tree(text: str) -> Any:
    """rdflib's parse of *text* in a thread with room for its recursion (None when it cannot parse it)."""
    box: dict[str, Any] = {}

    def work() -> None:
        limit = sys.getrecursionlimit()
        try:
            sys.setrecursionlimit(max(limit, 20_000))
            box["tree"] = _parse(text)
        except Exception:  # any failure to parse means "cannot be checked": the caller refuses
            box["tree"] = None
        finally:
            sys.setrecursionlimit(limit)

    old = threading.stack_size()
    try:
        threading.stack_size(_PARSE_STACK)
        worker = threading.Thread(target=work, name="kg-sparql-parse")
        worker.start()
    except (RuntimeError, MemoryError):  # no room for the thread under the memory limit: cannot check
        return None
    finally:
        threading.stack_size(old)
    worker.join()
    return box.get("tree")


def refuse_federated(text: str) -> None:
    """Raise QueryRefused when the query is federated (SERVICE) or mentions SERVICE where kg cannot check it."""
    plain = unescape(text)
    if "service" not in plain.lower():
        return
    tree = _parse_tree(plain)
    if tree is None:
        raise QueryRefused(
            "federated queries (SERVICE) are refused, and this query mentions SERVICE in a syntax kg cannot "
            "check (SPARQL 1.1 only)",
            hint="remove the SERVICE clause",
        )
    if _contains_service(tree):
        raise QueryRefused(
            "federated queries (SERVICE) are refused: kg answers from its own store and fetches nothing",
            hint="load the other data with 'kg load' or 'kg ingest'",
        )
