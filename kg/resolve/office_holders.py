"""Office holders standing for their organisation: "<Org> Administrator Jane Roe" decides for the organisation.

An article that writes an organisation's name, an office title (``lexicon/office_titles.txt``) and a person's
name in a row ("Lunar Safety Board Chair Jane Roe") makes the person the holder of that office. When a claim or a
reported outcome of an organisation's kind of outcome (decisions and changes: approve, pass, raise, cut …) has
such a person as subject, the organisation is a subject too, so "Roe will approve the lander" is matched by "the
board approved the lander", and the other way round. Conservative: only the decision and change families, only a
person every article gives one organisation (two offices join nothing), only the words right before a mention.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache

from kg.extract.lexicon import load
from kg.namespaces import ACTORS_GRAPH, ARTICLE_GRAPH_PREFIX
from kg.resolve.aliases import IdentityMap
from kg.resolve.reports import ClaimFact, OutcomeFact
from kg.store.base import Store

__all__ = ["FAMILIES", "office_holders", "with_offices"]

#: the outcome families in which an office holder acts for the organisation
FAMILIES = frozenset({"decision", "change"})

#: mentions of people and organisations, with their offsets
_MENTIONS = """
SELECT ?a ?x ?s ?e ?person WHERE { GRAPH ?g { ?m a kg:Mention ; kg:refersTo ?x ; oa:start ?s ; oa:end ?e ;
  kg:extractedFrom ?a } GRAPH <{actors}> { ?x a ?t } VALUES ?t { kg:Person kg:Organization }
  BIND(?t = kg:Person AS ?person) FILTER(STRSTARTS(STR(?g), "{prefix}")) }
"""
_BODY = "SELECT ?body WHERE { GRAPH ?g { <{article}> kg:articleBody ?body } }"

#: the most characters between an organisation's name and its office holder's ("  Director-General  ")
GAP = 32


@cache
def _title() -> re.Pattern[str]:
    titles = sorted(load("office_titles"), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(t) for t in titles) + r")\s+")


def _pairs(store: Store) -> dict[str, list[tuple[int, int, str]]]:
    """Per article: (start of the person's mention, end of the organisation's mention right before it, org)."""
    people: dict[str, list[tuple[int, str]]] = defaultdict(list)
    orgs: dict[str, list[tuple[int, str]]] = defaultdict(list)
    query = _MENTIONS.replace("{prefix}", ARTICLE_GRAPH_PREFIX).replace("{actors}", str(ACTORS_GRAPH))
    for r in store.query(query):
        a, x = str(r["a"].value), str(r["x"].value)
        if r["person"].value == "true":
            people[a].append((int(r["s"].value), x))
        else:
            orgs[a].append((int(r["e"].value), x))
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for a, ps in people.items():
        ends = sorted(orgs.get(a, []))
        keys = [e for e, _ in ends]
        for start, person in ps:
            i = bisect_right(keys, start) - 1
            if i >= 0 and start - keys[i] <= GAP:
                out[a].append((start, keys[i], f"{person} {ends[i][1]}"))
    return out


def office_holders(store: Store, ids: IdentityMap | None = None) -> dict[str, str]:
    """Person IRI -> the organisation whose office they hold, for persons every article gives one organisation."""
    return acting_for(store, _title(), ids)


def acting_for(store: Store, between: re.Pattern[str], ids: IdentityMap | None = None) -> dict[str, str]:
    """Person IRI -> organisation, where an organisation's mention is followed by a person's with words that
    *between* matches in full in between ("<Org> <title> <Name>"), for persons every article gives one
    organisation."""
    found: dict[str, set[str]] = defaultdict(set)
    for article, pairs in _pairs(store).items():
        rows = list(store.query(_BODY.replace("{article}", article)))
        if not rows:
            continue
        body = str(rows[0]["body"].value)
        for start, end, both in pairs:
            if between.fullmatch(body[end:start]):
                person, org = both.split(" ", 1)
                found[person].add(ids(org) if ids else org)
    return {p: next(iter(orgs)) for p, orgs in found.items() if len(orgs) == 1}


def with_offices(
    claims: dict[str, ClaimFact], outcomes: list[OutcomeFact], offices: Mapping[str, str]
) -> tuple[dict[str, ClaimFact], list[OutcomeFact]]:
    """*claims* and *outcomes* of the decision and change families with the office holders' organisations added
    to their subjects."""
    return add_subjects(claims, outcomes, offices, lambda c: c.family in FAMILIES)


def add_subjects(
    claims: dict[str, ClaimFact], outcomes: list[OutcomeFact], acting: Mapping[str, str],
    applies: Callable[[ClaimFact], bool],
) -> tuple[dict[str, ClaimFact], list[OutcomeFact]]:
    """*claims* and *outcomes* that *applies* accepts with, for each subject *acting* maps, the organisation it
    acts for added to their subjects (office holders, party leaders, crews)."""
    if not acting:
        return claims, outcomes

    def one(c: ClaimFact) -> ClaimFact:
        if not applies(c) or not any(s in acting for s in c.subjects):
            return c
        return replace(c, subjects=c.subjects | {acting[s] for s in c.subjects if s in acting})

    return {x: one(c) for x, c in claims.items()}, [replace(o, claim=one(o.claim)) for o in outcomes]
