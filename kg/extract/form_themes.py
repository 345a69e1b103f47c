"""Themes of multiword outcome forms: "lift its grounding order once the review ends" is about the grounding
order the form names, not about the clause its condition opens.

A claim's theme is read after its outcome words; when those words are a multiword form ("lift the grounding
order") and what follows opens a subordinate clause ("not before the inspectors agree", "once the review
ends"), the theme is the form's own words after its verb.

>>> form_theme("We will lift its grounding order once the checks end", 8, 32)
'grounding order'
>>> form_theme("We will lift its grounding order at the depot", 8, 32) is None
True
>>> form_theme("they will raise rates once inflation falls", 10, 15) is None
True
>>> sorted(form_nouns("revoking the order that grounded"))
['grounded', 'order']
"""

from __future__ import annotations

import re

from kg.extract.lexicon import words

__all__ = ["form_nouns", "form_theme"]

#: words opening a subordinate clause after the outcome words (adverbs such as "only" may come first)
_SUBORDINATE = re.compile(
    r"\s*(?:(?:only|just|not|even)\s+)?(?:after|before|until|till|once|unless|if|when|whenever|as\s+soon\s+as)\b",
    re.I,
)
#: function words that never make a theme
_SKIP = words("the a an its their his her our my your this that these those which who of to on in at by for with from")


def form_nouns(words: str) -> set[str]:
    """The content words of a multiword form after its verb ("lift the grounding order" -> grounding, order);
    empty for a one-word form."""
    parts = words.lower().split()
    return {w for w in parts[1:] if w not in _SKIP and w.isalpha()}


def form_theme(text: str, start: int, end: int) -> str | None:
    """The theme of the multiword form ``text[start:end]`` when a subordinate clause follows it, else None."""
    nouns = [w for w in text[start:end].lower().split()[1:] if w not in _SKIP and w.isalpha()]
    if not nouns or _SUBORDINATE.match(text, end) is None:
        return None
    return " ".join(nouns[:3])
