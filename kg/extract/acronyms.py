"""Organisations named by an acronym or a single word, known by how the text uses them.

- ``found.acronym.defined``  "the Maritime Safety Bureau (MSB)": the acronym is the organisation
  named before it (a registry or text-found actor, or a capitalised phrase whose initials it spells), and
  every later "MSB" is a mention of it.
- ``found.acronym``          an acronym that acts: followed by a verb ("KSA said", "the VPR will") or a
  possessive ("KSA's"), or used twice or more; units, times and roles are never actors
  (``lexicon/common_acronyms.txt``).
- ``found.one-word``         a single capitalised word that acts (subject of a verb or possessor) at least
  twice, never written in lower case, never opening a sentence only ("Velora said …", "Velora's survey").

>>> from kg.extract.registry import load_registry
>>> from kg.extract.mentions import Builder
>>> text = "The Maritime Safety Bureau (MSB) said on Monday it would act. MSB inspectors left."
>>> b = Builder(text, load_registry())
>>> add_acronym_mentions(b, [(0, len(text))])
>>> [(e.label, [m.text for m in e.mentions]) for e in b.entries.values()]
[('Maritime Safety Bureau', ['Maritime Safety Bureau', 'MSB', 'MSB'])]
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.lexicon import GIVEN_NAMES, NOT_NAME, ORG_HEAD_SET, SPEECH_VERBS, load
from kg.extract.mentions import Builder, Mention, word_spans
from kg.extract.slugs import slug

_COMMON = frozenset(load("common_acronyms"))
_DEFINED = re.compile(
    r"(?P<long>[A-Z][\w’'&.-]*(?:[ \u00a0]+(?:(?:of|for|and|the|on|de|du|des|&)[ \u00a0]+)*[A-Z][\w’'&.-]*){1,8})"
    r"[ \u00a0]*\((?P<short>[A-Z][A-Za-z&]{1,8}\+?)\)"
)
#: (each opens with its capital and looks behind it after: the same matches as a look-behind first, and the
#: engine can skip ahead to the capitals)
_ACRONYM = re.compile(r"[A-Z](?<![\w.-][A-Z])[A-Z&]{1,6}\+?(?![\w-])")
_CAMEL = re.compile(r"[A-Z](?<![\w.’'-][A-Z])[a-z]+[A-Z][A-Za-z]*(?![\w-])")
_WORD = re.compile(r"[A-Z](?<![\w.’'-][A-Z])[a-z]{2,}(?![\w-])")
#: what makes a name act: a verb after it or a possessive
ACTS = re.compile(
    rf"(?:[’']s\b|[ \u00a0]+(?:(?:also|has|had|have|will|would|could|may|might|is|was|has\s+been)[ \u00a0]+)?"
    rf"(?:{SPEECH_VERBS}|issued|released|published|expects|expected|plans|planned|wants|wanted|launched|"
    rf"decided|approved|agreed|won|lost|leads|led|took|gave|made|will|would|could|may|might|has|had|is|was|"
    rf"reports|forecasts|estimated|shows|showed|found|[a-z]{{3,}}ed|[a-z]{{3,}}[^s's]s)\b)"
)
#: a passive agent or a source: "decided by the KSA", "according to Velora"
_AGENT_BEFORE = re.compile(r"\b(?:by|according\s+to|from|told|with)[ \u00a0]+(?:the[ \u00a0]+)?$")
#: a speaker label of a transcript: "ROE: …", "ROE (VIA AN INTERPRETER): …"
_LABEL_AFTER = re.compile(r"(?:[ \u00a0]*\([^)\n]{0,40}\))?[ \u00a0]*:")
_CAPS_BEFORE = re.compile(r"[A-Z]{2,}\W{1,2}$")
_CAPS_AFTER = re.compile(r"\W{1,2}[A-Z]{2,}")
#: a capitalised word after an acronym that makes the acronym initials of a name ("JKT Moran"), unless it is
#: a role of the body ("KSA Administrator", "KSA officials")
_NAME_AFTER = re.compile(
    r"[ \u00a0]+(?!(?:Administrator|Commander|Chief|Director|Officials?|Spokes\w+|Chairman|President|Head)\b)"
    r"[A-Z][a-z]"
)
_NUMBER_BEFORE = re.compile(r"\d[ \u00a0]*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:][\"”’']?\s+|\n\s*|[“\"]\s*)$")
_STOP_JOIN = frozenset({"of", "for", "and", "the", "on", "de", "du", "des", "&"})


def _caps_neighbour(text: str, start: int, end: int) -> bool:
    """True when an acronym stands next to another word in capitals or before a name."""
    return bool(
        _LABEL_AFTER.match(text, end)
        or _CAPS_BEFORE.search(text, max(0, start - 12), start)
        or _CAPS_AFTER.match(text, end)
        or _NAME_AFTER.match(text, end)
    )


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w not in _STOP_JOIN and w[:1].isupper()).upper()


def add_acronym_mentions(b: Builder, paragraphs: list[tuple[int, int]]) -> None:
    """Acronyms defined in the text, acting acronyms and acting one-word names (see module doc)."""
    text = b.text
    keys: dict[str, str] = {}
    for ps, pe in paragraphs:
        if text.find("(", ps, pe) == -1:
            continue  # a definition is written in parentheses
        for m in _DEFINED.finditer(text, ps, pe):
            short = m.group("short").rstrip("+")
            owner = _owner(b, m.start("long"), m.end("long"))
            if owner is None:
                long = _tail_matching(m.group("long"), short)
                if long is None or long.split()[-1] not in ORG_HEAD_SET:
                    continue
                s = m.end("long") - len(long)
                if b.overlaps(s, m.end("long")):
                    continue
                owner = "~" + slug(long)
                b.add(
                    owner,
                    Mention(s, s + len(long), long, owner, "found"),
                    label=long,
                    type="Organization",
                    registry=None,
                    rule="found.acronym.defined",
                    confidence=0.75,
                )
            keys.setdefault(m.group("short"), owner)
    acts: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for ps, pe in paragraphs:
        for pattern in (_ACRONYM, _CAMEL):
            for m in pattern.finditer(text, ps, pe):
                number = _NUMBER_BEFORE.search(text, max(ps, m.start() - 3), m.start())
                if number or _caps_neighbour(text, m.start(), m.end()):
                    continue  # "A320 NEO": a model; "ROE (VIA AN INTERPRETER)": a label; "JKT Moran": initials
                seen[m.group()] += 1
                if ACTS.match(text, m.end()) or _AGENT_BEFORE.search(text, max(ps, m.start() - 20), m.start()):
                    acts[m.group()] += 1
    for word, n in seen.items():
        if word in keys or word in _COMMON or word in b.registry.surfaces or word in NOT_NAME:
            continue
        if acts[word] or (n >= 2 and word.isupper()):
            keys[word] = "~" + slug(word)
    for word, key in keys.items():
        if key not in b.entries:  # "VAC" after "Velorian Air Corps": the initials of a body already named
            key = next(
                (e.key for e in b.entries.values() if e.type == "Organization" and _initials(e.label) == word), key
            )
        _mention_all(b, word, key, "found.acronym")
    _one_word_names(b, paragraphs)


def _owner(b: Builder, start: int, end: int) -> str | None:
    """The actor named by the phrase ending at *end*, if a mention ends there."""
    for e in b.entries.values():
        if e.type != "Person" and any(m.end == end and m.start >= start for m in e.mentions):
            return e.key
    return None


def _tail_matching(long: str, short: str) -> str | None:
    """The last words of *long* whose initials spell *short* ("the Maritime Safety Bureau", "MSB")."""
    words = long.split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if words[i] not in _STOP_JOIN and words[i] not in NOT_NAME and _initials(tail) == short.upper():
            return tail
    return None


def _mention_all(b: Builder, word: str, key: str, rule: str) -> None:
    for ms, me in word_spans(b.text, word, before="-."):  # word_pattern(word, dot=True), without compiling it
        if b.overlaps(ms, me) or not b.in_content(ms):
            continue
        if key in b.entries:
            b.add(key, Mention(ms, me, word, key, "short"))
        else:
            b.add(
                key,
                Mention(ms, me, word, key, "found"),
                label=word,
                type="Organization",
                registry=None,
                rule=rule,
                confidence=0.55,
            )


_DEMONYM_SHAPE = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ish|ese|an|i)s?$")


def _one_word_names(b: Builder, paragraphs: list[tuple[int, int]]) -> None:
    text = b.text
    acts: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for ps, pe in paragraphs:
        for m in _WORD.finditer(text, ps, pe):
            word = m.group()
            if word in NOT_NAME or word in GIVEN_NAMES or word in b.registry.surfaces:
                continue  # never a one-word name below, whatever its counts: skip the costlier tests
            if _SENTENCE_START.search(text, max(ps, m.start() - 4), m.start()) or b.overlaps(m.start(), m.end()):
                continue
            seen[word] += 1
            if ACTS.match(text, m.end()) or _AGENT_BEFORE.search(text, max(ps, m.start() - 20), m.start()):
                acts[word] += 1
    for word, n in acts.items():
        if (
            (n < 2 and seen[word] < 3)
            or word in NOT_NAME
            or word in GIVEN_NAMES
            or word in b.registry.surfaces
            or b.written_lower(word.lower())
            or _DEMONYM_SHAPE.match(word)
            or any(word in e.label.split() for e in b.entries.values())
        ):
            continue
        _mention_all(b, word, "~" + slug(word), "found.one-word")
