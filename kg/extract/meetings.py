"""Meetings: summits, talks, visits, meetings, ceremonies and calls that named actors take part in.

Each clause with a meeting word ("summit", "talks", "visit", "trip", "encounter", "ceremony", "anniversary",
"call", "declaration" between parties; verbs "meet", "visit", "host", "head to") yields one candidate:

- participants: actors in the compound before the noun ("Trump-Kim summit", "U.S.-North Korea talks",
  "inter-Korean summit" -> every country whose demonym ends in "Korean"), after "between"/"with", the
  owner of "X's trip", the subject of a meeting verb (carried into a coordinated "… and host Moon") and its
  object. When people take part, their own countries are not listed as well.
- place: "in/at/to PLACE" or a capitalised non-actor modifier ("Panmunjom declaration"); a host's capital
  when a leader hosts ("Kim will host …", place the registry capital of the host's country).
- kind: summit (also a meeting or declaration between leaders or countries), talks, visit, meeting,
  ceremony, call.
- status: cancelled (cancel/call off/scrap/postpone), negated ("will not visit"), predicted (a hedge in the
  clause: likely, may, might, could, expected, anticipated, hopes, look forward), planned ("will", a future
  date), held (past tense or a past date).
- dates: from the clause, else (for future meetings, not in a relative clause) the previous sentence of the
  paragraph; a day gives ``YYYY-MM-DD``, a month ``YYYY-MM``, a week its first and last day; an undated
  meeting in a coordinated clause, or "on the eve / sidelines of the summit", borrows the date of that one.

Candidates about the same event (overlapping participants or the same countries, compatible kind, status,
place and date) merge into one record. Candidates without any participant are dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.extract import clauses
from kg.extract.document import Document
from kg.extract.lexicon import phrases
from kg.extract.participants import (
    INTER,
    NOT_WITH_PREPOSITION,
    all_leaders,
    compound,
    compound_start,
    countries_of,
    dedupe_people_countries,
    entry_type,
    ids,
    inter_countries,
    registry_slug,
    subjects,
    verb_subject,
)
from kg.extract.places import home_capital, place_of
from kg.extract.registry import Registry, trie_regex
from kg.extract.schedule import dates_of, modal_of, status_of
from kg.records import Meeting, Span

#: nouns naming a meeting
MEETING_NOUNS = phrases(
    "summit | summits | summitry | talks | negotiations | meeting | meetings | visit | visits | state "
    "visit | trip | trips | sojourn | tour | encounter | ceremony | ceremonies | celebration | "
    "celebrations | anniversary | parade | phone call | video call | telephone call | call | declaration "
    "| conference | get-together | reunion"
)
#: verbs (and verb phrases) of meeting
MEETING_VERBS = phrases(
    "meet | meets | met | meeting with | visited | visiting | host | hosts | hosted | hosting | welcome | "
    "welcomes | welcomed | welcoming | receive | receives | received | receiving | celebrate | celebrates "
    "| celebrated | celebrating | go to | going to | went to | head to | heading to | headed to | travel "
    "to | travels to | travelled to | traveled to | travelling to | traveling to | fly to | flies to | "
    "flew to | flying to | spoke by phone | spoke with | see | seeing"
)
_TRIGGER_SOURCE = rf"\b(?:(?P<noun>{trie_regex(MEETING_NOUNS)})|(?P<verb>{trie_regex(MEETING_VERBS)}))\b".replace(
    "\\ ", r"\s+"
)
_TRIGGER = re.compile(_TRIGGER_SOURCE, re.I)
_TRIGGER_LOWER = re.compile(_TRIGGER_SOURCE)  # on the lower-cased text: same matches, faster
_FRAME_REF = re.compile(
    r"\b(?P<rel>sidelines|margins|eve|start|end|opening|close|run-up)\s+of\s+(?:the\s+|this\s+|"
    r"next\s+)?(?:[\w’'-]+\s+){0,3}?(?P<noun>summit|meeting|talks|conference|visit)\b",
    re.I,
)
_HOST_NOUN = re.compile(
    r"(?:[’']s|\b(?:the|a|an|his|her|their|its|our|my|your|as|gracious|[A-Z][a-z]+(?:an|ese|ish|i)))"
    r"\s+$"
)
_FRAME = re.compile(
    r"\b(?:sidelines|margins|eve|start|end|opening|close|run-up|wake|outcome|host|hosts)\s+of\s+"
    r"(?:the\s+|a\s+|this\s+|next\s+|last\s+)?(?:[\w’'-]+\s+){0,4}$"
)
_SUBJECT_ATTENDS = re.compile(
    r"\b(?:hold|holds|held|holding|attend|attends|attended|attending|join|joins|joined|"
    r"have|had|its|their|his|her|(?:is|are|was|were)\s+in)\s+(?:\S+\s+){0,5}$"
)
_IN_TALKS_WITH = re.compile(r"\s+(?:with|to\s+(?:acquire|buy|merge\s+with|take\s+over|combine\s+with))\s+")
_VERB_USE = re.compile(r"\b(?:will|to|would|may|might|could|should|must|can|not|[’']ll)\s+(?:\w+ly\s+)?$", re.I)
_KIND = {
    **dict.fromkeys(("summit", "summits", "summitry", "declaration"), "summit"),
    **dict.fromkeys(("talks", "negotiations"), "talks"),
    **dict.fromkeys(("meeting", "meetings", "encounter", "get-together", "reunion", "conference"), "meeting"),
    **dict.fromkeys(("visit", "visits", "state visit", "trip", "trips", "sojourn", "tour"), "visit"),
    **dict.fromkeys(("ceremony", "ceremonies", "celebration", "celebrations", "anniversary", "parade"), "ceremony"),
    **dict.fromkeys(("call",), "call"),
}
_PRIORITY = ("summit", "ceremony", "call", "visit", "talks", "meeting")
_BETWEEN = re.compile(r"\bbetween\s+", re.I)
_WITH = re.compile(r"\bwith\s+", re.I)
_HOST_VERB = re.compile(r"^(?:host|welcom|receiv)", re.I)
_SUBSTITUTE = re.compile(
    r"\b(?P<verb>send|sends|sent|sending|dispatch(?:es|ed|ing)?)\s+(?P<who>.{3,80}?)\s+"
    r"(?:instead|in (?:her|his|their|its) place)\b"
)
_INTENT_BEFORE = re.compile(
    r"(?:forward\s+to|hopes?\s+to|plans?\s+to|wants?\s+to|expects?\s+to|would\s+like\s+to|will|[’']ll)\s+$", re.I
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We)\b")
_OBJECT_PRONOUN = re.compile(r"\s+(?:him|her)\b")
_RUN_BREAK = re.compile(r"[,;]|\bor\b|\band\b(?!\s+(?:host|\d))|\b(?:since|after|before|than|following)\b")
_COUNTERFACTUAL_START = re.compile(r"(?:Had|Were)\b")
_PARENTHETICAL = re.compile(r"—[^—]*—")


@dataclass
class _Candidate:
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


@dataclass
class MeetingResult:
    """The meetings of an article and, per meeting id, the offsets of the words that name it."""

    meetings: list[Meeting]
    anchors: dict[str, list[int]]


def find_meetings(doc: Document, registry: Registry) -> MeetingResult:
    """Every meeting of the article, merged per event, ids m1, m2, … in text order."""
    cands: list[_Candidate] = []
    text = doc.text
    pattern, scanned = (_TRIGGER_LOWER, doc.lowered) if doc.lowered is not None else (_TRIGGER, text)
    found_triggers = [m for ps, pe in doc.paragraphs for m in pattern.finditer(scanned, ps, pe)]
    starts = [m.start() for m in found_triggers]
    hits = {doc.sentence_index(m.start()) for m in found_triggers}
    for si in sorted(hits):
        ss, se = doc.sentences[si]
        if _COUNTERFACTUAL_START.match(text, ss, se) or text[ss:se].rstrip().endswith("?"):
            continue
        subject: list[str] | None = None
        modal = ""
        head = None
        parts = doc.clauses(si)
        for ci, c in enumerate(parts):
            if not c.coordinated and not c.relative:
                head, subject = c, None
            lo, hi = bisect.bisect_left(starts, c.start), bisect.bisect_left(starts, c.end)
            triggers = [t for t in found_triggers[lo:hi] if t.end() <= c.end and not _false_trigger(text, t)]
            sent = _SUBSTITUTE.search(text, c.start, c.end) if not triggers else None
            if sent and cands and cands[-1].start >= ss:
                cands += _substitute(doc, cands[-1], sent, c)
            if not triggers:
                continue
            if subject is None and head is not None:
                subject = subjects(doc, head.start, head.end)
                modal = modal_of(_PARENTHETICAL.sub(lambda m: " " * len(m.group()), text[head.start : head.end]))
            after = parts[ci + 1] if ci + 1 < len(parts) and parts[ci + 1].relative else None
            cands += _candidate(doc, registry, si, c, triggers, subject or [], modal, after)
    _borrow_dates(doc, cands)
    merged = _merge(cands)
    for m in merged:
        m.participants = dedupe_people_countries(doc, m.participants)
    merged.sort(key=lambda m: m.start)
    meetings: list[Meeting] = []
    anchors: dict[str, list[int]] = {}
    for i, m in enumerate(merged, 1):
        text = doc.text[m.start : m.end]
        meetings.append(
            Meeting(
                id=f"m{i}",
                kind=m.kind,
                participants=m.participants,
                status=m.status,
                span=Span(m.start, m.end, text),
                host=m.host,
                place=m.place,
                start=m.date_start,
                end=m.date_end,
                rule=m.rule,
                confidence=m.confidence,
            )
        )
        anchors[f"m{i}"] = m.anchors
    return MeetingResult(meetings, anchors)


def _borrow_dates(doc: Document, cands: list[_Candidate]) -> None:
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
        kind = _KIND.get(ref.group("noun").lower(), "meeting")
        earlier = [o for o in cands[:i] if o.kind == kind and o.date_start]
        if earlier:
            date = earlier[-1].date_start or ""
            c.date_start = date[:7] if ref.group("rel").lower() == "eve" else date


def _substitute(doc: Document, event: _Candidate, sent: re.Match[str], c: clauses.Clause) -> list[_Candidate]:
    """ "… will send Foreign Minister Kaarel Tamm instead": the envoy attends the event just named."""
    who = [
        m
        for m in doc.actors.within(sent.start("who"), sent.end("who"))
        if m.kind != "demonym" and doc.actors.entries[m.key].type == "Person"
    ]
    if not who:
        return []
    status = "held" if sent.group("verb").lower().startswith("sent") else "planned"
    return [
        _Candidate(
            kind=event.kind,
            participants=ids(doc, who),
            status=status,
            start=sent.start(),
            end=sent.end(),
            anchors=[sent.start()],
            host=event.host,
            place=event.place,
            date_start=event.date_start,
            date_end=event.date_end,
            rule=f"meeting.{event.kind}.substitute",
            confidence=0.55,
            countries=frozenset(),
            place_key=event.place_key,
        )
    ]


def _candidate(
    doc: Document,
    registry: Registry,
    si: int,
    c: clauses.Clause,
    triggers: list[re.Match[str]],
    subject: list[str],
    modal: str,
    after: clauses.Clause | None = None,
) -> list[_Candidate]:
    """One candidate per run of meeting words of the clause ("heading to … for talks" is one run; runs
    are cut at commas, semicolons and "or"), each read in its own window of the clause."""
    text = doc.text
    runs: list[list[re.Match[str]]] = []
    for t in triggers:
        if runs and not _RUN_BREAK.search(text, runs[-1][-1].end(), t.start()):
            runs[-1].append(t)
        else:
            runs.append([t])
    out: list[_Candidate] = []
    for i, run in enumerate(runs):
        lo = runs[i - 1][-1].end() if i else c.start
        hi = runs[i + 1][0].start() if i + 1 < len(runs) else c.end
        cand = _read(doc, registry, si, c, run, lo, hi, subject, modal, after if i + 1 == len(runs) else None)
        if cand is not None:
            out.append(cand)
    return out


def _kind_of(t: re.Match[str]) -> str:
    if t.group("noun"):
        noun = " ".join(t.group("noun").lower().split())
        return "call" if noun.endswith("call") else _KIND.get(noun, "meeting")
    verb = t.group("verb").lower()
    if re.match(r"visit|go|going|went|head|travel|fly|flew", verb):
        return "visit"
    if verb.startswith("celebrat"):
        return "ceremony"
    return "call" if "phone" in verb else "meeting"


def _read(
    doc: Document,
    registry: Registry,
    si: int,
    c: clauses.Clause,
    run: list[re.Match[str]],
    lo: int,
    hi: int,
    subject: list[str],
    modal: str,
    after: clauses.Clause | None,
) -> _Candidate | None:
    text = doc.text
    participants: list[str] = []
    span_start = run[0].start()
    host = None
    kinds = []
    for t in run:
        noun = t.group("noun").lower() if t.group("noun") else None
        if noun in ("visit", "visits", "meet") and _VERB_USE.search(text, max(c.start, t.start() - 12), t.start()):
            noun = None  # "will visit Beijing": the verb
        if noun == "declaration" and not (_BETWEEN.match(text, t.end() + 1) or INTER.search(text, lo, t.start())):
            continue  # a declaration is a meeting only between named parties
        kinds.append(_kind_of(t))
        if noun:
            floor = lo if t is run[0] else run[0].end()
            modifiers = compound(doc, floor, t.start())
            participants += ids(doc, modifiers)
            participants += inter_countries(doc, registry, floor, t.start())
            own = [
                m
                for m in doc.actors.within(max(floor, t.start() - 40), t.start())
                if m.possessive and m.kind != "demonym"
            ]
            participants += ids(doc, own[-1:])
            if t is run[0]:
                span_start = min([m.start for m in own] + [compound_start(doc, floor, t.start())])
            if subject and _SUBJECT_ATTENDS.search(text, max(c.start, t.start() - 60), t.start()):
                participants[:0] = subject
            within = _IN_TALKS_WITH.match(text, t.end())
            if within:
                participants += ids(
                    doc,
                    [m for m in doc.actors.within(within.end(), min(hi, within.end() + 60)) if m.kind != "demonym"][:1],
                )
        else:
            verb = t.group()
            doer = verb_subject(doc, c.start, t.start()) or subject
            pronoun_i = _last_match(_FIRST_PERSON.finditer(text, c.start, t.start()))
            if pronoun_i and not doc.actors.within(pronoun_i.end(), t.start()) and (me := doc.speaker_at(t.start())):
                doer = [me]  # "I look forward to seeing him": the speaker of the quote
            if doer:
                participants[:0] = doer
                if _HOST_VERB.match(verb) or verb.lower().startswith("celebrat"):
                    host = doer[0]
            if not re.match(r"(?i)(?:go|going|went|head|travel|fly|flew|celebrat)", verb):
                objects = [
                    m
                    for m in doc.actors.within(t.end(), min(hi, t.end() + 70))
                    if m.kind != "demonym"
                    and not (doc.actors.entries[m.key].type == "Country" and not m.actor_position)
                    and not NOT_WITH_PREPOSITION.search(text, max(t.end(), m.start - 14), m.start)
                ]
                persons = [m for m in objects if doc.actors.entries[m.key].type == "Person"]
                participants += ids(doc, (persons or objects)[:1])
                pronoun = _OBJECT_PRONOUN.match(text, t.end())
                if pronoun and not persons:
                    other = doc.actors.last_person_before(t.start(), floor=max(0, t.start() - 600))
                    participants += [other] if other and other not in participants else []
    if not kinds:
        return None
    for pat in (_BETWEEN, _WITH):
        for b in pat.finditer(text, run[0].start(), hi):
            stop = re.search(r"[,;.]|—|\bover\b|\bby\b|\bon\b|\bfor\b", text[b.end() : hi])
            end = b.end() + (stop.start() if stop else hi - b.end())
            participants += ids(doc, doc.actors.within(b.end(), end))
    participants = dedupe_people_countries(doc, participants)
    if not participants:
        return None
    kind = min(kinds, key=_PRIORITY.index)
    people = [p for p in participants if entry_type(doc, p) == "Person"]
    nouns_only = all(t.group("noun") for t in run)
    if (
        kind == "meeting"
        and nouns_only
        and len(participants) >= 2
        and (len(people) < len(participants) or all_leaders(doc, people))
    ):
        kind = "summit"
    place, place_end = None, run[-1].end()
    for t in run:
        place, place_end = place_of(doc, registry, t, lo, hi, visit=_kind_of(t) == "visit")
        if place:
            break
    if host is None and place:
        country = registry.country_of_place(place)
        host = next((p for p in participants if registry_slug(doc, p) == country), None) or (
            doc.actors.id_of(country) if country else None
        )
    if place is None and host and kind in ("summit", "ceremony", "meeting", "talks"):
        place = home_capital(doc, registry, host)
    status = status_of(text, c, modal)
    first, last = dates_of(doc, si, lo, hi, status, inherit=not c.relative)
    if first is None and after is not None:
        first, last = dates_of(doc, si, after.start, after.end, status)
    if (
        first
        and doc.published
        and status == "planned"
        and last is None
        and first < doc.published.isoformat()[: len(first)]
    ):
        status = "held"
    span_end = max(run[-1].end(), place_end)
    return _Candidate(
        kind=kind,
        participants=participants,
        status=status,
        start=span_start,
        end=span_end,
        anchors=[t.start() for t in run],
        host=host,
        place=place,
        date_start=first,
        date_end=last,
        rule=f"meeting.{kind}.{status}",
        confidence=0.6,
        countries=countries_of(doc, participants),
        place_key=(registry.country_of_place(place) or place) if place else None,
        window=(lo, hi),
        sentence=si,
        coordinated=c.coordinated,
    )


def _last_match(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def _false_trigger(text: str, t: re.Match[str]) -> bool:
    word = t.group().lower()
    if word in ("see", "seeing") and not _INTENT_BEFORE.search(text, max(0, t.start() - 30), t.start()):
        return True  # "see" is a meeting only as an intention: "I look forward to seeing him"
    if t.group("noun") and text.startswith(("’s", "'s"), t.end()):
        return True  # "the summit's host": the meeting is named elsewhere
    if (
        t.group("noun")
        and " of " in text[max(0, t.start() - 60) : t.start()]
        and _FRAME.search(text, max(0, t.start() - 60), t.start())
    ):
        return True  # "on the sidelines of the summit": the setting of another meeting
    if word.startswith("host") and _HOST_NOUN.search(text, max(0, t.start() - 20), t.start()):
        return True  # "the summit's host", "his American hosts": a noun
    if word.endswith(" to") and not re.match(r"\s+(?:the\s+)?[A-Z]", text[t.end() : t.end() + 8]):
        return True  # "going to raise": a future, not a trip
    before = text[max(0, t.start() - 20) : t.start()].lower()
    if word == "call" and not re.search(r"(?:phone|a|the|video)\s+$", before):
        return True
    if word == "conference" and re.search(r"(?:press|news)\s+$", before):
        return True
    if word in ("meeting", "visit", "visits") and re.search(r"\b(?:is|are|was)\s+$", before):
        return False
    return word.startswith("spoke with") and "phone" not in before


_STATUS_GROUPS = ({"held"}, {"cancelled", "negated", "planned"}, {"predicted", "planned"})
_STATUS_ORDER = ("cancelled", "negated", "held", "planned", "predicted")
_KIND_GROUPS = ({"visit", "talks", "meeting"}, {"summit", "meeting", "talks"}, {"ceremony", "visit"}, {"call"})


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    if not any(a.status in g and b.status in g for g in _STATUS_GROUPS):
        return False
    if not any(a.kind in g and b.kind in g for g in _KIND_GROUPS):
        return False
    if a.place_key and b.place_key and a.place_key != b.place_key:
        return False
    if a.date_start and b.date_start and a.date_start[:7] != b.date_start[:7]:
        return False
    if a.date_start and b.date_start and len(a.date_start) == len(b.date_start) == 10 and a.date_start != b.date_start:
        return False
    if a.kind != b.kind and set(a.participants) != set(b.participants) and a.countries != b.countries:
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


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for c in cands:
        target = next((o for o in out if _compatible(o, c)), None)
        if target is None:
            out.append(c)
            continue
        target.participants = list(dict.fromkeys(target.participants + c.participants))
        target.anchors += c.anchors
        target.place = target.place or c.place
        target.host = target.host or c.host
        if target.date_start is None or (c.date_start and len(c.date_start) > len(target.date_start)):
            target.date_start, target.date_end = c.date_start or target.date_start, c.date_end or target.date_end
        target.kind = min((target.kind, c.kind), key=_PRIORITY.index)
        target.status = min((target.status, c.status), key=_STATUS_ORDER.index)
        target.countries = target.countries | c.countries
        target.rule = f"meeting.{target.kind}.{target.status}"
        target.countries = target.countries | c.countries
        target.confidence = min(0.9, max(target.confidence, c.confidence) + 0.1)
    return out
