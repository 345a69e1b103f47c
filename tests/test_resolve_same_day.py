"""A meeting reported as held on the day it was forecast confirms the forecast; a host country is present where
the meeting takes place in it; a forecast of how long a meeting lasts is not settled by the meeting alone.
Texts written for these tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.records import Actor, ArticleRecord, Meeting, Prediction, Records, Span
from kg.resolve import resolve
from kg.resolve.durations import names_duration
from kg.store import MemoryStore
from tests.test_resolve_claims import at, load


def _actors(text: str) -> list[Actor]:
    out = []
    for aid, label, kind in (("berg", "Anna Berg", "Person"), ("dorn", "Carl Dorn", "Person"),
                             ("ruritania", "Ruritania", "Country")):
        i = text.find(label)
        if i != -1:
            out.append(Actor(aid, label, kind, mentions=[Span(i, i + len(label), label)]))
    return out


def _forecast(said: str, *, day: str = "2031-09-12") -> Records:
    meeting = Meeting("m1", "summit", ["berg", "dorn"], "planned", Span(0, len(said), said), host="ruritania",
                      place="Ruritania", start=day, rule="test")
    prediction = Prediction("p1", "author", said, Span(0, len(said), said), hedge="will", probability=0.9,
                            deadline=day, event="m1")
    return Records(ArticleRecord(text=said, url="https://example.org/morning", title="t", published=day),
                   _actors(said), meetings=[meeting], predictions=[prediction])


def _report(*, day: str = "2031-09-12") -> Records:
    text = "Anna Berg met Carl Dorn in Ruritania today."
    meeting = Meeting("m1", "meeting", ["berg", "dorn"], "held", Span(0, len(text), text), place="Ruritania",
                      rule="test")
    return Records(ArticleRecord(text=text, url="https://example.org/evening", title="t", published=day),
                   _actors(text), meetings=[meeting])


def test_a_meeting_reported_held_the_same_day_confirms_its_forecast(store: MemoryStore, tmp_path: Path) -> None:
    said = "Anna Berg will meet Carl Dorn in Ruritania today."
    (j,) = resolve(load(store, tmp_path, _forecast(said), _report()), **at("2031-09-13"))
    assert j.outcome == "confirmed", j.rationale
    assert j.evidence


def test_a_forecast_length_leaves_the_held_meeting_to_a_person(store: MemoryStore, tmp_path: Path) -> None:
    said = "Anna Berg will have a 90 minute meeting with Carl Dorn in Ruritania today."
    (j,) = resolve(load(store, tmp_path, _forecast(said), _report()), **at("2031-09-13"))
    assert j.outcome == "open" and j.needs_review and "how long" in j.rationale


def test_lengths_are_told_from_clock_times() -> None:
    assert names_duration("a two-hour working lunch") and names_duration("talks of 45 minutes")
    assert not names_duration("they meet at 1:20pm") and not names_duration("an hour later they left")
