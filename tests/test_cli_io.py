"""The command line as a Unix tool: --version, completion, - for stdin/stdout, final newlines, the SHACL report."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import SH
from typer.testing import CliRunner

import kg
from kg.cli import app

DATA = Path(__file__).parent / "data" / "records"
runner = CliRunner()
TEXT = "Japan and Canada held talks in Ottawa on Monday, officials said.\n"


def test_version() -> None:
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout == f"kg {kg.__version__}\n"


def test_completion_is_offered() -> None:
    r = runner.invoke(app, ["--help"])
    assert "--install-completion" in r.stdout and "--show-completion" in r.stdout


def test_ingest_from_stdin(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    r = runner.invoke(app, ["ingest", "-", "--store", store, "--published", "2024-03-04"], input=TEXT)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("ingested - -> <https://w3id.org/kg/graph/article/")
    r = runner.invoke(app, ["stats", "--format", "json", "--store", store])
    assert json.loads(r.stdout)["articles"] == 1 and r.stdout.endswith("}\n")


def test_query_file_from_stdin_and_final_newline(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    assert runner.invoke(app, ["ingest", str(DATA / "minimal.json"), "--store", store]).exit_code == 0
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }"
    r = runner.invoke(app, ["query", "--file", "-", "--format", "json", "--store", store], input=sparql)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.endswith("\n") and json.loads(r.stdout)["results"]["bindings"][0]["n"]["value"] == "1"


def test_export_to_stdout_with_dash(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    assert runner.invoke(app, ["ingest", str(DATA / "minimal.json"), "--store", store]).exit_code == 0
    for fmt in ("jsonld", "turtle"):
        r = runner.invoke(app, ["export", "--format", fmt, "-o", "-", "--store", store])
        assert r.exit_code == 0 and r.stdout.endswith("\n"), fmt
    assert not Path("-").exists()


def test_validate_writes_a_standard_shacl_report(tmp_path: Path) -> None:
    """Warnings keep exit 0, but the report says sh:conforms false, as SHACL defines it."""
    store = str(tmp_path / "s")
    assert runner.invoke(app, ["ingest", str(DATA / "minimal.json"), "--store", store]).exit_code == 0
    r = runner.invoke(app, ["validate", "--format", "turtle", "--store", store])
    report = Graph().parse(data=r.stdout, format="turtle")
    results = list(report.objects(None, SH.result))
    conforms = next(report.objects(None, SH.conforms))
    assert conforms == Literal(not results)
    violations = [x for x in results if report.value(x, SH.resultSeverity) == SH.Violation]
    assert r.exit_code == (1 if violations else 0)
    if results:
        assert not violations, "minimal.json should only warn"  # the case the issue is about


def test_report_conforms_false_on_warnings_only() -> None:
    from kg.validate import validate

    data = Graph().parse(
        data="""@prefix ex: <http://example.org/> . ex:a ex:p 1 .""", format="turtle"
    )
    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path ex:q ; sh:minCount 1 ;
            sh:severity sh:Warning ] .""",
        format="turtle",
    )
    report = validate(data, shapes=shapes)
    assert report.conforms and len(report.warnings) == 1  # exit code: no violation
    assert next(report.graph.objects(None, SH.conforms)) == Literal(False)  # the standard report
