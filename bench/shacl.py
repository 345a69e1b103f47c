"""SHACL validation: the whole store graph by graph (``kg.validate.validate_store``), and new articles in
batches as ingest validates them (``kg.validate.validate_articles``: one SHACL run per batch). Both with kg's
default engine (``fast``: the shapes as SPARQL queries run by pyoxigraph) and with pySHACL for comparison
(whole store with pySHACL only up to ``pyshacl_max`` triples: it takes ~25 µs per triple)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.corpus import generate_article, render
from bench.timing import Deadline, deadline

if TYPE_CHECKING:
    from kg.validate import Engine


def run(params: dict[str, Any]) -> dict[str, Any]:
    """Validate ``incremental`` new articles alone and ``batch`` in one call, then the store of one size.

    The batch is timed in CPU seconds too (``batch_cpu_seconds``): on a shared machine they say more than
    the wall time.
    """
    import resource

    from kg.ingest import extract_file
    from kg.mapping import map_records
    from kg.validate import fast_program, load_shapes, validate_articles

    out: dict[str, Any] = {}
    fast_program(load_shapes())  # shapes parsed and compiled once per process; not part of any figure
    work = Path(params["work"])
    new_dir = work / "new-articles"
    new_dir.mkdir(parents=True, exist_ok=True)
    mapped = []
    alone, size = params["incremental"], params.get("batch", params["incremental"])
    for i in range(max(alone, size) + 1):
        p = new_dir / f"new_{i:04d}.txt"
        p.write_text(render(generate_article(1_000_000 + i, seed=params["seed"])), encoding="utf-8")
        mapped.append(map_records(extract_file(p)))
    runs: tuple[tuple[Engine, str], ...] = (("fast", "incremental"), ("pyshacl", "incremental_pyshacl"))
    for engine, key in runs:
        validate_articles(mapped[:1], engine=engine)  # warm-up: first-call costs
        times = []
        for m in mapped[1:alone + 1]:
            t = time.perf_counter()
            validate_articles([m], engine=engine)
            times.append(time.perf_counter() - t)
        batch = mapped[1:size + 1]
        t, cpu = time.perf_counter(), time.process_time()
        reports = validate_articles(batch, engine=engine)
        batch_seconds, batch_cpu = time.perf_counter() - t, time.process_time() - cpu
        out[key] = {
            "articles": len(times),
            "median_ms": statistics.median(times) * 1000,
            "max_ms": max(times) * 1000,
            "batch_articles": len(batch),
            "batch_seconds": batch_seconds,
            "batch_cpu_seconds": batch_cpu,
            "batch_ms_per_article": batch_seconds * 1000 / len(batch),
            "triples_per_article": statistics.mean(len(m) for m in batch),
            "conforms": all(r.conforms for r in reports),
            "results": sum(len(r.results) for r in reports),
        }
    if params.get("whole", True):
        out.update(_whole(params, "fast"))
        out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if out.get("triples", 0) <= params.get("pyshacl_max", 100_000):
            out["pyshacl"] = _whole(params, "pyshacl")
    return out


def _whole(params: dict[str, Any], engine: Engine) -> dict[str, Any]:
    from kg.store.oxigraph import OxigraphStore
    from kg.validate import validate_store

    store = OxigraphStore(Path(params["store"]), read_only=True)
    out: dict[str, Any] = {"triples": len(store)}
    try:
        with deadline(params["limit"]):
            t = time.perf_counter()
            report = validate_store(store, engine=engine)
            out["whole_seconds"] = time.perf_counter() - t
        out["conforms"] = report.conforms
        out["violations"] = len(report.violations)
        out["warnings"] = len(report.warnings)
    except Deadline as e:
        out["whole_timeout"] = str(e)
        out["whole_timeout_s"] = params["limit"]
    finally:
        store.close()
    return out
