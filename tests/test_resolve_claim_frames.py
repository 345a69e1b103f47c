"""Where a prediction's claimed outcome stands: a speaker is not its subject, and an outcome word in the
attribution, a time reference or a condition is not what is claimed (texts written for these tests)."""

from __future__ import annotations

import pytest

from kg.records import Claim
from tests.test_resolve_claims import ACME, ORBITAL, Who, records

OFFICE = Who("office", "Weather Office", forms=("the Weather Office",))


def claim_of(text: str, words: str, actors: list[Who]) -> Claim | None:
    return records(text, "2031-03-01", "https://example.org/x", actors, {words: "2031-03-05"}).predictions[0].claim


def test_a_speaker_before_a_speech_verb_is_not_the_subject() -> None:
    text = "Weather Office says a 70% chance of favourable launch conditions."
    c = claim_of(text, text[:-1], [OFFICE])
    assert c is not None and c.predicate == "launch" and c.subjects == []


def test_a_speaker_who_says_what_it_will_do_stays_the_subject() -> None:
    text = "Orbital Corp says it will launch the rocket on Friday."
    c = claim_of(text, text[:-1], [ORBITAL])
    assert c is not None and c.subjects == ["orbital"]


@pytest.mark.parametrize("text", [
    "At a launch briefing on Monday, Acme Corp said the skies would brighten by launch day.",
    "Acme Corp will watch the sea closely in case of an aborted launch.",
    "If the launch slips to Friday, the odds of good weather go up to 80%.",
])
def test_an_outcome_word_framing_dating_or_conditioning_the_words_is_not_claimed(text: str) -> None:
    assert claim_of(text, text[:-1], [ACME]) is None


def test_the_claim_after_the_speech_verb_is_read() -> None:
    text = "At a launch briefing on Monday, Acme Corp said Orbital Corp will sign the lease."
    c = claim_of(text, text[:-1], [ACME, ORBITAL])
    assert c is not None and c.predicate == "sign" and c.subjects == ["orbital"]
