"""How long a meeting lasted, as a source reports it: "They talked one-on-one for over two hours" after a
sentence reporting the meeting held.

A length is a number of minutes or hours with its comparison ("over two hours": more than 120 minutes; "nearly
an hour": less than 60; "for 90 minutes": 90). A *reported* length is one introduced by "for", "lasted" or
"lasting" in a sentence without a hedge, plan or future ("will", "scheduled", "expected" …) that either reports a
held meeting itself or follows the sentence that does and goes on about its participants ("They …", "The two
…", "Both …"). It is recorded as an outcome of kind *meet* whose subjects are the meeting's participants, its
value the length in minutes, dated on the meeting's day. Predicted lengths are read with :func:`lengths` by
:mod:`kg.resolve.lengths`; the format words of a meeting ("one-on-one", "expanded", ``lexicon/meeting_formats.txt``)
are read with :func:`formats` so that the length of one session is not compared with another's.

>>> [(x.minutes, x.comparison) for x in lengths("a 90 minute session, then talks for over two hours")]
[(90.0, 'eq'), (120.0, 'gt')]
>>> [(x.minutes, x.comparison) for x in lengths("two and a half hours later; nearly an hour")]
[(60.0, 'lt')]
>>> [x.minutes for x in lengths("two hours before the vote, they talked for two hours before lunch")]
[120.0]
>>> sorted(formats("They met one-on-one before an expanded session"))
['expanded', 'one-on-one']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kg.extract import sentences
from kg.extract.boilerplate import content_paragraphs
from kg.extract.dates import NUMBER_WORDS
from kg.extract.lexicon import alternation, load
from kg.records import Claim, Meeting, Outcome, Records, Span

__all__ = ["Length", "formats", "length_outcomes", "lengths"]

_CMP = {
    "just over": "gt", "more than": "gt", "over": "gt", "upwards of": "gt", "at least": "ge",
    "just under": "lt", "less than": "lt", "under": "lt", "nearly": "lt", "almost": "lt", "at most": "le",
    "up to": "le",
}
#: "about", "around", "roughly", "some": an approximate length, compared as approximate (kg.resolve.lengths)
_ABOUT = ("about", "around", "roughly", "some", "approximately")
_CMP_WORDS = "|".join(sorted([*_CMP, *_ABOUT], key=len, reverse=True)).replace(" ", r"\s+")
_NUMBER = r"\d+(?:\.\d+)?|" + "|".join(sorted((w for w in NUMBER_WORDS if w not in ("few",)), key=len, reverse=True))
_LENGTH = re.compile(
    rf"\b(?:(?P<cmp>{_CMP_WORDS})\s+)?"
    rf"(?P<n>{_NUMBER})(?P<half1>\s+and\s+a\s+half)?(?:\s*-\s*|\s+)(?P<unit>minutes?|mins?|hours?|hrs?)\b"
    r"(?P<half2>\s+and\s+a\s+half)?(?!\s*(?:later|ago|earlier|late|behind|ahead|away)\b)",
    re.I,
)
_INTRO = re.compile(r"\b(?:for|lasted|lasting)\s+$", re.I)
_OFFSET = re.compile(r"\s+(?:before|after)\b", re.I)
_NOT_DONE = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|can|expect\w*|scheduled|planned|plans?|due|set to|going to|"
    r"likely|if|unless|'ll|’ll)\b",
    re.I,
)
_SPACE = r"[\s-]+"
_GOES_ON = re.compile(r"^(?:They|The two|Both)\b")


@dataclass(frozen=True)
class Length:
    """A length of time in minutes with its comparison: eq, gt, ge, lt, le, or about."""

    minutes: float
    comparison: str
    span: Span


def lengths(text: str, start: int = 0, end: int | None = None) -> list[Length]:
    """The lengths of time named in ``text[start:end]``, in text order (see the module docstring)."""
    out = []
    for m in _LENGTH.finditer(text, start, len(text) if end is None else end):
        if _OFFSET.match(text, m.end()) and not _INTRO.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "two hours before the vote": a time, not a length
        raw = m.group("n").lower()
        n = float(raw) if raw[0].isdigit() else float(NUMBER_WORDS.get(raw, 0))
        if m.group("half1") or m.group("half2"):
            n += 0.5
        minutes = n * (60 if m.group("unit").lower().startswith("h") else 1)
        word = " ".join((m.group("cmp") or "").lower().split())
        cmp = "about" if word in _ABOUT else _CMP.get(word, "eq")
        out.append(Length(minutes, cmp, Span(m.start(), m.end(), m.group())))
    return out


@cache
def _formats() -> re.Pattern[str]:
    words = alternation(load("meeting_formats"), space=_SPACE)
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I)


def formats(text: str) -> frozenset[str]:
    """The meeting formats *text* names, lowercase and hyphenated ("one on one" -> "one-on-one")."""
    return frozenset("-".join(m.group().lower().split()) for m in _formats().finditer(text))


def _held(meetings: Iterable[Meeting], s: int, e: int) -> list[Meeting]:
    return [m for m in meetings if m.status == "held" and s <= m.span.start < e and len(m.participants) >= 2]


def length_outcomes(records: Records, n: int) -> list[Outcome]:
    """The reported lengths of the held meetings of one article, as outcomes numbered from ``o{n + 1}``."""
    text = records.article.text
    out: list[Outcome] = []
    for p_start, p_end in content_paragraphs(text, title=records.article.title):
        previous: tuple[int, int] | None = None
        for s, e in sentences.split(text, p_start, p_end):
            held = _held(records.meetings, s, e)
            if not held and previous is not None and _GOES_ON.match(text[s:e]):
                held = _held(records.meetings, *previous)
            previous = (s, e)
            if len(held) != 1 or _NOT_DONE.search(text, s, e):
                continue
            m = held[0]
            for x in lengths(text, s, e):
                if not _INTRO.search(text[max(s, x.span.start - 12) : x.span.start]):
                    continue
                people = list(dict.fromkeys([*m.participants, *([m.host] if m.host else [])]))
                cmp = "eq" if x.comparison == "about" else x.comparison
                claim = Claim("meet", x.span, subjects=people, value=x.minutes, unit="minutes", comparison=cmp,
                              theme=" ".join(sorted(formats(text[s:e]))) or None)
                out.append(Outcome(f"o{n + len(out) + 1}", claim, Span(s, e, text[s:e]), date=m.start,
                                   rule="outcome.meeting-length", confidence=0.6 if x.comparison != "about" else 0.4))
    return out
