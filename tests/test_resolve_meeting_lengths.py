"""A predicted length of a meeting against the length a later source reports for that meeting: far longer refutes
it, as long confirms it, a length of another session or a vague one decides nothing. Texts written for these
tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.meeting_lengths import length_outcomes
from kg.extract.outcomes import with_outcomes
from kg.records import Actor, ArticleRecord, Meeting, Prediction, Records, Span
from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import at, load

DAY = "2031-09-12"


def _actors(text: str) -> list[Actor]:
    out = []
    for aid, label, kind in (("berg", "Anna Berg", "Person"), ("dorn", "Carl Dorn", "Person"),
                             ("ruritania", "Ruritania", "Country")):
        spans = []
        i = text.find(label)
        while i != -1:
            spans.append(Span(i, i + len(label), label))
            i = text.find(label, i + 1)
        if spans:
            out.append(Actor(aid, label, kind, mentions=spans))
    return out


def _forecast(said: str) -> Records:
    meeting = Meeting("m1", "meeting", ["berg", "dorn"], "planned", Span(0, len(said), said), host="ruritania",
                      place="Ruritania", start=DAY, rule="test")
    prediction = Prediction("p1", "author", said, Span(0, len(said), said), hedge="will", probability=0.9,
                            deadline=DAY, event="m1")
    return Records(ArticleRecord(text=said, url="https://example.org/morning", title="t", published=DAY),
                   _actors(said), meetings=[meeting], predictions=[prediction])


def _report(rest: str) -> Records:
    first = "Anna Berg met Carl Dorn in Ruritania today."
    text = f"{first} {rest}"
    meeting = Meeting("m1", "meeting", ["berg", "dorn"], "held", Span(0, len(first), first), place="Ruritania",
                      start=DAY, rule="test")
    r = Records(ArticleRecord(text=text, url="https://example.org/evening", title="t", published=DAY),
                _actors(text), meetings=[meeting])
    return with_outcomes(r)


SAID = "Anna Berg will hold an 80 minute one-on-one session with Carl Dorn in Ruritania today."


def _judge(store: MemoryStore, tmp_path: Path, said: str, rest: str) -> object:
    (j,) = resolve(load(store, tmp_path, _forecast(said), _report(rest)), **at("2031-09-13"))
    return j


def test_the_length_of_the_held_meeting_is_read_from_the_next_sentence() -> None:
    r = _report("They spoke one-on-one for over two hours, then advisers entered.")
    (o,) = [o for o in r.outcomes if o.rule == "outcome.meeting-length"]
    assert (o.claim.predicate, sorted(o.claim.subjects), o.claim.value, o.claim.comparison) == (
        "meet", ["berg", "dorn"], 120.0, "gt")
    assert o.date == DAY


def test_a_planned_length_is_no_report() -> None:
    r = _report("They will talk one-on-one for two hours tomorrow.")
    assert length_outcomes(r, 0) == []


def test_a_much_longer_meeting_refutes_the_predicted_length(store: MemoryStore, tmp_path: Path) -> None:
    j = _judge(store, tmp_path, SAID, "They spoke one-on-one for over two hours, then advisers entered.")
    assert j.outcome == "refuted", j.rationale
    assert j.evidence and "over two hours" in j.rationale


def test_a_meeting_as_long_as_predicted_confirms_it(store: MemoryStore, tmp_path: Path) -> None:
    j = _judge(store, tmp_path, SAID, "They talked one-on-one for 85 minutes.")
    assert j.outcome == "confirmed", j.rationale


def test_a_vague_length_or_another_session_decides_nothing(store: MemoryStore, tmp_path: Path) -> None:
    j = _judge(store, tmp_path, SAID, "They talked one-on-one for over an hour.")
    assert j.outcome == "open" and j.needs_review, j.rationale
    expanded = "Anna Berg will hold an 80 minute expanded meeting with Carl Dorn in Ruritania today."
    j2 = _judge(store, tmp_path, expanded, "They talked one-on-one for over two hours.")
    assert j2.outcome == "open", j2.rationale
