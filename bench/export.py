"""Export to Turtle, N-Quads and JSON-LD: ``kg.export`` (pyoxigraph) against rdflib's serializers.

kg's Turtle is the merge of all named graphs (each triple once); rdflib's Turtle is the same merge built
as one ``Graph`` beforehand (not timed). N-Quads and JSON-LD keep the named graphs on both sides.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from bench.timing import Deadline, deadline

FORMATS = ("nquads", "turtle", "jsonld", "rdfxml")
#: the engine's own serializer for each format (``Store.dump`` on the same store), the limit kg is held to
ENGINE = {"nquads": "N_QUADS", "turtle": "TURTLE", "jsonld": "JSON_LD", "rdfxml": "RDF_XML"}


def run_kg(params: dict[str, Any]) -> dict[str, Any]:
    """Time ``kg.export.export`` to a file for each format."""
    from kg.export import export
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(Path(params["store"]), read_only=True)
    out_dir = Path(params["out"])
    out_dir.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"quads": len(store)}
    for fmt in params.get("formats") or FORMATS:
        path = out_dir / f"kg.{fmt}"
        t = time.perf_counter()
        export(store, fmt, output=path)
        result[fmt] = {"seconds": time.perf_counter() - t, "bytes": path.stat().st_size}
        path.unlink()
        rf = getattr(ox.RdfFormat, ENGINE[fmt])
        t = time.perf_counter()
        if rf.supports_datasets:
            store.raw.dump(str(path), rf)
        else:  # graph formats: the engine serializing every named graph's triples as one graph
            merged = store.raw.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            ox.serialize(merged, str(path), rf)  # type: ignore[arg-type]
        result[fmt]["engine_seconds"] = time.perf_counter() - t
        result[fmt]["engine_ratio"] = result[fmt]["seconds"] / max(result[fmt]["engine_seconds"], 1e-9)
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
        if fmt in ("turtle", "rdfxml"):
            target = Graph()
            for prefix, ns in PREFIXES.items():
                target.bind(prefix, ns)
            for s, p, o, _g in ds.quads((None, None, None, None)):
                target.add((s, p, o))
        try:
            with deadline(params["limit"]):
                t = time.perf_counter()
                target.serialize(destination=str(path), format={"jsonld": "json-ld", "rdfxml": "xml"}.get(fmt, fmt))
                result[fmt] = {"seconds": time.perf_counter() - t, "bytes": path.stat().st_size}
        except Deadline as e:
            result[fmt] = {"timeout": str(e), "timeout_s": params["limit"]}
        path.unlink(missing_ok=True)
        if fmt in ("turtle", "rdfxml"):
            del target
    return result
