"""Majorities named by their party, without a verb: "a small Civic majority is likely" claims the Civic Party
wins a majority, a small one (the size word stays in the theme: :mod:`kg.resolve.sizes`).

The party is an organisation the article names; the word before "majority" is one of its forms
(:func:`adjectives`: its label or a mention, without "party", singular: "Civics" and "Civic Party" give "Civic").
A number of seats in the words ("majority of 40 seats") is the claimed majority; another number ("of 38%") is not.

>>> from kg.records import Actor, Span
>>> text = "A small Civic majority of 38% is likely."
>>> civic = Actor("a1", "Civic Party", "Organization", mentions=[Span(50, 56, "Civics")])
>>> c = party_majority_claim(text, 0, len(text), actors=[civic], text_of=lambda s: "Civics")
>>> c.predicate, c.subjects, c.theme, c.value, c.polarity
('win', ['a1'], 'small majority', None, 'positive')
>>> sorted(adjectives("Tories")), sorted(adjectives("Civic Party"))
(['tories', 'tory'], ['civic', 'civic party'])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.extract.claims import read_value
from kg.records import Actor, Claim, Span

__all__ = ["adjectives", "party_majority_claim"]

_PARTY = re.compile(r"\s+party$", re.I)
_MAJORITY = re.compile(r"\b(?i:a|an|the)\s+(?P<size>[a-z][\w-]*\s+)?(?P<party>[A-Z][\w’'-]*)\s+majority\b")
_NEGATED = re.compile(r"\b(?:not|never|no|n[’']t|fail(?:s|ed)?\s+to)\s+(?:\w+\s+){0,2}$", re.I)


def adjectives(name: str) -> set[str]:
    """The lower-case forms a party's name takes before "majority": the name, without "party", singular."""
    low = " ".join(name.split()).lower()
    out = {low, _PARTY.sub("", low)}
    if low.endswith("ies") and " " not in low:
        out.add(low[:-3] + "y")
    elif low.endswith("s") and not low.endswith("ss") and " " not in low:
        out.add(low[:-1])
    return {w for w in out if len(w) > 2}


def party_majority_claim(
    text: str, start: int, end: int, *, actors: Sequence[Actor], text_of: Callable[[Span], str] | None = None
) -> Claim | None:
    """The claim of ``text[start:end]`` that a party wins a majority (see the module docstring), else None."""
    m = _MAJORITY.search(text, start, end)
    if m is None:
        return None
    word = m.group("party").lower()
    read = text_of or (lambda s: text[s.start : s.end])
    owners = {a.id for a in actors if a.type == "Organization"
              and any(word in adjectives(n) for n in (a.label, *(read(x) for x in a.mentions)))}
    if len(owners) != 1:
        return None
    size = (m.group("size") or "").strip().lower()
    polarity = "negative" if _NEGATED.search(text[max(start, m.start() - 30) : m.start()]) else "positive"
    claim = Claim("win", Span(m.end() - 8, m.end(), "majority"), subjects=sorted(owners), polarity=polarity,
                  theme=f"{size} majority".strip())
    value = read_value(text, m.end(), min(end, m.end() + 20))
    if value is not None and value[2] in ("seats", "seat-majority"):
        claim = Claim(claim.predicate, claim.span, claim.subjects, value=value[0], unit="seat-majority",
                      comparison=value[3], polarity=polarity, theme=claim.theme)
    return claim
