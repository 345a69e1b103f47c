"""Majority claims and contest themes as concepts: "heading for a majority" is a win of the contest that
"cruised to victory at the general election" reports; a seat count over half of all seats is a majority (texts
written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import BERG, GREENS, at, load, records

SAID = "Anna Berg is heading for a Green majority in the assembly"


@pytest.mark.parametrize(("happened", "want"), [
    ("Anna Berg cruised to victory at the general election on Friday.", "confirmed"),
    ("Anna Berg won the tennis final on Friday.", "expired"),
])
def test_a_majority_claim_is_a_win_of_the_election(happened: str, want: str, store: MemoryStore,
                                                   tmp_path: Path) -> None:
    before = records(f"{SAID}, the exit poll shows.", "2031-03-06", "https://example.org/before", [BERG],
                     {SAID: "2031-03-08"})
    claim = before.predictions[0].claim
    assert claim is not None and (claim.predicate, claim.subjects, claim.theme) == ("win", ["berg"], "majority")
    after = records(happened, "2031-03-08", "https://example.org/after", [BERG], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-09"))
    assert j.outcome == want, j.rationale


def test_a_negated_majority_is_refuted_by_the_win() -> None:
    said = "The Greens failed to secure a majority in the assembly"
    before = records(f"{said}.", "2031-03-06", "https://example.org/before", [GREENS], {said: "2031-03-08"})
    claim = before.predictions[0].claim
    assert claim is not None and claim.polarity == "negative"


def test_more_than_half_of_all_seats_is_a_report_of_a_majority(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Greens are set to win a majority in the assembly"
    before = records(f"{said}.", "2031-03-06", "https://example.org/before", [GREENS], {said: "2031-03-08"})
    after = records("The declared results on Friday said that the Greens won 230 of the 400 seats.", "2031-03-08",
                    "https://example.org/after", [GREENS], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-09"))
    assert j.outcome == "confirmed", j.rationale


def test_seats_short_of_half_are_no_majority(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Greens are set to win a majority in the assembly"
    before = records(f"{said}.", "2031-03-06", "https://example.org/before", [GREENS], {said: "2031-03-08"})
    after = records("The declared results on Friday said that the Greens won 180 of the 400 seats.", "2031-03-08",
                    "https://example.org/after", [GREENS], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-09"))
    assert j.outcome != "confirmed", j.rationale
