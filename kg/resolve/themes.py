"""The words of an outcome's theme, compared through groups of synonyms (``lexicon/theme_synonyms.txt``:
"plane" and "aircraft" name one thing), so that "approve the plane" and "approved the aircraft" share a theme.

>>> sorted(theme_words("the plane return"))
['aircraft', 'return', 'the']
"""

from __future__ import annotations

from functools import cache

from kg.extract.lexicon import load

__all__ = ["theme_words"]


@cache
def _canonical() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in load("theme_synonyms"):
        group = line.lower().split()
        for w in group:
            out.setdefault(w, group[0])
    return out


def theme_words(theme: str | None) -> set[str]:
    """The words of *theme*, each replaced by the first word of its synonym group."""
    canonical = _canonical()
    return {canonical.get(w, w) for w in (theme or "").lower().split()}
