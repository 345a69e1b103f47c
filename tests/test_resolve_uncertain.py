"""Doubt as a hedge: "X cannot be sure of winning" forecasts that X may win (a possibility, not a denial), so a
later report that X won confirms it (texts written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.records import ArticleRecord, check
from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import GREENS, at, load, records


@pytest.mark.parametrize("words", ["cannot be sure of", "cannot be certain of"])
def test_doubt_about_an_outcome_is_a_possibility_of_it(words: str) -> None:
    r = extract(ArticleRecord(text=f"The new poll suggests that the Greens {words} winning a majority.",
                              published="2031-03-01"))
    check(r)
    (p,) = r.predictions
    assert p.hedge == words and p.probability_interval == (0.2, 0.6)
    assert p.claim is not None and p.claim.predicate == "win" and p.claim.polarity == "positive"


def test_sure_without_doubt_is_no_hedge() -> None:
    r = extract(ArticleRecord(text="The Greens were sure of their figures on Monday.", published="2031-03-01"))
    assert r.predictions == []


def test_a_win_confirms_the_doubted_win(store: MemoryStore, tmp_path: Path) -> None:
    said = "The poll suggests the Greens cannot be sure of winning a majority"
    before = records(f"{said}.", "2031-03-01", "https://example.org/before", [GREENS], {said: "2031-03-05"})
    after = records("The Greens won a majority at the Monday poll.", "2031-03-07", "https://example.org/after",
                    [GREENS], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome == "confirmed", j.rationale
