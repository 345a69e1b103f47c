"""kg load: every export format loads back into a fresh store isomorphically; bad RDF and shape violations
leave the store unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from typer.testing import CliRunner

from kg import export as export_module
from kg.cli import app
from kg.errors import InputError, UsageError, ValidationFailed
from kg.export import export
from kg.ingest import ingest
from kg.load import LoadFormat, guess_format, load, load_file, load_graph_iri
from kg.namespaces import ACTORS_GRAPH
from kg.store import MemoryStore
from kg.store.terms import to_graph

DATA = Path(__file__).parent / "data"
runner = CliRunner()
EX = "http://example.org/"

# every format kg export writes (new ones join automatically)
EXPORT_FORMATS = list(getattr(export_module, "ExportFormat", export_module.FORMATS))


@pytest.fixture(scope="module")
def source() -> MemoryStore:
    """A store with the reference graphs and one article (read it only)."""
    s = MemoryStore()
    assert ingest(s, [DATA / "records" / "minimal.json"]).ok
    return s


def _same(a: Graph, b: Graph, what: str) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail(f"{what}: {len(only_a)} triples only before, {len(only_b)} only after, e.g. "
                    f"{sorted(only_a)[:2]} / {sorted(only_b)[:2]}")


@pytest.mark.parametrize("fmt", [str(getattr(f, "value", f)) for f in EXPORT_FORMATS])
def test_every_export_format_round_trips(source: MemoryStore, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / "export.data"  # no telling extension: the format is given
    export(source, fmt, output=path)
    fresh = MemoryStore()
    result = load_file(fresh, path, fmt=fmt)
    assert result.report is not None and result.report.conforms
    if LoadFormat(fmt).rdf_format.supports_datasets:
        assert fresh.graph_names() == source.graph_names()
        for name in source.graph_names():
            _same(source.graph(name), fresh.graph(name), name)
    else:  # one graph: the merge of the store, in kgg:load/<hash of the file>
        assert fresh.graph_names() == [load_graph_iri(path.read_bytes())]
        _same(to_graph(source.quads()), to_graph(fresh.quads()), fmt)


def test_format_from_extension_and_content(tmp_path: Path) -> None:
    assert guess_format("a.ttl", b"") is LoadFormat.TURTLE
    assert guess_format("a.TRIG", b"") is LoadFormat.TRIG
    assert guess_format("a.rdf", b"") is LoadFormat.RDFXML
    assert guess_format("-", b'[{"@id": "x"}]') is LoadFormat.JSONLD
    assert guess_format("data", b'<rdf:RDF xmlns:rdf="...">') is LoadFormat.RDFXML
    assert guess_format(None, b"<http://a> <http://b> <http://c> .") is LoadFormat.TRIG


def test_graph_option_and_default_graph_name() -> None:
    data = f"<{EX}a> <{EX}p> <{EX}b> .".encode()
    s = MemoryStore()
    assert load(s, data, fmt="ntriples").graphs == {load_graph_iri(data): 1}
    assert load(s, data, fmt="ntriples").graphs == {load_graph_iri(data): 1}  # the same file replaces itself
    assert len(s) == 1
    load(s, data, fmt="turtle", graph=f"{EX}g")
    assert s.graph_names() == sorted([load_graph_iri(data), f"{EX}g"])
    with pytest.raises(UsageError, match="not an absolute IRI"):
        load(s, data, fmt="turtle", graph="not an iri")


def test_named_graphs_replace_and_blank_nodes_stay_apart() -> None:
    s = MemoryStore()
    load(s, f"<{EX}g> {{ <{EX}a> <{EX}p> _:b . _:b <{EX}q> 1 }}".encode(), fmt="trig")
    load(s, f"<{EX}h> {{ <{EX}c> <{EX}p> _:b . }}".encode(), fmt="trig")
    blanks = {str(q.object) for q in s.quads() if q.predicate.value == f"{EX}p"}
    assert len(blanks) == 2  # the two files' _:b are different nodes
    load(s, f"<{EX}g> {{ <{EX}a> <{EX}p> 2 }}".encode(), fmt="trig")
    assert len(s.graph(f"{EX}g")) == 1  # replaced as a whole


def test_malformed_rdf_is_one_line_and_store_unchanged() -> None:
    s = MemoryStore()
    load(s, f"<{EX}a> <{EX}p> 1 .".encode(), fmt="turtle", graph=f"{EX}g")
    before = len(s)
    bad = [(b"<a> <b> .", "ntriples"), (b'{"@id": ', "jsonld"), (b"<rdf:RDF", "rdfxml"), (b"@prefix", "turtle")]
    for data, fmt in bad:
        with pytest.raises(InputError) as e:
            load(s, data, fmt=fmt, name="bad.x")
        assert "\n" not in str(e.value) and str(e.value).startswith(f"bad.x is not valid {fmt}")
    with pytest.raises(InputError, match="empty"):
        load(s, b"  \n", fmt="turtle")
    assert len(s) == before


def test_shape_violations_refused_unless_forced() -> None:
    bad = (DATA / "invalid" / "statement-no-speaker.ttl").read_bytes()
    s = MemoryStore()
    with pytest.raises(ValidationFailed) as e:
        load(s, bad, name="statement-no-speaker.ttl")
    assert e.value.report.violations and len(s) == 0
    result = load(s, bad, name="statement-no-speaker.ttl", force=True)
    assert result.forced and len(s) == result.triples > 0


def test_cli_load_file_stdin_and_errors(tmp_path: Path, source: MemoryStore) -> None:
    store = tmp_path / "s"
    trig = tmp_path / "kg.trig"
    export(source, "trig", output=trig)
    r = runner.invoke(app, ["load", str(trig), "--store", str(store)])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count("loaded ") == len(source.graph_names())

    r = runner.invoke(app, ["load", "-", "--graph", f"{EX}g", "--store", str(store)], input=f"<{EX}a> <{EX}p> 1 .")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == f"loaded - -> <{EX}g> (1 triples)\n"

    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> ", encoding="utf-8")
    r = runner.invoke(app, ["load", str(bad), "--store", str(store)])
    assert r.exit_code == 3 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "is not valid turtle" in r.stderr

    invalid = DATA / "invalid" / "statement-no-speaker.ttl"
    r = runner.invoke(app, ["load", str(invalid), "--store", str(store)])
    assert r.exit_code == 1 and "refused" in r.stderr

    r = runner.invoke(app, ["load", str(tmp_path / "missing.ttl"), "--store", str(store)])
    assert r.exit_code == 3 and "no such file" in r.stderr
    r = runner.invoke(app, ["load", str(trig), "--format", "rdfa", "--store", str(store)])
    assert r.exit_code == 2


def test_rdfxml_and_jsonld_written_by_rdflib_load(source: MemoryStore) -> None:
    """Formats kg may not export itself (RDF/XML) load all the same; here as rdflib writes them."""
    name = next(n for n in source.graph_names() if "/article/" in n)
    graph = source.graph(name)
    for fmt, rdflib_fmt in (("rdfxml", "xml"), ("jsonld", "json-ld")):
        data = graph.serialize(format=rdflib_fmt, encoding="utf-8")
        fresh = MemoryStore()
        # the article's actors are typed in the actors graph (docs/model.md): it comes first
        actors = source.graph(str(ACTORS_GRAPH)).serialize(format="turtle", encoding="utf-8")
        load(fresh, actors, fmt="turtle", graph=str(ACTORS_GRAPH))
        result = load(fresh, data, name="-", graph=name)  # format sniffed from the first bytes
        assert result.format == fmt
        _same(graph, fresh.graph(name), fmt)


def test_validated_with_the_stores_actor_graphs() -> None:
    """A statement whose speaker is typed only in the store's registry graph loads; without it, it is refused."""
    registry = "https://w3id.org/kg/graph/registry"
    speaker = '<https://w3id.org/kg/id/actor/donald-trump> a <https://w3id.org/kg/ontology#Person> ; ' \
        '<http://www.w3.org/2000/01/rdf-schema#label> "Donald Trump" .'
    valid = (DATA / "valid_resolution.ttl").read_text(encoding="utf-8")
    untyped = "\n".join(line for line in valid.splitlines() if not line.startswith("kga:donald-trump a kg:Person"))
    assert untyped != valid
    with pytest.raises(ValidationFailed):
        load(MemoryStore(), untyped.encode(), fmt="turtle", graph=f"{EX}g")
    s = MemoryStore()
    load(s, speaker.encode(), fmt="turtle", graph=registry)
    assert load(s, untyped.encode(), fmt="turtle", graph=f"{EX}g").report.conforms  # type: ignore[union-attr]
