"""Predictions that name how long something lasts ("a 45-minute session", "talks of two hours").

That a meeting was held does not settle a prediction of its length: the meeting rules leave such a prediction
open for a person, with the held meeting as candidate evidence, instead of confirming it.

>>> names_duration("The two envoys plan a 45-minute private session"), names_duration("a two-hour lunch")
(True, True)
>>> names_duration("They will meet at 1:20pm for the first time")
False
"""

from __future__ import annotations

import re

__all__ = ["names_duration"]

_NUMBER_WORDS = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few|half)"
_DURATION = re.compile(
    rf"\b{_NUMBER_WORDS}(?:\s|-)+(?:and a half\s+)?(?:minutes?|mins?|hours?|hrs?)\b(?!\s*(?:later|ago|before|after))",
    re.I,
)


def names_duration(text: str) -> bool:
    """True when *text* names a length of time in minutes or hours."""
    return bool(_DURATION.search(text))
