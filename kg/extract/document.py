"""The article being extracted: its text, content paragraphs, sentences, date and actors, built once."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from kg.extract import clauses, dates
from kg.extract.actors import ActorIndex


@dataclass
class Document:
    """Shared state of one extraction run; offsets index into ``text``."""

    text: str
    published: dt.date | None
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    actors: ActorIndex
    _times: dict[bool | None, list[dates.TimeExpr]] = field(default_factory=dict, repr=False)
    _clauses: dict[int, list[clauses.Clause]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.sentences]
        self._para_starts = [s for s, _ in self.paragraphs]
        self._matches = [m for s, e in self.paragraphs for m in dates.matches(self.text, s, e)]
        self._match_starts = [m.start() for m in self._matches]

    def times(self, start: int, end: int, *, future: bool | None = None) -> list[dates.TimeExpr]:
        """Time expressions inside ``[start, end)`` resolved against the published date (none without one)."""
        if self.published is None:
            return []
        if future not in self._times:
            self._times[future] = dates.interpret(self._matches, self.published, future=future)
        found = self._times[future]
        lo = bisect.bisect_left(found, start, key=lambda e: e.start)
        return [e for e in found[lo:] if e.end <= end and e.start < end]

    def clauses(self, index: int) -> list[clauses.Clause]:
        """The clauses of sentence *index* (split once)."""
        if index not in self._clauses:
            s, e = self.sentences[index]
            self._clauses[index] = clauses.split(self.text, s, e)
        return self._clauses[index]

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence containing (or last starting before) *pos*."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence containing *pos*."""
        return self.sentences[self.sentence_index(pos)]

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """The content paragraph containing (or last starting before) *pos*."""
        return self.paragraphs[max(0, bisect.bisect_right(self._para_starts, pos) - 1)]

    def same_paragraph(self, a: int, b: int) -> bool:
        """True when offsets *a* and *b* lie in one paragraph."""
        return self.paragraph_at(a) == self.paragraph_at(b)
