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

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from kg.records import Prediction

__all__ = ["Overlaps", "realis_end"]

_BREAK = re.compile(r"\s*(?:[,;]|\s[—–-]\s)")


class Overlaps:
    """The predictions of an article, asked which overlap a stretch of its text (per sentence, by bisection
    over their spans rather than a scan of all of them).

    >>> from kg.records import Prediction, Span
    >>> p1, p2 = Prediction("p1", "author", "x", Span(10, 20, "x")), Prediction("p2", "author", "y", Span(2, 4, "y"))
    >>> o = Overlaps([p1, p2])
    >>> o.any(4, 10), o.any(19, 30), [p.id for p in o.within(0, 12)]
    (False, True, ['p1', 'p2'])
    """

    def __init__(self, predictions: Sequence[Prediction]) -> None:
        self.predictions = list(predictions)
        spans = sorted((p.span.start, p.span.end) for p in self.predictions)
        self._starts = [s for s, _ in spans]
        self._reach: list[int] = []  # the furthest end among the spans starting up to each one
        for _, e in spans:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def any(self, start: int, end: int) -> bool:
        """True when some prediction's span overlaps ``[start, end)``."""
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start

    def within(self, start: int, end: int) -> list[Prediction]:
        """The predictions whose spans overlap ``[start, end)``, in their order."""
        if not self.any(start, end):
            return []
        return [p for p in self.predictions if p.span.start < end and start < p.span.end]


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
