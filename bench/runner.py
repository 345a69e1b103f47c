"""Run one measurement in a child process; give back its result, wall time and peak memory.

Each measurement kind runs in a fresh ``python -m bench.child KIND`` so that its peak RSS is its own. Peak
memory is the larger of the child's ``ru_maxrss`` (from ``wait4``, which also covers the children it waited
for) and the largest total RSS of the child and all its descendants sampled from /proc every 0.1 s (what
matters when extraction runs in a pool of worker processes).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass
class ChildResult:
    """What one measurement child gave back."""

    kind: str
    ok: bool
    data: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    error: str | None = None
    returncode: int | None = None


def _tree_rss_kb(root: int) -> int:
    """Total RSS of ``root`` and its descendants (0 when /proc cannot be read)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            statm = Path(entry.path, "statm").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        rss[pid] = int(statm.split()[1]) * PAGE_KB
    total, todo = 0, [root]
    seen = set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        todo.extend(c for c, p in parents.items() if p == pid)
    return total


def run_child(kind: str, params: dict[str, Any], workdir: Path, *, timeout: float) -> ChildResult:
    """Run measurement ``kind`` with ``params`` in a child process (killed after ``timeout`` seconds)."""
    workdir.mkdir(parents=True, exist_ok=True)
    tag = params.get("tag", kind)
    pfile = workdir / f"{tag}.params.json"
    ofile = workdir / f"{tag}.out.json"
    pfile.parent.mkdir(parents=True, exist_ok=True)
    pfile.write_text(json.dumps(params))
    ofile.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.child", kind, str(pfile), str(ofile)],
        cwd=Path(__file__).resolve().parent.parent,
        stdout=sys.stderr,  # progress of the child goes with the parent's diagnostics, not the table
    )
    peak_kb = 0
    status = None
    rusage = None
    next_sample = 0.0
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        now = time.perf_counter()
        if now >= next_sample:
            peak_kb = max(peak_kb, _tree_rss_kb(proc.pid))
            next_sample = now + 0.1 if now - start < 10 else now + 0.5
        if now - start > timeout:
            proc.kill()
            _, status, rusage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return ChildResult(kind, False, seconds=now - start, peak_rss_mb=peak_kb / 1024,
                               error=f"killed after the {timeout:.0f} s time limit")
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    peak_mb = max(peak_kb, rusage.ru_maxrss if rusage else 0) / 1024
    if proc.returncode != 0 or not ofile.exists():
        return ChildResult(kind, False, seconds=seconds, peak_rss_mb=peak_mb,
                           error=f"child exited with code {proc.returncode}", returncode=proc.returncode)
    data = json.loads(ofile.read_text())
    return ChildResult(kind, True, data=data, seconds=seconds, peak_rss_mb=peak_mb, error=data.get("error"),
                       returncode=0)
