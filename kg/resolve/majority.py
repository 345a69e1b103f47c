"""Seat majorities from seat counts: a report that a party "won 260 of the 500 seats" also says its majority over
all the others together, 2 × 260 − 500 = 20, so a predicted "majority of 16" can be compared with it.

>>> from kg.resolve.events import Report
>>> import datetime as dt
>>> r = Report("o1", "kgd:a", "contest", "win", "held", frozenset({"x"}), dt.date(2031, 1, 1), value=260,
...            unit="seats", text="The Party won 260 of the 500 seats.")
>>> as_majority(r)
20.0
>>> r = Report("o3", "kgd:a", "contest", "win", "held", frozenset({"x"}), dt.date(2031, 1, 1), value=51,
...            unit="seats", text="It had won 51 of the 53 seats required for a majority government.")
>>> as_majority(r) is None
True
>>> as_majority(Report("o2", "kgd:a", "contest", "win", "held", frozenset({"x"}), dt.date(2031, 1, 1), value=260,
...             unit="seats", text="The Party won 260 seats."))
"""

from __future__ import annotations

import re

from kg.resolve.events import Report

__all__ = ["as_majority", "in_claimed_unit"]

_PART_OF_WHOLE = re.compile(
    r"\b(\d{1,3}(?:,\d{3})*|\d+)\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(\d{1,3}(?:,\d{3})*|\d+)\s+seats\b"
    r"(?!\s+(?:needed|required|necessary|to\s+form|for\s+a))",  # "51 of the 53 seats required" is no whole
    re.I
)


def as_majority(r: Report) -> float | None:
    """The seat majority a report of "N of the M seats" gives (2N − M), else None."""
    if r.unit != "seats" or r.value is None:
        return None
    for m in _PART_OF_WHOLE.finditer(r.text):
        part, whole = (float(g.replace(",", "")) for g in m.groups())
        if part == r.value and whole >= part:
            return 2 * part - whole
    return None


def in_claimed_unit(r: Report, unit: str | None) -> tuple[float, str | None]:
    """The report's value and unit, as a seat majority when the claim is one and the report gives part of a
    whole (a report without a value reads as 0: callers pass reports with one)."""
    if unit == "seat-majority":
        majority = as_majority(r)
        if majority is not None:
            return majority, "seat-majority"
    return (r.value if r.value is not None else 0.0), r.unit
