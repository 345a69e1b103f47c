"""Reports that an outcome did not come about: "failed to form a coalition", "was unable to win", "could not
agree" report the outcome kind that follows negated (``kg:reportedLabel`` lists only forms that say it happened).

Each is read with the claim reader over the base forms of the kinds, from the word after the failure phrase; the
claim is negative whatever words precede it.

>>> from kg.records import Actor, Span
>>> text = "The Greens failed to form a coalition by the deadline."
>>> greens = Actor("a1", "Green Party", "Organization", mentions=[Span(4, 10, "Greens")])
>>> [(c.predicate, c.subjects, c.polarity) for c, at in failed_claims(text, 0, len(text), actors=[greens])]
[('form-government', ['a1'], 'negative')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.claims import base_forms, read_claim
from kg.records import Actor, Claim

__all__ = ["failed_claims"]

#: words that say an attempt did not succeed, right before the outcome they name
_FAILED = re.compile(
    r"\b(?:fail(?:s|ed)?\s+to|(?:was|were|is|are)\s+unable\s+to|could\s+not|couldn[’']t|"
    r"did\s+not\s+manage\s+to|didn[’']t\s+manage\s+to)\s+",
    re.I,
)


def failed_claims(text: str, start: int, end: int, *, actors: Sequence[Actor]) -> list[tuple[Claim, int]]:
    """The negative claims of ``text[start:end]`` (one sentence), each with the offset of its failure phrase:
    one per failure phrase followed directly by the words of an outcome kind with a subject."""
    out = []
    for m in _FAILED.finditer(text, start, end):
        claim = read_claim(text, m.end(), end, actors=actors, forms=base_forms(), sentence=(start, end))
        if claim is None or claim.span.start != m.end():
            continue
        if claim.subjects:
            out.append((replace(claim, polarity="negative"), m.start()))
    return out

