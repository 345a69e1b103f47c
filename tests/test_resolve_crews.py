"""A launch reported as a crew's first ("became the first crew to launch from the island") is the crew's launch,
and the launch of the agency the crew flies for ("<Agency> astronauts <Name>"), so it settles "another launch
attempt is now set for Saturday" in an article naming the agency (texts written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.first_to import with_first_outcomes
from kg.records import Records
from kg.resolve import resolve
from kg.resolve.crews import crew_agencies
from kg.store import MemoryStore
from tests.test_resolve_claims import Who, at, load, records

AGENCY = Who("agency", "Orbital Agency")
LEE = Who("lee", "Ann Lee", "Person", ("Lee",))
PARK = Who("park", "Bo Park", "Person", ("Park",))
ISLAND = Who("island", "Ruritania", "Country", ("Ruritanians",))

SET = "Another launch attempt is now set for Saturday, May 3"
BEFORE = f"Orbital Agency called off the first attempt because of the wind. {SET}."
FIRST = "Ann Lee and Bo Park on Saturday became the first crew ever to launch from the island."


def later(text: str, actors: list[Who], url: str = "https://example.org/after") -> Records:
    return with_first_outcomes(records(text, "2031-05-04", url, actors, {}))


def test_a_first_reports_the_deed_of_the_subjects_named_before_it() -> None:
    text = "Ann Lee and Bo Park became the first Ruritanians to launch from the island on Saturday."
    (o,) = later(text, [LEE, PARK, ISLAND]).outcomes
    assert (o.claim.predicate, sorted(o.claim.subjects), o.date) == ("launch", ["lee", "park"], "2031-05-03")


@pytest.mark.parametrize("text", [
    "Ann Lee will become the first crew member to launch from the island.",
    "Ann Lee is only scheduled to launch from the island next year.",
])
def test_a_hedged_first_or_a_schedule_reports_nothing(text: str) -> None:
    assert later(text, [LEE]).outcomes == []


def test_the_crews_launch_confirms_the_agencys_launch_attempt(store: MemoryStore, tmp_path: Path) -> None:
    intro = "Orbital Agency astronauts Ann Lee and Bo Park trained on Monday."
    load(
        store, tmp_path,
        records(BEFORE, "2031-04-30", "https://example.org/before", [AGENCY], {SET: "2031-05-03"}),
        later(f"{intro} {FIRST}", [AGENCY, LEE, PARK]),
    )
    assert crew_agencies(store) == {
        "https://w3id.org/kg/id/actor/person/ann-lee": "https://w3id.org/kg/id/actor/organization/orbital-agency"}
    (j,) = resolve(store, **at("2031-05-10"))
    assert j.outcome == "confirmed" and j.evidence, j.rationale


def test_without_the_crew_role_the_launch_is_nobody_the_article_names(store: MemoryStore, tmp_path: Path) -> None:
    intro = "Orbital Agency staff met Ann Lee and Bo Park on Monday."
    load(
        store, tmp_path,
        records(BEFORE, "2031-04-30", "https://example.org/before", [AGENCY], {SET: "2031-05-03"}),
        later(f"{intro} {FIRST}", [AGENCY, LEE, PARK]),
    )
    (j,) = resolve(store, **at("2031-05-10"))
    assert j.outcome not in ("confirmed", "refuted"), j.rationale


def test_a_crews_arrival_at_the_station_confirms_the_berthing_its_agency_planned(
    store: MemoryStore, tmp_path: Path
) -> None:
    said = "The crew will berth with the space station"
    before = f"Orbital Agency readied the capsule. {said}."
    arrived = "Orbital Agency astronauts Ann Lee and Bo Park have arrived at the space station."
    after = later(arrived, [AGENCY, LEE, PARK])
    assert [(o.claim.predicate, sorted(o.claim.subjects)) for o in after.outcomes] == [("dock", ["lee", "park"])]
    load(store, tmp_path, records(before, "2031-04-30", "https://example.org/before", [AGENCY], {said: "2031-05-04"}),
         after)
    (j,) = resolve(store, **at("2031-05-10"))
    assert j.outcome == "confirmed" and j.evidence, j.rationale
