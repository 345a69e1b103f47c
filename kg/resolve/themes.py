"""What an outcome is about (its theme), compared as concepts rather than words.

Two word lists say which words name one thing: ``lexicon/theme_synonyms.txt`` (groups of synonyms, "plane" and
"aircraft": "approve the plane" and "approved the aircraft" share a theme) and ``lexicon/contest_themes.txt``
(words that name one contest, "majority", "government" and "general election"). A report that a party won
more than half of all seats ("260 of the 500 seats") is also a report of a majority.

>>> sorted(concepts("the plane return"))
['aircraft', 'return', 'the']
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

__all__ = ["concepts", "report_concepts", "theme_words"]


@cache
def _synonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in load("theme_synonyms"):
        group = line.lower().split()
        for w in group:
            out.setdefault(w, group[0])
    return out


@cache
def _contests() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in load("contest_themes"):
        concept, _, words = line.partition(":")
        for w in words.split():
            out.setdefault(w.lower(), concept.strip())
    return out


def theme_words(theme: str | None) -> set[str]:
    """The words of *theme*, each replaced by the first word of its synonym group."""
    synonyms = _synonyms()
    return {synonyms.get(w, w) for w in (theme or "").lower().split()}


def concepts(theme: str | None) -> set[str]:
    """The concepts of a theme's words: synonyms first, then contests (a word not listed stands for itself)."""
    contests = _contests()
    return {contests.get(w, w) for w in theme_words(theme)}


def report_concepts(r: Report) -> set[str]:
    """The concepts of a report's theme, with "election" when it reports a seat majority."""
    found = concepts(r.theme)
    majority = as_majority(r)
    if majority is not None and majority > 0:
        found.add(_contests().get("majority", "majority"))
    return found
