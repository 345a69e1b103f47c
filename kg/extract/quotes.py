"""Quotation marks in news text: curly and straight, double and single, closed or left open at a paragraph's end.

>>> [(q.open, q.close) for q in find_quotes('He said: “We will win.”', [(0, 23)])]
[(9, 22)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE_MARK = re.compile("[“\"‘']")
#: the end of a straight single-quoted utterance: "'Mest is the man we need,' Kresz said"
_SINGLE_CLOSE = re.compile(r"[,.!?]'(?=[\s—–-]|$)")
_OPEN = {"“": "”", '"': '"', "‘": "’"}
_WORD = re.compile(r"[\w’'-]+")


@dataclass
class Quote:
    """A quotation: offsets of its marks and inner text."""

    open: int
    close: int  # offset of the closing mark (== end of paragraph when unclosed)
    double: bool
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words."""
        return self.open + 1, self.close


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Top-level quotations (nested single quotes ignored) in the content paragraphs."""
    quotes: list[Quote] = []
    for ps, pe in paragraphs:
        i = ps
        for m in _QUOTE_MARK.finditer(text, ps, pe):
            j0 = m.start()
            if j0 < i:
                continue
            ch = text[j0]
            if ch == "‘" and j0 > ps and text[j0 - 1].isalnum():
                continue
            if ch == "'":
                if (j0 > ps and text[j0 - 1] not in " \t\n(“—") or not text[j0 + 1 : j0 + 2].isalpha():
                    continue  # an apostrophe
                close = _SINGLE_CLOSE.search(text, j0 + 1, pe)
                if close is None:
                    continue
                quotes.append(Quote(j0, close.end() - 1, False))
                i = close.end()
                continue
            closer = _OPEN[ch]
            j = text.find(closer, j0 + 1, pe)
            while ch == "‘" and j != -1 and j + 1 < pe and text[j + 1].isalpha():
                j = text.find(closer, j + 1, pe)  # an apostrophe, not the closing mark
            closed = j != -1
            if j == -1:
                j = pe
            quotes.append(Quote(j0, j, ch != "‘", closed))
            i = j + 1
    return quotes


def quotations(text: str, paragraphs: list[tuple[int, int]]) -> tuple[Quote, ...]:
    """The quotations that may be statements: double-quoted ones, and single-quoted ones of six words or
    more (shorter single-quoted phrases are titles, nicknames or scare quotes)."""
    return tuple(q for q in find_quotes(text, paragraphs) if q.double or word_count(text[q.open : q.close]) >= 6)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end
