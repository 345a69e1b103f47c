"""SHACL validation: the whole store as one rdflib graph, and one new article graph at a time."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from bench.corpus import generate_article, render
from bench.timing import Deadline, deadline


def run(params: dict[str, Any]) -> dict[str, Any]:
    """Validate the store of one size with ``kg.validate.validate``; then ``incremental`` new articles."""
    from kg.ingest import extract_file
    from kg.mapping import to_graph
    from kg.store.oxigraph import OxigraphStore
    from kg.store.terms import to_graph as quads_to_graph
    from kg.validate import load_shapes, validate

    out: dict[str, Any] = {}
    load_shapes()  # parsed once per process; not part of either figure
    work = Path(params["work"])
    new_dir = work / "new-articles"
    new_dir.mkdir(parents=True, exist_ok=True)
    graphs = []
    for i in range(params["incremental"] + 1):
        p = new_dir / f"new_{i:04d}.txt"
        p.write_text(render(generate_article(1_000_000 + i, seed=params["seed"])), encoding="utf-8")
        graphs.append(to_graph(extract_file(p)))
    validate(graphs[0])  # warm-up: first-call costs of pyshacl
    times = []
    for g in graphs[1:]:
        t = time.perf_counter()
        report = validate(g)
        times.append(time.perf_counter() - t)
    out["incremental"] = {
        "articles": len(times),
        "median_ms": statistics.median(times) * 1000,
        "max_ms": max(times) * 1000,
        "triples_per_article": statistics.mean(len(g) for g in graphs[1:]),
        "conforms": report.conforms,
    }
    if params.get("whole", True):
        store = OxigraphStore(Path(params["store"]), read_only=True)
        t = time.perf_counter()
        graph = quads_to_graph(store.quads())
        out["to_rdflib_seconds"] = time.perf_counter() - t
        out["triples"] = len(graph)
        try:
            with deadline(params["limit"]):
                t = time.perf_counter()
                report = validate(graph)
                out["whole_seconds"] = time.perf_counter() - t
            out["conforms"] = report.conforms
            out["violations"] = len(report.violations)
            out["warnings"] = len(report.warnings)
        except Deadline as e:
            out["whole_timeout"] = str(e)
            out["whole_timeout_s"] = params["limit"]
    return out
