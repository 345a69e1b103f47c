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


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ana Brisk will visit Lorvik next month.",
        "Ana Brisk will likely meet Tomas Vell in Lorvik next month.",
        "A summit between Ana Brisk and Tomas Vell will likely be held in May.",
        "Ana Brisk will meet Tomas Vell in Lorvik. It will now take place in May.",
    ],
)
def test_event_is_the_predicted_meeting(text: str) -> None:
    r = run(text)
    assert r.meetings and r.predictions and all(p.event == r.meetings[0].id for p in r.predictions)


@pytest.mark.parametrize(
    "text",
    [
        "A summit between Ana Brisk and Tomas Vell might be the only way to save the deal.",
        "Ana Brisk will likely meet Tomas Vell in May. It won't bring the two sides any closer.",
        "Ana Brisk will likely meet Tomas Vell in May. It will restore the illusion of progress.",
    ],
)
def test_event_not_set_when_the_meeting_is_only_the_subject(text: str) -> None:
    r = run(text)
    assert r.meetings and r.predictions[-1].event is None


# -- polarity: a negated belief or predicate is negative; a negative hedge keeps the polarity positive ----------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("“I don’t expect the labour market to collapse,” Finance Minister Tova Lind said.", "labour market"),
        ("Finance Minister Tova Lind said there will be no quick end to the dispute.", "quick end"),
        ("“I don't believe there will be a strike,” Finance Minister Tova Lind said.", "a strike"),
        ("“I don't think we will place an order before 2026,” Finance Minister Tova Lind said.", "place an order"),
        ("Finance Minister Tova Lind said the plan would not require tax increases.", "tax increases"),
    ],
)
def test_negated_predicate_or_belief_is_negative(text: str, phrase: str) -> None:
    r = run(text)
    p = only(r, phrase)
    assert p.polarity == "negative" and predictor(r, p) == "Tova Lind"


def test_negation_stops_at_though() -> None:
    r = run("Finance Minister Tova Lind did not expect Arvania to veto the plan, though she will almost certainly try.")
    assert only(r, "veto").polarity == "negative"
    p = only(r, "almost certainly try")
    assert p.polarity == "positive" and p.probability_interval == (0.95, 0.99)


def test_surprised_if_not_is_unlikely_and_negative() -> None:
    r = run("“I would be surprised if the board did not engage,” Finance Minister Tova Lind said.")
    p = only(r, "surprised")
    assert (p.polarity, p.probability_interval) == ("negative", (0.2, 0.45))


def test_progressive_with_a_future_time_is_a_forecast() -> None:
    p = only(run("“This strike is not ending this week,” union leader Mara Quist said."), "not ending")
    assert p.polarity == "negative" and p.deadline == "2024-01-14"


# -- predictors: the speaker of the statement the prediction sits in ---------------------------------------------


def test_clause_after_he_said_and_belongs_to_the_speaker() -> None:
    r = run("The economy will grow, Finance Minister Tova Lind said, and the deficit will probably stay above 3%.")
    p = only(r, "deficit will probably stay")
    assert predictor(r, p) == "Tova Lind"


def test_reported_would_of_a_named_speaker() -> None:
    r = run("Finance Minister Tova Lind said the bill would go ahead as planned.")
    p = only(r, "bill would go ahead")
    assert predictor(r, p) == "Tova Lind" and p.polarity == "positive"


def test_would_in_a_quote_is_no_forecast() -> None:
    assert run("“We would welcome that,” Finance Minister Tova Lind said.").predictions == []


# -- deadlines ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "deadline"),
    [
        ("Prices will rise later in the year.", "Prices will rise", "2024-12-31"),
        ("Prices will rise by year-end.", "Prices will rise", "2024-12-31"),
        ("Output will return to normal by the autumn.", "Output will return", "2024-11-30"),
        ("Final results are expected by Thursday.", "Final results", "2024-01-11"),
        ("She expects three cuts by the end of the year.", "three cuts", "2024-12-31"),
        ("The central bank forecasts a rebound to 1.7% in 2025.", "rebound", "2025-12-31"),
        ("Prices will rise next summer, and wages will rise by 2027.", "Prices will rise next summer", "2024-08-31"),
        ("Prices will rise next summer, and wages will rise by 2027.", "wages will rise", "2027-12-31"),
        (
            "The party will win before the vote, which is expected on Tuesday 23 January.",
            "party will win",
            "2024-01-23",
        ),
    ],
)
def test_deadlines(text: str, phrase: str, deadline: str) -> None:
    assert only(run(text), phrase).deadline == deadline


def test_date_of_the_speech_is_no_deadline() -> None:
    r = run("Finance Minister Tova Lind said at a conference in June that rates will fall.", published="2024-08-20")
    assert only(r, "rates will fall").deadline is None


def test_can_and_will_is_one_predicate() -> None:
    r = run("“Arvania can and will stop the invasion,” Finance Minister Tova Lind said.")
    assert only(r, "can and will stop").hedge == "will"


def test_confident_we_can() -> None:
    p = only(run("“I am confident we can build it,” Finance Minister Tova Lind said."), "confident")
    assert p.probability_interval == (0.63, 0.87)


# -- not predictions ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“We could have had this deal a month ago,” Finance Minister Tova Lind said.",
        "“Anything is possible in this place,” Finance Minister Tova Lind said.",
        "Finance Minister Tova Lind told the Post the city could not afford more.",
        "“I will not pretend that this is easy,” Finance Minister Tova Lind said.",
        "The summit, due in May, has been postponed.",
    ],
)
def test_past_counterfactual_generic_ability_and_speech_acts_are_no_predictions(text: str) -> None:
    assert run(text).predictions == []


def test_during_the_trip_ends_with_the_trip() -> None:
    from kg.extract.deadlines import during_meeting
    from kg.records import Meeting, Span

    trip = Meeting("m1", "visit", ["a1"], "planned", Span(0, 5, "visit"), start="2024-03-04", end="2024-03-06")
    month = Meeting("m2", "visit", ["a1"], "planned", Span(0, 5, "visit"), start="2024-04")
    p = only(run("Finance Minister Tova Lind will sign a trade pact during the trip."), "during the trip")
    assert during_meeting(p, [trip]) == "2024-03-06"
    assert during_meeting(p, [month]) == "2024-04-30"


def test_habitual_stance_has_low_confidence() -> None:
    r = run("Governor Mara Quist has spent a year telling markets that she will not be rushed.")
    assert only(r, "will not be rushed").confidence <= 0.3


def test_a_date_of_a_past_verb_is_no_deadline() -> None:
    r = run("The trial that began in March will end soon.", published="2024-08-10")
    assert only(r, "will end soon").deadline is None
    r = run("The summit will be held in March.", published="2024-08-10")
    assert only(r, "summit").deadline == "2025-03-31"


def test_clause_dated_before_publication_is_no_prediction() -> None:
    assert run("Prices will have risen 5% in 2023, the report showed.", published="2024-08-10").predictions == []


def test_as_soon_as_next_week_ends_with_next_week() -> None:
    (p,) = run("The ministers could strike a deal as soon as next week.").predictions
    assert p.deadline == "2024-01-21"


def test_signing_during_the_visit_ends_with_the_visit() -> None:
    r = run("Prime Minister Jan Holm will visit Lorvik next week and is expected to sign a deal during the visit.")
    assert [p.deadline for p in r.predictions] == ["2024-01-21", "2024-01-21"]
