"""Headline-style forecasts: a line that is a noun phrase and "to be" with a participle, without a finite verb
("First rate cut in a decade (25 bp) to be announced.", the bullets of a bank's note), reads as "is to be
announced": an arrangement (the "scheduled to" concept of ``ontology/hedges.ttl``).

Only a paragraph made of that one line counts, one that opens with a capital and has no verb of its own before
"to be" (no "is", "was", "has", "will", no "-ed" form); its predictor is the actor of a header line above it
("This via Acme Research:"), else the author; its deadline is the article's focus date (:mod:`.deadlines`).
Not headline forecasts: "The aim is to be ready" (a copula), "Plans to be discussed were dropped" (more after
the participle), a question.

>>> bool(line_forecast("First rate cut in a decade (25 bp) to be announced.", 0, 51))
True
>>> bool(line_forecast("The aim is to be announced soon.", 0, 32))
False
"""

from __future__ import annotations

import re

from kg.extract import deadlines, hedges, predictors
from kg.extract.document import Document
from kg.records import Prediction, Span

_LINE = re.compile(
    r"(?P<np>[A-Z][^.!?:;\n]{3,90}?)\s+to\s+be\s+(?P<pp>[a-z]+(?:ed|en|wn|ld|nt|un|ne))\s*"
    r"(?:(?:on|in|at|by|this|next|today|tomorrow|later|soon)\b[^.!?\n]{0,40})?[.!]?\s*$"
)
#: a finite verb before "to be": the line is a sentence, not a headline
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|do|does|did)\b|"
    r"\b[a-z]+ed\b(?!\s+\()|[’']s\s+(?:likely|set|due)\b"
)


def line_forecast(text: str, start: int, end: int) -> re.Match[str] | None:
    """The headline-style forecast that is ``text[start:end]``, else None."""
    m = _LINE.fullmatch(text, start, end)
    if m is None or _FINITE.search(text, m.start("np"), m.end("np")):
        return None
    return m


def headlines(doc: Document, found: list[Prediction]) -> list[Prediction]:
    """The headline-style forecasts of *doc* in paragraphs without a prediction of *found* (ids left empty)."""
    text = doc.text
    if " to be " not in text:
        return []
    hedge = hedges.lookup("is to")
    taken = {doc.paragraph_at(p.span.start) for p in found}
    out: list[Prediction] = []
    for ps, pe in doc.paragraphs:
        if (ps, pe) in taken or hedge is None or " to be " not in text[ps:pe]:
            continue
        m = line_forecast(text, ps, pe)
        if m is None:
            continue
        end = pe
        while end > ps and text[end - 1] in ".! ":
            end -= 1
        out.append(
            Prediction(
                id="",
                predictor=predictors.header(doc, ps) or "author",
                text=text[ps:end],
                span=Span(ps, end, text[ps:end]),
                hedge=text[m.end("np") : m.end("pp")].strip(),
                probability=hedge.point,
                probability_interval=hedge.interval,
                rule="prediction.headline",
                confidence=0.6,
            )
        )
    if out:
        lead = deadlines.focus(doc, [*found, *out])
        out = [p if p.deadline else _dated(p, lead) for p in out]
    return out


def _dated(p: Prediction, deadline: str | None) -> Prediction:
    p.deadline = deadline
    return p
