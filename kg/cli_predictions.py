"""kg resolve, judge, predictions, scorecard: the commands about predictions and how they turned out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import FormatOpt, StoreOpt, app, err, errors, open_store, print_table, table_or_json, writing


def _day(value: str | None):  # type: ignore[no-untyped-def]
    import datetime as dt

    from kg.errors import UsageError

    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise UsageError(f"'{value}' is not a date", hint="give YYYY-MM-DD") from None


def _judgement_json(j) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return {
        "prediction": j.prediction, "text": j.text, "outcome": j.outcome, "needs_review": j.needs_review,
        "method": j.method, "agent": j.agent, "as_of": j.as_of.isoformat(), "rationale": j.rationale,
        "evidence": j.evidence, "sources": j.sources, "resolution": j.resolution, "revises": j.revises,
        "written": j.written,
    }


@app.command("resolve")
def resolve_cmd(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Use sources published by this day (ISO date).")] = None,
    prediction: Annotated[str | None, typer.Option("--prediction", help="Judge only this prediction (IRI).")] = None,
    fmt: FormatOpt = "table",
    store: StoreOpt = None,
) -> None:
    """Judge predictions against later sources; record each judgement as a Resolution (idempotent)."""
    from kg.resolve import resolve as run

    with errors():
        table_or_json(fmt)
        with writing(store, create=False) as s:
            judgements = run(s, as_of=_day(as_of), prediction=prediction)
        if fmt == "json":
            typer.echo(json.dumps([_judgement_json(j) for j in judgements], indent=2, ensure_ascii=False))
            return
        print_table(
            ["outcome", "recorded", "evidence", "prediction"],
            [[j.outcome + (" (needs review)" if j.needs_review else ""),
              "new" if j.written else ("kept" if j.resolution else "-"), str(len(j.evidence)), j.text[:70]]
             for j in judgements],
        )


@app.command("judge")
def judge_cmd(
    prediction: Annotated[str, typer.Argument(help="The prediction's IRI (see 'kg predictions --format json').")],
    outcome: Annotated[str, typer.Option("--outcome", help="confirmed, refuted, ambiguous or annulled.")],
    evidence: Annotated[
        list[str] | None, typer.Option("--evidence", help="An article IRI or URL in the store (repeatable).")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why, in words.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who judges (default $USER).")] = None,
    store: StoreOpt = None,
) -> None:
    """Record a person's judgement of a prediction; it wins over rule judgements and keeps the history."""
    from kg.resolve import judge as run

    with errors():
        with writing(store, create=False) as s:
            j = run(s, prediction, outcome=outcome, evidence=evidence or [], note=note, by=by)
        state = "recorded" if j.written else "already recorded"
        typer.echo(f"{state} {j.outcome} for <{j.prediction}> as <{j.resolution}>")


@app.command("predictions")
def predictions_cmd(
    status: Annotated[str | None, typer.Option("--status", help="Only predictions with this status.")] = None,
    fmt: FormatOpt = "table",
    store: StoreOpt = None,
) -> None:
    """List predictions with predictor, hedge, probability, deadline, status and evidence."""
    from kg.predictions import list_predictions

    with errors():
        table_or_json(fmt)
        rows = list_predictions(open_store(store, read_only=True), status=status)
        if fmt == "json":
            typer.echo(json.dumps([r.to_json() for r in rows], indent=2, ensure_ascii=False))
            return
        print_table(
            ["status", "p", "deadline", "predictor", "prediction", "evidence"],
            [[r.status, f"{r.probability:.2f}" if r.probability is not None else "-", r.deadline or "-",
              r.predictor, r.text[:60], "; ".join(f"{e.published} {e.source}" for e in r.evidence) or "-"]
             for r in rows],
        )


@app.command("scorecard")
def scorecard_cmd(
    by: Annotated[str, typer.Option("--by", help="predictor or outlet.")] = "predictor",
    fmt: FormatOpt = "table",
    plot: Annotated[Path | None, typer.Option("--plot", help="Write calibration and timeline plots here.")] = None,
    store: StoreOpt = None,
) -> None:
    """Counts by outcome, Brier, log and skill scores and calibration of judged predictions, per predictor or outlet."""
    from dataclasses import asdict

    from kg.predictions import list_predictions
    from kg.scoring import prediction_iris, score

    with errors():
        table_or_json(fmt)
        s = open_store(store, read_only=True)
        rows = list_predictions(s)
        card = score(rows, by=by, iris=prediction_iris(s))
        if plot is not None:
            from kg.plots import write_plots

            for path in write_plots(card, rows, plot):
                err.print(f"wrote {path}", markup=False, highlight=False)
        if fmt == "json":
            typer.echo(json.dumps(asdict(card), indent=2))
            return
        keys = ["made", "confirmed", "refuted", "expired", "ambiguous", "annulled", "open", "scored"]
        def num(x: float | None) -> str:
            return "-" if x is None else f"{x:.3f}"

        print_table(
            [by, *keys, "Brier", "log", "skill"],
            [[g.name, *(str(getattr(g, k)) for k in keys), num(g.brier), num(g.log_score), num(g.skill)]
             for g in [*card.groups, card.total]], width=150,
        )
        typer.echo(f"skill: against always forecasting the base rate {num(card.base_rate)} (above 0 beats it)")
        print_table(
            ["probability", "n", "mean forecast", "observed"],
            [[f"{b.low:.1f}-{b.high:.1f}", str(b.count),
              "-" if b.mean_probability is None else f"{b.mean_probability:.2f}",
              "-" if b.observed is None else f"{b.observed:.2f}"] for b in card.calibration],
        )
