"""SPARQL text work for stores that speak the protocol: kg's prefixes, bound parameters, paging.

A remote server knows nothing of pyoxigraph's ``substitutions=``: a parameter must reach it inside the query
text. :func:`substitute` writes each bound term where its variable stood, as an RDF term in SPARQL syntax
(pyoxigraph serializes it, escapes included), so a value can never change the query's structure. Where a bare
term is not allowed it is wrapped: ``(term AS ?var)`` in a projection (the variable stays in the results, as with
pyoxigraph), ``(term)`` in GROUP BY and ORDER BY.

>>> import pyoxigraph as ox
>>> substitute('SELECT ?x WHERE { ?x kg:p ?y FILTER(!BOUND($y) || ?y > 1) }', {"y": ox.Literal("2")})
'SELECT ?x WHERE { ?x kg:p "2" FILTER(!true || "2" > 1) }'
>>> substitute('SELECT ?x $by WHERE { ?x kg:p $by } GROUP BY ?x $by', {"by": ox.Literal('a"b')})
'SELECT ?x ("a\\\\"b" AS ?by) WHERE { ?x kg:p "a\\\\"b" } GROUP BY ?x ("a\\\\"b")'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["prologue_split", "substitute", "with_prefixes"]

_TOKEN = re.compile(
    r"""(?P<skip>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>|\#[^\n]*)
      |(?P<var>[?$][A-Za-z_0-9\u00B7-\uFFFF]+)
      |(?P<word>[A-Za-z_][A-Za-z_0-9-]*(?::[A-Za-z_0-9.-]*)?)
      |(?P<open>\{)|(?P<close>\})""",
    re.VERBOSE | re.DOTALL,
)
_CLAUSE_END = {"WHERE", "FROM", "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES", "GROUP"}
_PROLOGUE = re.compile(
    r"\A(?:\s+|\#[^\n]*\n?|PREFIX\s+[A-Za-z0-9_.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE
)


def with_prefixes(sparql: str, prefixes: Mapping[str, str]) -> str:
    """*sparql* with PREFIX declarations for kg's prefixes first (a query's own declarations still win)."""
    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes.items())
    return head + sparql


def prologue_split(sparql: str) -> tuple[str, str]:
    """(the PREFIX/BASE prologue with comments, the rest of the query)."""
    m = _PROLOGUE.match(sparql)
    end = m.end() if m else 0
    return sparql[:end], sparql[end:]


def substitute(sparql: str, bindings: Mapping[str, Any]) -> str:
    """*sparql* with each variable named in *bindings* replaced by its term (a pyoxigraph term)."""
    if not bindings:
        return sparql
    terms = {k: str(v) for k, v in bindings.items()}
    # BOUND(?x) of a bound parameter is true (a term may not stand inside BOUND)
    sparql = re.sub(r"\bBOUND\s*\(\s*[?$](\w+)\s*\)",
                    lambda m: "true" if m.group(1) in terms else m.group(0), sparql, flags=re.IGNORECASE)
    out: list[str] = []
    pos = 0
    clause = ""  # "select" between SELECT and its WHERE/{, "group"/"order" after GROUP BY / ORDER BY
    for m in _TOKEN.finditer(sparql):
        if m.lastgroup == "word":
            word = m.group().upper()
            if word == "SELECT":
                clause = "select"
            elif word in ("GROUP", "ORDER"):
                clause = word.lower()
            elif word in _CLAUSE_END or word in ("CONSTRUCT", "ASK", "DESCRIBE"):
                clause = ""
        elif m.lastgroup in ("open", "close"):
            clause = ""
        elif m.lastgroup == "var":
            name = m.group()[1:]
            if name in terms:
                term = terms[name]
                if clause == "select":
                    text = f"({term} AS ?{name})"
                elif clause in ("group", "order"):
                    text = f"({term})"
                else:
                    text = term
                out.append(sparql[pos : m.start()] + text)
                pos = m.end()
    out.append(sparql[pos:])
    return "".join(out)
