"""An undated report that something failed covers the days before it: "X failed to form a coalition", read in an
article published two days after a prediction's deadline, says that X formed none by that deadline either.

A report of a claimed kind *negated* ("failed to form a government", "did not approve") and undated stands, for
:mod:`kg.resolve.claims`, at its article's published day. An event made of such reports only also meets a claim
window that ends before that day, when the claim was made before the article and the article is published at
most :data:`REACH` after the window's end (so a failure reported months later, perhaps of another attempt,
never decides).

>>> import datetime as dt
>>> from kg.resolve.events import EventFact, Report
>>> from kg.resolve.reports import ClaimFact
>>> r = Report("r", "kgd:a", "decision", "form-government", "negated", frozenset({"x"}), dt.date(2031, 5, 30),
...            dated=False, published=dt.date(2031, 5, 30))
>>> claim = ClaimFact("form-government", frozenset({"x"}), start=dt.date(2031, 5, 23), end=dt.date(2031, 5, 28))
>>> covers(claim, EventFact([r]))
True
>>> covers(ClaimFact("form-government", frozenset({"x"}), start=dt.date(2031, 1, 2), end=dt.date(2031, 2, 1)),
...        EventFact([r]))
False
"""

from __future__ import annotations

import datetime as dt

from kg.resolve.events import EventFact
from kg.resolve.reports import ClaimFact

__all__ = ["REACH", "covers"]

#: how long after a claim's window an undated failure report still speaks of that window
REACH = dt.timedelta(days=7)


def covers(claim: ClaimFact, e: EventFact) -> bool:
    """True when every report of *e* is an undated failure of the claimed kind published within :data:`REACH`
    after the claim's window, and after the claim was made."""
    if claim.start is None or claim.end is None or not e.reports:
        return False
    if any(r.status != "negated" or r.dated or r.kind != claim.predicate for r in e.reports):
        return False
    published = min(r.published or r.day for r in e.reports)
    return claim.start < published and claim.end <= published <= claim.end + REACH
