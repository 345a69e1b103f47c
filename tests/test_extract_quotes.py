"""Statements: direct quotes and reported speech in the usual news patterns (kg.extract.statements)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import ArticleRecord, Records, Statement, check


def run(text: str, published: str = "2024-03-06") -> Records:
    records = extract(ArticleRecord(text=text, published=published))
    check(records)
    return records


def speaker(records: Records, st: Statement) -> str | None:
    a = records.actor(st.speaker) if st.speaker else None
    return a.label if a else None


def only(records: Records, phrase: str) -> Statement:
    found = [s for s in records.statements if phrase in s.text]
    assert len(found) == 1, [s.text for s in records.statements]
    return found[0]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("“Prices will fall next year,” said Jane Doe, the finance minister.", "Jane Doe"),
        ('"Prices will fall next year," Finance Minister Jane Doe said on Tuesday.', "Jane Doe"),
        ("Finance Minister Jane Doe said: “Prices will fall next year.”", "Jane Doe"),
        ('Spokesperson John Smith told reporters, "Prices will fall next year."', "John Smith"),
        ("“Prices will fall next year,” Jerome Powell said at a press conference.", "Jerome Powell"),
    ],
)
def test_quote_speaker(text: str, who: str) -> None:
    r = run(text)
    st = only(r, "Prices will fall next year")
    assert speaker(r, st) == who and st.kind == "quote"
    assert not st.text.endswith(",")


def test_quote_continues_after_the_attribution() -> None:
    r = run("“We are ready,” Jane Doe, the finance minister, said on Monday. “The budget is balanced.”")
    first, second = only(r, "We are ready"), only(r, "The budget is balanced")
    assert speaker(r, first) == speaker(r, second) == "Jane Doe"
    assert first.date == second.date == "2024-03-04"
    assert second.rule == "quote.continuation"


def test_pronoun_speaker_resolves_to_last_named_person() -> None:
    text = (
        "Central bank governor Maria Lopez spoke after the meeting. "
        "“Inflation is coming down faster than we expected,” she said."
    )
    r = run(text)
    assert speaker(r, only(r, "Inflation is coming down")) == "Maria Lopez"


def test_tweet_on_the_24th() -> None:
    r = run("“We will not back down,” Donald Trump tweeted on the 24th.", published="2018-08-27")
    st = only(r, "We will not back down")
    assert st.medium == "tweet" and st.date == "2018-08-24" and speaker(r, st) == "Donald Trump"


@pytest.mark.parametrize(
    ("phrase", "medium"),
    [
        ("said in a statement", "statement"),
        ("told reporters", "press conference"),
        ("said in an interview", "interview"),
        ("said in a speech", "speech"),
    ],
)
def test_medium(phrase: str, medium: str) -> None:
    r = run(f"“The deal is done and the ink is dry,” Jane Doe, the trade minister, {phrase}.")
    assert only(r, "The deal is done").medium == medium


def test_nested_single_quotes_stay_inside() -> None:
    r = run("“They keep calling it a ‘temporary measure’ but nobody believes them,” said Jane Doe, the senator.")
    st = only(r, "temporary measure")
    assert "‘temporary measure’" in st.text and speaker(r, st) == "Jane Doe"


def test_scare_quotes_are_not_statements() -> None:
    r = run("Analysts called the plan a so-called ‘down payment’ on reform. Critics see a “grand bargain” ahead.")
    assert r.statements == []


@pytest.mark.parametrize(
    ("text", "who", "phrase"),
    [
        (
            "Finance Minister Jane Doe said that the budget would be balanced by 2026.",
            "Jane Doe",
            "the budget would be balanced",
        ),
        (
            "Jerome Powell told lawmakers on Tuesday that rates would stay high for some time.",
            "Jerome Powell",
            "rates would stay high",
        ),
        (
            "The Federal Reserve announced it will end its bond purchases in March.",
            "Federal Reserve",
            "it will end its bond purchases",
        ),
        (
            "Emmanuel Macron called for an immediate ceasefire in the region.",
            "Emmanuel Macron",
            "an immediate ceasefire",
        ),
        (
            "Output will rise by 2% this year, the International Monetary Fund said on Tuesday.",
            "International Monetary Fund",
            "Output will rise by 2% this year",
        ),
    ],
)
def test_reported_speech(text: str, who: str, phrase: str) -> None:
    r = run(text)
    st = only(r, phrase)
    assert speaker(r, st) == who and st.kind == "reported"


def test_reported_speech_date() -> None:
    r = run("Finance Minister Jane Doe said on Monday that the budget would be balanced by 2026.")
    assert only(r, "the budget would be balanced").date == "2024-03-04"


def test_according_to_the_central_bank() -> None:
    text = (
        "The Reserve Bank of India kept rates on hold. “Growth remains robust across all sectors,” "
        "according to the central bank."
    )
    r = run(text)
    assert speaker(r, only(r, "Growth remains robust")) == "Reserve Bank of India"


def test_coordinated_verbs_keep_the_speaker() -> None:
    text = (
        "Donald Trump met reporters. Even as he criticised Mike Pompeo’s trip, he expressed his respect "
        "for Kim Jong Un and said he would meet him soon."
    )
    r = run(text)
    for st in r.statements:
        assert speaker(r, st) == "Donald Trump"
    assert len(r.statements) == 2


def test_interview_transcript() -> None:
    text = (
        "Finance Minister Amara Okafor spoke to us on Friday.\n\nThe Ledger: Is a devaluation coming?\n\n"
        "Okafor: No. We will not devalue the currency this year."
    )
    r = run(text)
    st = only(r, "We will not devalue")
    assert speaker(r, st) == "Amara Okafor" and st.medium == "interview"
    assert not [s for s in r.statements if "Is a devaluation coming" in s.text]


def test_calls_for_a_quoted_phrase() -> None:
    r = run("Mike Pompeo’s repeated calls for “final, fully verified denuclearization” have gone unanswered.")
    assert speaker(r, only(r, "final, fully verified")) == "Mike Pompeo"
