"""Titles before names: "Finance Minister Jane Doe", "spokesperson John Smith", "U.S. Secretary of State …".

A title is what :data:`kg.extract.lexicon.TITLE_RE` matches; the checks are memoised, as the same few words
recur in every article.

>>> title_prefix("Finance Minister Jane Doe".split())
2
>>> title_words_before("said spokesperson John Smith", 18)
'spokesperson'
"""

from __future__ import annotations

from functools import lru_cache

from kg.extract.lexicon import TITLE_RE


@lru_cache(maxsize=16384)
def is_title(phrase: str) -> bool:
    """True when *phrase* is a title; memoised, as the same few words recur in every article."""
    return TITLE_RE.match(phrase) is not None


def title_prefix(words: list[str]) -> int:
    """How many leading words of a capitalised run form a title ("Finance Minister" of "Finance Minister
    Jane Doe"), after leading country words ("U.S.", "Chinese"); 0 when none."""
    for k in range(min(len(words) - 1, 6), 0, -1):
        if is_title(" ".join(words[:k])):
            return k
    return 0


def title_before(text: str, start: int) -> bool:
    """True when one to three words right before *start* form a title ("spokesperson John Smith")."""
    return title_words_before(text, start) is not None


def title_words_before(text: str, start: int) -> str | None:
    """The longest title (up to four words) ending right before *start*, else None."""
    if start == 0 or not text[start - 1].isspace():
        return None
    words = text[max(0, start - 45) : start].split()
    if words and words[-1].endswith(","):
        words[-1] = words[-1][:-1]
    for k in (4, 3, 2, 1):
        if len(words) >= k and is_title(" ".join(words[-k:])):
            return " ".join(words[-k:])
    return None
