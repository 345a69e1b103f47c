"""The short name a party goes by: "the Civic Party" is also "Civic", and an article that names only "Civic" (or
"CIVIC", in a headline's capitals) names the same party (used by :mod:`kg.resolve.aliases`).

>>> sorted(party_short("Civic Party")), sorted(party_short("the Civic Party")), sorted(party_short("Civic"))
(['civic'], ['civic'], [])
>>> party_short("Party")
frozenset()
"""

from __future__ import annotations

import re

__all__ = ["party_short"]

_PARTY = re.compile(r"^(?:the\s+)?([A-Z][\w'’-]+)\s+Party$", re.I)


def party_short(name: str) -> frozenset[str]:
    """The one-word name (case-folded) of a party named "<Word> Party", else nothing."""
    m = _PARTY.match(" ".join(name.split()))
    return frozenset({m.group(1).casefold()}) if m and m.group(1)[0].isupper() else frozenset()
