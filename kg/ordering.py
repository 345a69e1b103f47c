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

        One pass with one key per row, a descending column negated when it holds only numbers (what reports
        sort on: counts, scores); otherwise one stable pass per key, last key first.
        """
        columns = [(list(variables).index(name), descending) for name, descending in self.keys]
        memo: dict[Any, tuple[Any, ...]] = {}  # a term's key, computed once (actors and dates repeat)

        def key(term: Any) -> tuple[Any, ...]:
            found = memo.get(term)
            if found is None:
                found = memo[term] = term_key(term)
            return found

        if all(not d or all(_numeric(row[i]) for row in rows) for i, d in columns):
            return sorted(rows, key=lambda row: tuple(_desc_number(row[i]) if d else key(row[i]) for i, d in columns))
        out = list(rows)
        for i, descending in reversed(columns):
            out.sort(key=lambda row, i=i: key(row[i]), reverse=descending)  # type: ignore[misc]
        return out


def _numeric(term: Any) -> bool:
    return term is None or type(term) is ox.Literal and term.datatype.value in _NUMERIC


def _desc_number(term: Any) -> tuple[Any, ...]:
    """The key of a number in a descending column: largest first, unbound last."""
    if term is None:
        return (1, 0.0)
    try:
        return (0, -float(term.value))
    except ValueError:
        return (0, float("inf"))


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
