"""Claims that no party wins a majority: "a hung parliament" (``lexicon/no_majority_words.txt``).

Such a claim is read as the negation of "some party wins a seat majority": kind *win*, unit *seat-majority*,
comparison *greater than 0*, polarity negative, with every organisation the article names as a subject. A report
that one of them won a majority ("won 330 of the 600 seats") refutes it; a report that one party fell short
does not confirm it, since another may have won (:func:`only_refuted`).

>>> from kg.records import Actor, Span
>>> text = "The pollster said a hung parliament is possible."
>>> civic = Actor("a1", "Civic Party", "Organization", mentions=[Span(70, 75, "Civic")])
>>> c = no_majority_claim(text, 0, len(text), actors=[civic])
>>> c.predicate, c.subjects, c.value, c.unit, c.comparison, c.polarity
('win', ['a1'], 0.0, 'seat-majority', 'gt', 'negative')
>>> only_refuted("hung parliament"), only_refuted("win")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.extract.lexicon import load
from kg.records import Actor, Claim, Span

__all__ = ["no_majority_claim", "only_refuted"]


@cache
def _pattern() -> re.Pattern[str]:
    phrases = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in load("no_majority_words")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.I)


def no_majority_claim(text: str, start: int, end: int, *, actors: Sequence[Actor]) -> Claim | None:
    """The claim that no party wins a majority, read from ``text[start:end]``, else None."""
    m = _pattern().search(text, start, end)
    parties = [a.id for a in actors if a.type == "Organization"]
    if m is None or not parties:
        return None
    return Claim("win", Span(m.start(), m.end(), m.group()), subjects=parties, polarity="negative",
                 theme="majority", value=0.0, unit="seat-majority", comparison="gt")


def only_refuted(words: str) -> bool:
    """True when a claim's outcome *words* say no party wins: one party's shortfall does not confirm it."""
    return bool(_pattern().fullmatch(" ".join(words.split())))
