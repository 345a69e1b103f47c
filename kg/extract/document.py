"""The article being extracted, as the later components read it: text, content paragraphs, sentences, date,
actors, source blocks, quotations and (once statements are known) who speaks in each direct quotation.

A Document is built from the results of the earlier components (:mod:`kg.extract.pipeline`) and is not
written to afterwards: :meth:`Document.with_speakers` returns a new one. It memoises what it computes on
demand (time expressions, clauses), which depends on the text alone."""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.extract import clauses, dates
from kg.extract.actors import ActorIndex
from kg.extract.blocks import Block
from kg.extract.quotes import Quote

#: a wire dateline opening a paragraph: "OTTAWA, March 5 (Northwire) - "; its date is the filing date
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,},?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-—–]\s+")


@dataclass
class Document:
    """Shared state of one extraction run; offsets index into ``text``."""

    text: str
    published: dt.date | None
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    actors: ActorIndex
    #: paragraphs introduced by a line naming their source ("This via Acme Research:")
    blocks: Sequence[Block] = ()
    #: the quotations of the content paragraphs (:func:`kg.extract.quotes.quotations`)
    quotes: Sequence[Quote] = ()
    #: the article's title, if known (a press release names its issuer there: "Acme Issues Statement on …")
    title: str | None = None
    #: ``(start, end, speaker id)`` of the direct quotes, once statements are known ("I" inside them)
    speakers: Sequence[tuple[int, int, str]] = ()
    #: per direction hint, the time expression read from each raw match (None: no date), read when first asked
    _times: dict[bool | None, dict[int, dates.TimeExpr | None]] = field(default_factory=dict, repr=False)
    _clauses: dict[int, list[clauses.Clause]] = field(default_factory=dict, repr=False)
    #: the answers of :meth:`times` per ``(start, end, future)``: the same sentences and clauses are asked again
    _answers: dict[tuple[int, int, bool | None], list[dates.TimeExpr]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        #: ``(open, close)`` offsets of the quotations
        self.quoted = [(q.open, q.close) for q in self.quotes]
        lowered = self.text.lower()
        #: the text in lower case when that keeps every offset (case-sensitive scans are faster than re.I)
        self.lowered = lowered if len(lowered) == len(self.text) else None
        self._starts = [s for s, _ in self.sentences]
        self._para_starts = [s for s, _ in self.paragraphs]
        self._matches: list[re.Match[str]] = []
        #: where each paragraph's wire dateline ("LONDON (Reuters) - ") ends; the agency there is no speaker
        self.datelines: list[tuple[int, int]] = []
        for s, e in self.paragraphs:
            dateline = _DATELINE.match(self.text, s, e)
            floor = dateline.end() if dateline else s
            if dateline:
                self.datelines.append((s, floor))
            self._matches += [m for m in dates.matches(self.text, s, e) if m.start() >= floor]
        self._match_starts = [m.start() for m in self._matches]  # in text order

    def with_speakers(self, speakers: Sequence[tuple[int, int, str]]) -> Document:
        """A copy of this document that knows who speaks in each direct quote (the memoised time expressions
        and clauses are shared: they depend on the text alone)."""
        other = copy.copy(self)
        object.__setattr__(other, "speakers", tuple(speakers))
        return other

    def times(self, start: int, end: int, *, future: bool | None = None) -> list[dates.TimeExpr]:
        """Time expressions inside ``[start, end)`` resolved against the published date (none without one)."""
        if self.published is None:
            return []
        known = self._answers.get((start, end, future))
        if known is not None:
            return list(known)  # a copy: callers may change what they get
        read = self._times.setdefault(future, {})
        lo = bisect.bisect_left(self._match_starts, start)
        hi = bisect.bisect_left(self._match_starts, end, lo)
        out: list[dates.TimeExpr] = []
        for i in range(lo, hi):  # each match is interpreted once per hint, and only when some caller reads it
            if i not in read:
                found = dates.interpret([self._matches[i]], self.published, future=future)
                read[i] = found[0] if found else None
            e = read[i]
            if e is not None and e.end <= end:
                out.append(e)
        self._answers[start, end, future] = out
        return list(out)

    def speaker_at(self, pos: int) -> str | None:
        """The speaker of the direct quote containing *pos*, if any."""
        return next((who for start, end, who in self.speakers if start <= pos < end), None)

    def in_quote(self, pos: int) -> bool:
        """True when *pos* lies inside a quotation."""
        i = bisect.bisect_right(self.quoted, (pos, len(self.text))) - 1
        return i >= 0 and self.quoted[i][0] < pos <= self.quoted[i][1]

    def in_dateline(self, pos: int) -> bool:
        """True when *pos* lies in a paragraph's wire dateline."""
        return any(s <= pos < e for s, e in self.datelines)

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
