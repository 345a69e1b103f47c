""""The result will be known by Friday": confirmed by any result of the election reported in time, never refuted by
a party's loss (texts written for these tests; fictional actors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import Who, at, load, records

CIVIC = Who("civic", "Civic Party", forms=("the Civics", "The Civics", "Civics"))
BLUES = Who("blues", "Blue Party", forms=("the Blues", "The Blues"))


@pytest.mark.parametrize(("reported", "published", "want"), [
    ("Final figures on Friday confirmed the Civics won 330 of the 600 seats.", "2031-03-07", "confirmed"),
    ("The Blues lost the election on Friday.", "2031-03-07", "confirmed"),
    ("Final figures on Monday confirmed the Civics won 330 of the 600 seats.", "2031-03-11", "expired"),
])
def test_a_result_known_by_a_day_is_confirmed_by_any_result_in_time(
    reported: str, published: str, want: str, store: MemoryStore, tmp_path: Path
) -> None:
    said = "the outcome of the election should be known by Friday"
    before = records(f"The Civics and the Blues ended their campaigns, and {said}.", "2031-03-05",
                     "https://example.org/before", [CIVIC, BLUES], {said: "2031-03-07"})
    claim = before.predictions[0].claim
    assert claim is not None and set(claim.subjects) == {"civic", "blues"}
    after = records(reported, published, "https://example.org/after", [CIVIC, BLUES], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-12"))
    assert j.outcome == want, j.rationale
