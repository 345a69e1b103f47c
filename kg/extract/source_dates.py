"""Estimated dates of undated sources: the latest full date an article reports in the past tense.

Many pages carry no publication date (a wire copy re-posted without its dateline, an archive page). Like the
date estimators of web archiving tools, kg then estimates the date from the text: the latest full date (day,
month and year, written out: "on 3 May 2031", "March 4, 2031", "2031-05-03") that stands in a sentence reporting
something past (a past-tense verb, no future or plan word: "will", "is set to", "scheduled", "until", "by").
An article that reports an event of that day was written on it or later, so the estimate is a lower bound.

The estimate never replaces a published date: it is recorded as ``kg:estimatedPublished`` with the words it
rests on (``kg:estimatedFrom``, a ``kg:TextSpan``), and the resolver uses it only for articles without
``kg:published`` (docs/model.md). Dates with a relative part ("on Friday", "last March") and dates without a
year give no estimate.

>>> text = "The agency approved the plan on 3 May 2031. It will review it on 9 June 2031."
>>> e = estimate(text)
>>> e.date.isoformat(), text[e.start:e.end]
('2031-05-03', 'on 3 May 2031')
>>> estimate("Officials said on Friday that talks would resume.") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, XSD

from kg.extract import dates, sentences
from kg.extract.boilerplate import content_paragraphs
from kg.namespaces import KG, OA

__all__ = ["Estimate", "estimate", "estimate_triples"]

_DATE = ox.NamedNode(str(XSD.date))

#: two reference days far apart: a date read alike against both is written out in full
_REFERENCES = (dt.date(2001, 1, 1), dt.date(2041, 7, 1))
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: a verb in the past tense (regular, or a common irregular one of news reporting)
_PAST = re.compile(
    r"\b(?:[a-z]{2,}ed|said|told|was|were|had|took|met|held|won|lost|made|came|went|began|rose|fell|saw|gave|"
    r"spoke|left|sent|set|wrote|ran|got|paid|led|chose|struck|sold|bought|brought|thought|became|announced)\b"
)
#: words that make a sentence speak about what is to come (a date in it is a plan, not a report)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|’ll|'ll|going to|set to|due to|due on|scheduled|expected|expects?|plans? to|planned to|"
    r"intends? to|aims? to|until|by|before|from|next|upcoming|deadline|could|may|might)\b"
)  # case-sensitive: "May" is a month


@dataclass(frozen=True)
class Estimate:
    """An estimated date of a source, with the offsets of the date words it rests on."""

    date: dt.date
    start: int
    end: int
    rule: str = "source-date.latest-past-date"


def _full_dates(text: str, start: int, end: int) -> list[tuple[dt.date, int, int]]:
    """The dates of ``text[start:end]`` written out in full (day, month and year)."""
    found = dates.matches(text, start, end)
    a, b = (dates.interpret(found, ref) for ref in _REFERENCES)
    return [
        (x.first, x.start, x.end) for x, y in zip(a, b, strict=False)
        if x.precision == "day" and x.first == y.first and x.start == y.start and _YEAR.search(x.text)
    ]


def estimate(text: str, *, title: str | None = None) -> Estimate | None:
    """The latest full date *text* reports in the past tense (see the module docstring), else None."""
    best: Estimate | None = None
    for p_start, p_end in content_paragraphs(text, title=title):
        for s, e in sentences.split(text, p_start, p_end):
            if not _YEAR.search(text, s, e):
                continue  # no year: no full date (the common case, cheap)
            sentence = text[s:e]
            if _FUTURE.search(sentence) or not _PAST.search(sentence):
                continue
            for day, a, b in _full_dates(text, s, e):
                if best is None or day > best.date:
                    best = Estimate(day, a, b)
    return best



def estimate_triples(article: str, text: str, *, title: str | None = None) -> list[ox.Triple]:
    """The triples of the estimated date of an article without a published date: ``kg:estimatedPublished`` and
    ``kg:estimatedFrom`` the ``kg:TextSpan`` of the date words (``<article>/published-estimate``, with its rule).
    Empty when the text gives no estimate.

    >>> [t.predicate.value.rsplit("#", 1)[1] for t in estimate_triples("https://example.org/a",
    ...     "Voters went to the polls on 2 March 2031.")][:2]
    ['estimatedPublished', 'estimatedFrom']
    """
    e = estimate(text, title=title)
    if e is None:
        return []
    art, span = ox.NamedNode(article), ox.NamedNode(f"{article}/published-estimate")
    kg, oa = str(KG), str(OA)
    integer = ox.NamedNode(str(XSD.nonNegativeInteger))
    return [
        ox.Triple(art, ox.NamedNode(kg + "estimatedPublished"), ox.Literal(e.date.isoformat(), datatype=_DATE)),
        ox.Triple(art, ox.NamedNode(kg + "estimatedFrom"), span),
        ox.Triple(span, ox.NamedNode(str(RDF.type)), ox.NamedNode(kg + "TextSpan")),
        ox.Triple(span, ox.NamedNode(kg + "extractedFrom"), art),
        ox.Triple(span, ox.NamedNode(oa + "start"), ox.Literal(str(e.start), datatype=integer)),
        ox.Triple(span, ox.NamedNode(oa + "end"), ox.Literal(str(e.end), datatype=integer)),
        ox.Triple(span, ox.NamedNode(oa + "exact"), ox.Literal(text[e.start:e.end])),
        ox.Triple(span, ox.NamedNode(kg + "rule"), ox.Literal(e.rule)),
    ]
