"""Where a meeting takes place: "in/at X" after the meeting word, a place-name modifier ("Camp David
accords"), "to X" after a visit, or the capital of a leader who hosts.
"""

from __future__ import annotations

import re

from kg.extract.document import Document
from kg.extract.lexicon import words
from kg.extract.registry import Registry

_PLACE = re.compile(
    r"\b(?:in|at|to)\s+(?:the\s+)?(?P<place>[A-Z][\w’'.-]*[\w’'-](?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]+){0,3})"
)
#: the name right after a verb that ends in its preposition ("arrive in Guangzhou", "travel to Oslo")
_NAME_AFTER = re.compile(r"\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})")
_CAP_WORD = re.compile(r"(?P<word>[A-Z][a-z][\w’'-]*)\s*$")
_NOT_PLACE = words(
    """
        The A An This That His Her Their Its Our January February March April May June July August September
        October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday He She They It We I
        You Him Them Us Me
        """
)


def place_of(
    doc: Document, registry: Registry, t: re.Match[str], lo: int, hi: int, *, visit: bool
) -> tuple[str | None, int]:
    """Place of the meeting named at *t* (within ``[lo, hi)``) and where its phrase ends: "in/at X" after the
    word, a capitalised modifier before it ("Camp David accords"), or "to X" after a visit word."""
    text = doc.text
    written = t.group().lower()
    verb_then_place = written.endswith((" in", " to")) or (
        visit and written in ("visit", "visits", "visited", "visiting")
    )
    if verb_then_place and (after := _NAME_AFTER.match(text, t.end(), hi)):
        word = _trim(after.group("place"))
        if word and not is_actor_name(registry, word):
            return word, after.start("place") + len(word)
    for m in _PLACE.finditer(text, t.end(), hi):
        if m.start() > t.end() + 45:
            break
        word = _trim(m.group("place"))
        if not word:
            continue
        if word in _NOT_PLACE or is_actor_name(registry, word):
            continue
        if m.group().startswith("to") and not visit:
            continue
        if text[t.end() : m.start()].count(",") or text[t.end() : m.start()].count("—"):
            break
        return word, m.start("place") + len(word)
    cap = _CAP_WORD.search(text, max(lo, t.start() - 30), t.start())
    if cap and cap.group("word") not in _NOT_PLACE and not is_actor_name(registry, cap.group("word")):
        inside = [
            m for m in doc.actors.within(max(0, cap.start() - 40), t.start()) if m.start <= cap.start("word") < m.end
        ]
        if not inside and text[cap.start() - 1 : cap.start()] != "-":
            return cap.group("word"), t.end()
    return None, t.end()


def _trim(name: str) -> str:
    """The name without trailing words that cannot end a place ("Lima Thursday", "Brussels He")."""
    words_ = name.split()
    while words_ and (words_[-1] in _NOT_PLACE or words_[-1] == "of"):
        words_.pop()
    return " ".join(words_) if words_ and words_[0] not in _NOT_PLACE else ""


def is_actor_name(registry: Registry, word: str) -> bool:
    """True for names of people and organisations and for demonyms (never places)."""
    entries = registry.surfaces.get(word, [])
    return any(kind == "demonym" or registry.actors[s].type != "Country" for s, kind in entries)


def home_capital(doc: Document, registry: Registry, host: str) -> str | None:
    e = doc.actors.entry(host)
    if e is None or e.registry is None:
        return None
    country = registry.actors.get(e.registry.country or "") if e.type == "Person" else e.registry
    return country.capitals[0] if country and country.capitals else None
