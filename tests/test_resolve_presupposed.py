"""A prediction about what a new government will be presupposes that it is formed: a failed formation refutes it,
a formation alone does not confirm it. Texts written for these tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import BERG, at, load, records

SAID = "The new Berg government will look much like the outgoing cabinet, with the same four parties."


def test_the_prediction_claims_the_formation_it_presupposes() -> None:
    before = records(SAID, "2031-05-01", "https://example.org/before", [BERG], {SAID: None})
    claim = before.predictions[0].claim
    assert claim is not None
    assert (claim.predicate, claim.subjects, claim.polarity) == ("form-government", ["berg"], "positive")


def test_a_failed_formation_refutes_it(store: MemoryStore, tmp_path: Path) -> None:
    before = records(SAID, "2031-05-01", "https://example.org/before", [BERG], {SAID: None})
    after = records("The assembly dissolved itself on Tuesday after Anna Berg failed to form a coalition.",
                    "2031-05-21", "https://example.org/after", [BERG], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-22"))
    assert j.outcome == "refuted", j.rationale
    assert j.evidence


def test_a_formation_alone_does_not_confirm_it(store: MemoryStore, tmp_path: Path) -> None:
    before = records(SAID, "2031-05-01", "https://example.org/before", [BERG], {SAID: None})
    after = records("Anna Berg was sworn in as head of a new coalition on Monday.", "2031-05-13",
                    "https://example.org/after", [BERG], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-14"))
    assert j.outcome == "open", j.rationale
    assert j.candidates  # the formation is there for a person to compare with what was predicted


def test_a_new_policy_presupposes_nothing() -> None:
    said = "The new Berg rules will apply from June."
    before = records(said, "2031-05-01", "https://example.org/before", [BERG], {said: None})
    claim = before.predictions[0].claim
    assert claim is None or claim.predicate != "form-government"
