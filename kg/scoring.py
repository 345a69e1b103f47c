"""Scoring predictions: counts by outcome, Brier, log and skill scores and a calibration table, per predictor
or outlet.

A prediction is scored when its status is confirmed or refuted and it has a probability (stated, or that of
its hedge). The claim is scored, whatever its polarity: the probability is the one recorded for the
prediction and the outcome is 1 when the claim came true (confirmed), 0 when it did not (refuted). So "X will
not visit" at 0.9 that is confirmed (no visit) scores (0.9 - 1)². Expired, ambiguous, annulled and open
predictions are counted but not scored.

Three proper scores, each the mean over the scored predictions of one group:

- **Brier** ``(p - o)²``: 0 is perfect, 0.25 is always saying 50 %, 1 is certain and wrong.
- **log score** ``-ln(p)`` when the claim came true, ``-ln(1 - p)`` when not (nats; 0 is perfect, ln 2 ≈ 0.693
  is always saying 50 %). It punishes confident misses much harder than Brier; ``p`` is clipped to
  [0.001, 0.999] so that one "certain" miss stays finite.
- **skill** against the base rate: ``1 - Brier / Brier_ref``, where ``Brier_ref`` scores the same outcomes
  forecast at the base rate, the share of all scored claims (every group) that came true. Above 0 beats
  that naive forecast, 0 matches it, below 0 is worse; None when the reference is 0 (all outcomes alike).

Groups carry the IRI of their predictor or outlet (``iri``) next to the label, so that the JSON scorecard
links back to the graph.

>>> brier([(0.9, 1), (0.6, 0)])
0.185
>>> log_score([(0.9, 1), (0.6, 0)])
0.5108
>>> skill([(0.9, 1), (0.6, 0)], base_rate=0.5)
0.26
>>> [(b.count, b.observed) for b in calibration([(0.9, 1), (0.6, 0), (0.7, 1)], bins=2)]
[(0, None), (3, 0.667)]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from kg.errors import UsageError
from kg.predictions import PredictionRow, list_predictions
from kg.store.base import Store

GROUPINGS = ("predictor", "outlet")
COUNTED = ("confirmed", "refuted", "expired", "ambiguous", "annulled", "open")


@dataclass
class GroupScore:
    """Counts and scores of one predictor or outlet (or of everything: ``name == "all"``)."""

    name: str
    iri: str | None = None  # the predictor's or outlet's IRI (None for "all" and unknown ones)
    made: int = 0
    confirmed: int = 0
    refuted: int = 0
    expired: int = 0
    ambiguous: int = 0
    annulled: int = 0
    open: int = 0
    scored: int = 0
    brier: float | None = None
    log_score: float | None = None
    skill: float | None = None  # Brier skill score against the base rate (see the module docstring)


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
    base_rate: float | None = None  # share of the scored claims that came true
    groups: list[GroupScore] = field(default_factory=list)
    total: GroupScore = field(default_factory=lambda: GroupScore("all"))
    calibration: list[Bin] = field(default_factory=list)


def brier(pairs: Iterable[tuple[float, int]]) -> float | None:
    """Mean squared difference between probability and outcome (0 best, 1 worst); None without pairs."""
    pairs = list(pairs)
    if not pairs:
        return None
    return round(sum((p - o) ** 2 for p, o in pairs) / len(pairs), 4)


def log_score(pairs: Iterable[tuple[float, int]], *, eps: float = 0.001) -> float | None:
    """Mean negative log-likelihood of the outcomes in nats (0 best); None without pairs."""
    pairs = list(pairs)
    if not pairs:
        return None
    total = sum(-math.log(min(max(p if o else 1 - p, eps), 1 - eps)) for p, o in pairs)
    return round(total / len(pairs), 4)


def base_rate(pairs: Iterable[tuple[float, int]]) -> float | None:
    """The share of the outcomes that are 1; None without pairs."""
    outcomes = [o for _, o in pairs]
    return sum(outcomes) / len(outcomes) if outcomes else None


def skill(pairs: Iterable[tuple[float, int]], *, base_rate: float | None) -> float | None:
    """Brier skill score ``1 - Brier / Brier(base rate)``; None without pairs or when the reference is 0."""
    pairs = list(pairs)
    if not pairs or base_rate is None:
        return None
    reference = sum((base_rate - o) ** 2 for _, o in pairs) / len(pairs)
    if reference == 0:
        return None
    return round(1 - (sum((p - o) ** 2 for p, o in pairs) / len(pairs)) / reference, 4)


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


def _group(name: str, rows: Sequence[PredictionRow], *, rate: float | None, iri: str | None = None) -> GroupScore:
    g = GroupScore(name, iri=iri, made=len(rows))
    for r in rows:
        if r.status in COUNTED:
            setattr(g, r.status, getattr(g, r.status) + 1)
    pairs = scored_pairs(rows)
    g.scored, g.brier, g.log_score = len(pairs), brier(pairs), log_score(pairs)
    g.skill = skill(pairs, base_rate=rate)
    return g


def score(
    rows: Sequence[PredictionRow],
    *,
    by: str = "predictor",
    bins: int = 5,
    iris: Mapping[str, tuple[str | None, str | None]] | None = None,
) -> Scorecard:
    """The scorecard of these prediction rows (see the module docstring).

    *iris* maps a prediction's IRI to the IRIs of its (predictor, outlet); with it, groups are keyed and
    labelled by IRI (two actors of one name stay apart), else by label.
    """
    if by not in GROUPINGS:
        raise UsageError(f"cannot group by '{by}'", hint=f"choose {' or '.join(GROUPINGS)}")
    groups: dict[tuple[str, str | None], list[PredictionRow]] = {}
    for r in rows:
        label = (r.predictor if by == "predictor" else r.outlet) or "(unknown)"
        pair = (iris or {}).get(r.iri, (None, None))
        groups.setdefault((label, pair[0] if by == "predictor" else pair[1]), []).append(r)
    all_pairs = scored_pairs(rows)
    rate = base_rate(all_pairs)
    return Scorecard(
        by=by,
        base_rate=None if rate is None else round(rate, 4),
        groups=[_group(name, groups[(name, iri)], rate=rate, iri=iri) for name, iri in sorted(groups, key=str)],
        total=_group("all", rows, rate=rate),
        calibration=calibration(all_pairs, bins=bins),
    )


_IRIS = """SELECT ?p ?who ?outlet WHERE {
    ?p a kg:Prediction ; kg:predictor ?who . OPTIONAL { ?p kg:extractedFrom/kg:outlet ?outlet } }"""


def prediction_iris(store: Store) -> dict[str, tuple[str | None, str | None]]:
    """The IRIs of the predictor and of the outlet of every prediction in *store*."""
    return {
        r["p"].value: (r["who"].value, r["outlet"].value if r["outlet"] is not None else None)
        for r in store.query(_IRIS)
    }


def scorecard(store: Store, *, by: str = "predictor", bins: int = 5) -> Scorecard:
    """The scorecard of every prediction in *store*, grouped *by* predictor or outlet, with their IRIs."""
    return score(list_predictions(store), by=by, bins=bins, iris=prediction_iris(store))
