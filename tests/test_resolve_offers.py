"""An offer forecast is fulfilled by the offer made or by an agreement on what was offered, also when the
country its leader speaks for agrees; an agreement on something else decides nothing. Texts written for these
tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import ACME, GLOBEX, at, load, records

SAID = "Acme Corp is expected to table an offer to open its network to rival farm suppliers."


def test_the_offer_is_claimed_with_its_maker() -> None:
    before = records(SAID, "2031-04-01", "https://example.org/before", [ACME], {SAID: "2031-04-05"})
    claim = before.predictions[0].claim
    assert claim is not None and (claim.predicate, claim.subjects) == ("offer", ["acme"])


def test_an_agreement_on_what_was_offered_confirms_it(store: MemoryStore, tmp_path: Path) -> None:
    before = records(SAID, "2031-04-01", "https://example.org/before", [ACME], {SAID: "2031-04-05"})
    after = records("Acme Corp agreed on Friday to let agricultural suppliers use its network.", "2031-04-05",
                    "https://example.org/after", [ACME], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-04-06"))
    assert j.outcome == "confirmed", j.rationale
    assert j.evidence and "agricultural" in j.rationale


def test_an_agreement_on_something_else_decides_nothing(store: MemoryStore, tmp_path: Path) -> None:
    before = records(SAID, "2031-04-01", "https://example.org/before", [ACME, GLOBEX], {SAID: "2031-04-05"})
    after = records("Acme Corp and Globex agreed on Friday to merge their payroll units.", "2031-04-05",
                    "https://example.org/after", [ACME, GLOBEX], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-04-06"))
    assert j.outcome not in ("confirmed", "refuted"), j.rationale


def test_a_capitalised_name_is_not_a_speech_verb() -> None:
    said = "Acme Corp will offer to sell its plant to buyers in the United States."
    before = records(said, "2031-04-01", "https://example.org/before", [ACME], {said: "2031-04-05"})
    claim = before.predictions[0].claim
    assert claim is not None and claim.predicate == "offer"
