"""Interview transcripts: "Okafor: …" paragraphs are quotes of the named actor; "A: …" paragraphs, and
unmarked paragraphs answering a "Q: …" one, are quotes of the interviewee, the person the intro says was
interviewed ("She spoke to Monthly's Colm Fahey": she, not the interviewer). Questions are not statements.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.statements import Finder

_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
#: a speaker label opening a paragraph: "Okafor: …", "JANE ROE (THROUGH TRANSLATOR): …", "Jane Roe: (03:26)"
_TRANSCRIPT = re.compile(
    r"(?P<name>[A-Z][\w.’'-]*(?:[ \u00a0]+[A-Z][\w.’'-]*){0,3})(?:[ \u00a0]*\([^)\n]{1,40}\))?:"
    r"(?:[ \u00a0]*\(?\d{1,2}:\d{2}(?::\d{2})?\)?)?(?:\s+|$)"
)
_QA = re.compile(r"(?P<who>Q|A|Question|Answer)\s*[:.]\s+")
_INTERVIEWEE_CUE = re.compile(
    r"\b(?:spoke|spoken|speaking|talked|talking)\s+(?:to|with)\b|\binterview(?:ed)?(?:\s+with)?\b|"
    r"\bsat\s+down\s+with\b"
)
#: where the object of an interview cue ends ("spoke to Monthly's Colm Fahey about …")
_CUE_OBJECT_END = re.compile(r"\s(?:about|on|over|for|in|at|this|last|ahead|after|before|and)\s")
_EDITED = re.compile(r"\b(?:edited|condensed)\s+for\b|\binterview\s+(?:has\s+been|was)\s+(?:edited|condensed)", re.I)


def transcript(f: Finder) -> None:
    """Interview transcripts: a paragraph "Okafor: …" is a quote of the named actor; "A: …" paragraphs, and
    unmarked paragraphs answering a "Q: …" one, are quotes of the interviewee. In a transcript (two speaker
    labels or more), an unlabelled paragraph continues the turn of the last label ("ROE: …" then a paragraph
    without a label: Roe still speaks; "Jane Roe: (03:26)" alone, then her paragraphs)."""
    doc = f.doc
    interviewee: str | None = None
    answering = False  # inside the answer to a "Q:" line
    labels = sum(1 for ps, pe in doc.paragraphs if _TRANSCRIPT.match(f.text, ps, pe))
    turn: str | None = None  # the speaker of the current turn of a transcript
    for ps, pe in doc.paragraphs:
        qa = _QA.match(f.text, ps, pe)
        if qa:
            answering = qa.group("who") in ("Q", "Question")
            turn = None
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
            elif turn is not None and labels >= 2 and not any(ps <= a < pe for a, _ in doc.quoted):
                f.add(turn, ps, pe, "quote", "quote.transcript.turn", 0.7, None, _TRANSCRIPT_MEDIUM)
            continue
        answering = False
        turn = _label_speaker(f, m.start("name"), m.end("name"))
        if turn is not None and m.end() < pe:
            f.add(turn, m.end(), pe, "quote", "quote.transcript", 0.8, None, "interview")


def source_blocks(f: Finder) -> None:
    """The paragraphs of a source block ("This via Acme Research:" then its paragraphs) are the words of the
    source the intro names; paragraphs already holding a quotation keep their own attribution."""
    doc = f.doc
    taken = [(st.span.start, st.span.end) for st in f.out]
    for block in doc.blocks:
        speaker = _label_speaker(f, *block.label)
        if speaker is None:
            continue
        medium = _TRANSCRIPT_MEDIUM if block.stamped else None
        for ps, pe in block.paragraphs:
            if any(ps <= a < pe for a, _ in doc.quoted) or any(a < pe and ps < b for a, b in taken):
                continue
            f.add(speaker, ps, pe, "quote", "quote.block", 0.65, None, medium)


#: a title that presents the article as an organisation's own statement: "Acme Issues Statement on …"
_ISSUER_TITLE = re.compile(
    r"^(?P<who>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4}?)\s+(?:Publishes|Issues|Releases|Posts|Makes)\s+"
    r"(?:a\s+|Its\s+|an\s+)?(?:Official\s+|Joint\s+)?Statement\b|^Statement\s+(?:by|from)\s+(?P<who2>[^:,]{2,60}?)"
    r"\s+(?:on|about|regarding)\b"
)


def issued_statement(f: Finder) -> None:
    """An article that reproduces an organisation's statement ("Acme Issues Statement on the Recall"): each
    sentence of it not attributed otherwise is a statement of that organisation."""
    doc = f.doc
    m = _ISSUER_TITLE.match(doc.title or "")
    if m is None:
        return
    name = m.group("who") or m.group("who2")
    issuer = next(
        (
            i
            for key, i in doc.actors.ids.items()
            if doc.actors.entries[key].label == name or any(x.text == name for x in doc.actors.entries[key].mentions)
        ),
        None,
    )
    if issuer is None:
        return
    taken = [(st.span.start, st.span.end) for st in f.out]
    for ss, se in doc.sentences:
        if any(a < se and ss < b for a, b in taken) or any(a < se and ss < b for a, b in doc.quoted):
            continue
        end = se - 1 if f.text[se - 1] in ".!" else se
        f.add(issuer, ss, end, "quote", "quote.issued-statement", 0.6, None, "statement")


#: the medium of a transcript's turns
_TRANSCRIPT_MEDIUM = "interview"


def _label_speaker(f: Finder, start: int, end: int) -> str | None:
    """The actor a speaker label names: a mention inside it, else (for "ROE" or "Roe") the person whose
    family name it is; countries and places never speak from a label."""
    idx = f.doc.actors
    names = [x for x in idx.within(start, end + 1) if x.kind != "demonym"]
    if names:
        entry = idx.entries[names[0].key]
        return None if entry.type == "Country" else idx.ids[names[0].key]
    last = f.text[start:end].split()[-1].casefold()
    for key, actor_id in idx.ids.items():
        entry = idx.entries[key]
        if entry.type == "Person" and entry.label.split()[-1].casefold() == last:
            return actor_id
    return None


def _interviewee(f: Finder, pos: int) -> str | None:
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
