"""An offer claimed ("X is expected to table an offer to cut its tariffs on farm produce") against what
later sources report: the offer made ("offered to …"), or an agreement on what was offered ("agreed to lower
its duties on imported grain"): an agreement is an offer taken up.

A report fulfils an *offer* claim when it is held, of kind *offer* or *agree*, by the claimed subject or by the
country the subject leads (``person_country`` of the registry: a head of government offers for the country),
in the claim's window, and when its words share a concept (an agreement: :data:`MIN_SHARED`) with what the
prediction says is offered (the words after the offer, compared through ``lexicon/theme_synonyms.txt``: farm =
agricultural). A refusal or a negated offer does not refute it here: an offer may be made and turned down.

>>> import datetime as dt
>>> from kg.resolve.events import EventFact, Report
>>> r = Report("r1", "kgd:b", "action", "agree", "held", frozenset({"cn"}), dt.date(2031, 1, 6),
...            text="The country agreed to buy more agricultural goods.", dated=False)
>>> claim = ClaimFact("offer", frozenset({"xi"}))
>>> said = "Xi will offer to open the market to farm goods"
>>> judge_offer(claim, said, [EventFact([r])], countries={"xi": "cn"}, later=lambda a: True).outcome
'confirmed'
>>> judge_offer(claim, "Xi will offer to cut car tariffs", [EventFact([r])], countries={"xi": "cn"},
...             later=lambda a: True) is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kg.resolve.events import EventFact, Report
from kg.resolve.reports import ClaimFact
from kg.resolve.themes import theme_words

__all__ = ["KIND", "MIN_SHARED", "OfferVerdict", "judge_offer"]

KIND = "offer"
MIN_SHARED = 2
"""Concepts an agreement must share with what is offered (a report of the offer itself: one)."""

_WORD = re.compile(r"[a-z][a-z-]{3,}")
_STOP_WORDS = """that this with from will would could should their there them they have been also than into over
    under about after before which while other others offer offers offered agree agreed agreement table expected
    reopen open well"""
_STOP = frozenset(_STOP_WORDS.split())
_TRIGGER = re.compile(r"\boffer(?:s|ed|ing)?\s+to\b", re.I)


@dataclass(frozen=True)
class OfferVerdict:
    """confirmed, why, and the reports it rests on."""

    outcome: str
    why: str
    reports: tuple[Report, ...]


def _concepts(text: str) -> set[str]:
    return {w for w in theme_words(" ".join(_WORD.findall(text.lower()))) if w not in _STOP}


def _offered(said: str) -> set[str]:
    """The concepts of what *said* says is offered: its words after "offer to"."""
    m = _TRIGGER.search(said)
    return _concepts(said[m.end():] if m else said)


def _in_window(claim: ClaimFact, r: Report) -> bool:
    first = r.day if r.dated else r.day - dt.timedelta(days=1)
    last = r.last_day or r.day
    return (claim.start is None or last >= claim.start) and (claim.end is None or first <= claim.end)


def judge_offer(claim: ClaimFact, said: str, events: list[EventFact], *, countries: Mapping[str, str],
                later: Callable[[str], bool]) -> OfferVerdict | None:
    """The verdict on an *offer* claim worded *said*, from the reports of *events* *later* accepts, else None."""
    if claim.predicate != KIND or claim.polarity != "positive":
        return None
    doers = set(claim.subjects) | {countries[s] for s in claim.subjects if s in countries}
    offered = _offered(said)
    found = []
    for e in events:
        for r in e.reports:
            if r.kind not in (KIND, "agree") or r.status != "held" or not doers & r.actors:
                continue
            shared = offered & _concepts(f"{r.theme or ''} {r.text}")
            if len(shared) >= (1 if r.kind == KIND else MIN_SHARED) and later(r.article) and _in_window(claim, r):
                found.append((r, shared))
    if not found:
        return None
    first = min(r.day for r, _ in found)
    kept = [(r, s) for r, s in found if r.day == first]
    words = ", ".join(sorted(set().union(*(s for _, s in kept))))
    return OfferVerdict("confirmed", f"a later source reports the offer made or taken up ({words}); matching fields: "
                        "family, subject, theme, window", tuple(r for r, _ in kept))
