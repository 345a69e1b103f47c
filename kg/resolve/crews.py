"""Crews flying for an agency: "<Agency> astronauts Ann Lee and Bo Park … became the first to launch from the
island" is a launch of the agency too, so "the launch is set for Saturday" (whose doer is the agency,
:mod:`kg.resolve.implicit`) is matched by the crew's launch.

An article that writes an organisation's name, a crew role (``lexicon/crew_roles.txt``) and a person's name in a
row makes the person a crew member of the organisation (the first-named crew member only: "<Agency> astronauts
Ann Lee and Bo Park" names Lee). Claims and reported outcomes of the kinds in :data:`CREW_KINDS` with such a
person as subject get the organisation as a subject too. Conservative like :mod:`kg.resolve.office_holders`: a
person every article gives one organisation, the words right before a mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from kg.extract.lexicon import alternation, load
from kg.resolve.aliases import IdentityMap
from kg.resolve.office_holders import acting_for, add_subjects
from kg.resolve.reports import ClaimFact, OutcomeFact
from kg.store.base import Store

__all__ = ["CREW_KINDS", "crew_agencies", "with_crews"]

#: outcome kinds a crew does for its agency
CREW_KINDS = frozenset({"launch", "dock"})


@cache
def _role() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(load('crew_roles'))})\s+")


def crew_agencies(
    store: Store, ids: IdentityMap | None = None, outcomes: Iterable[OutcomeFact] | None = None
) -> dict[str, str]:
    """Person IRI -> the organisation they fly for, for persons every article gives one organisation (none read
    when *outcomes* are given and none is of a crew kind: the store's mentions are not scanned for nothing)."""
    if outcomes is not None and not any(o.claim.predicate in CREW_KINDS for o in outcomes):
        return {}
    return acting_for(store, _role(), ids)


def with_crews(
    claims: dict[str, ClaimFact], outcomes: list[OutcomeFact], crews: Mapping[str, str]
) -> tuple[dict[str, ClaimFact], list[OutcomeFact]]:
    """*claims* and *outcomes* of the crew kinds with the crew members' organisations added to their subjects."""
    return add_subjects(claims, outcomes, crews, lambda c: c.predicate in CREW_KINDS)
