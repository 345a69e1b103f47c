"""Claims to stay in an agreement ("keep the deal intact", "remain in the pact") compared with reports only on
the agreement they name, so that leaving another agreement never decides them.

A report bears on such a claim when its words name an agreement (``lexicon/agreement_nouns.txt``) and, when the
claim names its agreement by more than the noun ("stay in the climate pact"), share one of those words.

>>> import datetime as dt
>>> from kg.resolve.events import Report
>>> def left(words: str) -> Report:
...     return Report("r", "kgd:a", "action", "withdraw", "held", frozenset({"x"}), dt.date(2031, 1, 2), text=words)
>>> keep = ClaimFact("stay", frozenset({"x"}), words="keep the deal intact")
>>> same_agreement(keep, [left("X withdrew from the accord.")]), same_agreement(keep, [left("X quit the race.")])
(True, False)
>>> climate = ClaimFact("stay", frozenset({"x"}), words="stay in", theme="climate pact")
>>> same_agreement(climate, [left("X quit the climate pact.")]), same_agreement(climate, [left("X quit a tax pact.")])
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.extract.lexicon import load, words
from kg.resolve.events import Report
from kg.resolve.reports import ClaimFact

__all__ = ["AGREEMENT_KINDS", "same_agreement"]

#: kinds whose claims are compared on the agreement they name
AGREEMENT_KINDS = frozenset({"stay"})

_WORD = re.compile(r"[a-z][a-z-]+")
#: words of a claim that do not name which agreement it is
_GENERIC = words(
    "the a an its their his her our this that these those in to of with by stay remain keep keeping kept stick "
    "sticking intact alive party parties was were is are be been"
)


@cache
def _nouns() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in load("agreement_nouns")) + r")s?\b", re.I)


def same_agreement(claim: ClaimFact, reports: Sequence[Report]) -> bool:
    """True when a claim of an :data:`AGREEMENT_KINDS` kind and one of *reports* name the same agreement (see the
    module docstring); True for claims of other kinds."""
    if claim.predicate not in AGREEMENT_KINDS:
        return True
    said, theme = claim.words.lower(), (claim.theme or "").lower()
    if (noun := _nouns().search(said)) is not None:  # "keep the deal intact": the agreement is in its words
        named = said[: noun.start()]
    elif (noun := _nouns().search(theme)) is not None:  # "stay in" + "climate pact"
        named = theme[: noun.start()]
    else:
        return False  # "remain in office" is no agreement
    specific = {w for w in _WORD.findall(named) if w not in _GENERIC}
    for r in reports:
        text = r.text.lower()
        if _nouns().search(text) and (not specific or specific & set(_WORD.findall(text))):
            return True
    return False
