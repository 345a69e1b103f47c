"""Offering prices: a claim placed at a point of a stated range ("at the middle of its range or lower") takes
the range's value; an offer price reported as a noun ("the IPO price of $45") is a price outcome; a subjectless
"set to price" claim takes its doer from later reports. Texts written for these tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.price_nouns import noun_prices
from kg.extract.range_points import range_point
from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import ACME, GLOBEX, at, load, records

RANGE = "Acme Corp gave a price range of $30 to $36 per share for its listing. "


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Acme will price at the middle of its range or lower.", (33.0, "usd", "le")),
        ("Acme will price at the midpoint of the target range.", (33.0, "usd", "eq")),
        ("Acme will price at the top end of its range or higher.", (36.0, "usd", "ge")),
        ("Acme will price at the low end of its range.", (30.0, "usd", "eq")),
    ],
)
def test_a_point_of_the_stated_range_is_the_claimed_value(words: str, expected: tuple[object, ...]) -> None:
    text = RANGE + words
    assert range_point(text, len(RANGE), len(text)) == expected


def test_without_a_stated_range_the_point_has_no_value() -> None:
    text = "Acme will price at the middle of its range or lower."
    assert range_point(text, 0, len(text)) is None


def test_only_an_offer_price_is_a_price_outcome() -> None:
    text = "Acme Corp shares closed at $41, a share price of $41, above the IPO price of $32. Acme Corp rose."
    actors = records(text, "2031-05-04", "https://example.org/x", [ACME], {}).actors
    found = noun_prices(text, 0, text.index(" Acme Corp rose"), actors=actors)
    assert [(c.predicate, c.value) for c, _ in found] == [("price", 32.0)]


def test_an_offer_price_needs_an_owner() -> None:
    text = "Acme Corp and Globex listed. Shares dipped under the IPO price of $32."
    actors = records(text, "2031-05-04", "https://example.org/x", [ACME, GLOBEX], {}).actors
    assert noun_prices(text, 0, len(text), actors=actors) == []  # two companies, once each: whose price?


def _judge(store: MemoryStore, tmp_path: Path, said: str, report: str) -> str:
    text = RANGE + said
    before = records(text, "2031-05-01", "https://example.org/before", [ACME], {said: "2031-05-02"})
    after = records(report, "2031-05-03", "https://example.org/after", [ACME], {})
    assert [o.claim.predicate for o in after.outcomes] == ["price"]
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-04"))
    return j.outcome


SAID = "Acme Corp is on course to price its shares at the middle of its marketed range or lower on Thursday."


def test_a_price_below_the_midpoint_confirms(store: MemoryStore, tmp_path: Path) -> None:
    report = "Acme Corp shares opened at $29 on Friday, under the IPO price of $32. Acme Corp said little."
    assert _judge(store, tmp_path, SAID, report) == "confirmed"


def test_a_price_above_the_midpoint_refutes(store: MemoryStore, tmp_path: Path) -> None:
    report = "Acme Corp shares opened at $37 on Friday, above the IPO price of $35. Acme Corp said little."
    assert _judge(store, tmp_path, SAID, report) == "refuted"


def test_a_subjectless_price_claim_takes_its_doer_from_later_reports(store: MemoryStore, tmp_path: Path) -> None:
    said = "Its shares are set to price on Thursday."
    report = "Acme Corp shares opened at $29 on Friday, under the IPO price of $32. Acme Corp said little."
    assert _judge(store, tmp_path, said, report) == "confirmed"


def test_the_owner_of_the_offering_is_the_one_the_article_names_so() -> None:
    text = "Globex News on Acme Corp’s IPO. Globex News asked Acme Corp about the pricing, $32 a share."
    actors = records(text, "2031-05-04", "https://example.org/x", [ACME, GLOBEX], {}).actors
    found = noun_prices(text, text.index("Globex News asked"), len(text), actors=actors)
    assert [(c.subjects, c.value) for c, _ in found] == [(["acme"], 32.0)]
