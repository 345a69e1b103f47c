"""Actors: registry matches, titles, family names, capitals, demonyms and text-found actors (kg.extract.actors)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.boilerplate import content_paragraphs
from kg.extract.sentences import split
from kg.records import Actor, ArticleRecord, Records, check


def run(text: str) -> Records:
    records = extract(ArticleRecord(text=text, published="2024-01-10"))
    check(records)
    return records


def by_label(records: Records) -> dict[str, Actor]:
    return {a.label: a for a in records.actors}


def test_demonym_titles_and_surnames() -> None:
    r = run(
        "South Korean President Moon Jae-in met U.S. Secretary of State Mike Pompeo. Moon later said Pompeo's "
        "visit went well."
    )
    actors = by_label(r)
    assert {m.text for m in actors["Moon Jae-in"].mentions} == {"Moon Jae-in", "Moon"}
    assert {m.text for m in actors["Mike Pompeo"].mentions} == {"Mike Pompeo", "Pompeo"}
    assert "South Korea" in actors and "United States" in actors


def test_capital_acting_as_government() -> None:
    r = run("Pyongyang will push ahead with its weapons programme, analysts say.")
    assert [m.text for m in by_label(r)["North Korea"].mentions] == ["Pyongyang"]


def test_place_names_of_events_are_not_actors() -> None:
    r = run("Leaders signed the Singapore declaration at their summit in Singapore.")
    assert "Singapore" not in by_label(r)


def test_text_found_people_and_organisations() -> None:
    text = (
        "Finance Minister Jane Doe met executives of Acme Holdings. “Growth is back,” said John Smith, an "
        "analyst at Northbridge Securities. Doe said the Ministry of Finance would publish data soon."
    )
    r = run(text)
    actors = by_label(r)
    assert actors["Jane Doe"].type == "Person" and actors["Jane Doe"].iri is None
    assert {m.text for m in actors["Jane Doe"].mentions} == {"Jane Doe", "Doe"}
    assert actors["John Smith"].type == "Person"
    assert actors["Acme Holdings"].type == "Organization"
    assert actors["Northbridge Securities"].type == "Organization"
    assert actors["Ministry of Finance"].type == "Organization"


def test_company_described_by_an_appositive() -> None:
    r = run(
        "Halvorsen Freight is in talks to acquire Baltic Crane, a Gdansk-based port equipment maker. "
        "Baltic Crane confirmed the talks."
    )
    assert by_label(r)["Baltic Crane"].type == "Organization"


def test_employer_possessive_is_not_a_person() -> None:
    r = run("The new envoy—Ford’s Steve Biegun—starts on Monday.")
    assert [a.label for a in r.actors] == ["Steve Biegun"]


def test_navigation_and_credits_are_dropped() -> None:
    text = "Big News Today\n\nRecent Features\n\nCredit: Official White House Photo\n\nDonald Trump spoke on Monday."
    paragraphs = content_paragraphs(text, title="Big News Today")
    assert [text[s:e] for s, e in paragraphs] == ["Donald Trump spoke on Monday."]
    assert [a.label for a in run(text).actors] == ["Donald Trump"]


def test_author_blurb_is_dropped() -> None:
    text = (
        "Donald Trump spoke on Monday about the trade deal with Canada.\n\n"
        "Jane Roe is a senior fellow at the Atlantic Council and a former correspondent."
    )
    assert "Jane Roe" not in by_label(run(text))


def test_sentences_keep_abbreviations_together() -> None:
    text = "U.S. President Donald J. Trump spoke. Mr. Smith left at 5 p.m. on Friday. Then he returned."
    assert [text[s:e] for s, e in split(text)] == [
        "U.S. President Donald J. Trump spoke.",
        "Mr. Smith left at 5 p.m. on Friday.",
        "Then he returned.",
    ]


@pytest.mark.parametrize(
    ("text", "people", "orgs"),
    [
        ("Velorian President Irena Holm arrived on Monday.", ["Irena Holm"], []),
        ("Brackton Mayor Daniel Fosse opened the bridge.", ["Daniel Fosse"], []),
        ("Opposition leader Elena Sarn's Civic Dawn party won 40 seats.", ["Elena Sarn"], ["Civic Dawn"]),
        ("Prime Minister Anton Vell's National Accord Alliance lost its majority.", ["Anton Vell"], []),
        ("The claim was made by Ilona Kest of the University of Port Hallow.", ["Ilona Kest"], []),
        ("Ruth Alden of Meridel Wealth was more dovish.", ["Ruth Alden"], ["Meridel Wealth"]),
        ("The inquiry is led by Tom Brell, the MP for Ashford Dale.", ["Tom Brell"], []),
        ("City councillor Maya Brent disagreed with the plan.", ["Maya Brent"], []),
        ("Pope Linus met pilgrims.", ["Pope Linus"], []),
        ("Halden Foods agreed to buy Brightwell Snacks for $2 billion.", [], ["Halden Foods", "Brightwell Snacks"]),
        ("Transit Workers Local 214 called a strike.", [], ["Transit Workers Local 214"]),
        ("CKXR Radio and Kellport General Hospital were busy.", [], ["CKXR Radio", "Kellport General Hospital"]),
        ("The Central Bank of Arvendia raised rates.", [], ["Central Bank of Arvendia"]),
        ("Caldmoor & Ross advised on the deal.", [], ["Caldmoor & Ross"]),
        ("Aviation Monthly Quarterly reported the order, the Rural League said.", [], ["Rural League"]),
    ],
)
def test_found_people_and_organisations(text: str, people: list[str], orgs: list[str]) -> None:
    actors = by_label(run(text))
    for name in people:
        assert actors[name].type == "Person", actors.keys()
    for name in orgs:
        assert actors[name].type == "Organization", actors.keys()
    found_people = {a for a, x in actors.items() if x.type == "Person"}
    assert found_people == set(people)


def test_possessor_and_party_are_split() -> None:
    actors = by_label(run("Prime Minister Anton Vell's National Accord Alliance lost its majority."))
    assert actors["National Accord Alliance"].type == "Organization"
    assert "Anton Vell's National Accord Alliance" not in actors


def test_party_names_from_the_registry() -> None:
    actors = by_label(run("Labour MPs voted against the bill, while the Conservatives abstained."))
    assert actors["Labour Party"].iri is not None and actors["Conservative Party"].iri is not None


def test_short_organisation_name_after_the_full_one() -> None:
    r = run("Skyfield Airways shares fell. Skyfield said demand was weak.")
    assert {m.text for m in by_label(r)["Skyfield Airways"].mentions} == {"Skyfield Airways", "Skyfield"}


@pytest.mark.parametrize(
    "text",
    [
        "Will customers be able to get refunds?",
        "The president spoke in the Oval Office.",
        "The plant in Norcross, Georgia employs 500 people.",
    ],
)
def test_questions_rooms_and_states_are_not_actors(text: str) -> None:
    assert run(text).actors == []


def test_title_of_a_place_before_the_name() -> None:
    actors = by_label(run("President of Calvoria Ivo Darn rejected the plan."))
    assert list(actors) == ["Ivo Darn"]


def test_organisation_led_by_a_person() -> None:
    actors = by_label(run("The liberal Green Dawn, led by Dario Mesk, gained ground."))
    assert actors["Green Dawn"].type == "Organization" and actors["Dario Mesk"].type == "Person"


def test_constituency_before_said_is_not_a_person() -> None:
    actors = by_label(run("Opposition MP Tom Brell, the member for Ashford Dale, said the plan had failed."))
    assert list(actors) == ["Tom Brell"]


def test_a_name_after_the_is_not_a_person() -> None:
    assert run("Last week the Civic Almanac forecast a narrow win.").actors == []


def test_long_author_blurb_is_dropped() -> None:
    text = (
        "Prices rose again in May, official data showed.\n\n"
        "Daniel Whitmore is a former trade negotiator and a senior fellow at the Atlantic Trade Forum."
    )
    assert run(text).actors == []


def test_short_head_of_a_named_organisation() -> None:
    r = run("The Bank of Arvendia held rates. Officials at the Bank said inflation would ease.")
    assert [m.text for m in by_label(r)["Bank of Arvendia"].mentions] == ["Bank of Arvendia", "Bank"]


@pytest.mark.parametrize(
    "text",
    [
        "The government of Veloria said it would cut taxes.",
        "Ana Brek's visit to Veloria was cancelled. Veloria's central bank held rates.",
    ],
)
def test_unknown_country_from_state_cues(text: str) -> None:
    r = run(text)
    a = by_label(r)["Veloria"]
    assert a.type == "Country" and a.iri is None


def test_one_weak_cue_makes_no_country() -> None:
    r = run("Ana Brek flew on a visit to Veloria on Monday.")
    assert "Veloria" not in by_label(r)


def test_hyphenated_family_name_is_a_later_mention() -> None:
    r = run("Samuel Okonkwo-Reyes arrived on Monday. Okonkwo-Reyes said little.")
    assert [m.text for m in by_label(r)["Samuel Okonkwo-Reyes"].mentions] == ["Samuel Okonkwo-Reyes", "Okonkwo-Reyes"]
