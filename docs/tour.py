"""Regenerate the README's CLI tour with real output: ``.venv/bin/python docs/tour.py``.

Runs each command of the tour against a fresh store built from seeds/ and writes the commands with what they
printed between the ``<!-- tour:start -->`` and ``<!-- tour:end -->`` markers of README.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KG = str(Path(sys.executable).parent / "kg")
SEED = "seeds/000_4f70852738a6ae05.txt"
TRUMP = "https://w3id.org/kg/id/actor/donald-trump"

STEPS: list[tuple[str, list[str], int]] = [
    ("What extraction finds in one article, without touching the store (`--format json` gives the records "
     "JSON of docs/records.md):", ["extract", SEED, "--format", "text"], 200),
    ("Ingest the seed and the later sources (one named graph per article, validated on the way in):",
     ["ingest", "seeds/"], 20),
    ("Validate the whole store against the SHACL shapes (exit 1 on violations):", ["validate"], 10),
    ("What the store holds:", ["stats"], 20),
    ("The stored queries (README section below), and one of them as CSV:", ["queries"], 20),
    ("", ["query", "statements-by-actor", "--param", f"actor={TRUMP}", "--format", "csv"], 12),
    ("Check the predictions against the later sources:", ["resolve", "--format", "table"], 40),
    ("The scorecard (add `--plot DIR` for calibration and timeline plots):", ["scorecard"], 30),
    ("Export for linked-data tools (turtle, ntriples, nquads, trig, jsonld):",
     ["export", "--format", "turtle"], 25),
    ("Check the ontology with HermiT (needs Java):", ["ontology", "check"], 5),
]

EXTRA = """
A store made by an older kg (nodes numbered by position, actor facts in every article graph) is refused
until moved; `kg migrate` rewrites it in the current model (docs/model.md), and `--base IRI` (or `KG_BASE`)
sets the instance base a new store mints its IRIs under.

Other commands: `kg serve` starts a read-only SPARQL 1.1 Protocol endpoint on 127.0.0.1:7878 (`/sparql`, and
the stored queries at `/queries/NAME?param=…`); `kg judge PREDICTION --outcome refuted --evidence SOURCE` records
a person's judgement; `kg predictions --format json` lists every prediction with its status and evidence.
Every command takes `--store DIR` (or `KG_STORE`; default `./kg-data`) and `--help`.

`kg serve` also serves the claims browser at http://127.0.0.1:7878/ (read-only pages, no JavaScript): each
article with its statements, meetings and predictions highlighted from their offsets (hover a highlight for the
speaker, date, medium, hedge, probability, deadline, status, rule and confidence; click it for its card), the
predictions sortable by status, predictor, deadline and probability, each with its status history and evidence,
a page per actor, and the scorecard by predictor and by outlet with its plots. Every entity links its IRI and
downloads as Turtle or JSON-LD. The seed article, as `tests/test_web_browser.py` sees it in headless Chromium:

![The seed article in the claims browser: statements blue, meetings green, predictions amber](docs/browser-article.png)
"""


def run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([KG, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return (done.stdout + done.stderr).rstrip()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "KG_STORE": str(Path(tmp) / "store"), "COLUMNS": "110"}
        parts = ["## A tour of the command line", ""]
        for text, args, keep in STEPS:
            out = run(args, env).splitlines()
            shown = out[:keep] + ([f"… ({len(out) - keep} more lines)"] if len(out) > keep else [])
            if text:
                parts += [text, ""]
            parts += ["```console", f"$ kg {' '.join(args)}", *shown, "```", ""]
        parts.append(EXTRA.strip())
    readme = ROOT / "README.md"
    body = readme.read_text(encoding="utf-8")
    head, rest = body.split("<!-- tour:start -->", 1)
    _, tail = rest.split("<!-- tour:end -->", 1)
    readme.write_text(head + "<!-- tour:start -->\n" + "\n".join(parts) + "\n<!-- tour:end -->" + tail, "utf-8")


if __name__ == "__main__":
    main()
