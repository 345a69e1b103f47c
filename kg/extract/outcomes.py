"""What a source reports did happen: reported outcomes ("raised rates by 50 bp", "won 365 seats", "scrubbed
the launch"), each a claim (:mod:`kg.extract.claims`) with the day it happened.

A sentence reports an outcome when a reported form of an outcome kind (``kg:reportedLabel`` in
``ontology/outcomes.ttl``: "raised", "won", "voted to dissolve") stands in a clause that is not hedged, conditional,
a belief or a plan ("would attend", "did not believe … would", "expects to approve", "if … won" report nothing),
and the sentence is not itself one of the article's predictions (but for the clauses before its hedge:
:mod:`kg.extract.outcome_clauses`). Its day is the time expression of the sentence
nearest the trigger (read towards the past), else unknown (the resolver then places it at or before the
article's date).

>>> from kg.records import Actor, ArticleRecord, Records, Span
>>> text = "The central bank raised rates by 50 basis points on Thursday. It will not hold them."
>>> bank = Actor("a1", "Central Bank", "Organization", mentions=[Span(4, 16, "central bank")])
>>> r = Records(ArticleRecord(text=text, published="2022-07-22"), actors=[bank])
>>> [(o.claim.predicate, o.claim.subjects, o.claim.value, o.claim.unit, o.date) for o in find_outcomes(r)]
[('raise', ['a1'], 50.0, 'bp', '2022-07-21')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from kg.extract import dates
from kg.extract.boilerplate import content_sentences
from kg.extract.claims import base_forms, read_claim
from kg.extract.company import company_outcomes
from kg.extract.failed_outcomes import failed_claims
from kg.extract.meeting_lengths import length_outcomes
from kg.extract.milestone_outcomes import milestones
from kg.extract.outcome_clauses import Overlaps, realis_end
from kg.extract.outcome_nouns import noun_outcomes
from kg.extract.price_nouns import noun_prices
from kg.extract.seat_losses import seat_losses
from kg.outcome_scheme import scheme
from kg.records import Claim, Outcome, Records, Span

__all__ = ["find_outcomes", "reported_forms", "with_outcomes"]

#: words that make a clause say something other than that the outcome happened (hedged, planned, believed,
#: conditional, asked)
_IRREALIS = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|can|must|expects?|expected|likely|unlikely|plans?|planned|"
    r"intends?|aims?|hopes?|believes?|believed|thinks?|thought|doubts?|doubted|fears?|feared|if|unless|whether|"
    r"wants?|wanted|set to|poised|due to|scheduled|ready to|going to|forecasts?|predicts?|predicted|projected|"
    r"on course|on track|'ll|’ll|whoever|in order to|threaten(?:s|ed)? to|propos(?:e|es|ed) to|seeks? to|"
    r"sought to|tried to|trying to|attempts? to|vow(?:s|ed)? to|promis(?:e|es|ed) to|asked)\b",
    re.I,
)


@cache
def reported_forms() -> dict[str, str]:
    """Reported forms ("raised", "voted to end") -> outcome kind."""
    out: dict[str, str] = {}
    for kind in scheme().kinds.values():
        for form in kind.reported:
            out.setdefault(form.lower(), kind.name)
    return out


#: a decision reported with the decided outcome in the infinitive: "voted on Tuesday to end", "agreed to cut"
_DECIDED = re.compile(r"\b(?:voted|agreed|decided|resolved)\s+(?:[\w,]+\s+){0,3}?to\s+", re.I)


def _decided(text: str, start: int, end: int, records: Records) -> Claim | None:
    """The claim of the outcome a reported decision names right after its "to", if any."""
    for m in _DECIDED.finditer(text, start, end):
        claim = read_claim(text, m.end(), end, actors=records.actors, forms=base_forms(), sentence=(start, end))
        if claim is not None and claim.span.start == m.end():
            return claim
    return None


def _agreement(text: str, claim: Claim) -> Claim | None:
    """An agreement on what *claim* reports ("agreed on Monday to trim" is also an agreement), else None."""
    m = re.search(r"\bagreed\b", text[max(0, claim.span.start - 40) : claim.span.start])
    if m is None or claim.predicate == "agree":
        return None
    at = max(0, claim.span.start - 40) + m.start()
    return replace(claim, predicate="agree", span=Span(at, at + 6, "agreed"), value=None, value_high=None,
                   unit=None, comparison=None)


def _clause_start(text: str, start: int, at: int) -> int:
    cut = start
    for m in re.finditer(r"[;:—–]|,\s+(?:but|while|which|who|although|though)\b|\bbut\b", text[start:at]):
        cut = start + m.end()
    return cut


def find_outcomes(records: Records) -> list[Outcome]:
    """The reported outcomes of one article, in text order, ids ``o1``, ``o2`` … (see the module docstring)."""
    art = records.article
    text = art.text
    published = dates.published_date(art.published, text)
    forms = reported_forms()
    out: list[Outcome] = []
    overlaps = Overlaps(records.predictions)
    for s, e in content_sentences(text, title=art.title):
        if text[s:e].rstrip().endswith("?"):
            continue
        realis = realis_end(text, s, e, overlaps.within(s, e))
        if realis is None:
            continue
        e = realis
        claim = _decided(text, s, e, records) or read_claim(
            text, s, e, actors=records.actors, forms=forms, sentence=(s, e)
        )
        out.extend(_failed(text, s, e, records, published, [claim] if claim else [], len(out)))
        out.extend(_failed(text, s, e, records, published, [claim] if claim else [], len(out), noun_prices))
        if claim is None or not claim.subjects:
            continue
        clause = _clause_start(text, s, claim.span.start)
        if _IRREALIS.search(text, clause, claim.span.start):
            continue
        day = _day_near(text, published, s, e, claim.span.start)
        for c in (claim, _agreement(text, claim)):
            if c is not None:
                out.append(Outcome(f"o{len(out) + 1}", c, Span(s, e, text[s:e]), date=day,
                                   rule="outcome.reported-form", confidence=0.6))
    return out


def _day_near(text: str, published: dt.date | None, s: int, e: int, at: int) -> str | None:
    """The past day or month of ``text[s:e]`` nearest to *at* (relative to *published*), else None."""
    if published is None:
        return None
    found = dates.find(text, published, s, e, future=False)
    if not found:
        return None
    near = min(found, key=lambda t: abs(t.start - at))
    return near.iso if near.precision in ("day", "month") else None


def _failed(
    text: str, s: int, e: int, records: Records, published: dt.date | None, taken: list[Claim], n: int,
    find: Callable[..., list[tuple[Claim, int]]] = failed_claims,
) -> list[Outcome]:
    """Outcomes reported as failed in one sentence ("failed to form a coalition"), undated unless the sentence
    dates them, skipping those the reported forms already read; with *find*, the outcomes it reads instead
    (:func:`kg.extract.price_nouns.noun_prices`: "the IPO price of $45")."""
    out: list[Outcome] = []
    rule = "outcome.failed" if find is failed_claims else f"outcome.{find.__name__.replace('_', '-')}"
    for c, at in find(text, s, e, actors=records.actors):
        if any(t.span.start <= c.span.start < t.span.end for t in taken):
            continue
        clause = _clause_start(text, s, c.span.start)
        if _IRREALIS.search(text, clause, max(clause, at)):
            continue
        day = _day_near(text, published, s, e, c.span.start)
        out.append(Outcome(f"o{n + len(out) + 1}", c, Span(s, e, text[s:e]), date=day,
                           rule=rule, confidence=0.6))
    return out


def with_outcomes(records: Records) -> Records:
    """*records* with the outcomes their article reports."""
    found = find_outcomes(records)
    found += milestones(records, len(found))  # "marking the bank's first rate increase"
    found += seat_losses(records, len(found))
    found += length_outcomes(records, len(found))
    found += company_outcomes(records, len(found))
    return replace(records, outcomes=found + noun_outcomes(records, len(found)))  # "following a defeat"
