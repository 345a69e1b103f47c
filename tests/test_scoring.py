"""Scoring: Brier and calibration arithmetic, grouping, the scorecard CLI and the plots."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import UsageError
from kg.predictions import PredictionRow
from kg.scoring import brier, calibration, score, scored_pairs


def row(status: str, p: float | None, predictor: str = "Ann", outlet: str = "Weekly", **kw: str) -> PredictionRow:
    return PredictionRow(
        iri=f"x:{status}{p}{predictor}", text="t", predictor=predictor, hedge=None, probability=p,
        deadline=kw.pop("deadline", None), status=status, article=None, outlet=outlet, **kw,
    )


def test_brier_arithmetic() -> None:
    assert brier([(0.9, 1)]) == pytest.approx(0.01)
    assert brier([(0.9, 1), (0.6, 0)]) == pytest.approx((0.01 + 0.36) / 2)
    assert brier([(1.0, 0)]) == 1.0
    assert brier([]) is None


def test_calibration_bins() -> None:
    bins = calibration([(0.1, 0), (0.15, 1), (0.7, 1), (0.75, 1), (1.0, 1)], bins=5)
    assert [(b.low, b.high, b.count) for b in bins] == [(0, 0.2, 2), (0.2, 0.4, 0), (0.4, 0.6, 0), (0.6, 0.8, 2),
                                                         (0.8, 1.0, 1)]
    assert bins[0].mean_probability == pytest.approx(0.125) and bins[0].observed == 0.5
    assert bins[3].observed == 1.0 and bins[1].observed is None
    with pytest.raises(UsageError):
        calibration([], bins=0)


def test_only_confirmed_and_refuted_with_probability_are_scored() -> None:
    rows = [row("confirmed", 0.9), row("refuted", 0.675), row("expired", 0.9), row("ambiguous", 0.5),
            row("open", 0.7), row("confirmed", None)]
    assert scored_pairs(rows) == [(0.9, 1), (0.675, 0)]


def test_negative_polarity_scores_the_claim() -> None:
    # "X will not visit" at 0.9 that came true (confirmed) is a good forecast
    assert scored_pairs([row("confirmed", 0.9, polarity="negative")]) == [(0.9, 1)]


def test_score_counts_and_groups() -> None:
    rows = [row("confirmed", 0.9), row("refuted", 0.675), row("expired", 0.9), row("open", 0.5, predictor="Bo"),
            row("annulled", 0.5, predictor="Bo", outlet="Daily")]
    card = score(rows, by="predictor")
    ann, bo = card.groups
    assert (ann.name, ann.made, ann.confirmed, ann.refuted, ann.expired, ann.scored) == ("Ann", 3, 1, 1, 1, 2)
    assert ann.brier == pytest.approx(((0.9 - 1) ** 2 + 0.675**2) / 2, abs=1e-4)
    assert (bo.made, bo.open, bo.annulled, bo.brier) == (2, 1, 1, None)
    assert card.total.made == 5 and card.total.scored == 2
    assert [g.name for g in score(rows, by="outlet").groups] == ["Daily", "Weekly"]
    with pytest.raises(UsageError):
        score(rows, by="colour")


def test_plots_are_written(tmp_path: Path) -> None:
    from kg.plots import write_plots

    rows = [row("confirmed", 0.9, made_on="2018-08-27", deadline="2018-09-30"), row("open", 0.5, made_on="2018-08-27")]
    paths = write_plots(score(rows), rows, tmp_path)
    assert sorted(p.name for p in paths) == ["calibration.png", "calibration.svg", "timeline.png", "timeline.svg"]
    assert all(p.stat().st_size > 0 for p in paths)
    assert (tmp_path / "timeline.png").read_bytes()[:4] == b"\x89PNG"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_scorecard_cli(tmp_path: Path) -> None:
    store = tmp_path / "store"
    runner = CliRunner()
    data = Path(__file__).parent / "data" / "resolve"
    files = [str(data / f"{n}.json") for n in ("a_prediction", "b_announcement", "d_summit", "f_hanoi")]
    assert runner.invoke(app, ["ingest", "--store", str(store), "--force", *files]).exit_code == 0
    assert runner.invoke(app, ["resolve", "--store", str(store)]).exit_code == 0
    result = runner.invoke(app, ["scorecard", "--store", str(store), "--format", "json", "--plot", str(tmp_path)])
    assert result.exit_code == 0, result.output
    card = json.loads(result.stdout)
    assert card["by"] == "predictor" and card["total"]["made"] == 7
    assert card["total"]["confirmed"] == 3 and card["total"]["refuted"] == 1
    assert result.stdout.endswith("}\n") and 0 <= card["base_rate"] <= 1
    assert all(g["iri"].startswith("https://") for g in card["groups"] if g["scored"])
    assert card["total"]["log_score"] is not None and "skill" in card["total"]
    assert (tmp_path / "calibration.svg").exists()
    table = runner.invoke(app, ["scorecard", "--store", str(store), "--by", "outlet"])
    assert table.exit_code == 0 and "Example" in table.stdout and "Brier" in table.stdout and "skill" in table.stdout
    assert runner.invoke(app, ["scorecard", "--store", str(store), "--by", "colour"]).exit_code == 2
    assert runner.invoke(app, ["scorecard", "--store", str(store), "--format", "xml"]).exit_code == 2


def test_day_is_not_needed_for_plots_without_dates(tmp_path: Path) -> None:
    from kg.plots import timeline_figure

    fig = timeline_figure([row("open", 0.5)], today=dt.date(2020, 1, 1))
    assert fig is not None


def test_log_and_skill_scores() -> None:
    from kg.scoring import base_rate, log_score, skill

    assert log_score([(0.9, 1)]) == pytest.approx(-__import__("math").log(0.9), abs=1e-4)
    assert log_score([(1.0, 0)]) == pytest.approx(6.9078, abs=1e-3)  # clipped at 0.999: finite
    assert log_score([]) is None
    pairs = [(0.9, 1), (0.8, 1), (0.3, 0), (0.6, 0)]
    rate = base_rate(pairs)
    assert rate == 0.5
    assert skill(pairs, base_rate=rate) == pytest.approx(1 - brier(pairs) / 0.25, abs=1e-4)  # type: ignore[operator]
    assert skill([(0.5, 1), (0.5, 0)], base_rate=0.5) == 0  # the base rate itself has no skill
    assert skill([(0.9, 1)], base_rate=1.0) is None  # nothing to beat


def test_groups_carry_iris_and_skill() -> None:
    rows = [row("confirmed", 0.9), row("refuted", 0.2), row("refuted", 0.8, predictor="Bo")]
    iris = {r.iri: (f"https://example.org/{r.predictor}", "https://example.org/weekly") for r in rows}
    card = score(rows, iris=iris)
    assert [(g.name, g.iri) for g in card.groups] == [("Ann", "https://example.org/Ann"),
                                                      ("Bo", "https://example.org/Bo")]
    assert card.base_rate == pytest.approx(1 / 3, abs=1e-4)
    ann, bo = card.groups
    assert ann.skill is not None and ann.skill > 0 > (bo.skill or 0)
    assert [g.iri for g in score(rows, by="outlet", iris=iris).groups] == ["https://example.org/weekly"]
