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
    r = run("The model gives the incumbent a 77% chance of winning the election in November.")
    p = only(r, "77% chance")
    assert p.hedge == "77%" and p.probability == 0.77 and p.probability_interval == (0.77, 0.77)
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


# -- issue 9: deadlines that hold on previews, live pages and wire copy --------------------------------------
def test_a_clock_time_is_the_day_of_publication() -> None:
    r = run("The governor will announce her decision at 3pm (1900 GMT).", published="2024-02-06")
    assert only(r, "announce her decision").deadline == "2024-02-06"


def test_undated_forecasts_of_a_preview_take_the_date_of_its_event() -> None:
    text = (
        "Finance Minister Jane Doe is likely to unveil a new budget rule.\n\n"
        "The announcement is expected at a cabinet retreat on Saturday.\n\n"
        "The rule will cap borrowing at 3% of output."
    )
    r = run(text, published="2024-02-06")  # a Tuesday
    assert only(r, "unveil a new budget rule").deadline == "2024-02-10"
    assert only(r, "cap borrowing").deadline == "2024-02-10"


def test_a_far_date_of_the_lead_is_no_focus() -> None:
    text = "Analysts expect growth to pick up in December.\n\nThe central bank will keep its stance."
    r = run(text, published="2024-02-06")
    assert only(r, "keep its stance").deadline is None


def test_the_date_of_a_briefing_before_the_speech_verb_is_not_the_deadline() -> None:
    text = "In a briefing with reporters Monday, forecaster Ana Lima said the storm would weaken by Thursday."
    r = run(text, published="2024-02-06")
    assert only(r, "weaken").deadline == "2024-02-08"


def test_as_planned_on_a_date_is_the_deadline() -> None:
    r = run("The ministry will keep the toll and cancel the rise due as planned on March 1.", published="2024-11-20")
    assert only(r, "keep the toll").deadline == "2025-03-01"


def test_a_past_point_of_comparison_keeps_the_forecast() -> None:
    r = run("The Greens are set to lose 12 seats, down from 40 in 2019.", published="2024-02-06")
    p = only(r, "lose 12 seats")
    assert p.deadline is None and p.hedge == "set to"


def test_the_main_clause_after_a_relative_clause_has_its_own_date() -> None:
    text = "The sailor Tom Berg, who was detained by the coast guard on Monday, will be freed tomorrow."
    r = run(text, published="2024-02-08")  # a Thursday
    p = only(r, "freed tomorrow")
    assert p.deadline == "2024-02-09" and p.text.startswith("The sailor Tom Berg")


# -- issue 9: how strongly: modifiers, calendars, worded chances ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "hedge", "low", "high"),
    [
        ("Most observers believe the coalition will survive the vote.", "believe", 0.55, 0.85),
        ("There is little doubt that the mayor will win a second term.", "little doubt that", 0.85, 0.97),
        ("The Greens are set to gain 12 seats in the vote.", "set to", 0.6, 0.9),
        ("The bonds are set to price Wednesday, March 6.", "set to", 0.8, 0.95),
        ("We cannot rule out a second round.", "cannot rule out", 0.2, 0.45),
        ("The result makes a second vote almost inevitable.", "almost inevitable", 0.8, 0.95),
        ("The verdict should be announced on Thursday.", "should", 0.55, 0.8),
    ],
)
def test_words_around_the_trigger(text: str, hedge: str, low: float, high: float) -> None:
    (p,) = run(text, published="2024-02-06").predictions
    assert p.hedge == hedge and p.probability_interval == (low, high)
    assert low <= (p.probability or 0) <= high


def test_chances_in_words() -> None:
    r = run("Diplomats said the chances of the treaty surviving the year were very small.", published="2024-02-06")
    (p,) = r.predictions
    assert p.hedge == "very small" and p.probability_interval == (0.05, 0.2)


def test_a_percentage_favourable() -> None:
    r = run("The weather is about 70% favorable for the launch tomorrow.", published="2024-02-06")
    (p,) = r.predictions
    assert p.probability == 0.7 and p.deadline == "2024-02-07"


@pytest.mark.parametrize(
    "text",
    [
        "It may be wise for the council to pause until the autumn.",
        "It's probably less than the founders wanted to raise.",
        "Surveys before the ballot foresaw a close contest, possibly a runoff.",
        "How long the envoys will remain in the capital is still to be determined.",
        "The minister announced on Monday that the prisoner would be freed the following day.",
        "We'll hear from the director in a minute.",
        "Shoppers are reluctant to spend due to soaring prices.",
        "The outcome of the pay round will be a key moment for the council.",
        "Voters should not believe everything they read.",
    ],
)
def test_assessments_and_stage_directions_are_no_forecasts(text: str) -> None:
    assert run(text, published="2024-02-06").predictions == []


def test_an_announcement_carries_its_content() -> None:
    r = run("President Jane Doe will announce that she is leaving the pact.", published="2024-02-06")
    (p,) = r.predictions
    assert p.text.endswith("leaving the pact")


# -- issue 9: who forecasts ----------------------------------------------------------------------------------
def test_according_to_names_the_forecaster() -> None:
    r = run("The ruling party is likely to win, according to the polling firm Vantage Insights.")
    assert predictor(r, only(r, "likely to win")) == "Vantage Insights"


def test_the_owner_of_a_model_is_the_forecaster() -> None:
    text = (
        "Goldman Sachs published its tournament model on Monday.\n\n"
        "Spain is set for a third title, Goldman Sachs' model shows. Its forecast also puts Chile in the final."
    )
    r = run(text)
    assert predictor(r, only(r, "third title")) == "Goldman Sachs"


def test_a_passive_expectation_is_the_authors() -> None:
    r = run("President Jane Doe is expected to sign the bill on Friday.")
    assert only(r, "sign the bill").predictor == "author"


def test_an_agency_expecting_beats_the_relaying_source() -> None:
    text = "The Maritime Safety Agency (MSA) expects to reopen the port by late June, according to Reuters sources."
    r = run(text)
    assert predictor(r, only(r, "reopen the port")) == "Maritime Safety Agency"


def test_a_header_line_names_the_author_of_the_bullets() -> None:
    text = (
        "Harbor Capital and Northgate Bank sent previews of the decision.\n\n"
        "This via Harbor Capital:\n\n"
        "The central bank will hold rates at 4%.\n\n"
        "A cut in June is likely.\n\n"
        "Northgate Bank:\n\n"
        "The central bank will cut by 25 bps."
    )
    r = run(text)
    assert predictor(r, only(r, "hold rates")) == "Harbor Capital"
    assert predictor(r, only(r, "cut in June")) == "Harbor Capital"
    assert predictor(r, only(r, "cut by 25 bps")) == "Northgate Bank"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A new relief fund is to be opened next month.", True),
        ("The two leaders are to hold talks on Friday.", True),
        ("The goal of the meeting is to let both sides talk.", False),
        ("The right way for the council to act is to announce a review.", False),
        ("I can't tell you how exciting it is to have the first flight here.", False),
    ],
)
def test_an_arranged_is_to(text: str, found: bool) -> None:
    preds = run(text, published="2024-02-06").predictions
    assert bool(preds) == found
    if found:
        assert preds[0].hedge in ("is to", "are to") and preds[0].probability_interval == (0.8, 0.95)


@pytest.mark.parametrize(
    "text",
    [
        "The director took the training course, so she could experience the controls firsthand.",
        "Our governments remain committed to upholding the accord.",
    ],
)
def test_purpose_clauses_and_stances_are_no_forecasts(text: str) -> None:
    assert run(text, published="2024-02-06").predictions == []


def test_a_year_compared_against_is_no_date_of_the_forecast() -> None:
    text = "The Liberals are on course to win 44 seats, up 17 compared to the last general election in 2015."
    (p,) = run(text, published="2024-02-06").predictions
    assert p.hedge == "on course to" and p.deadline is None


def test_a_deadline_before_the_day_a_forecast_was_made_is_dropped_not_the_article() -> None:
    """A date read wrongly (due before the forecast was made) leaves the forecast undated, so the shapes warn
    about it instead of refusing the whole article; a deadline on or after that day stays."""
    from kg.extract.deadlines import without_past_deadlines
    from kg.mapping import map_records
    from kg.records import Span
    from kg.validate import validate_articles

    def forecast(pid: str, deadline: str, made: str | None = None) -> Prediction:
        return Prediction(id=pid, predictor="author", text="Rates will fall", span=Span(0, 15, "Rates will fall"),
                          hedge="will", probability=0.9, deadline=deadline, made=made)

    art = ArticleRecord(text="Rates will fall, and more.", published="2024-03-02", url="https://example.org/r")
    records = Records(article=art, predictions=[forecast("p1", "2024-01-31"), forecast("p2", "2024-03-02"),
                                                forecast("p3", "2024-03-10", made="2024-03-20")])
    before = validate_articles([map_records(records)])[0]
    assert not before.conforms
    kept = without_past_deadlines(records)
    assert [p.deadline for p in kept.predictions] == [None, "2024-03-02", None]
    check(kept)
    assert validate_articles([map_records(kept)])[0].conforms
