"""Predictions whose subject is an outcome forecast just before: "Both unions will probably sign a truce.
The agreement is expected on Saturday." The second claims the agreement of the first.

A prediction without a claim of its own whose words open with a definite noun of an outcome
(``lexicon/outcome_anaphors.txt``: "the agreement", "this deal", "the release") followed by a verb takes up the
claim of the nearest earlier prediction of that kind, when the verb says that it comes ("is expected",
"will come", "will be announced"; not "will collapse") within :data:`REACH` characters: its subjects, object and
theme; the window stays the prediction's own.

>>> from kg.records import Claim, Prediction, Span
>>> text = "Acme and Globex will reach a deal. The deal is expected on Saturday."
>>> first = Prediction("p1", "author", text[:34], Span(0, 34, text[:34]), claim=Claim(
...     "agree", Span(21, 33, "reach a deal"), subjects=["a1", "a2"]))
>>> second = Prediction("p2", "author", text[35:], Span(35, 68, text[35:]))
>>> taken_up(text, second, [first]).subjects
['a1', 'a2']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kg.extract.lexicon import load
from kg.records import Claim, Prediction, Records, Span

__all__ = ["REACH", "taken_up", "with_anaphoric_claims"]

#: how far (characters) before the prediction the outcome it takes up may have been forecast
REACH = 600

_HEAD = re.compile(
    r"\W*(?:the|this|that|such an?|any)\s+(?:[\w-]+\s+)?(?P<noun>[\w-]+)\s+(?:(?:is|are)\s+(?:now\s+)?"
    r"(?:expected|likely|due|set|scheduled|poised)|(?:will|would|could|may|might|should)\s+(?:come|happen|"
    r"take place|be (?:announced|reached|struck|unveiled|signed|sealed|made)))\b",
    re.I,
)


@cache
def _nouns() -> dict[str, str]:
    return dict(tuple(line.split()[:2]) for line in load("outcome_anaphors"))  # type: ignore[misc]


def taken_up(text: str, p: Prediction, earlier: Sequence[Prediction]) -> Claim | None:
    """The claim *p* takes up from the nearest of *earlier* (see the module docstring), else None."""
    m = _HEAD.match(text, p.span.start, p.span.end)
    kind = _nouns().get(m.group("noun").lower()) if m else None
    if m is None or kind is None:
        return None
    for q in sorted(earlier, key=lambda q: -q.span.start):
        if q.span.end > p.span.start or p.span.start - q.span.end > REACH:
            continue
        if q.claim is not None and q.claim.predicate == kind and q.claim.subjects:
            word = Span(m.start("noun"), m.end("noun"), m.group("noun"))
            polarity = p.polarity if q.claim.polarity == "positive" else "negative"
            return replace(q.claim, span=word, polarity=polarity, value=None, value_high=None, unit=None,
                           comparison=None)
    return None


def with_anaphoric_claims(records: Records) -> Records:
    """*records* with the claims that predictions without one take up from an earlier prediction."""
    text = records.article.text
    out: list[Prediction] = []
    for p in sorted(records.predictions, key=lambda p: p.span.start):
        if p.claim is None:
            claim = taken_up(text, p, out)
            if claim is not None:
                p = replace(p, claim=claim)
        out.append(p)
    order = {p.id: i for i, p in enumerate(records.predictions)}
    return replace(records, predictions=sorted(out, key=lambda p: order[p.id]))
