"""Claims in the passive ("will be freed"), outcomes taken up by a noun ("The deal is expected on Saturday"),
announcing a truce as an agreement and forecasts that a decision will be made known. Texts written for these
tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.decision_claims import with_decision_claims
from kg.extract.outcome_anaphora import with_anaphoric_claims
from kg.extract.passives import with_passive_claims
from kg.records import Records
from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import ACME, DORN, GLOBEX, RURITANIA, Who, at, load, records


def _read(text: str, published: str, url: str, actors: list[Who], predictions: dict[str, str | None]) -> Records:
    return with_anaphoric_claims(with_passive_claims(records(text, published, url, actors, predictions)))


def test_a_passive_claim_has_the_actor_it_is_about_as_subject(store: MemoryStore, tmp_path: Path) -> None:
    said = "Carl Dorn will be released on Friday."
    before = _read(said, "2031-03-05", "https://example.org/before", [DORN], {said: "2031-03-07"})
    claim = before.predictions[0].claim
    assert claim is not None and (claim.predicate, claim.subjects) == ("release", ["dorn"])
    after = records("Officials said Carl Dorn has been handed over to his family.", "2031-03-07",
                    "https://example.org/after", [DORN], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome == "confirmed", j.rationale


def test_only_action_kinds_are_read_in_the_passive() -> None:
    said = "Globex will be approved by the regulator next week."
    r = _read(said, "2031-03-05", "https://example.org/p", [GLOBEX], {said: "2031-03-12"})
    assert r.predictions[0].claim is None  # in a report "Globex approved" Globex is the one who approves


def test_the_agreement_takes_up_the_claim_forecast_before(store: MemoryStore, tmp_path: Path) -> None:
    text = ("Acme Corp and Globex are likely to announce a truce in their price war. "
            "The agreement is expected on Saturday.")
    first, second = "Acme Corp and Globex are likely to announce a truce", "The agreement is expected on Saturday."
    before = _read(text, "2031-03-05", "https://example.org/before", [ACME, GLOBEX],
                   {first: "2031-03-08", second: "2031-03-08"})
    claims = [p.claim for p in before.predictions]
    assert [c.predicate if c else None for c in claims] == ["agree", "agree"]
    assert claims[1] is not None and set(claims[1].subjects) == set(claims[0].subjects or [])
    after = records("Acme Corp and Globex agreed on Saturday to stop cutting prices.", "2031-03-09",
                    "https://example.org/after", [ACME, GLOBEX], {})
    js = resolve(load(store, tmp_path, before, after), **at("2031-03-10"))
    assert [j.outcome for j in js] == ["confirmed", "confirmed"], [j.rationale for j in js]


def test_a_noun_that_says_the_outcome_fails_takes_nothing_up() -> None:
    text = "Acme Corp and Globex will reach a deal. The deal will collapse within a month."
    r = _read(text, "2031-03-05", "https://example.org/p", [ACME, GLOBEX],
              {"Acme Corp and Globex will reach a deal.": None, "The deal will collapse within a month.": None})
    assert r.predictions[0].claim is not None and r.predictions[1].claim is None


def test_a_forecast_that_a_decision_will_be_made_known_is_fulfilled_by_the_decision(
    store: MemoryStore, tmp_path: Path
) -> None:
    said = "Ruritania will confirm on Friday whether it will pull out of the pact."
    before = records(said, "2031-03-05", "https://example.org/before", [RURITANIA], {said: "2031-03-07"})
    before = with_decision_claims(before)
    claim = before.predictions[0].claim
    assert claim is not None and (claim.predicate, claim.theme) == ("announce", "decision")
    after = records("Its allies regret Ruritania's decision to withdraw from the pact.", "2031-03-07",
                    "https://example.org/after", [RURITANIA], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome == "confirmed", j.rationale


def test_a_postponed_decision_does_not_fulfil_it(store: MemoryStore, tmp_path: Path) -> None:
    said = "Ruritania will announce its decision on Friday."
    before = with_decision_claims(records(said, "2031-03-05", "https://example.org/before", [RURITANIA],
                                          {said: "2031-03-07"}))
    after = records("Ruritania postponed the decision on Friday.", "2031-03-07", "https://example.org/after",
                    [RURITANIA], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome != "confirmed", j.rationale
