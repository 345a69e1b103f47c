"""Milestones named after a reported decision: "voted on Tuesday to end the policy, marking the bank's first rate
increase in 17 years" also reports a rate increase by that bank, on the day of the decision.

A participle of marking ("marking", "making it", "representing") followed by an actor's possessive and "first"
(or "first … since", "largest") and an outcome noun of ``lexicon/milestone_nouns.txt`` ("increase" -> raise,
"cut" -> cut, "victory" -> win) names an outcome that happened with the one the sentence reports. Only
sentences without a forecast or a hedge count, and only when the sentence also reports an outcome: what a
forecast says "would mark" the first rise is no report.

>>> from kg.records import Actor, ArticleRecord, Records, Span
>>> text = "The Bank of Lorien voted on Tuesday to end its policy, marking the bank's first rate increase in a decade."
>>> at = text.index("bank's")
>>> bank = Actor("a1", "Bank of Lorien", "Organization", mentions=[Span(at, at + 4, "bank")])
>>> r = Records(ArticleRecord(text=text, published="2031-03-20"), actors=[bank])
>>> [(o.claim.predicate, o.claim.subjects, o.date) for o in milestones(r, 0)]
[('raise', ['a1'], '2031-03-18')]
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract import dates
from kg.extract.boilerplate import content_sentences
from kg.extract.lexicon import alternation, load
from kg.records import Claim, Outcome, Records, Span

__all__ = ["milestones"]

_FORECAST = re.compile(
    r"\b(?:will|would|could|may|might|likely|expected|expects?|set\s+to|poised|if|plans?|forecasts?)\b", re.I
)
_REPORTED = re.compile(r"\b(?:voted|decided|agreed|announced|approved|raised|cut|ended|lifted|won)\b", re.I)


@cache
def _nouns() -> dict[str, str]:
    return dict(line.split() for line in load("milestone_nouns"))


@cache
def _pattern() -> re.Pattern[str]:
    nouns = alternation(list(_nouns()))
    return re.compile(
        r"\b(?:marking|making\s+it|representing)\s+(?P<who>(?:the\s+)?[\w.&+ -]{2,40}?)[’']s?\s+"
        rf"(?:first|largest|biggest)\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{nouns})\b",
        re.I,
    )


def milestones(records: Records, start_id: int) -> list[Outcome]:
    """The milestone outcomes of one article (see the module docstring), ids from ``o{start_id + 1}``."""
    art = records.article
    text = art.text
    if "marking" not in text and "making it" not in text and "representing" not in text:
        return []
    published = dates.published_date(art.published, text)
    out: list[Outcome] = []
    for s, e in content_sentences(text, title=art.title):
        for m in _pattern().finditer(text, s, e):
            if _FORECAST.search(text, s, e) or not _REPORTED.search(text, s, m.start()):
                continue
            who = [a.id for a in records.actors for x in a.mentions
                   if m.start("who") <= x.start and x.end <= m.end("who") + 2]
            if not who or any(p.span.start < e and s < p.span.end for p in records.predictions):
                continue
            kind = _nouns()[m.group("noun").lower()]
            claim = Claim(kind, Span(m.start("noun"), m.end("noun"), m.group("noun")), subjects=who[:1],
                          theme=m.group("noun").lower())
            day = None
            if published is not None:
                found = [t for t in dates.find(text, published, s, e, future=False) if t.precision == "day"]
                day = min(found, key=lambda t: abs(t.start - m.start())).iso if found else None
            out.append(Outcome(f"o{start_id + len(out) + 1}", claim, Span(s, e, text[s:e]), date=day,
                               rule="outcome.milestone", confidence=0.6))
    return out
