"""The ingest pipeline: workers and the writer thread, mapped articles between processes, kg:firstSeenIn kept
by the writer without SPARQL Update text.

Articles written for these tests (own words): a harbour board and its chair, on different days.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.ingest import ingest
from kg.mapping import map_records
from kg.namespaces import ACTORS_GRAPH, KG
from kg.records import Actor, ArticleRecord, Prediction, Records, Span, Statement
from kg.store import MemoryStore, OxigraphStore
from kg.store.terms import to_graph

CHAIR = "https://w3id.org/kg/id/actor/person/tamsin-orrell"


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def article(i: int, published: str | None) -> Records:
    """Article *i*: the harbour board's chair (text-found) says the ferry will run again by spring."""
    quote = f"The ferry will run again by spring, and pier {i} opens first."
    text = f'Tamsin Orrell, who chairs the harbour board, said: "{quote}" Fishermen met on the quay {i} times.'
    actors = [Actor("a1", "Tamsin Orrell", "Person", mentions=[_span(text, "Tamsin Orrell")], rule="name")]
    statements = [Statement("s1", "a1", quote, "quote", _span(text, quote), rule="quote")]
    predictions = [Prediction("p1", "a1", quote, _span(text, quote), hedge="will", probability=0.9,
                              deadline="2031-05-31", statement="s1", rule="hedge")]
    record = ArticleRecord(text=text, url=f"https://harbour.example.org/news/{i}", title=f"Ferry {i}",
                           outlet="Harbour Herald", published=published)
    return Records(article=record, actors=actors, statements=statements, predictions=predictions)


def write(folder: Path, name: str, records: Records) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(records.to_dict()), encoding="utf-8")
    return path


def first_seen(store: MemoryStore, actor: str) -> list[str]:
    graph = to_graph(store.quads(str(ACTORS_GRAPH)))
    return sorted(str(o) for o in graph.objects(URIRef(actor), KG.firstSeenIn))


def test_a_mapped_article_travels_as_nquads(tmp_path: Path) -> None:
    mapped = map_records(article(1, "2030-01-05"))
    back = pickle.loads(pickle.dumps(mapped))
    assert back.__dict__.get("_packed") is not None  # bytes, not one pickled term per quad
    assert len(back) == len(mapped) and back.nquads() == mapped.nquads()
    assert back.actor_subjects() == mapped.actor_subjects() >= {CHAIR}  # with the outlet
    assert set(back.quads()) == set(mapped.quads())  # parsed back on demand
    assert set(back.triples) == set(mapped.triples) and set(back.actor_facts) == set(mapped.actor_facts)
    assert back.graph == mapped.graph and back.published == "2030-01-05"


def test_an_article_maps_each_triple_once() -> None:
    mapped = map_records(article(1, "2030-01-05"))  # a mention is a span too: its kg:extractedFrom once
    assert mapped.triples and len(set(mapped.triples)) == len(mapped.triples)
    assert len(set(mapped.actor_facts)) == len(mapped.actor_facts)


def test_a_batch_that_moves_counts_is_one_write_with_the_same_graphs(tmp_path: Path) -> None:
    """A batch whose ties already have counts is written as one Update (DELETE DATA; INSERT DATA of the
    bytes a worker sends): the same store as the articles written one at a time, the counts added up."""
    from kg import summary
    from kg.store.writer import ensure_reference, write_articles

    def two_actors(i: int, day: str) -> Records:
        records = article(i, day)
        text = records.article.text
        records.actors.append(Actor("a2", "Harbour Board", "Organization", mentions=[_span(text, "harbour board")],
                                    rule="name"))
        return records

    first = [map_records(two_actors(i, f"2030-02-{i + 1:02d}")) for i in range(2)]
    second = [map_records(two_actors(i, f"2030-03-{i + 1:02d}")) for i in range(2, 5)]
    fast, plain = MemoryStore(), MemoryStore()
    for store in (fast, plain):
        ensure_reference(store)
    write_articles(fast, first)
    write_articles(fast, pickle.loads(pickle.dumps(second)))  # as a worker sends them: bytes only
    write_articles(plain, first)
    for m in second:  # one by one, terms parsed back
        write_articles(plain, [m])
    assert isomorphic(to_graph(fast.quads()), to_graph(plain.quads()))
    counts = {str(q.object.value) for q in fast.quads(str(summary.SUMMARY_GRAPH))  # type: ignore[union-attr]
              if str(q.predicate.value).endswith("mentionedIn")}
    assert counts == {"5"}  # the chair and the board, named together in all five articles


def test_two_workers_store_what_one_stores_in_input_order(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"a{i:02d}", article(i, f"2030-01-{i + 1:02d}")) for i in range(9)]
    one, two = MemoryStore(), MemoryStore()
    r1, r2 = ingest(one, paths, workers=1), ingest(two, paths, workers=2)
    assert r1.ok and r2.ok
    assert [o.path for o in r1.outcomes] == [o.path for o in r2.outcomes] == [str(p) for p in paths]
    assert one.graph_names() == two.graph_names()
    assert isomorphic(to_graph(one.quads()), to_graph(two.quads()))
    assert first_seen(two, CHAIR) == [map_records(article(0, "2030-01-01")).article.value]


@pytest.mark.parametrize(("jobs", "workers"), [(200, 2), (50, 2), (7, 1), (1, 4), (33, 3)])
def test_chunks_keep_every_job_in_order_and_start_small(jobs: int, workers: int) -> None:
    """The first chunk of each worker holds RAMP articles (the first write comes after them, not after a
    full chunk); the sizes then double up to CHUNK; every job is in one chunk, in input order."""
    from kg.ingest import CHUNK, RAMP, chunked

    items = [(f"f{i}", None, None) for i in range(jobs)]
    chunks = chunked(items, workers)  # type: ignore[arg-type]
    assert [j for c in chunks for j in c] == items
    assert all(0 < len(c) <= CHUNK for c in chunks)
    assert len(chunks[0]) == min(RAMP, jobs)
    sizes = [len(c) for c in chunks[:-1]]
    assert sizes == sorted(sizes)  # only the last chunk (the remainder) is smaller than one before it
    if jobs >= 4 * workers * CHUNK:
        assert sizes[-1] == CHUNK and len(chunks) >= 4 * workers


def test_worker_processes_run_behind_the_writer() -> None:
    """The processes preparing articles run at a lower CPU priority than the process that writes them."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    from kg.ingest import WORKER_NICENESS, _behind_the_writer

    here = os.nice(0)
    with ProcessPoolExecutor(1, initializer=_behind_the_writer) as pool:
        theirs = pool.submit(os.nice, 0).result()
    assert theirs == min(here + WORKER_NICENESS, 19) > here or here == 19


def test_first_seen_moves_to_an_earlier_article_that_comes_late(tmp_path: Path) -> None:
    store = MemoryStore()
    late, early = article(1, "2030-03-01"), article(2, "2030-02-01")
    assert ingest(store, [write(tmp_path, "late", late)]).ok
    assert first_seen(store, CHAIR) == [map_records(late).article.value]
    assert ingest(store, [write(tmp_path, "early", early)]).ok
    assert first_seen(store, CHAIR) == [map_records(early).article.value]  # one value: the old one went
    assert ingest(store, [write(tmp_path, "later", article(3, "2030-04-01"))]).ok
    assert first_seen(store, CHAIR) == [map_records(early).article.value]


def test_first_seen_in_one_batch_is_the_earliest_whatever_the_order(tmp_path: Path) -> None:
    store = MemoryStore()
    dated = {3: "2030-05-01", 4: "2030-04-01", 5: None}  # no date sorts last
    paths = [write(tmp_path, f"b{i}", article(i, d)) for i, d in dated.items()]
    assert ingest(store, paths).ok
    assert first_seen(store, CHAIR) == [map_records(article(4, "2030-04-01")).article.value]


def test_a_failing_write_is_raised_in_the_caller(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    OxigraphStore(folder).close()
    store = OxigraphStore(folder, read_only=True)
    with pytest.raises(StoreError):
        ingest(store, [write(tmp_path, f"c{i}", article(i, "2030-01-01")) for i in range(3)])
