"""Violations found by :mod:`kg.shacl.run` as a SHACL validation report graph, laid out as pySHACL lays it out.

One ``sh:ValidationReport`` with ``sh:conforms`` (false when there is any result) and one
``sh:ValidationResult`` per violation: ``sh:focusNode``, ``sh:resultPath`` (the shape's path, its blank-node
structure copied from the shapes graph), ``sh:value``, ``sh:sourceShape``, ``sh:sourceConstraintComponent``,
``sh:sourceConstraint`` (SPARQL-based constraints), ``sh:resultSeverity`` and ``sh:resultMessage``.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, SH, BNode, Graph, Literal
from rdflib.term import Node

from kg.shacl.run import Found
from kg.store.terms import to_rdflib


def report_graph(found: Iterable[Found], shapes: Graph) -> Graph:
    """The sh:ValidationReport of *found* (violations of checks compiled from *shapes*)."""
    graph = Graph()
    graph.bind("sh", SH)
    head = BNode()
    graph.add((head, RDF.type, SH.ValidationReport))
    copied: set[Node] = set()
    any_result = False
    for f in found:
        any_result = True
        node = BNode()
        check = f.check
        graph.add((head, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.focusNode, to_rdflib(f.focus)))
        graph.add((node, SH.sourceShape, check.shape))
        graph.add((node, SH.sourceConstraintComponent, check.component))
        graph.add((node, SH.resultSeverity, check.severity))
        if check.constraint is not None:
            graph.add((node, SH.sourceConstraint, check.constraint))
        if f.value is not None:
            graph.add((node, SH.value, to_rdflib(f.value)))
        path = to_rdflib(f.path) if f.path is not None else check.path
        if path is not None:
            graph.add((node, SH.resultPath, path))
            _copy(shapes, path, graph, copied)
        if f.message is not None:
            graph.add((node, SH.resultMessage, to_rdflib(f.message)))
        else:
            for message in check.messages or (Literal(default_message(check.component)),):
                graph.add((node, SH.resultMessage, message))
    graph.add((head, SH.conforms, Literal(not any_result)))
    return graph


def _copy(shapes: Graph, node: Node, graph: Graph, copied: set[Node]) -> None:
    """Copy the blank-node structure of a path (lists, inverse paths, ...) into the report."""
    if not isinstance(node, BNode) or node in copied:
        return
    copied.add(node)
    for p, o in shapes.predicate_objects(node):
        graph.add((node, p, o))
        _copy(shapes, o, graph, copied)


def default_message(component: Node) -> str:
    """The message of a result whose shape gives none (pySHACL's wording)."""
    name = str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return f"Value does not satisfy the {name} constraint"


def report_ntriples(found: Iterable[Found], shapes: Graph) -> bytes:
    """:func:`report_graph` as N-Triples, written without rdflib: the same triples, blank nodes named as there
    (the shapes' own for shapes and paths; ``_:kgr<n>`` for the report and its results)."""
    from kg import ntriples as nt

    lines: list[str] = []
    head = "_:kgr0"
    lines.append(f"{head} {_NT['type']} {_NT['ValidationReport']} .\n")
    copied: set[Node] = set()
    n = 0
    for f in found:
        n += 1
        node, check = f"_:kgr{n}", f.check
        lines += (
            f"{head} {_NT['result']} {node} .\n",
            f"{node} {_NT['type']} {_NT['ValidationResult']} .\n",
            f"{node} {_NT['focusNode']} {f.focus} .\n",
            f"{node} {_NT['sourceShape']} {nt.from_rdflib(check.shape)} .\n",
            f"{node} {_NT['sourceConstraintComponent']} {nt.from_rdflib(check.component)} .\n",
            f"{node} {_NT['resultSeverity']} {nt.from_rdflib(check.severity)} .\n",
        )
        if check.constraint is not None:
            lines.append(f"{node} {_NT['sourceConstraint']} {nt.from_rdflib(check.constraint)} .\n")
        if f.value is not None:
            lines.append(f"{node} {_NT['value']} {f.value} .\n")
        if f.path is not None:
            lines.append(f"{node} {_NT['resultPath']} {f.path} .\n")
            _copy_lines(shapes, to_rdflib(f.path), lines, copied)
        elif check.path is not None:
            lines.append(f"{node} {_NT['resultPath']} {nt.from_rdflib(check.path)} .\n")
            _copy_lines(shapes, check.path, lines, copied)
        if f.message is not None:
            lines.append(f"{node} {_NT['resultMessage']} {f.message} .\n")
        else:
            for message in check.messages or (Literal(default_message(check.component)),):
                lines.append(f"{node} {_NT['resultMessage']} {nt.from_rdflib(message)} .\n")
    lines.append(f"{head} {_NT['conforms']} {nt.from_rdflib(Literal(n == 0))} .\n")
    return "".join(lines).encode()


_NT = {name: f"<{SH[name]}>" for name in ("ValidationReport", "ValidationResult", "result", "focusNode",
                                           "sourceShape", "sourceConstraintComponent", "resultSeverity",
                                           "sourceConstraint", "value", "resultPath", "resultMessage", "conforms")}
_NT["type"] = f"<{RDF.type}>"


def _copy_lines(shapes: Graph, node: Node, lines: list[str], copied: set[Node]) -> None:
    """:func:`_copy` as N-Triples lines."""
    from kg import ntriples as nt

    if not isinstance(node, BNode) or node in copied:
        return
    copied.add(node)
    for p, o in shapes.predicate_objects(node):
        lines.append(f"{nt.from_rdflib(node)} {nt.from_rdflib(p)} {nt.from_rdflib(o)} .\n")
        _copy_lines(shapes, o, lines, copied)
