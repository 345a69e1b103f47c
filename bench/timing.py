"""Clocks and statistics: repeated timings with a time budget, medians and 95th percentiles."""

from __future__ import annotations

import contextlib
import math
import signal
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any


class Deadline(Exception):
    """A measured call ran past its time limit."""


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`Deadline` inside the block after ``seconds`` (SIGALRM; main thread, pure-Python work)."""
    if not seconds:
        yield
        return

    def _alarm(signum: int, frame: Any) -> None:
        raise Deadline(f"over {seconds:g} s")

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, float | int]:
    """Median, p95, min and max in milliseconds, and the number of runs."""
    return {
        "median_ms": statistics.median(values) * 1000,
        "p95_ms": p95(values) * 1000,
        "min_ms": min(values) * 1000,
        "max_ms": max(values) * 1000,
        "runs": len(values),
    }


def repeat(
    fn: Callable[[], Any], *, runs: int, budget: float, limit: float | None = None, warmup: bool = True
) -> tuple[list[float], Any]:
    """Time ``fn`` up to ``runs`` times, stopping early once ``budget`` seconds are spent (at least one run).

    The first (warm-up) call is not counted unless it alone used the whole budget. ``limit`` bounds each
    call (raises :class:`Deadline`). Returns the durations and the last result.
    """
    out: Any = None
    times: list[float] = []
    spent = 0.0
    if warmup:
        with deadline(limit):
            first, out = timed(fn)
        spent += first
        if first >= budget:
            return [first], out
    while len(times) < runs and (spent < budget or not times):
        with deadline(limit):
            d, out = timed(fn)
        times.append(d)
        spent += d
    return times, out
