"""Actor mentions and the entries they resolve to, as collected while the actors of an article are found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.registry import Registry, RegistryActor
from kg.extract.titles import title_words_before

_POSSESSIVE = re.compile(r"['’]s?\b")


@lru_cache(maxsize=8192)
def word_pattern(word: str, *, dot: bool = False) -> re.Pattern[str]:
    """The pattern of *word* standing alone (not inside a longer word or hyphen compound; with ``dot``, not
    after a dot either), compiled once per process: the names of one article recur in the next ones, and
    ``re``'s own cache of 512 patterns is shared by everything else.

    >>> [m.start() for m in word_pattern("Lee").finditer("Lee, Leeds, Lee-Ann, Lee.")]
    [0, 21]
    """
    return re.compile(rf"(?<![\w{'.' if dot else ''}-]){re.escape(word)}(?![\w-])")


def word_spans(
    text: str, word: str, start: int = 0, end: int | None = None, *, before: str = "-"
) -> list[tuple[int, int]]:
    """``(start, end)`` of each occurrence of *word* standing alone in ``text[start:end]``: not after a word
    character or one of *before*, not before a word character or hyphen. With ``before="-"`` (``"-."``) it finds
    what ``word_pattern(word)`` (``dot=True``) finds, by ``str.find``: the names of an article are mostly new,
    and compiling a pattern per name cost more than the scan.

    >>> word_spans("Lee, Leeds, Lee-Ann, Lee.", "Lee")
    [(0, 3), (21, 24)]
    """
    end = len(text) if end is None else end
    if not word:
        return [m.span() for m in re.compile(rf"(?<![\w{re.escape(before)}])(?![\w-])").finditer(text, start, end)]
    out: list[tuple[int, int]] = []
    at = text.find(word, start, end)
    while at != -1:
        stop = at + len(word)
        prev = text[at - 1] if at > 0 else " "
        after = text[stop] if stop < end else " "
        if (prev.isalnum() or prev == "_" or prev in before) or (after.isalnum() or after == "_" or after == "-"):
            at = text.find(word, at + 1, end)
        else:
            out.append((at, stop))
            at = text.find(word, stop, end)
    return out


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w-])")


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


class Builder:
    """The actors of one article while they are found: entries by key, and which characters are taken."""

    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.entries: dict[str, ActorEntry] = {}
        self.taken = bytearray(len(text) + 1)
        self._lowered: frozenset[str] | None = None
        #: the content paragraphs, when the caller sets them
        self.paragraphs: list[tuple[int, int]] = []

    def in_content(self, pos: int) -> bool:
        """True when *pos* lies in a content paragraph (all text when none were given)."""
        return not self.paragraphs or any(s <= pos < e for s, e in self.paragraphs)

    def lowered_words(self) -> frozenset[str]:
        """The words written in lower case anywhere in the text (computed once)."""
        if self._lowered is None:
            self._lowered = frozenset(_LOWER_WORD.findall(self.text))
        return self._lowered

    def written_lower(self, word: str) -> bool:
        """``word in self.lowered_words()``, found by ``str.find`` for this one word: a word of a-z standing alone
        (not after a word character, apostrophe or hyphen, not before a word character or hyphen) is exactly a
        word ``_LOWER_WORD`` finds, and the few words asked about cost less than a scan of the whole text."""
        if self._lowered is not None:
            return word in self._lowered
        if not word or not all("a" <= c <= "z" for c in word):
            return False
        return bool(word_spans(self.text, word, before="'’-"))

    def overlaps(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) != -1  # no slice copy: called per candidate word

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
        title = title_words_before(self.text, start)
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
