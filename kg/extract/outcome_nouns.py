"""Results reported as nouns after "after" or "following": "the leader resigned following a heavy defeat" reports
that the leader lost; "celebrated after a narrow victory" that they won. The noun and its kind are data
(``lexicon/outcome_nouns.txt``); its subject is the actor named nearest before it in its clause (as for verbs,
:func:`kg.extract.claims.read_claim`); its day the sentence's nearest past day. A sentence that is a prediction,
asks, or hedges the words before the noun ("would resign after a defeat", "if … after a victory") reports
nothing, and a noun with its own owner after it ("a victory for the Blues", "the defeat of the Reds") is left to
the reader of that owner.

>>> from kg.records import Actor, ArticleRecord, Records, Span
>>> text = "Jane Roe resigned on Saturday after a crushing defeat in the vote."
>>> roe = Actor("a1", "Jane Roe", "Person", mentions=[Span(0, 8, "Jane Roe")])
>>> r = Records(ArticleRecord(text=text, published="2031-05-19"), actors=[roe])
>>> [(o.claim.predicate, o.claim.subjects, o.date) for o in noun_outcomes(r, 0)]
[('lose', ['a1'], '2031-05-17')]
>>> text = "Jane Roe would stand down following a defeat."
>>> noun_outcomes(Records(ArticleRecord(text=text, published="2031-05-19"), actors=[roe]), 0)
[]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kg.extract import dates
from kg.extract.boilerplate import content_sentences
from kg.extract.claims import read_claim
from kg.extract.lexicon import load
from kg.extract.outcome_clauses import Overlaps
from kg.records import Outcome, Records, Span

__all__ = ["noun_outcomes"]


@cache
def _nouns() -> dict[str, str]:
    out = {}
    for line in load("outcome_nouns"):
        noun, _, kind = line.partition(":")
        out[noun.strip().lower()] = kind.strip()
    return out


@cache
def _pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, _nouns()), key=len, reverse=True))
    return re.compile(
        rf"\b(?:after|following)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w-]+\s+){{0,3}}?(?P<n>{nouns})\b"
        r"(?!\s+(?:for|of|over|by)\b)",
        re.I,
    )


#: words that make the clause before the noun a hedge, plan, question or condition
_IRREALIS = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|can|must|expects?|expected|likely|unlikely|plans?|if|unless|"
    r"whether|set to|poised|going to|hopes?|fears?|predicts?|forecasts?|on course|'ll|’ll)\b",
    re.I,
)


def noun_outcomes(records: Records, start_id: int) -> list[Outcome]:
    """The results one article reports as nouns (see the module docstring), ids from ``o{start_id + 1}``."""
    art = records.article
    text = art.text
    published = dates.published_date(art.published, text)
    nouns = _nouns()
    out: list[Outcome] = []
    overlaps = Overlaps(records.predictions)
    for s, e in content_sentences(text, title=art.title):
        if text[s:e].rstrip().endswith("?") or overlaps.any(s, e):
            continue
        for m in _pattern().finditer(text, s, e):
            if _IRREALIS.search(text, s, m.start()):
                break
            at, end = m.start("n"), m.end("n")
            forms = {m.group("n").lower(): nouns[m.group("n").lower()]}
            claim = read_claim(text, at, end, actors=records.actors, forms=forms, sentence=(s, e))
            if claim is None or not claim.subjects:
                continue
            claim = replace(claim, object=None)  # "defeat in the poll by …": no rival read
            day = None
            if published is not None:
                found = [t for t in dates.find(text, published, s, e, future=False)
                         if t.precision in ("day", "month")]
                day = min(found, key=lambda t: abs(t.start - at)).iso if found else None
            out.append(Outcome(f"o{start_id + len(out) + 1}", claim, Span(s, e, text[s:e]), date=day,
                               rule="outcome.result-noun", confidence=0.5))
    return out
