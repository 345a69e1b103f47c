"""Countdowns: "we have two days left to launch", "with three weeks to go until the vote" forecast an event on the day
the countdown ends, as a calendar entry (the "scheduled to" concept of ``ontology/hedges.ttl``).

A countdown is a present "we/they/there have/are" or a "with" before a number of days, weeks or hours, then
"to", "until", "till", "before" or "ahead of" an event noun of ``lexicon/countdown_events.txt``. Its deadline
is the day the count ends from the day it was said (the statement's date, else the article's); its predictor
the speaker of the statement it sits in, else the author. Not countdowns: a past count ("we had two days to
launch"), a condition ("if we have a day until the vote"), a count of something else ("two days to prepare"),
a question, or a sentence that already holds a prediction.

>>> import datetime as dt
>>> end_day(dt.date(2030, 3, 4), "two", "days")
'2030-03-06'
>>> end_day(dt.date(2030, 3, 4), "one", "week")
'2030-03-11'
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from kg.extract import hedges
from kg.extract.document import Document
from kg.extract.lexicon import alternation, load
from kg.records import Prediction, Span, Statement

_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBERS = {w: i for i, w in enumerate(_WORDS, 1)} | {"a": 1}
_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "hour": 0, "hours": 0}
_CONDITION = re.compile(r"\b(?:if|unless|when|whether|once)\s+(?:\w+\s+){0,3}$", re.I)


@cache
def _pattern() -> re.Pattern[str]:
    events = alternation(load("countdown_events"))
    return re.compile(
        r"(?P<lead>\b(?:we|they|you|there)\s+(?:now\s+)?(?:have|has|are|is)\s+|\bwe[’']re\s+|\bwith\s+)"
        r"(?:just\s+|only\s+|now\s+)?(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+"
        r"(?P<unit>days?|weeks?|hours?)\s+(?:to\s+go\s+|left\s+|remaining\s+)?(?:to|until|till|before|ahead\s+of)\s+"
        rf"(?:the\s+|our\s+|this\s+)?(?P<event>{events})\b(?!\s+(?:it|them|him|her|a|an|our|their)\b)",
        re.I,
    )


def end_day(day: dt.date, n: str, unit: str) -> str:
    """The ISO day a count of *n* *unit* from *day* ends on."""
    count = int(n) if n.isdigit() else _NUMBERS[n.lower()]
    return (day + dt.timedelta(days=count * _DAYS[unit.lower()])).isoformat()


def countdowns(doc: Document, statements: list[Statement], found: list[Prediction]) -> list[Prediction]:
    """The countdown predictions of *doc* not in a sentence of *found* (ids left empty)."""
    text = doc.text
    if doc.published is None or (" to " not in text and "until" not in text):
        return []
    taken = {doc.sentence_index(p.span.start) for p in found}
    hedge = hedges.lookup("scheduled to")
    out = []
    for ps, pe in doc.paragraphs:
        for m in _pattern().finditer(text, ps, pe):
            si = doc.sentence_index(m.start())
            ss, se = doc.sentences[si]
            if si in taken or hedge is None or text[ss:se].rstrip('”"’ ').endswith("?"):
                continue
            if _CONDITION.search(text, max(ss, m.start() - 30), m.start()):
                continue
            statement = next((s for s in statements if s.span.start <= m.start() < s.span.end), None)
            said = dt.date.fromisoformat(statement.date) if statement and statement.date else doc.published
            start = m.start("lead") + (5 if m.group("lead").lower().startswith("with") else 0)
            end = se
            while end > start and text[end - 1] in '.!?”"’ ,;':
                end -= 1
            out.append(
                Prediction(
                    id="",
                    predictor=statement.speaker if statement and statement.speaker else "author",
                    text=text[start:end],
                    span=Span(start, end, text[start:end]),
                    hedge=text[m.start("n") : m.end()],
                    probability=hedge.point,
                    probability_interval=hedge.interval,
                    deadline=end_day(said, m.group("n"), m.group("unit")),
                    statement=statement.id if statement else None,
                    made=statement.date if statement else None,
                    rule="prediction.countdown",
                    confidence=0.6,
                )
            )
            taken.add(si)
    return out

