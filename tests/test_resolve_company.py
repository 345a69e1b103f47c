"""Who else is in the room when two people meet: a report of the same role present confirms a predicted presence and
refutes a predicted absence; another role, or the meeting alone, decides nothing. Texts written for these tests
(fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.claims import with_claims
from kg.extract.outcomes import with_outcomes
from kg.records import Actor, ArticleRecord, Meeting, Prediction, Records, Span
from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import at, load

DAY = "2031-09-12"


def _actors(text: str) -> list[Actor]:
    out = []
    for aid, label in (("berg", "Anna Berg"), ("dorn", "Carl Dorn")):
        spans = []
        i = text.find(label)
        while i != -1:
            spans.append(Span(i, i + len(label), label))
            i = text.find(label, i + 1)
        if spans:
            out.append(Actor(aid, label, "Person", mentions=spans))
    return out


def _forecast(said: str) -> Records:
    lead = "Anna Berg will meet Carl Dorn in Vienna today."
    text = f"{lead} {said}"
    meeting = Meeting("m1", "meeting", ["berg", "dorn"], "planned", Span(10, 28, text[10:28]), place="Vienna",
                      start=DAY, rule="test")
    i = text.index(said)
    prediction = Prediction("p1", "author", said, Span(i, i + len(said), said), hedge="will", probability=0.9,
                            deadline=DAY)
    r = Records(ArticleRecord(text=text, url="https://example.org/morning", title="t", published=DAY),
                _actors(text), meetings=[meeting], predictions=[prediction])
    return with_outcomes(with_claims(r))


def _report(rest: str) -> Records:
    first = "Anna Berg met Carl Dorn in Vienna today."
    text = f"{first} {rest}"
    meeting = Meeting("m1", "meeting", ["berg", "dorn"], "held", Span(10, 23, text[10:23]), place="Vienna",
                      start=DAY, rule="test")
    r = Records(ArticleRecord(text=text, url="https://example.org/evening", title="t", published=DAY),
                _actors(text), meetings=[meeting])
    return with_outcomes(r)


def _judge(store: MemoryStore, tmp_path: Path, said: str, rest: str) -> object:
    (j,) = resolve(load(store, tmp_path, _forecast(said), _report(rest)), **at("2031-09-13"))
    return j


def test_the_pair_and_the_role_are_read_from_the_prediction() -> None:
    claim = _forecast("The pair will be accompanied only by translators.").predictions[0].claim
    assert claim is not None
    assert (claim.predicate, sorted(claim.subjects), claim.theme, claim.polarity) == (
        "accompany", ["berg", "dorn"], "interpreters", "positive")
    absent = _forecast("The talks will go ahead without aides in the room.").predictions[0].claim
    assert absent is not None and (absent.theme, absent.polarity) == ("aides", "negative")


def test_the_role_reported_present_is_read_for_the_held_meeting() -> None:
    r = _report("They spoke in the sole presence of translators before being joined by advisers.")
    found = [(sorted(o.claim.subjects), o.claim.theme) for o in r.outcomes if o.claim.predicate == "accompany"]
    assert found == [(["berg", "dorn"], "interpreters"), (["berg", "dorn"], "aides")]


def test_a_planned_company_is_no_report() -> None:
    r = _report("They will be accompanied by advisers after lunch.")
    assert [o for o in r.outcomes if o.claim.predicate == "accompany"] == []


def test_interpreters_reported_present_confirm_their_predicted_presence(store: MemoryStore, tmp_path: Path) -> None:
    j = _judge(store, tmp_path, "The pair will be accompanied only by translators.",
               "They spoke in the sole presence of translators.")
    assert j.outcome == "confirmed", j.rationale
    assert j.evidence


def test_interpreters_reported_present_refute_their_predicted_absence(store: MemoryStore, tmp_path: Path) -> None:
    j = _judge(store, tmp_path, "The talks will go ahead without interpreters in the room.",
               "They spoke in the sole presence of translators.")
    assert j.outcome == "refuted", j.rationale


def test_aides_joining_later_confirm_a_forecast_that_aides_join(store: MemoryStore, tmp_path: Path) -> None:
    j = _judge(store, tmp_path, "Staff will join Anna Berg and Carl Dorn after the opening round.",
               "Afterwards they were accompanied by a team of advisers.")
    assert j.outcome == "confirmed", j.rationale


def test_another_role_or_the_meeting_alone_decides_nothing(store: MemoryStore, tmp_path: Path) -> None:
    j = _judge(store, tmp_path, "The pair will be accompanied only by translators.",
               "Afterwards they were accompanied by a team of advisers.")
    assert j.outcome not in ("confirmed", "refuted"), j.rationale
    j2 = _judge(store, tmp_path, "The talks will go ahead without interpreters in the room.",
                "They talked about trade.")
    assert j2.outcome not in ("confirmed", "refuted"), j2.rationale
