"""Which words of a prediction name a quantity: digits of dates, years and clock times do not ("due on
Friday 14 March 2031" names a day, not an amount), so they are blanked before a prediction is checked for a
number its claim did not read (:func:`kg.resolve.rules.unread_quantity`).

>>> without_dates("The cut is due on Friday 14 March 2031 at 0930 GMT")
'The cut is due on Friday _ at _'
>>> without_dates("a cut of 25 bp by March 3")
'a cut of 25 bp by _'
>>> without_dates("the first rise in 12 years")
'the first rise _'
"""

from __future__ import annotations

import re

__all__ = ["without_dates"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    r"|\b(?:19|20)\d{2}\b"
    r"|\b\d{1,2}[:.]?\d{2}\s*(?:GMT|UTC|BST|CET|ET|EST|EDT|[ap]\.?m\.?)(?![\w])"
    r"|\b\d{1,2}\s*[ap]\.?m\.?(?![\w])"
    # a span of time ("the first rise in 17 years", "over the past 3 months") is no amount of the outcome
    r"|\b(?:in|for|over|after)\s+(?:the\s+)?(?:past\s+|last\s+)?\d{1,3}\s+(?:years?|months?|weeks?|decades?)\b",
    re.I,
)


def without_dates(text: str) -> str:
    """*text* with its dates, years and clock times replaced by "_"."""
    return _DATE.sub("_", text)
