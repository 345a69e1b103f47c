"""Contests held once: a claim about who wins an election is settled by that election's result.

A claim of the contest family names its contest in its theme or in its own words ("take government", "secure a
majority": the words map to the concept *election* in ``lexicon/contest_themes.txt``). An election is held once:
without a deadline in the prediction, the first result reported after it still settles the claim, as for the
families decided by their next occurrence (:data:`kg.resolve.claims.ONCE`). A match or a cup ("will win the
final") is not: a team plays many, so such claims stay open without a deadline.

>>> from kg.resolve.reports import ClaimFact
>>> held_once(ClaimFact("win", frozenset({"x"}), words="take government"))
True
>>> held_once(ClaimFact("win", frozenset({"x"}), theme="the final", words="win"))
False
>>> sorted(claim_concepts(ClaimFact("win", frozenset(), theme="little more", words="take government")))
['election', 'little', 'more', 'take']
"""

from __future__ import annotations

from kg.resolve.reports import ClaimFact
from kg.resolve.themes import concepts

__all__ = ["claim_concepts", "held_once"]

#: the concept of a contest held once (``lexicon/contest_themes.txt``)
ONE_OFF = "election"


def claim_concepts(claim: ClaimFact) -> set[str]:
    """The concepts of a claim's theme and of its outcome words ("take government" is about an election)."""
    return concepts(claim.theme) | concepts(claim.words)


def held_once(claim: ClaimFact) -> bool:
    """True for a contest claim about an election (see the module docstring)."""
    return claim.family == "contest" and ONE_OFF in claim_concepts(claim)
