"""Meetings: kinds, participants, hosts, places, dates and statuses (kg.extract.meetings)."""

from __future__ import annotations

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
