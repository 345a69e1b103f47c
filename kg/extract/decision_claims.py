"""Predictions that a decision will be made known: "The minister will confirm on Friday whether she will sign
the treaty", "the board will announce its decision next week".

Such a prediction claims an announcement by its subject with the theme ``decision``
(:data:`kg.resolve.decisions.DECISION_THEME`): whatever the decision, a later report that the subject decided
(or announced its decision) in the window fulfils it. An outcome named after "whether" is not what such a
prediction claims: the decision claim replaces it.

>>> from kg.records import Actor, Span
>>> text = "Mara Lind will confirm on Friday whether she will sign the treaty."
>>> lind = Actor("a1", "Mara Lind", "Person", mentions=[Span(0, 9, "Mara Lind")])
>>> c = decision_claim(text, 0, len(text), actors=[lind])
>>> c.predicate, c.subjects, c.theme
('announce', ['a1'], 'decision')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.claims import read_claim
from kg.records import Actor, Claim, Records
from kg.resolve.decisions import DECISION_THEME

__all__ = ["decision_claim", "with_decision_claims"]

_VERBS = ("confirm", "announce", "reveal", "disclose", "unveil")
_FORMS = {v: "announce" for v in _VERBS}
_DECISION = re.compile(
    rf"\b(?:{'|'.join(_VERBS)})\s+(?:(?:later|early|on|this|next|by|at)\s+(?:on\s+)?\w+\s+){{0,3}}"
    r"(?:whether|(?:his|her|its|their|the)\s+(?:final\s+)?decision)\b",
    re.I,
)


def decision_claim(text: str, start: int, end: int, *, actors: Sequence[Actor]) -> Claim | None:
    """The claim that the subject makes a decision known, when ``text[start:end]`` says so, else None."""
    m = _DECISION.search(text, start, end)
    if m is None:
        return None
    claim = read_claim(text, m.start(), m.end(), actors=actors, forms=_FORMS)
    if claim is None or not claim.subjects:
        return None
    return replace(claim, theme=DECISION_THEME, object=None, value=None, value_high=None, unit=None,
                   comparison=None)


def with_decision_claims(records: Records) -> Records:
    """*records* with a decision claim on the predictions that say a decision will be made known."""
    text = records.article.text
    predictions = []
    for p in records.predictions:
        claim = decision_claim(text, p.span.start, p.span.end, actors=records.actors)
        if claim is not None and (p.claim is None or p.claim.span.start > claim.span.start):
            p = replace(p, claim=replace(claim, polarity=p.polarity))
        predictions.append(p)
    return replace(records, predictions=predictions)
