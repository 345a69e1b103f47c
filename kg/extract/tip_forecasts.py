"""Tips: "the bank has tipped the hosts to win the cup and to beat the holders in the final" forecasts each
infinitive ("to win the cup", "to beat the holders in the final"), as "expects the hosts to …" does.

A form of "tip" ("tipped", "tips", "tipping") with an object of one to four words, then "to" and a verb, makes
one forecast; each "and to <verb>" after it in the sentence makes another. The forecaster is the source named
in the sentence (:mod:`.predictors`), else the last organisation or person named before "tipped" in it, else
the author; the hedge is the "expected to" concept of ``ontology/hedges.ttl``. Not tips: a passive
("was tipped to …", a past expectation), "tipped over", a question.

>>> [m.group("verb") for m in _TIP.finditer("The bank has tipped the hosts to win and to beat the holders.")]
['win']
"""

from __future__ import annotations

import re

from kg.extract import hedges, predictors
from kg.extract.document import Document
from kg.records import Prediction, Span

_TIP = re.compile(r"\b(?<!was\s)(?<!were\s)tip(?:ped|s|ping)\s+(?:[\w’'-]+\s+){1,4}?to\s+(?P<verb>[a-z]+)\b")
_AND_TO = re.compile(r"\s+and\s+(?P<to>to\s+[a-z]+\b)")


def tips(doc: Document, found: list[Prediction]) -> list[Prediction]:
    """The tips of *doc* not already among *found* (ids left empty)."""
    text = doc.text
    if "tip" not in text:
        return []
    hedge = hedges.lookup("expected to")
    out: list[Prediction] = []
    for m in _TIP.finditer(text):
        ss, se = doc.sentence_at(m.start())
        if hedge is None or text[ss:se].rstrip('”"’ ').endswith("?") or m.group("verb") == "over":
            continue
        who = predictors.source(doc, (ss, se), m.start()) or _named_before(doc, ss, m.start()) or "author"
        parts = [m.start()]
        parts += [a.start("to") for a in _AND_TO.finditer(text, m.end(), se)]
        ends = [*parts[1:], se]
        for start, end in zip(parts, ends, strict=True):
            end = text.rfind(" and ", start, end) if end != se else end
            while end > start and text[end - 1] in '.!?”"’ ,;':
                end -= 1
            if any(p.span.start <= start < p.span.end for p in found):
                continue
            out.append(
                Prediction(
                    id="",
                    predictor=who,
                    text=text[start:end],
                    span=Span(start, end, text[start:end]),
                    hedge=m.group().split()[0],
                    probability=hedge.point,
                    probability_interval=hedge.interval,
                    rule="prediction.tip",
                    confidence=0.6,
                )
            )
    return out


def _named_before(doc: Document, start: int, at: int) -> str | None:
    """The last organisation or person named in ``[start, at)``."""
    named = [
        (mention.end, a.id)
        for a in doc.actors.records()
        if a.type in ("Organization", "Person")
        for mention in a.mentions
        if start <= mention.start and mention.end <= at
    ]
    return max(named)[1] if named else None
