"""Splitting a sentence into clauses, the unit meetings and predictions are read from.

Splits at semicolons, at "but", at ", which", at ", though", after a speech verb's "that" ("announced that …"),
before a coordinated verb phrase ("… and host Moon") and before ", and" with a new subject and its own modal
(", and wages will rise"); never right after a modal ("can and will stop"); dash parentheticals stay with the
clause they interrupt.
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
#: where a sentence splits; at one position the first listed wins, as in one regex alternation. Each cut is
#: tried only where its word occurs (``str.find``), starting at the spaces and comma before it: far faster
#: than one alternation tried at every position.
_CUTS = tuple(
    (word, re.compile(source))
    for word, source in (
        (";", r";\s*"),
        ("but", r"(?:,?\s+|—)but\s+"),
        (",", r",\s+(?P<rel>which|where|who)\s+"),
        ("that", r"(?<=\w)(?P<that>\s+that\s+)"),  # kept only after a speech verb (_SPEECH_BEFORE)
        ("and", rf"(?:,?\s+|(?<=—))(?=and\s+(?:to\s+|then\s+|also\s+|later\s+)?(?:{COORDINATED_VERBS})\b)"),
        (
            "and",
            r",\s+(?=and\s+(?:it|he|she|they|we|I|you|this|that|the|both|[A-Z][a-z]+\s+(?:is|was|will|has|had|"
            r"said))\b)",
        ),
        # ", and wages will rise by 2027": a new subject with its own modal is its own clause
        (
            "and",
            r",\s+(?=and\s+(?:[\w’'-]+\s+){1,3}(?:will|would|could|may|might|won[’']t|should|is\s+likely|"
            r"are\s+likely)\b)",
        ),
        # ", though he will …": a concessive clause has its own polarity
        (",", r",\s+(?=(?:though|although|whereas|even\s+though)\b)"),
        ("and", r"\s+(?=and\s+(?:the\s+two|both)\b)"),
    )
)
_CUT_WORDS = tuple(dict.fromkeys(word for word, _ in _CUTS))
_CUT_ORDER = {pattern: i for i, (_, pattern) in enumerate(_CUTS)}
#: per cut word, its cuts in the order of _CUTS (with their rank there)
_CUTS_OF = {word: [(i, pattern) for i, (w, pattern) in enumerate(_CUTS) if w == word] for word in _CUT_WORDS}


#: "announced that", "said on Monday that": a speech verb right before "that"
_SPEECH_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS}|announce)(?:\s+(?:on|last|this|earlier)\s+\w+)?$")
_AFTER_MODAL = re.compile(r"\b(?:can|could|may|might|must|should|will|would)\s*$")
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
    for m in _cut_matches(text, start, end):
        that = "that" in m.re.groupindex
        cut = m.start()
        if that and not _SPEECH_BEFORE.search(text, max(start, cut - 40), cut):
            continue
        if _AFTER_MODAL.search(text, max(start, cut - 8), cut):
            continue  # "Ukraine can and will stop Putin": one coordinated predicate
        if cut > pos:
            out.append(_clause(text, pos, cut, start, relative))
        pos = m.end()
        relative = "rel" in m.re.groupindex
    if pos < end:
        out.append(_clause(text, pos, end, start, relative))
    return [c for c in out if c.end > c.start]


def _cut_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The non-overlapping cuts of the sentence, leftmost first."""
    found: dict[int, re.Match[str]] = {}
    for word in _CUT_WORDS:
        at = text.find(word, start, end)
        while at != -1:
            back = at
            if word in ("but", "and", "that"):
                while back > start and text[back - 1] in " \t\n\u00a0":
                    back -= 1
                if back > start and text[back - 1] in ",—":
                    back -= 1
            for i, pattern in _CUTS_OF[word]:
                for pos in range(back, at + 1):
                    m = pattern.match(text, pos, end)
                    if m and (pos not in found or _CUT_ORDER[found[pos].re] > i):
                        found[pos] = m
                        break
            at = text.find(word, at + len(word), end)
    out: list[re.Match[str]] = []
    reach = start
    for pos in sorted(found):
        if pos >= reach:
            out.append(found[pos])
            reach = max(found[pos].end(), pos + 1)
    return out


def _clause(text: str, start: int, end: int, sentence_start: int, relative: bool = False) -> Clause:
    while start < end and text[start] in " ,\u00a0":
        start += 1
    while end > start and text[end - 1] in " ,\u00a0":
        end -= 1
    coordinated = bool(_COORDINATED.match(text, start, end))
    return Clause(start, end, coordinated, sentence_start, relative)
