"""Predictions that an actor "will succeed" (or "fail") at an outcome named just before take that outcome's kind
(kg/extract/outcome_success.py). Texts written for these tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.outcome_success import with_success_claims
from kg.records import Records
from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import BERG, GREENS, at, load, records

TASK = "The president handed Anna Berg the job of forming of a broad government on Monday. "


def _claimed(text: str, said: str) -> Records:
    return with_success_claims(records(text, "2031-05-01", "https://example.org/before", [BERG], {said: None}))


def test_succeed_takes_the_kind_named_before_and_the_actor_before_it() -> None:
    said = "Few doubt that Berg will succeed"
    claim = _claimed(TASK + said + ".", said).predictions[0].claim
    assert claim is not None
    assert (claim.predicate, claim.subjects, claim.polarity) == ("form-government", ["berg"], "positive")


def test_fail_claims_the_outcome_negated() -> None:
    said = "Insiders say Berg will fail"
    claim = _claimed(TASK + said + ".", said).predictions[0].claim
    assert claim is not None and (claim.predicate, claim.polarity) == ("form-government", "negative")


def test_without_an_outcome_named_before_or_with_a_complement_there_is_no_claim() -> None:
    said = "Few doubt that Berg will succeed"
    assert _claimed("Anna Berg spoke on Monday. " + said + ".", said).predictions[0].claim is None
    said2 = "Few doubt that Berg will succeed in the talks"
    assert _claimed(TASK + said2 + ".", said2).predictions[0].claim is None
    said3 = "Few doubt that the talks will succeed"
    assert _claimed(TASK + said3 + ".", said3).predictions[0].claim is None


def test_a_forecast_success_is_refuted_by_a_failed_formation(store: MemoryStore, tmp_path: Path) -> None:
    text = "The Greens were asked to form a coalition. Few doubt that the Greens will succeed."
    said = "Few doubt that the Greens will succeed"
    before = with_success_claims(records(text, "2031-05-01", "https://example.org/before", [GREENS],
                                         {said: "2031-05-20"}))
    claim = before.predictions[0].claim
    assert claim is not None and (claim.predicate, claim.subjects) == ("form-government", ["greens"])
    after = records("The assembly broke up on Tuesday after the Greens failed to build a coalition.",
                    "2031-05-21", "https://example.org/after", [GREENS], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-22"))
    assert j.outcome == "refuted", j.rationale
