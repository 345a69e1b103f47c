"""Cross-article actor identity: one organisation named differently in different articles.

Each article mints its own name-and-type IRI for an organisation it names only by an acronym
(``kga:organization/npa``) or with a country qualifier ("U.S. National Parks Agency"), so a later
article's report would not match the prediction's subject. IRIs stay as minted (docs/model.md); the resolver
instead reads an **identity map** from the actors graph and the stored mentions and treats the actors of one
group as one subject. Two organisations are one when

- their names are equal once a leading "the" and a country qualifier (``lexicon/name_qualifiers.txt``) are
  dropped;
- one is named by an acronym ("FAA", "BoJ") that the other is known by: its ``skos:altLabel``, or the words of a
  mention of it in some article (an article defining "Federal Aviation Administration (FAA)" and then writing
  "FAA" refers both to the one actor), or else the initials of its name's capitalised words (with or without
  "of": "Bank of Japan" -> BJ, BOJ).

Conservative by design: only organisations are joined (never people, whose surnames collide, nor countries and
their governments); an acronym that two different organisations could stand for joins nothing; a single word
("Bank") is neither an acronym nor a full name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache

from kg.extract.lexicon import load
from kg.namespaces import ACTORS_GRAPH, ARTICLE_GRAPH_PREFIX
from kg.resolve.evidence import Facts, MeetingFact
from kg.resolve.party_names import party_short
from kg.resolve.reports import ClaimFact, OutcomeFact
from kg.store.base import Store

__all__ = ["IdentityMap", "acronyms", "full_key", "identity_map", "is_acronym", "unify"]

_ORGS = """
SELECT ?x ?label ?alt WHERE { GRAPH <{actors}> { ?x a kg:Organization ; rdfs:label ?label .
  OPTIONAL { ?x skos:altLabel ?alt } } }
"""

#: mentions whose words look like an acronym (filtered again in Python)
_SHORT_MENTIONS = """
SELECT DISTINCT ?x ?s WHERE { GRAPH ?g { ?m a kg:Mention ; kg:refersTo ?x ; oa:exact ?s }
  FILTER(STRSTARTS(STR(?g), "{prefix}") && REGEX(STR(?s), "^[A-Z][A-Za-z]{1,7}$")) }
"""

#: lower-case words an acronym may keep ("Bank of Japan" -> BOJ)
_LINKS = frozenset({"of", "for", "and", "&"})
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*|&")


def is_acronym(text: str) -> bool:
    """True for a short name written as an acronym: 2-8 letters, at least half of them capitals.

    >>> is_acronym("FAA"), is_acronym("BoJ"), is_acronym("Bank"), is_acronym("McDonald"), is_acronym("A")
    (True, True, False, False, False)
    """
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{1,7}", text)) and 2 * sum(c.isupper() for c in text) >= len(text)


@cache
def _qualifiers() -> tuple[str, ...]:
    return tuple(sorted((q.casefold() for q in load("name_qualifiers")), key=len, reverse=True))


def _strip(name: str) -> str:
    text = " ".join(name.split())
    low = text.casefold()
    if low.startswith("the "):
        text, low = text[4:], low[4:]
    for q in _qualifiers():
        if low.startswith(q + " "):
            return text[len(q) + 1:]
    return text


def full_key(name: str) -> str | None:
    """The key of a full organisation name (two words or more, no leading "the" or country qualifier).

    >>> full_key("U.S. National Parks Agency") == full_key("the National Parks Agency")
    True
    >>> full_key("Bank") is None, full_key("NPA") is None
    (True, True)
    """
    words = _WORD.findall(_strip(name))
    return " ".join(w.casefold() for w in words) if len(words) >= 2 else None


def acronyms(name: str) -> frozenset[str]:
    """The acronyms (case-folded) a full name could be written as: the initials of its capitalised words,
    without and with the linking words "of", "for", "and".

    >>> sorted(acronyms("Federal Aviation Administration")), sorted(acronyms("the Bank of Japan"))
    (['faa'], ['bj', 'boj'])
    >>> acronyms("Reuters")
    frozenset()
    """
    words = _WORD.findall(_strip(name))
    caps = [w for w in words if w[0].isupper()]
    if len(caps) < 2:
        return frozenset()
    plain = "".join(w[0] for w in caps)
    linked = "".join(w[0] for w in words if w[0].isupper() or w.casefold() in _LINKS)
    return frozenset({plain.casefold(), linked.casefold()})


@dataclass
class _Org:
    names: set[str] = field(default_factory=set)  # label and alternative labels
    short: set[str] = field(default_factory=set)  # acronyms it is known by (label, altLabel, mention words)


@dataclass(frozen=True)
class IdentityMap:
    """Actor IRI -> the IRI standing for its group (only actors of a group of two or more are keys)."""

    canonical: Mapping[str, str]

    def __call__(self, iri: str) -> str:
        return self.canonical.get(iri, iri)

    def all(self, iris: Iterable[str]) -> frozenset[str]:
        return frozenset(self(i) for i in iris)


def _rank(iri: str, org: _Org) -> tuple[bool, int, str]:
    return "/" in iri.rsplit("/actor/", 1)[-1], -max(map(len, org.names), default=0), iri


def _groups(orgs: Mapping[str, _Org]) -> dict[str, str]:
    parent = {x: x for x in orgs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(xs: Iterable[str]) -> None:
        xs = sorted(xs)
        for x in xs[1:]:
            parent[find(x)] = find(xs[0])

    by_full: dict[str, set[str]] = defaultdict(set)
    known_as: dict[str, set[str]] = defaultdict(set)  # acronym -> orgs with a full name known by it
    named: dict[str, set[str]] = defaultdict(set)  # acronym -> orgs whose label is only that acronym
    could_be: dict[str, set[str]] = defaultdict(set)  # acronym -> orgs whose full name's initials it is
    for x, o in orgs.items():
        fulls = {k for n in o.names if (k := full_key(n))}
        for k in fulls:
            by_full[k].add(x)
        for s in o.short:
            (known_as if fulls else named)[s].add(x)
        for n in o.names:
            for a in acronyms(n):
                could_be[a].add(x)
    for xs in by_full.values():
        union(xs)
    for a, shorts in named.items():
        longs = {find(x) for x in known_as.get(a, ())} or {find(x) for x in could_be.get(a, ())}
        if len(longs) == 1:
            union(shorts | longs)
    members: dict[str, list[str]] = defaultdict(list)
    for x in orgs:
        members[find(x)].append(x)
    out = {}
    for group in members.values():
        if len(group) > 1:
            # a registry actor (kga:<slug>) first, else the longest name
            head = min(group, key=lambda x: _rank(x, orgs[x]))
            out.update({x: head for x in group})
    return out


def identity_map(store: Store) -> IdentityMap:
    """The identity map of the store's organisations (see the module docstring)."""
    orgs: dict[str, _Org] = defaultdict(_Org)
    for r in store.query(_ORGS.replace("{actors}", str(ACTORS_GRAPH))):
        o = orgs[str(r["x"].value)]
        for name in (r["label"], r["alt"]):
            if name is not None:
                text = str(name.value)
                if is_acronym(text):
                    o.short.add(text.casefold())
                else:
                    o.names.add(text)
                o.short |= party_short(text) | ({text.casefold()} if text.isalpha() else set())  # "X Party": X
    for r in store.query(_SHORT_MENTIONS.replace("{prefix}", ARTICLE_GRAPH_PREFIX)):
        x, text = str(r["x"].value), str(r["s"].value)
        if x in orgs and is_acronym(text):
            orgs[x].short.add(text.casefold())
    return IdentityMap(_groups(orgs))


def _meeting(m: MeetingFact | None, ids: IdentityMap) -> MeetingFact | None:
    if m is None:
        return None
    return replace(m, participants=ids.all(m.participants), host=ids(m.host) if m.host else m.host)


def _claim(c: ClaimFact, ids: IdentityMap) -> ClaimFact:
    return replace(c, subjects=ids.all(c.subjects), object=ids(c.object) if c.object else c.object)


def unify(
    facts: Facts, claims: dict[str, ClaimFact], outcomes: list[OutcomeFact], ids: IdentityMap
) -> tuple[Facts, dict[str, ClaimFact], list[OutcomeFact]]:
    """*facts*, *claims* and *outcomes* with every organisation IRI replaced by the one standing for its group."""
    if not ids.canonical:
        return facts, claims, outcomes
    facts = replace(
        facts,
        meetings=[m2 for m in facts.meetings if (m2 := _meeting(m, ids)) is not None],
        predictions=[
            replace(p, predictor=ids(p.predictor), actors=ids.all(p.actors), event=_meeting(p.event, ids))
            for p in facts.predictions
        ],
        statements=[replace(s, speaker=ids(s.speaker), actors=ids.all(s.actors)) for s in facts.statements],
    )
    claims = {x: _claim(c, ids) for x, c in claims.items()}
    outcomes = [replace(o, claim=_claim(o.claim, ids)) for o in outcomes]
    return facts, claims, outcomes
