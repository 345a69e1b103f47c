"""Running compiled shapes (:class:`kg.shacl.compile.Program`) on data held in an in-memory pyoxigraph store.

The data is put into the default graph of a fresh ``pyoxigraph.Store`` (:func:`dataset`): a batch of new
articles on ingest, or one batch of the store's graphs for ``kg validate``. Every check is one SPARQL query;
a result is one row, de-duplicated on what SHACL reports.

Oxigraph keeps literals in canonical form (``"05"^^xsd:nonNegativeInteger`` is stored as ``5``, an
``xsd:integer``): the checks see the data as the store will hold it, and values are reported in that form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib.term import Node

from kg.errors import ShapesUnsupported
from kg.shacl.compile import Check, Program, Screen
from kg.shacl.sparql import INSTANCE

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass(frozen=True)
class Found:
    """One violation of one check: the focus node, the value node, and a path or message the query gave."""

    check: Check
    focus: OxTerm
    value: OxTerm | None = None
    path: OxTerm | None = None  # ?path of a SPARQL-based constraint
    message: OxTerm | None = None  # ?message of a SPARQL-based constraint


def dataset(data: bytes | Iterable[ox.Triple]) -> ox.Store:
    """A fresh in-memory store holding *data* (N-Triples, or pyoxigraph triples) in its default graph.

    Triples go through the engine's own N-Triples writer and parser: ~3x faster than building one
    ``pyoxigraph.Quad`` per triple in Python. The terms come from pyoxigraph, so parsing them again is lenient.
    """
    if not isinstance(data, bytes):
        data = bytes(ox.serialize(list(data), format=ox.RdfFormat.N_TRIPLES) or b"")
    store = ox.Store()
    if data:
        store.load(data, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    return store


def run(program: Program, store: ox.Store) -> list[Found]:
    """Every violation of *program*'s checks in the default graph of *store*.

    First each screen (the shapes of one set of focus nodes) asks which of its shapes some node may break
    (most data breaks none): one pass over the focus nodes for what needs them (a value exists, nested shapes),
    and one pass over each plain property for the rest (a value breaking a condition, two values), asked once
    for every screen sharing it; a screen may flag a shape no focus node breaks, never pass one that some node
    breaks. Then the checks of the flagged shapes, and of the shapes no screen covers, run one by one and name
    the results.
    """
    plain = _plain_types(store)
    passed: set[Node] = set()
    broken: dict[str, bool] = {}  # a pattern on a property several screens share: asked once
    for screen in program.screens:
        failing = _probe(store, screen, plain, broken) if screen.flags else _screen(store, screen, plain)
        passed.update(shape for shape in screen.shapes if shape not in failing)
    found: dict[tuple[object, ...], Found] = {}
    for check in program.checks:
        if check.shape not in passed:
            _collect(check, _query(store, check.query, plain), found)
    return list(found.values())


def _probe(store: ox.Store, screen: Screen, plain: bool, broken: dict[str, bool]) -> set[Node]:
    """The shapes of *screen* that some node may not conform to (a superset: their checks say which do)."""
    ks: set[int] = set()
    if screen.probe:
        solutions = _query(store, screen.probe, plain)
        names = [v.value for v in solutions.variables if v.value != "this"]
        for row in solutions:
            ks.update(int(name[2:]) for name in names if row[name] != _TRUE)
            if len(ks) == len(names):
                break
    for k, pattern in screen.shared:
        if pattern not in broken:
            found = _query(store, f"ASK {{ {pattern} }}", plain)
            broken[pattern] = bool(found)
        if broken[pattern]:
            ks.add(k)
    return {screen.shapes[i] for k in ks for i in screen.flags[k]}


def _screen(store: ox.Store, screen: Screen, plain: bool) -> set[Node]:
    """The shapes of *screen* that some focus node does not conform to."""
    oks = [f"COALESCE({c}, false)" for c in screen.conditions]
    projections = " ".join(f"({ok} AS ?_k{i})" for i, ok in enumerate(oks))
    every = f"COALESCE({screen.all_met}, false)" if screen.all_met else " && ".join(oks)
    query = f"SELECT ?this {projections} WHERE {{ {screen.focus} FILTER(!({every})) }}"
    failing: set[Node] = set()
    for row in _query(store, query, plain):
        for i, shape in enumerate(screen.shapes):
            if row[f"_k{i}"] != _TRUE:
                failing.add(shape)
        if len(failing) == len(screen.shapes):
            break
    return failing


_TRUE = ox.Literal(True)


def _plain_types(store: ox.Store) -> bool:
    """True when the data has no rdfs:subClassOf: a SHACL instance is then what rdf:type says."""
    return not store.query(f"ASK {{ ?a <{RDFS_SUBCLASS}> ?b }}")


RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


def _query(store: ox.Store, query: str, plain: bool) -> ox.QuerySolutions:
    if plain:
        query = query.replace(INSTANCE, f"<{RDF_TYPE}>")
    try:
        solutions = store.query(query)
    except SyntaxError as e:  # a SPARQL constraint whose text Oxigraph does not parse
        raise ShapesUnsupported(f"a check does not parse as SPARQL: {e}") from None
    assert isinstance(solutions, ox.QuerySolutions | ox.QueryBoolean)
    return solutions  # type: ignore[return-value]


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _collect(check: Check, solutions: ox.QuerySolutions, found: dict[tuple[object, ...], Found]) -> None:
    names = {v.value for v in solutions.variables}
    for row in solutions:
        focus = row["this"]
        if focus is None or isinstance(focus, ox.Triple):
            continue
        value = _term(row["value"]) if "value" in names else None
        if check.focus_is_value or (check.constraint is not None and value is None):
            value = focus
        item = Found(
            check=check,
            focus=focus,
            value=value,
            path=_term(row["path"]) if "path" in names else None,
            message=_term(row["message"]) if "message" in names else None,
        )
        found.setdefault((id(check), item.focus, item.value, item.path, item.message), item)


def _term(value: object) -> OxTerm | None:
    return value if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal) else None
