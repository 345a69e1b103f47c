"""Party leaders, party short names, results written as nouns and offices won: election forecasts settled by a
party's result (texts written for these tests; fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.extract import extract
from kg.records import ArticleRecord
from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import Who, at, load, records

CIVIC = Who("civic", "Civic Party", forms=("the Civics", "The Civics", "Civics", "Civic"))
ROE = Who("roe", "Jane Roe", "Person", ("Roe",))


def test_a_leader_named_with_the_party_wins_and_loses_with_it(store: MemoryStore, tmp_path: Path) -> None:
    said = "Civic leader Jane Roe is set to become the next Prime Minister"
    before = records(f"{said}, the final poll shows.", "2031-03-01", "https://example.org/before", [CIVIC, ROE],
                     {said: None})
    claim = before.predictions[0].claim
    assert claim is not None and claim.predicate == "win" and claim.theme == "office prime minister"
    after = records("The Civics lost the election on Saturday.", "2031-03-09", "https://example.org/after",
                    [CIVIC], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-10"))
    assert j.outcome == "refuted", j.rationale


def test_without_a_link_to_the_party_its_loss_decides_nothing(store: MemoryStore, tmp_path: Path) -> None:
    said = "Jane Roe is set to become the next Prime Minister"
    before = records(f"{said}, the final poll shows.", "2031-03-01", "https://example.org/before", [CIVIC, ROE],
                     {said: None})
    after = records("The Civics lost the election on Saturday.", "2031-03-09", "https://example.org/after",
                    [CIVIC], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-10"))
    assert j.outcome not in ("confirmed", "refuted"), j.rationale


def test_a_party_majority_after_a_name_makes_the_person_its_leader(store: MemoryStore, tmp_path: Path) -> None:
    said = "Jane Roe is set for a 24 seat majority"
    before = records(f"{said}, the model shows.", "2031-03-01", "https://example.org/before", [ROE],
                     {said: "2031-03-05"})
    after = records(
        "Jane Roe swept to power with the biggest Civic majority in a generation. Final figures on Friday "
        "confirmed the Civics won 330 of the 600 seats.", "2031-03-07", "https://example.org/after",
        [CIVIC, ROE], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-08"))
    assert j.outcome == "refuted", j.rationale
    assert "60 seat-majority" in j.rationale


def test_a_party_is_one_actor_by_its_short_name_and_an_election_is_held_once(
    store: MemoryStore, tmp_path: Path
) -> None:
    said = "CIVIC is set to take government"
    before = records(f"{said} with a third of the vote.", "2031-03-01", "https://example.org/before",
                     [Who("caps", "CIVIC")], {said: None})
    after = records("The Civic Party lost the election on Saturday.", "2031-03-09", "https://example.org/after",
                    [Who("party", "Civic Party")], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-10"))
    assert j.outcome == "refuted", j.rationale


def test_a_cup_is_not_held_once_so_an_undated_claim_stays_open(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Civics will win the cup"
    before = records(f"{said}.", "2031-03-01", "https://example.org/before", [CIVIC], {said: None})
    after = records("The Civics lost the cup final on Saturday.", "2031-03-09", "https://example.org/after",
                    [CIVIC], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-10"))
    assert j.outcome == "open", j.rationale


def test_a_defeat_after_which_someone_stood_down_is_a_reported_loss(store: MemoryStore, tmp_path: Path) -> None:
    said = "Civic leader Jane Roe will win the election"
    before = records(f"{said}.", "2031-03-01", "https://example.org/before", [CIVIC, ROE], {said: None})
    after = records("Jane Roe resigned on Saturday night after a crushing defeat in the poll.", "2031-03-09",
                    "https://example.org/after", [ROE], {})
    assert [(o.claim.predicate, o.date) for o in after.outcomes] == [("lose", "2031-03-08")]
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-10"))
    assert j.outcome == "refuted", j.rationale


def test_a_hedged_or_owned_result_noun_reports_nothing() -> None:
    for text in ("Jane Roe would stand down following a defeat in the poll.",
                 "Jane Roe spoke after a victory for the Civics."):
        assert records(text, "2031-03-09", "https://example.org/x", [ROE, CIVIC], {}).outcomes == [], text


def test_a_given_name_that_is_also_a_noun_starts_a_name() -> None:
    names = lambda t: [a.label for a in extract(ArticleRecord(text=t, published="2031-03-01")).actors]  # noqa: E731
    assert names("Bill Harker said the plan will pass next week.") == ["Bill Harker"]
    assert names("The Finance Bill passed on Tuesday.") == []



def test_a_hung_parliament_is_refuted_by_a_majority_not_confirmed_by_a_shortfall(
    store: MemoryStore, tmp_path: Path
) -> None:
    said = "We cannot rule out a hung parliament"
    text = f"The Civics and the Blues are close in the final poll. {said}, the pollster said."
    blues = Who("blues", "Blue Party", forms=("the Blues",))
    before = records(text, "2031-03-01", "https://example.org/before", [CIVIC, blues], {said: "2031-03-05"})
    claim = before.predictions[0].claim
    assert claim is not None and claim.polarity == "negative" and claim.unit == "seat-majority"
    short = records("Final figures on Friday confirmed the Blues won 200 of the 600 seats.", "2031-03-07",
                    "https://example.org/short", [blues], {})
    (j,) = resolve(load(store, tmp_path, before, short), **at("2031-03-08"))
    assert j.outcome not in ("confirmed", "refuted"), j.rationale
    won = records("Final figures on Friday confirmed the Civics won 330 of the 600 seats.", "2031-03-07",
                  "https://example.org/won", [CIVIC], {})
    (j,) = resolve(load(store, tmp_path, won), **at("2031-03-08"))
    assert j.outcome == "refuted", j.rationale


def test_moving_into_the_residence_after_the_election_claims_the_win(store: MemoryStore, tmp_path: Path) -> None:
    said = "She expects to be living in Downing Street after the election"
    before = records(f"Civic leader Jane Roe toured a farm on Monday. {said}.", "2031-03-01",
                     "https://example.org/before", [CIVIC, ROE], {said: None})
    claim = before.predictions[0].claim
    assert claim is not None and claim.subjects == ["roe"] and claim.theme == "office downing street"
    after = records("The Civics lost the election on Saturday.", "2031-03-09", "https://example.org/after",
                    [CIVIC], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-10"))
    assert j.outcome == "refuted", j.rationale


def test_a_visit_to_the_residence_claims_no_win() -> None:
    said = "She will be at Downing Street on Monday for talks"
    before = records(f"Jane Roe flew in. {said}.", "2031-03-01", "https://example.org/before", [ROE], {said: None})
    claim = before.predictions[0].claim
    assert claim is None or claim.predicate != "win"
