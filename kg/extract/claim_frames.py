"""Where a prediction's claimed outcome may stand: not in its attribution, a time reference or a premise.

- **attribution**: in "At a launch briefing on Monday, the engineer said conditions should clear", what is
  claimed follows the speech verb; an outcome word before it ("launch briefing") frames the speech.
- **time reference**: "improve by launch day", "before the vote": an outcome word right after a temporal
  preposition dates the claim, it is not the claim.
- **premise**: "in case of an aborted launch", "if the launch slips": an outcome word in a condition is what the
  claim depends on, not what it claims; such a prediction gets no claim.

>>> from kg.records import Span
>>> text = "At the launch briefing, the engineer said conditions should clear by launch day."
>>> launch = Claim("launch", Span(7, 13, "launch"))
>>> settle(text, 0, len(text), launch, lambda s, e: Claim("launch", Span(69, 75, "launch"))) is None
True
>>> text = "Orbital will launch on Monday, the company said."
>>> settle(text, 0, len(text), Claim("launch", Span(13, 19, "launch")), lambda s, e: None).predicate
'launch'
>>> settle("If the launch slips, odds rise.", 0, 31, Claim("launch", Span(7, 13, "launch")), lambda s, e: None)

A capitalised word is a name, not a speech verb:

>>> text = "Acme will sell its plant to buyers in the United States."
>>> settle(text, 0, len(text), Claim("sell", Span(10, 14, "sell")), lambda s, e: None).predicate
'sell'

A passive speech verb ("the hike is expected on Monday") frames nothing: nobody is speaking in the sentence.

>>> text = "The tax rise is expected on Monday next month."
>>> settle(text, 0, len(text), Claim("raise", Span(8, 12, "rise")), lambda s, e: None).predicate
'raise'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kg.extract.lexicon import load
from kg.records import Claim

__all__ = ["settle"]

_TIME_PREP = re.compile(r"\b(?:by|before|until|till|ahead\s+of|after|since)\s+(?:the\s+|a\s+|its\s+)?$", re.I)
_PREMISE = re.compile(r"\b(?:if|unless|in\s+case(?:\s+of)?|provided)\b[^,;.]*$", re.I)
_CONTENT_WORDS = 3
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.I)


@cache
def _speech() -> re.Pattern[str]:
    verbs = sorted(load("speech_verbs"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs) + r")\b", re.I)


def settle(
    text: str, start: int, end: int, claim: Claim, reread: Callable[[int, int], Claim | None]
) -> Claim | None:
    """*claim*, read from ``text[start:end]``, or the claim re-read (by *reread* over the words after a speech
    verb) when its outcome word frames the speech; None when its outcome word dates or conditions the claim."""
    at = claim.span.start
    if _PREMISE.search(text[start:at]):
        return None
    # a capitalised word is a name, not a speech verb ("the United States")
    speech = next((m for m in _speech().finditer(text, claim.span.end, end) if not m.group()[0].isupper()), None)
    if speech is not None and _PASSIVE.search(text[max(0, speech.start() - 12) : speech.start()]):
        speech = None
    if speech is not None and len(text[speech.end() : end].split()) >= _CONTENT_WORDS:
        found = reread(speech.end(), end)
        return None if found is None else settle(text, speech.end(), end, found, reread)
    if _TIME_PREP.search(text[max(start, at - 20) : at]):
        return None
    return claim
