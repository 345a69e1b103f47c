"""``python -m bench [--quick] [--sizes 10k,100k,1M] [--out bench/results]``: run, then write the tables.

Every measurement runs in a child process of its own (bench/runner.py); a measurement that cannot run yet
(a kg module still missing, a failure) is skipped with its reason printed and recorded in the results.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench import machine, report
from bench.plan import Plan, parse_size, size_label
from bench.query import RESUME
from bench.runner import ChildResult, run_child

ROOT = Path(__file__).resolve().parent.parent


class Run:
    """One benchmark run: the plan, the results so far, and how to launch a measurement."""

    def __init__(self, plan: Plan, work: Path, out: Path) -> None:
        self.plan = plan
        self.work = work
        self.out = out
        self.results: dict[str, Any] = {
            "machine": machine.describe(),
            "plan": {k: v for k, v in vars(plan).items() if k != "notes"},
            "ingest": {},
            "sizes": {},
            "skipped": [],
            "children": [],
        }

    def child(
        self, kind: str, tag: str, params: dict[str, Any], *, timeout: float | None = None, quiet: bool = False
    ) -> ChildResult:
        print(f"bench: {tag} ...", file=sys.stderr, flush=True)
        params = {"tag": tag, "seed": self.plan.seed, "work": str(self.work), **params}
        if self.plan.profile:
            params["profile"] = str(self.out / "profiles" / f"{tag}.txt")
            (self.out / "profiles").mkdir(parents=True, exist_ok=True)
        r = run_child(kind, params, self.work / "children", timeout=timeout or self.plan.child_timeout)
        self.results["children"].append(
            {"tag": tag, "kind": kind, "ok": r.ok and not r.error, "seconds": round(r.seconds, 2),
             "peak_rss_mb": round(r.peak_rss_mb, 1), "error": r.error}
        )
        if (r.error or not r.ok) and not quiet:
            reason = r.error or "failed"
            print(f"bench: SKIPPED {tag}: {reason}", file=sys.stderr, flush=True)
            self.results["skipped"].append({"measurement": tag, "reason": reason})
        else:
            print(f"bench: {tag} done in {r.seconds:.1f} s, peak RSS {r.peak_rss_mb:.0f} MB",
                  file=sys.stderr, flush=True)
        r.data["peak_rss_mb"] = r.peak_rss_mb
        r.data["wall_seconds"] = r.seconds
        return r

    def ingest(self) -> bool:
        p = self.plan
        staged = self.child("ingest-staged", "ingest-staged", {
            "target": p.ingest_target, "min_articles": p.ingest_min_articles, "max_articles": p.ingest_max_articles,
        })
        self.results["ingest"]["staged"] = staged.data
        if not staged.ok or staged.error:
            return False
        for w in p.workers:
            self.results["ingest"][f"workers{w}"] = self.pipeline(w)
        return True

    def pipeline(self, workers: int) -> dict[str, Any]:
        """``kg.ingest.ingest`` end to end, ``pipeline_repeats`` times, each in a new child (a cold start, as a
        user's ``kg ingest``) and a new store: the run of median speed, with every run's articles/s (the CPU
        time of the same work varies by up to ~20% from second to second on this kind of virtual machine)."""
        runs = []
        for i in range(self.plan.pipeline_repeats):
            tag = f"ingest-pipeline-w{workers}" + (f"-{i + 1}" if i else "")
            runs.append(self.child("ingest-pipeline", tag, {"workers": workers,
                                                             "articles": self.plan.pipeline_articles}).data)
        done = sorted((r for r in runs if "articles_per_s" in r), key=lambda r: r["articles_per_s"])
        if not done:
            return runs[0]
        return {**done[(len(done) - 1) // 2], "runs_articles_per_s": [r.get("articles_per_s") for r in runs]}

    def size(self, n: int) -> None:
        p = self.plan
        label = size_label(n)
        res: dict[str, Any] = {"target": n}
        self.results["sizes"][label] = res
        d = self.work / label
        d.mkdir(parents=True, exist_ok=True)
        dump, store = d / "dump.nq", d / "store"
        build = self.child("build", f"{label}/build", {"target": n, "dump": str(dump)})
        res["build"] = build.data
        if build.error or not build.ok:
            return
        load = self.child("load", f"{label}/load", {"dump": str(dump), "store": str(store)})
        res["load"] = load.data
        if load.error or not load.ok:
            return
        answers = d / "answers.json"
        partial = d / "query-kg.partial.json"
        partial.unlink(missing_ok=True)
        qparams = {"store": str(store), "answers": str(answers), "partial": str(partial), "runs": p.query_runs,
                   "budget": p.query_budget, "limit": p.query_limit}
        qk = self.child("query-kg", f"{label}/query-kg", qparams, quiet=True)
        while qk.returncode == RESUME:  # a case ran past the limit: carry on after it
            self.results["children"][-1]["error"] = "a query ran past the time limit (resumed)"
            qk = self.child("query-kg", f"{label}/query-kg", qparams, quiet=True)
        if qk.error:
            self._skip(f"{label}/query-kg", qk.error)
        peak = max(c["peak_rss_mb"] for c in self.results["children"] if c["tag"] == f"{label}/query-kg")
        qk.data["peak_rss_mb"] = peak
        res["query_kg"] = qk.data
        baseline = n <= p.rdflib_max
        if not baseline:
            self._skip(f"{label}/query-rdflib", f"rdflib baseline only up to {size_label(p.rdflib_max)} triples "
                       "(rdflib in memory needs ~2 KB per triple and minutes to parse)")
        elif qk.ok and not qk.error:
            qr = self.child("query-rdflib", f"{label}/query-rdflib", {
                "dump": str(dump), "answers": str(answers), "kg": qk.data, "runs": p.rdflib_runs,
                "budget": p.rdflib_budget, "limit": p.rdflib_limit,
            })
            res["query_rdflib"] = qr.data
        sh = self.child("shacl", f"{label}/shacl", {
            "store": str(store), "incremental": p.shacl_incremental, "batch": p.shacl_batch, "limit": p.shacl_limit,
            "whole": baseline,
        })
        res["shacl"] = sh.data
        if not baseline:
            self._skip(f"{label}/shacl whole store", "whole-store SHACL only up to "
                       f"{size_label(p.rdflib_max)} triples (pyshacl works on an in-memory rdflib graph)")
        formats = None if baseline else list(p.large_export_formats)  # JSON-LD and RDF/XML up to rdflib_max
        ek = self.child("export-kg", f"{label}/export-kg", {"store": str(store), "out": str(d / "export"),
                                                            "formats": formats})
        res["export_kg"] = ek.data
        if baseline:
            er = self.child("export-rdflib", f"{label}/export-rdflib", {
                "dump": str(dump), "out": str(d / "export"), "limit": p.export_limit,
            })
            res["export_rdflib"] = er.data
        else:
            self._skip(f"{label}/export-rdflib", f"rdflib baseline only up to {size_label(p.rdflib_max)} triples")

    def _skip(self, what: str, reason: str) -> None:
        print(f"bench: SKIPPED {what}: {reason}", file=sys.stderr, flush=True)
        self.results["skipped"].append({"measurement": what, "reason": reason})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes and few repetitions (< 2 minutes)")
    ap.add_argument("--sizes", help="comma-separated store sizes in triples, e.g. 10k,100k,1M")
    ap.add_argument("--out", help="where latest.md/latest.json go (default bench/results, quick: bench/results/quick)")
    ap.add_argument("--work", help="scratch folder for corpora, dumps and stores (default bench/.work/…)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (same seed, same articles)")
    ap.add_argument("--profile", action="store_true", help="write a pyinstrument profile of every child")
    ap.add_argument("--render", action="store_true", help="only rewrite OUT/latest.md from OUT/latest.json")
    ap.add_argument("--only-ingest", action="store_true",
                    help="run the ingest measurements only and merge them into OUT/latest.json")
    args = ap.parse_args(argv)
    sizes = tuple(sorted(parse_size(s) for s in args.sizes.split(","))) if args.sizes else None
    plan = Plan.make(quick=args.quick, sizes=sizes, seed=args.seed, profile=args.profile)
    out = Path(args.out) if args.out else ROOT / "bench" / "results" / ("quick" if plan.quick else "")
    out.mkdir(parents=True, exist_ok=True)
    work = Path(args.work) if args.work else ROOT / "bench" / ".work" / ("quick" if plan.quick else "full")
    work.mkdir(parents=True, exist_ok=True)
    if args.render:
        results = json.loads((out / "latest.json").read_text())
        results["targets"] = report.targets(results)
        (out / "latest.json").write_text(json.dumps(results, indent=2, default=str))
        (out / "latest.md").write_text(report.markdown(results))
        print(report.markdown(results))
        return 0
    run = Run(plan, work, out)
    started = time.perf_counter()
    if args.only_ingest:
        previous = json.loads((out / "latest.json").read_text())
        run.ingest()
        fresh = run.results
        previous["ingest"] = fresh["ingest"]
        previous["children"] = [c for c in fresh["children"]] + [
            c for c in previous["children"] if not c["tag"].startswith("ingest-")]
        previous["skipped"] = [s for s in previous["skipped"] if not s["measurement"].startswith("ingest-")]
        previous["skipped"] += fresh["skipped"]
        previous["ingest_machine"] = fresh["machine"]
        run.results = previous
    elif run.ingest():
        for n in plan.sizes:
            run.size(n)
    else:
        run._skip("all sizes", "the staged ingest run failed, so there are no records to build stores from")
    run.results["elapsed_seconds"] = round(time.perf_counter() - started, 1) + (
        run.results.get("elapsed_seconds", 0) if args.only_ingest else 0)
    run.results["targets"] = report.targets(run.results)
    text = report.markdown(run.results)
    (out / "latest.json").write_text(json.dumps(run.results, indent=2, default=str))
    (out / "latest.md").write_text(text)
    print(text)
    print(f"bench: finished in {run.results['elapsed_seconds']} s; results in {out}/latest.md and latest.json",
          file=sys.stderr)
    return 0
