"""Meetings: summits, talks, visits, meetings, ceremonies and calls that named actors take part in.

Each clause with a meeting word ("summit", "talks", "visit", "trip", "encounter", "ceremony", "anniversary",
"call", "declaration" between parties; verbs "meet", "visit", "host", "head to", "arrive in", "attend", "skip";
"am meeting"; "attend a session / forum / dinner …") yields one candidate per run of meeting words (a run
is read from the break before it to the break after it, with its own tense: "held talks on Tuesday and
agreed to meet again in September" gives a held and a planned meeting):

- participants: actors in the compound before the noun ("Trump-Kim summit", "U.S.-North Korea talks",
  "inter-Korean summit" -> every country whose demonym ends in "Korean"), after "between"/"with", the
  owner of "X's trip", the subject of a meeting verb (carried into a coordinated "… and host Moon") and its
  object (a name after a clause break or a thing word - "welcomed the decision by X" - is not an object; a
  subject named only after the verb - "…, X said" - is not the subject). When people take part, their own
  countries are not listed as well. "I" in a quote is its speaker; "After 36 hours in talks, X and Y …" gives
  the talks to the subject. Hosting or welcoming needs a guest.
- place: "in/at/to PLACE" or a capitalised non-actor modifier ("Camp David accords"); a host's capital
  when a leader hosts ("Kim will host …", place the registry capital of the host's country).
- kind: summit (also a meeting or declaration between leaders or countries), talks, visit, meeting,
  ceremony, call.
- status: cancelled (cancel/call off/scrap/postpone), negated ("will not visit", "will skip", "boycott"),
  predicted (a hedge in the clause: likely, may, might, could, expected, anticipated, hopes, look forward),
  planned ("will", a present progressive "is hosting", or an unmarked present with a future day - a bare
  weekday is then the coming one: "meet on Thursday"), held (past tense or a past date; also a "planned"
  meeting dated explicitly in the past: "last year", "in 2019").
- dates: from the clause, else (for future meetings, not in a relative clause) the previous sentence of the
  paragraph, or (future meetings) a date ahead earlier in the same sentence ("On October 15, … and he will
  also meet Y there"); a day gives ``YYYY-MM-DD``, a month ``YYYY-MM``, a week its first and last day; "two
  days of meetings", "the three-day summit" give the last day; an undated meeting in a coordinated clause, or
  "on the eve / sidelines of the summit", borrows the date of that one; "there" borrows the place before.
- reference back: "Zelensky will attend" (attend/skip without an object) and a cancelled or negated "the
  summit" without participants take the kind, participants, place and date of the latest compatible meeting
  within four sentences (a different place means another meeting).

Institutions' meetings ("a two-day policy meeting", "the next meeting") without a participant belong to the
organisation the text is about; "postponed to Thursday" cancels the meeting named before and plans it anew;
"another meeting" presupposes an earlier held one dated by the news day (:mod:`kg.extract.candidates`).

Candidates about the same event (overlapping participants or the same countries, compatible kind, status,
place and date) merge into one record. Candidates without any participant are dropped.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from kg.extract import clauses, deadlines
from kg.extract.candidates import KIND, PRIORITY, Candidate, borrow_dates, merge, presupposed_earlier, resolve_anaphors
from kg.extract.document import Document
from kg.extract.participants import (
    BODY_MEETING,
    INTER,
    NOT_WITH_PREPOSITION,
    all_leaders,
    compound,
    compound_start,
    countries_of,
    dedupe_people_countries,
    entry_type,
    ids,
    institution_at,
    inter_countries,
    leaders_for_countries,
    registry_slug,
    subjects,
    verb_subject,
)
from kg.extract.places import home_capital, place_of
from kg.extract.registry import Registry, trie_regex
from kg.extract.schedule import (
    dated_status,
    dates_of,
    duration_end,
    is_rescheduled,
    modal_of,
    presupposed,
    run_status,
)
from kg.extract.schedule import load_words as _load
from kg.records import Meeting, Span

#: nouns naming a meeting (``lexicon/meeting_nouns.txt``)
MEETING_NOUNS = _load("meeting_nouns")
#: verbs (and verb phrases) of meeting (``lexicon/meeting_verbs.txt``)
MEETING_VERBS = _load("meeting_verbs")
#: a past speech verb after a meeting noun: the meeting is the setting of the speech
_SPEECH_AFTER = re.compile(r",[^,;]{0,60}?\b(?:said|told|added|warned|explained|noted|announced|stated)\b")
#: "X and Y's summit": the first owner of a coordinated possessive
_PAIR_BEFORE = re.compile(r"\S[^,;.]{0,35}?\s+and\s+$")
#: a meeting as the purpose of a trip ("flew to Oslo for her summit with the king")
_PURPOSE = re.compile(
    r"\b(?:head(?:ed|s|ing)?|fl(?:ew|ies|ying|y)|travell?(?:ed|ing)?|travels|arriv(?:ed|es|ing)|left|leaves|"
    r"set\s+off|took\s+off)\b[^.;]{0,60}\bfor\s+(?:his|her|their|the|a|an|its)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: verbs that take part in a meeting named elsewhere ("Zelensky will attend", "Vallo will skip it")
_ATTEND_VERBS = frozenset(
    ("attend", "attends", "attended", "attending", "skip", "skips", "skipped", "skipping")
    + ("stay away", "stays away", "stayed away", "staying away")
)
_TRIGGER_SOURCE = rf"\b(?:(?P<noun>{trie_regex(MEETING_NOUNS)})|(?P<verb>{trie_regex(MEETING_VERBS)}))\b".replace(
    "\\ ", r"\s+"
)
_TRIGGER = re.compile(_TRIGGER_SOURCE, re.I)
_TRIGGER_LOWER = re.compile(_TRIGGER_SOURCE)  # on the lower-cased text: same matches, faster
_HOST_NOUN = re.compile(
    r"(?:[’']s|\b(?:the|a|an|his|her|their|its|our|my|your|as|gracious|[A-Z][a-z]+(?:an|ese|ish|i)))"
    r"\s+$"
)
_FRAME = re.compile(
    r"\b(?:sidelines|margins|eve|start|end|opening|close|run-up|wake|outcome|host|hosts)\s+of\s+"
    r"(?:the\s+|a\s+|this\s+|next\s+|last\s+)?(?:[\w’'-]+\s+){0,4}$"
)
_SUBJECT_ATTENDS = re.compile(
    r"\b(?:hold|holds|held|holding|attend|attends|attended|attending|join|joins|joined|pay|pays|paid|paying|"
    r"make|makes|made|making|skip|skips|skipped|skipping|miss|misses|missed|boycott|boycotts|boycotted|"
    r"begin|begins|began|start|starts|started|undertake|undertakes|undertook|conduct|conducts|conducted|"
    r"have|had|its|their|his|her|(?:is|are|was|were)\s+in)\s+(?:\S+\s+){0,5}$"
)
_IN_TALKS_WITH = re.compile(r"\s+(?:with|to\s+(?:acquire|buy|merge\s+with|take\s+over|combine\s+with))\s+")
_VERB_USE = re.compile(r"\b(?:will|to|would|may|might|could|should|must|can|not|[’']ll)\s+(?:\w+ly\s+)?$", re.I)
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
_COPULA_BEFORE = re.compile(r"\b(?:am|is|are|was|were|be|been|[’'](?:m|re|s))\s+(?:\w+ly\s+|again\s+|also\s+)?$")
#: what may follow "attend"/"skip" when the meeting was named before ("Zelensky will attend.")
_BARE_ATTEND = re.compile(
    r"\s*(?:it|them|too|either|as\s+well|in\s+person)?\s*(?:[,.;—]|$|\b(?:on|next|this|tomorrow|later|"
    r"either|after|before|but|and)\b)"
)
#: an event named after "attend"/"skip" that is a meeting of its own ("will attend a session on AI")
_ATTEND_EVENT = re.compile(
    r"\s+(?:a|an|the|this|that|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:session|sessions|forum|gathering|"
    r"dinner|reception|funeral|inauguration|coronation|roundtable|round-table|assembly|congress|convention)\b"
)
#: a name after a meeting verb is its object only if no clause break or new phrase comes between
_OBJECT_BREAK = re.compile(
    r"[,;:]|\b(?:said|says|told|at|in|on|for|after|before|over|about|but|level|because|decision|move|news|"
    r"announcement|plan|proposal|offer|statement|remarks|comments|step|deal|agreement|report|result|results)\b"
)
_LEADING_FRAME = re.compile(r"(?:After|During|Following|Despite|Throughout|Before|Amid)\b[^,]*$")
_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){0,2}$")
_THERE = re.compile(r"\bthere\b")
_VISIT_VERB = re.compile(r"visit|go|going|went|head|travel|fly|flew|arriv")
_NO_OBJECT_VERB = re.compile(r"(?i)(?:go|going|went|head|travel|fly|flew|celebrat|arriv|attend|skip|stay)")
_WITH_STOP = re.compile(r"[,;.]|—|\bover\b|\bby\b|\bon\b|\bfor\b")
_NAME_NEXT = re.compile(r"\s+(?:the\s+)?[A-Z]")
#: capitalised title words between "meeting" and a person's name ("meeting President X")
_TITLE_WORDS = re.compile(r"\s+(?:[A-Z][\w.’'-]*\s+){0,3}")
_CALL_BEFORE = re.compile(r"(?:phone|a|the|video)\s+$")
_PRESS_BEFORE = re.compile(r"(?:press|news)\s+$")
_CHAIR_BEFORE = re.compile(r"\bchair(?:s|ed|ing)?\s+(?:\w+\s+){0,2}$")
_IS_BEFORE = re.compile(r"\b(?:is|are|was)\s+$")
_PARENTHETICAL = re.compile(r"—[^—]*—")
#: the date of a meeting of several days is its last one: "a two-day meeting that ended on Tuesday"
_ENDED = re.compile(r"\b(?:ended|ends|concluded|concludes|closed|wrapped\s+up)\b")


@dataclass
class MeetingResult:
    """The meetings of an article and, per meeting id, the offsets of the words that name it."""

    meetings: list[Meeting]
    anchors: dict[str, list[int]]


def find_meetings(doc: Document, registry: Registry) -> MeetingResult:
    """Every meeting of the article, merged per event, ids m1, m2, … in text order."""
    cands: list[Candidate] = []
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
    borrow_dates(doc, cands)
    merged = merge(resolve_anaphors(cands))
    for m in merged:
        m.participants = dedupe_people_countries(doc, m.participants)
        if m.kind == "summit":
            m.participants = leaders_for_countries(doc, m.participants)
    _date_undated(doc, merged)
    merged += presupposed_earlier(doc, merged)
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


def _date_undated(doc: Document, merged: list[Candidate]) -> None:
    """An undated planned or predicted meeting takes the date of a dated planned one of the article between the
    same people ("will meet the king today … flew to Oslo for her summit with the king"), else the article's
    lead date (:func:`kg.extract.deadlines.lead_date`), else the day a forward-looking title names."""
    if doc.published is None:
        return
    pub = doc.published.isoformat()
    dated = [m for m in merged if m.status in ("planned", "predicted") and m.date_start and m.date_start >= pub[:7]]
    lead = None
    for m in merged:
        if m.date_start or m.status not in ("planned", "predicted"):
            continue
        same = [o for o in dated if len(set(o.participants) & set(m.participants)) >= min(2, len(m.participants))]
        if same:
            m.date_start, m.date_end = same[0].date_start, same[0].date_end
            continue
        lead = lead or deadlines.lead_date(doc) or deadlines.title_date(doc)
        if lead is not None:
            m.date_start = lead


def _substitute(doc: Document, event: Candidate, sent: re.Match[str], c: clauses.Clause) -> list[Candidate]:
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
        Candidate(
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
) -> list[Candidate]:
    """One candidate per run of meeting words of the clause ("heading to … for talks" is one run; runs
    are cut at commas, semicolons and "or"), each read in its own window of the clause."""
    text = doc.text
    runs: list[list[re.Match[str]]] = []
    for t in triggers:
        if runs and not _RUN_BREAK.search(text, runs[-1][-1].end(), t.start()):
            runs[-1].append(t)
        else:
            runs.append([t])
    out: list[Candidate] = []
    for i, run in enumerate(runs):
        lo = _last_break_end(text, runs[i - 1][-1].end(), run[0].start()) if i else c.start
        hi = _first_break_start(text, run[-1].end(), runs[i + 1][0].start()) if i + 1 < len(runs) else c.end
        cand = _read(doc, registry, si, c, run, lo, hi, subject, modal, after if i + 1 == len(runs) else None)
        if cand is not None:
            out.append(cand)
    return out


def _last_break_end(text: str, start: int, end: int) -> int:
    """Where the run after a break begins to read: after the last break of ``[start, end)`` ("held talks on
    Tuesday and agreed to meet again in September": the meeting in September is read after "and")."""
    last = _last_match(_RUN_BREAK.finditer(text, start, end))
    return last.end() if last else start


def _first_break_start(text: str, start: int, end: int) -> int:
    """Where the run before a break stops reading: at the first break of ``[start, end)``."""
    first = _RUN_BREAK.search(text, start, end)
    return first.start() if first else end


def _kind_of(t: re.Match[str]) -> str:
    if t.group("noun"):
        noun = " ".join(t.group("noun").lower().split())
        return "call" if noun.endswith("call") else KIND.get(noun, "meeting")
    verb = t.group("verb").lower()
    if _VISIT_VERB.match(verb):
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
) -> Candidate | None:
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
        if noun in ("meeting", "meetings") and (
            _COPULA_BEFORE.search(text, max(c.start, t.start() - 16), t.start())
            or _person_next(doc, t.end(), hi)
        ):
            noun = None  # "I am meeting their leadership", "the parties meeting President X": the verb
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
            if own and (pair := _PAIR_BEFORE.search(text, max(floor, own[-1].start - 40), own[-1].start)):
                # "Ames and Bell's first meeting": both owners of the coordinated possessive
                participants[-1:-1] = ids(doc, doc.actors.within(pair.start(), pair.end()))
            if t is run[0]:
                span_start = min([m.start for m in own] + [compound_start(doc, floor, t.start())])
            attends = _SUBJECT_ATTENDS.search(text, max(c.start, t.start() - 60), t.start()) if subject else None
            if attends:
                # "…, as minister X began a tour": the subject right before the verb, else the clause's
                participants[:0] = verb_subject(doc, c.start, attends.start()) or _subject_before(
                    doc, c, t.start(), subject
                )
            within = _IN_TALKS_WITH.match(text, t.end())
            if within:
                participants += ids(
                    doc,
                    [m for m in doc.actors.within(within.end(), min(hi, within.end() + 60)) if m.kind != "demonym"][:1],
                )
        else:
            verb = t.group()
            doer = verb_subject(doc, c.start, t.start()) or _subject_before(doc, c, t.start(), subject)
            pronoun_i = _last_match(_FIRST_PERSON.finditer(text, c.start, t.start()))
            if pronoun_i and not doc.actors.within(pronoun_i.end(), t.start()) and (me := doc.speaker_at(t.start())):
                doer = [me]  # "I can't wait to see her": the speaker of the quote
            if doer:
                participants[:0] = doer
                if _HOST_VERB.match(verb) or verb.lower().startswith("celebrat"):
                    host = doer[0]
            if not _NO_OBJECT_VERB.match(verb):
                objects = [
                    m
                    for m in doc.actors.within(t.end(), min(hi, t.end() + 70))
                    if m.kind != "demonym"
                    and not (doc.actors.entries[m.key].type == "Country" and not m.actor_position)
                    and not NOT_WITH_PREPOSITION.search(text, max(t.end(), m.start - 14), m.start)
                    and not _OBJECT_BREAK.search(text, t.end(), m.start)
                ]
                persons = [m for m in objects if doc.actors.entries[m.key].type == "Person"]
                participants += ids(doc, (persons or objects)[:1])
                pronoun = _OBJECT_PRONOUN.match(text, t.end())
                if pronoun and not persons:
                    other = doc.actors.last_person_before(t.start(), floor=max(0, t.start() - 600))
                    participants += [other] if other and other not in participants else []
    if not kinds:
        return None
    attend_only = all(t.group("verb") and " ".join(t.group().lower().split()) in _ATTEND_VERBS for t in run)
    if attend_only and participants and _ATTEND_EVENT.match(text, run[-1].end(), hi):
        attend_only = False  # "will attend a session on AI": a meeting of its own
    elif attend_only and not (participants and _BARE_ATTEND.match(text, run[-1].end(), hi)):
        return None  # "attend school": only an attendance of a meeting named before counts
    for pat in (_BETWEEN, _WITH):
        for b in pat.finditer(text, run[0].start(), hi):
            stop = _WITH_STOP.search(text, b.end(), hi)
            end = stop.start() if stop else hi
            participants += ids(doc, doc.actors.within(b.end(), end))
    participants = dedupe_people_countries(doc, participants)
    if not participants and subject and _LEADING_FRAME.match(text, c.start, run[0].start()):
        participants = list(subject)  # "After 36 hours in talks, X and Y reached a deal"
    if (
        not participants
        and all(t.group("noun") for t in run)
        and set(kinds) == {"meeting"}
        and BODY_MEETING.search(text, max(lo, run[0].start() - 40), run[0].start())
        and (body := institution_at(doc, run[0].start()))
    ):
        participants = [body]  # "after a two-day policy meeting": the meeting of the bank the text is about
    anaphor = attend_only or (
        not participants and bool(run[0].group("noun")) and bool(_DEFINITE.search(text, lo, run[0].start()))
    )
    if not participants and not anaphor:
        return None
    if not anaphor and len(participants) < 2 and all(t.group("verb") and _HOST_VERB.match(t.group()) for t in run):
        return None  # "X welcomed the decision": hosting or welcoming needs a guest
    kind = min(kinds, key=PRIORITY.index)
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
    setting = _SPEECH_AFTER.search(text, run[-1].end(), hi) if nouns_only else None
    if setting is not None:
        # "In a briefing with reporters Monday, the forecaster said the storm would …": the meeting is where
        # the words were said, read up to the speech verb
        c = replace(c, end=setting.end(), coordinated=False)
        hi = min(hi, setting.end())
    status = run_status(text, c, lo, hi, modal if setting is None else "")
    if status == "held" and any(
        t.group("noun") and _PURPOSE.search(text, max(c.start, t.start() - 90), t.start()) for t in run
    ):
        status = "planned"  # "flew to Oslo for her summit with the king": the summit is what the trip is for
    if status == "predicted" and nouns_only and presupposed(text, c, run[0].start(), run[-1].end()):
        status = "planned"  # "the council session will probably bring a vote": the meeting itself is on the calendar
    status = dated_status(doc, c, lo, hi, status)
    first, last = dates_of(doc, si, lo, hi, status, inherit=not c.relative)
    if first is None and after is not None:
        first, last = dates_of(doc, si, after.start, after.end, status)
    if first is None and not anaphor and not c.relative and c.start > c.sentence_start and status != "held":
        first, last = dates_of(doc, si, c.sentence_start, c.start, status, inherit=False, ahead_only=True)
    if first is not None and len(first) == 10 and last is None:
        last = duration_end(text, first, max(lo, run[0].start() - 40), min(hi, run[-1].end() + 12))
        if last and _ENDED.search(text, run[-1].end(), hi):
            first, last = _back_by(first, first, last), first  # "a two-day meeting that ended today"
    if (
        first
        and doc.published
        and status == "planned"
        and last is None
        and first < doc.published.isoformat()[: len(first)]
    ):
        status = "held"
    span_end = max(run[-1].end(), place_end)
    return Candidate(
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
        anaphor=anaphor,
        there=bool(_THERE.search(text, run[-1].end(), hi)),
        rescheduled=anaphor and status == "planned" and is_rescheduled(text, c.start, c.end),
    )


def _back_by(day: str, first: str, last: str) -> str:
    """*day* moved back by the length of the span ``[first, last]`` (ISO days)."""
    length = dt.date.fromisoformat(last) - dt.date.fromisoformat(first)
    return (dt.date.fromisoformat(day) - length).isoformat()


def _person_next(doc: Document, pos: int, hi: int) -> bool:
    """True when a person is named right after *pos*, after title words at most ("the parties meeting
    President X": "meeting" is then the verb)."""
    after = doc.actors.within(pos, min(hi, pos + 50))
    return (
        bool(after)
        and doc.actors.entries[after[0].key].type == "Person"
        and bool(_TITLE_WORDS.fullmatch(doc.text, pos, after[0].start))
    )


def _subject_before(doc: Document, c: clauses.Clause, pos: int, subject: list[str]) -> list[str]:
    """The subject of the clause if it is named before *pos* (a coordinated or relative clause carries the
    subject of the clause before it): "…, President Holm said" names the speaker, not a participant."""
    if not subject:
        return subject
    if c.coordinated or c.relative:
        # "…, and on Saturday, as minister X began a tour": a clause that names its own subject keeps it
        return subjects(doc, c.start, pos) or subject
    return subjects(doc, c.start, pos)


def _last_match(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def _false_trigger(text: str, t: re.Match[str]) -> bool:
    word = t.group().lower()
    if word in ("see", "seeing") and not _INTENT_BEFORE.search(text, max(0, t.start() - 30), t.start()):
        return True  # "see" is a meeting only as an intention: "I can't wait to see her"
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
    if word.endswith(" to") and not _NAME_NEXT.match(text, t.end(), t.end() + 8):
        return True  # "going to raise": a future, not a trip
    before = text[max(0, t.start() - 20) : t.start()].lower()
    if word == "call" and not _CALL_BEFORE.search(before):
        return True
    if word == "conference" and _PRESS_BEFORE.search(before):
        return True
    if t.group("noun") and "chair" in before and _CHAIR_BEFORE.search(before):
        return True  # "to chair their meetings": a role, not a meeting
    if word in ("meeting", "visit", "visits") and _IS_BEFORE.search(before):
        return False
    return word.startswith("spoke with") and "phone" not in before
