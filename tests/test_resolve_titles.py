"""Title contests: odds given to several contenders are several win forecasts about the tournament their article
names; the title won by one contender confirms its forecast and refutes its rivals' (texts written for these
tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.extract.claims import with_claims
from kg.extract.contest_names import with_contest_themes
from kg.extract.credited_outcomes import with_credited_outcomes
from kg.extract.outcomes import with_outcomes
from kg.extract.ranked_odds import split_ranked_odds, with_ranked_claims
from kg.records import ArticleRecord, Prediction, Records, Span
from kg.resolve import resolve
from kg.resolve.events import Report
from kg.resolve.titles import is_title_report
from kg.store import MemoryStore
from tests.test_resolve_claims import Who, at, load, mentioned

ROVERS = Who("rovers", "Harbour Rovers", forms=("the Rovers",))
DELTA = Who("delta", "Delta United", forms=("Delta",))
EAST = Who("east", "Eastside FC")
VOSS = Who("voss", "Mara Voss", "Person", ("Voss",))
TEAMS = [ROVERS, DELTA, EAST, VOSS]

ODDS = ("The Pollster Institute gives Harbour Rovers a 21 percent chance of winning, with Delta United "
        "second favourites on just 13 percent.")
FORECAST = f"Harbour Cup: pollsters back the Rovers\n\n{ODDS} The Harbour Cup starts in June."


def records(text: str, published: str, url: str, predictions: tuple[str, ...] = ()) -> Records:
    """Records of *text* with the teams' mentions and the given percentage predictions, read as kg reads them."""
    found = mentioned(text, TEAMS)
    preds = []
    for n, words in enumerate(predictions, 1):
        i = text.index(words)
        preds.append(Prediction(f"p{n}", "author", words, Span(i, i + len(words), words), hedge="21 percent",
                                probability=0.21, rule="prediction.percentage"))
    title = text.split("\n")[0] if "\n" in text else url
    r = Records(ArticleRecord(text=text, url=url, title=title, outlet="Test Desk", published=published),
                found, predictions=preds)
    claimed = with_contest_themes(with_ranked_claims(with_claims(split_ranked_odds(r))))
    return with_credited_outcomes(with_outcomes(claimed))


def forecast() -> Records:
    return records(FORECAST, "2031-06-01", "https://example.org/odds", (ODDS[:-1],))


def test_odds_of_two_contenders_are_two_win_forecasts_about_the_articles_tournament() -> None:
    r = forecast()
    assert [(p.probability, p.claim and p.claim.predicate, p.claim and p.claim.subjects) for p in r.predictions] == [
        (0.21, "win", ["rovers"]), (0.13, "win", ["delta"])]
    assert {p.claim.theme for p in r.predictions if p.claim} == {"harbour cup"}
    assert r.predictions[0].span.text.endswith("chance of winning")


def test_a_coach_praising_their_side_for_winning_reports_the_teams_win() -> None:
    text = "Delta United coach Mara Voss praised her young side for winning the Harbour Cup final on Sunday."
    (o,) = records(text, "2031-07-14", "https://example.org/final").outcomes
    assert (o.claim.predicate, o.claim.subjects, o.date) == ("win", ["delta"], "2031-07-13")


@pytest.mark.parametrize("text", [
    "Mara Voss will praise her young side for winning the Harbour Cup final.",  # hedged: nothing happened yet
    "Mara Voss praised her young side for winning the Harbour Cup final on Sunday.",  # whose side is not written
])
def test_praise_reports_no_win_when_hedged_or_when_the_team_is_unknown(text: str) -> None:
    assert not [o for o in records(text, "2031-07-14", "https://example.org/x").outcomes if o.claim.predicate == "win"]


def test_praise_for_anything_but_a_contest_reports_nothing() -> None:
    text = "Mara Voss thanked Delta United for returning her to the board on Sunday."
    found = records(text, "2031-07-14", "https://example.org/x").outcomes
    assert not [o for o in found if o.rule == "outcome.credited"]


def test_the_title_confirms_the_winners_forecast_and_refutes_the_rivals(store: MemoryStore, tmp_path: Path) -> None:
    final = records("Delta United coach Mara Voss praised her young side for winning the Harbour Cup final on "
                    "Sunday.", "2031-07-14", "https://example.org/final")
    judged = {j.text: j for j in resolve(load(store, tmp_path, forecast(), final), **at("2031-07-20"))}
    rovers = judged[ODDS[: ODDS.index(", with")]]
    delta = next(j for t, j in judged.items() if t.startswith("Delta United"))
    assert delta.outcome == "confirmed" and delta.evidence
    assert rovers.outcome == "refuted" and rovers.evidence and "rival" in rovers.rationale


def test_a_match_won_on_the_way_settles_no_title_forecast(store: MemoryStore, tmp_path: Path) -> None:
    match = records("Delta United beat Eastside FC 2-0 in a Harbour Cup group match on Sunday.", "2031-06-15",
                    "https://example.org/match")
    for j in resolve(load(store, tmp_path, forecast(), match), **at("2031-06-20")):
        assert j.outcome not in ("confirmed", "refuted")


def test_a_winner_the_forecast_did_not_name_as_a_contender_refutes_nothing(store: MemoryStore, tmp_path: Path) -> None:
    alone = ("Harbour Cup: pollsters back the Rovers\n\n"
             "The Pollster Institute gives Harbour Rovers a 21 percent probability of winning.")
    before = records(alone, "2031-06-01", "https://example.org/alone", (alone.split("\n")[-1][:-1],))
    final = records("Eastside FC coach Mara Voss praised her young side for winning the Harbour Cup final on Sunday.",
                    "2031-07-14", "https://example.org/final")
    (j,) = resolve(load(store, tmp_path, before, final), **at("2031-07-20"))
    assert j.outcome == "open"


def test_a_tournament_named_in_passing_is_not_what_an_election_forecast_is_about() -> None:
    text = ("Polls close on Thursday\n\nThe Pollster Institute gives Harbour Rovers a 21 percent probability of "
            "winning.\n\nThe Harbour Cup final was moved to avoid the vote.")
    (p,) = records(text, "2031-06-01", "https://example.org/vote", (text.split("\n\n")[1][:-1],)).predictions
    assert p.claim is not None and p.claim.predicate == "win" and p.claim.theme is None


@pytest.mark.parametrize(("text", "title"), [
    ("Delta United won the Harbour Cup on Sunday.", True),
    ("Delta United won the 2031 Harbour Cup final.", True),
    ("Delta United won the title in style.", True),
    ("Delta United won the Harbour Cup opener on Sunday.", False),
    ("Delta United won their Harbour Cup group match.", False),
    ("Delta United won the semi-final of the Harbour Cup.", False),
    ("Delta United won at the Harbour Cup.", False),
])
def test_a_title_report_names_the_whole_contest_not_a_round_or_a_match(text: str, title: bool) -> None:
    day = dt.date(2031, 7, 13)
    r = Report("o1", "kgd:x", "contest", "win", "held", frozenset({"delta"}), day, text=text, words="won")
    assert is_title_report(r) is title
