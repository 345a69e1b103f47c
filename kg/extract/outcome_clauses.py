"""The part of a sentence that may report an outcome when a prediction shares the sentence.

A prediction's words may span a whole sentence whose hedge ("almost inevitable", "likely") stands in a later
clause: "X stormed to victory on Friday, making Y almost inevitable" reports the victory and predicts Y. The
words before the clause break (comma, semicolon, dash) that precedes the hedge may report an outcome; a hedge
in the first clause, or one the words do not show, leaves nothing.

>>> from kg.records import Prediction, Span
>>> text = "Acme won the vote on Friday, making a merger almost inevitable."
>>> p = Prediction("p1", "author", text, Span(0, len(text), text), hedge="almost inevitable")
>>> end = realis_end(text, 0, len(text), [p]); text[:end]
'Acme won the vote on Friday'
>>> realis_end("Acme will likely win.", 0, 21, [Prediction("p1", "author", "x", Span(0, 21, "x"), hedge="likely")])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kg.records import Prediction

__all__ = ["realis_end"]

_BREAK = re.compile(r"\s*(?:[,;]|\s[—–-]\s)")


@lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    """*text* in lower case, made once per article rather than once per prediction and sentence."""
    return text.lower()


def realis_end(text: str, start: int, end: int, predictions: Sequence[Prediction]) -> int | None:
    """The end of the part of ``text[start:end]`` that may report an outcome next to *predictions* that
    overlap it (``end`` when none does), or None when no part may."""
    cut = end
    for p in predictions:
        if not (p.span.start < end and start < p.span.end):
            continue
        if not p.hedge:
            return None
        at = _lowered(text).find(p.hedge.lower(), max(start, p.span.start), min(end, p.span.end))
        if at == -1:
            return None
        breaks = [m.start() for m in _BREAK.finditer(text, start, at)]
        if not breaks or breaks[-1] <= start:
            return None
        cut = min(cut, breaks[-1])
    return cut
