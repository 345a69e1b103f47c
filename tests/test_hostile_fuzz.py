"""Property-based fuzz (hypothesis): extraction and the readers never raise anything but kg's own errors.

The examples are derandomised, so a run is repeatable: a failure here is a real defect with its example
printed, not bad luck. Texts are built from news words (hedges, dates, quotes, numbers, tags) mixed with
arbitrary characters, which reaches the date and deadline arithmetic that random text alone rarely does.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.articles import read_article
from kg.errors import InputError, KgError, RecordsError
from kg.extract import extract
from kg.ingest import ingest
from kg.records import ArticleRecord, Records
from kg.store import MemoryStore

GOOD = json.loads((Path(__file__).parent / "data" / "bad" / "good.json").read_text(encoding="utf-8"))
FUZZ = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

WORDS = [
    "said", "told", "reporters", "will", "would", "likely", "unlikely", "almost", "certainly", "may", "could",
    "not", "expects", "meet", "met", "summit", "talks", "visit", "held", "cancelled", "by", "within", "in",
    "before", "until", "next", "last", "week", "month", "year", "years", "decades", "century", "March", "June",
    "Monday", "2019", "9999", "10000", "800000", "31", "0", "Q4", "mid-", "late", "early", "the", "President",
    "Minister", "Jane", "Doe", "Acme", "Corp", "Geneva", "Berlin", "U.S.", "\"", "“", "”", "'", ",", ".", ":",
    "—", "\n\n", "<b>", "</b>", "<p>", "&amp;", "percent", "%", "$5", "billion",
]
news_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), min_size=1, max_size=60).map(" ".join)
published = st.sampled_from([None, "2018-09-04", "1970-01-01", "2099-12-31", "2024-02-29", "0001-01-01", "9999-12-31"])


@settings(FUZZ, max_examples=500)
@given(text=news_text, pub=published)
def test_extraction_never_raises(text: str, pub: str | None) -> None:
    records = extract(ArticleRecord(text=text, published=pub))
    for s in [*records.statements, *records.meetings, *records.predictions]:
        assert text[s.span.start : s.span.end] == s.span.text


# values a hostile or careless editor of records JSON might write anywhere
json_value = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
        st.sampled_from(["a1", "s1", "m1", "p1", "author", "2024-01-10", "2024-02-30", "Person", "quote"]),
    ),
    lambda kids: st.one_of(st.lists(kids, max_size=3), st.dictionaries(st.text(max_size=6), kids, max_size=3)),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


PATHS = _paths(GOOD)


def _mutated(path: tuple[Any, ...], value: Any, drop: bool) -> dict[str, Any]:
    doc = copy.deepcopy(GOOD)
    node: Any = doc
    for key in path[:-1]:
        node = node[key]
    if drop:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


@settings(FUZZ, max_examples=400)
@given(path=st.sampled_from(PATHS), value=json_value, drop=st.booleans())
def test_records_reader_raises_only_records_errors(path: tuple[Any, ...], value: Any, drop: bool) -> None:
    doc = _mutated(path, value, drop)
    try:
        records = Records.from_dict(doc)
    except RecordsError:
        return
    # what passes the check is whole: every number finite, every span the words it says
    text = records.article.text
    for p in records.predictions:
        assert p.probability is None or math.isfinite(p.probability)
        assert text[p.span.start : p.span.end] == p.span.text


@settings(FUZZ, max_examples=60)
@given(path=st.sampled_from(PATHS), value=json_value, drop=st.booleans())
def test_ingest_of_a_mutated_document_is_stored_or_refused_in_one_line(
    tmp_path_factory: pytest.TempPathFactory, path: tuple[Any, ...], value: Any, drop: bool
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    file = folder / "doc.json"
    text = json.dumps(_mutated(path, value, drop), allow_nan=True)
    file.write_text(text, encoding="utf-8")
    result = ingest(MemoryStore(), [file])
    (outcome,) = result.outcomes
    assert outcome.status in ("ingested", "refused", "failed")
    if outcome.status == "failed":
        assert "kg failed on this article" not in (outcome.message or ""), outcome.message


@settings(FUZZ, max_examples=300)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".json", ".html", "", ".dat"]))
def test_reading_any_bytes_raises_only_input_errors(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("bytes") / f"article{suffix}"
    path.write_bytes(data)
    try:
        read_article(path)
    except InputError:
        pass
    except KgError as e:  # pragma: no cover - shown by the assertion
        raise AssertionError(f"unexpected {type(e).__name__}: {e}") from e
