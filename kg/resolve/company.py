"""Who else was in the room (:mod:`kg.extract.company`): a claim that the people meeting are joined by a role
("interpreters", "aides") judged against later reports of the same people meeting in the company of that role.

Only a report of kind *accompany* of the same role counts (a held meeting alone says nothing about who else was
there): from a later source, with every claimed person among its subjects, in the claim's window (an undated
report stands at its article's day and the day before). The earliest such event decides: the role was there,
which **confirms** a claim of its presence and **refutes** a claim of its absence ("the first meeting without
interpreters" against "in the presence of translators"). Nothing reported leaves the claim to the other rules.

>>> import datetime as dt
>>> from kg.resolve.events import EventFact, Report
>>> r = Report("r1", "kgd:b", "presence", "accompany", "held", frozenset({"x", "y"}), dt.date(2031, 1, 6),
...            theme="interpreters")
>>> claim = ClaimFact("accompany", frozenset({"x", "y"}), theme="interpreters", polarity="negative")
>>> judge_company(claim, [EventFact([r])], later=lambda a: True).outcome
'refuted'
>>> judge_company(ClaimFact("accompany", frozenset({"x", "y"}), theme="aides"), [EventFact([r])],
...               later=lambda a: True) is None
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.company import KIND
from kg.resolve.events import EventFact, Report
from kg.resolve.reports import ClaimFact

__all__ = ["CompanyVerdict", "judge_company"]

_FIELDS = "matching fields: family, subject, theme (the role), window"


@dataclass(frozen=True)
class CompanyVerdict:
    """confirmed or refuted, why, and the reports it rests on."""

    outcome: str
    why: str
    reports: tuple[Report, ...]


def _in_window(claim: ClaimFact, r: Report) -> bool:
    first = r.day if r.dated else r.day - dt.timedelta(days=1)
    last = r.last_day or r.day
    return (claim.start is None or last >= claim.start) and (claim.end is None or first <= claim.end)


def judge_company(claim: ClaimFact, events: list[EventFact], *, later: Callable[[str], bool]) -> CompanyVerdict | None:
    """The verdict on an *accompany* claim from the reports of *events* whose article *later* accepts, else None."""
    if claim.predicate != KIND or not claim.theme or len(claim.subjects) < 2:
        return None
    found = [
        r for e in events for r in e.reports
        if r.kind == KIND and r.status == "held" and r.theme == claim.theme and claim.subjects <= r.actors
        and later(r.article) and _in_window(claim, r)
    ]
    if not found:
        return None
    first = min(r.day for r in found)
    reports = tuple(sorted((r for r in found if r.day == first), key=lambda r: r.iri))
    said = "; ".join(sorted({r.words for r in reports if r.words}))
    if claim.polarity == "positive":
        return CompanyVerdict("confirmed", f"the meeting was held with {claim.theme} present as predicted ({said}); "
                              f"{_FIELDS}", reports)
    return CompanyVerdict("refuted", f"the meeting was held with {claim.theme} present ({said}), not without them; "
                          f"{_FIELDS}", reports)
