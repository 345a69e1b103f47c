"""Whether and when a meeting happens: its status (held, planned, predicted, cancelled, negated) and dates."""

from __future__ import annotations

import re

from kg.extract import clauses, dates
from kg.extract.document import Document
from kg.extract.lexicon import SPEECH_VERB_RE

_RESCHEDULED = re.compile(
    r"\b(?:postpon\w*|delay\w*|reschedul\w*|push\w* back|mov(?:e|ed|es|ing))\b[^.;]{0,40}?"
    r"\b(?:to|until|for)\s+(?:the\s+)?(?:[A-Z]|\d|next|later|early|late)"
)
_CANCEL = re.compile(
    r"\b(?:cancel(?:l?ed|l?ing|s)?|call(?:ed|ing|s)? off|scrapp?(?:ed|ing|s)?|postpon(?:e|ed|es|ing)|"
    r"called it off|pulled out of)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:will not|won[’']t|would not|wouldn[’']t|not to|no plans? to|not be|never|"
    r"did not|didn[’']t|does not|doesn[’']t|is not|isn[’']t)\b",
    re.I,
)
_HEDGE = re.compile(
    r"\b(?:likely|unlikely|may|might|could|possible|possibly|perhaps|expected|anticipated|"
    r"hopes?|hoping|look(?:s|ing)? forward|probably|poised|potential|mooted|proposed)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|[’']ll|going to|is to|are to|scheduled|slated|set to|plans? to|planned|"
    r"planning|upcoming|coming|next|due to|to be held|to host|to visit|to meet)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:held|met|visited|hosted|attended|took place|was|were|had|did|last|ago|earlier|"
    r"ended|signed|received|welcomed|celebrated|went|travelled|traveled|flew)\b",
    re.I,
)


def modal_of(text: str) -> str:
    if _HEDGE.search(text):
        return "hedge"
    return "will" if _FUTURE.search(text) else ""


def status_of(text: str, c: clauses.Clause, modal: str) -> str:
    seg = text[c.start : c.end]
    if _RESCHEDULED.search(seg):
        return "planned"
    if _CANCEL.search(seg):
        return "cancelled"
    sentence = text[c.sentence_start : c.end]
    if _NEGATION.search(seg) and re.search(r"\b(?:will|would|to|be)\b", seg):
        return "negated"
    own = modal_of(seg)
    mode = own or (modal if c.coordinated else "")
    if mode == "hedge":
        return "predicted"
    if mode == "will":
        return "planned"
    if _PAST.search(sentence) or _PAST.search(seg):
        return "held"
    return "held"


def dates_of(
    doc: Document, si: int, lo: int, hi: int, status: str, *, inherit: bool = True
) -> tuple[str | None, str | None]:
    if doc.published is None:
        return None, None
    future: bool | None = False if status == "held" else (True if status != "cancelled" else None)
    found = event_dates(doc, lo, hi, future)
    if not found and inherit and status in ("planned", "predicted") and si > 0:
        ps, pe = doc.sentences[si - 1]
        if doc.same_paragraph(ps, lo):
            found = [e for e in doc.times(ps, pe, future=True) if e.last >= doc.published]
    if not found:
        return None, None
    rank = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
    e = min(found, key=lambda x: (rank.get(x.precision, 5), x.start))
    if e.precision in ("week", "quarter") or (e.precision == "day" and e.first != e.last):
        return e.first.isoformat(), e.last.isoformat()
    if e.precision == "year":
        return None, None
    return e.iso, None


def event_dates(doc: Document, start: int, end: int, future: bool | None) -> list[dates.TimeExpr]:
    """Time expressions of the span, leaving out those dating a speech act ("tweeted on the 24th")."""
    assert doc.published is not None
    return [
        e
        for e in doc.times(start, end, future=future)
        if not SPEECH_VERB_RE.search(doc.text, max(start, e.start - 25), e.start)
    ]
