"""Predictions as the claims browser shows them: the sortable table, one prediction with its history and evidence,
and the scorecards with their plots (reusing :mod:`kg.predictions`, :mod:`kg.scoring` and :mod:`kg.plots`).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from matplotlib.figure import Figure

from kg.errors import UsageError
from kg.namespaces import concept_value
from kg.plots import calibration_figure, timeline_figure
from kg.predictions import PredictionRow, list_predictions
from kg.resolve.record import Content, ResolutionRecord
from kg.scoring import Scorecard, score
from kg.store.base import Store
from kg.web import sparql
from kg.web.data import Located, Node, claim_of, locate, properties, select, statuses, value
from kg.web.highlight import Excerpt, Mark, excerpt

SORTS = ("made", "status", "predictor", "deadline", "probability")
"""The columns the prediction table sorts by (``?sort=``)."""


@dataclass
class PredictionLine:
    """One row of the prediction table: the listed prediction with the IRIs of its predictor and article."""

    row: PredictionRow
    predictor: str
    article: str


def _sort_key(line: PredictionLine, column: str) -> Any:
    r = line.row
    return {
        "made": r.made_on, "status": r.status, "predictor": r.predictor.casefold(), "deadline": r.deadline,
        "probability": r.probability,
    }[column]


def predictions(
    store: Store, *, sort: str = "made", descending: bool = False, status: str | None = None,
    predictor: str | None = None,
) -> list[PredictionLine]:
    """Every prediction (or those with *status*, or by *predictor*), sorted by *sort*; blanks always last."""
    if sort not in SORTS:
        raise UsageError(f"cannot sort predictions by '{sort}'", hint=f"choose {', '.join(SORTS)}")
    links = {
        value(r["prediction"]) or "": (value(r["predictor"]) or "", value(r["article"]) or "")
        for r in select(store, sparql.PREDICTION_LINKS)
    }
    lines = [PredictionLine(r, *links.get(r.iri, ("", ""))) for r in list_predictions(store, status=status)]
    if predictor:
        lines = [line for line in lines if line.predictor == predictor]
    present = [line for line in lines if _sort_key(line, sort) is not None]
    blank = [line for line in lines if _sort_key(line, sort) is None]
    present.sort(key=lambda line: (_sort_key(line, sort), line.row.iri), reverse=descending)
    return present + blank


# -- one prediction ---------------------------------------------------------------------------------------------
@dataclass
class Evidence:
    """One piece of evidence: where it was found and its sentence in context."""

    iri: str
    located: Located | None
    context: Excerpt | None


@dataclass
class Step:
    """One resolution in the status history of a prediction."""

    record: ResolutionRecord
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PredictionPage(Node):
    """A prediction: its properties, the sentence in context, its proposition, history and current status."""

    located: Located | None = None
    context: Excerpt | None = None
    claim: list[tuple[str, str]] = field(default_factory=list)
    history: list[Step] = field(default_factory=list)
    status: str | None = None
    review: bool = False


def in_context(located: Located | None, ref: str) -> Excerpt | None:
    """The node's sentence highlighted in its article's text (None without text or span)."""
    if located is None or located.start is None or located.end is None or not located.body:
        return None
    return excerpt(located.body, located.start, located.end, Mark(located.start, located.end, located.kind, ref))


def resolutions(store: Store, prediction: str) -> list[ResolutionRecord]:
    """The resolutions of one prediction, oldest first (the history ``kg.resolve.history`` gives, read for one)."""
    found: dict[str, dict[str, Any]] = {}
    for r in select(store, sparql.HISTORY, prediction=prediction):
        row = found.setdefault(value(r["resolution"]) or "", {k: value(v) for k, v in r.items()} | {
            "evidence": set(), "source": set()})
        for k in ("evidence", "source"):
            if r[k] is not None:
                row[k].add(value(r[k]))
    records = []
    for res, row in found.items():
        content = Content(
            prediction=prediction, outcome=concept_value(row["outcome"], "status") or row["outcome"],
            method=concept_value(row["method"], "method") or row["method"], agent=row["agent"] or "",
            rationale=row["rationale"] or "", evidence=tuple(sorted(row["evidence"])),
            sources=tuple(sorted(row["source"])), version=row["version"] or "",
        )
        records.append(ResolutionRecord(
            res, content, dt.date.fromisoformat(row["asOf"][:10]) if row["asOf"] else None,
            dt.datetime.fromisoformat(row["ended"]) if row["ended"] else None, row["revises"],
        ))
    return sorted(records, key=lambda r: (_utc(r.ended), r.iri))


def _utc(moment: dt.datetime | None) -> dt.datetime:
    moment = moment or dt.datetime.min
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def prediction(store: Store, iri: str) -> PredictionPage | None:
    """The page of prediction *iri*, None when it is not a prediction in the store."""
    located = locate(store, iri)
    if located is None or located.kind != "prediction":
        return None
    history = []
    for record in resolutions(store, iri):
        evidence = []
        for ev in record.content.evidence:
            where = locate(store, ev)
            evidence.append(Evidence(ev, where, in_context(where, ev)))
        history.append(Step(record, evidence))
    status, review = statuses(store, prediction=iri).get(iri, (None, False))
    return PredictionPage(
        iri, properties(store, iri), located, in_context(located, iri), claim_of(store, iri), history,
        status, review,
    )


# -- scorecards ---------------------------------------------------------------------------------------------------
def svg_uri(fig: Figure) -> str:
    """A figure as a ``data:image/svg+xml`` URI (an <img> never runs what an SVG might carry)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


@dataclass
class Scorecards:
    """Scores by predictor and by outlet, with the calibration and timeline plots of the predictions scored."""

    by_predictor: Scorecard
    by_outlet: Scorecard
    calibration_svg: str
    timeline_svg: str


def scorecards(rows: Sequence[PredictionRow]) -> Scorecards:
    """The scorecards of *rows* (all predictions, or one predictor's)."""
    by_predictor = score(rows, by="predictor")
    return Scorecards(
        by_predictor, score(rows, by="outlet"),
        svg_uri(calibration_figure(by_predictor)), svg_uri(timeline_figure(rows)),
    )
