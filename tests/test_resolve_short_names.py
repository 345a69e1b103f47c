"""An organisation one article names by one word ("Orbital") is the one another article names in full and writes
by that word ("Orbital Holdings Inc. … Orbital"), when only one such organisation exists. Texts written for
these tests (fictional actors)."""

from __future__ import annotations

from pathlib import Path

from kg.resolve import resolve
from kg.store import MemoryStore
from tests.test_resolve_claims import Who, at, load, records

FULL = Who("full", "Orbital Holdings Inc", forms=("Orbital",))
OTHER = Who("other", "Orbital Freight Ltd", forms=("Orbital",))
SHORT = Who("short", "Orbital")
SAID = "Orbital will launch its rocket."


def _judge(store: MemoryStore, tmp_path: Path, *extra: str) -> str:
    text = "Orbital Holdings Inc met investors. " + SAID
    before = records(text, "2031-03-01", "https://example.org/before", [FULL], {SAID: "2031-03-31"})
    docs = [before]
    for i, words in enumerate(extra):
        docs.append(records(words, "2031-03-02", f"https://example.org/other{i}", [OTHER], {}))
    after = records("Orbital launched its rocket on Monday.", "2031-03-11", "https://example.org/after", [SHORT], {})
    (j, *_) = [j for j in resolve(load(store, tmp_path, *docs, after), **at("2031-04-05")) if j.text == SAID]
    return j.outcome


def test_a_one_word_name_is_the_full_named_organisation_written_so(store: MemoryStore, tmp_path: Path) -> None:
    assert _judge(store, tmp_path) == "confirmed"


def test_a_word_two_organisations_are_written_by_joins_nothing(store: MemoryStore, tmp_path: Path) -> None:
    assert _judge(store, tmp_path, "Orbital Freight Ltd moved cargo. Orbital grew.") == "expired"
