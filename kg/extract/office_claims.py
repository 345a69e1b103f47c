"""Claims of winning an elected office: "Jane Roe is poised to become the 12th Chancellor" claims Roe wins the
contest for that office (kind *win*, theme "office" and the title, which ``lexicon/contest_themes.txt`` makes an
election). The offices are data (``lexicon/elected_offices.txt``); the subject is the actor named nearest before
"become" (:func:`kg.extract.claims.read_claim`).

>>> from kg.records import Actor, Span
>>> text = "Jane Roe is set to become the next Prime Minister of Calvoria."
>>> roe = Actor("a1", "Jane Roe", "Person", mentions=[Span(0, 8, "Jane Roe")])
>>> c = office_claim(text, 0, len(text), actors=[roe])
>>> c.predicate, c.subjects, c.theme, c.value
('win', ['a1'], 'office prime minister', None)
>>> office_claim("Jane Roe will become chair of the board.", 0, 40, actors=[roe]) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kg.extract.claims import read_claim
from kg.extract.lexicon import load
from kg.records import Actor, Claim

__all__ = ["office_claim"]

_FORMS = {"become": "win"}


@cache
def _pattern() -> re.Pattern[str]:
    titles = "|".join(sorted((re.escape(t).replace(r"\ ", r"\s+") for t in load("elected_offices")), key=len,
                             reverse=True))
    return re.compile(
        rf"\bbecome\s+(?:the\s+)?(?:(?:next|new|first|\d+(?:st|nd|rd|th)|\w+(?:st|nd|rd|th))\s+)?(?P<t>{titles})\b",
        re.I,
    )


def office_claim(text: str, start: int, end: int, *, actors: Sequence[Actor]) -> Claim | None:
    """The claim that someone wins an elected office, read from ``text[start:end]``, else None."""
    m = _pattern().search(text, start, end)
    if m is None:
        return None
    claim = read_claim(text, m.start(), m.end(), actors=actors, forms=_FORMS)
    if claim is None or not claim.subjects:
        return None
    title = " ".join(m.group("t").lower().split())
    return replace(claim, object=None, theme=f"office {title}", value=None, value_high=None, unit=None,
                   comparison=None)
