"""The theme of a multiword outcome form followed by a condition ("lift its grounding order once …") is
the form's own nouns, and a report worded with another form naming the same thing ("rescinded the order that
grounded …") shares it. Texts written for these tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import ACME, at, load, records

SAID = "Acme Corp will lift its grounding order once the inspectors sign off on the repairs."


def test_the_theme_comes_from_the_form_not_from_its_condition() -> None:
    before = records(SAID, "2031-03-05", "https://example.org/before", [ACME], {SAID: None})
    claim = before.predictions[0].claim
    assert claim is not None and (claim.predicate, claim.theme) == ("approve", "grounding order")


def test_a_report_rescinding_the_order_confirms_it(store: MemoryStore, tmp_path: Path) -> None:
    before = records(SAID, "2031-03-05", "https://example.org/before", [ACME], {SAID: None})
    after = records("On Friday Acme Corp rescinded the order that grounded its trains.", "2031-03-09",
                    "https://example.org/after", [ACME], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-10"))
    assert j.outcome == "confirmed", j.rationale


def test_an_approval_of_something_else_does_not(store: MemoryStore, tmp_path: Path) -> None:
    before = records(SAID, "2031-03-05", "https://example.org/before", [ACME], {SAID: None})
    after = records("On Friday Acme Corp approved the merger with a rival.", "2031-03-09",
                    "https://example.org/after", [ACME], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-10"))
    assert j.outcome != "confirmed", j.rationale
