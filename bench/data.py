"""The data of each size: an N-Quads dump built from the ingested records, and its bulk load.

A store of N triples holds the reference graphs (``kgg:meta``, the ontology, the registry in ``kgg:actors``)
and article graphs (with their actor facts in ``kgg:actors``) mapped by ``kg.mapping.map_records`` from
the records the staged ingest run extracted, in order, and the summary graph ``kgg:summary`` ingest would keep
for them (``kg.summary``: the ties of every article graph, written once at the end). When there are fewer
articles than N needs, the records are mapped again under distinct article URLs (``…?kgcopy=K``), so each
copy is a named graph of its own with the same statements, meetings and predictions (the actors are shared
across copies, as they are across real articles).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox


def build(params: dict[str, Any]) -> dict[str, Any]:
    """Write ``dump`` (N-Quads) holding at least ``target`` quads; report how it was made."""
    from collections import Counter

    from kg import summary
    from kg.mapping import map_records
    from kg.records import Records
    from kg.store.meta import meta_quads
    from kg.store.writer import reference_quads

    work = Path(params["work"])
    target = params["target"]
    out = Path(params["dump"])
    records = [
        Records.from_dict(json.loads(line))
        for line in (work / "records.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not records:
        return {"error": "the staged ingest run accepted no article"}
    t0 = time.perf_counter()
    quads = 0
    graphs = 0
    copies = 0
    ties: Counter[tuple[str, str, str]] = Counter()
    tmp = out.with_suffix(".tmp")
    with tmp.open("wb") as f:
        for batch in [meta_quads(), *(q for _stamp, q in reference_quads().values())]:
            ox.serialize(batch, f, ox.RdfFormat.N_QUADS)
            quads += len(batch)
        copy = 0
        while quads + summary.QUADS_PER_TIE * len(ties) < target:  # the summary graph counts towards the size
            for r in records:
                if quads + summary.QUADS_PER_TIE * len(ties) >= target:
                    break
                if copy and r.article.url:  # a query parameter: the canonical URL keeps it (not a fragment)
                    url = r.article.url.split("kgcopy=")[0].rstrip("?&")
                    r.article.url = f"{url}{'&' if '?' in url else '?'}kgcopy={copy}"
                mapped = map_records(r)
                batch = mapped.quads()
                ox.serialize(batch, f, ox.RdfFormat.N_QUADS)
                ties.update(summary.ties(mapped.triples))
                quads += len(batch)
                graphs += 1
            copy += 1
            copies = copy
        tie_quads = summary.quads(ties)
        ox.serialize(tie_quads, f, ox.RdfFormat.N_QUADS)
        quads += len(tie_quads)
    tmp.replace(out)
    return {
        "quads": quads,
        "article_graphs": graphs,
        "distinct_articles": min(graphs, len(records)),
        "copies": copies,
        "summary_quads": len(tie_quads),
        "bytes": out.stat().st_size,
        "seconds": time.perf_counter() - t0,
    }


def load(params: dict[str, Any]) -> dict[str, Any]:
    """Bulk-load the dump into a fresh on-disk store (``pyoxigraph.Store.bulk_load``)."""
    from kg.store.oxigraph import OxigraphStore

    store_dir = Path(params["store"])
    shutil.rmtree(store_dir, ignore_errors=True)
    store = OxigraphStore(store_dir)
    t = time.perf_counter()
    store.bulk_load(Path(params["dump"]), ox.RdfFormat.N_QUADS)
    seconds = time.perf_counter() - t
    t = time.perf_counter()
    store.raw.optimize()
    optimize = time.perf_counter() - t
    quads = len(store)
    store.close()
    return {"quads": quads, "seconds": seconds, "triples_per_s": quads / seconds, "optimize_seconds": optimize}
