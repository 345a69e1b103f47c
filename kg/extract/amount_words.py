"""Amounts written in words: fractions of a percentage point ("a quarter point", "half a percentage point",
"a three-quarter-point hike"), the way rate decisions are often reported instead of in basis points.

The fractions and their values are data (``lexicon/point_fractions.txt``: one ``words = basis points`` a line);
:func:`point_amount` finds the first such amount in a stretch of text, with the comparison words before it
("over half a point" is more than 50 bp).

>>> point_amount("the next increase may be a quarter point move", 0, 45)[:3]
(25.0, 'bp', 'eq')
>>> point_amount("traders price in above three quarters of a point of hikes", 0, 57)[:3]
(75.0, 'bp', 'gt')
>>> point_amount("a point of order", 0, 16) is None
True
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicon import load
from kg.records import Span

__all__ = ["point_amount", "point_value"]

_COMPARISONS = {
    "over": "gt", "more than": "gt", "above": "gt", "at least": "ge", "under": "lt", "less than": "lt",
    "below": "lt", "at most": "le", "up to": "le",
}


@cache
def _fractions() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in load("point_fractions"):
        if "=" in line:
            words, _, value = line.partition("=")
            out[" ".join(re.split(r"[\s-]+", words.strip().lower()))] = float(value)
    return out


@cache
def _pattern() -> re.Pattern[str]:
    fractions = sorted(_fractions(), key=len, reverse=True)
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in fractions)
    comparisons = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(_COMPARISONS, key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?P<cmp>{comparisons})\s+)?\b(?P<frac>{alternatives})(?:\s+of)?(?:\s+a)?[\s-]+"
        r"(?:percentage[\s-]+)?points?\b",
        re.I,
    )


def point_amount(text: str, start: int, end: int) -> tuple[float, str, str, Span] | None:
    """The first fraction of a percentage point in ``text[start:end]``: (basis points, "bp", comparison, span)."""
    m = _pattern().search(text, start, end)
    if m is None:
        return None
    value = _fractions()[" ".join(re.split(r"[\s-]+", m.group("frac").lower()))]
    cmp = _COMPARISONS.get(" ".join((m.group("cmp") or "").lower().split()), "eq")
    return value, "bp", cmp, Span(m.start(), m.end(), m.group())


def point_value(text: str, start: int, end: int, before: int) -> tuple[float, None, str, str, Span] | None:
    """A fraction of a point after an outcome word (``text[start:end]``) or right before it (ending at
    *before*: "a half-point cut"), in the shape of :func:`kg.extract.claims.read_value`."""
    found = point_amount(text, start, end)
    if found is None:
        ahead = point_amount(text, max(0, before - 40), before)
        if ahead is None or text[ahead[3].end : before].strip(" -"):
            return None
        found = ahead
    return found[0], None, found[1], found[2], found[3]
