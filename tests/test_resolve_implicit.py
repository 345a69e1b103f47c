"""Implicit subjects: a prediction that says what will happen but not who does it takes its doer from the actors
its own article names that later sources report doing that kind of thing (texts written for these tests)."""

from __future__ import annotations

from pathlib import Path

from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import ACME, ORBITAL, at, load, records

SAID = "Forecasters give a 70% chance of good weather for launch tomorrow"
ARTICLE = f"Orbital Corp has readied its rocket at the coast. {SAID}."


def test_a_subjectless_launch_is_refuted_by_its_articles_actor_scrubbing_it(store: MemoryStore, tmp_path: Path) -> None:
    before = records(ARTICLE, "2031-03-10", "https://example.org/before", [ORBITAL], {SAID: "2031-03-11"})
    assert before.predictions[0].claim is not None and not before.predictions[0].claim.subjects
    after = records("Orbital Corp scrubbed the launch on Tuesday because of the weather.", "2031-03-11",
                    "https://example.org/after", [ORBITAL], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-12"))
    assert j.outcome == "refuted" and "postpone" in j.rationale and j.evidence


def test_an_actor_the_article_does_not_name_never_decides(store: MemoryStore, tmp_path: Path) -> None:
    before = records(ARTICLE, "2031-03-10", "https://example.org/before", [ORBITAL], {SAID: "2031-03-11"})
    after = records("Acme Corp scrubbed the launch on Tuesday because of the weather.", "2031-03-11",
                    "https://example.org/after", [ACME], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-12"))
    assert j.outcome == "expired" and not j.evidence


def test_without_a_deadline_no_doer_is_taken(store: MemoryStore, tmp_path: Path) -> None:
    before = records(ARTICLE, "2031-03-10", "https://example.org/before", [ORBITAL], {SAID: None})
    after = records("Orbital Corp scrubbed the launch on Tuesday because of the weather.", "2031-03-11",
                    "https://example.org/after", [ORBITAL], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-12"))
    assert j.outcome not in ("confirmed", "refuted")
