"""The standing hostile corpus (tests/data/bad/): every bad input ends with its documented exit code, one line
on stderr, no traceback, and the store exactly as it was.

The cases and their codes are listed in tests/data/bad/manifest.json (written by make_corpus.py there). One
store is shared by the module: it holds one good article, and its content is compared after every case.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store import open_store

BAD = Path(__file__).parent / "data" / "bad"
CASES: list[dict[str, Any]] = json.loads((BAD / "manifest.json").read_text(encoding="utf-8"))
runner = CliRunner()


def kg(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args))
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    return r.exit_code, r.stdout, r.stderr


def digest(store: Path) -> str:
    """A fingerprint of everything the store holds (each quad, in a stable order)."""
    s = open_store(store, read_only=True)
    try:
        return hashlib.sha256(s.raw.dump(format=ox.RdfFormat.N_QUADS)).hexdigest()
    finally:
        s.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A store holding the control article, and the fingerprint every case must leave it with."""
    path = tmp_path_factory.mktemp("hostile") / "store"
    code, out, err = kg("ingest", str(BAD / "good.json"), "--store", str(path))
    assert code == 0, err  # the control: the unharmed document is stored
    return path, digest(path)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 200
    assert {c["command"] for c in CASES} == {"ingest", "query"}
    assert len({c["file"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_bad_input(case: dict[str, Any], store: tuple[Path, str], tmp_path: Path) -> None:
    (where, before), path = store, BAD / case["file"]
    if path.parent.name == "sidecars":  # the sidecar travels with its article
        shutil.copy(path, tmp_path / path.name)
        shutil.copy(path.with_name(path.stem + ".meta.json"), tmp_path / (path.stem + ".meta.json"))
        path = tmp_path / path.name
    if case["command"] == "ingest":
        code, out, err = kg("ingest", str(path), "--store", str(where))
    else:
        code, out, err = kg("query", "--file", str(path), "--format", "json", "--store", str(where))
    assert code == case["exit"], err
    assert "Traceback" not in err
    assert out == ""
    lines = err.strip().splitlines()
    if case["exit"] != 1:  # refused by the shapes: one line, then the violations indented
        assert len(lines) == 1, err
    assert lines[0].startswith(("kg: error:", "kg: refused")), err
    assert case["expect"] in err
    assert digest(where) == before
