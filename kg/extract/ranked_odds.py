"""Odds given to several contenders in one sentence: "The model gives Ruritania a 20 percent probability of
winning, with Freedonia the next best placed with 12 percent" forecasts two outcomes: Ruritania wins (0.20) and
Freedonia wins (0.12). :func:`split_ranked_odds` cuts such a percentage prediction in two before claims are read;
:func:`with_ranked_claims` gives the second one the first one's claim with the next contender as subject.

>>> from kg.records import ArticleRecord, Prediction, Records, Span
>>> text = ("The model gives Ruritania a 20 percent probability of winning, "
...         "with Freedonia the next best placed with 12 percent.")
>>> p = Prediction("p1", "author", text[:-1], Span(0, len(text) - 1, text[:-1]), hedge="20 percent",
...                probability=0.2, rule="prediction.percentage")
>>> r = split_ranked_odds(Records(ArticleRecord(text=text), predictions=[p]))
>>> [(x.span.text.split()[:2], x.span.text.split()[-1], x.probability) for x in r.predictions]
[(['The', 'model'], 'winning', 0.2), (['Freedonia', 'the'], 'percent', 0.12)]
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.hedges import odds
from kg.records import Prediction, Records, Span

__all__ = ["NEXT_RULE", "split_ranked_odds", "with_ranked_claims"]

NEXT_RULE = "prediction.percentage.next"
"""The rule of a contender's share read from a list of odds."""

#: ", with <contender> (the) next best placed / second favourite ... with|on|at (just) N percent"
_NEXT = re.compile(
    r",\s+with\s+(?P<who>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+(?:as\s+)?(?:the\s+)?"
    r"(?:next|second)\s+(?:best[\s-]+placed|most\s+likely|favou?rites?|best)\b[^,.;]{0,30}?\s+(?:with|on|at)\s+"
    r"(?:just\s+|only\s+|a\s+|an\s+)?(?P<pct>\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent))"
)


def split_ranked_odds(records: Records) -> Records:
    """*records* with each percentage prediction that ranks a next contender cut in two (ids renumbered)."""
    text = records.article.text
    out: list[Prediction] = []
    for p in records.predictions:
        m = _NEXT.search(text, p.span.start, p.span.end) if p.rule == "prediction.percentage" else None
        value = odds(m.group("pct")) if m is not None else None
        if m is None or value is None:
            out.append(p)
            continue
        first = Span(p.span.start, m.start(), text[p.span.start : m.start()])
        second = Span(m.start("who"), m.end("pct"), text[m.start("who") : m.end("pct")])
        out.append(replace(p, text=first.text, span=first))
        out.append(replace(p, text=second.text, span=second, hedge=m.group("pct"), probability=value,
                           probability_interval=(value, value), claim=None, rule=NEXT_RULE))
    if len(out) == len(records.predictions):
        return records
    return replace(records, predictions=[replace(p, id=f"p{i}") for i, p in enumerate(out, 1)])


def with_ranked_claims(records: Records) -> Records:
    """*records* where each next contender's share claims what the share before it claims, for the contender."""
    out = list(records.predictions)
    for i, p in enumerate(out):
        if p.rule != NEXT_RULE or p.claim is not None or i == 0 or out[i - 1].claim is None:
            continue
        before = out[i - 1].claim
        who = next((a.id for a in records.actors for m in a.mentions
                    if p.span.start <= m.start and m.end <= p.span.start + _who_length(p)), None)
        if before is None or who is None:
            continue
        out[i] = replace(p, claim=replace(before, subjects=[who], object=None, span=_who_span(p)))
    return replace(records, predictions=out)


def _who_length(p: Prediction) -> int:
    m = re.match(r"(?:the\s+)?\S+(?:\s+[A-Z]\S*){0,3}", p.span.text)
    return m.end() if m else 0


def _who_span(p: Prediction) -> Span:
    n = _who_length(p)
    return Span(p.span.start, p.span.start + n, p.span.text[:n])
