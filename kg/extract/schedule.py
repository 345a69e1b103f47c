"""Whether and when a meeting happens: its status (held, planned, predicted, cancelled, negated) and dates."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from kg.extract import clauses, dates
from kg.extract.document import Document
from kg.extract.lexicon import SPEECH_VERB_RE, SPEECH_VERBS


@cache
def load_words(kind: str) -> tuple[str, ...]:
    """The entries of ``lexicon/<kind>.txt`` (:func:`kg.extract.lexicon.load`)."""
    from kg.extract.lexicon import load

    return load(kind)


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
#: not taking part: "will skip the summit", "missed the talks", "is boycotting"
_SKIP = re.compile(
    r"\b(?:skip(?:s|ped|ping)?|boycott(?:s|ed|ing)?|snub(?:s|bed|bing)?|stay(?:s|ed|ing)? away)\b", re.I
)
#: a present progressive of a meeting verb is an arrangement ("I am meeting them on Tuesday")
_PROGRESSIVE = re.compile(
    r"\b(?:am|is|are|[’'](?:m|re|s))\s+(?:\w+ly\s+|again\s+|also\s+)?(?:meeting|hosting|visiting|holding|"
    r"travell?ing|flying|heading|attending|welcoming|receiving)\b",
    re.I,
)
_NEGATABLE = re.compile(r"\b(?:will|would|to|be)\b")
_DURATION = re.compile(r"\b(?P<n>two|three|four|five|six|seven|\d{1,2})(?:-day\b|\s+days\s+(?:of|in|at)\b)", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_EXPLICIT_PAST = re.compile(r"\b(?:last|ago|past|earlier)\b|\b(?:19|20)\d\d\b")
_BARE_WEEKDAY = re.compile(r"(?:on\s+)?(?:this\s+|coming\s+|next\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|-|–)\s*")
_BETWEEN_GAP = re.compile(r"\s*and\s*")
#: a date after "agreed to meet again" dates the meeting, not the agreement
_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?:meet|visit|hold|host|travel)\b[^,;]*$")
_IMMEDIATE = re.compile(r"\b(?:immediate|immediately|imminent|without\s+delay)\b", re.I)
_WAS_DUE = re.compile(r"\b(?:due|scheduled|slated|planned|set)\b")
#: a plan told in the past tense: its day may be before publication
_PAST_PLAN = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:originally\s+|initially\s+)?(?:due|scheduled|slated|planned|set)\b"
)
_HEDGE = re.compile(
    r"\b(?:likely|unlikely|(?-i:may)|might|could|possible|possibly|perhaps|"
    r"(?<!highly\s)(?<!much\s)(?<!long\s)(?<!eagerly\s)(?<!much-)(?<!long-)(?:expected|anticipated)|"
    r"hopes?|hoping|look(?:s|ing)? forward|probably|poised|potential|mooted|proposed)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|[’']ll|going to|is to|are to|scheduled|slated|set to|plans? to|planned|"
    r"planning|intends? to|intending to|upcoming|forthcoming|coming|next|due to|to be held|to host|to visit|to meet|"
    # a wish, an invitation or an intention to take part: the meeting is ahead ("seeks a quick return to
    # negotiations", "an invitation to join Friday's forum")
    r"wants?|seeks?|start to|resume|resumption of|invitation|invited to|to take part|to attend|to open|"
    r"to start|to begin|to launch|"
    r"to join)\b",
    re.I,
)
PAST = re.compile(
    r"\b(?:held|met|visited|hosted|attended|took place|was|were|had|did|last|ago|earlier|"
    r"ended|signed|received|welcomed|celebrated|went|travelled|traveled|flew|spoke|talked)\b",
    re.I,
)


#: substrings without which a pattern cannot match (lower case): a cheap test before the regex
_GATES = {
    "rescheduled": ("postpon", "delay", "reschedul", "push", "mov"),
    "cancel": ("cancel", "call", "scrap", "postpon", "pulled out"),
    "skip": ("skip", "boycott", "snub", "away"),
    "negation": ("not", "n't", "n’t", "never", "no plan"),
    "hedge": (
        "likely", "may", "might", "could", "possib", "perhaps", "expected", "anticipated", "hop", "forward",
        "probably", "poised", "potential", "mooted", "proposed",
    ),
    "future": (
        "will", "would", "shall", "ll", "going to", "is to", "are to", "schedul", "slated", "set to", "plan", "intend",
        "upcoming", "coming", "next", "due to", "to be held", "to host", "to visit", "to meet", "want", "seek",
        "start to", "resum", "invit", "to take part", "to attend", "to join", "to open", "to start", "to begin",
        "to launch",
    ),
    "progressive": ("ing",),
    "past": (
        "held", "met", "visited", "hosted", "attended", "took place", "was", "were", "had", "did", "last", "ago",
        "earlier", "ended", "signed", "received", "welcomed", "celebrated", "went", "travel", "flew", "spoke",
        "talked",
    ),
}  # fmt: skip


#: every word SPEECH_VERBS can match ("emphasi[sz]ed" both ways; "told reporters" by its "told")
_SPEECH_WORDS = frozenset(
    w
    for alt in SPEECH_VERBS.split("|")
    for w in (alt.split("\\s+")[0].replace("[sz]", "s"), alt.split("\\s+")[0].replace("[sz]", "z"))
)
_WORD = re.compile(r"\w+")


def is_speech_verb_before(text: str, start: int, end: int) -> bool:
    """``SPEECH_VERB_RE.search(text, start, end)``, by a word-set test first (the regex is a long alternation)."""
    if not any(w in _SPEECH_WORDS for w in _WORD.findall(text, start, end)):
        return False
    return SPEECH_VERB_RE.search(text, start, end) is not None


def gated(name: str, pattern: re.Pattern[str], text: str, lowered: str | None = None) -> bool:
    """``pattern.search(text)``, skipped when *text* (lower-cased: *lowered*) lacks every gate word of *name*."""
    low = lowered if lowered is not None else text.lower()
    return any(g in low for g in _GATES[name]) and pattern.search(text) is not None


@lru_cache(maxsize=512)  # the same head clause is read for each meeting word in it
def modal_of(text: str) -> str:
    """ "hedge" for a hedged meeting (likely, may, hopes …), "will" for a future one, else ""."""
    low = text.lower()
    if gated("hedge", _HEDGE, text, low):
        return "hedge"
    return "will" if gated("future", _FUTURE, text, low) or gated("progressive", _PROGRESSIVE, text, low) else ""


def is_past(text: str) -> bool:
    """True when *text* has a past-tense or past-time word of meeting reports (held, met, last, ago …)."""
    return gated("past", PAST, text)


def is_rescheduled(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` moves a meeting to a new date ("was postponed until Thursday")."""
    seg = text[start:end]
    return gated("rescheduled", _RESCHEDULED, seg, seg.lower())


def status_of(text: str, c: clauses.Clause, modal: str) -> str:
    seg = text[c.start : c.end]
    low = seg.lower()
    if gated("rescheduled", _RESCHEDULED, seg, low):
        return "planned"
    if gated("cancel", _CANCEL, seg, low):
        return "cancelled"
    if gated("skip", _SKIP, seg, low):
        return "negated"
    if gated("negation", _NEGATION, seg, low) and _NEGATABLE.search(seg):
        return "negated"
    own = modal_of(seg)
    mode = own or (modal if c.coordinated else "")
    if mode == "hedge":
        return "predicted"
    if mode == "will":
        return "planned"
    return "held"


def run_status(text: str, c: clauses.Clause, lo: int, hi: int, modal: str) -> str:
    """The status of a meeting read in ``[lo, hi)``, part of clause *c*: the clause's, unless that window has
    its own tense ("held talks on Tuesday and agreed to meet again in September": held, then planned)."""
    status = status_of(text, c, modal)
    if (lo, hi) == (c.start, c.end) or status not in ("held", "planned", "predicted"):
        return status
    seg = text[lo:hi]
    own = modal_of(seg)
    if status != "held" and not own and is_past(seg):
        return "held"
    if status == "held" and own:
        return "predicted" if own == "hedge" else "planned"
    return status


def dates_of(
    doc: Document, si: int, lo: int, hi: int, status: str, *, inherit: bool = True, ahead_only: bool = False
) -> tuple[str | None, str | None]:
    """First and last date of a meeting of *status* read in ``[lo, hi)``; *inherit* falls back on the previous
    sentence of the paragraph (future meetings), *ahead_only* keeps only dates not before publication."""
    if doc.published is None:
        return None, None
    future: bool | None = False if status == "held" else (True if status != "cancelled" else None)
    if status == "cancelled" and _WAS_DUE.search(doc.text, lo, hi):
        future = True  # "the summit, due in May, has been postponed": May still ahead
    elif status == "planned" and _PAST_PLAN.search(doc.text, lo, hi):
        future = None  # "the session was due to take place on Tuesday": the nearest Tuesday, maybe gone by
    found = event_dates(doc, lo, hi, future)
    if ahead_only:
        found = [e for e in found if e.first > doc.published]
    if not found and status in ("planned", "predicted") and _IMMEDIATE.search(doc.text, max(0, lo - 40), hi):
        return doc.published.isoformat()[:7], None  # "a quick return to negotiations": this month
    if not found and status in ("held", "planned") and dates.CLOCK.search(doc.text, lo, hi):
        return doc.published.isoformat(), None  # "an urgent meeting at 8 p.m.": a time of the publication day
    if not found and inherit and status in ("planned", "predicted", "held") and si > 0:
        ps, pe = doc.sentences[si - 1]
        if doc.same_paragraph(ps, lo) and status == "held":
            # "By noon on Tuesday it was over. The parties meeting X had …": the day the narrative is on
            found = [e for e in event_dates(doc, ps, pe, False) if e.precision == "day" and e.last <= doc.published]
        elif doc.same_paragraph(ps, lo):
            found = [e for e in doc.times(ps, pe, future=True) if e.last >= doc.published]
    if not found:
        return None, None
    rank = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
    e = min(found, key=lambda x: (rank.get(x.precision, 5), x.start))
    gap = _BETWEEN_GAP if doc.text.endswith("between ", 0, e.start) else _RANGE_GAP
    until = next((f for f in found if f.start > e.end and gap.fullmatch(doc.text, e.end, f.start)), None)
    if e.precision == "day" and until is not None and until.precision == "day" and until.first > e.first:
        return e.first.isoformat(), until.last.isoformat()  # "from May 20 to May 22"
    if e.precision in ("week", "quarter") or (e.precision == "day" and e.first != e.last):
        return e.first.isoformat(), e.last.isoformat()
    if e.precision == "year":
        return None, None
    return e.iso, None


def event_dates(doc: Document, start: int, end: int, future: bool | None) -> list[dates.TimeExpr]:
    """Time expressions of the span, leaving out those dating a speech act ("tweeted on the 3rd"; in
    "remarks on Monday, and on Friday" only the first one does)."""
    assert doc.published is not None
    out = []
    floor = start
    for e in doc.times(start, end, future=future):
        lo = max(floor, e.start - 25)
        floor = e.end
        if e.text.startswith(("since", "Since")):
            continue  # "the first increase since 2011" looks back
        if not is_speech_verb_before(doc.text, lo, e.start) or _INFINITIVE_BEFORE.search(doc.text, lo, e.start):
            out.append(e)
    return out


_PARTICIPLES = frozenset(
    ("planned", "scheduled", "expected", "anticipated", "proposed", "slated", "mooted", "called", "invited",
     "needed", "used", "based", "related", "united", "limited", "advanced", "red", "bed", "hundred")
)  # fmt: skip
_ED = re.compile(r"\b(?P<aux>(?:will|would|to|be|is|are|been|being|has|have|had|was|were)\s+)?(?P<verb>[a-z]{2,}ed)\b")


def finite_past(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` has a verb in the simple past ("the truce emerged after a dinner"), not a
    participle of a plan ("the planned talks", "will be held")."""
    if _IRREGULAR_PAST.search(text, start, end):
        return True
    return any(not m.group("aux") and m.group("verb") not in _PARTICIPLES for m in _ED.finditer(text, start, end))


_IRREGULAR_PAST = re.compile(r"\b(?:said|told|wrote|spoke|took|gave|went|came|saw|made|began|won|lost|broke|left)\b")


def presupposed(text: str, c: clauses.Clause, first: int, last: int) -> bool:
    """True when a hedge of the clause is about what a meeting will bring, not whether it takes place: the
    meeting is named before the hedge ("The council's session will probably bring a decision") or called upcoming
    ("may finalise the decision at their upcoming meeting")."""
    if _UPCOMING.search(text, max(c.start, first - 30), first):
        return True
    if not _DEFINITE_NP.search(text, max(c.start, first - 40), first):
        return False  # "Another summit may be the sole route": an indefinite meeting is not presupposed
    return _HEDGE.search(text, c.start, first) is None and _HEDGE.search(text, last, c.end) is not None


_DEFINITE_NP = re.compile(
    r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|[’']s)\s+(?:[\w.&-]+\s+){0,3}$"
)


_UPCOMING = re.compile(r"\b(?:upcoming|forthcoming|next|scheduled|planned)\s+(?:[\w-]+\s+){0,2}$", re.I)


def dated_status(doc: Document, c: clauses.Clause, lo: int, hi: int, status: str) -> str:
    """Correct a status by the dates of the clause: an unmarked present ("Italy is hosting the meeting from
    Thursday 13 June") with a future date is planned; a planned or predicted meeting dated explicitly in the
    past ("last year", "in 2019", "two weeks ago") was held."""
    if doc.published is None:
        return status
    pub = doc.published
    if (
        status == "held"
        and not is_past(doc.text[c.sentence_start : c.end])
        and not finite_past(doc.text, c.sentence_start, c.end)
    ):
        if any(e.first > pub and e.precision == "day" for e in event_dates(doc, lo, hi, None)):
            return "planned"
        if any(_BARE_WEEKDAY.fullmatch(e.text) for e in event_dates(doc, lo, hi, True)):
            return "planned"  # "Biden and Zelensky meet on Thursday": the coming Thursday
    if status in ("planned", "predicted"):
        found = event_dates(doc, lo, hi, None)
        if found and all(e.last < pub and _EXPLICIT_PAST.search(e.text) for e in found):
            return "held"
    return status


def duration_end(text: str, first: str, lo: int, hi: int) -> str | None:
    """Last day of a meeting of several days ("two days of meetings", "the three-day summit")."""
    m = _DURATION.search(text, lo, hi)
    if not m:
        return None
    n = m.group("n").lower()
    days = int(n) if n.isdigit() else _COUNTS.get(n, 1)
    if not 1 < days < 15:
        return None
    return (dt.date.fromisoformat(first) + dt.timedelta(days=days - 1)).isoformat()
