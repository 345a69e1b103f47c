"""Entry point of one measurement child: ``python -m bench.child KIND PARAMS.json OUT.json``."""

from __future__ import annotations

import json
import resource
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _kinds() -> dict[str, Callable[[dict[str, Any]], dict[str, Any]]]:
    from bench import data, export, ingest, query, shacl

    return {
        "ingest-staged": ingest.staged,
        "ingest-pipeline": ingest.pipeline,
        "build": data.build,
        "load": data.load,
        "query-kg": query.run_kg,
        "query-rdflib": query.run_rdflib,
        "shacl": shacl.run,
        "export-kg": export.run_kg,
        "export-rdflib": export.run_rdflib,
    }


def main(argv: list[str]) -> int:
    kind, params_path, out_path = argv
    params = json.loads(Path(params_path).read_text())
    try:
        if params.get("profile"):
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.005)
            profiler.start()
        out = _kinds()[kind](params)
        if params.get("profile"):
            profiler.stop()
            with open(params["profile"], "w") as f:
                f.write(profiler.output_text(unicode=False, color=False, show_all=False))
    except ImportError as e:
        out = {"error": f"cannot run yet: {e}"}
    except Exception as e:
        traceback.print_exc()
        out = {"error": f"{type(e).__name__}: {e}"}
    out["self_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["children_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with open(out_path, "w") as f:
        json.dump(out, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
