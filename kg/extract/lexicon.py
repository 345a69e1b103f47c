"""English news vocabulary the extraction rules share: titles, organisation heads, speech verbs, media.

These are facts about the language of news writing, not about any actor; actors live in ``seeds/actors.ttl``
and estimative words in ``ontology/hedges.ttl``. The word lists are data: one file per kind in
``lexicon/<kind>.txt`` (a header comment says what belongs there), read once per process by :func:`load`.

>>> "said" in load("speech_verbs")
True
>>> TITLE_RE.match("Deputy Finance Minister") is not None
True
"""

from __future__ import annotations

import re
from functools import cache

from kg.paths import data_dir


def phrases(text: str) -> tuple[str, ...]:
    """The "|"-separated phrases of *text*, stripped ("phone call | call" -> ("phone call", "call"))."""
    return tuple(p.strip() for p in text.split("|"))


def words(text: str) -> frozenset[str]:
    """The white-space separated words of *text* as a set (word lists stay readable in the source)."""
    return frozenset(text.split())


@cache
def load(kind: str) -> tuple[str, ...]:
    """The entries of ``lexicon/<kind>.txt`` in file order: one per line, ``#`` comments and blank lines
    skipped."""
    path = data_dir("lexicon") / f"{kind}.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if entry:
            out.append(entry)
    return tuple(dict.fromkeys(out))


def alternation(entries: tuple[str, ...] | list[str], *, space: str = r"\s+") -> str:
    r"""One regex alternation of literal *entries*, longest first; a space in an entry matches *space*.

    >>> print(alternation(["told reporters", "said"]))
    told\s+reporters|said
    """
    ordered = sorted(entries, key=len, reverse=True)
    return "|".join(space.join(re.escape(w) for w in e.split()) for e in ordered)


#: title heads that need a pattern rather than a literal ("Secretary of Commerce", "Head of Research at …")
_TITLE_PATTERNS = r"Secretary\s+of\s+[A-Z]\w+|Head\s+of\s+[\w\s]{3,40}?(?=\s+at\b|$)"
_TITLE_HEADS = alternation(load("title_heads"), space=r"[\s-]+") + "|" + _TITLE_PATTERNS
_TITLE_MODIFIERS = alternation(load("title_modifiers"), space=r"\s+") + r"|Former\s+\w+"
#: a title as a regex fragment (case-insensitive), e.g. "U.S. Secretary of State", "finance minister"
TITLE = rf"(?i:(?:(?:{_TITLE_MODIFIERS})\s+)*(?:{_TITLE_HEADS}))"
TITLE_RE = re.compile(rf"^{TITLE}$")

#: last words that make a capitalised phrase an organisation
ORG_HEADS = load("org_heads")
ORG_HEAD_SET = frozenset(ORG_HEADS)

#: common nouns that describe an organisation ("shipping group Halvorsen Freight", "X, a port equipment maker")
ORG_NOUNS = alternation(load("org_nouns"))

#: capitalised words that never start or form a person's name
NOT_NAME = frozenset(load("not_name"))

#: verbs that introduce speech, present and past ("said", "tweeted", "told")
SPEECH_VERBS = alternation(load("speech_verbs"))
SPEECH_VERB_RE = re.compile(rf"\b(?:{SPEECH_VERBS})\b")

#: (pattern, medium) pairs: how a statement reached the public, read from its attribution
MEDIA = (
    (re.compile(r"\b(?:tweet(?:ed|s)?|on Twitter)\b", re.I), "tweet"),
    (
        re.compile(
            r"\b(?:press conference|news conference|press briefing|news briefing|told reporters|"
            r"told journalists|briefing)\b",
            re.I,
        ),
        "press conference",
    ),
    (
        re.compile(r"\binterview(?:er|ed)?\b|\btold (?-i:(?:the )?[A-Z][\w.&]*(?: [A-Z][\w.&]*)*)\s*:", re.I),
        "interview",
    ),
    (
        re.compile(
            r"\b(?:in|issued|from) a (?:written |joint |research )?(?:statement|note)\b|\bstatement (?:said|read)\b|"
            r"\bcommuniqu[eé]\b|\bpress release\b",
            re.I,
        ),
        "statement",
    ),
    (
        re.compile(
            r"\bspeech\b|\bkeynote\b|\baddress(?:ed)? (?:to )?(?:the|a)\b|\bremarks at\b|\brally\b|"
            r"\baddress(?:ed|ing)? (?:his |her |their |the )?(?:supporters|crowds?|delegates|lawmakers|parliament|"
            r"students|graduates|voters|party members)\b|\bspeaking at (?:a|an|the) (?:[\w-]+ ){0,3}"
            r"(?:conference|summit|forum|convention|congress|ceremony|gathering|event)\b",
            re.I,
        ),
        "speech",
    ),
    (
        re.compile(
            r"\bon (?-i:X)\b|\b(?:posted|wrote) on (?:Facebook|Instagram|Telegram|Truth Social|LinkedIn|Weibo)|"
            r"\bsocial media\b|\bblog post\b|\b(?:a|in|her|his) post\b",
            re.I,
        ),
        "social media post",
    ),
    (re.compile(r"\bletter\b", re.I), "letter"),
    (re.compile(r"\bop-ed\b|\bcolumn\b|\bessay\b", re.I), "article"),
    (
        re.compile(
            r"\b(?:on|told) (?:CNN|Fox News|BBC|NBC|CBS|ABC|MSNBC|CNBC|television|TV|radio)\b|"
            r"\btelevised\b|\bbroadcast(?:er)?\b|\b(?:told|on) (?:the )?(?:[\w&-]+ ){0,3}(?:radio|tv|television)\b",
            re.I,
        ),
        "broadcast",
    ),
)


def medium_of(text: str) -> str | None:
    """The medium named in an attribution ("tweeted" -> "tweet"), else None.

    >>> medium_of("The minister tweeted on the 3rd")
    'tweet'
    """
    for pattern, medium in MEDIA:
        if pattern.search(text):
            return medium
    return None


#: auxiliaries and modals: capitalised only at the start of a question ("Will customers …?"), never names
AUXILIARIES = frozenset(load("auxiliaries"))

#: last words of place names ("Oval Office", "Trafalgar Square"); registry entries ("White House") win
PLACE_HEADS = frozenset(load("place_heads"))

#: last words of events, competitions and programmes ("Confederations Cup"): neither a person nor a body
EVENT_HEADS = frozenset(load("event_heads"))

#: words before "Office" that make it a government body ("Foreign Office"), not a room ("Oval Office")
OFFICE_BODIES = frozenset(load("office_bodies"))

#: lowercase words after a capitalised name that make it a political party ("Civic Renewal party")
PARTY_NOUNS = frozenset(load("party_nouns"))

#: given names whose bearers news prose calls "she" / "he"; a cue for people named without a title
GIVEN_NAMES_FEMALE = frozenset(load("given_names_female"))
GIVEN_NAMES_MALE = frozenset(load("given_names_male"))
GIVEN_NAMES = GIVEN_NAMES_FEMALE | GIVEN_NAMES_MALE
