"""Splitting a sentence into clauses, the unit meetings and predictions are read from.

Splits at semicolons, at "but", at ", which", after a speech verb's "that" ("announced that …") and before a
coordinated verb phrase ("… and host Moon"); dash parentheticals stay with the clause they interrupt.
A clause that starts with a coordinated verb records it, so callers can carry over the subject and modal
of the clause before it ("Kim will celebrate … and host Moon" -> Kim, will).

>>> text = "Kim will celebrate the anniversary—likely with Xi—and host Moon for a summit."
>>> [(text[c.start:c.end], c.coordinated) for c in split(text, 0, len(text))]
[('Kim will celebrate the anniversary—likely with Xi—', False), ('and host Moon for a summit.', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import SPEECH_VERBS

#: verbs that open a coordinated verb phrase sharing the subject before it
COORDINATED_VERBS = (
    r"host|hosts|hosted|meet|meets|met|visit|visits|visited|hold|holds|held|attend|attends|attended|travel|"
    r"travels|travelled|traveled|sign|signs|signed|welcome|welcomes|welcomed|receive|receives|received|"
    r"celebrate|celebrates|celebrated|go|goes|went|head|heads|headed|fly|flies|flew|say|said|says|announce|"
    r"announced|raise|raises|raised|cut|cuts|lower|lowers|lowered|keep|keeps|kept|launch|launches|launched|"
    r"release|releases|released|expand|expands|expanded|push|pushes|pushed|seek|seeks|sought|call|calls|"
    r"called|expressed|expresses|is|are|was|were|will|would|could|may|might|should|plans|planned|aims|"
    r"vowed|pledged|promised|restore|restores|resume|resumes|end|ends|ended|start|starts|started|make|makes|"
    r"made|take|takes|took|give|gives|gave|become|becomes|became|remain|remains|remained|won|win|wins|lose|"
    r"loses|lost|return|returns|returned|join|joins|joined|leave|leaves|left"
)
_SPLIT = re.compile(
    r";\s*"
    r"|(?:,?\s+|—)but\s+"
    r"|,\s+(?P<rel>which|where|who)\s+"
    rf"|\b(?:{SPEECH_VERBS}|announce)(?:\s+(?:on|last|this|earlier)\s+\w+)?(?P<that>\s+that\s+)"
    rf"|(?:,?\s+|(?<=—))(?=and\s+(?:to\s+|then\s+|also\s+|later\s+)?(?:{COORDINATED_VERBS})\b)"
    r"|,\s+(?=and\s+(?:it|he|she|they|we|I|you|this|that|the|both|[A-Z][a-z]+\s+(?:is|was|will|has|had|said))\b)"
    r"|\s+(?=and\s+(?:the\s+two|both)\b)"
)


_COORDINATED = re.compile(rf"(?:and|or)\s+(?:to\s+|then\s+|also\s+|later\s+)?(?:{COORDINATED_VERBS})\b")


@dataclass(frozen=True)
class Clause:
    """A clause of a sentence: offsets and whether it opens with a coordinated verb ("and host …")."""

    start: int
    end: int
    coordinated: bool
    sentence_start: int
    relative: bool = False


def split(text: str, start: int, end: int) -> list[Clause]:
    """The clauses of the sentence ``text[start:end]``."""
    out: list[Clause] = []
    pos = start
    relative = False
    for m in _SPLIT.finditer(text, start, end):
        cut = m.start("that") if m.group("that") else m.start()
        if cut > pos:
            out.append(_clause(text, pos, cut, start, relative))
        pos = m.end()
        relative = bool(m.group("rel"))
    if pos < end:
        out.append(_clause(text, pos, end, start, relative))
    return [c for c in out if c.end > c.start]


def _clause(text: str, start: int, end: int, sentence_start: int, relative: bool = False) -> Clause:
    while start < end and text[start] in " ,\u00a0":
        start += 1
    while end > start and text[end - 1] in " ,\u00a0":
        end -= 1
    coordinated = bool(_COORDINATED.match(text, start, end))
    return Clause(start, end, coordinated, sentence_start, relative)
