"""Ingest measurements: the pipeline stage by stage on one core, and ``kg.ingest`` end to end.

The staged run calls the real ``kg.ingest.ingest`` (``workers=1``) one batch of ``kg.ingest.BATCH`` files at
a time and reads the clock it keeps per stage (read, extract, map, validate, store:
``IngestResult.stages()``). Afterwards, untimed, it extracts the records of every file again and writes them
to a JSON-lines file, from which the stores of every size are built (bench/data.py).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

from bench.corpus import fingerprint, write_corpus

STAGES = ("read", "extract", "map", "validate", "store")


def staged(params: dict[str, Any]) -> dict[str, Any]:
    """Ingest the corpus until the store holds ``target`` triples (and at least ``min_articles`` articles)."""
    from kg.ingest import BATCH, extract_file, ingest
    from kg.store.oxigraph import OxigraphStore
    from kg.store.writer import ensure_reference

    work = Path(params["work"])
    corpus = work / f"corpus-{fingerprint(params['seed'])}"  # a registry edit changes the texts
    store_dir = work / "ingest-staged-store"
    shutil.rmtree(store_dir, ignore_errors=True)
    store = OxigraphStore(store_dir)
    t0 = time.perf_counter()
    ensure_reference(store)
    setup = time.perf_counter() - t0
    reference = len(store)
    clocks = dict.fromkeys(STAGES, 0.0)
    counts = {"articles": 0, "refused": 0, "failed": 0, "triples": 0, "statements": 0, "meetings": 0,
              "predictions": 0, "actors": 0, "mentions": 0, "words": 0, "triples_all": 0}
    used: list[str] = []
    records_out = (work / "records.jsonl").open("w", encoding="utf-8")
    batch_no = 0
    size = min(BATCH, params["max_articles"])
    while reference + counts["triples_all"] < params["target"] or counts["articles"] < params["min_articles"]:
        if counts["articles"] >= params["max_articles"]:
            break
        files = write_corpus(corpus, (batch_no + 1) * size, seed=params["seed"], include_seed=True)
        seen = set(used)
        chunk = [p for p in files if str(p) not in seen][: min(size, params["max_articles"] - counts["articles"])]
        batch_no += 1
        if not chunk:
            break
        used += [str(p) for p in chunk]

        result = ingest(store, chunk)  # the real pipeline, one transaction for the batch
        for stage, seconds in result.stages().items():
            clocks[stage] += seconds
        counts["failed"] += len(result.failed)
        counts["refused"] += len(result.refused)
        for o in result.refused[:3]:
            print(f"bench: refused {o.path}: {o.report.to_text()[:600] if o.report else o.message}", flush=True)
        counts["triples_all"] += sum(o.triples for o in result.outcomes)
        counts["triples"] += sum(o.triples for o in result.outcomes)
        for o in result.outcomes:  # untimed: the records build the stores of each size (bench/data.py)
            if o.status == "failed":
                continue
            r = extract_file(o.path)
            records_out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
            counts["statements"] += len(r.statements)
            counts["meetings"] += len(r.meetings)
            counts["predictions"] += len(r.predictions)
            counts["actors"] += len(r.actors)
            counts["mentions"] += sum(len(a.mentions) for a in r.actors)
            counts["words"] += len(r.article.text.split())
        counts["articles"] += len(chunk)
        print(f"bench: ingested {counts['articles']} articles, store {len(store):,} quads", flush=True)
    records_out.close()
    total = sum(clocks.values())
    store_quads = len(store)
    n, tr = counts["articles"], counts["triples"]
    stages = {
        k: {"seconds": v, "share": v / total if total else 0.0, "articles_per_s": n / v if v else None,
            "triples_per_s": tr / v if v else None}
        for k, v in clocks.items()
    }
    store.close()
    (work / "ingest-files.json").write_text(json.dumps(used))
    return {
        "counts": counts,
        "reference_quads": reference,
        "store_quads": store_quads,
        "setup_seconds": setup,
        "seconds": total,
        "articles_per_s": n / total if total else None,
        "triples_per_s": tr / total if total else None,
        "words_per_article": counts["words"] / max(1, n - counts["failed"]),
        "triples_per_article": tr / max(1, n - counts["failed"]),
        "accepted_triples": store_quads - reference,
        "stages": stages,
    }


def pipeline(params: dict[str, Any]) -> dict[str, Any]:
    """``kg.ingest.ingest`` end to end on the staged run's files, with ``workers`` processes."""
    from kg.ingest import ingest
    from kg.store.oxigraph import OxigraphStore

    work = Path(params["work"])
    files = json.loads((work / "ingest-files.json").read_text())[: params.get("articles")]
    store_dir = work / f"ingest-w{params['workers']}-store"
    shutil.rmtree(store_dir, ignore_errors=True)
    store = OxigraphStore(store_dir)
    t = time.perf_counter()
    result = ingest(store, files, workers=params["workers"])
    seconds = time.perf_counter() - t
    triples = sum(o.triples for o in result.ingested)
    quads = len(store)
    store.close()
    shutil.rmtree(store_dir, ignore_errors=True)
    n = len(result.outcomes)
    return {
        "workers": params["workers"],
        "articles": n,
        "ingested": len(result.ingested),
        "refused": len(result.refused),
        "failed": len(result.failed),
        "triples": triples,
        "store_quads": quads,
        "seconds": seconds,
        "articles_per_s": n / seconds,
        "triples_per_s": triples / seconds,
    }
