"""The extractor on the seed article (The Diplomat, Ankit Panda, 2018-08-27): every hand-checked expectation."""

from __future__ import annotations

from functools import cache

import pytest

from kg.extract import extract
from kg.paths import data_dir
from kg.records import ArticleRecord, Prediction, Records, check

TITLE = "Making Sense of the August Fizzle in the US-North Korea Negotiations"
EXPECTED_ACTORS = {
    "Donald Trump",
    "Mike Pompeo",
    "Kim Jong Un",
    "Kim Yong Chol",
    "Xi Jinping",
    "Moon Jae-in",
    "Steve Biegun",
    "North Korea",
    "United States",
    "South Korea",
    "China",
    "Korean Central News Agency",
}


@cache
def seed() -> Records:
    text = (data_dir("seeds") / "000_4f70852738a6ae05.txt").read_text(encoding="utf-8")
    article = ArticleRecord(text=text, title=TITLE, outlet="The Diplomat", author="Ankit Panda", published="2018-08-27")
    return extract(article)


def actor_id(label: str) -> str:
    found = [a.id for a in seed().actors if a.label == label]
    assert len(found) == 1, f"{label}: {found}"
    return found[0]


def label(actor: str | None) -> str | None:
    a = seed().actor(actor) if actor else None
    return a.label if a else actor


def prediction(phrase: str) -> Prediction:
    found = [p for p in seed().predictions if phrase in p.text]
    assert found, f"no prediction contains {phrase!r}: {[p.text for p in seed().predictions]}"
    return found[0]


def test_records_pass_the_contract_check() -> None:
    check(seed())
    text = seed().article.text
    for group in (seed().statements, seed().meetings, seed().predictions):
        for rec in group:
            assert text[rec.span.start : rec.span.end] == rec.span.text
            assert rec.rule and 0.0 <= rec.confidence <= 1.0


def test_ids_are_in_text_order() -> None:
    r = seed()
    assert [a.id for a in r.actors] == [f"a{i}" for i in range(1, len(r.actors) + 1)]
    for prefix, group in (("s", r.statements), ("m", r.meetings), ("p", r.predictions)):
        assert [x.id for x in group] == [f"{prefix}{i}" for i in range(1, len(group) + 1)]
        assert [x.span.start for x in group] == sorted(x.span.start for x in group)


def test_exactly_the_expected_actors_each_once() -> None:
    labels = [a.label for a in seed().actors]
    assert sorted(labels) == sorted(EXPECTED_ACTORS)


def test_actor_types_and_registry_links() -> None:
    by_label = {a.label: a for a in seed().actors}
    assert by_label["Donald Trump"].type == "Person" and by_label["Donald Trump"].wikidata == "Q22686"
    assert by_label["North Korea"].type == "Country" and by_label["North Korea"].wikidata == "Q423"
    assert by_label["Korean Central News Agency"].type == "Organization"
    assert by_label["Mike Pompeo"].iri == "https://w3id.org/kg/id/actor/mike-pompeo"


@pytest.mark.parametrize(
    ("name", "surfaces"),
    [
        ("Donald Trump", {"Donald J. Trump", "Trump"}),
        ("Mike Pompeo", {"Mike Pompeo", "Pompeo"}),
        ("Kim Jong Un", {"Kim Jong Un", "Kim"}),
        ("North Korea", {"North Korea", "Pyongyang"}),
        ("United States", {"U.S.", "United States", "Washington"}),
        ("Steve Biegun", {"Steve Biegun", "Biegun"}),
    ],
)
def test_mentions_resolve_to_one_actor(name: str, surfaces: set[str]) -> None:
    actor = seed().actor(actor_id(name))
    assert actor is not None
    assert surfaces <= {m.text for m in actor.mentions}


def test_chairman_kim_is_kim_jong_un_and_kim_yong_chol_stays_apart() -> None:
    text = seed().article.text
    chairman = text.index("Chairman Kim") + len("Chairman ")
    kju = seed().actor(actor_id("Kim Jong Un"))
    kyc = seed().actor(actor_id("Kim Yong Chol"))
    assert kju is not None and kyc is not None
    assert any(m.start == chairman for m in kju.mentions)
    assert [m.text for m in kyc.mentions] == ["Kim Yong Chol"]


def test_no_bogus_actors() -> None:
    labels = {a.label for a in seed().actors}
    assert not labels & {"Ford", "Singapore", "Chinese", "Recent Features", "Official White House Photo"}


def test_trump_tweet_is_quoted_sentence_by_sentence_by_trump_on_the_24th() -> None:
    # the two quoted tweets, one statement per quoted sentence (a quotation is split into its sentences)
    tweets = [s for s in seed().statements if s.medium == "tweet"]
    assert len(tweets) == 3
    assert tweets[0].text.startswith("I have asked Secretary of State Mike Pompeo not to go to North Korea")
    assert any(t.text.startswith("In the meantime I would like to send my warmest regards") for t in tweets)
    for s in tweets:
        assert label(s.speaker) == "Donald Trump"
        assert s.date == "2018-08-24"
        assert s.kind == "quote"


def test_pompeo_calls_for_denuclearization() -> None:
    found = [s for s in seed().statements if "final, fully verified denuclearization" in s.text]
    assert found and label(found[0].speaker) == "Mike Pompeo"


def test_kcna_line_is_attributed_to_kcna() -> None:
    found = [s for s in seed().statements if "only Trump can take" in s.text]
    assert found and label(found[0].speaker) == "Korean Central News Agency"


def test_scare_quotes_are_not_statements() -> None:
    for s in seed().statements:
        assert "down payment" not in s.text
        assert s.text != "Singapore spirit"


def test_reported_pronoun_speaker_is_trump() -> None:
    found = [s for s in seed().statements if s.text.startswith("his respect for Kim")]
    assert found and label(found[0].speaker) == "Donald Trump" and found[0].kind == "reported"


def meeting(predicate: object) -> list:  # type: ignore[type-arg]
    return [m for m in seed().meetings if predicate(m)]  # type: ignore[operator]


def participants(m: object) -> set[str | None]:
    return {label(p) for p in m.participants}  # type: ignore[attr-defined]


def test_singapore_summit_held_on_june_12() -> None:
    found = meeting(lambda m: {"Donald Trump", "Kim Jong Un"} <= participants(m) and m.status == "held")
    assert len(found) == 1
    m = found[0]
    assert m.start == "2018-06-12" and m.place == "Singapore" and m.kind == "summit"


def test_april_panmunjom_inter_korean_summit_held() -> None:
    found = meeting(lambda m: m.place == "Panmunjom")
    assert found and found[0].status == "held" and found[0].start == "2018-04"
    # a summit between two countries whose leaders the article names is one between those leaders
    assert participants(found[0]) == {"Kim Jong Un", "Moon Jae-in"}


def test_pompeo_trip_cancelled() -> None:
    found = meeting(lambda m: participants(m) == {"Mike Pompeo"})
    assert len(found) == 1
    assert found[0].status == "cancelled" and found[0].kind == "visit" and found[0].place == "Pyongyang"


def test_fifth_inter_korean_summit_planned_in_september() -> None:
    found = meeting(lambda m: {"Kim Jong Un", "Moon Jae-in"} <= participants(m) and m.place != "Panmunjom")
    assert len(found) == 1
    m = found[0]
    assert m.status == "planned" and m.start == "2018-09" and label(m.host) == "Kim Jong Un"


def test_xi_at_kims_side_predicted_for_the_anniversary() -> None:
    found = meeting(lambda m: {"Kim Jong Un", "Xi Jinping"} <= participants(m))
    assert len(found) == 1
    m = found[0]
    assert m.status == "predicted" and m.start == "2018-09" and m.kind in ("ceremony", "visit")
    assert m.place in ("Pyongyang", "North Korea")


def test_xi_likely_by_kims_side() -> None:
    p = prediction("likely with Chinese President Xi Jinping by his side")
    assert p.hedge == "likely" and p.predictor == "author"
    assert p.probability_interval == (0.55, 0.8) and p.probability is not None and 0.55 <= p.probability <= 0.8
    assert p.deadline == "2018-09-30"
    xi = [m for m in seed().meetings if "Xi Jinping" in participants(m)]
    assert p.event == xi[0].id


def test_kim_will_host_moon() -> None:
    p = prediction("host South Korean President Moon Jae-in for a fifth inter-Korean summit")
    summit = meeting(lambda m: "Moon Jae-in" in participants(m))[0]
    assert p.event == summit.id and p.deadline == "2018-09-30" and p.hedge == "will"


def test_process_likely_to_veer() -> None:
    p = prediction("is likely to veer either toward another Trump-Kim summit")
    assert p.predictor == "author" and p.probability_interval == (0.55, 0.8)


def test_second_summit_wont_get_washington_closer() -> None:
    p = prediction("won’t get Washington any closer to actual denuclearization")
    assert p.polarity == "negative" and p.predictor == "author"


def test_pyongyang_will_push_ahead() -> None:
    p = prediction("Pyongyang will push ahead with China and South Korea")
    assert p.predictor == "author" and p.polarity == "positive"


def test_trump_looks_forward_to_seeing_kim() -> None:
    p = prediction("I look forward to seeing him soon")
    tweet = [s for s in seed().statements if "look forward to seeing him" in s.text][0]
    assert label(p.predictor) == "Donald Trump" and p.statement == tweet.id and p.made == "2018-08-24"
    assert p.hedge == "look forward to" and p.probability_interval == (0.55, 0.85)
    second = meeting(lambda m: participants(m) == {"Donald Trump", "Kim Jong Un"} and m.status == "predicted")
    assert len(second) == 1 and p.event == second[0].id


@pytest.mark.parametrize(
    "phrase",
    [
        "Will September produce a breakthrough",  # a question
        "he’d have largely been in for more of the same",  # a counterfactual about the past
        "Recent Features",  # navigation
        "Making Sense of the August Fizzle",  # the repeated title
        "Official White House Photo",  # the photo credit
        "might be at a roadblock",  # subordinate clause ("Even as …")
    ],
)
def test_not_predictions(phrase: str) -> None:
    assert not [p for p in seed().predictions if phrase in p.text]


def test_nothing_from_boilerplate() -> None:
    text = seed().article.text
    body = text.index("July 2018 ended")
    deck = text.index("U.S.-North Korea diplomacy is at an impasse")
    for group in (seed().statements, seed().meetings, seed().predictions):
        for rec in group:
            assert rec.span.start >= deck
    for a in seed().actors:
        for m in a.mentions:
            assert m.start >= deck
    assert body > deck
