"""How big a win is said to be, compared as words: a claimed "small majority" against a reported "the largest
majority in decades" (``lexicon/size_words.txt``).

A contest claim without a number whose theme carries a size word ("small majority") is confirmed only by a report
of the claimed kind that states the same size next to its result noun ("won a slim majority"), refuted by one that
states the other size ("a thumping victory", "the largest majority since …"), and left open otherwise: the win
alone does not say whether it was small.

>>> from kg.resolve.events import Report
>>> import datetime as dt
>>> r = Report("o1", "kgd:a", "contest", "win", "held", frozenset({"x"}), dt.date(2031, 3, 7),
...            text="Roe stormed to victory with the largest Civic majority in decades.")
>>> claimed_size("small majority"), reported_sizes(r)
('small', {'large'})
>>> reported_sizes(Report("o2", "kgd:a", "contest", "win", "held", frozenset({"x"}), dt.date(2031, 3, 7),
...                       text="A large crowd saw Roe win."))
set()
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.extract.lexicon import load
from kg.resolve.events import Report

__all__ = ["claimed_size", "reported_sizes", "size_verdict"]

#: the nouns a size word qualifies in a result ("a narrow win", "the largest majority")
_RESULT = r"(?:majority|victory|win|defeat|loss|margin)"


@cache
def _sizes() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in load("size_words"):
        size, _, words = line.partition(":")
        for w in words.split():
            out[w.lower()] = size.strip()
    return out


@cache
def _pattern() -> re.Pattern[str]:
    alts = "|".join(sorted(map(re.escape, _sizes()), key=len, reverse=True))
    return re.compile(rf"\b(?P<w>(?i:{alts}))\s+(?:[A-Z][\w-]*\s+|election\s+|general\s+){{0,3}}(?i:{_RESULT})\b")


def claimed_size(theme: str | None) -> str | None:
    """The size a claim's theme states ("small majority" -> small), else None."""
    sizes = _sizes()
    found = {sizes[w] for w in (theme or "").lower().split() if w in sizes}
    return next(iter(found)) if len(found) == 1 else None


def reported_sizes(r: Report) -> set[str]:
    """The sizes a report's sentence states next to a result noun."""
    return {_sizes()[m.group("w").lower()] for m in _pattern().finditer(r.text)}


def size_verdict(theme: str | None, positive: Sequence[Report]) -> tuple[str, str] | None:
    """(outcome, why) for a sized claim given the reports of its kind, or None when the claim states no size."""
    want = claimed_size(theme)
    if want is None:
        return None
    got = set().union(*(reported_sizes(r) for r in positive)) if positive else set()
    if got == {want}:
        return "confirmed", f"a {want} result reported"
    if got and want not in got:
        return "refuted", f"a {' and '.join(sorted(got))} result reported, not a {want} one"
    return "open", f"no report says how big the result was ({want} claimed)"
