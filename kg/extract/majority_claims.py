"""Claims of a majority: "on course for a majority", "set for a 31-seat majority", "heading for an
overall majority". The outcome is a win of the contest (a majority is won, not lost), its theme "majority", its
value the seat majority when a number of seats is named; the subject is the actor named before the verb phrase.

>>> from kg.records import Actor, Span
>>> text = "The Greens are set for a 40-seat majority, the poll shows."
>>> greens = Actor("a1", "Green Party", "Organization", mentions=[Span(4, 10, "Greens")])
>>> c = majority_claim(text, 0, len(text), actors=[greens])
>>> c.predicate, c.subjects, c.value, c.unit, c.theme, c.polarity
('win', ['a1'], 40.0, 'seat-majority', 'majority', 'positive')
>>> majority_claim("The Greens failed to secure a majority.", 0, 38, actors=[greens]).polarity
'negative'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.claims import read_claim, read_value
from kg.records import Actor, Claim

__all__ = ["majority_claim"]

_VERB = (
    r"secur(?:e|es|ed|ing)|win|wins|winning|won|tak(?:e|es|ing)|get|gets|getting|form|forms|forming|"
    r"(?:set|head(?:ed|ing)?|on\s+course|on\s+track|poised)\s+for"
)
_MAJORITY = re.compile(
    rf"\b(?:{_VERB})\s+(?:a|an|the|its|their|his|her)\s+(?:[\w’'-]+\s+){{0,3}}?(?P<m>majority)\b", re.I
)
_NEGATED = re.compile(r"\b(?:not|never|n[’']t|fail(?:s|ed)?\s+to|refus(?:e|es|ed)\s+to)\s+(?:\w+\s+)?$", re.I)
#: the only trigger: the noun itself (one table, so its pattern is built once)
_FORMS = {"majority": "win"}


def majority_claim(text: str, start: int, end: int, *, actors: Sequence[Actor]) -> Claim | None:
    """The majority claim of ``text[start:end]`` (see the module docstring), else None."""
    m = _MAJORITY.search(text, start, end)
    if m is None:
        return None
    claim = read_claim(text, m.start(), end, actors=actors, forms=_FORMS, sentence=_clause(text, start, end))
    if claim is None or claim.span.start != m.start("m"):
        return None
    polarity = "negative" if _NEGATED.search(text[max(start, m.start() - 30) : m.start()]) else "positive"
    claim = replace(claim, object=None, theme="majority", polarity=polarity, value=None, value_high=None, unit=None,
                    comparison=None)
    value = read_value(text, m.start(), m.end())
    if value is not None and value[2] in ("seats", "seat-majority"):
        claim = replace(claim, value=value[0], unit="seat-majority", comparison=value[3])
    return claim


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of the words: from the previous full stop (or the words' start) to their end."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    return (left + 1 if left >= 0 else 0), end
