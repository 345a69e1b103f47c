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
- dates: from the clause, else its sentence, else (for future meetings) the previous sentence of the
  paragraph; a day gives ``YYYY-MM-DD``, a month ``YYYY-MM``, a week its first and last day.

Candidates about the same event (overlapping participants or the same countries, compatible kind, status,
place and date) merge into one record. Candidates without any participant are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract import clauses, dates
from kg.extract.actors import Mention
from kg.extract.document import Document
from kg.extract.lexicon import SPEECH_VERB_RE
from kg.extract.registry import Registry, trie_regex
from kg.records import Meeting, Span

MEETING_NOUNS = (
    "summit", "summits", "summitry", "talks", "negotiations", "meeting", "meetings", "visit", "visits",
    "state visit", "trip", "trips", "sojourn", "tour", "encounter", "ceremony", "ceremonies", "celebration",
    "celebrations", "anniversary", "parade", "phone call", "video call", "telephone call", "call",
    "declaration", "conference", "get-together", "reunion",
)
MEETING_VERBS = (
    "meet", "meets", "met", "meeting with", "visited", "visiting", "host", "hosts", "hosted", "hosting",
    "welcome", "welcomes", "welcomed", "welcoming", "receive", "receives", "received", "receiving",
    "celebrate", "celebrates", "celebrated", "celebrating", "go to", "going to", "went to", "head to",
    "heading to", "headed to", "travel to", "travels to", "travelled to", "traveled to", "travelling to",
    "traveling to", "fly to", "flies to", "flew to", "flying to", "spoke by phone", "spoke with",
)
_TRIGGER = re.compile(
    rf"\b(?:(?P<noun>{trie_regex(MEETING_NOUNS)})|(?P<verb>{trie_regex(MEETING_VERBS)}))\b".replace("\\ ", r"\s+"),
    re.I,
)
_VERB_USE = re.compile(r"\b(?:will|to|would|may|might|could|should|must|can|not|[’']ll)\s+$", re.I)
_KIND = {
    "summit": "summit", "summits": "summit", "summitry": "summit", "talks": "talks", "negotiations": "talks",
    "meeting": "meeting", "meetings": "meeting", "encounter": "meeting", "get-together": "meeting",
    "reunion": "meeting", "conference": "meeting", "visit": "visit", "visits": "visit", "state visit": "visit",
    "trip": "visit", "trips": "visit", "sojourn": "visit", "tour": "visit", "ceremony": "ceremony",
    "ceremonies": "ceremony", "celebration": "ceremony", "celebrations": "ceremony", "anniversary": "ceremony",
    "parade": "ceremony", "call": "call", "declaration": "summit",
}
_PRIORITY = ("summit", "ceremony", "call", "visit", "talks", "meeting")
_CANCEL = re.compile(r"\b(?:cancel(?:l?ed|l?ing|s)?|call(?:ed|ing|s)? off|scrapp?(?:ed|ing|s)?|postpon(?:e|ed|es|ing)|"
                     r"called it off|pulled out of)\b", re.I)
_NEGATION = re.compile(r"\b(?:will not|won[’']t|would not|wouldn[’']t|not to|no plans? to|not be|never|"
                       r"did not|didn[’']t|does not|doesn[’']t|is not|isn[’']t)\b", re.I)
_HEDGE = re.compile(r"\b(?:likely|unlikely|may|might|could|possible|possibly|perhaps|expected|anticipated|"
                    r"hopes?|hoping|look(?:s|ing)? forward|would|probably|poised|potential|mooted|proposed)\b",
                    re.I)
_FUTURE = re.compile(r"\b(?:will|shall|[’']ll|going to|is to|are to|scheduled|slated|set to|plans? to|planned|"
                     r"planning|upcoming|coming|next|due to|to be held|to host|to visit|to meet)\b", re.I)
_PAST = re.compile(r"\b(?:held|met|visited|hosted|attended|took place|was|were|had|did|last|ago|earlier|"
                   r"ended|signed|received|welcomed|celebrated|went|travelled|traveled|flew)\b", re.I)
_COMPOUND_STOP = re.compile(r"(?:\b(?:the|a|an|another|of|for|in|to|with|from|between|at|on|his|her|their|"
                            r"its|this|that|first|second|third|fourth|fifth|sixth|next|new|planned|"
                            r"anticipated|likely|possible|upcoming|historic|[,;:—(])\b|[,;:—(])\s*")
_BETWEEN = re.compile(r"\bbetween\s+", re.I)
_WITH = re.compile(r"\bwith\s+", re.I)
_PLACE = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:\s+(?:City|[A-Z][\w’'-]+))?)")
_CAP_WORD = re.compile(r"(?P<word>[A-Z][a-z][\w’'-]*)\s*$")
_INTER = re.compile(r"\binter-(?P<dem>[A-Z][a-z]+)\b")
_HOST_VERB = re.compile(r"^(?:host|welcom|receiv)", re.I)
_RUN_BREAK = re.compile(r"[,;]|\bor\b|\band\b(?!\s+host)")
_PARENTHETICAL = re.compile(r"—[^—]*—")
_NOT_PLACE = frozenset("""The A An This That His Her Their Its Our January February March April May June July
    August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


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


@dataclass
class MeetingResult:
    """The meetings of an article and, per meeting id, the offsets of the words that name it."""

    meetings: list[Meeting]
    anchors: dict[str, list[int]]


def find_meetings(doc: Document, registry: Registry) -> MeetingResult:
    """Every meeting of the article, merged per event, ids m1, m2, … in text order."""
    cands: list[_Candidate] = []
    hits = {doc.sentence_index(m.start()) for ps, pe in doc.paragraphs for m in _TRIGGER.finditer(doc.text, ps, pe)}
    for si in sorted(hits):
        ss, se = doc.sentences[si]
        if re.match(r"(?:Had|Were)\b", doc.text[ss:se]) or doc.text[ss:se].rstrip().endswith("?"):
            continue
        subject: str | None = None
        modal = ""
        for c in doc.clauses(si):
            if not c.coordinated:
                subject = _subject(doc, c.start, c.end)
                modal = _modal(_PARENTHETICAL.sub(lambda m: " " * len(m.group()), doc.text[c.start:c.end]))
            cands += _candidate(doc, registry, si, c, subject, modal)
    merged = _merge(cands)
    for m in merged:
        m.participants = _dedupe_people_countries(doc, m.participants)
    merged.sort(key=lambda m: m.start)
    meetings: list[Meeting] = []
    anchors: dict[str, list[int]] = {}
    for i, m in enumerate(merged, 1):
        text = doc.text[m.start:m.end]
        meetings.append(Meeting(id=f"m{i}", kind=m.kind, participants=m.participants, status=m.status,
                                span=Span(m.start, m.end, text), host=m.host, place=m.place,
                                start=m.date_start, end=m.date_end, rule=m.rule, confidence=m.confidence))
        anchors[f"m{i}"] = m.anchors
    return MeetingResult(meetings, anchors)


def _modal(text: str) -> str:
    if _HEDGE.search(text):
        return "hedge"
    return "will" if _FUTURE.search(text) else ""


def _subject(doc: Document, start: int, end: int) -> str | None:
    """The first non-adjectival actor of the clause that is not inside a prepositional phrase."""
    for m in doc.actors.within(start, end):
        entry = doc.actors.entries[m.key]
        if m.kind == "demonym" or (entry.type == "Country" and not m.actor_position):
            continue
        if re.search(r"\b(?:of|for|to|in|at|with|from|by|between|toward|towards|on)\s+(?:the\s+)?$",
                     doc.text[max(start, m.start - 12):m.start]):
            continue
        return doc.actors.ids[m.key]
    return None


def _ids(doc: Document, mentions: list[Mention]) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.kind == "demonym":
            continue
        i = doc.actors.ids[m.key]
        if i not in out:
            out.append(i)
    return out


def _candidate(doc: Document, registry: Registry, si: int, c: clauses.Clause, subject: str | None,
               modal: str) -> list[_Candidate]:
    """One candidate per run of meeting words of the clause ("heading to … for talks" is one run; runs
    are cut at commas, semicolons and "or"), each read in its own window of the clause."""
    text = doc.text
    triggers = [t for t in _TRIGGER.finditer(text, c.start, c.end) if not _false_trigger(text, t)]
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
        cand = _read(doc, registry, si, c, run, lo, hi, subject, modal)
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


def _read(doc: Document, registry: Registry, si: int, c: clauses.Clause, run: list[re.Match[str]], lo: int,
          hi: int, subject: str | None, modal: str) -> _Candidate | None:
    text = doc.text
    participants: list[str] = []
    span_start = run[0].start()
    host = None
    kinds = []
    for t in run:
        noun = t.group("noun").lower() if t.group("noun") else None
        if noun in ("visit", "visits", "meet") and _VERB_USE.search(text, max(c.start, t.start() - 12), t.start()):
            noun = None  # "will visit Beijing": the verb
        if noun == "declaration" and not (_BETWEEN.match(text, t.end() + 1) or _INTER.search(text, lo, t.start())):
            continue  # a declaration is a meeting only between named parties
        kinds.append(_kind_of(t))
        if noun:
            floor = lo if t is run[0] else run[0].end()
            compound = _compound(doc, floor, t.start())
            participants += _ids(doc, compound)
            participants += _inter(doc, registry, floor, t.start())
            own = [m for m in doc.actors.within(max(floor, t.start() - 40), t.start())
                   if m.possessive and m.kind != "demonym"]
            participants += _ids(doc, own[-1:])
            if t is run[0]:
                span_start = min([m.start for m in own] + [_compound_start(doc, floor, t.start())])
            if subject and re.search(r"\b(?:hold|holds|held|attend|attends|attended|join|have|had)\s+(?:\w+\s+){0,3}$",
                                     text[max(c.start, t.start() - 40):t.start()]):
                participants.insert(0, subject)
        else:
            verb = t.group()
            if subject:
                participants.insert(0, subject)
                if _HOST_VERB.match(verb) or verb.lower().startswith("celebrat"):
                    host = subject
            if not re.match(r"(?i)(?:go|going|went|head|travel|fly|flew|celebrat)", verb):
                after = [m for m in doc.actors.within(t.end(), hi) if m.kind != "demonym"]
                participants += _ids(doc, after[:1])
    if not kinds:
        return None
    for pat in (_BETWEEN, _WITH):
        for b in pat.finditer(text, run[0].start(), hi):
            stop = re.search(r"[,;.]|—|\bover\b|\bby\b|\bon\b|\bfor\b", text[b.end():hi])
            end = b.end() + (stop.start() if stop else hi - b.end())
            participants += _ids(doc, doc.actors.within(b.end(), end))
    participants = _dedupe_people_countries(doc, participants)
    if not participants:
        return None
    kind = min(kinds, key=_PRIORITY.index)
    people = [p for p in participants if _entry_type(doc, p) == "Person"]
    if kind == "meeting" and len(participants) >= 2 and (len(people) < len(participants) or _all_leaders(doc, people)):
        kind = "summit"
    place, place_end = None, run[-1].end()
    for t in run:
        place, place_end = _place(doc, registry, t, lo, hi)
        if place:
            break
    if host is None and place:
        country = registry.country_of_place(place)
        host = next((p for p in participants if _registry_slug(doc, p) == country), None) or (
            doc.actors.id_of(country) if country else None)
    if place is None and host and kind in ("summit", "ceremony", "meeting", "talks"):
        place = _home_capital(doc, registry, host)
    status = _status(text, c, modal)
    start, end = _dates(doc, si, lo, hi, status)
    if start and doc.published and status == "planned" and end is None and start < doc.published.isoformat()[:len(start)]:
        status = "held"
    span_end = max(run[-1].end(), place_end)
    return _Candidate(kind=kind, participants=participants, status=status, start=span_start, end=span_end,
                      anchors=[t.start() for t in run], host=host, place=place, date_start=start, date_end=end,
                      rule=f"meeting.{kind}.{status}", confidence=0.6,
                      countries=_countries(doc, participants),
                      place_key=(registry.country_of_place(place) or place) if place else None)


def _false_trigger(text: str, t: re.Match[str]) -> bool:
    word = t.group().lower()
    if word.endswith(" to") and not re.match(r"\s+(?:the\s+)?[A-Z]", text[t.end():t.end() + 8]):
        return True  # "going to raise": a future, not a trip
    before = text[max(0, t.start() - 20):t.start()].lower()
    if word == "call" and not re.search(r"(?:phone|a|the|video)\s+$", before):
        return True
    if word == "conference" and re.search(r"(?:press|news)\s+$", before):
        return True
    if word in ("meeting", "visit", "visits") and re.search(r"\b(?:is|are|was)\s+$", before):
        return False
    return word.startswith("spoke with") and "phone" not in before


def _compound_start(doc: Document, floor: int, pos: int) -> int:
    """Start of the run of modifiers right before a meeting noun ("June 12 Trump-Kim encounter")."""
    window = doc.text[max(floor, pos - 60):pos]
    stops = list(_COMPOUND_STOP.finditer(window))
    return max(floor, pos - 60) + (stops[-1].end() if stops else 0)


def _compound(doc: Document, floor: int, pos: int) -> list[Mention]:
    """Actor mentions in the run of modifiers right before a meeting noun ("June 12 Trump-Kim")."""
    return list(doc.actors.within(_compound_start(doc, floor, pos), pos))


def _inter(doc: Document, registry: Registry, floor: int, pos: int) -> list[str]:
    """Countries named by "inter-Korean" right before a meeting noun: every demonym ending in the word."""
    out: list[str] = []
    if "inter-" not in doc.text[max(floor, pos - 40):pos]:
        return out
    for m in _INTER.finditer(doc.text, max(floor, pos - 40), pos):
        for country in registry.by_demonym_word.get(m.group("dem"), []):
            i = doc.actors.id_of(country)
            if i and i not in out:
                out.append(i)
    return out


def _entry_type(doc: Document, actor_id: str) -> str:
    e = doc.actors.entry(actor_id)
    return e.type if e else ""


def _registry_slug(doc: Document, actor_id: str) -> str | None:
    e = doc.actors.entry(actor_id)
    return e.registry.slug if e and e.registry else None


def _all_leaders(doc: Document, people: list[str]) -> bool:
    entries = [doc.actors.entry(p) for p in people]
    return len(entries) >= 2 and all(e is not None and e.registry is not None and e.registry.salience == 2
                                     for e in entries)


def _dedupe_people_countries(doc: Document, ids: list[str]) -> list[str]:
    out = list(dict.fromkeys(ids))
    people_countries = {
        e.registry.country for p in out if (e := doc.actors.entry(p)) and e.registry and e.type == "Person"
    }
    return [p for p in out if not (_entry_type(doc, p) == "Country" and _registry_slug(doc, p) in people_countries)]


def _countries(doc: Document, ids: list[str]) -> frozenset[str]:
    out = set()
    for p in ids:
        e = doc.actors.entry(p)
        if e is None:
            continue
        if e.type == "Country":
            out.add(e.key)
        elif e.registry and e.registry.country:
            out.add(e.registry.country)
        else:
            out.add(e.key)
    return frozenset(out)


def _place(doc: Document, registry: Registry, t: re.Match[str], lo: int, hi: int) -> tuple[str | None, int]:
    """Place of the meeting named at *t* and where its phrase ends: "in/at X" after the word, a capitalised
    modifier before it ("Panmunjom declaration"), or "to X" after a visit word."""
    text = doc.text
    for m in _PLACE.finditer(text, t.end(), min(hi, t.end() + 45)):
        word = m.group("place")
        if word in _NOT_PLACE or _is_actor_name(registry, word):
            continue
        if m.group().startswith("to") and _kind_of(t) != "visit":
            continue
        if text[t.end():m.start()].count(",") or text[t.end():m.start()].count("—"):
            break
        return word, m.end()
    cap = _CAP_WORD.search(text, max(lo, t.start() - 30), t.start())
    if cap and cap.group("word") not in _NOT_PLACE and not _is_actor_name(registry, cap.group("word")):
        inside = [m for m in doc.actors.within(max(0, cap.start() - 40), t.start())
                  if m.start <= cap.start("word") < m.end]
        if not inside and text[cap.start() - 1:cap.start()] != "-":
            return cap.group("word"), t.end()
    return None, t.end()


def _is_actor_name(registry: Registry, word: str) -> bool:
    """True for names of people and organisations and for demonyms (never places)."""
    entries = registry.surfaces.get(word, [])
    return any(kind == "demonym" or registry.actors[s].type != "Country" for s, kind in entries)


def _home_capital(doc: Document, registry: Registry, host: str) -> str | None:
    e = doc.actors.entry(host)
    if e is None or e.registry is None:
        return None
    country = registry.actors.get(e.registry.country or "") if e.type == "Person" else e.registry
    return country.capitals[0] if country and country.capitals else None


def _status(text: str, c: clauses.Clause, modal: str) -> str:
    seg = text[c.start:c.end]
    if _CANCEL.search(seg):
        return "cancelled"
    sentence = text[c.sentence_start:c.end]
    if _NEGATION.search(seg) and re.search(r"\b(?:will|would|to|be)\b", seg):
        return "negated"
    own = _modal(seg)
    mode = own or (modal if c.coordinated else "")
    if mode == "hedge":
        return "predicted"
    if mode == "will":
        return "planned"
    if _PAST.search(sentence) or _PAST.search(seg):
        return "held"
    return "held"


def _dates(doc: Document, si: int, lo: int, hi: int, status: str) -> tuple[str | None, str | None]:
    if doc.published is None:
        return None, None
    future = None if status == "held" else (status != "cancelled" or None)
    if status == "held":
        future = False
    found = _event_dates(doc, lo, hi, future)
    if not found and status in ("planned", "predicted") and si > 0:
        ps, pe = doc.sentences[si - 1]
        if doc.same_paragraph(ps, lo):
            found = [e for e in doc.times(ps, pe, future=True)
                     if e.last >= doc.published]
    if not found:
        return None, None
    e = found[0]
    if e.precision in ("week", "quarter") or (e.precision == "day" and e.first != e.last):
        return e.first.isoformat(), e.last.isoformat()
    if e.precision == "year":
        return None, None
    return e.iso, None


def _event_dates(doc: Document, start: int, end: int, future: bool | None) -> list[dates.TimeExpr]:
    """Time expressions of the span, leaving out those dating a speech act ("tweeted on the 24th")."""
    assert doc.published is not None
    return [e for e in doc.times(start, end, future=future)
            if not SPEECH_VERB_RE.search(doc.text, max(start, e.start - 25), e.start)]


_STATUS_GROUPS = ({"held"}, {"cancelled", "negated", "planned"}, {"predicted", "planned"})
_STATUS_ORDER = ("cancelled", "negated", "held", "planned", "predicted")
_KIND_GROUPS = ({"visit", "talks", "meeting"}, {"summit", "meeting", "talks"}, {"ceremony", "visit"},
                {"call"})


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    if not any(a.status in g and b.status in g for g in _STATUS_GROUPS):
        return False
    if not any(a.kind in g and b.kind in g for g in _KIND_GROUPS):
        return False
    if a.place_key and b.place_key and a.place_key != b.place_key:
        return False
    if a.date_start and b.date_start and a.date_start[:7] != b.date_start[:7]:
        return False
    shared = set(a.participants) & set(b.participants)
    return bool(shared) and (set(a.participants) <= set(b.participants) or set(b.participants) <= set(a.participants)
                             or a.countries == b.countries) or (bool(a.countries) and a.countries == b.countries)


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
