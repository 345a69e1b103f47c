"""The benchmark corpus generator: reproducible from its seed, and its articles go through kg.ingest."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import generate_article, registry, render, write_corpus


def test_same_seed_same_text() -> None:
    assert render(generate_article(5, seed=3)) == render(generate_article(5, seed=3))


def test_other_seed_or_index_other_text() -> None:
    base = render(generate_article(5, seed=3))
    assert render(generate_article(5, seed=4)) != base
    assert render(generate_article(6, seed=3)) != base


def test_article_does_not_depend_on_corpus_size(tmp_path: Path) -> None:
    small = write_corpus(tmp_path / "a", 2, seed=1, include_seed=False)
    large = write_corpus(tmp_path / "b", 5, seed=1, include_seed=False)
    assert small[1].read_text() == large[1].read_text()


def test_articles_look_like_news() -> None:
    a = generate_article(0, seed=0)
    assert set(a.meta) == {"url", "title", "outlet", "author", "published"}
    assert 800 <= len(a.text.split()) <= 1300
    assert "said" in a.text and "\u201c" in a.text


def test_registry_mixes_generated_and_registry_actors() -> None:
    reg = registry(0)
    assert len(reg.people) >= 2000
    assert reg.registry_people and all(a.registry for a in reg.registry_people)
    assert {a.title for a in reg.people} >= {"President", "Prime Minister", "CEO", "spokesperson"}


def test_generated_articles_ingest_into_statements_and_predictions(tmp_path: Path) -> None:
    from kg.ingest import ingest
    from kg.store import MemoryStore

    files = write_corpus(tmp_path, 3, seed=0, include_seed=False)
    store = MemoryStore()
    result = ingest(store, files)
    assert len(result.outcomes) == 3
    assert not result.failed, [o.message for o in result.failed]
    counts = {}
    for cls in ("Statement", "Prediction", "Meeting"):
        q = f"SELECT (COUNT(?x) AS ?n) WHERE {{ ?x a kg:{cls} }}"
        counts[cls] = int(next(iter(store.query(q)))[0].value)
    assert counts["Statement"] > 0 and counts["Prediction"] > 0, counts
