"""A forecast event set on joined days ("meets Monday and Tuesday") has the later day as its deadline, and a
time expression not joined to the first one does not extend it. Texts written for these tests."""

from __future__ import annotations

from kg.extract import extract
from kg.records import ArticleRecord


def _deadlines(text: str, published: str) -> list[str | None]:
    return [p.deadline for p in extract(ArticleRecord(text=text, published=published)).predictions]


def test_joined_days_run_to_the_later_day() -> None:
    # published on a Thursday: Monday and Tuesday are the 2031-03-17 and 2031-03-18
    got = _deadlines("The Acme Corp board plans to gather Monday and Tuesday to set its prices.", "2031-03-13")
    assert got == ["2031-03-18"]


def test_a_day_not_joined_keeps_its_own_end() -> None:
    got = _deadlines("The Acme Corp board plans to gather Monday, a week before the Friday vote.", "2031-03-13")
    assert got == ["2031-03-17"]
