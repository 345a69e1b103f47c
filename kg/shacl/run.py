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

from kg.errors import ShapesUnsupported
from kg.shacl.compile import Check, Program

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass(frozen=True)
class Found:
    """One violation of one check: the focus node, the value node, and a path or message the query gave."""

    check: Check
    focus: OxTerm
    value: OxTerm | None = None
    path: OxTerm | None = None  # ?path of a SPARQL-based constraint
    message: OxTerm | None = None  # ?message of a SPARQL-based constraint


def dataset(triples: Iterable[ox.Triple | ox.Quad]) -> ox.Store:
    """A fresh in-memory store holding *triples* (or the triples of quads) in its default graph."""
    store = ox.Store()
    store.extend(
        ox.Quad(t.subject, t.predicate, t.object) for t in triples  # type: ignore[arg-type]
    )
    return store


def run(program: Program, store: ox.Store) -> list[Found]:
    """Every violation of *program*'s checks in the default graph of *store*."""
    found: dict[tuple[object, ...], Found] = {}
    for check in program.checks:
        try:
            solutions = store.query(check.query)
        except SyntaxError as e:  # a SPARQL constraint whose text Oxigraph does not parse
            raise ShapesUnsupported(f"a check of {check.shape} does not parse as SPARQL: {e}") from None
        assert isinstance(solutions, ox.QuerySolutions)
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
    return list(found.values())


def _term(value: object) -> OxTerm | None:
    return value if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal) else None
