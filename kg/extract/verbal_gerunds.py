"""-ing forms that are verbs of a claimed or reported outcome although no form of "be" precedes them.

- after a chance: "a 20 percent probability of winning", "the odds of raising rates" (what the chance is of);
- after praise for a deed: "praised the squad for winning the cup", "thanked voters for electing her" (what was
  done).

>>> text = "The model gives Ruritania a 20 percent probability of winning."
>>> verbal_ing(text, text.index("winning"))
True
>>> verbal_ing("The winning team", 4)
False
"""

from __future__ import annotations

import re

__all__ = ["PRAISE", "verbal_ing"]

#: a chance named right before the -ing form
_CHANCE_OF = re.compile(r"\b(?:chances?|probability|probabilities|likelihood|odds|prospects?)\s+of\s+$", re.I)
#: praise of someone for a deed: the verb, its object, "for"
PRAISE = re.compile(
    r"\b(?:praised|praises|congratulated|congratulates|hailed|hails|thanked|thanks|applauded|lauded|saluted|"
    r"commended|credited)\s+(?P<obj>[^,.;:]{1,50}?)\s+for\s+$",
    re.I,
)


def verbal_ing(text: str, at: int) -> bool:
    """True when the -ing word at *at* is the verb of what a chance is of or what praise is for."""
    before = text[max(0, at - 80) : at]
    return _CHANCE_OF.search(before[-40:]) is not None or PRAISE.search(before) is not None
