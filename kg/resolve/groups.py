"""Groups and their members: a meeting held by a group counts its members as taking part.

The registry states who belongs to a group or alliance (``kg:memberOf`` in ``seeds/actors.ttl``: the countries of
OPEC, of the G7). A *held* meeting whose participants include such a group counts the group's members as
participants too, so "Ruritania will take part in the cartel's video conference" is matched by "the cartel
agreed on Thursday at its video conference". Only held meetings: a planned or called-off meeting of a group says
nothing about who will (not) come. Members of an organisation known under several names are read through the
identity map.

>>> from kg.resolve.evidence import Facts, MeetingFact, Places
>>> m = MeetingFact("m1", "kgd:a", "meeting", "held", frozenset({"kga:cartel"}))
>>> facts = Facts({}, [], [m], [], Places(), {})
>>> facts = with_members(facts, {"kga:cartel": frozenset({"kga:ruritania"})})
>>> sorted(facts.meetings[0].participants)
['kga:cartel', 'kga:ruritania']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from kg.namespaces import ACTORS_GRAPH
from kg.resolve.aliases import IdentityMap
from kg.resolve.evidence import Facts, MeetingFact
from kg.store.base import Store

__all__ = ["members", "with_members"]

_MEMBERS = "SELECT ?x ?group WHERE { GRAPH <{actors}> { ?x kg:memberOf ?group } }"


def members(store: Store, ids: IdentityMap | None = None) -> dict[str, frozenset[str]]:
    """Group IRI (canonical under *ids*) -> the IRIs of its members."""
    found: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_MEMBERS.replace("{actors}", str(ACTORS_GRAPH))):
        group, x = str(r["group"].value), str(r["x"].value)
        found[ids(group) if ids else group].add(ids(x) if ids else x)
    return {g: frozenset(xs) for g, xs in found.items()}


def _meeting(m: MeetingFact, groups: Mapping[str, frozenset[str]]) -> MeetingFact:
    if m.status != "held" or not any(x in groups for x in m.participants):
        return m
    joined = frozenset().union(*(groups.get(x, frozenset()) for x in m.participants))
    return replace(m, participants=m.participants | joined)


def with_members(facts: Facts, groups: Mapping[str, frozenset[str]]) -> Facts:
    """*facts* where every held meeting of a group has the group's members among its participants."""
    if not groups:
        return facts
    return replace(facts, meetings=[_meeting(m, groups) for m in facts.meetings])
