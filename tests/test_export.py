"""Export round trip in every format (parsed back, compared as graphs) and an independent parser check."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import UsageError
from kg.export import FORMATS, export
from kg.ingest import ingest
from kg.store import MemoryStore
from kg.store.terms import to_graph

DATA = Path(__file__).parent / "data" / "records"
RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld",
                 "rdfxml": "xml"}


@pytest.fixture
def loaded() -> MemoryStore:
    s = MemoryStore()
    assert ingest(s, [DATA / "minimal.json"]).ok
    return s


def _merged(store: MemoryStore) -> Graph:
    return to_graph(store.quads())


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_round_trip(loaded: MemoryStore, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"x.{fmt}"
    assert export(loaded, fmt, output=out) is None
    if fmt in ("turtle", "ntriples", "rdfxml"):
        back = Graph().parse(out, format=RDFLIB_FORMAT[fmt])
        assert isomorphic(back, _merged(loaded))
    else:
        ds = Dataset()
        ds.parse(out, format=RDFLIB_FORMAT[fmt])
        graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert graphs == set(loaded.graph_names())
        for name in loaded.graph_names():
            assert isomorphic(ds.graph(name), loaded.graph(name)), name


def test_one_graph(loaded: MemoryStore) -> None:
    name = next(n for n in loaded.graph_names() if "/article/" in n)
    data = export(loaded, "turtle", graph=name)
    assert data is not None
    assert isomorphic(Graph().parse(data=data, format="turtle"), loaded.graph(name))


def test_unknown_format_and_graph(loaded: MemoryStore) -> None:
    with pytest.raises(UsageError, match="unknown format 'rdfa'"):
        export(loaded, "rdfa")
    with pytest.raises(UsageError, match="no graph"):
        export(loaded, "turtle", graph="http://example.org/none")


def test_turtle_uses_readable_prefixes(loaded: MemoryStore) -> None:
    text = (export(loaded, "turtle") or b"").decode()
    assert "@prefix kg: <https://w3id.org/kg/ontology#>" in text
    assert "kg:Article" in text


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) is not installed")
def test_independent_parser_counts_the_same_triples(loaded: MemoryStore, tmp_path: Path) -> None:
    out = tmp_path / "x.ttl"
    export(loaded, "turtle", output=out)
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(out)], capture_output=True, text=True, check=True)
    count = int(run.stderr.split("returned")[1].split()[0])
    assert count == len(_merged(loaded))


def test_jsonld_is_compact_with_the_shipped_context(loaded: MemoryStore) -> None:
    import json

    from kg.export import CONTEXT_FILE, context

    doc = json.loads(export(loaded, "jsonld") or b"{}")
    assert doc["@context"] == context() == json.loads(CONTEXT_FILE.read_text())["@context"]
    text = json.dumps(doc["@graph"])
    assert '"kg:title"' in text and "https://w3id.org/kg/ontology#" not in text


def test_files_get_the_umask_mode_and_odd_targets_are_refused(loaded: MemoryStore, tmp_path: Path) -> None:
    import os

    from kg.errors import InputError

    old = os.umask(0o022)
    try:
        out = tmp_path / "x.nq"
        export(loaded, "nquads", output=out)
        assert out.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(old)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a file"):
        export(loaded, "nquads", output=fifo)
    with pytest.raises(InputError, match="does not exist"):
        export(loaded, "nquads", output=tmp_path / "missing" / "x.nq")
