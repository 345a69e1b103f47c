"""Negations that state a condition, not that an outcome will not happen: "the agency will not approve the jet
until it has finished its review" claims the approval, once the review is done. A negated claim followed in
its clause by "until" and a clause (a subject, not a date: "until March" keeps the negation, a claim about
timing) is read as positive.

>>> until_condition("will not approve the jet until it has finished its review", 16, 56)
True
>>> until_condition("will not approve the jet until March", 16, 36)
False
"""

from __future__ import annotations

import re

__all__ = ["until_condition"]

_UNTIL_CLAUSE = re.compile(
    r"\b(?:until|unless|till)\s+(?:after\s+)?(?:it|they|he|she|we|you|i|the|its|their|our|his|her|all|a|an)\s+"
    r"(?!(?:end|start|beginning|middle|close|spring|summer|autumn|fall|winter|first|second|third|last|next)\b)",
    re.I,
)
_BREAK = re.compile(r"[;:—–]|,\s+(?:but|while|although|though)\b")


def until_condition(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` (the words after a negated outcome) holds "until <clause>" before its
    clause ends."""
    cut = _BREAK.search(text, start, end)
    return _UNTIL_CLAUSE.search(text, start, cut.start() if cut else end) is not None
