"""Stored-query latency: every queries/*.rq on the kg store (pyoxigraph) and on rdflib's in-memory Dataset.

Each query runs with its required parameters bound to values that exist in the data (picked by probe
queries: the busiest speaker, participant and predictor, the article with the most statements, the median
deadline, ...), optional parameters with a default bound to the default, and other optional parameters
unbound; a query with an optional IRI parameter also runs a second case with it bound. Parameters are bound
as RDF terms (pyoxigraph ``substitutions``, rdflib ``initBindings``), never pasted into the text.

Both engines' answers are compared as multisets of rows (terms written the same way, numbers compared as
numbers, GROUP_CONCAT lists compared as sets, blank nodes as ``_:``).
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.timing import Deadline, repeat, summary

ROOT = Path(__file__).resolve().parent.parent
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}

_PARAM = re.compile(r"^#\s*param:\s*(\S+)\s+(\S+)\s+(required|optional)(?:\s+default=(\S+))?", re.MULTILINE)
_CONCAT = re.compile(r"GROUP_CONCAT\([^;]*;\s*separator\s*=\s*\"([^\"]*)\"\s*\)\s+AS\s+\?(\w+)", re.IGNORECASE)


@dataclass
class Param:
    name: str
    type: str  # IRI | string | integer | date | ...
    required: bool
    default: str | None = None


@dataclass
class Query:
    name: str
    text: str
    params: list[Param] = field(default_factory=list)
    stored: Any = None  # the kg.queries.StoredQuery, when kg.queries loaded it


def load() -> tuple[list[Query], str]:
    """The stored queries: through ``kg.queries.load_queries`` when it exists, else from queries/*.rq headers."""
    try:
        from kg.queries import load_queries
    except ImportError as e:
        print(f"bench: kg.queries is not importable ({e}); reading queries/*.rq", flush=True)
    else:
        queries = [
            Query(q.name, q.text, [Param(p.name, p.type, p.required, p.default) for p in q.params], stored=q)
            for q in load_queries().values()
        ]
        return sorted(queries, key=lambda q: q.name), "kg.queries.load_queries"
    queries = []
    for path in sorted((ROOT / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        params = [Param(m[0], m[1], m[2] == "required", m[3]) for m in _PARAM.findall(text)]
        queries.append(Query(path.stem, text, params))
    return queries, "queries/*.rq headers"


# -- choosing parameter values ---------------------------------------------------------------------------

_BUSIEST = {
    "speaker": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?s kg:speaker ?x } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "participant": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?m kg:participant ?x } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "predictor": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?p kg:predictor ?x } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "article": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?s kg:speaker ?sp ; kg:extractedFrom ?x } "
    "GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "prediction": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?x a kg:Prediction ; ?p ?o } GROUP BY ?x "
    "ORDER BY DESC(?n) ?x LIMIT 1",
    "node": "SELECT ?x WHERE { ?x a kg:Statement ; kg:span ?sp } ORDER BY ?x LIMIT 1",
    "deadline": "SELECT ?x WHERE { ?p kg:deadline ?x } ORDER BY ?x",
}


_PROBED: dict[str, Any] = {}


def _probe(store: Any, key: str) -> Any:
    """The value of one probe, run once per child (at 10M a probe scans millions of triples)."""
    if key not in _PROBED:
        _PROBED[key] = _probe_once(store, key)
    return _PROBED[key]


def _probe_once(store: Any, key: str) -> Any:
    rows = list(store.query(_BUSIEST[key]))
    if not rows:
        return None
    if key == "deadline":
        return rows[len(rows) // 2][0]
    return rows[0][0]


def choose(store: Any, q: Query) -> list[dict[str, dict[str, str]]]:
    """Binding cases for one query: ``[{param: {"type": ..., "value": ...}}, ...]`` (empty list: cannot run)."""
    import pyoxigraph as ox

    def value_for(p: Param) -> dict[str, str] | None:
        kind = p.type.lower()
        if kind == "iri":
            key = {
                "actor": "participant" if "meeting" in q.name or "network" in q.name else "speaker",
                "predictor": "predictor", "article": "article", "prediction": "prediction", "node": "node",
            }.get(p.name)
            term = _probe(store, key) if key else None
            return {"type": "iri", "value": term.value} if isinstance(term, ox.NamedNode) else None
        if kind == "date":
            term = _probe(store, "deadline")
            return {"type": "date", "value": term.value} if term is not None else {"type": "date",
                                                                                 "value": "2022-12-31"}
        if p.default is not None:
            return {"type": kind, "value": p.default}
        return None

    base: dict[str, dict[str, str]] = {}
    extra: list[dict[str, dict[str, str]]] = []
    for p in q.params:
        if p.required:
            v = value_for(p)
            if v is None:
                return []
            base[p.name] = v
        elif p.default is not None:
            base[p.name] = {"type": p.type.lower(), "value": p.default}
    for p in q.params:
        if not p.required and p.default is None and p.type.lower() == "iri":
            v = value_for(p)
            if v is not None:
                extra.append({**base, p.name: v})
    return [base, *extra]


def _ox_term(b: dict[str, str]) -> Any:
    import pyoxigraph as ox

    if b["type"] == "iri":
        return ox.NamedNode(b["value"])
    if b["type"] in ("integer", "int"):
        return ox.Literal(b["value"], datatype=ox.NamedNode(XSD + "integer"))
    if b["type"] == "date":
        return ox.Literal(b["value"], datatype=ox.NamedNode(XSD + "date"))
    return ox.Literal(b["value"])


def _rdflib_term(b: dict[str, str]) -> Any:
    from rdflib import Literal, URIRef

    if b["type"] == "iri":
        return URIRef(b["value"])
    if b["type"] in ("integer", "int"):
        return Literal(b["value"], datatype=URIRef(XSD + "integer"))
    if b["type"] == "date":
        return Literal(b["value"], datatype=URIRef(XSD + "date"))
    return Literal(b["value"])


# -- rows written the same way for both engines ------------------------------------------------------------

def _norm(kind: str, value: str | None, datatype: str | None = None, lang: str | None = None) -> str | None:
    if kind == "none":
        return None
    if kind == "iri":
        return f"<{value}>"
    if kind == "bnode":
        return "_:"
    if lang:
        return f'"{value}"@{lang.lower()}'
    if datatype in NUMERIC:
        try:
            return f"num:{float(value or 0):.9g}"
        except ValueError:
            pass
    if datatype == XSD + "boolean":
        return "true" if value in ("true", "1") else "false"
    if datatype in (None, XSD + "string"):
        return f'"{value}"'
    return f'"{value}"^^<{datatype}>'


def _ox_norm(t: Any) -> str | None:
    import pyoxigraph as ox

    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return _norm("iri", t.value)
    if isinstance(t, ox.BlankNode):
        return _norm("bnode", None)
    return _norm("lit", t.value, t.datatype.value if t.datatype else None, t.language)


def _rdflib_norm(t: Any) -> str | None:
    from rdflib import BNode, Literal, URIRef

    if t is None:
        return None
    if isinstance(t, URIRef):
        return _norm("iri", str(t))
    if isinstance(t, BNode):
        return _norm("bnode", None)
    assert isinstance(t, Literal)
    return _norm("lit", str(t), str(t.datatype) if t.datatype else None, t.language)


def _concat_sets(text: str) -> dict[str, str]:
    return {var: sep for sep, var in _CONCAT.findall(text)}


def _fix_concat(row: list[str | None], variables: list[str], concat: dict[str, str]) -> list[str | None]:
    out = list(row)
    for i, v in enumerate(variables):
        if v in concat and out[i] is not None and out[i].startswith('"'):  # type: ignore[union-attr]
            inner = out[i][1:-1]  # type: ignore[index]
            out[i] = '"' + concat[v].join(sorted(inner.split(concat[v]))) + '"' if inner else out[i]
    return out


# -- the measurements ---------------------------------------------------------------------------------------

RESUME = 75  # exit code of a query-kg child that gave up on a case: run it again to resume after that case


def run_kg(params: dict[str, Any]) -> dict[str, Any]:
    """Time every stored query on the kg store; write bindings and normalised answers for the rdflib run.

    Oxigraph cannot abort a running query, so a case that runs past ``limit`` seconds is recorded as a
    timeout in the ``partial`` file and the child exits with :data:`RESUME`; the parent starts it again and
    it carries on after that case.
    """
    import os
    import threading

    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(Path(params["store"]), read_only=True)
    queries, source = load()
    if not queries:
        return {"error": "no stored queries in queries/"}
    partial_path = Path(params["partial"])
    state: dict[str, Any] = (
        json.loads(partial_path.read_text()) if partial_path.exists() else {"cases": [], "answers": {}}
    )
    done = {c["query"] for c in state["cases"]}
    if state.get("running") and state["running"] not in done:
        state["cases"].append({"query": state["running"], "base": state["running_base"],
                               "timeout": f"over {params['limit']:g} s", "timeout_s": params["limit"]})
        done.add(state["running"])
    state["running"] = None
    for q in queries:
        cases = choose(store, q)
        if not cases:
            if q.name not in done:
                state["cases"].append({"query": q.name, "skipped": "no value in the data for a required parameter"})
            continue
        for i, binding in enumerate(cases):
            case = q.name if i == 0 else f"{q.name} [{', '.join(k for k in binding if k not in cases[0])}]"
            if case in done:
                continue
            values = {k: v["value"] for k, v in binding.items()}
            subs = {k: _ox_term(v) for k, v in binding.items()}

            def run(q: Query = q, subs: dict[str, Any] = subs, values: dict[str, str] = values) -> Any:
                if q.stored is not None:  # kg's own path: bind, run, collect the rows
                    from kg.queries import run_query

                    return run_query(store, q.stored, values)
                a = store.query(q.text, substitutions=subs)
                if isinstance(a, bool) or not hasattr(a, "__iter__"):
                    return bool(a)
                if hasattr(a, "variables"):
                    names = [v.value for v in a.variables]
                    return names, [{n: s[n] for n in names} for s in a]
                return None, list(a)

            state["running"], state["running_base"] = case, q.name
            partial_path.write_text(json.dumps(state))
            box: dict[str, Any] = {}

            def work(run: Any = run, box: dict[str, Any] = box) -> None:
                try:
                    box["out"] = repeat(run, runs=params["runs"], budget=params["budget"])
                except Exception as e:
                    box["error"] = e

            worker = threading.Thread(target=work, daemon=True)
            worker.start()
            worker.join(params["limit"])
            if worker.is_alive():
                print(f"bench: {case} ran past {params['limit']:g} s; restarting the child after it", flush=True)
                os._exit(RESUME)
            state["running"] = None
            if "error" in box:
                state["cases"].append({"query": case, "error": f"{type(box['error']).__name__}: {box['error']}"})
                continue
            times, result = box["out"]
            rows = _rows_ox(q, result)
            state["answers"][case] = {"variables": _variables_of(result), "rows": rows}
            state["cases"].append({"query": case, "base": q.name, "binding": binding, "rows": _count(rows),
                                   "kg": summary(times)})
    partial_path.unlink(missing_ok=True)
    Path(params["answers"]).write_text(json.dumps(state["answers"]))
    order = [c for q in queries for c in state["cases"] if c.get("base", c["query"]) == q.name]
    return {"source": source, "quads": len(store), "cases": order}


def _variables_of(result: Any) -> list[str] | None:
    """The projected variables of a kg answer (None for ASK and CONSTRUCT)."""
    if hasattr(result, "form"):
        return list(result.variables) if result.form == "SELECT" else None
    if isinstance(result, tuple):
        return result[0]
    return None


def _count(rows: Any) -> int:
    """Rows of an answer (an ASK answer counts as one)."""
    return 1 if isinstance(rows, bool) else len(rows)


def _rows_ox(q: Query, result: Any) -> Any:

    if hasattr(result, "form"):  # a kg.queries.QueryResult
        if result.form == "ASK":
            return bool(result.boolean)
        if result.form == "SELECT":
            result = (result.variables, [dict(zip(result.variables, r, strict=True)) for r in result.rows])
        else:
            result = (None, result.triples)
    if isinstance(result, bool):
        return result
    variables, items = result
    if variables is None:
        return sorted(
            json.dumps([_ox_norm(t.subject), _ox_norm(t.predicate), _ox_norm(t.object)]) for t in items
        )
    concat = _concat_sets(q.text)
    return sorted(
        json.dumps(_fix_concat([_ox_norm(s.get(v)) for v in variables], variables, concat)) for s in items
    )


def run_rdflib(params: dict[str, Any]) -> dict[str, Any]:
    """The same cases on rdflib's in-memory ``Dataset(default_union=True)``; compare the answers."""
    from rdflib import Dataset

    from kg.namespaces import PREFIXES

    kg_out = params["kg"]
    kg_answers = json.loads(Path(params["answers"]).read_text())
    queries = {q.name: q for q in load()[0]}
    t = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(params["dump"], format="nquads")
    load_s = time.perf_counter() - t
    out: dict[str, Any] = {"load_seconds": load_s, "quads": len(ds), "cases": []}
    for case in kg_out["cases"]:
        if "binding" not in case:
            continue  # skipped, failed, or past the time limit on kg: nothing to compare
        q = queries[case["base"]]
        bindings = {k: _rdflib_term(v) for k, v in case["binding"].items()}

        def run(q: Query = q, bindings: dict[str, Any] = bindings) -> Any:
            r = ds.query(q.text, initBindings=bindings, initNs=PREFIXES)
            if r.type == "ASK":
                return r.askAnswer
            return ([str(v) for v in r.vars or []] if r.type == "SELECT" else None, list(r))

        entry: dict[str, Any] = {"query": case["query"]}
        try:
            times, result = repeat(run, runs=params["runs"], budget=params["budget"], limit=params["limit"])
        except Deadline as e:
            entry["timeout"] = str(e)
            entry["timeout_s"] = params["limit"]
            out["cases"].append(entry)
            continue
        except Exception as e:
            entry["error"] = f"{type(e).__name__}: {e}"
            out["cases"].append(entry)
            continue
        entry["rdflib"] = summary(times)
        kg_answer = kg_answers.get(case["query"]) or {}
        # rdflib adds the initBindings variables to the projection: compare on kg's columns
        rows = _rows_rdflib(q, result, kg_answer.get("variables"))
        entry.update(_compare(kg_answer.get("rows"), rows))
        out["cases"].append(entry)
    return out


def _rows_rdflib(q: Query, result: Any, kg_variables: list[str] | None) -> Any:
    if isinstance(result, bool):
        return result
    variables, items = result
    if variables is not None and kg_variables is not None:
        variables = kg_variables
    if variables is None:
        return sorted(json.dumps([_rdflib_norm(x) for x in t]) for t in items)
    concat = _concat_sets(q.text)
    rows = []
    for r in items:
        d = r.asdict()
        rows.append(json.dumps(_fix_concat([_rdflib_norm(d.get(v)) for v in variables], variables, concat)))
    return sorted(rows)


def _compare(kg_rows: Any, rdflib_rows: Any) -> dict[str, Any]:
    if kg_rows is None:
        return {"identical": None}
    if isinstance(kg_rows, bool) or isinstance(rdflib_rows, bool):
        return {"identical": kg_rows == rdflib_rows, "rdflib_rows": 1}
    a, b = Counter(kg_rows), Counter(rdflib_rows)
    if a == b:
        return {"identical": True, "rdflib_rows": len(rdflib_rows)}
    only_kg = list((a - b).elements())[:3]
    only_rdflib = list((b - a).elements())[:3]
    return {
        "identical": False,
        "same_set": set(a) == set(b),
        "rdflib_rows": len(rdflib_rows),
        "only_kg": only_kg,
        "only_rdflib": only_rdflib,
        "only_kg_count": sum((a - b).values()),
        "only_rdflib_count": sum((b - a).values()),
    }
