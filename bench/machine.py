"""A description of the machine a benchmark ran on: CPU, cores, memory, OS, Python and package versions."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path

PACKAGES = ("kg", "pyoxigraph", "rdflib", "pyshacl", "owlready2")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def _git() -> str:
    """The commit of the working tree, with '+changes' when it has uncommitted edits."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "kg", "shapes", "queries", "ontology"],
                               cwd=root, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return head.stdout.strip() + (" +changes" if dirty.stdout.strip() else "") if head.returncode == 0 else "unknown"


def describe() -> dict[str, object]:
    """CPU model, cores, RAM, OS, Python and the versions of the packages that matter."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": _ram_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": versions,
        "load_average_at_start": _load(),
        "kg_commit": _git(),
    }


def one_line(m: dict[str, object]) -> str:
    """The description as one Markdown line."""
    pk = m["packages"]
    assert isinstance(pk, dict)
    versions = ", ".join(f"{k} {v}" for k, v in pk.items())
    return (
        f"{m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM; {m['os']}; Python {m['python']}; {versions}; "
        f"kg at {m.get('kg_commit', 'unknown')}; load average at start {m['load_average_at_start']}"
    )
