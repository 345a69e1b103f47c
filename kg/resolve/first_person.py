"""First-person claims: "I will lift the order" claims an outcome of the one who says it.

A claim whose words have no named subject but follow "I" in the prediction's own words ("I will approve the
plan only after …") has the predictor as subject, when the predictor is an actor (not an unattributed article).

>>> first_person("I will lift the ban only after the review", "lift the ban")
True
>>> first_person("They say I was wrong; the board will lift the ban", "lift the ban")
False
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.resolve.evidence import PredictionFact
from kg.resolve.reports import ClaimFact

__all__ = ["first_person", "with_speakers"]


def first_person(text: str, words: str) -> bool:
    """True when *words* follow the subject "I" in *text* with at most three words (auxiliaries) between."""
    return bool(words) and re.search(r"(?:^|[\s\"“‘'(])I\s+(?:[\w'’]+\s+){0,3}?" + re.escape(words), text) is not None


def with_speakers(claims: dict[str, ClaimFact], predictions: list[PredictionFact]) -> dict[str, ClaimFact]:
    """*claims* with the predictor as subject of each subjectless first-person claim."""
    out = dict(claims)
    for p in predictions:
        c = claims.get(p.iri)
        if c is not None and not c.subjects and "/actor/" in p.predictor and first_person(p.text, c.words):
            out[p.iri] = replace(c, subjects=frozenset({p.predictor}))
    return out
