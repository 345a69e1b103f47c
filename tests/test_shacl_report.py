"""The fast engine's report as N-Triples (kg.shacl.report.report_ntriples): the graph report_graph writes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from rdflib import SH, BNode, Graph
from rdflib.compare import isomorphic

from kg.shacl.report import report_graph, report_ntriples
from kg.shacl.run import dataset, run
from kg.store.terms import add_triples, triples
from kg.validate import fast_program, load_shapes, validate

DATA = Path(__file__).parent / "data"
FILES = sorted((DATA / "invalid").glob("*.ttl"))[:8] + [DATA / "valid_article.ttl"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_ntriples_report_is_the_report_graph(path: Path) -> None:
    import pyoxigraph as ox

    shapes = load_shapes()
    program = fast_program(shapes)
    assert program is not None
    found = run(program, dataset(triples(Graph().parse(path))))
    written = report_graph(found, shapes)
    data = report_ntriples(found, shapes)
    read = add_triples(Graph(), (q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)))
    assert isomorphic(read, written)
    # the shapes' blank nodes (anonymous shapes, paths) keep their names, as in pySHACL's reports
    shape_nodes = {o for o in written.objects(None, SH.sourceShape) if isinstance(o, BNode)}
    assert shape_nodes == {o for o in read.objects(None, SH.sourceShape) if isinstance(o, BNode)}


def test_a_report_crosses_processes_with_its_results_and_graph() -> None:
    report = validate(Graph().parse(FILES[0]))
    assert report.results and not report.conforms
    back = pickle.loads(pickle.dumps(report))
    assert back.results == report.results and back.conforms == report.conforms
    assert isomorphic(back.graph, report.graph)
