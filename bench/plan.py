"""What a run measures: sizes, article counts, repetitions and time limits for full and quick runs."""

from __future__ import annotations

from dataclasses import dataclass, field

FULL_SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
QUICK_SIZES = (10_000,)


def parse_size(text: str) -> int:
    """``10k`` -> 10000, ``1M`` -> 1000000, ``250000`` -> 250000."""
    t = text.strip().lower().replace("_", "")
    factor = {"k": 1_000, "m": 1_000_000}.get(t[-1:], 1)
    return int(float(t[:-1] if factor > 1 else t) * factor)


def size_label(n: int) -> str:
    """1000000 -> ``1M``, 100000 -> ``100k``."""
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1_000 and n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


@dataclass
class Plan:
    """Settings of one run."""

    quick: bool
    sizes: tuple[int, ...]
    seed: int = 0
    ingest_target: int = 100_000  # triples the staged ingest run reaches (the stores are built from it)
    ingest_min_articles: int = 200
    ingest_max_articles: int = 5_000
    pipeline_articles: int | None = None  # how many of them kg.ingest.ingest runs on (None: all)
    pipeline_repeats: int = 3  # end-to-end runs per worker count (the median is reported)
    rdflib_max: int = 1_000_000  # larger sizes: no rdflib baseline, no whole-store SHACL (memory and time)
    # runs per query case: a case stops repeating once its budget is spent (a slow case runs once after its
    # warm-up), so the query children of a full run stay within minutes on 2 idle cores (docs/benchmarks.md)
    query_runs: int = 15
    query_budget: float = 4.0
    query_limit: float = 60.0  # a kg query case still running after this is recorded as a timeout
    rdflib_runs: int = 5
    rdflib_budget: float = 8.0
    rdflib_limit: float = 30.0
    shacl_incremental: int = 20  # new articles validated one by one
    shacl_batch: int = 50  # new articles validated in one call (the target's batch)
    shacl_limit: float = 600.0
    export_limit: float = 300.0
    large_export_formats: tuple[str, ...] = ("nquads", "turtle")  # above rdflib_max: the formats with targets
    child_timeout: float = 3600.0
    workers: tuple[int, ...] = (1, 2)
    profile: bool = False
    notes: list[str] = field(default_factory=list)

    @classmethod
    def make(cls, *, quick: bool, sizes: tuple[int, ...] | None, seed: int = 0, profile: bool = False) -> Plan:
        if quick:
            chosen = sizes or QUICK_SIZES
            return cls(
                quick=True, sizes=chosen, seed=seed, profile=profile,
                ingest_target=min(max(chosen), 100_000), ingest_min_articles=25, ingest_max_articles=25,
                pipeline_articles=25, pipeline_repeats=1,
                query_runs=5, query_budget=1.0, query_limit=10.0, rdflib_runs=3, rdflib_budget=2.0, rdflib_limit=5.0,
                shacl_incremental=5, shacl_batch=10, shacl_limit=60.0, export_limit=60.0, child_timeout=600.0,
            )
        chosen = sizes or FULL_SIZES
        return cls(quick=False, sizes=chosen, seed=seed, profile=profile,
                   ingest_target=min(max(chosen), 100_000))
