"""Bare given names of text-found people: "Pilot Ravi Solberg … Ravi will fly home" names one person twice.

Some reporting (and some naming customs) refer to a person by the first word of their name after the first full
mention ("Wing Commander Ravi"). Such a word is a mention of that person when it is unambiguous in the article:
no other actor's name starts or ends with it, it is no known word of the registry or of the not-a-name list, it
is not followed by another capitalised word (that would be someone else's full name) and it stands after the
person's first full mention.

>>> from kg.extract.mentions import ActorEntry, Builder, Mention
>>> from kg.extract.registry import load_registry
>>> text = "Pilot Ravi Solberg was detained. Officials said Ravi will be freed."
>>> b = Builder(text, load_registry())
>>> b.add("~rs", Mention(6, 18, "Ravi Solberg", "~rs", "found"), label="Ravi Solberg", type="Person",
...       registry=None, rule="found", confidence=0.8)
>>> add_given_name_mentions(b, [(0, len(text))])
>>> [m.text for m in b.entries["~rs"].mentions]
['Ravi Solberg', 'Ravi']
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.lexicon import NOT_NAME
from kg.extract.mentions import Builder, Mention, word_spans

__all__ = ["add_given_name_mentions"]

_NEXT_CAPITAL = re.compile(r"[ \u00a0]+[A-Z]")


def add_given_name_mentions(b: Builder, paragraphs: list[tuple[int, int]]) -> None:
    """Add the unambiguous bare given names of text-found people (see the module docstring)."""
    words = Counter(w for e in b.entries.values() for w in {e.label.split()[0], e.label.split()[-1]})
    for e in list(b.entries.values()):
        parts = e.label.split()
        if e.registry is not None or e.type != "Person" or not 2 <= len(parts) <= 3:
            continue
        given = parts[0]
        if (
            len(given) < 3
            or words[given] > 1
            or given in NOT_NAME
            or given in b.registry.surfaces
            or not given.isalpha()
            or not given[0].isupper()
            or given.isupper()
        ):
            continue
        first = min(m.start for m in e.mentions)
        for ps, pe in paragraphs:
            if pe <= first:
                continue
            for ms, me in word_spans(b.text, given, max(ps, first), pe, before="'’-"):  # not after an apostrophe
                if b.overlaps(ms, me) or _NEXT_CAPITAL.match(b.text, me):
                    continue
                b.add(e.key, Mention(ms, me, given, e.key, "short"))
