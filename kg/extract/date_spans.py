"""Days joined into one span: "meets Monday and Tuesday" runs to Tuesday, "from May 3 to May 5" to May 5.

A deadline is the end of the first future time expression of a clause; when that expression is joined to the
next by "and", "to", "through" or a dash, and both have the same precision, the span runs to the later one.

>>> import datetime as dt
>>> from kg.extract import dates
>>> text = "The board meets Monday and Tuesday."
>>> span_end(text, dates.find(text, dt.date(2031, 3, 14), future=True)).isoformat()
'2031-03-18'
>>> text = "The board meets Monday; the bank reports Friday."
>>> span_end(text, dates.find(text, dt.date(2031, 3, 14), future=True)).isoformat()
'2031-03-17'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from kg.extract.dates import TimeExpr

__all__ = ["span_end"]

_JOIN = re.compile(r"\s*(?:and|to|through|thru|until|till|-|–|—)\s*$", re.I)
#: the longest span read as one ("Monday and Tuesday", "March and April"), in days
_MAX_DAYS = 92


def span_end(text: str, found: Sequence[TimeExpr]) -> dt.date:
    """The last day of ``found[0]``, or of the chain of expressions of its precision joined to it."""
    head = last = found[0]
    for e in found[1:]:
        if (
            e.precision != head.precision
            or not _JOIN.match(text, last.end, e.start)
            or e.last < last.last
            or (e.last - head.first).days > _MAX_DAYS
        ):
            break
        last = e
    return last.last
