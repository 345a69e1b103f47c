"""Actor mentions in an article and their resolution to one record per actor.

Sources of mentions, in order of trust:

1. Registry names and aliases (``seeds/actors.ttl``), longest match first.
2. Family names of registry people, after the full name was seen or right after a title ("Chairman Kim"
   resolves to the namesake holding the role Chairman; a bare "Kim" to the namesake already seen with a
   leader role, never merging two full names).
3. Capitals and metonyms ("Ankara", "Kremlin") and demonyms ("South African"): mentions of the country.
4. Actors found in text only (:mod:`.names`): a title followed by a capitalised name ("Finance Minister Jane
   Doe"), the speaker of a quote ("…," said Jane Doe), an appositive ("Jane Doe, the finance minister"), a
   known given name, and organisation names ("Acme Corp", "Ministry of Finance"); later bare family names of
   such people and short names of such organisations. A state or country after a town ("Norcross, Georgia")
   is a place.

5. Countries missing from the registry, when the text uses a word as a state ("the government of X", or two
   weaker cues such as "visit to X" and "Xian Prime Minister"), and "the Commission" / "the Bank" for the one
   organisation named before whose label holds that head noun.

A country becomes an actor only when some mention stands as an actor: not after a locative preposition
("to Ankara", "in Geneva") and not as a modifier ("Geneva declaration", "U.S.-Iran talks").
Demonyms never create an actor on their own. Text-found actors have ``iri`` None: mapping mints
``kga:<slug(label)>`` (:func:`kg.extract.slugs.actor_iri`), the same IRI a registry entry of that name has.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.extract.acronyms import ACTS, add_acronym_mentions
from kg.extract.blocks import Block
from kg.extract.given_names import add_given_name_mentions
from kg.extract.lexicon import GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, NOT_NAME, ORG_HEAD_SET, TITLE_RE, load
from kg.extract.mentions import ActorEntry, Builder, Mention, word_spans
from kg.extract.names import add_found_mentions, add_short_mentions
from kg.extract.registry import Registry
from kg.extract.slugs import slug
from kg.records import Actor, Span

__all__ = ["ActorEntry", "ActorIndex", "Mention", "find_actors"]

_LOCATIVE_WORDS = frozenset(load("locative_words"))
_TEMPORAL_WORDS = frozenset({"after", "before", "since", "following", "until", "post"})
#: nouns naming events and documents: a place before them or after "summit in" only sets the scene
EVENT_NOUNS = frozenset(load("event_nouns"))
#: nouns for people and bodies through which a country acts
AGENT_NOUNS = frozenset(load("agent_nouns"))
_NEXT_WORD = re.compile(r"\s*([-–]?)(\w[\w'’]*)?")
_X = r"(?P<x>[A-Z][a-z]{3,})"
_SP = r"[ \u00a0]+"
_STRONG_COUNTRY_CUES = (
    re.compile(rf"\b[Tt]he{_SP}government{_SP}of{_SP}{_X}\b(?!{_SP}[A-Z])"),
    re.compile(rf"\b{_X}[’']s{_SP}government\b"),
)
_WEAK_COUNTRY_CUES = (
    re.compile(rf"\b(?:visit|trip|visits|visited|visiting){_SP}to{_SP}{_X}\b(?!{_SP}[A-Z])"),
    re.compile(rf"\b{_X}[’']s{_SP}(?:central{_SP}bank|prime{_SP}minister|president|parliament|economy)\b"),
    re.compile(
        rf"\b(?:President|Prime{_SP}Minister|King|Queen|Central{_SP}Bank|Republic|people){_SP}of{_SP}{_X}\b"
        rf"(?!{_SP}[A-Z])"
    ),
)
#: per cue pattern, words one of which it cannot match without (case as written there): a paragraph lacking
#: them all is not scanned with it
_CUE_WORDS = {
    _STRONG_COUNTRY_CUES[0]: ("government",),
    _STRONG_COUNTRY_CUES[1]: ("government",),
    _WEAK_COUNTRY_CUES[0]: ("visit", "trip"),
    _WEAK_COUNTRY_CUES[1]: ("central", "prime", "president", "parliament", "economy"),
    _WEAK_COUNTRY_CUES[2]: ("President", "Prime", "King", "Queen", "Central", "Republic", "people"),
}
#: the same as one literal alternation per pattern: one fast scan of a paragraph
_CUE_GATES = {p: re.compile("|".join(map(re.escape, ws))) for p, ws in _CUE_WORDS.items()}
_DEMONYM_TITLE = re.compile(
    r"(?P<d>[A-Z](?<!\w[A-Z])[a-z]{3,}(?:ian|an|ese|ish))[ \u00a0]+(?P<t1>[A-Za-z]+)(?:[ \u00a0]+(?P<t2>[A-Za-z]+))?"
)
_THE_HEAD = re.compile(r"[Tt](?<!\w[Tt])he[ \u00a0]+([A-Z][a-z]+)\b")  # "\b[Tt]he", scanned for its first letter
_NEXT_CAPITAL = re.compile(r"[ \u00a0]+[A-Z]|[-–]\w")
_ON_PLATFORM = re.compile(r"\b(?:on|via)\s+$")
#: capitalised words up to an organisation head right after a country word ("… Air Force", "… National Party")
_ORG_NAME_AFTER = re.compile(
    r"[ \u00a0]+(?:[A-Z][\w’'&-]*[ \u00a0]+){0,3}(?:"
    + "|".join(re.escape(h) for h in sorted(ORG_HEAD_SET - {"Ministry", "Office", "Department", "Government"}))
    + r")(?![\w-])"
)
_CITY_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?),[ \u00a0]$")


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

    def last_person_before(
        self, pos: int, floor: int = 0, *, skip: Callable[[Mention], bool] | None = None
    ) -> str | None:
        """Id of the last person named before *pos* (not a possessive, if any such exists), for pronouns;
        mentions for which *skip* is true are passed over."""
        fallback = None
        for m in reversed(self._before(pos)):
            if m.start < floor:
                break
            if self.entries[m.key].type != "Person" or (skip is not None and skip(m)):
                continue
            if not m.possessive:
                return self.ids[m.key]
            fallback = fallback or self.ids[m.key]
        return fallback

    def last_of_type(
        self, pos: int, type_name: str, head: str | None = None, *, skip: Callable[[Mention], bool] | None = None
    ) -> str | None:
        """Id of the last actor of *type_name* before *pos* (whose label contains *head*, when given), passing
        over mentions for which *skip* is true."""
        for m in reversed(self._before(pos)):
            e = self.entries[m.key]
            if skip is not None and skip(m):
                continue
            if e.type == type_name and (head is None or head.lower() in e.label.lower()):
                return self.ids[m.key]
        return None

    def gender(self, actor_id: str) -> str | None:
        """ "female" / "male" when the person's first name is a known given name, else None."""
        e = self._by_id.get(actor_id)
        if e is None or e.type != "Person":
            return None
        first = e.label.split()[0]
        if first in GIVEN_NAMES_FEMALE:
            return "female"
        return "male" if first in GIVEN_NAMES_MALE else None

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
    "encounter in Geneva"), or an event named by its place ("after Geneva")."""
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
    """True after a locative preposition ("in Brussels", "to Ankara"): a capital as a place, not a
    government."""
    words = text[max(0, start - 25) : start].split()
    if words and words[-1].lower() == "the":
        words.pop()
    return bool(words) and words[-1].lower() in _LOCATIVE_WORDS


def _is_modifier(text: str, end: int) -> bool:
    """True when the name modifies an event or document noun ("Geneva declaration", "Paris agreement")
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


def find_actors(
    text: str, paragraphs: list[tuple[int, int]], registry: Registry, *, blocks: Sequence[Block] = ()
) -> ActorIndex:
    """Every actor mention in the content *paragraphs* of *text*, resolved to one entry per actor; the sources
    named by *blocks* intros ("This via Acme Research:") are actors too."""
    b = Builder(text, registry)
    b.paragraphs = paragraphs
    for ps, pe in paragraphs:
        _registry_mentions(b, ps, pe)
    for block in blocks:
        _registry_mentions(b, *block.label)
        _block_source(b, block)
    for ps, pe in paragraphs:
        add_found_mentions(b, ps, pe)
    add_short_mentions(b, paragraphs)
    add_given_name_mentions(b, paragraphs)
    add_acronym_mentions(b, paragraphs)
    _found_countries(b, paragraphs)
    for ps, pe in paragraphs:
        _head_mentions(b, ps, pe)
    created = {k: e for k, e in b.entries.items() if e.created and (e.type != "Country" or _country_acts(b, e))}
    for e in created.values():
        e.mentions.sort(key=lambda m: m.start)
    ordered = sorted(created.values(), key=lambda e: e.mentions[0].start)
    ids = {e.key: f"a{i}" for i, e in enumerate(ordered, 1)}
    mentions = sorted((m for e in ordered for m in e.mentions), key=lambda m: m.start)
    return ActorIndex(entries=created, ids=ids, mentions=mentions)


def _block_source(b: Builder, block: Block) -> None:
    """The source an intro line names, when no known actor stands there: a person for a time-stamped
    transcript label of two or three words or a known given name, else an organisation."""
    s, e = block.label
    if b.overlaps(s, e):
        return
    name = b.text[s:e]
    words = name.split()
    if words[0] in NOT_NAME or name.isupper():
        return
    person = 2 <= len(words) <= 3 and (block.stamped or words[0] in GIVEN_NAMES_FEMALE | GIVEN_NAMES_MALE)
    key = "~" + slug(name)
    b.add(
        key,
        Mention(s, e, name, key, "found"),
        label=name,
        type="Person" if person else "Organization",
        registry=None,
        rule="found.source-label",
        confidence=0.6,
    )


_COORDINATED_AFTER = re.compile(r",?[ \u00a0]+and[ \u00a0]+(?:the[ \u00a0]+)?[A-Z]")
_PARTICIPANT_BEFORE = re.compile(
    r"\b(?:with|between|and|by|against|urged|told|for|accused|warned|joined|from)[ \u00a0]+(?:the[ \u00a0]+)?$"
)


def _country_acts(b: Builder, e: ActorEntry) -> bool:
    """True when some mention of a country shows it acting: a possessor, the subject of a verb, an agent
    modifier ("U.S. officials"), a capital or metonym standing for its government, or a party named with
    others ("talks with X", "between X and Y"); a country only named as a place is no actor."""
    text = b.text
    for m in e.mentions:
        if not m.actor_position:
            continue
        if m.possessive or m.kind in ("capital", "metonym") or _is_agent_modifier(text, m.end):
            return True
        if ACTS.match(text, m.end) or _PARTICIPANT_BEFORE.search(text, max(0, m.start - 14), m.start):
            return True
        if _COORDINATED_AFTER.match(text, m.end):  # "X and Y said", "X and Y have resisted"
            return True
    return False


def _registry_mentions(b: Builder, start: int, end: int) -> None:
    text, reg = b.text, b.registry
    for m in reg.pattern.finditer(text, start, end):
        surface = m.group()
        by_kind = reg.kinds(surface)
        mention = Mention(m.start(), m.end(), surface, "", "name")
        if _ORG_NAME_AFTER.match(text, m.end()) and not b.registry.pattern.match(text, m.end() + 1):
            continue  # "Indian Air Force", "Scottish National Party": the first word of a longer name
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
                mention.actor_position = (
                    not (_is_locative(text, m.start()) or _is_modifier(text, m.end()))
                    or _is_agent_modifier(text, m.end())
                ) and not _after_city(b, m.start(), m.end())
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


def _found_countries(b: Builder, paragraphs: list[tuple[int, int]]) -> None:
    """Countries missing from the registry, known by how the text uses them: one strong cue ("the government
    of X", "X's government") or two weaker ones ("visit to X", "X's central bank", "President of X", "Central
    Bank of X", a demonym "Xian" before a title). Bare words taken by other actors never count."""
    text = b.text
    strong: dict[str, int] = {}
    weak: dict[str, int] = {}
    scans = [(strong, p) for p in _STRONG_COUNTRY_CUES] + [(weak, p) for p in _WEAK_COUNTRY_CUES]
    scans = [(cues, p) for cues, p in scans if any(w in text for w in _CUE_WORDS[p])]  # cue words in the text
    for ps, pe in paragraphs:
        for cues, pattern in scans:
            if _CUE_GATES[pattern].search(text, ps, pe) is None:
                continue  # only where its words are
            for m in pattern.finditer(text, ps, pe):
                name = m.group("x")
                if not b.overlaps(m.start("x"), m.end("x")) and _country_word(b, name):
                    cues[name] = cues.get(name, 0) + 1
        for m in _DEMONYM_TITLE.finditer(text, ps, pe):
            if TITLE_RE.match(m.group("t1")) or TITLE_RE.match(f"{m.group('t1')} {m.group('t2') or ''}".strip()):
                for name in _stems(m.group("d")):
                    weak[name] = weak.get(name, 0) + 1
    for name in {*strong, *(n for n, k in weak.items() if k >= 2)}:
        if name not in strong and weak.get(name, 0) < 2 or not _country_word(b, name):
            continue
        key = "~" + slug(name)
        for ps, pe in paragraphs:
            for ms, me in word_spans(text, name, ps, pe):  # word_pattern(name), without compiling it
                if b.overlaps(ms, me) or _inside_longer_name(text, ms, me):
                    continue
                mention = Mention(ms, me, name, key, "found")
                mention.actor_position = not (
                    _is_locative(text, ms) or _is_modifier(text, me)
                ) or _is_agent_modifier(text, me)
                b.add(key, mention, label=name, type="Country", registry=None, rule="found.country", confidence=0.6)


def _country_word(b: Builder, name: str) -> bool:
    """True when *name* may be an unknown country: not a registry name, function word, given name or part
    of another actor's label."""
    if name in b.registry.surfaces or name in NOT_NAME or name in GIVEN_NAMES_FEMALE or name in GIVEN_NAMES_MALE:
        return False
    return not any(name in e.label.split() for e in b.entries.values() if e.type != "Country")


def _stems(demonym: str) -> list[str]:
    """Country names a demonym may come from ("Velorian" -> "Veloria", "Velor")."""
    out = []
    for suffix, repl in (("ian", "ia"), ("an", "a"), ("ese", ""), ("ish", ""), ("ian", "")):
        if demonym.endswith(suffix):
            out.append(demonym[: -len(suffix)] + repl)
    return out


def _head_mentions(b: Builder, start: int, end: int) -> None:
    """ "the Commission" after "European Commission", "the Bank" after "Bank of England": the capitalised
    head noun of exactly one organisation named before it stands for that organisation."""
    for m in _THE_HEAD.finditer(b.text, start, end):
        head = m.group(1)
        if head not in ORG_HEAD_SET or b.overlaps(m.start(1), m.end(1)) or _NEXT_CAPITAL.match(b.text, m.end(1)):
            continue
        owners = {
            e.key
            for e in b.entries.values()
            if e.type == "Organization" and head in e.label.split() and any(x.start < m.start() for x in e.mentions)
        }
        if len(owners) == 1:
            key = owners.pop()
            b.add(key, Mention(m.start(1), m.end(1), head, key, "short"))


def _after_city(b: Builder, start: int, end: int) -> bool:
    """True for a state or country after a town ("Norcross, Georgia"): a place, not an actor."""
    city = _CITY_BEFORE.search(b.text, max(0, start - 30), start)
    if city is None or b.text.startswith(("’s", "'s"), end):
        return False
    return city.group(1) not in b.registry.surfaces and city.group(1) not in NOT_NAME
