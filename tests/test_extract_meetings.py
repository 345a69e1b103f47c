"""Meetings: kinds, participants, hosts, places, dates and statuses (kg.extract.meetings)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import ArticleRecord, Meeting, Records, check


def run(text: str, published: str = "2024-05-13") -> Records:
    records = extract(ArticleRecord(text=text, published=published))
    check(records)
    return records


def people(records: Records, m: Meeting) -> set[str]:
    return {a.label for p in m.participants if (a := records.actor(p))}


def test_held_summit_with_date_and_place() -> None:
    r = run("Donald Trump and Kim Jong Un held a summit in Singapore on June 12.", published="2018-08-27")
    (m,) = r.meetings
    assert people(r, m) == {"Donald Trump", "Kim Jong Un"}
    assert (m.kind, m.status, m.start, m.place) == ("summit", "held", "2018-06-12", "Singapore")


def test_will_not_attend_and_sends_a_deputy_instead() -> None:
    text = (
        "Estonian Prime Minister Liis Harju will not attend this week’s Nordic-Baltic summit in Oslo and will "
        "send Foreign Minister Kaarel Tamm instead, her office said."
    )
    r = run(text)
    by_person = {frozenset(people(r, m)): m for m in r.meetings}
    harju = by_person[frozenset({"Liis Harju"})]
    tamm = by_person[frozenset({"Kaarel Tamm"})]
    assert harju.status in ("negated", "cancelled") and harju.kind == "summit" and harju.place == "Oslo"
    assert tamm.status == "planned" and tamm.kind == "summit"


def test_cancelled_trip() -> None:
    r = run("On Friday Donald Trump cancelled Mike Pompeo’s trip to Pyongyang.", published="2018-08-27")
    (m,) = r.meetings
    assert people(r, m) == {"Mike Pompeo"} and m.status == "cancelled" and m.kind == "visit"
    assert m.place == "Pyongyang"


def test_planned_visit_with_host() -> None:
    r = run("Chinese Foreign Minister Wang Yi will visit Washington next week for talks with Antony Blinken.")
    (m,) = r.meetings
    assert {"Wang Yi", "Antony Blinken"} <= people(r, m)
    assert m.status == "planned" and m.kind == "visit" and m.start == "2024-05-20" and m.end == "2024-05-26"


def test_predicted_meeting() -> None:
    r = run("Joe Biden and Xi Jinping may meet on the sidelines of the G20 summit in November.")
    (m,) = r.meetings
    assert people(r, m) == {"Joe Biden", "Xi Jinping"}
    assert m.status == "predicted" and m.kind == "meeting" and m.start == "2024-11"


def test_phone_call_held_yesterday() -> None:
    r = run("Narendra Modi spoke by phone with Vladimir Putin on Sunday.")
    (m,) = r.meetings
    assert (m.kind, m.status, m.start) == ("call", "held", "2024-05-12")


def test_the_two_refers_to_the_last_two_people() -> None:
    r = run(
        "Trade Minister Julia Brennan spoke by phone with her counterpart Rodrigo Salcedo on Monday and the two "
        "agreed to meet in Mexico City later this month."
    )
    planned = [m for m in r.meetings if m.status == "planned"]
    assert planned and people(r, planned[0]) == {"Julia Brennan", "Rodrigo Salcedo"}
    assert planned[0].place == "Mexico City" and planned[0].start == "2024-05"


def test_postponed_to_a_new_date_is_planned() -> None:
    r = run("OPEC+ has postponed its ministerial meeting to Thursday, May 16.")
    (m,) = r.meetings
    assert m.status == "planned" and m.start == "2024-05-16"


def test_no_meeting_without_participants() -> None:
    assert run("The anticipated summit and a likely visit dominate the news.").meetings == []


def test_arrive_and_days_of_meetings_carry_date_and_place() -> None:
    r = run(
        "Finance Minister Tova Lind will arrive in Portvale on June 4 and hold two days of meetings with Trade "
        "Minister Oskar Brandt."
    )
    (m,) = r.meetings
    assert people(r, m) == {"Tova Lind", "Oskar Brandt"} and m.status == "planned"
    assert (m.place, m.start, m.end) == ("Portvale", "2024-06-04", "2024-06-05")


def test_present_progressive_with_weekday_and_day_month_is_planned() -> None:
    r = run(
        "Prime Minister Lina Vallo is hosting the three-day summit with President Aren Holm in Portvale from "
        "Thursday 13 June.",
        published="2024-06-10",
    )
    (m,) = r.meetings
    assert (m.status, m.start, m.end, m.place) == ("planned", "2024-06-13", "2024-06-15", "Portvale")


def test_later_this_week_on_a_sunday_is_the_coming_week() -> None:
    r = run("Prime Minister Lina Vallo will meet President Aren Holm later this week.", published="2024-06-09")
    (m,) = r.meetings
    assert (m.start, m.end) == ("2024-06-10", "2024-06-16")


def test_date_and_there_carry_over_within_the_sentence() -> None:
    r = run(
        "On October 15, Prime Minister Lina Vallo is due to meet President Aren Holm in Portvale, and she will "
        "also meet Foreign Minister Kaarel Tamm there.",
        published="2024-10-01",
    )
    tamm = next(m for m in r.meetings if "Kaarel Tamm" in people(r, m))
    assert (tamm.start, tamm.place, tamm.status) == ("2024-10-15", "Portvale", "planned")


def test_state_visit_and_meeting_place_with_several_words() -> None:
    r = run("President Aren Holm will pay a state visit to Lomaria next month.")
    (m,) = r.meetings
    assert (m.kind, m.status, m.place, m.start) == ("visit", "planned", "Lomaria", "2024-06")
    r = run("Prime Minister Lina Vallo and President Aren Holm agreed to meet again at the UN General Assembly.")
    assert r.meetings[0].place == "UN General Assembly"


def test_skip_is_negated_attendance() -> None:
    r = run("Prime Minister Lina Vallo will skip the summit in Portvale next week.")
    (m,) = r.meetings
    assert people(r, m) == {"Lina Vallo"} and m.status == "negated" and m.kind == "summit"


def test_bare_attend_and_postponed_summit_refer_back() -> None:
    text = (
        "Prime Minister Lina Vallo and President Aren Holm will hold a summit in Portvale on June 20. "
        "Foreign Minister Kaarel Tamm will attend. The summit has since been postponed."
    )
    r = run(text)
    assert all(m.kind == "summit" and m.place == "Portvale" for m in r.meetings)
    assert any({"Lina Vallo", "Aren Holm", "Kaarel Tamm"} <= people(r, m) for m in r.meetings)
    assert any(m.status == "cancelled" for m in r.meetings)
    assert run("Prime Minister Lina Vallo will attend school in Portvale.").meetings == []


def test_first_person_speaker_is_the_participant() -> None:
    r = run("“I am meeting their leadership again on Tuesday,” Prime Minister Lina Vallo said.")
    (m,) = r.meetings
    assert people(r, m) == {"Lina Vallo"} and (m.status, m.start) == ("planned", "2024-05-14")


def test_talks_in_a_leading_phrase_belong_to_the_subject() -> None:
    r = run("After 36 hours in talks, Prime Minister Lina Vallo and President Aren Holm reached a deal.")
    (m,) = r.meetings
    assert people(r, m) == {"Lina Vallo", "Aren Holm"} and m.status == "held"


def test_past_dated_meeting_is_held_not_planned() -> None:
    r = run("President Aren Holm will long remember his summit with Prime Minister Lina Vallo in Portvale last year.")
    assert [m.status for m in r.meetings] == ["held"]


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Lina Vallo welcomed the decision by President Aren Holm.",
        "Prime Minister Lina Vallo will be invited to chair their meetings.",
    ],
)
def test_not_meetings(text: str) -> None:
    assert run(text).meetings == []


def test_a_name_after_a_clause_break_is_no_object() -> None:
    r = run("The two sides are unlikely to meet at leaders' level, President Aren Holm said.")
    assert all("Aren Holm" not in people(r, m) for m in r.meetings)


# -- coordinated people, attended sessions, runs of one clause with their own tense and dates -----------------


def test_coordinated_leaders_meet_on_the_sidelines_on_a_coming_weekday() -> None:
    r = run("President Ana Brisk and President Tomas Vell meet on the sidelines on Thursday.")
    (m,) = r.meetings
    assert people(r, m) == {"Ana Brisk", "Tomas Vell"}
    assert (m.status, m.start) == ("planned", "2024-05-16")


def test_attending_a_session_is_a_meeting() -> None:
    r = run("Pope Francis will attend a session on artificial intelligence.")
    (m,) = r.meetings
    assert people(r, m) == {"Pope Francis"} and m.status == "planned"


def test_person_met_with_a_country_possessive_title() -> None:
    r = run("Chip maker chief Jon Marl met Lorvia's president Tomas Vell.")
    (m,) = r.meetings
    assert people(r, m) == {"Jon Marl", "Tomas Vell"} and m.status == "held"


def test_held_talks_and_agreed_to_meet_again() -> None:
    r = run("Jan Holm and Tomas Vell held talks in Lorvik on Tuesday and agreed to meet again in September.")
    held, planned = r.meetings
    assert (held.kind, held.status, held.start) == ("talks", "held", "2024-05-07")
    assert (planned.status, planned.start) == ("planned", "2024-09")
    assert people(r, planned) == {"Jan Holm", "Tomas Vell"}


def test_met_last_month_name_is_the_year_before() -> None:
    r = run("Jan Holm and Tomas Vell, who met last July, will meet again in September.")
    held, planned = r.meetings
    assert (held.status, held.start) == ("held", "2023-07")
    assert (planned.status, planned.start) == ("planned", "2024-09")


def test_visit_from_day_to_day() -> None:
    r = run(
        "Prime Minister Jan Holm will visit Lorvik from May 20 to May 22. "
        "He is expected to sign a deal during the visit."
    )
    (m,) = r.meetings
    assert (m.start, m.end) == ("2024-05-20", "2024-05-22")
    assert r.predictions[-1].deadline == "2024-05-22"


def test_two_dates_joined_by_and_are_two_days_not_a_range() -> None:
    (m,) = run("Prime Minister Jan Holm will visit Lorvik on May 20 and on June 2.").meetings
    assert (m.start, m.end) == ("2024-05-20", None)


def test_liveblog_stamp_dates_an_undated_article() -> None:
    text = "Lorvik live\n\nMon 13 May 2024 10.42 BST\n\nPresident Ana Brisk is meeting President Tomas Vell today."
    r = extract(ArticleRecord(text=text, title="Lorvik live"))
    (m,) = r.meetings
    assert (m.status, m.start) == ("planned", "2024-05-13")


@pytest.mark.parametrize(
    "text", ["Leaders will gather for the G7 summit in Apulia.", "Jan Holm will attend the leaders' summit in Rome."]
)
def test_named_summits_are_summits(text: str) -> None:
    (m,) = run(text).meetings
    assert m.kind == "summit" and m.status == "planned"


# -- issue 9: status from tense, modality and what the sentence presupposes ----------------------------------
def test_a_meeting_whose_outcome_is_hedged_is_planned() -> None:
    r = run("The International Monetary Fund meeting will likely approve a loan, the first since 2016.")
    (m,) = r.meetings
    assert m.status == "planned" and m.start is None


def test_an_indefinite_meeting_under_a_hedge_stays_predicted() -> None:
    r = run("A second Macron-Scholz summit might be the only way to rescue the pact.")
    (m,) = r.meetings
    assert m.status == "predicted"


def test_an_invitation_to_take_part_looks_ahead() -> None:
    text = "Norway has received an invitation from the Nordic Council to join Thursday’s video conference."
    r = run(text, published="2020-04-07")  # a Tuesday
    (m,) = r.meetings
    assert m.status == "planned" and m.start == "2020-04-09"


def test_wanting_a_start_to_talks_is_planned() -> None:
    r = run("In return, Canada wants a quick start to talks with Mexico.")
    (m,) = r.meetings
    assert m.status == "planned"


def test_a_summit_as_the_purpose_of_a_trip_is_planned() -> None:
    r = run("Emmanuel Macron flew out of Paris and headed to Berlin for his summit with Olaf Scholz.")
    (m,) = r.meetings
    assert people(r, m) >= {"Emmanuel Macron", "Olaf Scholz"} and m.status == "planned"


def test_both_owners_of_a_coordinated_possessive_take_part() -> None:
    r = run("It would be Modi and Justin Trudeau’s first face-to-face meeting in two years.")
    (m,) = r.meetings
    assert people(r, m) == {"Narendra Modi", "Justin Trudeau"}


def test_a_dinner_before_a_past_verb_was_held_on_the_past_weekday() -> None:
    text = "The deal came after a long-awaited dinner Saturday between Emmanuel Macron and Olaf Scholz."
    r = run(text, published="2018-12-02")  # a Sunday
    (m,) = r.meetings
    assert m.status == "held" and m.start == "2018-12-01"


def test_an_undated_plan_takes_the_date_of_a_related_meeting() -> None:
    text = (
        "Emmanuel Macron is to meet Olaf Scholz in Berlin today.\n\n"
        "Macron later headed to the chancellery for his talks with Scholz."
    )
    r = run(text, published="2018-07-16")
    assert all(m.start == "2018-07-16" and m.status == "planned" for m in r.meetings), r.meetings


def test_an_undated_plan_takes_the_date_of_the_lead() -> None:
    text = (
        "The agreement is expected at a cabinet retreat on Saturday.\n\n"
        "It would be Narendra Modi and Justin Trudeau’s first meeting in two years."
    )
    r = run(text, published="2018-11-27")  # a Tuesday
    (m,) = r.meetings
    assert m.status == "planned" and m.start == "2018-12-01"


def test_a_briefing_before_a_speech_verb_is_where_the_words_were_said() -> None:
    text = "In a briefing with reporters Monday, Finance Minister Jane Doe said prices would fall."
    r = run(text, published="2020-05-26")  # a Tuesday
    (m,) = r.meetings
    assert m.status == "held" and m.start == "2020-05-25"


def test_a_step_to_open_negotiations_looks_ahead() -> None:
    r = run("President Jane Doe said this is a first step to open negotiations between Chile and Peru.")
    (m,) = r.meetings
    assert m.kind == "talks" and m.status == "planned"


def test_an_immediate_start_to_talks_is_this_month() -> None:
    text = "Duties will go up on Jan. 1. In return, Canada is seeking an immediate start to talks with Mexico."
    r = run(text, published="2018-12-02")
    (m,) = [m for m in r.meetings if m.kind == "talks"]
    assert m.status == "planned" and m.start == "2018-12"


def test_a_summons_at_a_clock_time_was_held_that_day() -> None:
    text = "Prime Minister Jane Doe summoned her coalition partners to an urgent meeting at her office at 8 p.m."
    r = run(text, published="2019-05-23")
    (m,) = r.meetings
    assert people(r, m) == {"Jane Doe"} and m.status == "held" and m.start == "2019-05-23"


def test_a_policy_meeting_belongs_to_the_bank_named_in_its_sentence() -> None:
    text = (
        "The Bank of Nordland raised its main rate on Wednesday. "
        "The decision was explained by Bank of Nordland governor Ella Marsh, who spoke to reporters after a two-day "
        "policy meeting that ended earlier in the day."
    )
    r = run(text, published="2031-03-12")
    (m,) = r.meetings
    assert {r.actor(p).label for p in m.participants} == {"Bank of Nordland"}
    assert (m.status, m.start, m.end) == ("held", "2031-03-11", "2031-03-12")


def test_the_next_meeting_is_the_institutions_and_an_intention_is_a_plan() -> None:
    text = (
        "Traders expect the Bank of Nordland to lift rates again. “We intend to raise the rate at our June policy "
        "meeting,” its governor said last week. Markets also price a second move at the next meeting in September."
    )
    r = run(text, published="2031-05-20")
    by_month = {m.start: m for m in r.meetings}
    assert by_month["2031-06"].status == "planned"
    assert by_month["2031-09"].status == "planned"
    assert all({r.actor(p).label for p in m.participants} == {"Bank of Nordland"} for m in by_month.values())


def test_an_undated_meeting_takes_the_day_a_preview_title_names() -> None:
    text = "Analysts see a small hike.\n\nThe Bank of Nordland will deliver a quarter-point rise at its policy meeting."
    records = extract(
        ArticleRecord(
            text=text, published="2031-05-20", title="Preview of the rate meeting coming up on Thursday 22 May"
        )
    )
    (m,) = records.meetings
    assert (m.status, m.start) == ("planned", "2031-05-22")


def test_a_tour_begun_in_a_later_clause_is_its_own_subjects_and_keeps_its_day() -> None:
    text = (
        "Prime Minister Ada Holm made similar comments on Tuesday, and on Saturday, as foreign minister Jan Berg "
        "began a tour of the other member states."
    )
    r = run(text, published="2031-05-20")
    (m,) = r.meetings
    assert people(r, m) == {"Jan Berg"}
    assert (m.kind, m.status, m.start) == ("visit", "held", "2031-05-17")


def test_a_summit_between_countries_is_one_between_their_named_leaders() -> None:
    text = (
        "Chinese President Xi Jinping said on Monday he would keep talking to Russia. "
        "Russian President Vladimir Putin agreed. Diplomats still cite the summit declaration "
        "between China and Russia from March."
    )
    r = run(text, published="2023-05-15")
    (m,) = [m for m in r.meetings if m.start == "2023-03"]
    assert people(r, m) == {"Xi Jinping", "Vladimir Putin"}


def test_staying_away_from_a_meeting_just_named_is_a_negated_meeting() -> None:
    text = (
        "Prime Minister Ada Holm summoned her coalition partners to an urgent meeting at her office on Monday, "
        "but Jan Berg stayed away."
    )
    r = run(text, published="2031-05-20")
    away = [m for m in r.meetings if "Jan Berg" in people(r, m)]
    assert len(away) == 1 and away[0].status == "negated" and away[0].start == "2031-05-19"


def test_another_meeting_presupposes_an_earlier_one_on_the_day_of_the_news() -> None:
    text = (
        "The Nordic Fisheries Council agreed on Monday to cut the cod quota by a third. "
        "The Nordic Fisheries Council said it would hold another video conference meeting on June 10."
    )
    r = run(text, published="2031-05-20")
    by_status = {m.status: m for m in r.meetings}
    assert by_status["planned"].start == "2031-06-10"
    assert by_status["held"].start == "2031-05-19"
    assert people(r, by_status["held"]) == people(r, by_status["planned"]) == {"Nordic Fisheries Council"}


def test_a_meeting_postponed_to_a_new_day_is_cancelled_and_planned_again() -> None:
    text = (
        "A video meeting between Norway, Iceland and the Faroe Islands was scheduled to be held on Monday. "
        "However, the meeting was postponed until Thursday after a row over quotas."
    )
    r = run(text, published="2031-05-21")  # a Wednesday
    by_status = {m.status: m for m in r.meetings}
    assert by_status["cancelled"].start == "2031-05-19"
    assert by_status["planned"].start == "2031-05-22"
    assert people(r, by_status["planned"]) == people(r, by_status["cancelled"])


def test_meeting_before_a_titled_name_is_the_verb_and_takes_the_day_of_the_sentence_before() -> None:
    text = (
        "By noon on Tuesday the count was settled. Delegates of four parties meeting President Ada Holm had "
        "backed the governing bloc."
    )
    r = run(text, published="2031-05-21")  # a Wednesday
    (m,) = r.meetings
    assert people(r, m) == {"Ada Holm"}
    assert (m.status, m.start) == ("held", "2031-05-20")
