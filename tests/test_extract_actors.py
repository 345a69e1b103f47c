"""Actors: registry matches, titles, family names, capitals, demonyms and text-found actors (kg.extract.actors)."""

from __future__ import annotations

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
