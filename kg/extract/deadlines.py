"""Deadlines of predictions: the end of the first future time expression of the clause, else of its sentence,
else of the sentence before ("in September" -> the last day of that September), or the end of the meeting a
prediction is set in ("… during the trip"). Dates of the speech act ("said at a conference in June"), spans
looking back ("since 2018") and dates of a past-tense verb ("began in March") are not deadlines.
"""

from __future__ import annotations

import re

from kg.extract import clauses, dates
from kg.extract.document import Document
from kg.records import Meeting, Prediction

#: what :func:`deadline` returns for a clause dated only in the past
PAST = "past"
_NAMES_MONTH = re.compile(r"[A-Z][a-z]+\.? \d|\d \w*\s*[A-Z][a-z]+")
#: words dating a speech act rather than the forecast event ("said at a conference in June")
_SPEECH_ACT = re.compile(
    r"\b(?:said|says|told|tweeted|wrote|posted|announced|stated|added|spoke|conference|interview|briefing|"
    r"speech|remarks|statement|note)\b(?:\s+\w+){0,3}\s*$"
)
_PAST_VERB_BEFORE = re.compile(
    r"\b(?:\w+ed|began|held|met|took|was|were|came|went|fell|rose|grew|saw|hit|won|lost|left|made|had|did)\s+$"
)
_FUTURE_AUX_BEFORE = re.compile(
    r"\b(?:will|would|to|be|been|being|is|are|[’']ll|may|might|could|should|must|shall)\s+(?:\w+\s+)?$"
)
_SINCE = re.compile(r"(?:since|after|from)\b", re.I)
_DURING = re.compile(
    r"\b(?:during|on|at|by\s+the\s+end\s+of)\s+(?:the|his|her|their|this|its)\s+(?:\w+\s+){0,2}?"
    r"(?P<noun>trip|visit|summit|talks|meeting|tour|conference)\b",
    re.I,
)
_DURING_KIND = {"trip": "visit", "visit": "visit", "tour": "visit", "summit": "summit", "talks": "talks"}

def during_meeting(p: Prediction, meetings: list[Meeting]) -> str | None:
    """The last day of the meeting a prediction is set in ("… during the trip"): the latest one of that kind
    named before it, with a date."""
    m = _DURING.search(p.text)
    if m is None:
        return None
    kind = _DURING_KIND.get(m.group("noun").lower(), "meeting")
    dated = [e for e in meetings if e.kind == kind and e.start and e.span.start < p.span.end]
    if not dated:
        return None
    last = dated[-1].end or dated[-1].start or ""
    if len(last) == 7:
        y, mo = int(last[:4]), int(last[5:])
        return dates.month_end(y, mo).isoformat()
    return last


def deadline(doc: Document, si: int, c: clauses.Clause) -> str | None:
    """The end of the first future time expression of the clause, else of the sentence, else of the previous
    sentence; :data:`PAST` when the clause itself is dated only before publication."""
    if doc.published is None:
        return None
    ss, se = doc.sentences[si]
    for lo, hi in ((c.start, c.end), (ss, se)):
        found = _future_expressions(doc, lo, hi)
        if found is None:
            return PAST if (lo, hi) == (c.start, c.end) else None
        if found:
            return found[0].last.isoformat()
    if si > 0 and not c.relative:  # a relative clause describes its noun, not the time frame before it
        ps, pe = doc.sentences[si - 1]
        if doc.same_paragraph(ps, c.start):
            found = _future_expressions(doc, ps, pe)
            if found:
                return found[0].last.isoformat()
    return None


_MODAL_BETWEEN = re.compile(r"\b(?:will|would|could|may|might|shall|to|expects?|expected|likely)\b", re.I)


def _speech_date(text: str, start: int, e: dates.TimeExpr) -> bool:
    """True for a time expression dating a speech act ("said at a conference in June"), not the forecast
    event of a clause between them ("said prices will rise in March")."""
    m = _SPEECH_ACT.search(text, max(start, e.start - 25), e.start)
    return m is not None and not _MODAL_BETWEEN.search(m.group(0))


def _future_expressions(doc: Document, start: int, end: int) -> list[dates.TimeExpr] | None:
    """Time expressions of the span that end after publication; None when the span is dated only in the
    past ("the June 12 summit": a calendar date nearest to publication that already passed)."""
    assert doc.published is not None
    pub = doc.published
    text = doc.text
    ahead = [e for e in doc.times(start, end, future=True) if not _speech_date(text, start, e)]
    nearest = [e for e in doc.times(start, end, future=None) if not _speech_date(text, start, e)]
    if any(_SINCE.match(e.text) for e in ahead):  # "its first since 2018": a span looking back, not a date
        pairs = [(a, n) for a, n in zip(ahead, nearest, strict=False) if not _SINCE.match(a.text)]
        ahead, nearest = [a for a, _ in pairs], [n for _, n in pairs]
    out = [
        a
        for a, n in zip(ahead, nearest, strict=False)
        if a.last >= pub and not (n.last < pub and _NAMES_MONTH.search(n.text)) and not _after_past_verb(text, a)
    ]
    return out if out or not ahead else None


def _after_past_verb(text: str, e: dates.TimeExpr) -> bool:
    """True for a time expression that dates a past-tense verb ("the trial, which began in March"), not a
    participle of the future ("will be held in March")."""
    if not e.text.startswith(("in ", "on ", "at ", "during ", "last ")):
        return False
    window = text[max(0, e.start - 40) : e.start]
    m = _PAST_VERB_BEFORE.search(window)
    return m is not None and not _FUTURE_AUX_BEFORE.search(window, 0, m.start())
