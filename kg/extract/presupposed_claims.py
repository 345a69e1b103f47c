"""Predictions about a government still to be formed: "the new Smith government will look like the last one"
says what the government will be, and presupposes that Smith forms it.

Such a prediction without a claim of its own gets the presupposed claim: *form a government*, its subject the
actor named between "the new" (or "next", "incoming") and "government" / "coalition" / "cabinet". A report that
the formation failed refutes the prediction (its presupposition is false); a report that the government was
formed only fulfils the presupposition, not what the prediction says of the government, so it never confirms
it (:func:`presupposed`, used by :mod:`kg.resolve.rules`).

>>> from kg.records import Actor, Span
>>> text = "The new Smith government will look much like the last one."
>>> smith = Actor("a1", "Jo Smith", "Person", mentions=[Span(8, 13, "Smith")])
>>> c = presupposed_claim(text, 0, len(text), actors=[smith])
>>> c.predicate, c.subjects, c.theme, presupposed(c.span.text)
('form-government', ['a1'], 'government', True)
>>> presupposed_claim("The new rules will apply to Smith.", 0, 34, actors=[smith]) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.records import Actor, Claim, Span

__all__ = ["presupposed", "presupposed_claim"]

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_NEW = re.compile(
    rf"\b[Tt]he\s+(?:new|next|incoming|future)\s+(?P<name>{_NAME})\s+(?:government|coalition|cabinet)\b"
)


def presupposed(words: str) -> bool:
    """True when a claim's *words* are a government still to be formed ("the new Smith government"): such a
    claim can be refuted by a failed formation, never confirmed by the formation alone."""
    return bool(_NEW.fullmatch(words.strip()))


def presupposed_claim(text: str, start: int, end: int, *, actors: Sequence[Actor]) -> Claim | None:
    """The presupposed *form a government* claim of ``text[start:end]`` (see the module docstring), else None."""
    m = _NEW.search(text, start, end)
    if m is None:
        return None
    a, b = m.span("name")
    named = [x.id for x in actors for s in x.mentions if a <= s.start and s.end <= b]
    if len(set(named)) != 1:
        return None  # nobody, or more than one actor, named for the government
    return Claim("form-government", Span(m.start(), m.end(), m.group()), subjects=named[:1], theme="government")
