"""SHACL validation of kg data against shapes/*.ttl, with reports a person can read.

Two engines give the same results (tests/test_shacl_engine.py): ``fast`` (the default), the shapes compiled
into SPARQL queries that pyoxigraph runs on the data in memory (:mod:`kg.shacl`), and ``pyshacl``, the
reference. A shapes graph the fast engine cannot compile (:class:`~kg.errors.ShapesUnsupported`) is run by
pySHACL.

pySHACL runs with ``inference="none"``, no ontology graph mixed in and no SHACL-AF (``advanced=False``): the
shapes name every class they target (``sh:targetClass``), so no RDFS reasoning is needed, and pySHACL then
validates the data graph in place instead of copying it. What a call costs is mostly how the shapes are
written (see the note at the top of shapes/common.ttl), plus ~10 ms per call whatever the size of the data.

A report *conforms* (``Report.conforms``, the exit code of ``kg validate``) when it has no ``sh:Violation``;
warnings (``sh:Warning``) are reported but do not fail. The SHACL report graph itself (``Report.graph``,
``kg validate --format turtle``) follows the SHACL spec: its ``sh:conforms`` is false whenever it has any
result, even a warning.

>>> report = validate(Graph())
>>> report.conforms, report.results
(True, [])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any
from typing import Literal as Choice

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import RDF, SH, BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.errors import InputError, ShapesUnsupported
from kg.namespaces import PREFIXES
from kg.paths import data_dir
from kg.shacl.compile import Program, compile_shapes
from kg.shacl.report import default_message as _default_message
from kg.shacl.report import report_ntriples as shacl_report
from kg.shacl.run import Found, dataset
from kg.shacl.run import run as shacl_run
from kg.store.base import Store
from kg.store.terms import to_rdflib

if TYPE_CHECKING:
    from kg.mapping import Mapped

Engine = Choice["fast", "pyshacl"]
ENGINES: tuple[Engine, ...] = ("fast", "pyshacl")
SHAPES_NS = "https://w3id.org/kg/shapes#"
_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Result:
    """One validation result: *focus* breaks the rule of *shape* (IRIs as strings)."""

    focus: str
    shape: str  # the named shape (kgsh:...) the failing constraint belongs to: its group, node shape or itself
    path: str | None  # property path in SPARQL syntax with kg prefixes, e.g. "kg:speaker"
    severity: str  # "Violation" | "Warning" | "Info"
    message: str
    value: str | None = None


@dataclass(frozen=True)
class Group:
    """Results that share a shape and a message."""

    shape: str
    message: str
    severity: str
    focus: list[str]


@dataclass
class Report:
    """The outcome of validating one graph (or one article of a batch).

    ``graph`` is the SHACL report graph (sh:ValidationReport); the fast engine gives it as N-Triples, read
    into rdflib when first asked for (ingest reads the results only; a report crosses processes as bytes).
    """

    conforms: bool
    results: list[Result] = field(default_factory=list)
    source: Graph | bytes | None = field(default=None, repr=False, compare=False)

    @property
    def graph(self) -> Graph:
        """The SHACL report graph."""
        if not isinstance(self.source, Graph):
            from kg.store.terms import add_triples

            data = self.source or b""
            self.source = add_triples(Graph(), (q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)))
        return self.source

    @property
    def violations(self) -> list[Result]:
        """Results with severity Violation."""
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[Result]:
        """Results with severity Warning."""
        return [r for r in self.results if r.severity == "Warning"]

    def groups(self) -> list[Group]:
        """Results grouped by shape and message, violations first, then by size."""
        grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for r in self.results:
            grouped[(r.shape, r.message, r.severity)].append(r.focus)
        order = {"Violation": 0, "Warning": 1, "Info": 2}
        return sorted(
            (Group(shape=s, message=m, severity=sev, focus=f) for (s, m, sev), f in grouped.items()),
            key=lambda g: (order.get(g.severity, 3), -len(g.focus), g.message),
        )

    def to_text(self) -> str:
        """A short human-readable summary, one line per group of results."""
        if not self.results:
            return "Conforms: no violations, no warnings."
        head = "Conforms" if self.conforms else "Does not conform"
        lines = [f"{head}: {len(self.violations)} violation(s), {len(self.warnings)} warning(s)."]
        for g in self.groups():
            shown = ", ".join(compact(f) for f in g.focus[:3])
            more = f" and {len(g.focus) - 3} more" if len(g.focus) > 3 else ""
            lines.append(f"{g.severity}: {g.message} ({len(g.focus)}): {shown}{more}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: ``{"conforms": ..., "violations": n, "warnings": n, "results": [...]}``."""
        return {
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "results": [asdict(r) for r in self.results],
        }


@cache
def load_shapes() -> Graph:
    """All shapes/*.ttl in one graph (parsed once per process; do not modify it)."""
    graph = Graph()
    for path in sorted(data_dir("shapes").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@cache
def load_ontology_graph() -> Graph:
    """All ontology/*.ttl (classes, properties, concept schemes) in one graph (parsed once; do not modify)."""
    graph = Graph()
    for path in sorted(data_dir("ontology").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def validate(data: Graph | Dataset, *, shapes: Graph | None = None, engine: Engine = "fast") -> Report:
    """Validate *data* against the kg shapes (or *shapes*); a Dataset is validated as the union of its graphs.

    Validating a resolution together with the graphs of its prediction and evidence (a Dataset holding them)
    also checks its dates against theirs.

    Raises :class:`InputError` when pySHACL cannot run the shapes on the data.
    """
    shapes_graph = shapes if shapes is not None else load_shapes()
    graph = _union(data) if isinstance(data, Dataset) else data
    if engine == "fast":
        from kg.store.terms import triples

        report = _run_fast(triples(graph), shapes_graph)
        if report is not None:
            return report
    return _run(graph, shapes_graph)


def validate_store(store: Store, *, batch: int = 200, engine: Engine = "fast") -> Report:
    """Validate everything in *store*, graph by graph in batches, never the whole store as one rdflib graph.

    Batches: the actors graph (registry and text-found actors); the ontology; the article graphs, *batch* at a
    time, each batch with the facts of the actors it names; the resolutions, each batch with the article
    graphs of the predictions and evidence they cite and the status graph (so their dates are checked against
    theirs); every other graph on its own. The shapes only relate a node to what its own article (or, for a
    resolution, the articles it cites) says, so the verdicts are those of validating the union at once.
    Results found twice (an actor seen from two batches) are reported once.
    """
    from kg.store.batches import store_batch_ntriples, store_batches

    if engine == "fast" and fast_program(load_shapes()) is not None:
        fast = [_run_fast(data, load_shapes()) for data in store_batch_ntriples(store, size=batch)]
        return merge_reports([r for r in fast if r is not None])
    reports = [_run(graph, load_shapes()) for graph in store_batches(store, size=batch)]
    return merge_reports(reports)


def merge_reports(reports: list[Report]) -> Report:
    """One report from many: results de-duplicated, one sh:ValidationReport (``sh:conforms`` false whenever
    there is any result, warnings included, as SHACL says; :attr:`Report.conforms` ignores warnings)."""
    seen: set[Result] = set()
    results: list[Result] = []
    graph = Graph()
    head = BNode()
    graph.add((head, RDF.type, SH.ValidationReport))
    for report in reports:
        fresh = set(_top_results(report.graph))
        heads = set(report.graph.subjects(RDF.type, SH.ValidationReport))
        for s, p, o in report.graph:
            if s not in heads:
                graph.add((s, p, o))
        for node in fresh:
            graph.add((head, SH.result, node))
        for r in report.results:
            if r not in seen:
                seen.add(r)
                results.append(r)
    graph.add((head, SH.conforms, Literal(not results)))
    results.sort(key=lambda r: (r.severity != "Violation", r.focus, r.message))
    return Report(conforms=not any(r.severity == "Violation" for r in results), results=results, source=graph)


def validate_articles(
    batch: Sequence[Mapped], *, shapes: Graph | None = None, engine: Engine = "fast"
) -> list[Report]:
    """Validate mapped articles with one SHACL run for the whole batch; one report per article.

    The data: each article's graph, its actor facts, and the type and label of the registry actors it names
    (as ``kgg:actors`` would hold them). A result belongs to the article its focus node belongs to
    (``kgd:<key>`` and the nodes under it), a result on an actor to every article of the batch naming it.
    """
    from kg.store.terms import add_triples

    if not batch:
        return []
    registry = _registry_ntriples()
    owners: dict[str, list[int]] = defaultdict(list)
    parts: list[bytes] = []  # the batch as N-Triples: the lines mapping wrote, no term objects
    for i, m in enumerate(batch):
        parts += m.ntriples()
        for a in m.registry_actors:
            parts.append(registry.get(a, b""))
            owners[a].append(i)
        for a in m.actor_subjects():
            owners[a].append(i)
    data = b"".join(parts)
    shapes_graph = shapes if shapes is not None else load_shapes()
    report = _run_fast(data, shapes_graph) if engine == "fast" else None
    if report is None:
        report = _run(add_triples(Graph(), (q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))),
                      shapes_graph)
    split: list[list[Result]] = [[] for _ in batch]
    for r in report.results:
        for i in _owners(r.focus, batch, owners):
            split[i].append(r)
    return [
        Report(conforms=not any(r.severity == "Violation" for r in rs), results=rs, source=report.source)
        for rs in split
    ]


@cache
def _registry_ntriples() -> dict[str, bytes]:
    """Registry actor IRI -> the N-Triples of its type and label (what ``kgg:actors`` holds for it)."""
    from kg.store.batches import registry_facts

    return {a: ox.serialize(list(facts), format=ox.RdfFormat.N_TRIPLES) or b""
            for a, facts in registry_facts().items()}


def _owners(focus: str, batch: Sequence[Mapped], owners: Mapping[str, list[int]]) -> list[int]:
    for i, m in enumerate(batch):
        art = m.article.value
        if focus == art or focus.startswith(art + "/"):
            return [i]
    return sorted(set(owners.get(focus, []))) or list(range(len(batch)))


def validate_batch(
    graphs: Mapping[str, Graph], *, shapes: Graph | None = None, engine: Engine = "fast"
) -> dict[str, Report]:
    """Validate many graphs (e.g. one per article), each on its own; return one report per key.

    A batch therefore reports exactly what :func:`validate` reports for each graph, and a node shared by
    several graphs (an actor) is never blamed for a conflict between them. One pySHACL call per graph costs
    a few milliseconds more than one call for their union, but copying the graphs into a union costs more.
    """
    shapes_graph = shapes if shapes is not None else load_shapes()
    return {key: validate(graph, shapes=shapes_graph, engine=engine) for key, graph in graphs.items()}


def compact(iri: str) -> str:
    """*iri* with a kg prefix when one fits: ``kgd:4f70.../s1``."""
    for prefix, ns in (("kgsh", SHAPES_NS), *PREFIXES.items()):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


_PROGRAMS: dict[int, tuple[Graph, Program | None]] = {}


def fast_program(shapes: Graph) -> Program | None:
    """*shapes* compiled for the fast engine (once per shapes graph), or None when it cannot be compiled."""
    entry = _PROGRAMS.get(id(shapes))
    if entry is None or entry[0] is not shapes:
        try:
            program: Program | None = compile_shapes(shapes)
        except ShapesUnsupported:
            program = None
        entry = _PROGRAMS[id(shapes)] = (shapes, program)
    return entry[1]


def _run_fast(items: bytes | Iterable[ox.Triple], shapes: Graph) -> Report | None:
    """The fast engine on *items*; None when the shapes cannot be compiled (the caller runs pySHACL)."""
    program = fast_program(shapes)
    if program is None:
        return None
    found = shacl_run(program, dataset(items))
    report = Report(conforms=True, source=shacl_report(found, shapes))
    results = _found_results(found, shapes)
    if results is None:  # a result with several messages: read them as the report graph gives them
        results = _results(report.graph, shapes)
    report.results, report.conforms = results, not any(r.severity == "Violation" for r in results)
    return report


def _found_results(found: list[Found], shapes: Graph) -> list[Result] | None:
    """The results the report graph of *found* holds (:func:`_results` of it), read from *found* directly;
    None when a check has several messages (the graph then says which one a result shows)."""
    parents = _parent_shapes_cached(shapes)
    results = []
    for f in found:
        check = f.check
        if f.message is None and len(check.messages) > 1:
            return None
        path = to_rdflib(f.path) if f.path is not None else check.path
        message = f.message.value if f.message is not None else (
            str(check.messages[0]) if check.messages else _default_message(check.component))
        results.append(Result(
            focus=_ox_text(f.focus),
            shape=_term(parents.get(check.shape, check.shape)) or "",
            path=_path(shapes, path) if path is not None else None,
            severity=_SEVERITY.get(check.severity, str(check.severity)),
            message=message,
            value=_ox_text(f.value) if f.value is not None else None,
        ))
    results.sort(key=lambda r: (r.severity != "Violation", r.focus, r.message))
    return results


def _ox_text(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """A pyoxigraph term as :func:`_term` writes its rdflib form: IRIs and literals as text, ``_:id``."""
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


_PARENTS: dict[int, tuple[Graph, dict[Node, Node]]] = {}


def _parent_shapes_cached(shapes: Graph) -> dict[Node, Node]:
    entry = _PARENTS.get(id(shapes))
    if entry is None or entry[0] is not shapes:
        entry = _PARENTS[id(shapes)] = (shapes, _parent_shapes(shapes))
    return entry[1]


def _run(graph: Graph, shapes: Graph) -> Report:
    try:
        _conforms, report_graph, _text = shacl_validate(
            graph,
            shacl_graph=shapes,
            inference="none",
            advanced=False,
            abort_on_first=False,
            allow_warnings=True,
            allow_infos=True,
        )
    except Exception as e:  # pyshacl raises its own ReportableRuntimeError and plain errors
        raise InputError(f"SHACL validation could not run: {e}") from None
    assert isinstance(report_graph, Graph)
    _spec_conforms(report_graph)
    results = _results(report_graph, shapes)
    return Report(
        conforms=not any(r.severity == "Violation" for r in results),
        results=results,
        source=report_graph,
    )


def _spec_conforms(report: Graph) -> None:
    """Set ``sh:conforms`` as SHACL defines it (false when there is any result); pySHACL's ``allow_warnings``
    writes true next to warnings."""
    for node in report.subjects(RDF.type, SH.ValidationReport):
        report.set((node, SH.conforms, Literal(next(report.objects(node, SH.result), None) is None)))


def _results(report: Graph, shapes: Graph) -> list[Result]:
    parents = _parent_shapes(shapes)
    results = []
    for node in _top_results(report):
        source = report.value(node, SH.sourceShape)
        path = report.value(node, SH.resultPath)
        message = report.value(node, SH.resultMessage)
        severity = report.value(node, SH.resultSeverity)
        results.append(
            Result(
                focus=_term(report.value(node, SH.focusNode)) or "",
                shape=_term(parents.get(source, source) if source is not None else None) or "",
                path=_path(report, path) if path is not None else None,
                severity=_SEVERITY.get(severity, str(severity)) if isinstance(severity, URIRef) else "Violation",
                message=str(message) if message is not None else "",
                value=_term(report.value(node, SH.value)),
            )
        )
    results.sort(key=lambda r: (r.severity != "Violation", r.focus, r.message))
    return results


def _top_results(report: Graph) -> list[Node]:
    """The results of the report itself, not the nested ``sh:detail`` results of sh:node / sh:or."""
    return [r for head in report.subjects(RDF.type, SH.ValidationReport) for r in report.objects(head, SH.result)]


def _parent_shapes(shapes: Graph) -> dict[Node, Node]:
    """Map each anonymous shape to the name reports give it: its sh:group (a targeted property shape), or the
    node shape holding it (sh:property, sh:sparql)."""
    parents: dict[Node, Node] = {}
    for prop, group in shapes.subject_objects(SH.group):
        parents[prop] = group
    for holder, prop in shapes.subject_objects(SH.property):
        parents[prop] = holder
    for holder, sparql in shapes.subject_objects(SH.sparql):
        parents[sparql] = holder
    return parents


def _term(node: Node | None) -> str | None:
    """IRIs and literals as their text, blank nodes as ``_:id``."""
    if node is None:
        return None
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _path(graph: Graph, path: Node) -> str:
    """A SHACL property path as SPARQL text (sequence and inverse paths; others as N3)."""
    if isinstance(path, URIRef):
        return compact(str(path))
    if (path, RDF.first, None) in graph:
        return "/".join(_path(graph, p) for p in Collection(graph, path))
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path(graph, inverse)
    return path.n3()


def _union(dataset: Dataset) -> Graph:
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o, _g in dataset.quads((None, None, None, None)))
    return graph
