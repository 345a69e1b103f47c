"""Actors named only in the text, not in the registry: people and organisations found by how news prose
introduces them (see :mod:`kg.extract.actors` for the order of trust).

People: a title before a capitalised name ("Finance Minister Jane Doe", "Velorian President Irena Holm", "Pope
Francis"), the speaker of a speech verb ("…," said Jane Doe), an appositive ("Jane Doe, the finance minister"),
a known given name ("Ruth Alden of Meridel Wealth"), a name followed by "of" and an organisation, a name
opening a sentence before "has run"/"leads" …, or a name after an outlet's possessive in an interview intro.
A possessive ends a person's name ("Elena Sarn's Civic Dawn party": the person, then the party she leads).

Organisations: capitalised phrases ending in a head noun ("Halden Foods", "Kellport General Hospital"), joined
by "of"/"for"/"&" ("Central Bank of Arvendia", "Caldmoor & Ross"), union locals ("Transit Workers Local 214"),
descriptors and appositives ("law firm Redfern Ng", "Baltic Crane, a port equipment maker"), a name "led by" a
person, and a one-word name before "shares" or "chief executive". Places named like bodies ("Oval Office")
are not organisations. Later bare family names of people and distinctive first words of organisations
("Skyfield" for "Skyfield Airways") are mentions of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.lexicon import (
    AUXILIARIES,
    EVENT_HEADS,
    GIVEN_NAMES,
    NOT_NAME,
    OFFICE_BODIES,
    ORG_HEAD_SET,
    ORG_NOUNS,
    PARTY_NOUNS,
    PLACE_HEADS,
    SPEECH_VERBS,
    TITLE,
    TITLE_RE,
    load,
    words,
)
from kg.extract.mentions import Builder, Mention, word_spans
from kg.extract.registry import Registry
from kg.extract.slugs import slug
from kg.extract.titles import title_before, title_prefix

_CAP_RUN = re.compile(
    r"[A-Z](?<![\w’'.-][A-Z])[\w’'.-]*(?:[ \u00a0]+(?:(?:de|van|von|der|bin|al|da|dos|del|la|le)[ \u00a0]+)?"
    r"[A-Z][\w’'.-]*)*"
)
_SPEECH_AFTER = re.compile(rf",?\s+(?:also\s+|later\s+)?(?:{SPEECH_VERBS})\b")
_SPEECH_WORD = re.compile(rf"^(?:{SPEECH_VERBS})$")
_APPOSITIVE_AFTER = re.compile(rf",\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w.’'-]+\s+){{0,4}}?{TITLE}\b")
_NON_SPACE = re.compile(r"\S+")
_SENTENCE_CUT = re.compile(
    r"(?<=[a-z]{2})\.[ \u00a0]|(?<=[A-Za-z])\.[ \u00a0]+(?=(?:"
    + "|".join(sorted(w for w in NOT_NAME if w.isalpha()))
    + r")\b)"
)
_ORG_APPOSITIVE = re.compile(rf",\s+(?:the|a|an)\s+(?:[\w.-]+\s+){{0,4}}?(?:{ORG_NOUNS})\b")
_ORG_DESCRIPTOR = re.compile(rf"\b(?:{ORG_NOUNS})\s+$")
_ORG_FOLLOWER = re.compile(
    r"[’']?s?\s+(?:chief executive|CEO|shares|stock|spokes(?:man|woman|person)|board|"
    r"chairman|executives?|engineers|products?|customers)\b"
)
_ORG_OF = re.compile(
    r"\b(?:Ministry|Department|Bank|Office|Bureau|Council|Institute|University|Commission|"
    r"Court|Parliament)\s+(?:of|for)\s+"
)
_ORG_JOIN = re.compile(r"[ \u00a0]+(?:of|for|and)[ \u00a0]+(?:the[ \u00a0]+)?|[ \u00a0]*&[ \u00a0]*")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_AND = re.compile(r"[ \u00a0]+and[ \u00a0]+")
_OF_SPLIT = re.compile(r"\s+of\s+(?:the\s+)?")
_OF_ORG_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_UNION_LOCAL = re.compile(r"(?<![\w’'.-])(?:[A-Z][\w’'-]+[ \u00a0]+){1,4}Local[ \u00a0]+\d+")
_PARTY_AFTER = re.compile(r"[ \u00a0]+(\w+)")
#: titles that stand before a single name and stay part of the label ("Pope Francis", "King Charles")
_REGNAL = frozenset(load("regnal_titles"))
#: leading words an organisation name keeps although they never start a person's name ("Central Bank of …")
_ORG_LEAD_KEEP = frozenset(load("org_lead_words"))
#: capitalised words too generic to stand alone for the organisation they start ("National" of "National …")
_GENERIC_ORG_WORDS = frozenset(load("generic_org_words"))
_NEXT_CAPITAL = re.compile(r"[ \u00a0]+[A-Z]")
_ORDINAL_BEFORE = re.compile(r"\b\d{1,3}(?:st|nd|rd|th)[ \u00a0]+$")
_PLACE_PREPOSITIONS = words("for in of from at to near across")
_LED_BY = re.compile(r",?[ \u00a0]+(?:led|headed|chaired|founded|run)[ \u00a0]+by[ \u00a0]+[A-Z]")
_TITLE_OF_BEFORE = re.compile(rf"\b{TITLE}\s+of\s+(?:the\s+)?$")
_DEMONYM_SHAPE = re.compile(r"^[A-Z][a-z]+(?:ian|ish|ese|i|an)$")
#: verbs of running something after a sentence-initial name: "Rania Haddad has run Skyline Airways since 2019"
_RUNS_AFTER = re.compile(
    r"[ \u00a0]+(?:has[ \u00a0]+|had[ \u00a0]+)?(?:run|runs|led|leads|headed|heads|chairs|chaired|founded|"
    r"co-founded|directs|directed|manages|managed)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z]"
)
_INTERVIEW_BEFORE = re.compile(r"\b(?:spoke|spoken|speaking|talked|talking)\s+(?:to|with)\s|\binterview\s+with\s")
_SENTENCE_START = re.compile(r"(?:^|[.!?][”\"]?[ \u00a0]+|\n)$")


def _clean_name(name: str) -> str:
    words = name.split()
    while words and (words[-1].rstrip("’'s") in NOT_NAME or words[-1] in NOT_NAME):
        words.pop()
    while words and words[0] in NOT_NAME and not _given_first(words):
        words.pop(0)
    return " ".join(words)


def _given_first(words: list[str]) -> bool:
    """True when the first of two or three words is a given name that is also a common noun ("Bill") and the
    others are name-like: the person's given name, not a word that never starts a name."""
    return (
        words[0] in GIVEN_NAMES
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() and w.isalpha() and w not in NOT_NAME for w in words[1:])
    )


def _person_ok(name: str, registry: Registry, *, given: bool = False) -> bool:
    """True when *name* may be a person's (two words or more, no function words, not starting with a country
    word); with *given*, only when it starts with a known given name."""
    words = name.split()
    named = words[1:] if _given_first(words) else words
    if len(words) < 2 or any(w in NOT_NAME for w in named) or (given and words[0] not in GIVEN_NAMES):
        return False
    return not any(kind in ("name", "demonym", "metonym") for _, kind in registry.surfaces.get(words[0], []))


def add_found_mentions(b: Builder, start: int, end: int) -> None:
    """People and organisations named only in the text (see module doc)."""
    runs = list(_CAP_RUN.finditer(b.text, start, end))  # scanned once for organisations and people
    _found_orgs(b, start, runs)
    text, reg = b.text, b.registry
    for run in runs:
        group = run.group()
        if " " not in group or b.taken.find(0, run.start(), run.end()) == -1:
            continue  # one word, or all registry names: never a new person
        words = (_SENTENCE_CUT.split(group, maxsplit=1)[0] if "." in group else group).split()
        offsets = [m.start() for m in _NON_SPACE.finditer(group)]
        owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("’s", "'s"))), None)
        if owner is not None:  # "Elena Sorin's Civic Renewal party": the person, then what they own
            _possessed_org(b, run.start() + offsets[owner + 1], words[owner + 1 :])
            _possessed_person(b, run.start() + offsets[owner + 1], words[owner + 1 :], start)
            words = words[: owner + 1]
        # "President of Calvoria Ivo Darn": the place or body of the title comes first
        skip = int(len(words) >= 3 and bool(_TITLE_OF_BEFORE.search(text, max(start, run.start() - 40), run.start())))
        while skip < len(words) - 1 and (
            any(
                k in ("demonym", "name") and reg.actors[a].type == "Country"
                for a, k in reg.surfaces.get(words[skip].rstrip("’'s"), [])
            )
            or _place_before_title(words, skip)
        ):
            skip += 1
        titled = title_prefix(words[skip:])
        first = skip + titled
        name = _clean_name(" ".join(words[first:]).rstrip(".,"))
        name = re.sub(r"['’]s?$", "", name)
        if titled and " " not in name and words[first - 1] in _REGNAL and name and name not in NOT_NAME:
            first -= 1  # "Pope Francis": the title is part of the name
            name = f"{words[first]} {name}"
        if not name or len(name.split()) > 4:
            continue
        s = text.find(name, run.start() + (offsets[first] if first < len(offsets) else 0), run.end())
        if s < 0 or b.overlaps(s, s + len(name)) or name.split()[-1] in ORG_HEAD_SET or name.split()[-1] in EVENT_HEADS:
            continue
        key = "~" + slug(name)
        if key in b.entries:
            b.add(key, Mention(s, s + len(name), name, key, "found"))
            continue
        if not _person_ok(name, reg):
            continue
        prev = text[max(start, run.start() - 20) : run.start()].split()
        if titled or skip or title_before(text, run.start()):
            rule, conf = "found.title-name", 0.8
        elif _initials_name(name) and _SPEECH_AFTER.match(text, s + len(name)):
            rule, conf = "found.speaker", 0.65  # "JKT Moran said": initials and a family name
        elif any(w.isupper() and len(w) > 1 for w in name.split()):
            continue  # "CKAR Radio": an acronym is not part of a person's name
        elif prev and prev[-1] in _PLACE_PREPOSITIONS and name.split()[0] not in GIVEN_NAMES:
            continue  # "the member for Ashford Dale, said": a place
        elif prev and prev[-1] in ("the", "The"):
            continue  # "the Civic Ledger forecast": a name after "the" is not a person's
        elif (prev and _SPEECH_WORD.match(prev[-1])) or _SPEECH_AFTER.match(text, s + len(name)):
            rule, conf = "found.speaker", 0.7
        elif _APPOSITIVE_AFTER.match(text, s + len(name)):
            rule, conf = "found.appositive", 0.75
        elif name.split()[0] in GIVEN_NAMES and len(name.split()) <= 3:
            rule, conf = "found.given-name", 0.7
        elif _name_reused(b, name):
            rule, conf = "found.name-reused", 0.6
        elif len(name.split()) <= 3 and _OF_ORG_AFTER.match(text, s + len(name)):
            rule, conf = "found.of-organization", 0.6
        elif (
            len(name.split()) <= 3
            and _RUNS_AFTER.match(text, s + len(name))
            and _SENTENCE_START.search(text[max(start, s - 3) : s])
        ):
            rule, conf = "found.subject-runs", 0.6
        else:
            continue
        b.add(
            key,
            Mention(s, s + len(name), name, key, "found"),
            label=name,
            type="Person",
            registry=None,
            rule=rule,
            confidence=conf,
        )


def _initials_name(name: str) -> bool:
    """True for a name written as initials and a family name ("JKT Moran")."""
    words = name.split()
    return len(words) == 2 and words[0].isupper() and 2 <= len(words[0]) <= 3 and words[1][1:].islower()


def _name_reused(b: Builder, name: str) -> bool:
    """True for "Jane Roe" when the article later calls her "Roe" alone and writes neither word in lower case
    (a person's names are not common words: "Harbour Pilot … the pilot" is no person)."""
    parts = name.split()
    if len(parts) != 2 or not all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in parts):
        return False
    first, last = parts
    if last in b.registry.surfaces or first in b.registry.surfaces or last in ORG_HEAD_SET:
        return False
    if b.written_lower(first.lower()) or b.written_lower(last.lower()):
        return False
    alone = len(word_spans(b.text, last))
    return alone > len(word_spans(b.text, name))


def _place_before_title(words: list[str], i: int) -> bool:
    """True when ``words[i]`` is a place or demonym qualifying the title after it ("Kestrian President …",
    "Harbourton Mayor …")."""
    w = words[i]
    return (
        w not in NOT_NAME
        and w.isalpha()
        and w[:1].isupper()
        and not title_prefix(words[i:])
        and title_prefix(words[i + 1 :]) > 0
    )


def _possessed_org(b: Builder, s: int, words: list[str]) -> None:
    """The organisation after a possessive ("… Varga's National Alliance", "… Sorin's Civic Renewal party")."""
    name = " ".join(words).rstrip(".,;:")
    if not name or name.split()[0] in NOT_NAME:
        return
    nxt = _PARTY_AFTER.match(b.text, s + len(name))
    if name.split()[-1] in ORG_HEAD_SET or (nxt and nxt.group(1) in PARTY_NOUNS):
        _add_org(b, s, name, "found.organization.possessed", 0.6)


def _possessed_person(b: Builder, s: int, words: list[str], floor: int) -> None:
    """A person after an outlet's possessive, as interviews introduce the interviewer ("She spoke to Aviation
    Monthly's Colm Fahey"), or with a known given name ("Acme's Jane Roe")."""
    name = _clean_name(" ".join(words).rstrip(".,;:"))
    if len(name.split()) != 2 or name.split()[-1] in ORG_HEAD_SET or not _person_ok(name, b.registry):
        return
    nxt = _PARTY_AFTER.match(b.text, s + len(name))
    if nxt and nxt.group(1) in PARTY_NOUNS or b.overlaps(s, s + len(name)):
        return
    if name.split()[0] not in GIVEN_NAMES and not _INTERVIEW_BEFORE.search(b.text, max(floor, s - 60), s):
        return
    key = "~" + slug(name)
    mention = Mention(s, s + len(name), name, key, "found")
    b.add(key, mention, label=name, type="Person", registry=None, rule="found.possessed-person", confidence=0.6)


def _org_name(raw: str) -> str:
    """The organisation part of a capitalised phrase: after a possessor ("Varga's National Alliance") or a
    person before "of" ("Ilona Kresz of the University of …"), without leading function words."""
    words = raw.split()
    owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("’s", "'s"))), None)
    if owner is not None and not any(w in ORG_HEAD_SET for w in words[:owner]):
        words = words[owner + 1 :]
    raw = " ".join(words)
    parts = _OF_SPLIT.split(raw, maxsplit=1)
    if len(parts) == 2:
        head = parts[0].split()[-1] if parts[0].split() else ""
        if head not in ORG_HEAD_SET and not _ORG_OF.search(parts[0] + " of "):
            raw = parts[1]
    words = raw.split()
    while words and (
        words[0] in NOT_NAME
        and words[0] not in ORG_HEAD_SET
        and words[0] not in _ORG_LEAD_KEEP
        or words[0] in ("of", "and", "&")
    ):
        words.pop(0)
    return " ".join(words)


def _and_split(raw: str) -> list[str]:
    """Two organisations joined by "and" ("Acme Radio and Kell Hospital"), when the first ends in a head."""
    parts = _AND.split(raw, maxsplit=1)
    if len(parts) == 2 and parts[0].split() and parts[0].split()[-1] in ORG_HEAD_SET:
        return [parts[0], *_and_split(parts[1])]
    return [raw]


def _is_place(words: list[str]) -> bool:
    """True for a place named like a body ("Oval Office", "Trafalgar Square")."""
    last = words[-1]
    return last in PLACE_HEADS or (last == "Office" and len(words) == 2 and words[0] not in OFFICE_BODIES)


def _org_candidates(text: str, runs: list[re.Match[str]]) -> Iterator[tuple[int, str]]:
    """Capitalised runs joined by "of", "for", "and", "&" ("Ministry of Finance", "Caldwell & Ross"):
    ``(start, phrase)`` of each phrase of two words or more."""
    i = 0
    while i < len(runs):
        s, e = runs[i].span()
        j = i
        while j + 1 < len(runs) and _ORG_JOIN.fullmatch(text, e, runs[j + 1].start()):
            j += 1
            e = runs[j].end()
        if j > i or " " in runs[i].group():
            yield s, text[s:e]
        i = j + 1


def _found_orgs(b: Builder, start: int, runs: list[re.Match[str]]) -> None:
    text = b.text
    if runs and "Local" in text[start : runs[-1].end() + 8]:
        for m in _UNION_LOCAL.finditer(text, start, runs[-1].end() + 8):
            name = _org_name(m.group())
            _add_org(b, text.find(name, m.start()), name, "found.organization", 0.6)
    for ms, group in _org_candidates(text, runs):
        raw = (_SENTENCE_CUT.split(group, maxsplit=1)[0] if "." in group else group).rstrip(".,;:")
        for part in _and_split(raw):
            words = part.split()
            if words[-1] not in ORG_HEAD_SET and not _ORG_OF.search(part) and "&" not in words:
                continue
            name = _org_name(part)
            words = name.split()
            if len(words) < 2 or words[-1] in ("&", "of", "and") or _is_place(words):
                continue
            _add_org(b, text.find(name, ms), name, "found.organization", 0.6)
    for run in runs:
        name = run.group()
        if "." in name:
            name = _SENTENCE_CUT.split(name, maxsplit=1)[0]
        name = name.rstrip(".,;:")
        if name[-1:] in "s'’":
            name = _POSSESSIVE_END.sub("", name)
        words = name.split()
        if not words or len(words) > 4 or words[0] in NOT_NAME or b.overlaps(run.start(), run.start() + len(name)):
            continue
        after = run.start() + len(name)
        if _descriptor_before(text, max(start, run.start() - 40), run.start()):
            _add_org(b, run.start(), name, "found.organization.descriptor", 0.65)
        elif _ORG_APPOSITIVE.match(text, after):
            _add_org(b, run.start(), name, "found.organization.appositive", 0.65)
        elif len(words) > 1 and _LED_BY.match(text, after) and not _person_ok(name, b.registry, given=True):
            _add_org(b, run.start(), name, "found.organization.led-by", 0.6)
        elif (
            len(words) == 1
            and name not in AUXILIARIES
            and _ORG_FOLLOWER.match(text, after)
            and name not in b.registry.surfaces
        ):
            longer = next(
                (e for e in b.entries.values() if e.registry is None and e.label.startswith(name + " ")), None
            )
            if longer is not None:
                b.add(longer.key, Mention(run.start(), after, name, longer.key, "short"))
            elif not TITLE_RE.match(name):
                _add_org(b, run.start(), name, "found.organization.role", 0.55)


def _descriptor_before(text: str, lo: int, pos: int) -> bool:
    """True when a common noun for an organisation stands right before *pos* ("shipping group Halvorsen")."""
    if pos == lo or not text[pos - 1].isspace():
        return False
    last = text[lo:pos].rsplit(None, 2)
    if not last or not last[-1].islower():
        return False
    return _ORG_DESCRIPTOR.search(text, lo, pos) is not None


def _add_org(b: Builder, s: int, name: str, rule: str, conf: float) -> None:
    e = s + len(name)
    if s < 0 or b.overlaps(s, e):
        return
    ordinal = _ORDINAL_BEFORE.search(b.text, max(0, s - 8), s)
    if ordinal and not b.overlaps(ordinal.start(), s):  # "the 45th Signal Battalion"
        s, name = ordinal.start(), b.text[ordinal.start() : e]
    longer = next((x for x in b.entries.values() if x.type == "Organization" and x.label.endswith(" " + name)), None)
    if longer is not None:  # "Air Corps" after "Velorian Air Corps": the same body, named short
        b.add(longer.key, Mention(s, e, name, longer.key, "short"))
        return
    key = "~" + slug(name)
    b.add(
        key,
        Mention(s, e, name, key, "found"),
        label=name,
        type="Organization",
        registry=None,
        rule=rule,
        confidence=conf,
    )


def add_short_mentions(b: Builder, paragraphs: list[tuple[int, int]]) -> None:
    """Bare family names (and "Ms. Doe") of text-found people after their first full mention, and the
    distinctive first word of text-found organisations ("Skyline" for "Skyline Airways")."""
    for e in list(b.entries.values()):
        if e.registry is not None or len(e.label.split()) < 2:
            continue
        person = e.type == "Person"
        family = e.label.split()[-1] if person else e.label.split()[0]
        if (
            family in NOT_NAME
            or family in b.registry.surfaces
            or not family.replace("-", "").isalpha()
            or (not person and (family in _GENERIC_ORG_WORDS or _DEMONYM_SHAPE.match(family)))
        ):
            continue
        first = min(m.start for m in e.mentions)
        for ps, pe in paragraphs:
            if pe <= first:
                continue
            for ms, me in word_spans(b.text, family, max(ps, first), pe):  # word_pattern(family), not compiled
                if b.overlaps(ms, me):
                    continue
                if not person and _NEXT_CAPITAL.match(b.text, me):
                    continue  # "Skyline Holdings" is another organisation
                b.add(e.key, Mention(ms, me, family, e.key, "short"))
