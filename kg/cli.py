"""The kg command line: each command parses options, calls one library function and renders the result.

Exit codes: 0 ok, 1 negative result (violations, ASK false), 2 usage, 3 operational error (bad input, locked
store, ...). Errors are one line on stderr; results go to stdout.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from kg.errors import KgError

app = typer.Typer(
    no_args_is_help=True,
    help="kg: who said, met and predicted what, as a knowledge graph checked against later sources.",
    add_completion=False,
    pretty_exceptions_enable=False,
)
ontology_app = typer.Typer(no_args_is_help=True, help="Check the OWL ontology with a reasoner.")
app.add_typer(ontology_app, name="ontology")

err = Console(stderr=True)

# -- shared options, declared once -------------------------------------------------------------------------
StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", envvar="KG_STORE", help="Store directory (default ./kg-data; env KG_STORE)."),
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")]
UrlOpt = Annotated[str | None, typer.Option("--url", help="Article URL (overrides front matter).")]
TitleOpt = Annotated[str | None, typer.Option("--title", help="Article title.")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet (publication) name.")]
AuthorOpt = Annotated[str | None, typer.Option("--author", help="Author name.")]
PublishedOpt = Annotated[str | None, typer.Option("--published", help="Published date (ISO, YYYY-MM-DD).")]


@contextmanager
def errors() -> Iterator[None]:
    """The one catch point: a KgError becomes one line on stderr and its exit code."""
    try:
        yield
    except KgError as e:
        err.print(f"kg: error: {e}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(e.exit_code) from None


def open_store(path: Path | None, *, read_only: bool = False):  # type: ignore[no-untyped-def]
    """Open the store chosen with --store / KG_STORE (default ./kg-data)."""
    from kg.store import open_store as _open

    return _open(path, read_only=read_only)


def _metadata(url: str | None, title: str | None, outlet: str | None, author: str | None, published: str | None):  # type: ignore[no-untyped-def]
    from kg.articles import Metadata

    return Metadata(url=url, title=title, outlet=outlet, author=author, published=published)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )


# -- commands --------------------------------------------------------------------------------------------
@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .html, records .json) or folders.")],
    store: StoreOpt = None,
    url: UrlOpt = None,
    title: TitleOpt = None,
    outlet: OutletOpt = None,
    author: AuthorOpt = None,
    published: PublishedOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Store articles even when they violate the shapes.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Extraction processes.")] = 1,
) -> None:
    """Extract, validate and store articles (one named graph each; re-ingesting replaces)."""
    from kg.ingest import ingest as run

    with errors():
        meta = _metadata(url, title, outlet, author, published)
        s = open_store(store)
        try:
            with _progress() as bar:
                task = bar.add_task("ingesting", total=None)
                result = run(
                    s, paths, meta=meta, force=force, workers=workers,
                    progress=lambda done, total: bar.update(task, completed=done, total=total),
                )
        finally:
            s.close()
        for o in result.outcomes:
            if o.status == "ingested":
                typer.echo(f"ingested {o.path} -> <{o.graph}> ({o.triples} triples)")
            elif o.status == "refused":
                err.print(f"kg: refused {o.path}: {o.message}", markup=False, highlight=False, soft_wrap=True)
                if o.report is not None:
                    for line in o.report.to_text().splitlines():
                        err.print(f"    {line}", markup=False, highlight=False, soft_wrap=True)
            else:
                err.print(f"kg: error: {o.message}", markup=False, highlight=False, soft_wrap=True)
        if result.failed:
            raise typer.Exit(3)
        if result.refused:
            raise typer.Exit(1)


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="One article file (.txt, .html or records .json).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or text.")] = "json",
    url: UrlOpt = None,
    title: TitleOpt = None,
    outlet: OutletOpt = None,
    author: AuthorOpt = None,
    published: PublishedOpt = None,
) -> None:
    """Print the records extracted from one article, without touching the store."""
    from kg.ingest import extract_file
    from kg.render import records_text

    with errors():
        if fmt not in ("json", "text"):
            from kg.errors import UsageError

            raise UsageError(f"unknown format '{fmt}'", hint="choose json or text")
        records = extract_file(path, _metadata(url, title, outlet, author, published))
        if fmt == "json":
            typer.echo(json.dumps(records.to_dict(), indent=2, ensure_ascii=False))
        else:
            typer.echo(records_text(records))


@app.command()
def validate(
    store: StoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, turtle or json.")] = "text",
) -> None:
    """Validate the whole store against the SHACL shapes (exit 0 conforms, 1 violations)."""
    from kg.validate import validate_store

    with errors():
        if fmt not in ("text", "turtle", "json"):
            from kg.errors import UsageError

            raise UsageError(f"unknown format '{fmt}'", hint="choose text, turtle or json")
        s = open_store(store, read_only=True)
        report = validate_store(s)
        if fmt == "text":
            typer.echo(report.to_text())
        elif fmt == "json":
            typer.echo(json.dumps(report.to_json(), indent=2))
        else:
            typer.echo(report.graph.serialize(format="turtle"))
        if not report.conforms:
            raise typer.Exit(1)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="turtle, ntriples, nquads, trig or jsonld.")] = "turtle",
    graph: Annotated[str | None, typer.Option("--graph", help="Export only this named graph (IRI).")] = None,
    output: OutputOpt = None,
    store: StoreOpt = None,
) -> None:
    """Export the store (or one graph) in a standard RDF format."""
    from kg.export import export as run
    from kg.export import rdf_format

    with errors():
        rdf_format(fmt)
        s = open_store(store, read_only=True)
        data = run(s, fmt, output=output, graph=graph)
        if data is not None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            err.print(f"wrote {output}", markup=False, highlight=False)


@app.command()
def stats(
    store: StoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Count articles, actors, statements, meetings, predictions by status and triples."""
    from dataclasses import asdict

    from kg.stats import stats as run

    with errors():
        s = run(open_store(store, read_only=True))
        if fmt == "json":
            typer.echo(json.dumps(asdict(s), indent=2))
            return
        for name, value in asdict(s).items():
            if isinstance(value, dict):
                value = ", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "-"
            typer.echo(f"{name.replace('_', ' '):<24} {value}")


@ontology_app.command("check")
def ontology_check(
    data: Annotated[bool, typer.Option("--data", help="Also check the store's instances.")] = False,
    store: StoreOpt = None,
) -> None:
    """Load the ontology with owlready2 and run HermiT: consistency and unsatisfiable classes."""
    from kg.ontology import check_ontology, store_instances

    with errors():
        instances = store_instances(open_store(store, read_only=True)) if data else None
        report = check_ontology(data=instances)
        typer.echo(report.message)
        for cls in report.unsatisfiable:
            typer.echo(f"unsatisfiable: {cls}")
        if not report.consistent or report.unsatisfiable:
            raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    app(prog_name="kg")
