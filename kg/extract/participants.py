"""Who takes part in a meeting: subjects, objects, pairs ("the two leaders") and compounds ("Trump-Kim").

Helpers of :mod:`kg.extract.meetings`; every function takes the :class:`~kg.extract.document.Document` and
returns actor ids.
"""

from __future__ import annotations

import re

from kg.extract.actors import Mention
from kg.extract.document import Document
from kg.extract.lexicon import alternation, load, words
from kg.extract.registry import Registry
from kg.extract.statements import resolve_pronoun

_TOKEN = re.compile(r"[\w.’'–-]+")
_MEETING_ADJECTIVES = words(
    """
        bilateral trilateral multilateral formal informal official annual ministerial state historic virtual
        emergency extraordinary high-level leaders leaders’ summit-level working first second third fourth fifth
        sixth seventh eighth ninth tenth 70th two-day three-day one-day
        """
)
_COMPOUND_STOP = re.compile(
    r"(?:\b(?:the|a|an|another|of|for|in|to|with|from|between|at|on|his|her|their|"
    r"its|this|that|first|second|third|fourth|fifth|sixth|next|new|planned|"
    r"anticipated|likely|possible|upcoming|historic|[,;:—(])\b|[,;:—(])\s*"
)
INTER = re.compile(r"\binter-(?P<dem>[A-Z][a-z]+)\b")
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_PAIR = re.compile(r"\b(?:[Tt]he\s+two|[Bb]oth)(?:\s+(?P<noun>[a-z]+))?\b")
_VERB_GAP = re.compile(
    r"^(?:[’']s)?(?:\s*,\s+[^,;]{1,60},)?\s*(?:(?:will|would|shall|is|are|was|were|has|have|had|also|"
    r"again|to|expected|due|set|scheduled|planning|plans|plan|hopes?|hoping|agreed|agree|be|not|"
    r"never|could|may|might|can|reportedly|then|later|finally|first|[’']ll|[’']d|likely|"
    r"unlikely|poised|want|wants|wanted|intends?|going|slated)\s+)*$"
)
NOT_WITH_PREPOSITION = re.compile(
    r"\b(?:of|for|to|in|at|from|by|on|about|against|after|before|since)\s+"
    r"(?:the\s+|a\s+|an\s+)?$"
)
_GROUP_FROM = re.compile(
    r"\b(?:negotiators|officials|delegations|delegates|representatives|leaders|ministers|"
    r"diplomats|envoys|teams|executives)\s+(?:from|of)\s+$",
    re.I,
)
_PERSON_NOUNS = words(
    """
        leaders men women ministers presidents officials sides executives chiefs envoys
        """
)
_COUNTRY_NOUNS = frozenset(["countries", "nations", "governments", "states", "neighbours", "neighbors", "capitals"])
_ORG_PLURALS = words(
    """
        companies firms boards groups blocs parties banks organisations organizations
        """
)
_PREPOSITION = re.compile(r"\b(?:of|for|to|in|at|with|from|by|between|toward|towards|on|about|against)\s+(?:the\s+)?$")
_TITLE_GAP = re.compile(r"^\s+(?:[A-Z][\w.’'-]*\s+|of\s+|the\s+){1,5}$")
_AND_GAP = re.compile(r"^(?:\s*,)?\s+and\s+(?:[\w.’'-]+\s+){0,5}$")


def subjects(doc: Document, start: int, end: int) -> list[str]:
    """The subject of a clause as actor ids: its first actor (or he/she, or "the two leaders", "both
    sides") that is not an adjective nor inside a prepositional phrase, with actors joined to it by "and"."""
    text = doc.text
    cands: list[tuple[int, int, list[str]]] = []
    within = doc.actors.within(start, end)
    for i, m in enumerate(within):
        entry = doc.actors.entries[m.key]
        if m.kind == "demonym" or (entry.type == "Country" and not m.actor_position):
            continue
        nxt = within[i + 1] if i + 1 < len(within) else None
        if (
            entry.type == "Country"
            and nxt is not None
            and doc.actors.entries[nxt.key].type == "Person"
            and _TITLE_GAP.match(text[m.end : nxt.start])
        ):
            continue  # "U.S. Senator Jane Q. Roe": the person is the subject
        cands.append((m.start, m.end, [doc.actors.ids[m.key]]))
        break
    pron = _PRONOUN.search(text, start, end)
    if pron:
        who = resolve_pronoun(doc, pron.start())
        if who:
            cands.append((pron.start(), pron.end(), [who]))
    pair = _PAIR.search(text, start, end)
    if pair:
        cands.append((pair.start(), pair.end(), last_two(doc, pair.start(), pair.group("noun") or "")))
    cands = [
        c
        for c in cands
        if c[2]
        and (
            not _PREPOSITION.search(text, max(start, c[0] - 12), c[0])
            or (pair is not None and c[0] == pair.start() and _GROUP_FROM.search(text, max(start, c[0] - 30), c[0]))
        )
    ]
    if not cands:
        return []
    first = min(cands, key=lambda c: c[0])
    ids = list(first[2])
    pos = first[1]
    for m in doc.actors.within(first[1], end):
        gap = text[pos : m.start]
        if not _AND_GAP.match(gap):
            if m.kind == "demonym" or (doc.actors.entries[m.key].type == "Country" and not m.actor_position):
                continue
            break
        if m.kind != "demonym":
            actor = doc.actors.ids[m.key]
            if actor not in ids:
                ids.append(actor)
        pos = m.end
    return ids


def verb_subject(doc: Document, start: int, verb: int) -> list[str]:
    """The actors doing a meeting verb: the subject right before it, modals and adverbs aside ("Biden and Xi
    will meet", "the two boards would meet", "he is due to meet"); [] when none is that close."""
    text = doc.text
    groups: list[tuple[int, int, list[str]]] = []
    for m in doc.actors.within(start, verb):
        entry = doc.actors.entries[m.key]
        if m.kind == "demonym" or (entry.type == "Country" and not m.actor_position):
            continue
        groups.append((m.start, m.end, [doc.actors.ids[m.key]]))
    for p in _PRONOUN.finditer(text, start, verb):
        who = resolve_pronoun(doc, p.start())
        if who:
            groups.append((p.start(), p.end(), [who]))
    for p in _PAIR.finditer(text, start, verb):
        groups.append((p.start(), p.end(), last_two(doc, p.start(), p.group("noun") or "")))
    groups = sorted((g for g in groups if g[2]), key=lambda g: g[1])
    if not groups or not _VERB_GAP.match(text[groups[-1][1] : verb]):
        return []
    ids = list(groups[-1][2])
    pos = groups[-1][0]
    for g in reversed(groups[:-1]):
        if not _AND_GAP.match(text[g[1] : pos]):
            break
        ids[:0] = [i for i in g[2] if i not in ids]
        pos = g[0]
    return ids


def last_two(doc: Document, pos: int, noun: str) -> list[str]:
    """The two actors a phrase like "the two leaders" or "both blocs" refers to: the last two before it."""
    noun = noun.lower()
    wanted = (
        "Person"
        if noun in _PERSON_NOUNS
        else "Country"
        if noun in _COUNTRY_NOUNS
        else "Organization"
        if noun in _ORG_PLURALS
        else None
    )
    leaders = noun in ("leaders", "presidents")
    for only_leaders in (True, False) if leaders else (False,):
        out: list[str] = []
        for m in reversed(doc.actors.within(max(0, pos - 1500), pos)):
            entry = doc.actors.entries[m.key]
            if m.kind == "demonym" or (wanted and entry.type != wanted) or (not wanted and entry.type == "Country"):
                continue
            if only_leaders and not (entry.registry and entry.registry.salience == 2):
                continue
            i = doc.actors.ids[m.key]
            if i not in out:
                out.append(i)
            if len(out) == 2:
                return list(reversed(out))
    return []


def ids(doc: Document, mentions: list[Mention]) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.kind == "demonym":
            continue
        i = doc.actors.ids[m.key]
        if i not in out:
            out.append(i)
    return out


def compound_start(doc: Document, floor: int, pos: int) -> int:
    """Start of the run of modifiers right before a meeting noun ("March 3 Ames-Bell encounter"): capitalised
    words, numbers, hyphen compounds, possessives and a few meeting adjectives; any other word ends it."""
    text = doc.text
    start = pos
    for m in reversed(list(_TOKEN.finditer(text, max(floor, pos - 80), pos))):
        if text[m.end() : start].strip():
            break
        word = m.group()
        if not (
            word[0].isupper()
            or word[0].isdigit()
            or "-" in word
            or word.lower() in _MEETING_ADJECTIVES
            or word.endswith(("’s", "'s"))
        ):
            break
        start = m.start()
    return start


def compound(doc: Document, floor: int, pos: int) -> list[Mention]:
    """Actor mentions in the run of modifiers right before a meeting noun ("June 12 Trump-Kim")."""
    return list(doc.actors.within(compound_start(doc, floor, pos), pos))


def inter_countries(doc: Document, registry: Registry, floor: int, pos: int) -> list[str]:
    """Countries named by "inter-Korean" right before a meeting noun: every demonym ending in the word."""
    out: list[str] = []
    if "inter-" not in doc.text[max(floor, pos - 40) : pos]:
        return out
    for m in INTER.finditer(doc.text, max(floor, pos - 40), pos):
        for country in registry.by_demonym_word.get(m.group("dem"), []):
            i = doc.actors.id_of(country)
            if i and i not in out:
                out.append(i)
    return out


def entry_type(doc: Document, actor_id: str) -> str:
    e = doc.actors.entry(actor_id)
    return e.type if e else ""


def registry_slug(doc: Document, actor_id: str) -> str | None:
    e = doc.actors.entry(actor_id)
    return e.registry.slug if e and e.registry else None


def all_leaders(doc: Document, people: list[str]) -> bool:
    entries = [doc.actors.entry(p) for p in people]
    return len(entries) >= 2 and all(
        e is not None and e.registry is not None and e.registry.salience == 2 for e in entries
    )


def dedupe_people_countries(doc: Document, ids: list[str]) -> list[str]:
    out = list(dict.fromkeys(ids))
    people_countries = {
        e.registry.country for p in out if (e := doc.actors.entry(p)) and e.registry and e.type == "Person"
    }
    return [p for p in out if not (entry_type(doc, p) == "Country" and registry_slug(doc, p) in people_countries)]


def leaders_for_countries(doc: Document, ids: list[str]) -> list[str]:
    """A summit between countries only ("the inter-Korean declaration") is one between their leaders when
    the article names exactly one leader of each; else *ids* unchanged."""
    if len(ids) < 2 or any(entry_type(doc, p) != "Country" for p in ids):
        return ids
    leaders: dict[str, list[str]] = {}
    for key, actor in doc.actors.ids.items():
        e = doc.actors.entries[key]
        if e.type == "Person" and e.registry is not None and e.registry.salience == 2 and e.registry.country:
            leaders.setdefault(e.registry.country, []).append(actor)
    out = [leaders.get(registry_slug(doc, p) or "", []) for p in ids]
    return [ls[0] for ls in out] if all(len(ls) == 1 for ls in out) else ids


def countries_of(doc: Document, ids: list[str]) -> frozenset[str]:
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


#: words before a meeting noun that make it one institution's regular meeting (``lexicon/body_meeting_words.txt``)
BODY_MEETING = re.compile(rf"\b(?:{alternation(load('body_meeting_words'))})\s+(?:[\w’'-]+\s+)?$", re.I)


def institution_at(doc: Document, pos: int) -> str | None:
    """The institution a meeting named without participants at *pos* belongs to ("a two-day policy meeting"):
    the organisation named last before *pos* in its sentence, else the one named most often before it (a
    news agency in a dateline is no candidate)."""
    ss, _ = doc.sentence_at(pos)
    orgs = [
        m
        for m in doc.actors.within(0, pos)
        if doc.actors.entries[m.key].type == "Organization" and not doc.in_dateline(m.start)
    ]
    if not orgs:
        return None
    same = [m for m in orgs if m.start >= ss]
    if same:
        return doc.actors.id_of(same[-1].key)
    counts: dict[str, int] = {}
    for m in orgs:
        counts[m.key] = counts.get(m.key, 0) + 1
    best = max(counts, key=lambda k: (counts[k], max(m.start for m in orgs if m.key == k)))
    return doc.actors.id_of(best)
