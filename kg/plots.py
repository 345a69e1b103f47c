"""Plots of a scorecard: a calibration plot and a timeline of predictions (made → deadline) and outcomes.

Figures are drawn with matplotlib's object API on the Agg canvas (no pyplot state, no display) and written
atomically: each file is saved to a temporary name in the target folder and renamed over the final name.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import date2num
from matplotlib.figure import Figure

from kg.errors import UsageError
from kg.predictions import PredictionRow
from kg.scoring import Scorecard

FORMATS = ("png", "svg")

_COLOURS = {
    "confirmed": "#2e7d32",
    "refuted": "#c62828",
    "expired": "#757575",
    "ambiguous": "#ef6c00",
    "annulled": "#9e9e9e",
    "open": "#1565c0",
}


def calibration_figure(card: Scorecard) -> Figure:
    """Observed frequency against mean forecast per bin, marker area by count, with the diagonal."""
    fig = Figure(figsize=(5, 5))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], linestyle="--", color="#9e9e9e", label="perfect calibration")
    points = [
        (b.mean_probability, b.observed, b.count)
        for b in card.calibration
        if b.count and b.mean_probability is not None and b.observed is not None
    ]
    if points:
        ax.scatter(
            [x for x, _, _ in points], [y for _, y, _ in points], s=[60 * n for _, _, n in points],
            color="#1565c0", alpha=0.8, label="predictions (area = count)",
        )
        for x, y, n in points:
            ax.annotate(str(n), (x, y), textcoords="offset points", xytext=(6, 6), fontsize=8)
    brier = card.total.brier
    scored = f" (Brier {brier:.3f}, n={card.total.scored})" if brier is not None else " (nothing scored)"
    title = "Calibration" + scored
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="stated probability", ylabel="observed frequency", title=title)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _x(day: dt.date) -> float:
    """A day as matplotlib's date number."""
    return float(date2num(day))


def timeline_figure(rows: Sequence[PredictionRow], *, today: dt.date | None = None) -> Figure:
    """One line per prediction from the day it was made to its deadline, coloured by status, with evidence."""
    today = today or dt.date.today()
    dated = [r for r in rows if r.made_on]
    fig = Figure(figsize=(9, max(2.5, 0.45 * len(dated) + 1.2)))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    for y, r in enumerate(dated):
        made = _day(r.made_on) or today
        end = _day(r.deadline)
        seen = [d for e in r.evidence if (d := _day(e.published))]
        colour = _COLOURS.get(r.status, "#000000")
        stop = end or max([made, *seen])
        ax.plot([_x(made), _x(stop)], [y, y], color=colour, linewidth=3, linestyle="-" if end else ":")
        ax.plot([_x(made)], [y], marker="o", color=colour)
        for day in seen:
            ax.plot([_x(day)], [y], marker="x", color="#000000")
        label = r.text if len(r.text) <= 48 else r.text[:47] + "…"
        ax.annotate(f"{label} [{r.status}]", (_x(made), y), textcoords="offset points", xytext=(0, 6), fontsize=7)
    ax.xaxis_date()
    ax.set_yticks([])
    ax.set_ylim(-0.8, max(len(dated), 1) - 0.2)
    ax.set_title("Predictions: made (●) → deadline (dotted: none), evidence (×)")
    for status, colour in _COLOURS.items():
        ax.plot([], [], color=colour, linewidth=3, label=status)
    ax.legend(loc="lower right", fontsize=7, ncols=3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def save(fig: Figure, path: str | Path) -> Path:
    """Write *fig* to *path* atomically; the format is the file's suffix (png or svg)."""
    path = Path(path)
    fmt = path.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise UsageError(f"cannot write a plot as '{fmt}'", hint=f"choose {' or '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            fig.savefig(f, format=fmt)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_plots(
    card: Scorecard, rows: Sequence[PredictionRow], directory: str | Path, *, formats: Sequence[str] = FORMATS
) -> list[Path]:
    """Write ``calibration.<fmt>`` and ``timeline.<fmt>`` into *directory*; return the paths written."""
    directory = Path(directory)
    written = []
    figures = {"calibration": calibration_figure(card), "timeline": timeline_figure(rows)}
    for name, fig in figures.items():
        for fmt in formats:
            written.append(save(fig, directory / f"{name}.{fmt}"))
    return written
