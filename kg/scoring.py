"""Scoring predictions: counts by outcome, the Brier score and a calibration table, per predictor or outlet.

A prediction is scored when its status is confirmed or refuted and it has a probability (stated, or that of
its hedge). The claim is scored, whatever its polarity: the probability is the one recorded for the
prediction and the outcome is 1 when the claim came true (confirmed), 0 when it did not (refuted). So "X will
not visit" at 0.9 that is confirmed (no visit) scores (0.9 - 1)². Expired, ambiguous, annulled and open
predictions are counted but not scored.

>>> brier([(0.9, 1), (0.6, 0)])
0.185
>>> [(b.count, b.observed) for b in calibration([(0.9, 1), (0.6, 0), (0.7, 1)], bins=2)]
[(0, None), (3, 0.667)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.errors import UsageError
from kg.predictions import PredictionRow, list_predictions
from kg.store.base import Store

GROUPINGS = ("predictor", "outlet")
COUNTED = ("confirmed", "refuted", "expired", "ambiguous", "annulled", "open")


@dataclass
class GroupScore:
    """Counts and Brier score of one predictor or outlet (or of everything: ``name == "all"``)."""

    name: str
    made: int = 0
    confirmed: int = 0
    refuted: int = 0
    expired: int = 0
    ambiguous: int = 0
    annulled: int = 0
    open: int = 0
    scored: int = 0
    brier: float | None = None


@dataclass(frozen=True)
class Bin:
    """One calibration bin: predictions with probability in [low, high) (the last bin includes 1.0)."""

    low: float
    high: float
    count: int
    mean_probability: float | None
    observed: float | None  # share of the claims in the bin that came true


@dataclass
class Scorecard:
    """Scores grouped by predictor or outlet, the total, and the calibration of all scored predictions."""

    by: str
    groups: list[GroupScore] = field(default_factory=list)
    total: GroupScore = field(default_factory=lambda: GroupScore("all"))
    calibration: list[Bin] = field(default_factory=list)


def brier(pairs: Iterable[tuple[float, int]]) -> float | None:
    """Mean squared difference between probability and outcome (0 best, 1 worst); None without pairs."""
    pairs = list(pairs)
    if not pairs:
        return None
    return round(sum((p - o) ** 2 for p, o in pairs) / len(pairs), 4)


def calibration(pairs: Iterable[tuple[float, int]], *, bins: int = 5) -> list[Bin]:
    """Equal-width probability bins with the mean forecast and the observed frequency in each."""
    if bins < 1:
        raise UsageError("the calibration needs at least one bin")
    members: list[list[tuple[float, int]]] = [[] for _ in range(bins)]
    for p, o in pairs:
        members[min(int(p * bins), bins - 1)].append((p, o))
    out = []
    for i, m in enumerate(members):
        out.append(
            Bin(
                round(i / bins, 4), round((i + 1) / bins, 4), len(m),
                round(sum(p for p, _ in m) / len(m), 3) if m else None,
                round(sum(o for _, o in m) / len(m), 3) if m else None,
            )
        )
    return out


def scored_pairs(rows: Iterable[PredictionRow]) -> list[tuple[float, int]]:
    """(probability, outcome) of the confirmed and refuted predictions that have a probability."""
    return [
        (r.probability, 1 if r.status == "confirmed" else 0)
        for r in rows
        if r.status in ("confirmed", "refuted") and r.probability is not None
    ]


def _group(name: str, rows: Sequence[PredictionRow]) -> GroupScore:
    g = GroupScore(name, made=len(rows))
    for r in rows:
        if r.status in COUNTED:
            setattr(g, r.status, getattr(g, r.status) + 1)
    pairs = scored_pairs(rows)
    g.scored, g.brier = len(pairs), brier(pairs)
    return g


def score(rows: Sequence[PredictionRow], *, by: str = "predictor", bins: int = 5) -> Scorecard:
    """The scorecard of these prediction rows (see the module docstring)."""
    if by not in GROUPINGS:
        raise UsageError(f"cannot group by '{by}'", hint=f"choose {' or '.join(GROUPINGS)}")
    groups: dict[str, list[PredictionRow]] = {}
    for r in rows:
        key = (r.predictor if by == "predictor" else r.outlet) or "(unknown)"
        groups.setdefault(key, []).append(r)
    return Scorecard(
        by=by,
        groups=[_group(name, groups[name]) for name in sorted(groups)],
        total=_group("all", rows),
        calibration=calibration(scored_pairs(rows), bins=bins),
    )


def scorecard(store: Store, *, by: str = "predictor", bins: int = 5) -> Scorecard:
    """The scorecard of every prediction in *store*, grouped *by* predictor or outlet."""
    return score(list_predictions(store), by=by, bins=bins)
