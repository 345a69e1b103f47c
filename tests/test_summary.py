"""The summary graph kgg:summary (kg.summary): kept equal to the ties the article graphs make, whatever the writes.

The reference is computed here straight from the article graphs (the co-mention and co-participation counts the
actor-network report gave before the summary existed); after every ingest, correction and deletion the
summary graph, its full rebuild and the actor-network report must all agree with it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import summary
from kg.ingest import ingest
from kg.namespaces import SUMMARY_GRAPH
from kg.paths import data_dir
from kg.queries import get_query, run_query
from kg.store import MemoryStore
from kg.store.writer import delete_articles

KGA = "https://w3id.org/kg/id/actor/"
URL = "https://news.example.org/2026/03/harbour-talks"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def article(folder: Path, body: str, *, name: str = "harbour.txt") -> Path:
    path = folder / name
    path.write_text(
        f'---\nurl: "{URL}"\ntitle: "Harbour talks"\noutlet: Coastal Ledger\nauthor: Mira Tollan\n'
        f"published: 2026-03-02\n---\n{body}\n",
        encoding="utf-8",
    )
    return path


FIRST = (
    "Xi Jinping met Moon Jae-in in Beijing on Monday for talks on shipping. "
    '"We agreed on a common harbour code," Moon Jae-in said after the meeting. '
    "Donald Trump was not part of the talks."
)
CORRECTED = (
    "Xi Jinping met Shinzo Abe in Beijing on Monday for talks on shipping. "
    '"We agreed on a common harbour code," Shinzo Abe said after the meeting.'
)


def reference(store: MemoryStore) -> Counter[tuple[str, str, str]]:
    """The ties counted from the article graphs, as the report computed them before the summary graph."""
    rows = store.query(
        "SELECT ?a ?b ?tie (COUNT(DISTINCT ?via) AS ?n) WHERE { GRAPH ?g { "
        "{ ?via <http://schema.org/mentions> ?a , ?b BIND('mentioned' AS ?tie) } UNION "
        "{ ?via kg:participant ?a , ?b BIND('met' AS ?tie) } } "
        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kg/graph/article/')) FILTER(?a != ?b) } GROUP BY ?a ?b ?tie"
    )
    return Counter({(r["a"].value, r["b"].value, r["tie"].value): int(r["n"].value) for r in rows})


def stored(store: MemoryStore) -> Counter[tuple[str, str, str]]:
    """The ties the actor-network report reads from kgg:summary (no actor bound: every pair both ways)."""
    r = run_query(store, get_query("actor-network"), {})
    names = r.variables
    out: Counter[tuple[str, str, str]] = Counter()
    for row in r.rows:
        d = dict(zip(names, row, strict=True))
        out[(d["actor"].value, d["other"].value, d["tie"].value)] = int(d["count"].value)  # type: ignore[union-attr]
    return out


def summary_quads(store: MemoryStore) -> set[str]:
    return {str(q) for q in store.quads(str(SUMMARY_GRAPH))}


@pytest.fixture(scope="module")
def seeds() -> MemoryStore:
    s = MemoryStore()
    assert ingest(s, [data_dir("seeds")]).ok
    return s


def test_ingest_keeps_the_summary_equal_to_the_article_graphs(seeds: MemoryStore) -> None:
    want = reference(seeds)
    assert want and {t for _, _, t in want} == {"mentioned", "met"}
    assert stored(seeds) == want


def test_correction_and_deletion_move_the_counts(tmp_path: Path) -> None:
    s = MemoryStore()
    assert ingest(s, [article(tmp_path, FIRST)]).ok
    before = stored(s)
    assert before == reference(s)
    assert before[(KGA + "xi-jinping", KGA + "moon-jae-in", "met")] >= 1
    assert ingest(s, [article(tmp_path, CORRECTED)]).ok  # the same URL: a correction replaces the article
    after = stored(s)
    assert after == reference(s)
    assert (KGA + "xi-jinping", KGA + "moon-jae-in", "met") not in after  # the old ties are gone, not left at 0
    assert after[(KGA + "xi-jinping", KGA + "shinzo-abe", "met")] >= 1
    key = next(iter(s.query("SELECT ?a WHERE { ?a a kg:Article }")))["a"].value
    delete_articles(s, [key])
    assert stored(s) == Counter() == reference(s)
    assert not summary_quads(s)


def test_counts_add_up_over_articles_and_rebuild_gives_the_same_graph(seeds: MemoryStore, tmp_path: Path) -> None:
    s = MemoryStore()
    assert ingest(s, [data_dir("seeds"), article(tmp_path, FIRST)]).ok
    want = reference(s)
    assert stored(s) == want
    # a pair named in a seed article and in ours counts both articles
    assert want[(KGA + "xi-jinping", KGA + "moon-jae-in", "mentioned")] >= 2
    incremental = summary_quads(s)
    assert summary.rebuild(s) * 2 == len(want)  # each pair stored once, reported both ways
    assert summary_quads(s) == incremental


def test_ties_of_an_article_graph() -> None:
    ex = "http://example.org/"

    def t(s: str, p: str, o: str) -> ox.Triple:
        return ox.Triple(ox.NamedNode(ex + s), ox.NamedNode(p), ox.NamedNode(ex + o))

    mentions, participant = "http://schema.org/mentions", "https://w3id.org/kg/ontology#participant"
    found = summary.ties([t("art", mentions, "a"), t("art", mentions, "b"), t("m1", participant, "a"),
                          t("m1", participant, "b"), t("m2", participant, "a"), t("m2", participant, "b")])
    assert found == Counter({(ex + "a", ex + "b", "mentioned"): 1, (ex + "a", ex + "b", "met"): 2})


def test_migrate_computes_the_summary_of_a_store_written_before_it(tmp_path: Path) -> None:
    from kg.store.migrate import migrate

    s = MemoryStore()
    assert ingest(s, [article(tmp_path, FIRST)]).ok
    want = summary_quads(s)
    assert want
    s.remove_graphs([str(SUMMARY_GRAPH)])  # as a store of the same model written before kgg:summary
    assert stored(s) == Counter()
    migrate(s)
    assert summary_quads(s) == want and stored(s) == reference(s)


def test_migrate_rebuilds_a_summary_in_the_earlier_shape(tmp_path: Path) -> None:
    """A store whose kgg:summary holds one node per tie (the shape before the groups) is rebuilt by migrate."""
    from kg.store.migrate import migrate

    s = MemoryStore()
    assert ingest(s, [article(tmp_path, FIRST)]).ok
    want = summary_quads(s)
    assert summary.current(s)
    graph = ox.NamedNode(str(SUMMARY_GRAPH))
    node, kg = ox.NamedNode("https://w3id.org/kg/id/tie/0123456789abcdef"), "https://w3id.org/kg/ontology#"
    old = [ox.Quad(node, ox.NamedNode(kg + "actor"), ox.NamedNode(KGA + "xi-jinping"), graph),
           ox.Quad(node, ox.NamedNode(kg + "other"), ox.NamedNode(KGA + "moon-jae-in"), graph),
           ox.Quad(node, ox.NamedNode(kg + "metIn"), ox.Literal("7", datatype=ox.NamedNode(XSD_INTEGER)), graph)]
    s.remove_graphs([str(SUMMARY_GRAPH)])
    s.apply(add=old)
    assert not summary.current(s)
    migrate(s)
    assert summary.current(s) and summary_quads(s) == want and stored(s) == reference(s)


def test_a_store_with_each_pair_both_ways_is_refused_until_migrate_stores_each_pair_once(tmp_path: Path) -> None:
    """Model 2 stored every tie in both directions; such a store is refused (it would be counted wrongly) and
    ``kg migrate`` rebuilds kgg:summary with each pair once and stamps the current model; the report is the same."""
    from kg.errors import UsageError
    from kg.store.meta import MODEL_VERSION, check_base, meta_quads, stored_version
    from kg.store.migrate import migrate

    s = MemoryStore()
    assert ingest(s, [article(tmp_path, FIRST)]).ok
    want, report = summary_quads(s), stored(s)
    assert any(a > b for a, b, _ in report)  # the report lists every pair both ways: model 2's summary
    s.remove_graphs([str(SUMMARY_GRAPH)])
    meta = "https://w3id.org/kg/graph/meta"
    s.apply(delete=f"DELETE WHERE {{ GRAPH <{meta}> {{ ?m <https://w3id.org/kg/ontology#modelVersion> ?v }} }}",
            add=[*summary.quads(report), *(q for q in meta_quads(version=2) if "modelVersion" in q.predicate.value)])
    assert not summary.current(s) and stored_version(s) == 2
    with pytest.raises(UsageError, match="migrate"):
        check_base(s)
    migrate(s)
    assert stored_version(s) == MODEL_VERSION and summary.current(s)
    assert summary_quads(s) == want and stored(s) == report == reference(s)


def test_a_writer_s_group_cache_stays_equal_to_the_store_over_batches_and_a_correction(tmp_path: Path) -> None:
    """One writer (as kg.ingest's) reads each actor's groups once and keeps them as its writes leave them; a
    re-ingested article (another write path) clears it. After every batch the cached groups are the stored
    ones and the counts a recount of the article graphs."""
    from kg.ingest import prepare_chunk
    from kg.store.writer import write_articles

    cast = ["Xi Jinping", "Moon Jae-in", "Shinzo Abe", "Donald Trump"]
    paths = []
    for i in range(8):
        a, b = cast[i % 4], cast[(i + 1) % 4]
        envoy = cast[(i + 2) % 4]
        body = f"{a} met {b} in Geneva on Monday for talks on fishing quotas, round {i}. {envoy} sent an envoy."
        path = tmp_path / f"round-{i}.txt"
        path.write_text(f'---\nurl: "https://news.example.org/2026/04/round-{i}"\ntitle: "Round {i}"\n'
                        f"published: 2026-04-{i + 1:02d}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    prepared = prepare_chunk([(str(p), None, None) for p in paths])
    mapped = [m for _, m in prepared if m is not None]
    assert len(mapped) == 8
    s, cache = MemoryStore(), summary.GroupCache()
    actors = {KGA + n for n in ("xi-jinping", "moon-jae-in", "shinzo-abe", "donald-trump")}
    for batch in (mapped[:3], mapped[3:5], [mapped[5]], [mapped[6]]):
        write_articles(s, batch, cache=cache)
        assert stored(s) == reference(s)
        assert cache.read(s, actors) == summary.groups(s, actors)
    # a correction of round 0 (the same URL, another envoy) goes the replacement path and moves Xi Jinping's
    # ties; round 7, new, in the same batch, names him again: its counts come from the store, not the cache
    fixed = tmp_path / "round-0-fixed.txt"
    fixed.write_text(paths[0].read_text(encoding="utf-8").replace("Shinzo Abe sent", "Donald Trump sent"),
                     encoding="utf-8")
    [(_, again)] = prepare_chunk([(str(fixed), None, None)])
    assert again is not None
    write_articles(s, [again, mapped[7]], cache=cache)
    assert stored(s) == reference(s)
    assert cache.read(s, actors) == summary.groups(s, actors)
    assert stored(s)[(KGA + "donald-trump", KGA + "xi-jinping", "mentioned")] == 5  # rounds 0 (fixed), 2, 3, 6, 7
    small = summary.GroupCache(limit=3)  # bounded: past its limit it starts again (and reads the store)
    assert small.read(s, actors) == summary.groups(s, actors)
    assert small.read(s, {KGA + "xi-jinping"}) == summary.groups(s, {KGA + "xi-jinping"})
    assert set(small.by_actor) == {KGA + "xi-jinping"}
