"""Outcomes reported as a first: "Lee and Park became the first crew to launch from the island on Saturday"
reports that Lee and Park launched (a record is only set by doing it).

The deed is the verb after "became / was / were the first (second, last, only) <words> to", read as a claim
(:func:`kg.extract.claims.read_claim`) whose subjects are the actors named before the copula (the nearest, and
those joined to it by "and"), not those inside the noun phrase ("the first Ruritanians"). A hedged clause ("will
become the first to") reports nothing. The day is the sentence's date nearest the deed.

>>> from kg.records import Actor, ArticleRecord, Records, Span
>>> text = "Ann Lee and Bo Park on Saturday became the first crew ever to launch from the island."
>>> lee = Actor("a1", "Ann Lee", "Person", mentions=[Span(0, 7, "Ann Lee")])
>>> park = Actor("a2", "Bo Park", "Person", mentions=[Span(12, 19, "Bo Park")])
>>> r = Records(ArticleRecord(text=text, published="2031-05-04"), actors=[lee, park])
>>> [(o.claim.predicate, sorted(o.claim.subjects), o.date) for o in first_outcomes(r)]
[('launch', ['a1', 'a2'], '2031-05-03')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract import dates, sentences
from kg.extract.boilerplate import content_paragraphs
from kg.extract.claims import _subjects, base_forms, read_claim
from kg.extract.outcomes import _IRREALIS, _day_near
from kg.records import Outcome, Records, Span

__all__ = ["first_outcomes", "with_first_outcomes"]

_FIRST = re.compile(
    r"\b(?P<be>became|become|becomes|was|were|is|are)\s+the\s+(?:very\s+)?"
    r"(?:first|second|third|last|only|latest)\s+(?:[\w’'-]+\s+){0,5}?to\s+(?P<verb>[a-z]+)\b"
)
#: what every match of _FIRST holds, found fast by its literal start: the text is scanned with _FIRST only then
_FIRST_GATE = re.compile(r"the\s+(?:very\s+)?(?:first|second|third|last|only|latest)\s")
#: how far (characters) before the copula the subject may stand
_REACH = 80


def first_outcomes(records: Records, first: int = 1) -> list[Outcome]:
    """The outcomes *records*' article reports as a first, ids from ``o<first>``."""
    text = records.article.text
    if _FIRST_GATE.search(text) is None or _FIRST.search(text) is None:
        return []  # one scan of the text: most articles report no first
    published = dates.published_date(records.article.published, text)
    out: list[Outcome] = []
    for p_start, p_end in content_paragraphs(text, title=records.article.title):
        for s, e in sentences.split(text, p_start, p_end):
            for m in _FIRST.finditer(text, s, e):
                if _IRREALIS.search(text, s, m.start()):
                    continue
                claim = read_claim(text, m.start("verb"), e, actors=records.actors, forms=base_forms(),
                                   sentence=(s, e))
                if claim is None or claim.span.start != m.start("verb"):
                    continue
                before = sorted((x.start, x.end, a.id) for a in records.actors for x in a.mentions
                                if s <= x.start and x.end <= m.start("be") and m.start("be") - x.end <= _REACH)
                subjects = _subjects(text, before)
                if not subjects:
                    continue
                claim = replace(claim, subjects=subjects, object=None if claim.object in subjects else claim.object)
                day = _day_near(text, published, s, e, m.start())
                out.append(Outcome(f"o{first + len(out)}", claim, Span(s, e, text[s:e]), date=day,
                                   rule="outcome.first", confidence=0.6))
    return out


def with_first_outcomes(records: Records) -> Records:
    """*records* with the outcomes reported as a first added after the others."""
    found = first_outcomes(records, len(records.outcomes) + 1)
    return replace(records, outcomes=[*records.outcomes, *found]) if found else records
