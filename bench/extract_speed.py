"""Extraction speed: articles per second on the seed article repeated to about 1,000 words.

Run: ``.venv/bin/python bench/extract_speed.py [--seconds 5]``. The registry and hedge scheme are loaded
once before timing (as in a long-running ingest).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.extract import extract, load_registry
from kg.records import ArticleRecord

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4f70852738a6ae05.txt"


def article(words: int = 1000) -> ArticleRecord:
    """The seed text repeated (paragraph by paragraph) until it holds at least *words* words."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    out: list[str] = []
    while sum(len(p.split()) for p in out) < words:
        out.append(paragraphs[len(out) % len(paragraphs)])
    return ArticleRecord(text="\n\n".join(out), published="2018-08-27")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to run")
    args = parser.parse_args()
    art = article()
    load_registry()
    extract(art)  # warm caches (compiled patterns, hedge scheme)
    n, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < args.seconds:
        extract(art)
        n += 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    words = len(art.text.split())
    print(f"{n / cpu:.1f} articles/s per core (CPU time; {n / elapsed:.1f}/s wall clock), {words} words each, {n} runs")


if __name__ == "__main__":
    main()
