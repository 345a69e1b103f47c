"""Unit tests of the pieces under the endpoint: text limits, the federated and dataset checks, format choice,
Host names, the worker pool's limits (in process, no server)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kg.endpoint.guard import allowed_hosts, host_name
from kg.endpoint.protocol import choose_format, format_param, from_params, negotiate
from kg.errors import QueryError, QueryLimitExceeded, QueryRefused, StoreError, UsageError
from kg.querycheck import refuse_federated, unescape, uses_dataset_clause
from kg.querylimits import QueryLimits, check_text, nesting_depth
from kg.querypool import QueryPool
from kg.queryworker import StoreSource
from kg.store import MemoryStore


@pytest.mark.parametrize(("text", "depth"), [
    ("ASK {}", 1),
    ('SELECT * { ?s ?p "(((((" }', 1),
    ("SELECT * { ?s ?p ?o } # ((((((((", 1),
    ("SELECT * { ?s ?p ''' ((( \\''' ((( ''' }", 1),
    ("SELECT * { ?s ?p <http://e.org/a_(b)> }", 2),  # brackets in an IRI count: '<' may be an operator
    ("ASK { FILTER(?a<?b#>\n(((1)))) }", 5),  # '#' inside an IRI-looking span starts no comment
])
def test_nesting_depth(text: str, depth: int) -> None:
    assert nesting_depth(text) == depth


def test_check_text_refuses_size_and_depth() -> None:
    limits = QueryLimits(max_chars=100, max_depth=3)
    check_text("ASK { FILTER((1)) }", limits)
    with pytest.raises(QueryError, match="over the limit of 100"):
        check_text("ASK {}" + " " * 200, limits)
    with pytest.raises(QueryError, match="4 deep"):
        check_text("ASK { FILTER(((1))) }", limits)


@pytest.mark.parametrize("value", [math.nan, math.inf, 0.0, -1.0])
def test_limits_refuse_bad_timeouts(value: float) -> None:
    with pytest.raises(UsageError):
        QueryLimits(timeout=value)


def test_limits_refuse_bad_rows_and_memory() -> None:
    with pytest.raises(UsageError):
        QueryLimits(max_rows=-1)
    with pytest.raises(UsageError):
        QueryLimits(memory_mb=1)
    assert QueryLimits().with_(timeout=5).timeout == 5


@pytest.mark.parametrize(("text", "has"), [
    ("SELECT * FROM <http://g> WHERE { ?s ?p ?o }", True),
    ("select * from named <http://g> { graph ?g { ?s ?p ?o } }", True),
    ("CONSTRUCT { ?s ?p ?o } FROM <http://g> WHERE { ?s ?p ?o }", True),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?from > 1) } # FROM <http://g>", False),
    ("SELECT * WHERE { ?s kg:from ?o . ?o ?p 'FROM <x>' }", False),
    ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", False),
])
def test_dataset_clause(text: str, has: bool) -> None:
    assert uses_dataset_clause(text) is has


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    "select * where { service silent ?e { ?s ?p ?o } values ?e { <http://x/> } }",
    "SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . LATERAL { SERVICE <http://x/> { ?a ?b ?c } } }",  # not SPARQL 1.1: unchecked
])
def test_federated_queries_are_refused(text: str) -> None:
    with pytest.raises(QueryRefused, match="SERVICE"):
        refuse_federated(text)


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { ?s a <http://schema.org/Service> }",
    "SELECT * WHERE { ?s ?p 'customer service' }",
    "SELECT ?service WHERE { ?service ?p ?o }",
    "PREFIX service: <http://e.org/> SELECT * WHERE { ?s service:x ?o }",
])
def test_other_uses_of_the_word_pass(text: str) -> None:
    refuse_federated(text)


def test_unescape() -> None:
    assert unescape("\\u0041\\U00000042") == "AB"


@pytest.mark.parametrize(("value", "graph", "chosen"), [
    ("json", False, "json"), ("srx", False, "xml"), ("text/csv", False, "csv"), ("TSV", False, "tsv"),
    ("json", True, "jsonld"), ("xml", True, "rdfxml"), ("rdf+xml", True, "rdfxml"), ("n3", True, "turtle"),
    ("table", False, None), ("html", True, None), ("", False, None),
])
def test_format_param(value: str, graph: bool, chosen: str | None) -> None:
    assert format_param(value, graph=graph) == chosen


def test_unknown_format_falls_back_to_accept() -> None:
    req = from_params({"query": ["ASK {}"], "format": ["table"], "output": ["xml"]})
    assert choose_format(req, "text/csv", graph=False) == "xml"  # output=xml is known
    req = from_params({"query": ["ASK {}"], "format": ["table"]})
    assert choose_format(req, "text/csv", graph=False) == "csv"
    assert negotiate("image/png", graph=False) is None
    assert negotiate("application/*;q=0.9, text/*;q=0.1", graph=True) in ("jsonld", "ntriples", "rdfxml")


def test_request_parameters() -> None:
    req = from_params({"query": ["ASK {}"], "default-graph-uri": ["http://a", "http://b"],
                       "named-graph-uri": ["http://c"]})
    assert req.default_graphs == ("http://a", "http://b") and req.named_graphs == ("http://c",)
    with pytest.raises(UsageError, match="once"):
        from_params({"query": ["ASK {}", "ASK {}"]})


def test_host_names() -> None:
    assert host_name("LOCALHOST:8080") == "localhost"
    assert host_name("[::1]:7878") == "[::1]"
    hosts = allowed_hosts("127.0.0.1")
    assert {"localhost", "127.0.0.1", "[::1]"} <= hosts and "example.org" not in hosts
    assert "kg.example.org" in allowed_hosts("0.0.0.0", ["kg.example.org:7878"])
    assert "[::1]" in allowed_hosts("::1")


def test_store_source(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no kg store"):
        StoreSource.at(tmp_path / "missing")
    assert StoreSource.at(":memory:").nquads == b""


def test_pool_stops_at_limits_and_keeps_answering() -> None:
    with QueryPool.over(MemoryStore(), workers=2, limits=QueryLimits(timeout=5)) as pool:
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?a { 1 2 3 4 5 6 7 8 9 10 } " + " ".join(
            f"VALUES ?x{i} {{ 1 2 3 4 5 6 7 8 9 10 }}" for i in range(9)) + " }"
        with pytest.raises(QueryLimitExceeded, match="timed out"):
            pool.run(heavy, limits=QueryLimits(timeout=0.5))
        with pytest.raises(UsageError, match="unknown parameter"):
            pool.run("# title: t\n# param: x IRI optional\nSELECT * { ?s ?p $x }", {"y": "http://a"})
        with pytest.raises(QueryRefused):
            pool.run("DROP ALL")
        assert pool.run("SELECT ?x { VALUES ?x { 1 2 3 } }", limits=QueryLimits(max_rows=2)).truncated
        assert pool.run("ASK {}").boolean is True
