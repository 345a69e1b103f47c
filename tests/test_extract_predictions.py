"""Predictions: triggers, hedges, deadlines, polarity, predictors and non-predictions (kg.extract.predictions)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import ArticleRecord, Prediction, Records, check


def run(text: str, published: str = "2024-01-10", outlet: str | None = None) -> Records:
    records = extract(ArticleRecord(text=text, published=published, outlet=outlet))
    check(records)
    return records


def only(records: Records, phrase: str) -> Prediction:
    found = [p for p in records.predictions if phrase in p.text]
    assert len(found) == 1, [p.text for p in records.predictions]
    return found[0]


def predictor(records: Records, p: Prediction) -> str:
    a = records.actor(p.predictor)
    return a.label if a else p.predictor


def test_expected_to_raise_rates_in_march() -> None:
    r = run("The Federal Reserve is expected to raise rates in March, economists say.")
    p = only(r, "expected to raise rates in March")
    assert p.hedge == "expected to" and p.probability_interval == (0.55, 0.85)
    assert p.deadline == "2024-03-31" and p.polarity == "positive"


def test_percentage_wins_over_hedges() -> None:
    r = run("The model gives the incumbent an 82% chance of winning the election in November.")
    p = only(r, "82% chance")
    assert p.hedge == "82%" and p.probability == 0.82 and p.probability_interval == (0.82, 0.82)
    assert p.deadline == "2024-11-30"


def test_odds_in_words() -> None:
    r = run("I would put the odds of a ratified deal by December at no better than one in five.")
    p = only(r, "one in five")
    assert p.probability == pytest.approx(0.2) and p.deadline == "2024-12-31"


@pytest.mark.parametrize(
    ("text", "hedge", "low", "high"),
    [
        ("Oil prices will likely rise this year.", "likely", 0.55, 0.8),
        ("The merger is poised to close next month.", "poised to", 0.6, 0.9),
        ("The company plans to cut 500 jobs by June.", "plans to", 0.55, 0.85),
        ("Talks may resume next week.", "may", 0.2, 0.6),
        ("The bill is unlikely to pass this year.", "unlikely to", 0.2, 0.45),
        ("The talks will almost certainly continue next year.", "almost certainly", 0.95, 0.99),
        ("The bank will probably hold rates in March.", "probably", 0.63, 0.87),
    ],
)
def test_hedges(text: str, hedge: str, low: float, high: float) -> None:
    p = run(text).predictions
    assert len(p) == 1
    assert (p[0].hedge, p[0].probability_interval) == (hedge, (low, high))
    assert p[0].probability is not None and low <= p[0].probability <= high


@pytest.mark.parametrize(
    "text",
    ["The prime minister will not attend the summit next week.", "The minister won’t attend the summit next week."],
)
def test_negative_polarity(text: str) -> None:
    p = run(text).predictions
    assert len(p) == 1 and p[0].polarity == "negative" and p[0].deadline == "2024-01-21"


def test_unlikely_keeps_positive_polarity() -> None:
    assert run("The bill is unlikely to pass this year.").predictions[0].polarity == "positive"


def test_quoted_prediction_belongs_to_the_speaker() -> None:
    r = run("“We will cut rates twice this year,” Finance Minister Jane Doe said on Monday.")
    p = only(r, "We will cut rates twice this year")
    assert predictor(r, p) == "Jane Doe" and p.statement == r.statements[0].id and p.made == "2024-01-08"
    assert p.deadline == "2024-12-31"


def test_reported_would_about_a_dated_future() -> None:
    r = run("Trade Minister Julia Brennan said she would travel to Mexico City on March 21.")
    p = only(r, "would travel to Mexico City")
    assert predictor(r, p) == "Julia Brennan" and p.deadline == "2024-03-21"


def test_estimator_verb_names_the_predictor() -> None:
    r = run(
        "Helena Voss, head of research at Kessler Bank, spoke on Monday. She put the chance of a deeper cut at 30%."
    )
    p = only(r, "chance of a deeper cut at 30%")
    assert predictor(r, p) == "Helena Voss" and p.probability == pytest.approx(0.3)


def test_outlet_forecast_is_the_authors() -> None:
    r = run("The Civic Ledger forecast gives Democrat Sofia Alvarez a 62% chance of winning.", outlet="Civic Ledger")
    assert only(r, "62% chance").predictor == "author"


@pytest.mark.parametrize(
    "text",
    [
        "Will the central bank blink in March?",  # a question
        "Had the minister resigned, the coalition would have collapsed.",  # a counterfactual
        "If the deal had closed in 2019, exporters would have gained.",  # a counterfactual
        "The summit was expected to produce a deal last year.",  # a past expectation
        "Asked whether the bank would raise its offer, she declined to comment.",  # an indirect question
        "He said he would like to thank the voters.",  # politeness
        "Inflation was higher than expected in December.",  # a comparison
        "Flights were cancelled due to the storm.",  # causal "due to"
    ],
)
def test_not_predictions(text: str) -> None:
    assert run(text).predictions == []


def test_event_link_to_a_predicted_meeting() -> None:
    r = run("Chinese President Xi Jinping will likely visit Pyongyang in September.")
    p = r.predictions[0]
    assert p.event is not None and p.event == r.meetings[0].id
