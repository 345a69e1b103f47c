"""Interview transcripts: "Okafor: …" paragraphs are quotes of the named actor; "A: …" paragraphs, and
unmarked paragraphs answering a "Q: …" one, are quotes of the interviewee, the person the intro says was
interviewed ("She spoke to Monthly's Colm Fahey": she, not the interviewer). Questions are not statements.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.statements import _Finder

_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_TRANSCRIPT = re.compile(r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s+")
_QA = re.compile(r"(?P<who>Q|A|Question|Answer)\s*[:.]\s+")
_INTERVIEWEE_CUE = re.compile(
    r"\b(?:spoke|spoken|speaking|talked|talking)\s+(?:to|with)\b|\binterview(?:ed)?(?:\s+with)?\b|"
    r"\bsat\s+down\s+with\b"
)
#: where the object of an interview cue ends ("spoke to Monthly's Colm Fahey about …")
_CUE_OBJECT_END = re.compile(r"\s(?:about|on|over|for|in|at|this|last|ahead|after|before|and)\s")
_EDITED = re.compile(r"\b(?:edited|condensed)\s+for\b|\binterview\s+(?:has\s+been|was)\s+(?:edited|condensed)", re.I)

def transcript(f: _Finder) -> None:
    """Interview transcripts: a paragraph "Okafor: …" is a quote of the named actor; "A: …" paragraphs, and
    unmarked paragraphs answering a "Q: …" one, are quotes of the interviewee."""
    doc = f.doc
    interviewee: str | None = None
    answering = False  # inside the answer to a "Q:" line
    for ps, pe in doc.paragraphs:
        qa = _QA.match(f.text, ps, pe)
        if qa:
            answering = qa.group("who") in ("Q", "Question")
            if not answering:
                interviewee = interviewee or _interviewee(f, ps)
                if interviewee:
                    f.add(interviewee, qa.end(), pe, "quote", "quote.transcript", 0.75, None, "interview")
            continue
        m = _TRANSCRIPT.match(f.text, ps, pe)
        if not m:
            if answering and not _EDITED.search(f.text, ps, pe) and not any(ps <= a < pe for a, _ in doc.quoted):
                interviewee = interviewee or _interviewee(f, ps)
                if interviewee:
                    f.add(interviewee, ps, pe, "quote", "quote.transcript", 0.7, None, "interview")
            continue
        answering = False
        names = [x for x in doc.actors.within(m.start("name"), m.end("name") + 1) if x.kind != "demonym"]
        if not names or doc.actors.entries[names[0].key].type == "Country":
            continue
        f.add(doc.actors.ids[names[0].key], m.end(), pe, "quote", "quote.transcript", 0.8, None, "interview")


def _interviewee(f: _Finder, pos: int) -> str | None:
    """The person answering in a Q/A transcript at *pos*: the one an intro says was interviewed ("She spoke
    to Monthly's Colm Fahey", "In an interview with X, Jane Roe …", "Fahey interviewed Jane Roe"), never the
    interviewer named after the cue; else the first person of the article."""
    doc = f.doc
    people = [m for m in doc.actors.within(0, pos) if doc.actors.entries[m.key].type == "Person"]
    seen: set[tuple[int, int]] = set()
    for m in people:
        ss, se = doc.sentence_at(m.start)
        if (ss, se) in seen:
            continue
        seen.add((ss, se))
        cue = _INTERVIEWEE_CUE.search(f.text, ss, se)
        if cue is None:
            continue
        here = [x for x in people if ss <= x.start < se]
        if cue.group().startswith("interviewed") and not re.search(
            r"\b(?:was|been|being)\s*$", f.text[ss : cue.start()]
        ):
            after = [x for x in here if x.start >= cue.end()]  # "Fahey interviewed Jane Roe": the object
            if after:
                return doc.actors.ids[after[0].key]
        # the interviewer (and outlet) stand right after the cue: "spoke to Monthly's Colm Fahey"
        comma = f.text.find(",", cue.end(), se)
        end_obj = _CUE_OBJECT_END.search(f.text, cue.end(), se)
        stop = min(comma if comma != -1 else se, end_obj.start() if end_obj else se)
        rest = [x for x in here if not cue.start() <= x.start < stop]
        if rest:
            return doc.actors.ids[rest[0].key]
        pron = _last_pronoun(f.text, ss, cue.start())
        if pron is not None:
            found = f.resolve_pronoun(pron.start())
            if found:
                return found
    return doc.actors.ids[people[0].key] if people else None


def _last_pronoun(text: str, start: int, end: int) -> re.Match[str] | None:
    found = None
    for found in _PRONOUN.finditer(text, start, end):  # noqa: B007
        pass
    return found
