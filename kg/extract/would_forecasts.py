"""A "would" the author relays as a forecast: the belief of unnamed sources, or the consequence of a forecast.

:mod:`.predictions` reads a "would" as a forecast only in the reported speech of a named actor. Two more
readings carry a forecast the author relays without naming anyone:

- unnamed sources holding a belief or an assessment ("Most analysts still assessed that the mayor would win
  a second term", "economists believe the bank would cut"): a group noun of ``lexicon/belief_sources.txt``
  before a belief or estimate verb, the "would" after it in the same clause;
- the consequence of the forecast of the sentence before ("The bank is expected to end the policy next week.
  The move would be its first rate rise in a decade."): an anaphoric subject ("the move", "such a step") of
  ``lexicon/consequence_anaphors.txt`` opens the sentence, and the sentence before holds a forecast word.

Not forecasts: a "would" next to "if"/"unless" (a condition), a past habitual ("analysts said she would
often visit"), a "would" inside a direct quote, a "would have" (a counterfactual, left out by the caller).

>>> text = "Most analysts still assessed that the mayor would win a second term."
>>> unnamed_belief(text, 0, text.index("would"))
True
>>> text = "Most analysts assessed that the mayor would win if turnout rose."
>>> unnamed_belief(text, 0, text.index("would"))
False
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kg.extract.document import Document
from kg.extract.lexicon import alternation, load
from kg.records import Prediction, Span

_BELIEF_VERBS = (
    r"(?:assess(?:ed|es)?|believed?|believes|thinks?|thought|expect(?:ed|s)?|reckon(?:ed|s)?|predict(?:ed|s)?|"
    r"forecast|forecasts|estimated?|estimates|judged?|judges|agreed?|agrees|were\s+confident|are\s+confident|"
    r"were\s+convinced|are\s+convinced)"
)
#: a condition, a habit or a hypothetical in the clause: no forecast
_CONDITION = re.compile(r"\b(?:if|unless|otherwise|usually|often|always|sometimes|used\s+to)\b", re.I)
#: a quantifier before the group noun ("Most", "many of the"), part of the sources
_QUANTIFIER = re.compile(
    r"\b(?:most|many|some|several|few|the|other|leading|a\s+few|(?:most|many|some)\s+of\s+the)\s+$", re.I
)
_WOULD = re.compile(r"\b(?:would|[’']d)\b")
_FORECAST_WORD = re.compile(
    r"\b(?:(?:expected|set|poised|likely|due|scheduled|slated|planning|plans|poised)\s+to|will|is\s+to|are\s+to)\b",
    re.I,
)


@cache
def _source_pattern() -> re.Pattern[str]:
    nouns = alternation(load("belief_sources"))
    return re.compile(
        rf"\b(?:{nouns})\b(?:\s+[\w’'-]+){{0,4}}?\s+(?:still\s+|widely\s+|largely\s+|generally\s+)?{_BELIEF_VERBS}"
        rf"\s+(?:that\s+)?(?:[\w’'-]+\s+){{0,6}}$",
        re.I,
    )


@cache
def _anaphor_pattern() -> re.Pattern[str]:
    nouns = alternation(load("consequence_anaphors"))
    return re.compile(rf"(?:The|This|That|Such\s+an?|Such)\s+(?:{nouns})\s+(?:would|[’']d)\b(?!\s+have\b)")


def unnamed_belief(text: str, sentence_start: int, would: int) -> bool:
    """True when the "would" at *would* relays the belief of unnamed sources named by a group noun before it
    in its sentence ("Most analysts assessed that X would …"), with no condition or habit in the sentence."""
    lo = max(sentence_start, would - 160)
    if _source_pattern().search(text, lo, would) is None:
        return False
    end = text.find(".", would)
    return _CONDITION.search(text, sentence_start, end if end != -1 else len(text)) is None


def consequence(text: str, sentence: tuple[int, int], previous: tuple[int, int] | None, would: int) -> bool:
    """True when the sentence opens with an anaphor of a forecast event and its "would" ("The move would be
    …"), and the sentence before forecasts that event ("X is expected to end the policy next week.")."""
    start, end = sentence
    m = _anaphor_pattern().match(text, start)
    if m is None or m.end() < would or previous is None:
        return False
    if _CONDITION.search(text, start, end) is not None:
        return False
    return _FORECAST_WORD.search(text, previous[0], previous[1]) is not None


def relayed(doc: Document, sentence_start: int, would: int) -> bool:
    """True when the author relays the "would" at *would* as a forecast: the belief of unnamed sources or the
    consequence of the forecast before (never inside a direct quote)."""
    if doc.in_quote(would):
        return False
    si = doc.sentence_index(would)
    previous = doc.sentences[si - 1] if si > 0 else None  # news paragraphs are often one sentence long
    return unnamed_belief(doc.text, sentence_start, would) or consequence(
        doc.text, doc.sentences[si], previous, would
    )


def with_sources(doc: Document, found: list[Prediction]) -> list[Prediction]:
    """*found* with the span of each relayed belief of unnamed sources starting at those sources ("Most
    analysts assessed that X would …", not "X would …"): who holds the belief is part of what is forecast."""
    out = []
    for p in found:
        would = _WOULD.search(doc.text, p.span.start, p.span.end)
        ss = doc.sentence_at(p.span.start)[0]
        m = _source_pattern().search(doc.text, max(ss, p.span.start - 160), p.span.start) if would else None
        if p.predictor != "author" or would is None or m is None or not unnamed_belief(doc.text, ss, would.start()):
            out.append(p)
            continue
        q = _QUANTIFIER.search(doc.text, ss, m.start())
        start = q.start() if q is not None else m.start()
        words = doc.text[start : p.span.end]
        out.append(replace(p, text=words, span=Span(start, p.span.end, words)))
    return out
