"""CLI exit codes and stderr messages through typer's CliRunner (stdout and stderr apart)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

DATA = Path(__file__).parent / "data" / "records"
runner = CliRunner()


def kg(*args: str, store: Path | None = None) -> tuple[int, str, str]:
    argv = list(args) + (["--store", str(store)] if store is not None else [])
    r = runner.invoke(app, argv)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "blob.txt",
        "latin1": tmp_path / "latin1.txt",
        "badjson": tmp_path / "bad.json",
    }
    files["empty"].write_text("", encoding="utf-8")
    files["binary"].write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    files["latin1"].write_bytes("Le ministre a déclaré qu'il viendra à Paris en été.".encode("latin-1"))
    files["badjson"].write_text('{"article": {"text": "x"', encoding="utf-8")
    return files


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing", "does not exist"),
        ("empty", "empty"),
        ("binary", "binary"),
        ("latin1", "UTF-8"),
        ("badjson", "not valid JSON"),
    ],
)
def test_bad_input_is_one_line_exit_3(
    bad_files: dict[str, Path], tmp_path: Path, case: str, expected: str
) -> None:
    path = bad_files.get(case, tmp_path / "missing.txt")
    store = tmp_path / "store"
    code, out, err = kg("ingest", str(path), store=store)
    assert code == 3
    assert out == ""
    assert expected in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    # the store holds nothing but what every ingest writes (ontology and registry): no article graph
    code, out, _ = kg("stats", "--format", "json", store=store)
    assert code == 0 and json.loads(out)["articles"] == 0


def test_extract_bad_input(bad_files: dict[str, Path]) -> None:
    code, out, err = kg("extract", str(bad_files["binary"]))
    assert (code, out) == (3, "")
    assert "binary" in err


def test_unknown_format_is_usage_error(tmp_path: Path) -> None:
    kg("ingest", str(DATA / "minimal.json"), store=tmp_path / "s")
    code, out, err = kg("export", "--format", "rdfa", store=tmp_path / "s")
    assert code == 2 and out == ""
    assert "unknown format 'rdfa'" in err


def test_ingest_then_stats_and_export(tmp_path: Path) -> None:
    store = tmp_path / "s"
    code, out, err = kg("ingest", str(DATA / "minimal.json"), store=store)
    assert code == 0, err
    assert "ingested" in out
    code, out, _ = kg("stats", "--format", "json", store=store)
    counts = json.loads(out)
    assert (counts["articles"], counts["statements"], counts["meetings"], counts["predictions"]) == (1, 1, 1, 1)
    assert counts["predictions_by_status"] == {"open": 1}
    code, out, _ = kg("export", "--format", "nquads", store=store)
    assert code == 0 and "<https://w3id.org/kg/graph/article/" in out


def test_refused_article_exit_1(tmp_path: Path) -> None:
    code, out, err = kg("ingest", str(DATA / "deadline_before_made.json"), store=tmp_path / "s")
    assert code == 1
    assert "refused" in err
    code, _, err = kg("ingest", "--force", str(DATA / "deadline_before_made.json"), store=tmp_path / "s")
    assert code == 0, err


def test_validate_store(tmp_path: Path) -> None:
    store = tmp_path / "s"
    kg("ingest", str(DATA / "minimal.json"), store=store)
    code, out, _ = kg("validate", store=store)
    assert code == 0, out
    kg("ingest", "--force", str(DATA / "deadline_before_made.json"), store=store)
    code, out, _ = kg("validate", "--format", "json", store=store)
    assert code == 1
    assert json.loads(out)["conforms"] is False
    code_ref, out_ref, _ = kg("validate", "--format", "json", "--engine", "pyshacl", store=store)
    assert (code_ref, json.loads(out_ref)) == (code, json.loads(out))  # the same report from pySHACL
    code, _, err = kg("validate", "--engine", "fastest", store=store)
    assert code == 2 and "engine" in err


def test_every_command_has_help_and_is_in_readme() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands if c.callback]
    names += [g.name for g in app.registered_groups if g.name]
    assert "ingest" in names
    for name in names:
        code, out, _ = kg(name, "--help")
        assert code == 0 and "Usage" in out
        assert f"kg {name}" in readme, f"README does not mention 'kg {name}'"


def test_stats_counts_the_actors_the_articles_name(seeded_store) -> None:  # type: ignore[no-untyped-def]
    """Actor facts live in kgg:actors (docs/model.md); stats counts the actors article graphs refer to."""
    from kg.stats import stats

    s = stats(seeded_store)
    named = {r["a"].value for r in seeded_store.query("SELECT DISTINCT ?a ?g WHERE { GRAPH ?g { ?m kg:refersTo ?a } }")
             if "/graph/article/" in r["g"].value}
    assert s.articles == 10 and s.actors == len(named) > 10
