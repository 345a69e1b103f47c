"""Groups and governing bodies in resolution: a meeting held by a group counts its members (registry
``kg:memberOf``) as taking part; a body named after its institution ("<Bank> Policy Board") stands for it.
Texts written for these tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kg.namespaces import ACTOR
from kg.records import Meeting, Records, Span
from kg.resolve import resolve
from kg.resolve.bodies import body_of
from kg.store import MemoryStore
from tests.test_resolve_claims import Who, at, load, records

OPEC_PLUS = Who("opecplus", "OPEC+")
KAZAKHSTAN = Who("kz", "Kazakhstan", "Country")
NORWAY = Who("no", "Norway", "Country")
BANK = Who("bank", "Zenda Reserve Bank", forms=("ZRB",))
BOARD = Who("board", "ZRB Policy Board")
#: actors of the registry (seeds/actors.ttl): extraction gives them its IRIs
REGISTRY = {"opecplus": "opec-plus", "kz": "kazakhstan", "no": "norway"}


def _registry(r: Records) -> Records:
    actors = [replace(a, iri=str(ACTOR[REGISTRY[a.id]])) if a.id in REGISTRY else a for a in r.actors]
    return replace(r, actors=actors)


def _held(text: str, who: list[Who], participants: list[str], day: str) -> Records:
    r = _registry(records(text, day, "https://example.org/after", who, {}))
    meeting = Meeting("m1", "meeting", participants, "held", Span(0, len(text), text), start=day, rule="test")
    return Records(r.article, r.actors, meetings=[meeting], outcomes=r.outcomes)


def _judge(store: MemoryStore, tmp_path: Path, said: str, who: list[Who], report: Records) -> str:
    before = _registry(records(said, "2031-04-07", "https://example.org/before", who, {said: "2031-04-09"}))
    claim = before.predictions[0].claim
    assert claim is not None and claim.predicate in ("attend", "meet"), claim
    (j,) = resolve(load(store, tmp_path, before, report), **at("2031-04-12"))
    return j.outcome if j.outcome != "confirmed" else f"confirmed {bool(j.evidence)}"


def test_a_member_takes_part_in_the_groups_held_meeting(store: MemoryStore, tmp_path: Path) -> None:
    said = "Kazakhstan will take part in the meeting on Thursday."
    report = _held("OPEC+ held its video meeting on Thursday.", [OPEC_PLUS], ["opecplus"], "2031-04-09")
    assert _judge(store, tmp_path, said, [KAZAKHSTAN], report) == "confirmed True"


def test_a_country_outside_the_group_is_not_counted(store: MemoryStore, tmp_path: Path) -> None:
    said = "Norway will take part in the meeting on Thursday."
    report = _held("OPEC+ held its video meeting on Thursday.", [OPEC_PLUS], ["opecplus"], "2031-04-09")
    assert _judge(store, tmp_path, said, [NORWAY], report) != "confirmed True"


def test_a_policy_board_meets_for_its_bank(store: MemoryStore, tmp_path: Path) -> None:
    said = "The ZRB Policy Board will meet on Thursday."
    text = "The Zenda Reserve Bank held its policy meeting on Thursday."
    report = _held(text, [BANK], ["bank"], "2031-04-09")
    assert _judge(store, tmp_path, said, [BOARD, BANK], report) == "confirmed True"


def test_a_body_names_its_institution_only_after_a_name() -> None:
    assert body_of("ZRB Policy Board") == "ZRB"
    assert body_of("the Acme Board of Directors") == "Acme"
    assert body_of("Governing Council") is None and body_of("Bank of Ruritania") is None
