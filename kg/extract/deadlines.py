"""Deadlines of predictions: the end of the first future time expression of the clause, else of its sentence,
else of the sentence before ("in September" -> the last day of that September), or the end of the meeting a
prediction is set in ("… during the trip"). Dates of the speech act ("said at a conference in June"), spans
looking back ("since 2018") and dates of a past-tense verb ("began in March") are not deadlines.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract import clauses, dates
from kg.extract.date_spans import span_end
from kg.extract.document import Document
from kg.extract.lexicon import SPEECH_VERBS
from kg.extract.schedule import finite_past
from kg.records import Meeting, Prediction, Records

#: what :func:`deadline` returns for a clause dated only in the past
PAST = "past"
_NAMES_MONTH = re.compile(r"[A-Z][a-z]+\.? \d|\d \w*\s*[A-Z][a-z]+")
#: words dating a speech act rather than the forecast event ("said at a conference in June")
_SPEECH_ACT = re.compile(
    r"(?:\b(?:said|says|told|tweeted|wrote|posted|announced|stated|added|spoke|published|released)|"
    r"\b(?:at|in|during|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:conference|interview|briefing|speech|remarks|statement|note))\b(?:\s+\w+){0,3}\s*$"
)
#: a speech verb between a time expression and the trigger: the expression dates the speech act ("At a
#: meeting Tuesday, the minister said prices would fall")
_SPEECH_VERB = re.compile(
    r"\b(?:"
    + "|".join(v for v in SPEECH_VERBS.split("|") if v.endswith("ed") or v in ("said", "told", "wrote", "spoke"))
    + r")\b"
)
_PAST_VERB_BEFORE = re.compile(
    r"\b(?:\w+ed|began|held|met|took|was|were|came|went|fell|rose|grew|saw|hit|won|lost|left|made|had|did)\s+$"
)
_FUTURE_AUX_BEFORE = re.compile(
    r"\b(?:will|would|to|be|been|being|is|are|[’']ll|may|might|could|should|must|shall)\s+(?:\w+\s+)?$"
)
_AS_PLANNED = re.compile(r"\bas\s+$")
_SINCE = re.compile(r"(?:since|from|after(?!\s+\w+\s+(?:days|weeks|months|years)\b))\b", re.I)
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
    return _last_day(dated[-1].end or dated[-1].start or "")


def event_end(p: Prediction, meetings: list[Meeting], published: dt.date | None) -> str | None:
    """The last day of the meeting the prediction is about (its ``event``), when that is not before
    publication ("OPEC+ may finalise the cut at its upcoming meeting" -> the meeting's date)."""
    m = next((e for e in meetings if e.id == p.event), None)
    last = (m.end or m.start) if m else None
    if not last:
        return None
    day = _last_day(last)
    return day if published is None or day >= published.isoformat() else None


_LEAD_FUTURE = re.compile(
    r"\b(?:will|expected|expects|likely|set to|scheduled|due|to meet|to hold|is to|are to|upcoming|plans?)\b", re.I
)


def focus(doc: Document, predictions: list[Prediction], *, paragraphs: int = 3, days: int = 31) -> str | None:
    """The article's focus date for its forecasts: the deadline of its first dated prediction in the first
    *paragraphs* content paragraphs, when that is a day named there within *days* of publication, else
    :func:`lead_date`.
    An article written before an event ("The two ministers are likely to sign a deal … The signing is
    expected at a lunch Friday") dates its undated forecasts by that event."""
    if doc.published is None or not doc.paragraphs:
        return None
    lead_end = doc.paragraphs[min(paragraphs, len(doc.paragraphs)) - 1][1]
    for p in predictions:
        if p.span.start >= lead_end:
            break
        if p.deadline and (dt.date.fromisoformat(p.deadline) - doc.published).days <= days and _a_day(doc, p):
            return p.deadline
    return lead_date(doc, paragraphs=paragraphs, days=days)


def _a_day(doc: Document, p: Prediction) -> bool:
    """True when the prediction's deadline is a day named in its sentence or the one before ("at a dinner
    Saturday"), not the end of a period ("August is poised to end …")."""
    si = doc.sentence_index(p.span.start)
    lo, hi = doc.sentences[max(0, si - 1)][0], doc.sentences[si][1]
    return any(
        e.precision == "day" and e.last.isoformat() == p.deadline and not finite_past(doc.text, e.end, e.end + 25)
        for e in doc.times(lo, hi, future=True)
    )


def lead_date(doc: Document, *, paragraphs: int = 3, days: int = 31) -> str | None:
    """The date an article written before an event is about: the first day-precision time expression of its
    first *paragraphs* content paragraphs that is not before publication, at most *days* ahead, in a clause
    that looks ahead and has no verb in the simple past ("The signing is expected at a lunch Friday";
    not "the minister, on Thursday, decided to …")."""
    if doc.published is None or not doc.paragraphs:
        return None
    end = doc.paragraphs[min(paragraphs, len(doc.paragraphs)) - 1][1]
    for e in doc.times(doc.paragraphs[0][0], end, future=True):
        if e.precision != "day" or not 0 <= (e.first - doc.published).days <= days:
            continue
        si = doc.sentence_index(e.start)
        c = next((c for c in doc.clauses(si) if c.start <= e.start < c.end), None)
        if c is None or not _LEAD_FUTURE.search(doc.text, c.start, c.end):
            continue
        if not finite_past(doc.text, c.start, min(c.end, e.end + 25)):  # "The mayor, on Monday, chose to …": past
            return e.first.isoformat()
    return None


#: a title looking ahead to the event it names ("Preview of the board session due on Tuesday 9 May")
_TITLE_FUTURE = re.compile(
    r"\b(?:preview|previews|coming up|ahead of|upcoming|set to|due|will|expected|to meet)\b", re.I
)


def title_date(doc: Document, *, days: int = 31) -> str | None:
    """The day a title looking ahead names, at most *days* after publication ("Preview: the board meets on
    Thursday 12 May" -> that Thursday); the title often carries the date the text leaves implicit.

    >>> from kg.extract.actors import ActorIndex
    >>> doc = Document(text="", published=dt.date(2031, 5, 9), paragraphs=[], sentences=[],
    ...                actors=ActorIndex({}, {}, []), title="Preview of the board session due on Thursday 15 May")
    >>> title_date(doc)
    '2031-05-15'
    """
    if doc.published is None or not doc.title or not _TITLE_FUTURE.search(doc.title):
        return None
    for e in dates.find(doc.title, doc.published, future=True):
        if e.precision == "day" and 0 <= (e.first - doc.published).days <= days:
            return e.first.isoformat()
    return None


def _last_day(iso: str) -> str:
    if len(iso) == 7:
        return dates.month_end(int(iso[:4]), int(iso[5:])).isoformat()
    return iso[:10]


def deadline(doc: Document, si: int, c: clauses.Clause, *, pos: int | None = None) -> str | None:
    """The end of the first future time expression of the clause, else a clock time of the clause ("at 2pm":
    the publication day), else the first future expression of the sentence, else of the previous sentence;
    :data:`PAST` when the clause itself is dated only before publication. *pos*, the trigger's offset, lets
    a date before a speech verb that precedes the trigger count as the speech act's ("At a meeting Tuesday,
    she said prices would fall")."""
    if doc.published is None:
        return None
    ss, se = doc.sentences[si]
    for lo, hi in ((c.start, c.end), (ss, se)):
        found = _future_expressions(doc, lo, hi, pos)
        if found is None:
            return PAST if (lo, hi) == (c.start, c.end) else None
        if found:
            return span_end(doc.text, found).isoformat()
        if (lo, hi) == (c.start, c.end) and dates.CLOCK.search(doc.text, lo, hi):
            return doc.published.isoformat()
    if si > 0 and not c.relative:  # a relative clause describes its noun, not the time frame before it
        ps, pe = doc.sentences[si - 1]
        if doc.same_paragraph(ps, c.start):
            found = _future_expressions(doc, ps, pe, None)
            if found:
                return span_end(doc.text, found).isoformat()
    return None


_MODAL_BETWEEN = re.compile(r"\b(?:will|would|could|may|might|shall|to|expects?|expected|likely)\b", re.I)


def _speech_date(text: str, start: int, e: dates.TimeExpr, pos: int | None) -> bool:
    """True for a time expression dating a speech act ("said at a conference in June"; "In a briefing Monday,
    she said …" before the trigger), not the forecast event of a clause between them ("said prices will rise
    in March")."""
    if (
        pos is not None
        and e.end <= pos
        and finite_past(text, e.end, pos)
        and not _MODAL_BETWEEN.search(text, e.end, pos)
    ):
        return True  # "The mayor, on Monday, chose to say that …": the date of the past decision
    if pos is not None and e.end <= pos and _SPEECH_VERB.search(text, e.end, pos):
        return not _MODAL_BETWEEN.search(text, e.end, _SPEECH_VERB.search(text, e.end, pos).start())  # type: ignore[union-attr]
    m = _SPEECH_ACT.search(text, max(start, e.start - 40), e.start)
    if m is None or _MODAL_BETWEEN.search(m.group(0)):
        return False
    return not _FUTURE_AUX_BEFORE.search(text, max(0, m.start() - 20), m.start())  # "will be published on …"


#: a time that is a point of comparison, not the event's date ("up 12 seats compared to 2015", "down from
#: 140 in 2015", "more than they won in 2015")
_REFERENCE = re.compile(
    r"\b(?:from|than|compared\s+(?:to|with)|versus|vs\.?|since)\s+(?:(?!to\b)[^\s,;.()—–]+\s+){0,4}$"
    r"|\($|\(\S[^)]{0,30}$",
    re.I,
)


def _skip(text: str, start: int, e: dates.TimeExpr, pos: int | None, pub: dt.date) -> bool:
    """True for a time expression that is not the clause's date: a speech act's date or a past point of
    comparison."""
    if e.first < pub and e.start > start and _REFERENCE.search(text, max(start, e.start - 60), e.start):
        return True
    return _speech_date(text, start, e, pos)


def _future_expressions(doc: Document, start: int, end: int, pos: int | None) -> list[dates.TimeExpr] | None:
    """Time expressions of the span that end after publication; None when the span is dated only in the
    past ("the June 12 summit": a calendar date nearest to publication that already passed)."""
    assert doc.published is not None
    pub = doc.published
    text = doc.text
    nearest = [e for e in doc.times(start, end, future=None) if not _skip(text, start, e, pos, pub)]
    if not nearest:
        return []  # nothing kept: nothing ahead either
    kept = {(e.start, e.end) for e in nearest}
    ahead = [e for e in doc.times(start, end, future=True) if (e.start, e.end) in kept]
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
    if m is not None and _AS_PLANNED.search(window, 0, m.start()):
        return False  # "as scheduled on May 3": a participle of the plan, not a past event
    return m is not None and not _FUTURE_AUX_BEFORE.search(window, 0, m.start())


def without_past_deadlines(records: Records) -> Records:
    """Forecasts whose deadline fell before the day they were made lose that deadline: a forecast cannot fall
    due before it is made, so the date was read wrongly (a past date of the context, a month already over).
    The forecast is kept, undated, rather than refused with its whole article by the shapes.

    >>> from kg.records import ArticleRecord, Prediction, Span
    >>> p = Prediction(id="p1", predictor="author", text="x", span=Span(0, 1, "x"), deadline="2024-01-31")
    >>> art = ArticleRecord(text="x", published="2024-03-02")
    >>> without_past_deadlines(Records(article=art, predictions=[p])).predictions[0].deadline is None
    True
    """
    for p in records.predictions:
        made = p.made or records.article.published
        if p.deadline and made and p.deadline < made[:10]:
            p.deadline = None
    return records
