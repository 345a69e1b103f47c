"""Cross-article actor identity (kg.resolve.aliases): one organisation written in full in one article and by its
acronym (or with a country qualifier) in another is one subject when a prediction is resolved. Every text here is
written for these tests (fictional organisations)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kg.resolve import resolve
from kg.resolve.aliases import acronyms, full_key, identity_map, is_acronym
from kg.resolve.first_person import first_person
from kg.resolve.office_holders import office_holders
from kg.store import MemoryStore
from tests.test_resolve_claims import Who, at, load, records

BOARD = Who("board", "Lunar Safety Board", forms=("LSB",))
LSB = Who("lsb", "LSB")
US_BOARD = Who("usboard", "U.S. Lunar Safety Board")
SOUTH = Who("south", "Southern Lake Bank")  # initials SLB
STEEL = Who("steel", "Steel League Bureau")  # initials SLB too
SLB = Who("slb", "SLB")
BANK = Who("bankx", "Bank of Zembla", forms=("BoZ",))
BOZ = Who("boz", "BOZ")
KORN = Who("korn", "Ada Korn", "Person", ("Korn",))
KORN2 = Who("korn2", "Ben Korn", "Person", ("Korn",))

PREDICTED = "The Lunar Safety Board (LSB) will approve the new lander by June 30."
REPORTED = "The LSB approved the new lander on Tuesday."


def _iri(slug: str) -> str:
    return f"https://w3id.org/kg/id/actor/organization/{slug}"


def test_acronym_shapes_and_keys() -> None:
    assert is_acronym("LSB") and is_acronym("BoZ") and not is_acronym("Bank") and not is_acronym("Lunar")
    assert acronyms("the Lunar Safety Board") == {"lsb"}
    assert acronyms("Bank of Zembla") == {"bz", "boz"}
    assert acronyms("Bank") == frozenset() and full_key("Bank") is None
    assert full_key("U.S. Lunar Safety Board") == full_key("the Lunar Safety Board") == "lunar safety board"


def test_acronym_only_article_confirms_the_full_name_prediction(store: MemoryStore, tmp_path: Path) -> None:
    before = records(PREDICTED, "2031-05-01", "https://example.org/before", [BOARD], {PREDICTED: "2031-06-30"})
    after = records(REPORTED, "2031-05-14", "https://example.org/after", [LSB], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-20"))
    assert j.outcome == "confirmed", j.rationale
    assert j.evidence


def test_without_the_identity_the_report_of_another_body_decides_nothing(store: MemoryStore, tmp_path: Path) -> None:
    other = Who("mpa", "MPA")
    text = "The MPA approved the new lander on Tuesday."
    before = records(PREDICTED, "2031-05-01", "https://example.org/before", [BOARD], {PREDICTED: "2031-06-30"})
    after = records(text, "2031-05-14", "https://example.org/after", [other], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-20"))
    assert j.outcome == "open", j.rationale


def test_country_qualifier_and_defined_acronym_join_one_group(store: MemoryStore, tmp_path: Path) -> None:
    load(
        store, tmp_path,
        records(PREDICTED, "2031-05-01", "https://example.org/a", [BOARD], {}),
        records(REPORTED, "2031-05-02", "https://example.org/b", [LSB], {}),
        records("The U.S. Lunar Safety Board met.", "2031-05-03", "https://example.org/c", [US_BOARD], {}),
    )
    ids = identity_map(store)
    board, lsb, us = _iri("lunar-safety-board"), _iri("lsb"), _iri("u-s-lunar-safety-board")
    assert ids(board) == ids(lsb) == ids(us)


def test_initials_join_an_acronym_to_the_one_name_they_fit(store: MemoryStore, tmp_path: Path) -> None:
    load(
        store, tmp_path,
        records("The Bank of Zembla met.", "2031-05-01", "https://example.org/a", [Who("b", "Bank of Zembla")], {}),
        records("The BOZ met.", "2031-05-02", "https://example.org/b", [BOZ], {}),
    )
    assert identity_map(store)(_iri("boz")) == identity_map(store)(_iri("bank-of-zembla"))


def test_an_acronym_two_organisations_fit_joins_nothing(store: MemoryStore, tmp_path: Path) -> None:
    load(
        store, tmp_path,
        records("The Southern Lake Bank met.", "2031-05-01", "https://example.org/a", [SOUTH], {}),
        records("The Steel League Bureau met.", "2031-05-02", "https://example.org/b", [STEEL], {}),
        records("The SLB met.", "2031-05-03", "https://example.org/c", [SLB], {}),
    )
    ids = identity_map(store)
    assert ids(_iri("slb")) == _iri("slb")
    assert ids(_iri("southern-lake-bank")) != ids(_iri("steel-league-bureau"))


def test_an_acronym_defined_in_an_article_beats_initials_of_other_names(store: MemoryStore, tmp_path: Path) -> None:
    text = "The Southern Lake Bank (SLB) met."
    load(
        store, tmp_path,
        records(text, "2031-05-01", "https://example.org/a", [Who("south", "Southern Lake Bank", forms=("SLB",))], {}),
        records("The Steel League Bureau met.", "2031-05-02", "https://example.org/b", [STEEL], {}),
        records("The SLB met.", "2031-05-03", "https://example.org/c", [SLB], {}),
    )
    ids = identity_map(store)
    assert ids(_iri("slb")) == ids(_iri("southern-lake-bank")) != ids(_iri("steel-league-bureau"))


def test_people_and_single_words_are_never_joined(store: MemoryStore, tmp_path: Path) -> None:
    load(
        store, tmp_path,
        records("Ada Korn spoke.", "2031-05-01", "https://example.org/a", [KORN], {}),
        records("Ben Korn spoke.", "2031-05-02", "https://example.org/b", [KORN2], {}),
        records("The Bank met.", "2031-05-03", "https://example.org/c", [Who("bank", "Bank")], {}),
        records("The Bank of Zembla met.", "2031-05-04", "https://example.org/d", [Who("b", "Bank of Zembla")], {}),
    )
    assert identity_map(store).canonical == {}


# --- office holders standing for their organisation; first-person claims ---

ROE = Who("roe", "Jane Roe", "Person", ("Roe",))
INTRO = "Lunar Safety Board Chair Jane Roe toured the plant on Monday."
BOARD_REPORT = "The Lunar Safety Board approved the new lander on Tuesday."


def test_an_office_holders_claim_is_settled_by_the_organisations_decision(store: MemoryStore, tmp_path: Path) -> None:
    said = "Jane Roe will approve the new lander by June 30."
    load(
        store, tmp_path,
        records(INTRO, "2031-04-20", "https://example.org/intro", [BOARD, ROE], {}),
        records(said, "2031-05-01", "https://example.org/before", [ROE], {said: "2031-06-30"}),
        records(BOARD_REPORT, "2031-05-14", "https://example.org/after", [BOARD], {}),
    )
    assert office_holders(store) == {"https://w3id.org/kg/id/actor/person/jane-roe": _iri("lunar-safety-board")}
    (j,) = resolve(store, **at("2031-05-20"))
    assert j.outcome == "confirmed", j.rationale


def test_no_office_no_stand_in(store: MemoryStore, tmp_path: Path) -> None:
    said = "Jane Roe will approve the new lander by June 30."
    intro = "Lunar Safety Board staff met Jane Roe on Monday."  # no office title between the names
    load(
        store, tmp_path,
        records(intro, "2031-04-20", "https://example.org/intro", [BOARD, ROE], {}),
        records(said, "2031-05-01", "https://example.org/before", [ROE], {said: "2031-06-30"}),
        records(BOARD_REPORT, "2031-05-14", "https://example.org/after", [BOARD], {}),
    )
    assert office_holders(store) == {}
    (j,) = resolve(store, **at("2031-05-20"))
    assert j.outcome == "open", j.rationale


def test_first_person_claim_has_the_speaker_as_subject(store: MemoryStore, tmp_path: Path) -> None:
    said = "I will approve the new lander by June 30, Roe said."
    words = "I will approve the new lander by June 30"
    before = records(said, "2031-05-01", "https://example.org/before", [ROE], {words: "2031-06-30"})
    before = replace(before, predictions=[replace(before.predictions[0], predictor="roe")])
    assert first_person(words, "approve")
    reported = "Jane Roe approved the new lander on Tuesday."
    after = records(reported, "2031-05-14", "https://example.org/after", [ROE], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-20"))
    assert j.outcome == "confirmed", j.rationale
