"""The extractor against the hand-annotated corpus in tests/corpus/ (one test per expectation).

Each ``tests/corpus/NN_name.txt`` has ``NN_name.expected.json`` beside it; the expectation schema and the
matching rules are documented at the top of ``tests/corpus/score.py``, which also prints the overall figures::

    .venv/bin/python tests/corpus/score.py -v

Until ``kg.extract.extract`` exists every corpus check fails with one clear message saying so.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from kg.records import Actor, ArticleRecord, Records, Span, Statement

_SCORE = Path(__file__).parent / "corpus" / "score.py"


def _load_score() -> Any:
    spec = importlib.util.spec_from_file_location("kg_corpus_score", _SCORE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


score = _load_score()
CHECKS = [c for article in score.articles() for c in score.checks(article)]


@cache
def _extracted(article: Path) -> Any:
    try:
        return score.extract(article)
    except ImportError as e:
        pytest.fail(
            f"kg.extract.extract is not available yet ({e}); the corpus checks need it", pytrace=False
        )


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_corpus_expectation(check: Any) -> None:
    outcome = score.evaluate(check, _extracted(check.article))
    assert outcome.ok, outcome.message


# -- the corpus itself is honest ----------------------------------------------------------------------------


def test_corpus_is_large_and_varied_enough() -> None:
    articles = score.articles()
    assert len(articles) >= 12
    for a in articles:
        words = len(re.findall(r"\w+", a.read_text(encoding="utf-8").split("\n---\n", 1)[1]))
        assert 150 <= words <= 400, f"{a.name} has {words} words"


@pytest.mark.parametrize("article", score.articles(), ids=lambda p: p.stem)
def test_expectations_are_well_formed(article: Path) -> None:
    """Phrases occur in the text, names are declared actors, keys are known, front matter is complete."""
    from kg.articles import read_article

    record = read_article(article)
    assert isinstance(record, ArticleRecord)
    assert all([record.url, record.title, record.outlet, record.author, record.published]), article.name
    text = score.norm(record.text)
    exp = score.expectations(article)
    assert set(exp) <= {*score.SECTIONS, *score.TRAPS}, sorted(exp)
    declared = {score.norm(a["label"]) for a in exp.get("actors", [])}
    for section in score.SECTIONS:
        for item in exp.get(section, []):
            unknown = set(item) - score.KEYS[section]
            assert not unknown, f"{article.name} {section}: unknown keys {unknown}"
            if "contains" in item:
                assert score.norm(item["contains"]) in text, (
                    f"{article.name}: {item['contains']!r} not in text"
                )
            names = [item.get("speaker"), *item.get("participants_include", [])]
            predictor = item.get("predictor", [])
            names += predictor if isinstance(predictor, list) else [predictor]
            for name in filter(None, names):
                assert name == "author" or score.norm(name) in declared, (
                    f"{article.name}: {name!r} undeclared"
                )
            for alias in item.get("aliases_seen", []):
                assert score.norm(alias) in text, f"{article.name}: alias {alias!r} not in text"
    for section in score.TRAPS:
        for phrase in exp.get(section, []):
            assert score.norm(phrase) in text, f"{article.name}: trap {phrase!r} not in text"


# -- the judges themselves, on hand-made records ------------------------------------------------------------


def _records(text: str, speaker_label: str) -> Records:
    quote = "We had a frank conversation"
    start = text.index(quote)
    name = text.index("Julia Brennan")
    actor = Actor(
        id="a1", label=speaker_label, type="Person", mentions=[Span(name, name + 13, "Julia Brennan")]
    )
    statement = Statement(
        id="s1",
        speaker="a1",
        text=quote,
        kind="quote",
        span=Span(start, start + len(quote), quote),
        date="2024-03-05",
    )
    return Records(article=ArticleRecord(text=text), actors=[actor], statements=[statement])


def test_judges_pass_and_fail_readably() -> None:
    article = next(a for a in score.articles() if a.stem.startswith("13_"))
    text = ArticleRecord(text=article.read_text(encoding="utf-8")).text
    by_id = {(c.section, c.index): c for c in score.checks(article)}
    good = _records(text, "Julia Brennan")
    assert score.evaluate(by_id[("statements", 0)], good).ok
    actor = score.evaluate(by_id[("actors", 0)], good)
    assert not actor.ok and "mention(s) ['Brennan'] not resolved" in actor.message
    wrong = score.evaluate(by_id[("statements", 0)], _records(text, "Carla Ng"))
    assert not wrong.ok and "attributed to ['Carla Ng'], not 'Julia Brennan'" in wrong.message
    missing = score.evaluate(by_id[("meetings", 0)], good)
    assert not missing.ok and "no meeting with participants" in missing.message
    assert score.evaluate(by_id[("not_actors", 0)], good).ok
