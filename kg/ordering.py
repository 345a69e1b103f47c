"""A query's final ORDER BY done on the decoded rows, for the embedded Oxigraph store.

Oxigraph sorts by comparing terms, and on the on-disk store each comparison of two IRIs or strings reads both
strings back from RocksDB: ``ORDER BY ?a ?b`` over 45,000 rows took 6.8 s where the unsorted rows took 1.4 s
(1M triples). Sorting the rows once they are decoded costs a few milliseconds. So when a query ends with an
ORDER BY of plain variables (``?x``, ``ASC(?x)``, ``DESC(?x)``) and nothing after it (no LIMIT / OFFSET, which
the engine's top-k needs), kg runs it without that clause and sorts the rows itself, in SPARQL's order
(unbound < blank node < IRI < literal; numbers by value, dates and strings by their text; Python's sort is stable,
so rows the keys leave equal keep the engine's order). Anything else (an expression, a variable the query does
not project) is left to the engine.

>>> o = split_order("SELECT ?a ?n WHERE { ?a <p> ?n } ORDER BY DESC(?n) ?a  # newest first")
>>> o.text, o.keys, o.applies(["a", "n"]), o.applies(["a"])
('SELECT ?a ?n WHERE { ?a <p> ?n } ', [('n', True), ('a', False)], True, False)
>>> split_order("SELECT ?a WHERE { ?a <p> ?n } ORDER BY ?a LIMIT 5") is None
True
>>> split_order("SELECT ?a WHERE { ?a <p> ?n } ORDER BY STR(?a)") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                               "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
                               "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_TEMPORAL = {XSD + t for t in ("date", "dateTime", "time", "gYear", "gYearMonth")}

# strings, IRIs and comments are skipped when looking for the braces of the query
_SKIP = re.compile(
    r"""'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>|\#[^\n]*|[{}]""",
    re.DOTALL,
)
_COND = r"(?:(?:ASC|DESC)\s*\(\s*[?$]\w+\s*\)|[?$]\w+)"
_ORDER = re.compile(rf"\bORDER\s+BY\s+((?:{_COND}\s*)+)(?:\#[^\n]*\s*)*$", re.IGNORECASE)
_ONE = re.compile(r"(?:(ASC|DESC)\s*\(\s*)?[?$](\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class Order:
    """A query without its final ORDER BY, and the sort keys: (variable, descending)."""

    text: str
    keys: list[tuple[str, bool]]

    def applies(self, variables: Sequence[str]) -> bool:
        """True when every key is a projected variable (else the engine must sort)."""
        return all(name in variables for name, _ in self.keys)

    def sort(self, rows: list[tuple[Any, ...]], variables: Sequence[str]) -> list[tuple[Any, ...]]:
        """*rows* (tuples of terms in the order of *variables*) sorted by the keys.

        The keys are computed once per column (:func:`column_keys`: the strings of a column of IRIs or of
        literals of one datatype, the values of a column of numbers, else :func:`term_key` of each term). One
        sort on all of them when every descending column holds numbers (negated), else one stable sort of the
        row positions per key, last key first.
        """
        names = list(variables)
        columns = [(column_keys(list(map(itemgetter(names.index(name)), rows))), descending)
                   for name, descending in self.keys]
        if all(not d or all(type(k) is float for k in keys) for keys, d in columns):  # one pass
            flipped = [[-k for k in keys] if d else keys for keys, d in columns]
            # the position last: rows the keys leave equal keep the engine's order (a stable sort)
            return [rows[entry[-1]] for entry in sorted(zip(*flipped, range(len(rows)), strict=True))]
        order = list(range(len(rows)))
        for keys, descending in reversed(columns):
            order.sort(key=keys.__getitem__, reverse=descending)
        return [rows[j] for j in order]


def column_keys(column: list[Any]) -> list[Any]:
    """Sort keys for the terms of one column, in SPARQL's order (see :func:`term_key`).

    >>> n = lambda v: ox.Literal(v, datatype=ox.NamedNode(XSD + "integer"))
    >>> column_keys([n("10"), n("9")]), column_keys([ox.NamedNode("http://b"), ox.NamedNode("http://a")])
    ([10.0, 9.0], ['http://b', 'http://a'])
    """
    kinds = set(map(type, column))
    if kinds == {ox.NamedNode}:
        return [t.value for t in column]
    if kinds == {ox.Literal}:
        distinct = list(set(column))
        if len(distinct) < len(column):  # values repeat (counts, dates, kinds): each one's key made once
            keys = dict(zip(distinct, _literal_keys(distinct), strict=True))
            return [keys[t] for t in column]
        return _literal_keys(column)
    return _term_keys(column)


def _literal_keys(column: list[ox.Literal]) -> list[Any]:
    """Sort keys for a column of literals: numbers by value, one datatype by its text, else :func:`term_key`."""
    datatypes = {t.datatype.value for t in column}
    if datatypes <= _NUMERIC:
        try:
            return [float(t.value) for t in column]
        except ValueError:
            pass
    elif len(datatypes) == 1 and not any(t.language for t in column):
        return [t.value for t in column]  # one datatype (strings, dates): by their text, as term_key does
    return _term_keys(column)


def _term_keys(column: list[Any]) -> list[tuple[Any, ...]]:
    """:func:`term_key` of each term of a mixed column."""
    memo: dict[Any, tuple[Any, ...]] = {}  # a term's key, computed once (actors and dates repeat)
    out = []
    for term in column:
        found = memo.get(term)
        if found is None:
            found = memo[term] = term_key(term)
        out.append(found)
    return out


@lru_cache(maxsize=128)  # the same stored texts come again and again; an Order is not changed once made
def split_order(text: str, constants: frozenset[str] = frozenset()) -> Order | None:
    """*text* without its final ORDER BY when kg can sort the rows itself (see the module docstring), else None.

    *constants* are the bound parameters (written into the text as terms: they order nothing and are dropped
    from the keys). The caller checks :meth:`Order.applies` on the variables the query projects.
    """
    braces = [m.end() for m in _SKIP.finditer(text) if m.group() == "}"]
    if not braces:
        return None
    last = braces[-1]
    order = _ORDER.search(text[last:])
    if not order:
        return None
    keys = [(c.group(2), (c.group(1) or "").upper() == "DESC") for c in _ONE.finditer(order.group(1))]
    return Order(text[: last + order.start()], [k for k in keys if k[0] not in constants])


def term_key(term: Any) -> tuple[Any, ...]:
    """A sort key giving SPARQL's ORDER BY order of terms.

    >>> [t.value for t in sorted([ox.Literal("10", datatype=ox.NamedNode(XSD + "integer")),
    ...  ox.Literal("9.5", datatype=ox.NamedNode(XSD + "decimal"))], key=term_key)]
    ['9.5', '10']
    >>> term_key(None) < term_key(ox.NamedNode("http://a")) < term_key(ox.Literal("a"))
    True
    """
    cls = type(term)
    if cls is ox.NamedNode:
        return (2, term.value)
    if term is None:
        return (0,)
    if cls is ox.BlankNode:
        return (1, term.value)
    if cls is ox.Literal:
        datatype = term.datatype.value
        if datatype in _NUMERIC:
            try:
                return (3, 0, float(term.value), "")
            except ValueError:
                pass
        if datatype in _TEMPORAL:
            return (3, 1, 0.0, term.value)
        return (3, 2, 0.0, term.value, datatype, term.language or "")
    return (4, str(term))
