"""The meeting a prediction is about (its ``event``): named in the predicate after the first hedge or modal
("X will visit Y", "likely with Xi by his side"), or named as the subject when the predicate is that it takes
place ("the summit will likely be held in May"); "It will take place in May" refers to the event of the
prediction before (:data:`ANAPHOR_EVENT`).
"""

from __future__ import annotations

import re

from kg.extract import clauses

#: what :func:`event_of` returns for "It will take place …": the event of the prediction before
ANAPHOR_EVENT = "anaphor"
_ANAPHOR = re.compile(r"(?:It|it|This|That|Such a meeting|Such a summit)\b")
#: after the hedge, a predicate saying that the meeting named as the subject takes place ("the summit will
#: likely be held in May", "it is expected to go ahead")
_OCCURS = re.compile(
    r"\s*(?:not\s+)?(?:\w+ly\s+|now\s+|still\s+|also\s+|then\s+)?(?:to\s+)?(?:be\s+|have\s+been\s+)?(?:take\s+place|held|go\s+ahead|happen|occur|"
    r"convene|proceed|be\s+(?:in|at|on|next|this|later|soon)\b)",
    re.I,
)


def event_of(
    text: str,
    c: clauses.Clause,
    start: int,
    found: list[tuple[int, int]],
    pct: int | None,
    anchors: dict[str, list[int]],
    statuses: dict[str, str],
) -> str | None:
    """The meeting the clause predicts: one named in its predicate (after its first hedge or modal: "X will
    visit Y", "likely with Xi by his side", "is likely to veer toward another summit"), or named as its subject
    when the predicate is that it takes place ("the summit will likely be held in May"). A meeting that is
    only the subject of another predicate ("a summit may be the sole route to …") is not the event. A clause
    opening with "It"/"This" whose predicate is the meeting taking place returns :data:`ANAPHOR_EVENT`: the
    event of the prediction before it."""
    inside = [(s, e) for s, e in found if start <= s < c.end]
    verb = min([s for s, _ in inside] + ([pct] if pct is not None else []), default=start)
    verb_end = min((e for s, e in inside if s == verb), default=verb)
    occurs = bool(_OCCURS.match(text, verb_end, c.end))
    lo, end = (start if occurs else verb), c.end  # verb >= start: named after it, or anywhere when it occurs
    for mid, offs in anchors.items():
        if statuses.get(mid) == "held":
            continue
        if any(lo <= o < end for o in offs):
            return mid
    if occurs and _ANAPHOR.match(text, start):
        return ANAPHOR_EVENT
    return None
