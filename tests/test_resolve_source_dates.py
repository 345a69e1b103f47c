"""Undated sources: the date estimated from the full dates an article reports in the past tense is recorded apart
from a published date, with the words it rests on, and lets the resolver use the article where no published
date exists. Texts written for these tests (fictional actors)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.extract.source_dates import estimate
from kg.mapping import to_graph
from kg.namespaces import KG, OA
from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import ORBITAL, at, load, records


def test_the_latest_full_date_reported_in_the_past_tense_is_the_estimate() -> None:
    text = ("Orbital Corp tested the engine on 2 February 2031. The rocket flew on March 4, 2031, the company said. "
            "It will fly again on 9 May 2031.")
    e = estimate(text)
    assert e is not None and e.date == dt.date(2031, 3, 4) and "March 4, 2031" in text[e.start:e.end]


def test_relative_dates_and_dates_without_a_year_give_no_estimate() -> None:
    assert estimate("Orbital Corp launched its rocket on Friday, the company said on 4 March.") is None
    assert estimate("The launch is scheduled for 9 May 2031.") is None  # a plan, not a report


def test_an_undated_article_records_the_estimate_apart_from_a_published_date() -> None:
    undated = records("Orbital Corp launched its rocket on 10 March 2031, the company said.", None,  # type: ignore[arg-type]
                      "https://example.org/undated", [ORBITAL], {})
    g = to_graph(undated)
    art = next(g.subjects(KG.estimatedPublished, None))
    assert g.value(art, KG.published) is None
    assert g.value(art, KG.estimatedPublished) == Literal("2031-03-10", datatype=XSD.date)
    span = g.value(art, KG.estimatedFrom)
    assert isinstance(span, URIRef) and str(g.value(span, OA.exact)) == "on 10 March 2031"
    dated = records("Orbital Corp launched its rocket on 10 March 2031.", "2031-03-11", "https://example.org/d",
                    [ORBITAL], {})
    assert not list(to_graph(dated).subjects(KG.estimatedPublished, None))


def _judge(store: MemoryStore, tmp_path: Path, report: str) -> tuple[str, list[str]]:
    said = "Orbital Corp will launch its rocket."
    before = records(said, "2031-03-01", "https://example.org/before", [ORBITAL], {said: "2031-03-31"})
    after = records(report, None, "https://example.org/undated", [ORBITAL], {})  # type: ignore[arg-type]
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-04-05"))
    return j.outcome, j.sources


def test_the_resolver_places_an_undated_report_at_its_estimated_date(store: MemoryStore, tmp_path: Path) -> None:
    outcome, sources = _judge(store, tmp_path, "Orbital Corp launched its rocket on 10 March 2031, officials said.")
    assert outcome == "confirmed" and sources


def test_without_an_estimate_an_undated_report_is_not_placed(store: MemoryStore, tmp_path: Path) -> None:
    outcome, _ = _judge(store, tmp_path, "Orbital Corp launched its rocket on Monday, officials said.")
    assert outcome == "expired"
