"""Governing bodies standing for their institution: "the BOJ Policy Board" meets and decides for the Bank of Japan.

An organisation whose name is another organisation's name or acronym followed by the name of a governing body
(``lexicon/org_bodies.txt``: "Policy Board", "Governing Council", "Board of Directors") is taken, when
resolving, for that institution: the identity map (:mod:`kg.resolve.aliases`) maps the body to the
institution's IRI, so "the <Bank> Policy Board will gather next week" is matched by a report of the bank's
policy meeting. Conservative: the name before the body must stand for exactly one known organisation (its
label, an alternative label, or a full name's acronym), and only bodies that act for the whole institution
are listed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import cache

from kg.extract.lexicon import alternation, load
from kg.namespaces import ACTORS_GRAPH
from kg.resolve.aliases import IdentityMap, acronyms, full_key, is_acronym
from kg.store.base import Store

__all__ = ["body_of", "bodies", "with_bodies"]

_ORGS = """
SELECT ?x ?label ?alt WHERE { GRAPH <{actors}> { ?x a kg:Organization ; rdfs:label ?label .
  OPTIONAL { ?x skos:altLabel ?alt } } }
"""


@cache
def _body() -> re.Pattern[str]:
    return re.compile(rf"(?:the\s+)?(?P<org>.+?)(?:['’]s)?\s+(?:{alternation(load('org_bodies'))})", re.I)


@cache
def _alone() -> re.Pattern[str]:
    return re.compile(rf"(?:the\s+)?(?:{alternation(load('org_bodies'))})", re.I)


def body_of(name: str) -> str | None:
    """The institution's name in the name of one of its governing bodies, else None.

    >>> body_of("BOJ Policy Board"), body_of("the Acme Corp Board of Directors"), body_of("Policy Board")
    ('BOJ', 'Acme Corp', None)
    >>> body_of("Federal Open Market Committee") is None
    True
    """
    name = " ".join(name.split())
    m = _body().fullmatch(name)
    if m is None or _alone().fullmatch(name):
        return None  # "Policy Board" alone names no institution
    return m.group("org")


def _keys(name: str) -> tuple[set[str], set[str]]:
    """The keys an organisation is known by: as written (an acronym, else its full name), and its initials."""
    if is_acronym(name):
        return {name.casefold()}, set()
    key = full_key(name)
    return ({key} if key else set()), set(acronyms(name))


def bodies(store: Store) -> dict[str, str]:
    """Body IRI -> the IRI of the one organisation its name says it belongs to (a name or acronym as written
    wins over a full name's initials)."""
    names: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_ORGS.replace("{actors}", str(ACTORS_GRAPH))):
        x = str(r["x"].value)
        names[x] |= {str(t.value) for t in (r["label"], r["alt"]) if t is not None}
    written: dict[str, set[str]] = defaultdict(set)  # key -> organisations known by it as written
    initials: dict[str, set[str]] = defaultdict(set)  # key -> organisations whose initials it is
    for x, ns in names.items():
        for n in ns:
            if body_of(n) is None:
                keys, short = _keys(n)
                for k in keys:
                    written[k].add(x)
                for k in short:
                    initials[k].add(x)
    out = {}
    for x, ns in names.items():
        orgs = [org for n in ns if (org := body_of(n))]
        keys = {k for org in orgs for group in _keys(org) for k in group}
        owners = {o for k in keys for o in written.get(k, ())} - {x}
        owners = owners or {o for k in keys for o in initials.get(k, ())} - {x}
        if len(owners) == 1:
            out[x] = owners.pop()
    return out


def with_bodies(ids: IdentityMap, found: dict[str, str]) -> IdentityMap:
    """*ids* where each body stands for its institution's group (the institution's canonical IRI)."""
    if not found:
        return ids
    return replace(ids, canonical={**ids.canonical, **{b: ids(org) for b, org in found.items()}})
