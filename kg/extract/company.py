"""Who else is in the room when actors meet, named by role: "the pair will be accompanied only by translators",
"staff will join the pair after the opening round", "the first meeting without interpreters" (predicted);
"afterwards they were accompanied by a team of advisers", "in the sole presence of translators" (reported).

Each is a claim of kind *accompany* (``ontology/outcomes.ttl``) whose theme is the role (the first word of its
group in ``lexicon/company_roles.txt``: "translators" are "interpreters") and whose subjects are the people
meeting: the actors named before the phrase in its sentence; for "join X and Y", X and Y; for a phrase whose
sentence speaks of the meeting or its pair ("the two leaders", "the summit", "they"), the participants of the
nearest meeting before it in the article (for a report, the meeting reported held in the same or the previous
sentence). "Without <role>" is the role's absence (negative polarity). A report is read only from a sentence that
is neither hedged, planned nor future.

>>> from kg.records import Actor, ArticleRecord, Meeting, Records, Span
>>> text = "Ann Lee met Bo Kim on Monday. They spoke in the sole presence of translators."
>>> actors = [Actor("lee", "Ann Lee", "Person", mentions=[Span(0, 7, "Ann Lee")]),
...           Actor("kim", "Bo Kim", "Person", mentions=[Span(12, 18, "Bo Kim")])]
>>> m = Meeting("m1", "meeting", ["lee", "kim"], "held", Span(8, 18, "met Bo Kim"), start="2031-01-06")
>>> r = Records(ArticleRecord(text=text, published="2031-01-06"), actors, meetings=[m])
>>> [(o.claim.predicate, o.claim.subjects, o.claim.theme, o.date) for o in company_outcomes(r, 0)]
[('accompany', ['lee', 'kim'], 'interpreters', '2031-01-06')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache

from kg.extract import dates, sentences
from kg.extract.boilerplate import content_paragraphs
from kg.extract.lexicon import alternation, load
from kg.records import Actor, Claim, Meeting, Outcome, Records, Span

__all__ = ["KIND", "company_claim", "company_outcomes", "role_of"]

KIND = "accompany"

_DET = r"(?:(?:only|their|his|her|its|the|a\s+group\s+of|a\s+handful\s+of|a\s+team\s+of|some|several|two|a|an|" \
       r"any|top|senior|own|respective)\s+)*"
_PAIR = re.compile(
    r"\b(?:they|them|both|the\s+(?:two|pair|leaders|presidents|men|women|sides)|"
    r"the\s+(?:[\w-]+\s+){0,2}(?:meeting|summit|talks|session|one-on-one))\b",
    re.I,
)
_OBJECT_END = re.compile(r"[,.;:]|\s(?:to|for|at|in|on|later|after|before|during|when|as)\b", re.I)
_NOT_DONE = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|can|expect\w*|scheduled|planned|plans?|due|set to|going to|"
    r"likely|if|unless|'ll|’ll)\b",
    re.I,
)


@cache
def _roles() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in load("company_roles"):
        group = line.lower().split()
        for w in group:
            out.setdefault(w, group[0])
    return out


def role_of(word: str) -> str | None:
    """The role a word names ("translator" -> "interpreters"), else None."""
    return _roles().get(word.lower())


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    roles = rf"(?P<role>{alternation(list(_roles()))})"
    present = re.compile(
        rf"\b(?:joined\s+(?:only\s+)?by|in\s+the\s+(?:sole\s+)?presence\s+of|accompanied\s+(?:only\s+)?by|"
        rf"flanked\s+(?:only\s+)?by)\s+{_DET}{roles}\b",
        re.I,
    )
    absent = re.compile(
        rf"\bwithout\s+(?:the\s+company\s+of\s+)?{_DET}{roles}(?:\s+or\s+{_DET}(?P<role2>{alternation(list(_roles()))}))?\b",
        re.I,
    )
    joining = re.compile(rf"\b{roles}\s+(?:are|is|will|would|were|was)\s+(?:[\w-]+\s+){{0,3}}?join\s+", re.I)
    return present, absent, joining


def _named(actors: Sequence[Actor], start: int, end: int) -> list[str]:
    return list(dict.fromkeys(a.id for a in actors for m in a.mentions if start <= m.start and m.end <= end))


def _pair(meetings: Sequence[Meeting], before: int, *, held: bool) -> list[str]:
    """The participants of the nearest meeting of two or more starting before *before*."""
    found = [m for m in meetings if m.span.start < before and len(m.participants) >= 2
             and (m.status == "held" or not held)]
    if not found:
        return []
    return list(max(found, key=lambda m: m.span.start).participants)


def _subjects(text: str, s: int, at: int, actors: Sequence[Actor], meetings: Sequence[Meeting], *,
              held: bool, floor: int) -> tuple[list[str], str | None]:
    """The people meeting for a phrase at *at* in the sentence starting at *s*, and the meeting's day."""
    if _PAIR.search(text, s, at):
        found = [m for m in meetings if floor <= m.span.start < at and len(m.participants) >= 2
                 and (m.status == "held" or not held)]
        if found:
            m = max(found, key=lambda m: m.span.start)
            return list(m.participants), m.start
        return ([], None) if held else (_pair(meetings, at, held=False), None)
    return _named(actors, s, at), None


def company_claim(text: str, start: int, end: int, *, actors: Sequence[Actor],
                  meetings: Sequence[Meeting]) -> Claim | None:
    """The *accompany* claim of a prediction ``text[start:end]``, else None."""
    present, absent, joining = _patterns()
    m = joining.search(text, start, end)
    if m is not None:
        stop = _OBJECT_END.search(text, m.end(), end)
        after = _named(actors, m.end(), stop.start() if stop else end)  # "join X and Y to discuss Z": X and Y
        if after:
            return Claim(KIND, Span(m.start(), m.end(), m.group()), subjects=after, theme=role_of(m.group("role")))
    for pattern, polarity in ((present, "positive"), (absent, "negative")):
        m = pattern.search(text, start, end)
        if m is None:
            continue
        people, _ = _subjects(text, start, m.start(), actors, meetings, held=False, floor=0)
        if len(people) >= 2:
            return Claim(KIND, Span(m.start(), m.end(), m.group()), subjects=people,
                         theme=role_of(m.group("role")), polarity=polarity)
    return None


def company_outcomes(records: Records, n: int) -> list[Outcome]:
    """The reported company of meetings in one article, as outcomes numbered from ``o{n + 1}``."""
    text = records.article.text
    present = _patterns()[0]
    published = dates.published_date(records.article.published, text)
    out: list[Outcome] = []
    for p_start, p_end in content_paragraphs(text, title=records.article.title):
        previous = p_start
        for s, e in sentences.split(text, p_start, p_end):
            floor, previous = previous, s
            if present.search(text, s, e) is None or _NOT_DONE.search(text, s, e):
                continue  # the company words first: the rarer test, and the cheaper scan
            for m in present.finditer(text, s, e):
                people, day = _subjects(text, s, m.start(), records.actors, records.meetings, held=True, floor=floor)
                day = day or _day(text, published, s, e, m.start())
                if len(people) < 2:
                    continue
                claim = Claim(KIND, Span(m.start(), m.end(), m.group()), subjects=people,
                              theme=role_of(m.group("role")))
                out.append(Outcome(f"o{n + len(out) + 1}", claim, Span(s, e, text[s:e]), date=day,
                                   rule="outcome.company", confidence=0.6))
    return out


def _day(text: str, published: dt.date | None, s: int, e: int, at: int) -> str | None:
    """The past day of ``text[s:e]`` nearest to *at* ("on Monday", relative to *published*), else None."""
    if published is None:
        return None
    found = [t for t in dates.find(text, published, s, e, future=False) if t.precision == "day"]
    return min(found, key=lambda t: abs(t.start - at)).iso if found else None
