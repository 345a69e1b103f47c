"""How big a win is claimed and reported: "a small Civic majority" against "the largest majority in decades"
(texts written for these tests; fictional actors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import Who, at, load, records

CIVIC = Who("civic", "Civic Party", forms=("the Civics", "The Civics", "Civics"))


@pytest.mark.parametrize(("reported", "want"), [
    ("The Civics swept to victory in the election on Thursday with the biggest Civic majority in a generation.",
     "refuted"),
    ("The Civics won a slim majority in the election on Thursday.", "confirmed"),
])
def test_a_claimed_size_is_compared_with_the_reported_one(
    reported: str, want: str, store: MemoryStore, tmp_path: Path
) -> None:
    said = "a small Civic majority is likely"
    before = records(f"The Civics lead. The final poll suggests that {said}.", "2031-03-01",
                     "https://example.org/before", [CIVIC], {said: "2031-03-06"})
    claim = before.predictions[0].claim
    assert claim is not None and claim.subjects == ["civic"] and claim.theme == "small majority"
    after = records(reported, "2031-03-07", "https://example.org/after", [CIVIC], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome == want, j.rationale


def test_a_win_that_says_nothing_of_its_size_leaves_a_sized_claim_undecided(store: MemoryStore, tmp_path: Path) -> None:
    said = "a narrow Civic majority is likely"
    before = records(f"The Civics lead. The final poll suggests that {said}.", "2031-03-01",
                     "https://example.org/before", [CIVIC], {said: "2031-03-06"})
    after = records("The Civics won the election on Thursday.", "2031-03-07", "https://example.org/after", [CIVIC], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome not in ("confirmed", "refuted"), j.rationale


def test_a_party_majority_without_a_size_is_confirmed_by_the_win(store: MemoryStore, tmp_path: Path) -> None:
    said = "a Civic majority is likely"
    before = records(f"The Civics lead. The final poll suggests that {said}.", "2031-03-01",
                     "https://example.org/before", [CIVIC], {said: "2031-03-06"})
    after = records("The Civics won the election on Thursday.", "2031-03-07", "https://example.org/after", [CIVIC], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome == "confirmed", j.rationale
