"""Seat majorities compared with seat counts: "won 230 of the 400 seats" is a majority of 60 (texts written for
these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import GREENS, at, load, records


@pytest.mark.parametrize(("said", "want"), [
    ("The Greens will win a majority of 60 seats.", "confirmed"),
    ("The Greens will win a majority of 40 seats.", "refuted"),
])
def test_a_predicted_majority_is_compared_with_the_majority_a_seat_count_gives(
    said: str, want: str, store: MemoryStore, tmp_path: Path
) -> None:
    before = records(said, "2031-03-01", "https://example.org/before", [GREENS], {said: "2031-03-05"})
    claim = before.predictions[0].claim
    assert claim is not None and claim.unit == "seat-majority"
    after = records("The declared results on Friday said that the Greens won 230 of the 400 seats.", "2031-03-07",
                    "https://example.org/after", [GREENS], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome == want, j.rationale
    assert "60 seat-majority" in j.rationale


def test_a_seat_count_without_its_whole_gives_no_majority(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Greens will win a majority of 40 seats."
    before = records(said, "2031-03-01", "https://example.org/before", [GREENS], {said: "2031-03-05"})
    after = records("The declared results on Friday said that the Greens won 230 seats.", "2031-03-07",
                    "https://example.org/after", [GREENS], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome not in ("confirmed", "refuted")


def test_a_seat_loss_in_a_results_table_refutes_another_predicted_loss(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Greens are set to lose 20 seats"
    before = records(f"{said}.", "2031-03-01", "https://example.org/before", [GREENS], {said: "2031-03-05"})
    after = records("The declared results on Friday gave the Blues 300 seats, to the Greens' 120 seats, down 31.",
                    "2031-03-07", "https://example.org/after", [GREENS], {})
    assert [(o.claim.predicate, o.claim.value) for o in after.outcomes] == [("lose", 31.0)]
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome == "refuted", j.rationale


def test_a_projected_seat_loss_is_no_result() -> None:
    after = records("In the final poll the Greens are on 120 seats, down 31, the model shows.", "2031-03-07",
                    "https://example.org/after", [GREENS], {})
    assert after.outcomes == []
