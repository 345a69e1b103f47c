"""Time expressions normalised against a publication date (kg.extract.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.dates import find, published_date, resolve

PUB = dt.date(2018, 8, 27)  # a Monday


@pytest.mark.parametrize(
    ("phrase", "future", "first", "last", "iso"),
    [
        ("on Friday", False, "2018-08-24", "2018-08-24", "2018-08-24"),
        ("on Friday", True, "2018-08-31", "2018-08-31", "2018-08-31"),
        ("Tuesday", None, "2018-08-21", "2018-08-21", "2018-08-21"),
        ("next Tuesday", None, "2018-08-28", "2018-08-28", "2018-08-28"),
        ("on the 24th", None, "2018-08-24", "2018-08-24", "2018-08-24"),
        ("on the 3rd", True, "2018-09-03", "2018-09-03", "2018-09-03"),
        ("last week", None, "2018-08-20", "2018-08-26", "2018-08-20"),
        ("this week", None, "2018-08-27", "2018-09-02", "2018-08-27"),
        ("next week", None, "2018-09-03", "2018-09-09", "2018-09-03"),
        ("June 12", None, "2018-06-12", "2018-06-12", "2018-06-12"),
        ("12 June 2019", None, "2019-06-12", "2019-06-12", "2019-06-12"),
        ("in September", None, "2018-09-01", "2018-09-30", "2018-09"),
        ("in April", None, "2018-04-01", "2018-04-30", "2018-04"),
        ("in April", True, "2019-04-01", "2019-04-30", "2019-04"),
        ("by March", None, "2019-03-01", "2019-03-31", "2019-03"),
        ("July 2018", None, "2018-07-01", "2018-07-31", "2018-07"),
        ("this year", None, "2018-01-01", "2018-12-31", "2018-01-01"),
        ("later this year", None, "2018-01-01", "2018-12-31", "2018-01-01"),
        ("next year", None, "2019-01-01", "2019-12-31", "2019-01-01"),
        ("next month", None, "2018-09-01", "2018-09-30", "2018-09"),
        ("by the end of 2019", None, "2019-12-31", "2019-12-31", "2019-12-31"),
        ("by the end of the year", None, "2018-12-31", "2018-12-31", "2018-12-31"),
        ("until the end of March", True, "2019-03-31", "2019-03-31", "2019-03-31"),
        ("in the third quarter", None, "2018-07-01", "2018-09-30", "2018-07-01"),
        ("Q4", None, "2018-10-01", "2018-12-31", "2018-10-01"),
        ("in two weeks", True, "2018-08-27", "2018-09-10", "2018-08-27"),
        ("three days ago", None, "2018-08-24", "2018-08-24", "2018-08-24"),
        ("yesterday", None, "2018-08-26", "2018-08-26", "2018-08-26"),
        ("tomorrow", None, "2018-08-28", "2018-08-28", "2018-08-28"),
        ("in 2020", None, "2020-01-01", "2020-12-31", "2020-01-01"),
    ],
)
def test_resolve(phrase: str, future: bool | None, first: str, last: str, iso: str) -> None:
    e = resolve(phrase, PUB, future=future)
    assert e is not None, phrase
    assert (e.first.isoformat(), e.last.isoformat(), e.iso) == (first, last, iso)


def test_offsets_index_the_text() -> None:
    text = "Trump tweeted on the 24th that talks would resume in September."
    found = find(text, PUB)
    assert [text[e.start : e.end] for e in found] == ["on the 24th", "in September"]


@pytest.mark.parametrize(
    "text",
    ["the 70th anniversary", "May I add something", "the 21st century", "a 2 percent goal", "No. 10"],
)
def test_not_dates(text: str) -> None:
    assert find(text, PUB) == []


def test_in_n_years_looking_back_is_no_date() -> None:
    assert resolve("their first talks in five years", PUB, future=False) is None


def test_published_date() -> None:
    assert published_date("2018-08-27T10:00:00Z") == PUB
    assert published_date("yesterday") is None
    assert published_date(None) is None


SUNDAY = dt.date(2024, 6, 9)


@pytest.mark.parametrize(
    ("phrase", "pub", "future", "first", "last"),
    [
        ("from Thursday 13 June", dt.date(2024, 6, 10), None, "2024-06-13", "2024-06-13"),
        ("on Tuesday 25 February", dt.date(2025, 2, 16), True, "2025-02-25", "2025-02-25"),
        ("Thursday, June 13", dt.date(2024, 6, 10), None, "2024-06-13", "2024-06-13"),
        ("later this week", SUNDAY, None, "2024-06-10", "2024-06-16"),
        ("this week", SUNDAY, True, "2024-06-10", "2024-06-16"),
        ("this week", SUNDAY, False, "2024-06-03", "2024-06-09"),
        ("by year-end", dt.date(2025, 2, 16), True, "2025-02-16", "2025-12-31"),
        ("later in the year", dt.date(2025, 2, 16), True, "2025-02-16", "2025-12-31"),
        ("next summer", dt.date(2025, 2, 16), True, "2025-06-01", "2025-08-31"),
        ("next summer", dt.date(2025, 7, 1), True, "2026-06-01", "2026-08-31"),
        ("by the autumn", dt.date(2025, 2, 16), True, "2025-09-01", "2025-11-30"),
        ("this fall", dt.date(2025, 2, 16), True, "2025-09-01", "2025-11-30"),
        ("last winter", dt.date(2025, 2, 16), None, "2023-12-01", "2024-02-29"),
        ("in the spring of 2026", dt.date(2025, 2, 16), None, "2026-03-01", "2026-05-31"),
    ],
)
def test_weekday_dates_seasons_and_year_end(
    phrase: str, pub: dt.date, future: bool | None, first: str, last: str
) -> None:
    e = resolve(phrase, pub, future=future)
    assert e is not None, phrase
    assert (e.first.isoformat(), e.last.isoformat()) == (first, last)


def test_fall_as_a_verb_is_no_date() -> None:
    assert [e.text for e in find("Prices will fall in 2025.", PUB)] == ["in 2025"]


@pytest.mark.parametrize("text", ["the highest level in 10 months", "their first formal talks in five years"])
def test_a_span_looking_back_is_no_date(text: str) -> None:
    assert find(text, PUB, future=True) == []


def test_published_date_from_a_liveblog_stamp() -> None:
    assert published_date(None, "Live\n\nTue 11 Jun 2024 10.42 BST\n\nText.") == dt.date(2024, 6, 11)
    assert published_date(None, "Live\n\n10:42 BST\n\nText.") is None  # a time of day, no date
    assert published_date("2024-06-12", "Tue 11 Jun 2024 10.42 BST") == dt.date(2024, 6, 12)


# -- issue 9: period words of previews and research notes ----------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "first", "last"),
    [
        ("By end-2025, the rate will be 3%.", "2025-12-31", "2025-12-31"),
        ("Growth should recover by mid-2025.", "2025-06-30", "2025-06-30"),
        ("The second step in H1 2026 is expected.", "2026-01-01", "2026-06-30"),
        ("Cuts follow in the second half of 2025.", "2025-07-01", "2025-12-31"),
        ("The regulator may act as early as Nov 21.", "2024-11-21", "2024-11-21"),
        ("Before the week is over, the mayor will sign it.", "2024-10-09", "2024-10-13"),
        ("A ruling is due in the coming days.", "2024-10-09", "2024-10-23"),
        ("After 90 days, the tariff will rise.", "2024-10-09", "2025-01-07"),
    ],
)
def test_preview_periods(phrase: str, first: str, last: str) -> None:
    e = resolve(phrase, dt.date(2024, 10, 9), future=True)
    assert e is not None and (e.first.isoformat(), e.last.isoformat()) == (first, last)


def test_weeks_of_an_activity_are_no_date() -> None:
    assert find("After six weeks of campaigning, results come Friday.", dt.date(2024, 10, 9), future=True)[
        0
    ].text == "Friday"
