"""Actor mentions in an article and their resolution to one record per actor.

Sources of mentions, in order of trust:

1. Registry names and aliases (``seeds/actors.ttl``), longest match first.
2. Family names of registry people, after the full name was seen or right after a title ("Chairman Kim"
   resolves to the namesake holding the role Chairman; a bare "Kim" to the namesake already seen with a
   leader role, never merging two full names).
3. Capitals and metonyms ("Pyongyang", "Kremlin") and demonyms ("North Korean"): mentions of the country.
4. Actors found in text only: a title followed by a capitalised name ("Finance Minister Jane Doe"), the
   speaker of a quote ("…," said Jane Doe), an appositive ("Jane Doe, the finance minister") and organisation
   names ("Acme Corp", "Ministry of Finance"); later bare family names of such people.

A country becomes an actor only when some mention stands as an actor: not after a locative preposition
("to Pyongyang", "in Singapore") and not as a modifier ("Singapore declaration", "U.S.-North Korea talks").
Demonyms never create an actor on their own. Text-found actors have ``iri`` None: mapping mints
``kga:<slug(label)>`` (:func:`kg.extract.slugs.actor_iri`), the same IRI a registry entry of that name has.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from kg.extract.lexicon import NOT_NAME, ORG_HEAD_SET, ORG_NOUNS, SPEECH_VERBS, TITLE, TITLE_RE, words
from kg.extract.registry import Registry, RegistryActor
from kg.extract.slugs import slug
from kg.records import Actor, Span

_LOCATIVE_WORDS = words(
    """
        in at to from into near across throughout inside outside around toward towards via after before visit
        visited visiting visits over through within reach reached
        """
)
_TEMPORAL_WORDS = frozenset({"after", "before", "since", "following", "until", "post"})
#: nouns naming events and documents: a place before them or after "summit in" only sets the scene
EVENT_NOUNS = words(
    """
        summit summits talks meeting meetings encounter visit trip conference declaration agreement accord deal
        spirit process format framework communique communiqué statement treaty pact protocol forum consensus
        round ceremony celebration celebrations parade games olympics negotiations session sidelines rally
        speech address convention congress meet met held hold hosted gather gathered convene convened
        """
)
#: nouns for people and bodies through which a country acts
AGENT_NOUNS = words(
    """
        officials official government governments leader leaders leadership ministry ministries military forces
        troops army navy diplomats diplomat envoy envoys delegation delegates embassy authorities lawmakers
        negotiators administration regime counterpart counterparts hosts state media media regulators regulator
        police spokesman spokeswoman spokesperson prime president minister foreign
        """
) | {
    "state media",
    "foreign ministry",
    "finance ministry",
    "defence ministry",
    "defense ministry",
    "central bank",
    "prime minister",
    "foreign minister",
}
_NEXT_WORD = re.compile(r"\s*([-–]?)(\w[\w'’]*)?")
_NOT_MODIFIED = words(
    """
        is was are were has had have will would can could may might must should shall does did do and or but as
        which who that also said says on in at for with of to by from has been being not never again alone
        itself too still already now then however while when if than because since so be into over under
        """
)
_NAME = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Za-z][a-zà-ÿ]+)?"
_PERSON = rf"{_NAME}(?:\s+(?:[A-Z]\.\s+)?(?:(?:de|van|von|der|bin|al|da|dos|del|la|le)\s+)?{_NAME}){{1,3}}"
_CAP_RUN = re.compile(
    r"(?<![\w’'.-])[A-Z][\w’'.-]*(?:[ \u00a0]+(?:(?:de|van|von|der|bin|al|da|dos|del|la|le)[ \u00a0]+)?"
    r"[A-Z][\w’'.-]*)*"
)
_SPEECH_AFTER = re.compile(rf",?\s+(?:also\s+|later\s+)?(?:{SPEECH_VERBS})\b")
_SPEECH_WORD = re.compile(rf"^(?:{SPEECH_VERBS})$")
_APPOSITIVE_AFTER = re.compile(rf",\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w.-]+\s+){{0,4}}?{TITLE}\b")
_ON_PLATFORM = re.compile(r"\b(?:on|via)\s+$")
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
_ORG_WORD = r"[A-Z][\w&'’.-]*"
_ORG = re.compile(
    rf"(?<![\w’'.-]){_ORG_WORD}(?:[ \u00a0]+(?:(?:of|for|and|&)[ \u00a0]+(?:the[ \u00a0]+)?)?{_ORG_WORD}){{1,6}}"
)
_ORG_OF = re.compile(
    r"\b(?:Ministry|Department|Bank|Office|Bureau|Council|Institute|University|Commission|"
    r"Court|Parliament)\s+(?:of|for)\s+"
)
_POSSESSIVE = re.compile(r"['’]s?\b")


@dataclass
class Mention:
    """One mention: offsets, the actor key it resolves to, how it was found and how it stands."""

    start: int
    end: int
    text: str
    key: str
    kind: str  # name | short | capital | metonym | demonym | found
    actor_position: bool = True
    possessive: bool = False


@dataclass
class ActorEntry:
    """An actor of the article while it is being built."""

    key: str
    label: str
    type: str
    registry: RegistryActor | None
    rule: str
    confidence: float
    mentions: list[Mention] = field(default_factory=list)

    @property
    def created(self) -> bool:
        """True when some mention makes it an actor (see module doc)."""
        if self.type == "Country":
            return any(m.actor_position for m in self.mentions)
        return any(m.kind != "demonym" for m in self.mentions)


@dataclass
class ActorIndex:
    """The actors of one article: entries, their ids and every mention in text order."""

    entries: dict[str, ActorEntry]
    ids: dict[str, str]
    mentions: list[Mention]

    def __post_init__(self) -> None:
        self._starts = [m.start for m in self.mentions]
        self._by_id = {i: self.entries[k] for k, i in self.ids.items()}

    def id_of(self, key: str) -> str | None:
        """The record id ("a3") of an actor key, if it became an actor."""
        return self.ids.get(key)

    def entry(self, actor_id: str) -> ActorEntry | None:
        """The entry behind a record id."""
        return self._by_id.get(actor_id)

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions of created actors inside ``[start, end)``, in text order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def _before(self, pos: int) -> list[Mention]:
        return self.mentions[: bisect.bisect_left(self._starts, pos)]

    def last_person_before(self, pos: int, floor: int = 0) -> str | None:
        """Id of the last person named before *pos* (not a possessive, if any such exists), for pronouns."""
        fallback = None
        for m in reversed(self._before(pos)):
            if m.start < floor:
                break
            if self.entries[m.key].type != "Person":
                continue
            if not m.possessive:
                return self.ids[m.key]
            fallback = fallback or self.ids[m.key]
        return fallback

    def last_of_type(self, pos: int, type_name: str, head: str | None = None) -> str | None:
        """Id of the last actor of *type_name* before *pos* (whose label contains *head*, when given)."""
        for m in reversed(self._before(pos)):
            e = self.entries[m.key]
            if e.type == type_name and (head is None or head.lower() in e.label.lower()):
                return self.ids[m.key]
        return None

    def records(self) -> list[Actor]:
        """The Actor records, ordered by id."""
        out = []
        for key, actor_id in sorted(self.ids.items(), key=lambda kv: int(kv[1][1:])):
            e = self.entries[key]
            out.append(
                Actor(
                    id=actor_id,
                    label=e.label,
                    type=e.type,
                    wikidata=e.registry.wikidata if e.registry else None,
                    iri=e.registry.iri if e.registry else None,
                    mentions=[Span(m.start, m.end, m.text) for m in e.mentions],
                    rule=e.rule,
                    confidence=e.confidence,
                )
            )
        return out


def _is_locative(text: str, start: int) -> bool:
    """True when a place name only sets the scene of an event: the place of a meeting ("summit in Oslo",
    "encounter in Singapore"), or an event named by its place ("after Singapore")."""
    words = text[max(0, start - 60) : start].split()
    if words and words[-1].lower() == "the":
        words.pop()
    if not words:
        return False
    last = words[-1].lower()
    if last in _TEMPORAL_WORDS:
        return True
    if last in ("in", "at", "to"):
        before = [w.lower().strip(",’'s") for w in words[-5:-1]]
        return any(w in EVENT_NOUNS for w in before)
    return False


def _after_preposition(text: str, start: int) -> bool:
    """True after a locative preposition ("in Brussels", "to Pyongyang"): a capital as a place, not a
    government."""
    words = text[max(0, start - 25) : start].split()
    if words and words[-1].lower() == "the":
        words.pop()
    return bool(words) and words[-1].lower() in _LOCATIVE_WORDS


def _is_modifier(text: str, end: int) -> bool:
    """True when the name modifies an event or document noun ("Singapore declaration", "Paris agreement")
    or forms a hyphen compound ("U.S.-North Korea talks")."""
    m = _NEXT_WORD.match(text, end)
    if not m or text.startswith(("’s", "'s"), end):
        return False
    if m.group(1) and m.group(2):
        return True
    word = m.group(2)
    if not word or text[m.start(2) - 1] not in " \u00a0":
        return False
    return word.lower() in EVENT_NOUNS


def _is_agent_modifier(text: str, end: int) -> bool:
    """True when a country word modifies an acting person or body ("U.S. officials", "Estonian Prime
    Minister", "Chinese state media"): the country acts through them."""
    words = text[end : end + 40].split()[:3]
    if not words:
        return False
    first = words[0].strip(",.;:’'")
    if first.lower() in AGENT_NOUNS:
        return True
    two = " ".join(w.strip(",.;:") for w in words[:2])
    return bool(TITLE_RE.match(first) or TITLE_RE.match(two) or two.lower() in AGENT_NOUNS)


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True when a country name is glued to other capitalised words ("Latin America", "Washington Post")."""
    if start >= 2 and text[start - 1] in " \u00a0":
        words = text[max(0, start - 30) : start].split()
        prev = words[-1] if words else ""
        if (
            prev[:1].isupper()
            and (prev[-1].isalnum() or prev.endswith(("’s", "'s")))
            and prev not in NOT_NAME
            and not TITLE_RE.match(prev)
        ):
            before = text[max(0, start - 1 - len(prev) - 3) : start - 1 - len(prev)]
            if before.strip() and before.rstrip()[-1:] not in '.!?:;"“”(\n':
                return True
    if end < len(text) and text[end] in " \u00a0":
        nxt = text[end + 1 : end + 30].split(maxsplit=1)
        word = nxt[0] if nxt else ""
        if word[:1].isupper() and word[1:2].islower() and word.isalpha():
            return word not in NOT_NAME and not TITLE_RE.match(word)
    return False


class _Builder:
    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.entries: dict[str, ActorEntry] = {}
        self.taken = bytearray(len(text) + 1)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self.taken[start:end])

    def add(self, key: str, mention: Mention, **entry: object) -> None:
        if key not in self.entries:
            self.entries[key] = ActorEntry(key=key, mentions=[], **entry)  # type: ignore[arg-type]
        elif entry and self.entries[key].rule == "registry.demonym" and mention.kind != "demonym":
            self.entries[key].rule = str(entry["rule"])
            self.entries[key].confidence = float(entry["confidence"])  # type: ignore[arg-type]
        mention.possessive = bool(_POSSESSIVE.match(self.text, mention.end))
        self.entries[key].mentions.append(mention)
        self.taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)

    def add_registry(self, a: RegistryActor, m: Mention, rule: str, confidence: float) -> None:
        self.add(a.slug, m, label=a.label, type=a.type, registry=a, rule=rule, confidence=confidence)

    def seen(self, slug_: str) -> bool:
        e = self.entries.get(slug_)
        return bool(e and any(m.kind in ("name", "short") for m in e.mentions))

    def resolve_short(self, surface: str, candidates: list[RegistryActor], start: int) -> RegistryActor | None:
        title = _title_words_before(self.text, start)
        if title:
            holders = [c for c in candidates if c.has_role(title.split()[-1])]
            holders = holders or [c for c in candidates if c.has_role(title)]
            if holders:
                seen = [c for c in holders if self.seen(c.slug)]
                return max(seen or holders, key=lambda c: c.salience)
        seen = [c for c in candidates if self.seen(c.slug)]
        if not seen:
            return None
        return max(seen, key=lambda c: (c.salience, max(m.start for m in self.entries[c.slug].mentions)))


def find_actors(text: str, paragraphs: list[tuple[int, int]], registry: Registry) -> ActorIndex:
    """Every actor mention in the content *paragraphs* of *text*, resolved to one entry per actor."""
    b = _Builder(text, registry)
    for ps, pe in paragraphs:
        _registry_mentions(b, ps, pe)
    for ps, pe in paragraphs:
        _found_mentions(b, ps, pe)
    _found_short_mentions(b, paragraphs)
    created = {k: e for k, e in b.entries.items() if e.created}
    for e in created.values():
        e.mentions.sort(key=lambda m: m.start)
    ordered = sorted(created.values(), key=lambda e: e.mentions[0].start)
    ids = {e.key: f"a{i}" for i, e in enumerate(ordered, 1)}
    mentions = sorted((m for e in ordered for m in e.mentions), key=lambda m: m.start)
    return ActorIndex(entries=created, ids=ids, mentions=mentions)


def _registry_mentions(b: _Builder, start: int, end: int) -> None:
    text, reg = b.text, b.registry
    for m in reg.pattern.finditer(text, start, end):
        surface = m.group()
        entries = reg.surfaces.get(surface, [])
        by_kind: dict[str, list[RegistryActor]] = {}
        for actor_slug, kind in entries:
            by_kind.setdefault(kind, []).append(reg.actors[actor_slug])
        mention = Mention(m.start(), m.end(), surface, "", "name")
        if "name" in by_kind or "metonym" in by_kind:
            kind = "name" if "name" in by_kind else "metonym"
            a = by_kind[kind][0]
            single = " " not in surface
            if (a.type == "Country" or single) and _inside_longer_name(text, m.start(), m.end()):
                continue  # part of a longer name: "Latin America", "National People's Congress"
            if a.type == "Organization" and single and _ON_PLATFORM.search(text, max(0, m.start() - 4), m.start()):
                continue  # "said on Twitter": a channel, not an actor
            mention.kind, mention.key = kind, a.slug
            if a.type == "Country":
                mention.actor_position = not (
                    _is_locative(text, m.start()) or _is_modifier(text, m.end())
                ) or _is_agent_modifier(text, m.end())
            b.add_registry(a, mention, "registry.name" if kind == "name" else "registry.metonym", 1.0)
        elif "capital" in by_kind:
            a = by_kind["capital"][0]
            if _inside_longer_name(text, m.start(), m.end()):
                continue
            mention.kind, mention.key = "capital", a.slug
            mention.actor_position = not (
                _after_preposition(text, m.start()) or _is_modifier(text, m.end())
            ) or _is_agent_modifier(text, m.end())
            b.add_registry(a, mention, "registry.capital", 0.9)
        elif "short" in by_kind:
            found = b.resolve_short(surface, by_kind["short"], m.start())
            if found is not None:
                mention.kind, mention.key = "short", found.slug
                b.add_registry(found, mention, "registry.short-name", 0.9)
        elif "demonym" in by_kind:
            candidates = by_kind["demonym"]
            a = next((c for c in candidates if c.slug in b.entries), candidates[0])
            mention.kind, mention.key = "demonym", a.slug
            mention.actor_position = a.type == "Country" and _is_agent_modifier(text, m.end())
            b.add_registry(a, mention, "registry.demonym", 0.8)


def _clean_name(name: str) -> str:
    words = name.split()
    while words and (words[-1].rstrip("’'s") in NOT_NAME or words[-1] in NOT_NAME):
        words.pop()
    while words and words[0] in NOT_NAME:
        words.pop(0)
    return " ".join(words)


def _person_ok(name: str, registry: Registry) -> bool:
    words = name.split()
    if len(words) < 2 or any(w in NOT_NAME for w in words):
        return False
    return not any(kind in ("name", "demonym", "metonym") for _, kind in registry.surfaces.get(words[0], []))


def _title_prefix(words: list[str]) -> int:
    """How many leading words of a capitalised run form a title ("Finance Minister" of "Finance Minister
    Jane Doe"), after leading country words ("U.S.", "Chinese"); 0 when none."""
    for k in range(min(len(words) - 1, 6), 0, -1):
        if TITLE_RE.match(" ".join(words[:k])):
            return k
    return 0


def _title_before(text: str, start: int) -> bool:
    """True when one to three words right before *start* form a title ("spokesperson John Smith")."""
    return _title_words_before(text, start) is not None


def _title_words_before(text: str, start: int) -> str | None:
    """The longest title (up to four words) ending right before *start*, else None."""
    if start == 0 or not text[start - 1].isspace():
        return None
    words = text[max(0, start - 45) : start].split()
    if words and words[-1].endswith(","):
        words[-1] = words[-1][:-1]
    for k in (4, 3, 2, 1):
        if len(words) >= k and TITLE_RE.match(" ".join(words[-k:])):
            return " ".join(words[-k:])
    return None


def _found_mentions(b: _Builder, start: int, end: int) -> None:
    """People and organisations named only in the text (see module doc)."""
    _found_orgs(b, start, end)
    text, reg = b.text, b.registry
    for run in _CAP_RUN.finditer(text, start, end):
        if " " not in run.group() or all(b.taken[run.start() : run.end()]):
            continue  # one word, or all registry names: never a new person
        words = _SENTENCE_CUT.split(run.group(), maxsplit=1)[0].split()
        offsets = [m.start() for m in _NON_SPACE.finditer(run.group())]
        skip = 0
        while skip < len(words) - 1 and any(
            k in ("demonym", "name") and reg.actors[a].type == "Country"
            for a, k in reg.surfaces.get(words[skip].rstrip("’'s"), [])
        ):
            skip += 1
        titled = _title_prefix(words[skip:])
        first = skip + titled
        name = _clean_name(" ".join(words[first:]).rstrip(".,"))
        name = re.sub(r"['’]s?$", "", name)
        if not name or len(name.split()) > 4:
            continue
        s = text.find(name, run.start() + (offsets[first] if first < len(offsets) else 0), run.end())
        if s < 0 or b.overlaps(s, s + len(name)) or name.split()[-1] in ORG_HEAD_SET:
            continue
        key = "~" + slug(name)
        if key in b.entries:
            b.add(key, Mention(s, s + len(name), name, key, "found"))
            continue
        if not _person_ok(name, reg):
            continue
        prev = text[max(start, run.start() - 20) : run.start()].split()
        if titled or _title_before(text, run.start()):
            rule, conf = "found.title-name", 0.8
        elif (prev and _SPEECH_WORD.match(prev[-1])) or _SPEECH_AFTER.match(text, s + len(name)):
            rule, conf = "found.speaker", 0.7
        elif _APPOSITIVE_AFTER.match(text, s + len(name)):
            rule, conf = "found.appositive", 0.75
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


def _found_orgs(b: _Builder, start: int, end: int) -> None:
    text = b.text
    for m in _ORG.finditer(text, start, end):
        raw = _SENTENCE_CUT.split(m.group(), maxsplit=1)[0].rstrip(".,;:")
        words = raw.split()
        if words[-1] not in ORG_HEAD_SET and not _ORG_OF.search(raw):
            continue
        while words and (words[0] in NOT_NAME and words[0] not in ORG_HEAD_SET or words[0] in ("of", "and")):
            words.pop(0)
        name = " ".join(words)
        if len(words) < 2:
            continue
        _add_org(b, text.find(name, m.start()), name, "found.organization", 0.6)
    for run in _CAP_RUN.finditer(text, start, end):
        name = re.sub(r"['’]s?$", "", _SENTENCE_CUT.split(run.group(), maxsplit=1)[0].rstrip(".,;:"))
        words = name.split()
        if not words or len(words) > 4 or words[0] in NOT_NAME or b.overlaps(run.start(), run.start() + len(name)):
            continue
        after = run.start() + len(name)
        if _ORG_DESCRIPTOR.search(text, max(start, run.start() - 40), run.start()):
            _add_org(b, run.start(), name, "found.organization.descriptor", 0.65)
        elif _ORG_APPOSITIVE.match(text, after):
            _add_org(b, run.start(), name, "found.organization.appositive", 0.65)
        elif len(words) == 1 and _ORG_FOLLOWER.match(text, after) and name not in b.registry.surfaces:
            longer = next(
                (e for e in b.entries.values() if e.registry is None and e.label.startswith(name + " ")), None
            )
            if longer is not None:
                b.add(longer.key, Mention(run.start(), after, name, longer.key, "short"))
            elif not TITLE_RE.match(name):
                _add_org(b, run.start(), name, "found.organization.role", 0.55)


def _add_org(b: _Builder, s: int, name: str, rule: str, conf: float) -> None:
    e = s + len(name)
    if s < 0 or b.overlaps(s, e):
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


def _found_short_mentions(b: _Builder, paragraphs: list[tuple[int, int]]) -> None:
    """Bare family names (and "Ms. Doe") of text-found people after their first full mention."""
    found = [
        e
        for e in b.entries.values()
        if e.registry is None
        and len(e.label.split()) > 1
        and (e.type == "Person" or e.rule in ("found.organization.descriptor", "found.organization.appositive"))
    ]
    for e in found:
        family = e.label.split()[-1] if e.type == "Person" else e.label.split()[0]
        if family in NOT_NAME or family in b.registry.surfaces:
            continue
        first = min(m.start for m in e.mentions)
        pattern = re.compile(rf"(?<![\w-]){re.escape(family)}(?![\w-])")
        for ps, pe in paragraphs:
            if pe <= first:
                continue
            for m in pattern.finditer(b.text, max(ps, first), pe):
                if not b.overlaps(m.start(), m.end()):
                    b.add(e.key, Mention(m.start(), m.end(), family, e.key, "short"))
