"""Meeting candidates and how they become events: candidates about the same event merge, references back
("the summit … has been postponed", "Zelensky will attend", "meet him there") take what they lack from the
meeting named before, and undated candidates borrow a date.

Helpers of :mod:`kg.extract.meetings`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kg.extract.document import Document

#: meeting noun -> kind
KIND = {
    **dict.fromkeys(("summit", "summits", "summitry", "declaration"), "summit"),
    **dict.fromkeys(("talks", "negotiations"), "talks"),
    **dict.fromkeys(("meeting", "meetings", "encounter", "get-together", "reunion", "conference"), "meeting"),
    **dict.fromkeys(("visit", "visits", "state visit", "trip", "trips", "sojourn", "tour"), "visit"),
    **dict.fromkeys(("ceremony", "ceremonies", "celebration", "celebrations", "anniversary", "parade"), "ceremony"),
    **dict.fromkeys(("call",), "call"),
}
#: kinds from the most to the least specific: a merged event keeps the first
PRIORITY = ("summit", "ceremony", "call", "visit", "talks", "meeting")
#: "on the sidelines / eve of the summit": the undated meeting happens at (or just before) that one
_FRAME_REF = re.compile(
    r"\b(?P<rel>sidelines|margins|eve|start|end|opening|close|run-up)\s+of\s+(?:the\s+|this\s+|"
    r"next\s+)?(?:[\w’'-]+\s+){0,3}?(?P<noun>summit|meeting|talks|conference|visit)\b",
    re.I,
)
#: how many sentences back a meeting named again ("the summit") may be found
_ANAPHOR_REACH = 4


@dataclass
class Candidate:
    """A meeting read from one run of meeting words, before candidates about the same event merge."""

    kind: str
    participants: list[str]
    status: str
    start: int
    end: int
    anchors: list[int]
    host: str | None = None
    place: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    rule: str = ""
    confidence: float = 0.6
    countries: frozenset[str] = field(default_factory=frozenset)
    place_key: str | None = None
    window: tuple[int, int] = (0, 0)
    sentence: int = -1
    coordinated: bool = False
    #: no participant named: the meeting refers back ("the summit … has been postponed", "Zelensky will attend")
    anaphor: bool = False
    #: "… meet Macron there": the place of the meeting named before
    there: bool = False
    #: "the meeting was postponed to Thursday": the meeting named before is called off for a new date
    rescheduled: bool = False


def borrow_dates(doc: Document, cands: list[Candidate]) -> None:
    """Undated meetings that point at a dated one: a coordinated clause of the same sentence ("… attend the
    summit, which runs on July 11, and to meet Biden there") or "on the eve / sidelines of the summit"."""
    for i, c in enumerate(cands):
        if c.date_start is not None:
            continue
        prev = cands[i - 1] if i else None
        if c.coordinated and prev is not None and prev.sentence == c.sentence and prev.date_start:
            c.date_start, c.date_end = prev.date_start, prev.date_end
            continue
        ref = _FRAME_REF.search(doc.text, *c.window)
        if not ref:
            continue
        kind = KIND.get(ref.group("noun").lower(), "meeting")
        earlier = [o for o in cands[:i] if o.kind == kind and o.date_start]
        if earlier:
            date = earlier[-1].date_start or ""
            c.date_start = date[:7] if ref.group("rel").lower() == "eve" else date


def resolve_anaphors(cands: list[Candidate]) -> list[Candidate]:
    """Candidates that refer back ("the summit, due in May, has been postponed"; "Zelensky will attend"; "meet
    Macron there") take what they lack from the latest earlier meeting of a compatible kind; those with no
    such meeting or still no participant are dropped. A meeting postponed to a new date ("the meeting was
    postponed to Thursday") is a new planned one, and the one it refers back to is cancelled."""
    out: list[Candidate] = []
    for c in cands:
        prev = next((o for o in reversed(out) if any(c.kind in g and o.kind in g for g in KIND_GROUPS)), None)
        if c.there and c.place is None and out:
            c.place, c.place_key = out[-1].place, out[-1].place_key
        if c.anaphor:
            if prev is None or c.sentence - prev.sentence > _ANAPHOR_REACH:
                continue
            if not c.participants and (
                (c.status not in ("cancelled", "negated") and not c.rescheduled) or c.kind != prev.kind
            ):
                continue  # "the anticipated summit", "after the meeting": names it again, tells nothing new
            if c.place_key and c.place_key != prev.place_key:
                continue  # "the Geneva summit": another meeting than the one before
            c.kind = prev.kind if c.rule.startswith("meeting.meeting") else c.kind
            if c.status not in ("negated", "cancelled") or not c.participants:
                c.participants = list(dict.fromkeys(prev.participants + c.participants))
            c.place, c.place_key = c.place or prev.place, c.place_key or prev.place_key
            c.host = c.host or prev.host
            if c.rescheduled:
                # "… was slated for Monday. The meeting was postponed to Thursday": Monday's is called off
                prev.status, prev.rule = "cancelled", f"meeting.{prev.kind}.cancelled.rescheduled"
            elif c.date_start is None:
                c.date_start, c.date_end = prev.date_start, prev.date_end
            c.countries = prev.countries | c.countries
            c.rule = f"meeting.{c.kind}.{c.status}.anaphor"
        if c.participants:
            out.append(c)
    return out


_STATUS_GROUPS = ({"held"}, {"cancelled", "negated", "planned"}, {"predicted", "planned"})
_STATUS_ORDER = ("cancelled", "negated", "held", "planned", "predicted")
KIND_GROUPS = ({"visit", "talks", "meeting"}, {"summit", "meeting", "talks"}, {"ceremony", "visit"}, {"call"})


def compatible(a: Candidate, b: Candidate) -> bool:
    """True when two candidates can be the same event (status, kind, place, date and participants agree)."""
    if not any(a.status in g and b.status in g for g in _STATUS_GROUPS):
        return False
    if not any(a.kind in g and b.kind in g for g in KIND_GROUPS):
        return False
    if a.place_key and b.place_key and a.place_key != b.place_key:
        return False
    if a.date_start and b.date_start and a.date_start[:7] != b.date_start[:7]:
        return False
    if a.date_start and b.date_start and len(a.date_start) == len(b.date_start) == 10 and a.date_start != b.date_start:
        return False
    if (
        a.kind != b.kind
        and set(a.participants) != set(b.participants)
        and a.countries != b.countries
        and a.sentence != b.sentence
    ):
        return False
    shared = set(a.participants) & set(b.participants)
    return (
        bool(shared)
        and (
            set(a.participants) <= set(b.participants)
            or set(b.participants) <= set(a.participants)
            or a.countries == b.countries
        )
        or (bool(a.countries) and a.countries == b.countries)
    )


def merge(cands: list[Candidate]) -> list[Candidate]:
    """Candidates about the same event merged into one, in order of first mention."""
    out: list[Candidate] = []
    for c in cands:
        target = next((o for o in out if compatible(o, c)), None)
        if target is None:
            out.append(c)
            continue
        target.participants = list(dict.fromkeys(target.participants + c.participants))
        target.anchors += c.anchors
        target.place = target.place or c.place
        target.host = target.host or c.host
        if target.date_start is None or (c.date_start and len(c.date_start) > len(target.date_start)):
            target.date_start, target.date_end = c.date_start or target.date_start, c.date_end or target.date_end
        elif target.date_start == c.date_start and target.date_end is None:
            target.date_end = c.date_end
        target.kind = min((target.kind, c.kind), key=PRIORITY.index)
        target.status = min((target.status, c.status), key=_STATUS_ORDER.index)
        target.countries = target.countries | c.countries
        target.rule = f"meeting.{target.kind}.{target.status}"
        target.countries = target.countries | c.countries
        target.confidence = min(0.9, max(target.confidence, c.confidence) + 0.1)
    return out


#: "another meeting", "a further round of talks": a meeting that presupposes an earlier one of the same kind
_ANOTHER = re.compile(r"\b(?:another|a\s+further)\s+(?:[\w-]+\s+){0,3}$", re.I)


def presupposed_earlier(doc: Document, merged: list[Candidate]) -> list[Candidate]:
    """The earlier meeting that "another meeting" presupposes, when the article reports none between the same
    participants: held, of the same kind, dated by the latest day up to publication in the first sentence
    that names one of them ("X agreed on Thursday … X will hold another video conference on June 10"); left
    out when that sentence has no such day."""
    if doc.published is None:
        return []
    out: list[Candidate] = []
    for m in merged:
        if m.status not in ("planned", "predicted") or not m.participants or not m.anchors:
            continue
        another = _ANOTHER.search(doc.text, max(0, m.anchors[0] - 40), m.anchors[0])
        if another is None:
            continue
        if any(o.status == "held" and set(o.participants) & set(m.participants) for o in merged + out):
            continue
        day = _news_day(doc, set(m.participants))
        if day is None:
            continue  # an earlier meeting the article does not date is left out
        out.append(
            replace(
                m,
                status="held",
                date_start=day,
                date_end=None,
                rule=f"meeting.{m.kind}.presupposed",
                confidence=0.45,
                start=another.start(),
                end=another.start() + len(another.group().split()[0]),
                anchors=[another.start()],
                participants=list(m.participants),
            )
        )
    return out


def _news_day(doc: Document, actors: set[str]) -> str | None:
    assert doc.published is not None
    for ss, se in doc.sentences:
        if not {doc.actors.id_of(x.key) for x in doc.actors.within(ss, se)} & actors:
            continue
        days = [e for e in doc.times(ss, se, future=False) if e.precision == "day" and e.first <= doc.published]
        return days[-1].first.isoformat() if days else None
    return None
