"""Claims that an election's result will be known by some time: "the outcome of the vote should be known early on
Friday". Any result of the contest reported in the claim's window confirms it, whoever won: the claim has kind
*win*, theme "election" and every organisation the article names as a subject, and a reported loss does not
refute it (:func:`only_confirmed`). The words are data (``lexicon/result_known_words.txt``).

>>> from kg.records import Actor, Span
>>> text = "The outcome of the election should be known on Friday."
>>> civic = Actor("a1", "Civic Party", "Organization", mentions=[Span(70, 75, "Civic")])
>>> c = known_result_claim(text, 0, len(text), actors=[civic])
>>> c.predicate, c.subjects, c.theme, c.span.text, only_confirmed(c.span.text)
('win', ['a1'], 'election', 'be known', True)
>>> known_result_claim("The outcome was known to all.", 0, 29, actors=[civic]) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.extract.lexicon import load
from kg.records import Actor, Claim, Span

__all__ = ["known_result_claim", "only_confirmed"]


@cache
def _words() -> tuple[str, str]:
    parts = dict(line.split(":", 1) for line in load("result_known_words"))
    return "|".join(parts["nouns"].split()), "|".join(parts["verbs"].split())


@cache
def _pattern() -> re.Pattern[str]:
    nouns, verbs = _words()
    return re.compile(rf"\b(?:{nouns})\b[^.;]{{0,100}}?\b(?P<k>be\s+(?:{verbs}))\b", re.I)


@cache
def _known() -> re.Pattern[str]:
    return re.compile(rf"be\s+(?:{_words()[1]})", re.I)


def known_result_claim(text: str, start: int, end: int, *, actors: Sequence[Actor]) -> Claim | None:
    """The claim that a contest's result will be known, read from ``text[start:end]``, else None."""
    m = _pattern().search(text, start, end)
    parties = [a.id for a in actors if a.type == "Organization"]
    if m is None or not parties:
        return None
    return Claim("win", Span(m.start("k"), m.end("k"), m.group("k")), subjects=parties, theme="election")


def only_confirmed(words: str) -> bool:
    """True when a claim's outcome *words* say a result will be known: a loss is a result too, not a refutation."""
    return bool(_known().fullmatch(" ".join(words.split())))
