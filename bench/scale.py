"""Figures for docs/scale.md: kg on SPARQL servers and on Dask (``python -m bench.scale [--articles N]``).

1. Articles/s vs workers on the bench corpus: the local process pool and Dask (a local cluster), one writer.
2. Load rate of ~1M triples into each store: embedded bulk load, an in-memory Oxigraph server and Virtuoso
   (both through kg's RemoteStore, GSP POST per graph).
3. Stored-query times on each store at that size (median of 3, main parameter bound).

Servers are started on loopback ports as in the tests (tests/servers.py). Results are printed as Markdown.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402
from kg.cluster import ingest_dask  # noqa: E402
from kg.ingest import ingest  # noqa: E402
from kg.queries import get_query, load_queries, run_query  # noqa: E402
from kg.store import OxigraphStore  # noqa: E402
from kg.store.remote import RemoteStore  # noqa: E402
from tests.servers import free_port, oxigraph_program, virtuoso_server  # noqa: E402


def articles_per_second(files: list[Path], tmp: Path) -> list[tuple[str, int, float]]:
    rows = []
    for engine in ("local", "dask"):
        for workers in (1, 2):
            store = OxigraphStore(tmp / f"s-{engine}-{workers}")
            t = time.perf_counter()
            if engine == "dask":
                result = ingest_dask(store, files, workers=workers)
            else:
                result = ingest(store, files, workers=workers)
            took = time.perf_counter() - t
            store.close()
            rows.append((engine, workers, len(result.ingested) / took))
    return rows


def dataset(files: list[Path], tmp: Path, target: int) -> Path:
    """An N-Quads file of at least *target* quads: the corpus's graphs, copied under new article IRIs."""
    store = OxigraphStore(tmp / "s-local-2")  # what articles_per_second stored last
    base = store.dump(None, ox.RdfFormat.N_QUADS) or b""
    store.close()
    article_part = b"\n".join(line for line in base.splitlines() if b"/graph/article/" in line)
    out = tmp / "data.nq"
    with out.open("wb") as f:
        f.write(base + b"\n")
        copies, total = 0, base.count(b"\n")
        while total < target:
            copies += 1
            f.write(article_part.replace(b"/article/", f"/article/c{copies}-".encode()) + b"\n")
            total += article_part.count(b"\n") + 1
    return out


def query_times(store: Any) -> dict[str, float]:
    """Median milliseconds of each stored query with its example parameters (or none)."""
    times = {}
    for name in sorted(load_queries()):
        q = get_query(name)
        values = dict(q.examples[0]) if q.examples else {}
        runs: list[float] = []
        for _ in range(3):
            t = time.perf_counter()
            try:
                run_query(store, q, values)
            except Exception:  # a query the server refuses is reported as missing, not timed
                runs = []
                break
            runs.append((time.perf_counter() - t) * 1000)
        times[name] = statistics.median(runs) if runs else float("nan")
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--triples", type=int, default=1_000_000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        files = write_corpus(tmp / "corpus", a.articles)
        print("## Articles/s vs workers\n\n| engine | workers | articles/s |\n|---|---|---|")
        for engine, workers, rate in articles_per_second(files, tmp):
            print(f"| {engine} | {workers} | {rate:.1f} |")
        data = dataset(files, tmp, a.triples)
        quads = data.read_bytes().count(b"\n")
        stores: dict[str, Any] = {}
        loads: dict[str, float] = {}
        embedded = OxigraphStore(tmp / "embedded")
        t = time.perf_counter()
        embedded.bulk_load(data, ox.RdfFormat.N_QUADS)
        loads["embedded (bulk_load)"] = time.perf_counter() - t
        stores["embedded"] = embedded
        port = free_port()
        program = oxigraph_program()
        server = subprocess.Popen([program or "oxigraph", "serve", "--bind", f"127.0.0.1:{port}"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1.5)
            ox_remote = RemoteStore(f"http://127.0.0.1:{port}")
            t = time.perf_counter()
            ox_remote.bulk_load(data, ox.RdfFormat.N_QUADS)
            loads["Oxigraph server, in memory (GSP POST)"] = time.perf_counter() - t
            stores["Oxigraph server"] = ox_remote
            with virtuoso_server(tmp / "virtuoso") as url:
                virt = RemoteStore(url)
                t = time.perf_counter()
                virt.bulk_load(data, ox.RdfFormat.N_QUADS)
                loads["Virtuoso (GSP POST)"] = time.perf_counter() - t
                stores["Virtuoso"] = virt
                print(f"\n## Load of {quads:,} quads\n\n| store | seconds | quads/s |\n|---|---|---|")
                for k, v in loads.items():
                    print(f"| {k} | {v:.1f} | {quads / v:,.0f} |")
                timings = {k: query_times(s) for k, s in stores.items()}
                print("\n## Stored queries at that size (median ms of 3, example parameters)\n")
                print("| query | " + " | ".join(timings) + " |\n|---|" + "---|" * len(timings))
                for name in sorted(load_queries()):
                    print(f"| {name} | " + " | ".join(f"{timings[k][name]:.0f}" for k in timings) + " |")
        finally:
            server.terminate()
            server.wait(10)
        embedded.close()


if __name__ == "__main__":
    main()
