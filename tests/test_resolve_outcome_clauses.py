"""A sentence that reports an outcome and predicts another in a later clause still reports the outcome; a
hedge in the clause of the outcome word reports nothing (texts written for these tests)."""

from __future__ import annotations

from kg.extract.outcomes import find_outcomes
from kg.records import Actor, ArticleRecord, Prediction, Records, Span


def outcomes_of(text: str, words: str, hedge: str) -> list[str]:
    i = text.index("Acme")
    acme = Actor("a1", "Acme Corp", "Organization", mentions=[Span(i, i + 4, "Acme")])
    at = text.index(words)
    p = Prediction("p1", "author", words, Span(at, at + len(words), words), hedge=hedge)
    r = Records(ArticleRecord(text=text, published="2031-03-08"), actors=[acme], predictions=[p])
    return [o.claim.predicate for o in find_outcomes(r)]


def test_the_clause_before_a_later_hedge_reports_its_outcome() -> None:
    text = "Acme won the vote on Friday, making a merger almost inevitable."
    assert outcomes_of(text, text[:-1], "almost inevitable") == ["win"]


def test_a_hedge_in_the_clause_of_the_outcome_word_reports_nothing() -> None:
    text = "Acme likely won the vote on Friday, the count suggests."
    assert outcomes_of(text, text[:-1], "likely") == []
