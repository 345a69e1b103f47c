"""Regression tests for the mechanisms that carry extraction on real articles (issue 9): transcripts and source
blocks, actors found without the registry (acronyms, one-word names, reused family names, appositions),
quotations introduced or continued, anonymous and closing attributions, press releases, coreference and the
component chain. Every text here is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.extract import PIPELINE, extract, run
from kg.extract.boilerplate import content_paragraphs
from kg.extract.lexicon import load
from kg.extract.pipeline import Component
from kg.extract.sentences import split
from kg.records import ArticleRecord, Records

ROOT = Path(__file__).resolve().parent.parent


def rec(text: str, **meta: str) -> Records:
    return extract(ArticleRecord(text=text, **meta))


def label(r: Records, actor_id: str | None) -> str | None:
    return next((a.label for a in r.actors if a.id == actor_id), None)


def said(r: Records, words: str) -> tuple[str | None, str]:
    st = next(s for s in r.statements if words in s.text)
    return label(r, st.speaker), st.rule


# --- transcripts and source blocks -------------------------------------------------------------------------


def test_capitalised_label_with_a_note_and_its_unlabelled_turns() -> None:
    text = (
        "Mayor Ilse Varga met the press on Monday.\n\n"
        "VARGA (THROUGH AN INTERPRETER): The harbour will reopen in spring.\n\n"
        "The ferries will run every hour from then on.\n\n"
        "REPORTER: Will fares go up?\n\n"
        "VARGA (THROUGH AN INTERPRETER): Fares stay as they are this year."
    )
    r = rec(text)
    assert said(r, "harbour will reopen") == ("Ilse Varga", "quote.transcript")
    assert said(r, "ferries will run every hour") == ("Ilse Varga", "quote.transcript.turn")
    assert not any("fares go up" in s.text for s in r.statements)


def test_time_stamped_labels_introduce_people_and_their_paragraphs() -> None:
    text = (
        "Read the full briefing below.\n\n"
        "Tomas Quell: (01:10)\n\n"
        "Good morning. The new terminal opens to passengers on the first of May.\n\n"
        "Marit Eklund: (02:45)\n\n"
        "Thanks, Tomas. Our crews have finished the last safety drills this week."
    )
    r = rec(text)
    people = {a.label for a in r.actors if a.type == "Person"}
    assert {"Tomas Quell", "Marit Eklund"} <= people
    assert said(r, "new terminal opens")[0] == "Tomas Quell"
    assert said(r, "crews have finished")[0] == "Marit Eklund"
    assert not any(s.text.startswith(("Good morning", "Thanks")) for s in r.statements)  # courtesies


def test_paragraphs_after_a_this_via_line_are_the_source_s_words() -> None:
    text = (
        "Traders expect a busy week.\n\n"
        "This via Harrow Lane Research:\n\n"
        "We expect the central bank to raise rates by a quarter point.\n\n"
        "Inflation should peak before the summer.\n\n"
        "12:40 GMT\n\n"
        "Markets opened higher across the region on Tuesday."
    )
    r = rec(text)
    assert said(r, "raise rates by a quarter point") == ("Harrow Lane Research", "quote.block")
    assert said(r, "Inflation should peak")[0] == "Harrow Lane Research"
    assert not any("Markets opened higher" in s.text for s in r.statements)


def test_intro_line_with_a_descriptor_before_the_name() -> None:
    text = (
        "Results came in overnight.\n\n"
        "More reaction from the party's deputy leader Nadia Orlov, who held her seat:\n\n"
        "This result is a warning to every one of us in the party."
    )
    assert said(rec(text), "warning to every one of us")[0] == "Nadia Orlov"


def test_an_article_titled_as_an_organisation_s_statement() -> None:
    text = (
        "The Coastal Rail Authority (CRA) has approved the new timetable after a long review. "
        "The CRA will publish the details next week."
    )
    r = rec(text, title="CRA Issues Statement on New Timetable")
    assert said(r, "approved the new timetable") == ("Coastal Rail Authority", "quote.issued-statement")


# --- actors without the registry ---------------------------------------------------------------------------


def test_acronym_defined_in_the_text_is_one_actor() -> None:
    r = rec("The Maritime Safety Bureau (MSB) closed the port on Monday. Later the MSB said the port would reopen.")
    msb = [a for a in r.actors if a.label == "Maritime Safety Bureau"]
    assert len(msb) == 1 and [m.text for m in msb[0].mentions].count("MSB") == 2
    assert not any(a.label == "MSB" for a in r.actors)


def test_acronym_that_acts_is_an_organisation_but_units_are_not() -> None:
    r = rec("The KVR said on Friday that trading would resume at 9:00 GMT. The GMT figure was not confirmed.")
    labels = {a.label: a.type for a in r.actors}
    assert labels.get("KVR") == "Organization" and "GMT" not in labels


def test_initials_of_a_named_body_join_it() -> None:
    r = rec("The Velorian Coastal Guard patrolled the strait. VCG boats left at dawn, and VCG crews said it was calm.")
    guard = [a for a in r.actors if a.label == "Velorian Coastal Guard"]
    assert guard and any(m.text == "VCG" for m in guard[0].mentions)


def test_one_word_name_that_acts_twice() -> None:
    text = (
        "The election is close. Votara said on Sunday that turnout was high. Later Votara reported record "
        "numbers in the north, and Votara’s survey showed a tie."
    )
    assert any(a.label == "Votara" and a.type == "Organization" for a in rec(text).actors)


def test_full_name_whose_family_name_is_reused_is_a_person() -> None:
    text = "Orrin Tavistock arrived late. Officials waited for an hour before Tavistock spoke to them."
    assert {"Orrin Tavistock"} <= {a.label for a in rec(text).actors if a.type == "Person"}


def test_names_of_events_are_no_people() -> None:
    text = "The Harbour Cup was held again. Fans of the Harbour Cup filled the stands, and the Cup drew crowds."
    assert not any(a.label == "Harbour Cup" for a in rec(text).actors if a.type == "Person")


def test_organisation_named_with_an_ordinal() -> None:
    r = rec("The 12th Signal Battalion said the line was restored.")
    assert any(a.label == "12th Signal Battalion" for a in r.actors)


def test_appositive_with_a_possessive_names_the_speaker() -> None:
    text = "Lorna Baptiste, Kestrel Polling’s director of research, said: “Nobody can rule out a tie this year.”"
    assert said(rec(text), "rule out a tie")[0] == "Lorna Baptiste"


def test_sport_and_military_titles_introduce_people() -> None:
    r = rec("Harbour City coach Enzo Maranta praised his players. Wing Commander Priya Sethi landed safely.")
    people = {a.label for a in r.actors if a.type == "Person"}
    assert {"Enzo Maranta", "Priya Sethi"} <= people


# --- quotations and reported speech ------------------------------------------------------------------------


def test_quote_introduced_by_the_sentence_before() -> None:
    text = (
        "Harbour City coach Enzo Maranta was asked about the defeat at a press conference on Monday.\n\n"
        "“We were unlucky, and the referee had a bad day,” the striker said later.\n\n"
        "“Nobody plays well in that wind. We will be back next season.”"
    )
    r = rec(text)
    assert said(r, "Nobody plays well in that wind")[0] is not None


def test_quotation_over_several_paragraphs_keeps_its_speaker() -> None:
    text = (
        "Coach Enzo Maranta was asked about the season.\n\n"
        "“We started badly and it cost us a place in the final.\n\n"
        "“The young players grew during the winter and carried the team.\n\n"
        "“Next year we will fight for the title again.”"
    )
    r = rec(text)
    for words in ("started badly", "young players grew", "fight for the title"):
        assert said(r, words)[0] == "Enzo Maranta"


def test_multi_sentence_quote_is_split_and_questions_are_left_out() -> None:
    r = rec("“The plan works. Who could doubt it? We will open three new lines,” Minister Jane Doe said.")
    texts = [s.text for s in r.statements if s.kind == "quote"]
    assert "The plan works." in texts and not any("doubt" in t for t in texts)
    assert any(t.startswith("We will open three new lines") for t in texts)


def test_quotation_that_completes_the_author_s_sentence_keeps_the_sentence() -> None:
    text = "The bank judged that its inflation goal “is finally in sight,” Governor Mara Lind said."
    who, rule = said(rec(text), "inflation goal")
    assert (who, rule) == ("Mara Lind", "quote.after-said.sentence")


def test_according_to_closing_the_sentence_and_anonymous_sources() -> None:
    r = rec(
        "Velmart will list its shares in June, according to people familiar with the plans. "
        "The listing could value the firm at four billion, Finance Minister Jane Doe said."
    )
    st = next(s for s in r.statements if "list its shares" in s.text)
    assert st.speaker is None and st.rule == "reported.according-to"
    assert said(r, "value the firm")[0] == "Jane Doe"


def test_anonymous_subject_of_a_speech_verb_gives_a_statement_without_speaker() -> None:
    r = rec("Most analysts believe the alliance will need the full two months to form.")
    st = next(s for s in r.statements if "alliance will need" in s.text)
    assert st.speaker is None


def test_glued_quotation_ends_a_sentence() -> None:
    text = "“We are proud of them.”The mayor then left the stage."
    assert [text[s:e] for s, e in split(text)] == ["“We are proud of them.”", "The mayor then left the stage."]


def test_unpunctuated_prose_line_is_content_but_menus_are_not() -> None:
    text = "Top Stories\n\nIn his opening remarks the minister thanked the hosts for their patience and support\n\nMore"
    kept = [text[s:e] for s, e in content_paragraphs(text)]
    assert kept == ["In his opening remarks the minister thanked the hosts for their patience and support"]


# --- coreference -------------------------------------------------------------------------------------------


def test_pronoun_speaker_is_less_sure_than_a_named_one() -> None:
    text = (
        "Finance Minister Jane Doe visited the port. “Trade will grow next year,” Jane Doe said. "
        "“Wages will follow,” she said."
    )
    r = rec(text)
    named = next(s for s in r.statements if "Trade will grow" in s.text)
    pronoun = next(s for s in r.statements if "Wages will follow" in s.text)
    assert label(r, pronoun.speaker) == "Jane Doe" and pronoun.confidence < named.confidence


def test_descriptor_the_agency_resolves_to_the_organisation() -> None:
    text = (
        "The Maritime Safety Bureau (MSB) inspected the ferry on Monday. "
        "The agency said the ferry would stay in port until the repairs were done."
    )
    assert said(rec(text), "stay in port")[0] == "Maritime Safety Bureau"


# --- the component chain and the word lists ----------------------------------------------------------------


def test_components_declare_what_they_need_and_a_wrong_order_fails() -> None:
    names = [c.name for c in PIPELINE]
    assert names.index("actors") < names.index("statements") < names.index("predictions")
    swapped = [c for c in PIPELINE if c.name != "document"]
    with pytest.raises(KgError, match="needs document"):
        run(ArticleRecord(text="Jane Doe said prices will rise."), components=swapped)
    bad = Component("bad", ("article",), ("sentences",), lambda a: {"paragraphs": ()})
    with pytest.raises(KgError, match="returned"):
        run(ArticleRecord(text="x"), components=[bad])


def test_the_document_is_rebuilt_with_the_speakers_not_written_to() -> None:
    chain = list(PIPELINE[: [c.name for c in PIPELINE].index("statements") + 1])
    before = run(ArticleRecord(text="“Prices will rise,” Jane Doe said."), components=chain)
    after = run(ArticleRecord(text="“Prices will rise,” Jane Doe said."))
    assert before.document is not None and not before.document.speakers
    assert after.document is not None and after.document.speakers


@pytest.mark.parametrize("path", sorted((ROOT / "lexicon").glob("*.txt")), ids=lambda p: p.stem)
def test_every_word_list_says_what_belongs_in_it_and_loads(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith("# ")
    assert load(path.stem) and all(not w.startswith("#") for w in load(path.stem))


def test_word_lists_ship_with_a_regular_install() -> None:
    assert '"share/kg/lexicon" = ["lexicon/*.txt"]' in (ROOT / "pyproject.toml").read_text()


def test_initials_and_family_name_before_a_speech_verb_are_a_person() -> None:
    r = rec("JKT Moran added, “The crew will be examined by doctors before flying home.”")
    assert said(r, "examined by doctors")[0] == "JKT Moran"


def test_a_country_only_named_as_a_place_is_no_actor() -> None:
    r = rec(
        "Finance Minister Jane Doe flew to Japan on Monday for a conference on trade. "
        "France and Germany said they would join the talks."
    )
    labels = {a.label for a in r.actors}
    assert "Japan" not in labels and {"France", "Germany"} <= labels
