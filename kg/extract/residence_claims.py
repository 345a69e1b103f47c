"""Winning an election told as moving into the official residence: "She expects to be living in Downing Street
after the election" claims she wins. The residences are data (``lexicon/official_residences.txt``); the words
must name the election ("election", "vote", "poll"), since a residence is also where visits take place. The
subject is the actor named nearest before the verb in the sentence, or, for "he" / "she" opening the words, the
last person named before them (within :data:`REACH` characters). Kind *win*, theme "office" and the residence.

>>> from kg.records import Actor, Span
>>> text = "Jane Roe toured a farm. She expects to be living in Downing Street after the election."
>>> roe = Actor("a1", "Jane Roe", "Person", mentions=[Span(0, 8, "Jane Roe")])
>>> c = residence_claim(text, 24, len(text), actors=[roe])
>>> c.predicate, c.subjects, c.theme
('win', ['a1'], 'office downing street')
>>> residence_claim("She will host the minister at Downing Street.", 0, 45, actors=[roe]) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.extract.claims import read_claim
from kg.extract.lexicon import load
from kg.records import Actor, Claim, Span

__all__ = ["REACH", "residence_claim"]

#: how far before a pronoun its person may be named
REACH = 300
_ELECTION = re.compile(r"\b(?:election|elections|vote|poll|polls)\b", re.I)
_PRONOUN = re.compile(r"\s*(?:He|She|he|she)\b")


@cache
def _pattern() -> re.Pattern[str]:
    homes = "|".join(sorted((re.escape(h) for h in load("official_residences")), key=len, reverse=True))
    return re.compile(rf"\b(?P<v>be|move|moving)\s+(?:[a-z]+ing\s+)?(?:in|into|at)\s+(?P<r>{homes})\b")


def residence_claim(text: str, start: int, end: int, *, actors: Sequence[Actor]) -> Claim | None:
    """The claim that someone wins the office whose residence the words name, else None."""
    m = _pattern().search(text, start, end)
    if m is None or not _ELECTION.search(text, start, end):
        return None
    theme = "office " + " ".join(w for w in m.group("r").lower().split() if w not in ("the", "no", "no."))
    claim = read_claim(text, m.start("v"), m.end(), actors=actors, forms={m.group("v"): "win"},
                       sentence=(start, end))
    if claim is not None and claim.subjects:
        return Claim("win", claim.span, subjects=claim.subjects, theme=theme)
    if not _PRONOUN.match(text, start):
        return None
    named = [(x.end, a.id) for a in actors if a.type == "Person" for x in a.mentions
             if start - REACH <= x.end <= start]
    if not named:
        return None
    span = claim.span if claim else Span(m.start("v"), m.end("v"), m.group("v"))
    return Claim("win", span, subjects=[max(named)[1]], theme=theme)
