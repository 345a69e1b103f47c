"""Markets and regulators: amounts in words ("a quarter point"), descriptor subjects ("the central bank"),
deliberations ("is considering abolishing"), a lead line without its full stop, and dates that name no
quantity. Every text here is written for these tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.amount_words import point_amount
from kg.extract.boilerplate import content_paragraphs
from kg.extract.claims import base_forms, read_claim, with_claims
from kg.records import Actor, Span
from kg.resolve import resolve
from kg.resolve.quantity_words import without_dates
from kg.resolve.reports import ClaimFact
from kg.resolve.rules import unread_quantity
from kg.store import MemoryStore
from tests.test_resolve_claims import BANK, Who, at, load, records


def test_fractions_of_a_point_are_basis_points() -> None:
    assert point_amount("a quarter-point cut", 0, 18)[:3] == (25.0, "bp", "eq")
    assert point_amount("cut by three quarters of a percentage point", 0, 44)[:3] == (75.0, "bp", "eq")
    assert point_amount("priced for more than half a point", 0, 33)[:3] == (50.0, "bp", "gt")
    assert point_amount("the point is moot", 0, 17) is None


def test_a_claim_reads_a_quarter_point_lift() -> None:
    text = "The Bank of Lorien will stick to a first hike of a quarter point."
    bank = Actor("a1", "Bank of Lorien", "Organization", mentions=[Span(4, 18, "Bank of Lorien")])
    c = read_claim(text, 0, len(text), actors=[bank], forms=base_forms())
    assert c is not None and (c.predicate, c.value, c.unit, c.comparison) == ("raise", 25.0, "bp", "eq")


def test_a_quarter_point_hike_is_refuted_by_a_half_point_one(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Central Bank will raise rates by a quarter point."
    before = records(said, "2031-03-01", "https://example.org/before", [BANK], {said: "2031-03-31"})
    after = records("The Central Bank raised rates by 50bps on Monday.", "2031-03-11", "https://example.org/after",
                    [BANK], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-12"))
    assert j.outcome == "refuted" and "50 bp" in j.rationale


def test_the_central_bank_is_the_bank_named_before() -> None:
    text = "The Bank of Lorien met on Monday. Later the central bank is considering abolishing its bond programme."
    bank = Actor("a1", "Bank of Lorien", "Organization", mentions=[Span(4, 18, "Bank of Lorien")])
    other = Actor("a2", "Acme Corp", "Organization", mentions=[Span(0, 0, "")])
    c = read_claim(text, 34, len(text), actors=[bank, other], forms=base_forms())
    assert c is not None and (c.predicate, c.subjects, c.theme) == ("end", ["a1"], "bond programme")


def test_the_regulator_is_a_public_body_not_a_company() -> None:
    text = "Acme Corp asked the Civil Flight Authority for a permit. The regulator will approve the permit."
    acme = Actor("a1", "Acme Corp", "Organization", mentions=[Span(0, 9, "Acme Corp")])
    body = Actor("a2", "Civil Flight Authority", "Organization", mentions=[Span(20, 42, "Civil Flight Authority")])
    c = read_claim(text, 57, len(text), actors=[acme, body], forms=base_forms())
    assert c is not None and c.subjects == ["a2"]
    assert read_claim(text, 57, len(text), actors=[acme], forms=base_forms()).subjects == []  # type: ignore[union-attr]


def test_a_deliberated_step_is_judged(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Central Bank met on Friday. The central bank is considering ending bond buying."
    before = records(said, "2031-03-06", "https://example.org/before", [BANK],
                     {"The central bank is considering ending bond buying": None})
    after = records("The Central Bank ended bond buying on Tuesday.", "2031-03-12", "https://example.org/after",
                    [BANK], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-13"))
    assert j.outcome == "confirmed" and "end reported" in j.rationale


def test_a_lead_line_without_full_stop_is_content_but_a_headline_is_not() -> None:
    text = "The Lorien rate cut is expected on Thursday 3 May 2031\n\nMarkets are calm."
    assert content_paragraphs(text, title="Calm before the cut")[0] == (0, text.index("\n"))
    headline = "Lorien Cuts Rates Again\n\nMarkets are calm."
    assert content_paragraphs(headline, title="Rates")[0][0] == headline.index("Markets")
    assert content_paragraphs(text, title=None)[0][0] == text.index("Markets")


def test_digits_of_a_date_name_no_quantity() -> None:
    claim = ClaimFact("raise", frozenset({"bank"}))
    assert not unread_quantity("The Lorien rate rise is due on Thursday 3 May 2031", claim)
    assert unread_quantity("The Lorien rate rise of 2 points is due on 3 May", claim)
    assert without_dates("due at 0930 GMT on May 3") == "due at _ on _"


def test_a_dated_rate_decision_is_confirmed_by_the_reported_hike(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Central Bank rate increase is expected on Thursday 13 March 2031"
    before = records(said, "2031-03-10", "https://example.org/before", [BANK], {said: "2031-03-13"})
    after = records("The Central Bank raised rates by 50bps on Thursday.", "2031-03-14", "https://example.org/after",
                    [BANK], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-15"))
    assert j.outcome == "confirmed"




AUTHORITY = Who("cfa", "Civil Flight Authority", forms=("the Authority", "The Authority"))


def test_a_grounding_lifted_in_a_gerund_clause_is_the_main_subjects_approval() -> None:
    text = "In addition to rescinding the order that grounded the airliner, the Authority published new rules."
    r = records(text, "2031-05-02", "https://example.org/lifted", [AUTHORITY], {})
    assert [(o.claim.predicate, o.claim.subjects, o.claim.theme) for o in r.outcomes] == [
        ("approve", ["cfa"], "airliner")
    ]
    planned = "In addition to rescinding the order that grounded the airliner, the Authority will publish rules."
    assert records(planned, "2031-05-02", "https://example.org/plan", [AUTHORITY], {}).outcomes == []


def test_lifting_a_grounding_order_on_the_plane_is_confirmed_by_the_aircraft_cleared(
    store: MemoryStore, tmp_path: Path
) -> None:
    said = "The Authority will lift its grounding order on the plane."
    before = records(said, "2031-05-01", "https://example.org/before", [AUTHORITY], {said: None})
    after = records("After rescinding the order that grounded the aircraft, the Authority published rules on Monday.",
                    "2031-05-09", "https://example.org/after", [AUTHORITY], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-10"))
    assert j.outcome == "confirmed" and "theme" in j.rationale
    other = records("The Authority will lift its grounding order on the ferry.", "2031-05-01",
                    "https://example.org/ferry", [AUTHORITY], {"The Authority will lift its grounding order": None})
    assert other.predictions[0].claim is not None and other.predictions[0].claim.theme == "ferry"


def test_not_until_a_condition_claims_the_outcome(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Authority will not approve the plane until it has finished its review."
    before = records(said, "2031-05-01", "https://example.org/before", [AUTHORITY], {said: None})
    before.predictions[0].polarity = "negative"  # as the extractor reads "will not"
    before = with_claims(before)
    assert before.predictions[0].claim is not None and before.predictions[0].claim.polarity == "positive"
    assert records(said, "2031-05-01", "https://example.org/b", [AUTHORITY], {}).outcomes == []
    after = records("After rescinding the order that grounded the aircraft, the Authority published rules on Monday.",
                    "2031-05-09", "https://example.org/after", [AUTHORITY], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-05-10"))
    assert j.outcome == "confirmed"


def test_not_until_a_date_stays_negative() -> None:
    said = "The Authority will not approve the plane until March."
    r = records(said, "2031-01-01", "https://example.org/d", [AUTHORITY], {said: None})
    assert r.predictions[0].claim is not None and r.predictions[0].claim.polarity == "negative"
