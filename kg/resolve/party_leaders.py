"""Party leaders standing for their party in a contest: "Labor leader Jane Roe" wins or loses with her party.

Who leads which party is read from the articles at resolution time, never from a list of names. An article
links a person to a party when it writes

- the party's name, the word "leader" and the person's name in a row ("Civic leader Jane Roe");
- the person's name and, later in the same sentence with no other person named in between, the party's
  name or its adjective before "majority" or "government" ("Roe is heading for a Civic majority",
  "Roe stormed to victory with the largest Civic majority"). The adjective is read from the party's own
  labels: "Civics" gives "Civic", "Tories" gives "Tory", "Civic Party" gives "Civic".

A person every article links to one party only is that party's leader; a person linked to two parties leads
none. A claim or reported outcome of the *contest* family (win, lose, lead) whose subject is a leader gets the
party as a subject too, so "Roe will become prime minister" is refuted by "the Civics lost", and "the Civics
won 320 of the 600 seats" is a report of what "Roe is set for a 40-seat majority" claims.

>>> leader_pairs("Civic leader Jane Roe spoke.", people=[(13, 21, "p")], orgs=[(0, 5, "o")], forms={})
[('p', 'o')]
>>> leader_pairs("Jane Roe is heading for a Civic majority.", people=[(0, 8, "p")], orgs=[],
...              forms={"civic": "o"})
[('p', 'o')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from kg.extract.party_majority import adjectives
from kg.namespaces import ACTORS_GRAPH, ARTICLE_GRAPH_PREFIX
from kg.resolve.aliases import IdentityMap
from kg.resolve.office_holders import add_subjects
from kg.resolve.reports import ClaimFact, OutcomeFact
from kg.store.base import Store

__all__ = ["leader_pairs", "party_leaders", "with_leaders"]

_MENTIONS = """
SELECT ?a ?x ?s ?e ?person WHERE { GRAPH ?g { ?m a kg:Mention ; kg:refersTo ?x ; oa:start ?s ; oa:end ?e ;
  kg:extractedFrom ?a } GRAPH <{actors}> { ?x a ?t } VALUES ?t { kg:Person kg:Organization }
  BIND(?t = kg:Person AS ?person) FILTER(STRSTARTS(STR(?g), "{prefix}")) }
"""
_ORG_NAMES = """
SELECT ?x ?n WHERE { GRAPH <{actors}> { ?x a kg:Organization ; rdfs:label|skos:altLabel ?n } }
"""
_BODY = "SELECT ?a ?body WHERE { GRAPH ?g { ?a kg:articleBody ?body } FILTER(STRSTARTS(STR(?g), \"{prefix}\")) }"

_LEADER = re.compile(r"\s+leader\s+", re.I)
#: what a party wins in a parliamentary contest, right after its name or adjective
_HELD = re.compile(r"\s+(?:majority|government)\b", re.I)
_STOP = re.compile(r"[.;!?]\s")
#: the party's form is the head of a noun phrase: "a Civic majority", "the largest Civic majority"
_ARTICLE = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$")
#: the most characters between a person and the party majority of the same clause
_REACH = 160


def _form_pattern(forms: Mapping[str, str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?=\s+(?:majority|government)\b)", re.I)


def leader_pairs(
    text: str,
    *,
    people: Sequence[tuple[int, int, str]],
    orgs: Sequence[tuple[int, int, str]],
    forms: Mapping[str, str],
    pattern: re.Pattern[str] | None = None,
) -> list[tuple[str, str]]:
    """(person, party) pairs one article's *text* writes (see the module docstring); mentions are (start,
    end, actor) and *forms* map a party's lower-case names and adjectives to it."""
    out: list[tuple[str, str]] = []
    ends = {e: x for _, e, x in orgs}
    for s, _, p in people:
        for e, org in ends.items():
            if e < s and _LEADER.fullmatch(text, e, s):
                out.append((p, org))
    pattern = pattern if pattern is not None else _form_pattern(forms)
    if pattern is None:
        return out
    starts = sorted(people)
    for m in pattern.finditer(text):
        before = [x for x in starts if x[1] <= m.start() and m.start() - x[1] <= _REACH]
        if not before:
            continue
        s, e, p = before[-1]
        if not m.group()[0].isupper() or _STOP.search(text, e, m.start()):
            continue
        if not _ARTICLE.search(text, max(e, m.start() - 40), m.start()):
            continue
        out.append((p, forms[m.group().lower()]))
    return out


def party_leaders(store: Store, ids: IdentityMap | None = None) -> dict[str, str]:
    """Person IRI -> the party they lead, for persons the articles link to one party only."""
    forms: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_ORG_NAMES.replace("{actors}", str(ACTORS_GRAPH))):
        org = str(r["x"].value)
        for f in adjectives(str(r["n"].value)):
            forms[f].add(ids(org) if ids else org)
    unique = {f: next(iter(xs)) for f, xs in forms.items() if len(xs) == 1}
    pattern = _form_pattern(unique)
    people: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    orgs: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    query = _MENTIONS.replace("{prefix}", ARTICLE_GRAPH_PREFIX).replace("{actors}", str(ACTORS_GRAPH))
    for r in store.query(query):
        a, x = str(r["a"].value), str(r["x"].value)
        row = (int(r["s"].value), int(r["e"].value), x)
        (people if r["person"].value == "true" else orgs)[a].append(row)
    found: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_BODY.replace("{prefix}", ARTICLE_GRAPH_PREFIX)):
        a = str(r["a"].value)
        if a not in people:
            continue
        for person, org in leader_pairs(str(r["body"].value), people=people[a], orgs=orgs.get(a, []),
                                        forms=unique, pattern=pattern):
            found[person].add(ids(org) if ids else org)
    return {p: next(iter(xs)) for p, xs in found.items() if len(xs) == 1}


def with_leaders(
    claims: dict[str, ClaimFact], outcomes: list[OutcomeFact], leaders: Mapping[str, str]
) -> tuple[dict[str, ClaimFact], list[OutcomeFact]]:
    """*claims* and *outcomes* of the contest family with the leaders' parties added to their subjects."""
    return add_subjects(claims, outcomes, leaders, lambda c: c.family == "contest")
