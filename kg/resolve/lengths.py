"""A predicted length of a meeting ("a 45-minute one-on-one") against the length later sources report for it.

A held meeting does not settle a predicted length (:mod:`kg.resolve.durations`); a reported length does
(:mod:`kg.extract.meeting_lengths`), when it is for the same meeting: a report of kind *meet* with a length in
minutes, from a later source, whose participants include every predicted participant, on a day of the predicted
window, of the predicted format when the prediction names one ("one-on-one": the length of the expanded session
that followed is another's).

A length predicted as a number ("90 minutes", "two hours") is **refuted** when every reported length lies more
than :data:`TOLERANCE` away from it (over two hours against 90 minutes), **confirmed** when a reported length is
given as a number within :data:`CLOSE` of it; anything else (a reported "over an hour" against 90 minutes) stays
for a person. A predicted bound ("at least an hour") is confirmed or refuted by reported numbers on either side.

>>> from kg.extract.meeting_lengths import lengths
>>> want = lengths("a 90 minute session")[0]
>>> [agrees(want, g) for g in lengths("for over two hours; for 85 minutes; for over an hour")]
[False, True, None]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.meeting_lengths import Length, formats, lengths
from kg.resolve.events import EventFact, Report
from kg.resolve.evidence import PredictionFact

__all__ = ["CLOSE", "TOLERANCE", "LengthVerdict", "agrees", "judge_length"]

TOLERANCE = 0.25
"""A reported length further than this share from a predicted number refutes it."""
CLOSE = 0.1
"""A reported number this close to a predicted number confirms it."""


@dataclass(frozen=True)
class LengthVerdict:
    """confirmed or refuted, why, and the reports it rests on."""

    outcome: str
    why: str
    reports: tuple[Report, ...]


def _bounds(x: Length) -> tuple[float, float]:
    """The range of minutes a length allows."""
    big = float("inf")
    return {
        "gt": (x.minutes, big), "ge": (x.minutes, big), "lt": (0.0, x.minutes), "le": (0.0, x.minutes),
    }.get(x.comparison, (x.minutes, x.minutes))


def agrees(want: Length, got: Length) -> bool | None:
    """Does a reported length *got* bear out a predicted length *want*? None: it cannot tell."""
    lo, hi = _bounds(got)
    if want.comparison in ("eq", "about"):
        if lo > want.minutes * (1 + TOLERANCE) or hi < want.minutes * (1 - TOLERANCE):
            return False
        if lo == hi and abs(lo - want.minutes) <= CLOSE * want.minutes:
            return True
        return None
    w_lo, w_hi = _bounds(want)
    if w_lo <= lo and hi <= w_hi:
        return True
    if hi < w_lo or lo > w_hi:
        return False
    return None


def judge_length(
    p: PredictionFact,
    events: list[EventFact],
    *,
    first: dt.date | None,
    last: dt.date | None,
    later: Callable[[str], bool],
) -> LengthVerdict | None:
    """The verdict on the one length *p* predicts for its meeting, from the lengths reported for that meeting
    (reports of articles for which *later* is true, dated in ``[first, last]``), else None."""
    named = lengths(p.text)
    if p.event is None or len(named) != 1 or p.polarity != "positive":
        return None
    want, kinds = named[0], formats(p.text)
    # the people who meet (a host country is where they meet, not someone in the room)
    people = p.event.participants if len(p.event.participants) >= 2 else p.event.people
    found: list[tuple[Report, bool | None]] = []
    for e in events:
        for r in e.reports:
            if r.kind != "meet" or r.unit != "minutes" or r.value is None or r.status != "held":
                continue
            if not people <= r.actors or not later(r.article) or not kinds <= formats(r.text):
                continue
            if (first is not None and r.day < first) or (last is not None and r.day > last):
                continue
            got = Length(r.value, _comparison(r), want.span)
            found.append((r, agrees(want, got)))
    if not found or any(ok is None for _, ok in found) or len({ok for _, ok in found}) > 1:
        return None
    said = "; ".join(sorted({r.words or r.text for r, _ in found}))
    reports = tuple(r for r, _ in found)
    if found[0][1]:
        return LengthVerdict("confirmed", f"the meeting was held and lasted as predicted ({said})", reports)
    return LengthVerdict("refuted", f"the meeting was held but its reported length ({said}) is not the predicted "
                         f"{want.span.text}", reports)


def _comparison(r: Report) -> str:
    """The comparison a length report carries, read back from its words."""
    found = lengths(r.words)
    return found[0].comparison if found else "eq"
