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


@pytest.mark.parametrize(
    ("text", "phrase", "who"),
    [
        # a name inside the quotation is not the antecedent of "he"
        (
            'Councillor Mira Tolan met officials. "We will not give up. Councillor Varos Denn can restart '
            'the war at any time," he said.',
            "We will not give up",
            "Mira Tolan",
        ),
        # a known given name that does not fit the pronoun is passed over
        (
            'Anna Berg met Peter Lindqvist on Monday. Lindqvist left early. "The deal is done and we are '
            'happy," she said.',
            "The deal is done",
            "Anna Berg",
        ),
        # the subject before "said", not the object of "with"
        (
            '"Now we are going to build it," Kai Brint said at a joint news conference with Lena Adamu.',
            "Now we are going to build it",
            "Kai Brint",
        ),
        (
            "Treasury Secretary Jana Yello, asked that question in Georgia, said she would not resign.",
            "she would",
            "Jana Yello",
        ),
        ("Her deputy, Owen Marsk, said the budget would be balanced by 2026.", "the budget", "Owen Marsk"),
        ("'Mest is the man we need for these times,' Ilona Kresk said.", "Mest is the man", "Ilona Kresk"),
        (
            "According to a statement from Velmore Bank, profits rose 12 percent in the quarter.",
            "profits rose",
            "Velmore Bank",
        ),
        ("Aldo Ruiz wrote on X that the agreement was a betrayal of workers.", "the agreement", "Aldo Ruiz"),
        ('In a post on X, Finance Minister Aldo Ruiz called the agreement "shameful".', "shameful", "Aldo Ruiz"),
    ],
)
def test_speaker_patterns(text: str, phrase: str, who: str) -> None:
    r = run(text)
    assert speaker(r, only(r, phrase)) == who


def test_platform_post_medium() -> None:
    r = run('In a post on X, Finance Minister Aldo Ruiz called the agreement "shameful".')
    assert only(r, "shameful").medium == "social media post"
    assert [a.label for a in r.actors] == ["Aldo Ruiz"]


def test_medium_from_the_interviewing_outlet() -> None:
    r = run('Minister Hana Roe told the Gazette: "We are not going to back down on this."')
    assert only(r, "back down").medium == "interview"


def test_wire_agency_in_the_dateline_is_not_the_speaker() -> None:
    r = run("HALLSTAD (Reuters) - The finance ministry said on Monday that growth slowed sharply in the quarter.")
    assert all(speaker(r, s) != "Reuters" for s in r.statements)


def test_quote_running_over_two_paragraphs() -> None:
    text = (
        "Mayor Tim Rask spoke on Monday.\n\n"
        '"We have a plan for the whole region and we will deliver it,\n\n'
        '"And we will not stop until it is done," said Rask.'
    )
    r = run(text)
    assert speaker(r, only(r, "We have a plan")) == "Tim Rask"
    assert speaker(r, only(r, "we will not stop")) == "Tim Rask"


def test_question_and_answer_transcript() -> None:
    text = (
        "Carla Menz spoke to the Ledger about the budget.\n\n"
        "Q: Will taxes rise next year?\n\n"
        "A: No, we have no plans to raise taxes next year."
    )
    r = run(text)
    st = only(r, "no plans to raise taxes")
    assert speaker(r, st) == "Carla Menz" and st.medium == "interview"
    assert not [s for s in r.statements if "Will taxes rise" in s.text]


def test_definite_short_name_of_the_bank_just_named() -> None:
    r = run("The Central Bank of Arvendia raised rates. The Bank said in a note that inflation was sticky.")
    st = only(r, "inflation was sticky")
    assert speaker(r, st) == "Central Bank of Arvendia" and st.medium == "statement"


def test_told_the_broadcaster() -> None:
    r = run("Minister Hana Roe told the national broadcaster KTV that the border would stay open.")
    assert only(r, "the border would stay open").medium == "broadcast"


def test_said_hours_later_takes_the_day_told_before() -> None:
    r = run("Rebels attacked the town on Monday.\n\nMinister Ivan Novik said hours later that the ceasefire held.")
    assert only(r, "the ceasefire held").date == "2024-03-04"


def test_conceded_with_a_noun_object_is_not_reported_speech() -> None:
    r = run("Prime Minister Anton Vell conceded defeat on Monday. Vell conceded that the result was clear.")
    assert [s.text for s in r.statements] == ["the result was clear"]


def test_according_to_a_statement_after_the_first_paragraph() -> None:
    r = run("Markets opened late.\n\nAccording to a statement from Velmore Bank, trading stayed calm all day.")
    assert speaker(r, only(r, "trading stayed calm")) == "Velmore Bank"


def test_told_a_radio_station() -> None:
    r = run('"The market says another thing," Tom Brell told CKXR Radio.')
    assert only(r, "The market says").medium == "broadcast"


def test_medium_from_the_sentence_before_the_quote() -> None:
    r = run('Minister Hana Roe spoke at a news conference on Monday. "We will not back down on this," she said.')
    assert only(r, "We will not back down").medium == "press conference"


def test_keynote_is_a_speech() -> None:
    r = run('"Glasses are the next computer," Ava Lindt said in a keynote on Tuesday.')
    assert only(r, "Glasses are the next computer").medium == "speech"


def test_interviewee_without_title_answers_not_the_interviewer() -> None:
    r = run(
        "Rania Haddad has run Skyline Airways since 2019. She spoke to Aviation Quarterly's Colm Fahey about fuel."
        "\n\nQ: Will fares rise?\n\nA: Fares will probably rise next year because fuel is dear."
        "\n\nQ: And staff?\n\nWe expect to hire 500 pilots by 2026."
    )
    assert speaker(r, only(r, "Fares will probably rise")) == "Rania Haddad"
    assert speaker(r, only(r, "hire 500 pilots")) == "Rania Haddad"
    assert all(p.predictor == r.statements[0].speaker for p in r.predictions)


def test_interviewee_after_interview_with_an_outlet() -> None:
    r = run(
        "In an interview with Colm Fahey of the Daily Ledger, Jane Roe, chief executive of Halden Foods, said "
        "prices would fall.\n\nQ: What about wages?\n\nA: Wages will likely rise in 2025."
    )
    assert speaker(r, only(r, "Wages will likely rise")) == "Jane Roe"


def test_fronted_subject_with_participial_clause_speaks() -> None:
    r = run(
        "Samuel Okonkwo-Reyes met Finance Minister Petra Lind on Monday. Okonkwo-Reyes, speaking to reporters "
        'after the meeting with Lind, said the deal was close. "We are nearly there," he said.'
    )
    assert speaker(r, only(r, "the deal was close")) == "Samuel Okonkwo-Reyes"
    assert speaker(r, only(r, "We are nearly there")) == "Samuel Okonkwo-Reyes"


@pytest.mark.parametrize(
    "text",
    [
        'Ilona Kresz of the University of Port Velan said the vote was close. "It will be tight," Kresz said.',
        "Ilona Kresz at the Port Velan Institute said the vote was close.",
    ],
)
def test_person_of_an_organisation_speaks(text: str) -> None:
    r = run(text)
    assert speaker(r, only(r, "the vote was close")) == "Ilona Kresz"


def test_person_who_leads_a_union_speaks() -> None:
    r = run("Gina Albescu, who leads Transit Workers Local 214, said the strike would begin on Monday.")
    assert speaker(r, only(r, "the strike would begin")) == "Gina Albescu"


@pytest.mark.parametrize(
    "text",
    [
        "Addressing supporters in the capital on Sunday, opposition leader Marta Vell said the election was "
        'stolen. "We will not accept this result," she said.',
        'Marta Vell spoke at a rally in the capital on Sunday. "We will not accept this result," she said.',
    ],
)
def test_medium_from_a_speech_scene(text: str) -> None:
    r = run(text)
    assert {st.medium for st in r.statements} == {"speech"}
