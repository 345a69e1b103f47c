"""Forming a government (a report that the formation failed refutes the forecast) and staying in an agreement (a
withdrawal from the same agreement refutes it; leaving another agreement does not). Texts written for these
tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.failed_outcomes import failed_claims
from kg.records import Actor, Span
from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import BERG, GREENS, RURITANIA, at, load, records


def test_a_forecast_to_form_a_coalition_is_refuted_by_a_failed_formation(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Greens will form a coalition before the deadline."
    before = records(said, "2031-05-01", "https://example.org/before", [GREENS], {said: "2031-05-20"})
    claim = before.predictions[0].claim
    assert claim is not None and (claim.predicate, claim.subjects) == ("form-government", ["greens"])
    after = records("The assembly broke up on Tuesday after the Greens failed to build a coalition.",
                    "2031-05-21", "https://example.org/after", [GREENS], {})
    assert [(o.claim.predicate, o.claim.polarity) for o in after.outcomes] == [("form-government", "negative")]
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-22"))
    assert j.outcome == "refuted", j.rationale


def test_a_new_government_sworn_in_confirms_it(store: MemoryStore, tmp_path: Path) -> None:
    said = "Anna Berg is expected to build a coalition within a month."
    before = records(said, "2031-05-01", "https://example.org/before", [BERG], {said: "2031-05-31"})
    after = records("Anna Berg was sworn in as head of a new coalition on Monday.", "2031-05-13",
                    "https://example.org/after", [BERG], {})
    assert [o.claim.predicate for o in after.outcomes] == ["form-government"]
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-14"))
    assert j.outcome == "confirmed", j.rationale


def test_a_failure_that_is_only_feared_or_planned_reports_nothing() -> None:
    text = "Analysts fear the Greens could fail to form a coalition. The Greens will fail to form a government."
    after = records(text, "2031-05-21", "https://example.org/after", [GREENS], {})
    assert after.outcomes == []
    text2 = "The Greens said they could not form a coalition without the liberals."
    greens = Actor("g", "Green Party", "Organization", mentions=[Span(4, 10, "Greens")])
    assert [(c.predicate, c.polarity) for c, _ in failed_claims(text2, 0, len(text2), actors=[greens])] == [
        ("form-government", "negative")]


def test_keeping_an_agreement_is_refuted_by_a_withdrawal_from_it(store: MemoryStore, tmp_path: Path) -> None:
    said = "Envoys put the chances of Ruritania keeping the accord intact at almost nil."
    before = records(said, "2031-06-01", "https://example.org/before", [RURITANIA], {said: "2031-06-10"})
    claim = before.predictions[0].claim
    assert claim is not None and (claim.predicate, claim.subjects) == ("stay", ["ruritania"])
    after = records("Ruritania withdrew from the accord on Friday.", "2031-06-07", "https://example.org/after",
                    [RURITANIA], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-06-08"))
    assert j.outcome == "refuted", j.rationale


def test_leaving_another_agreement_decides_nothing(store: MemoryStore, tmp_path: Path) -> None:
    said = "Ruritania will stay in the fisheries pact."
    before = records(said, "2031-06-01", "https://example.org/before", [RURITANIA], {said: "2031-06-10"})
    other = records("Ruritania pulled out of the arms pact on Friday.", "2031-06-07", "https://example.org/other",
                    [RURITANIA], {})
    (j,) = resolve(load(store, tmp_path, before, other), **at("2031-06-08"))
    assert j.outcome == "open", j.rationale


def test_leaving_a_race_does_not_decide_staying_in_office(store: MemoryStore, tmp_path: Path) -> None:
    office = "Anna Berg will remain in office."
    before2 = records(office, "2031-06-01", "https://example.org/office", [BERG], {office: "2031-06-10"})
    quit_race = records("Anna Berg withdrew from the race on Friday.", "2031-06-07", "https://example.org/race",
                        [BERG], {})
    (j2,) = resolve(load(store, tmp_path, before2, quit_race), **at("2031-06-08"))
    assert j2.outcome != "refuted", j2.rationale


def test_staying_in_the_named_agreement_is_refuted_by_leaving_it(store: MemoryStore, tmp_path: Path) -> None:
    said = "Ruritania will stay in the fisheries pact."
    before = records(said, "2031-06-01", "https://example.org/before", [RURITANIA], {said: "2031-06-10"})
    after = records("Ruritania pulled out of the fisheries pact on Friday.", "2031-06-07",
                    "https://example.org/after", [RURITANIA], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-06-08"))
    assert j.outcome == "refuted", j.rationale
