"""Claims against a point of a stated range: "price the shares at the middle of the marketed range or lower".

A prediction that places a value at the midpoint (or the low or top end) of a range names no number itself;
the number is the range the article states elsewhere ("gave a price range of $30 to $36 per share"). When a claim of
a prediction has no value and its words name such a point, the claim takes the point of the range stated
nearest to the prediction in the article, in that range's unit, with the comparison its words give ("or below":
at most, "or above": at least, else equal). Only a range of money amounts written "$A to $B" (or "between $A
and $B") after the word "range" or "band" counts; without one the claim keeps no value.

>>> text = "Acme gave a price range of $30 to $36 per share. Acme will price at the middle of its range or lower."
>>> range_point(text, text.index("Acme will"), len(text))
(33.0, 'usd', 'le')
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.records import Claim

__all__ = ["at_range_point", "range_point"]

_POINT = re.compile(
    r"\bat\s+(?:the\s+)?(?P<point>midpoint|middle|low\s+end|bottom|top\s+end|top|high\s+end)\s+of\s+"
    r"(?:its|the|their|a)\s+(?:[\w-]+\s+){0,2}?(?:range|target|band)(?:\s+range)?"
    r"(?P<side>,?\s+or\s+(?:below|lower|less|under|above|higher|more|over))?",
    re.I,
)
_AMOUNT = r"(?:US|U\.S\.)?\$\s?(\d+(?:\.\d+)?)"
_RANGE = re.compile(rf"\b(?:range|band)\s+of\s+(?:between\s+)?{_AMOUNT}\s+(?:to|and|-|–)\s+{_AMOUNT}", re.I)
_BELOW = ("below", "lower", "less", "under")


def range_point(text: str, start: int, end: int) -> tuple[float, str, str] | None:
    """(value, unit, comparison) of the range point the words ``text[start:end]`` name, else None."""
    m = _POINT.search(text, start, end)
    if m is None:
        return None
    ranges = list(_RANGE.finditer(text))
    if not ranges:
        return None
    near = min(ranges, key=lambda r: min(abs(r.start() - m.start()), abs(r.end() - m.start())))
    low, high = sorted((float(near.group(1)), float(near.group(2))))
    point = m.group("point").lower()
    value = low if point in ("low end", "bottom") else high if point in ("top", "top end", "high end") else (
        low + high) / 2
    side = (m.group("side") or "").strip(", ").split()[-1:] or [""]
    comparison = "le" if side[0].lower() in _BELOW else "ge" if side[0] else "eq"
    return value, "usd", comparison


def at_range_point(text: str, start: int, end: int, claim: Claim | None) -> Claim | None:
    """*claim* with the value of the range point its prediction's words name, when it read no value itself."""
    if claim is None or claim.value is not None:
        return claim
    found = range_point(text, start, end)
    if found is None:
        return claim
    value, unit, comparison = found
    return replace(claim, value=value, unit=unit, comparison=comparison)
