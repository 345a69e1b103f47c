"""Themes of contests compared as concepts: "majority", "government" and "general election" name one contest
(``lexicon/contest_themes.txt``), and a report that a party won more than half of all seats ("365 of the 650
seats") is a report of a majority.

>>> sorted(concepts("comfortable majority"))
['comfortable', 'election']
>>> sorted(concepts("uk general election"))
['election', 'general', 'uk']
"""

from __future__ import annotations

from functools import cache

from kg.extract.lexicon import load
from kg.resolve.events import Report
from kg.resolve.majority import as_majority

__all__ = ["concepts", "report_concepts"]


@cache
def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in load("contest_themes"):
        concept, _, words = line.partition(":")
        for w in words.split():
            out.setdefault(w.lower(), concept.strip())
    return out


def concepts(theme: str | None) -> set[str]:
    """The concepts of a theme's words (a word not listed stands for itself)."""
    table = _table()
    return {table.get(w, w) for w in (theme or "").lower().split()}


def report_concepts(r: Report) -> set[str]:
    """The concepts of a report's theme, with "election" when it reports a seat majority."""
    found = concepts(r.theme)
    majority = as_majority(r)
    if majority is not None and majority > 0:
        found.add(_table().get("majority", "majority"))
    return found
