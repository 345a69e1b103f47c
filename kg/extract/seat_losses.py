"""Seat losses reported in the style of a results table: "to the Greens' 120 seats, down 31" reports that the
Greens lost 31 seats. Only sentences that report results ("results", "won", "elected", "declared", "counted")
and carry no forecast or hedge words count: a poll's projection ("falling 20 to 140 seats in the model") is no
result. Gains are not read: "up 12" is no claim of a kind (winning 12 seats is a total, not a gain).

>>> from kg.records import Actor, ArticleRecord, Records, Span
>>> text = "The declared results on Friday gave the Blues 300 seats, to the Greens' 120 seats, down 31."
>>> greens = Actor("a1", "Green Party", "Organization", mentions=[Span(64, 70, "Greens")])
>>> r = Records(ArticleRecord(text=text, published="2031-03-08"), actors=[greens])
>>> [(o.claim.predicate, o.claim.subjects, o.claim.value, o.claim.unit, o.date) for o in seat_losses(r, 0)]
[('lose', ['a1'], 31.0, 'seats', '2031-03-07')]
"""

from __future__ import annotations

import re

from kg.extract import dates
from kg.extract.boilerplate import content_sentences
from kg.records import Claim, Outcome, Records, Span

__all__ = ["seat_losses"]

_LOSS = re.compile(r"\b\d{1,4}\s+seats?,?\s+(?P<w>down|a\s+loss\s+of)\s+(?P<m>\d{1,4})\b", re.I)
_RESULT = re.compile(r"\b(?:results?|won|elected|declared|counted|tally)\b", re.I)
_FORECAST = re.compile(
    r"\b(?:polls?|projections?|projected|projects?|models?|forecasts?|predict\w*|suggest\w*|would|could|may|"
    r"might|likely|expected|set\s+to|on\s+course|estimates?|if)\b",
    re.I,
)
#: how far before the number of seats the party's name may stand ("to the Greens' 120 seats")
_REACH = 12


def seat_losses(records: Records, start_id: int) -> list[Outcome]:
    """Seat losses the article reports (see the module docstring), ids from ``o{start_id + 1}``."""
    art = records.article
    text = art.text
    published = dates.published_date(art.published, text)
    out: list[Outcome] = []
    for s, e in content_sentences(text, title=art.title):
        if _LOSS.search(text, s, e) is None:
            continue  # no seat count at all: the rarest test first
        words = text[s:e]
        if not _RESULT.search(words) or _FORECAST.search(words):
            continue
        if any(p.span.start < e and s < p.span.end for p in records.predictions):
            continue
        for m in _LOSS.finditer(text, s, e):
            who = [(x.end, a.id) for a in records.actors for x in a.mentions if s <= x.start and
                   m.start() - _REACH <= x.end <= m.start()]
            if not who:
                continue
            claim = Claim("lose", Span(m.start("w"), m.end(), text[m.start("w") : m.end()]),
                          subjects=[max(who)[1]], value=float(m.group("m")), unit="seats", comparison="eq",
                          theme="seats")
            day = None
            if published is not None:
                found = dates.find(text, published, s, e, future=False)
                near = [t for t in found if t.precision in ("day", "month")]
                day = min(near, key=lambda t: abs(t.start - m.start())).iso if near else None
            out.append(Outcome(f"o{start_id + len(out) + 1}", claim, Span(s, e, words), date=day,
                               rule="outcome.seat-loss", confidence=0.6))
    return out
