"""Forecasts the author relays without naming a forecaster, and what they claim: beliefs of unnamed sources
("most analysts assessed that X would …"), the consequence of a forecast ("The move would be …"), countdowns
("we have two days to launch"), readiness and long odds; then their resolution (an undated failure reported
just after the window, a milestone named after a reported decision). Texts written for these tests."""

from __future__ import annotations

from pathlib import Path

from kg.extract import extract
from kg.extract.countdowns import end_day
from kg.extract.milestone_outcomes import milestones
from kg.extract.relayed_claims import agent_subject, group_head, pronoun_subject
from kg.records import Actor, ArticleRecord, Records, Span
from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import BANK, GREENS, at, load, records


def _predictions(text: str, published: str = "2031-05-05") -> list:
    r = extract(ArticleRecord(text=text, url="https://example.org/a", title="A test", published=published))
    return r.predictions


def _label(r: Records, actor_id: str) -> str:
    return next(a.label for a in r.actors if a.id == actor_id)


def test_unnamed_analysts_relay_a_forecast_with_their_belief() -> None:
    text = ("Talks dragged on in Valdora. Most political analysts on Monday still assessed that Anna Berg would "
            "manage to persuade three other parties to join her Green Party in a coalition ahead of Friday's "
            "deadline.")
    r = extract(ArticleRecord(text=text, url="https://example.org/a", title="A test", published="2031-05-05"))
    (p,) = r.predictions
    assert p.text.startswith("Most political analysts") and p.hedge == "assessed"
    assert p.probability_interval == (0.55, 0.85) and p.deadline == "2031-05-09"
    assert p.claim is not None and p.claim.predicate == "form-government"
    assert [_label(r, s) for s in p.claim.subjects] == ["Anna Berg"]


def test_a_would_of_unnamed_sources_under_a_condition_or_a_habit_is_no_forecast() -> None:
    assert _predictions("Analysts assessed that Anna Berg would win the vote if turnout rose.") == []
    assert _predictions("Analysts believed that Anna Berg would often visit the harbour in those years.") == []
    assert _predictions("The harbour would be busy in summer, locals recalled.") == []


def test_the_consequence_of_a_forecast_is_relayed_with_it() -> None:
    text = ("The Bank of Valdora is likely to scrap its sub-zero deposit rate when it meets next week. "
            "The step would be the first rate increase by the central bank since 2019.")
    r = extract(ArticleRecord(text=text, url="https://example.org/a", title="A test", published="2031-05-05"))
    assert len(r.predictions) == 2
    claim = r.predictions[1].claim
    assert claim is not None and claim.predicate == "raise"
    assert [_label(r, s) for s in claim.subjects] == ["Bank of Valdora"]


def test_a_would_after_a_past_event_is_no_consequence_of_a_forecast() -> None:
    text = "The Bank of Valdora ended negative interest rates last week. The move would be welcome to savers."
    assert _predictions(text) == []


def test_countdowns_forecast_the_event_on_the_day_the_count_ends() -> None:
    (p,) = _predictions("With two days to go until the vote, the Greens of Valdora are campaigning hard.")
    assert p.rule == "prediction.countdown" and p.deadline == "2031-05-07" and p.probability_interval == (0.8, 0.95)
    assert end_day(__import__("datetime").date(2031, 5, 5), "a", "week") == "2031-05-12"


def test_a_past_count_a_condition_or_another_count_is_no_countdown() -> None:
    assert _predictions("We had two days to launch back then, and the crew rested.") == []
    assert _predictions("We have two days to prepare the report for the board.") == []
    assert _predictions("If we have one day until the vote, the campaign ends early.") == []


def test_readiness_and_long_odds_are_hedges() -> None:
    (p,) = _predictions("The two leaders are reportedly ready to sign a new fishing treaty.")
    assert p.hedge == "reportedly ready to" and p.probability_interval == (0.55, 0.85)
    text = "Finance Minister Anna Berg is far behind in the polls. She needs a lot of luck to win."
    r = extract(ArticleRecord(text=text, url="https://example.org/a", title="A test", published="2031-05-05"))
    (q,) = r.predictions
    assert q.probability_interval == (0.05, 0.2)
    assert q.claim is not None and q.claim.predicate == "win"
    assert [_label(r, s) for s in q.claim.subjects] == ["Anna Berg"]


def test_subjects_from_a_pronoun_an_agent_and_a_group_of_leaders() -> None:
    text = "Prime Minister Jane Roe spoke. She needs a miracle to win the vote."
    roe = Actor("a1", "Jane Roe", "Person", mentions=[Span(15, 23, "Jane Roe")])
    assert pronoun_subject(text, text.index("She"), text.index("win"), [roe]) == "a1"
    assert pronoun_subject(text, text.index("She"), text.index("win"), []) is None
    text = "That would mark the first rate increase by Acme Bank this decade."
    i = text.index("Acme")
    acme = Actor("a2", "Acme Bank", "Organization", mentions=[Span(i, i + 9, "Acme Bank")])
    assert agent_subject(text, text.index(" by"), len(text), [acme]) == "a2"
    assert agent_subject("a hike by 25 basis points", 6, 25, [acme]) is None
    text = "The leaders of the Tide League, Valdora for the north and Osk for the south, are ready to cut output."
    league = Actor("g", "Tide League", "Organization", mentions=[Span(19, 30, "Tide League")])
    osk = Actor("o", "Osk", "Country", mentions=[Span(text.index("Osk"), text.index("Osk") + 3, "Osk")])
    assert group_head(text, 0, text.index("cut"), [league, osk]) == "g"
    assert group_head("Osk, a small state, is ready to cut output.", 0, 33, [league, osk]) is None


def test_an_undated_failure_reported_just_after_the_window_refutes(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Greens will form a coalition before the deadline."
    before = records(said, "2031-05-01", "https://example.org/before", [GREENS], {said: "2031-05-20"})
    after = records("The assembly broke up after the Greens failed to build a coalition.",
                    "2031-05-22", "https://example.org/after", [GREENS], {})
    assert [o.date for o in after.outcomes] == [None]
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-23"))
    assert j.outcome == "refuted", j.rationale


def test_an_undated_failure_reported_months_later_decides_nothing(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Greens will form a coalition before the deadline."
    before = records(said, "2031-05-01", "https://example.org/before", [GREENS], {said: "2031-05-20"})
    after = records("The assembly broke up after the Greens failed to build a coalition.",
                    "2031-09-22", "https://example.org/after", [GREENS], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-09-23"))
    assert j.outcome not in ("confirmed", "refuted"), j.rationale


def test_a_milestone_named_after_a_decision_reports_that_outcome(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Central Bank will raise rates at its next meeting."
    before = records(said, "2031-03-10", "https://example.org/before", [BANK], {said: "2031-03-19"})
    text = ("The Central Bank voted on Tuesday to lift its main rate above zero, marking the Central Bank's first "
            "rate increase in a decade.")
    after = records(text, "2031-03-19", "https://example.org/after", [BANK], {})
    assert [(o.claim.predicate, o.date) for o in after.outcomes if o.rule == "outcome.milestone"] == [
        ("raise", "2031-03-18")]
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-20"))
    assert j.outcome == "confirmed", j.rationale


def test_a_milestone_in_a_forecast_reports_nothing() -> None:
    text = "The Central Bank is expected to vote to end the policy, marking the Central Bank's first rate increase."
    bank = Actor("bank", "Central Bank of Ruritania", "Organization", mentions=[Span(4, 16, "Central Bank")])
    r = Records(ArticleRecord(text=text, published="2031-03-19"), actors=[bank])
    assert milestones(r, 0) == []


def test_a_headline_line_is_an_arrangement_of_the_header_source_with_the_subject_of_its_kind() -> None:
    text = ("The Bank of Valdora rate increase is expected on Thursday 8 May 2031.\n\nThis via Acme Research:\n\n"
            "First rate increase of 25 bps in nine years to be announced.\n\nThe aim is to be announced later.")
    r = extract(ArticleRecord(text=text, url="https://example.org/a", title="A test", published="2031-05-05"))
    (p,) = [p for p in r.predictions if p.rule == "prediction.headline"]
    assert p.text == "First rate increase of 25 bps in nine years to be announced"
    assert p.probability_interval == (0.8, 0.95) and p.deadline == "2031-05-08"
    assert p.claim is not None and (p.claim.predicate, p.claim.value, p.claim.unit) == ("raise", 25.0, "bp")
    assert [_label(r, s) for s in p.claim.subjects] == ["Bank of Valdora"]


def test_a_subject_is_inherited_only_from_a_claim_of_the_same_kind_and_noun() -> None:
    text = ("The Bank of Valdora is expected to raise wages of its staff next month. "
            "Rate hikes will spread to smaller lenders next month.")
    r = extract(ArticleRecord(text=text, url="https://example.org/a", title="A test", published="2031-05-05"))
    last = r.predictions[-1].claim
    assert last is not None and last.predicate == "raise" and last.subjects == []


def test_a_tip_forecasts_each_infinitive_and_a_passive_tip_none() -> None:
    text = "One study by Acme Research has tipped the hosts to win the cup and to beat Valdora in the final."
    r = extract(ArticleRecord(text=text, url="https://example.org/a", title="A test", published="2031-05-05"))
    tipped = [p for p in r.predictions if p.rule == "prediction.tip"]
    assert [p.text for p in tipped] == ["tipped the hosts to win the cup", "to beat Valdora in the final"]
    assert {_label(r, p.predictor) for p in tipped} == {"Acme Research"}
    assert _predictions("The hosts were tipped to win the cup last year.") == []
