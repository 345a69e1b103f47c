"""Speakers are not subjects: in "the forecasters say a 60% chance of a launch", the actor who says it is the
source of the prediction, not the one who launches. A subject found right before a speech verb ("says",
"told") whose words name nobody else (no pronoun that could refer back to it: "Acme said it will launch") is
dropped from a prediction's claim.

>>> from kg.records import Actor, Claim, Span
>>> text = "The Weather Office says a 60% chance of launch."
>>> office = Actor("a1", "Weather Office", "Organization", mentions=[Span(4, 18, "Weather Office")])
>>> c = Claim("launch", Span(38, 44, "launch"), subjects=["a1"])
>>> without_speakers(text, c, [office]).subjects
[]
>>> text = "Acme says it will launch."
>>> acme = Actor("a1", "Acme", "Organization", mentions=[Span(0, 4, "Acme")])
>>> without_speakers(text, Claim("launch", Span(18, 24, "launch"), subjects=["a1"]), [acme]).subjects
['a1']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kg.extract.lexicon import load
from kg.records import Actor, Claim

__all__ = ["without_speakers"]

_PRONOUN = re.compile(r"\b(?:it|its|they|their|them|he|his|him|she|her|we|our|us|i)\b", re.I)


@cache
def _speech() -> re.Pattern[str]:
    verbs = sorted(load("speech_verbs"), key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs) + r")\b", re.I)


def without_speakers(text: str, claim: Claim, actors: Sequence[Actor]) -> Claim:
    """*claim* without the subjects that only introduce what is said (see the module docstring)."""
    at = claim.span.start
    kept = []
    for a in actors:
        if a.id not in claim.subjects:
            continue
        before = [m for m in a.mentions if m.end <= at]
        if not before:
            kept.append(a.id)
            continue
        gap = text[max(m.end for m in before) : at]
        if not (_speech().match(gap) and not _PRONOUN.search(gap)):
            kept.append(a.id)
    kept += [s for s in claim.subjects if s not in {a.id for a in actors}]
    if len(kept) == len(claim.subjects):
        return claim
    return replace(claim, subjects=[s for s in claim.subjects if s in kept])
