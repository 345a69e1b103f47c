"""Export to Turtle, N-Quads and JSON-LD: ``kg.export`` (pyoxigraph) against rdflib's serializers.

kg's Turtle is the merge of all named graphs (each triple once); rdflib's Turtle is the same merge built
as one ``Graph`` beforehand (not timed). N-Quads and JSON-LD keep the named graphs on both sides.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.timing import Deadline, deadline

FORMATS = ("nquads", "turtle", "jsonld")


def run_kg(params: dict[str, Any]) -> dict[str, Any]:
    """Time ``kg.export.export`` to a file for each format."""
    from kg.export import export
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(Path(params["store"]), read_only=True)
    out_dir = Path(params["out"])
    out_dir.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"quads": len(store)}
    for fmt in FORMATS:
        path = out_dir / f"kg.{fmt}"
        t = time.perf_counter()
        export(store, fmt, output=path)
        result[fmt] = {"seconds": time.perf_counter() - t, "bytes": path.stat().st_size}
        path.unlink()
    return result


def run_rdflib(params: dict[str, Any]) -> dict[str, Any]:
    """Time rdflib's serializers on the same data (loaded from the N-Quads dump first)."""
    from rdflib import Dataset, Graph

    from kg.namespaces import PREFIXES

    out_dir = Path(params["out"])
    out_dir.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    ds = Dataset()
    ds.parse(params["dump"], format="nquads")
    result: dict[str, Any] = {"load_seconds": time.perf_counter() - t, "quads": len(ds)}
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for fmt in FORMATS:
        path = out_dir / f"rdflib.{fmt}"
        target: Any = ds
        if fmt == "turtle":
            target = Graph()
            for prefix, ns in PREFIXES.items():
                target.bind(prefix, ns)
            for s, p, o, _g in ds.quads((None, None, None, None)):
                target.add((s, p, o))
        try:
            with deadline(params["limit"]):
                t = time.perf_counter()
                target.serialize(destination=str(path), format={"jsonld": "json-ld"}.get(fmt, fmt))
                result[fmt] = {"seconds": time.perf_counter() - t, "bytes": path.stat().st_size}
        except Deadline as e:
            result[fmt] = {"timeout": str(e), "timeout_s": params["limit"]}
        path.unlink(missing_ok=True)
        if fmt == "turtle":
            del target
    return result
