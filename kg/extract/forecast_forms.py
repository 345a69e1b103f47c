"""Forecasts in forms the clause reader of :mod:`.predictions` does not take: countdowns ("we have two days left to
launch", :mod:`.countdowns`), headline-style lines ("First rate cut in a decade to be announced.",
:mod:`.headline_forecasts`) and tips ("has tipped the hosts to win the cup", :mod:`.tip_forecasts`).
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.countdowns import countdowns
from kg.extract.document import Document
from kg.extract.headline_forecasts import headlines
from kg.extract.tip_forecasts import tips
from kg.records import Prediction, Statement

__all__ = ["with_forecast_forms"]


def with_forecast_forms(doc: Document, statements: list[Statement], found: list[Prediction]) -> list[Prediction]:
    """*found* and the forecasts of the other forms of *doc*, in text order, renumbered ``p1``, ``p2`` …"""
    more = countdowns(doc, statements, found)
    more += headlines(doc, [*found, *more])
    more += tips(doc, [*found, *more])
    if not more:
        return found
    ordered = sorted([*found, *more], key=lambda p: p.span.start)
    return [replace(p, id=f"p{i}") for i, p in enumerate(ordered, 1)]
