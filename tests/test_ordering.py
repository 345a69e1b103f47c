"""kg.ordering: the final ORDER BY done on the decoded rows gives the order the engine gives."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.ordering import split_order, term_key
from kg.queries import bind, get_query, load_queries, run_query
from kg.store import MemoryStore

XSD = "http://www.w3.org/2001/XMLSchema#"


def _params(name: str, store: MemoryStore) -> dict[str, str]:
    q = get_query(name)
    values = dict(q.examples[0]) if q.examples else {}
    return {k: v for k, v in values.items() if q.param(k) and q.param(k).required}  # type: ignore[union-attr]


@pytest.mark.parametrize("name", sorted(n for n, q in load_queries().items() if q.form == "SELECT"))
def test_rows_come_in_the_engines_order(seeded_store: MemoryStore, name: str) -> None:
    q = get_query(name)
    values = _params(name, seeded_store)
    ours = run_query(seeded_store, q, values)
    bound = bind(q, values)
    order = split_order(q.text, frozenset(bound))
    assert order is not None, f"{name} ends with an ORDER BY kg sorts itself"
    engine = seeded_store.query(q.text, substitutions=bound)
    names = [v.value for v in engine.variables]
    theirs = [tuple(s[v] for v in ours.variables) for s in engine]
    assert sorted(map(str, ours.rows)) == sorted(map(str, theirs))  # the same rows
    keys = [ours.variables.index(k) for k, _ in order.keys]
    assert [[str(r[i]) for i in keys] for r in ours.rows] == [[str(r[i]) for i in keys] for r in theirs], names


def test_what_is_left_to_the_engine() -> None:
    assert split_order("SELECT ?a WHERE { ?a <p> ?n } ORDER BY ?a LIMIT 3") is None
    assert split_order("SELECT ?a WHERE { ?a <p> ?n } ORDER BY (?n + 1)") is None
    assert split_order("SELECT ?a WHERE { { SELECT ?a WHERE { ?a <p> ?n } ORDER BY ?a } }") is None
    o = split_order('SELECT ?a WHERE { ?a <p> "}" } ORDER BY DESC(?a) $b # last', frozenset({"b"}))
    assert o is not None and o.keys == [("a", True)] and o.text.endswith('"}" } ')


def test_terms_sort_as_sparql_orders_them() -> None:
    n = [ox.Literal(v, datatype=ox.NamedNode(XSD + t)) for v, t in (("10", "integer"), ("9.5", "decimal"),
                                                                      ("-1E0", "double"))]
    ordered = sorted([ox.Literal("b"), ox.NamedNode("http://z"), None, *n, ox.BlankNode("x"), ox.Literal("a")],
                     key=term_key)
    assert [str(t) if t is not None else None for t in ordered] == [
        None, "_:x", "<http://z>", '"-1E0"^^<http://www.w3.org/2001/XMLSchema#double>',
        '"9.5"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"10"^^<http://www.w3.org/2001/XMLSchema#integer>',
        '"a"', '"b"']


def test_sort_gives_the_order_of_term_keys_on_repeated_and_mixed_columns() -> None:
    import random

    from kg.ordering import Order

    rng = random.Random(7)
    num = [ox.Literal(str(v), datatype=ox.NamedNode(XSD + "integer")) for v in (3, 1, 10, 2)]
    day = [ox.Literal(d, datatype=ox.NamedNode(XSD + "date")) for d in ("2026-01-02", "2025-12-31", "2026-03-01")]
    iri = [ox.NamedNode(f"https://w3id.org/kg/id/actor/a{i}") for i in range(5)]
    mixed = [None, ox.Literal("x"), ox.Literal("x", language="en"), *iri[:2], *num[:2], *day[:1]]
    rows = [(rng.choice(num), rng.choice(day), rng.choice(iri), rng.choice(mixed), i) for i in range(400)]
    variables = ["n", "d", "a", "m", "i"]
    for keys in ([("n", True), ("a", False)], [("d", True), ("n", False)], [("m", False), ("n", True)],
                 [("a", False), ("m", True), ("d", False)]):
        expected = list(rows)
        for name, descending in reversed(keys):
            at = variables.index(name)
            expected.sort(key=lambda r, at=at: term_key(r[at]), reverse=descending)  # type: ignore[misc]
        assert Order("", keys).sort(rows, variables) == expected, keys
