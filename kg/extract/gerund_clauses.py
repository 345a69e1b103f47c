"""Outcomes reported in a leading gerund clause: "Besides revoking the ban, the agency issued …",
"After lifting the ban, the ministry said …". The gerund is a verb here (not a noun: "the meeting"), and its
subject is the subject of the main clause after the comma.

>>> text = "In addition to lifting the ban, the Agency published new rules."
>>> gerund_verb(text, text.index("lifting"))
True
>>> gerund_verb("The lifting of the ban", 4)
False
>>> from kg.records import Actor, Span
>>> agency = Actor("a1", "Agency", "Organization", mentions=[Span(36, 42, "Agency")])
>>> main_subject(text, text.index("lifting"), len(text), [agency])
'a1'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.records import Actor

__all__ = ["gerund_verb", "main_subject"]

#: a preposition that opens a clause whose gerund is a verb with the main clause's subject
_OPENER = re.compile(r"(?:^|[.;]\s+|\n)\s*(?:in\s+addition\s+to|besides|after|upon|since)\s+$", re.I)
#: the main clause's subject stands right after the comma (a determiner at most before it)
_SUBJECT_GAP = re.compile(r"^,\s+(?:the\s+|a\s+|an\s+)?$", re.I)


def gerund_verb(text: str, at: int) -> bool:
    """True when the -ing word at *at* opens a sentence-initial adverbial clause ("After lifting …, X …")."""
    return _OPENER.search(text[max(0, at - 40) : at]) is not None


def main_subject(text: str, at: int, end: int, actors: Sequence[Actor]) -> str | None:
    """The actor named right after the first comma following *at* (the main clause's subject), else None."""
    comma = text.find(",", at, end)
    if comma == -1:
        return None
    first = min(
        ((m.start, a.id) for a in actors for m in a.mentions if comma < m.start < end),
        default=None,
    )
    if first is None or not _SUBJECT_GAP.match(text[comma : first[0]]) or _MODAL.search(text, comma, first[0] + 40):
        return None
    return first[1]


#: a main clause that is not a report of what happened ("After lifting the ban, the agency will …")
_MODAL = re.compile(r"\b(?:will|would|could|may|might|should|shall|can|must|plans?|expects?|intends?)\b|'ll|’ll")
