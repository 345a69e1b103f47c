"""The kg command line: each command parses options, calls one library function and renders the result.

Exit codes: 0 ok, 1 negative result (violations, ASK false), 2 usage, 3 operational error (bad input, locked
store, ...). Errors are one line on stderr; results go to stdout.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Generator, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from kg.errors import KgError

if TYPE_CHECKING:
    from kg.queries import QueryResult

app = typer.Typer(
    no_args_is_help=True,
    help="kg: who said, met and predicted what, as a knowledge graph checked against later sources.",
    add_completion=True,
    pretty_exceptions_enable=False,
)
ontology_app = typer.Typer(no_args_is_help=True, help="Check the OWL ontology with a reasoner.")
app.add_typer(ontology_app, name="ontology")

err = Console(stderr=True)

# -- shared options, declared once -------------------------------------------------------------------------
StoreOpt = Annotated[
    str | None,
    typer.Option("--store", envvar="KG_STORE", help="Store directory (default ./kg-data; env KG_STORE)."),
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")]
UrlOpt = Annotated[str | None, typer.Option("--url", help="Article URL (overrides front matter).")]
TitleOpt = Annotated[str | None, typer.Option("--title", help="Article title.")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet (publication) name.")]
AuthorOpt = Annotated[str | None, typer.Option("--author", help="Author name.")]
PublishedOpt = Annotated[str | None, typer.Option("--published", help="Published date (ISO, YYYY-MM-DD).")]


def one_line(message: str, *, limit: int = 400) -> str:
    """A message as one line of at most ``limit`` characters (parsers' messages run over several).

    >>> one_line("bad\\n  at 1:2")
    'bad at 1:2'
    """
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def say(line: str) -> None:
    err.print(line, markup=False, highlight=False, soft_wrap=True)


@contextmanager
def errors() -> Iterator[None]:
    """The one catch point: an error becomes one line on stderr and exit code 3 (a KgError: its own code).

    Failures of the system (disk full, a folder that vanished) and kg's own defects get one line too; set
    KG_DEBUG=1 to see the traceback of the latter.
    """
    try:
        yield
    except KgError as e:
        say(f"kg: error: {one_line(str(e))}")
        raise typer.Exit(e.exit_code) from None
    except BrokenPipeError:  # the reader stopped reading (kg export | head): nothing more to say
        _quiet_stdout()
        raise typer.Exit(0) from None
    except OSError as e:
        where = f" ({e.filename})" if e.filename else ""
        say(f"kg: error: {e.strerror or e}{where}; check the disk and the paths given")
        raise typer.Exit(3) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
        raise
    except Exception as e:
        if os.environ.get("KG_DEBUG"):
            raise
        detail = str(e).splitlines()[0][:200] if str(e) else ""
        say(f"kg: error: internal error ({type(e).__name__}{': ' + detail if detail else ''}); "
             "please report it (KG_DEBUG=1 shows the traceback)")
        raise typer.Exit(3) from None


def open_store(path: str | Path | None, *, read_only: bool = False, create: bool = True):  # type: ignore[no-untyped-def]
    """Open the store chosen with --store / KG_STORE (default ./kg-data); ``create=False``: it must exist."""
    from kg.store import open_store as _open

    return _open(path, read_only=read_only, create=create)


@contextmanager
def writing(path: str | Path | None, *, create: bool = True):  # type: ignore[no-untyped-def]
    """The store opened for writing, closed at the end; a failure inside is not masked by one in close()."""
    s = open_store(path, create=create)
    try:
        yield s
    except BaseException:
        with suppress(Exception):
            s.close()
        raise
    s.close()


def metadata_of(url: str | None, title: str | None, outlet: str | None, author: str | None, published: str | None):  # type: ignore[no-untyped-def]
    from kg.articles import Metadata

    return Metadata(url=url, title=title, outlet=outlet, author=author, published=published)


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )


def _version(value: bool) -> None:
    if value:
        from kg import __version__

        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    base: Annotated[str | None, typer.Option(
        "--base", envvar="KG_BASE", help="Instance base IRI of minted IRIs (env KG_BASE; set once per store).")] = None,
) -> None:
    """kg: who said, met and predicted what, as a knowledge graph checked against later sources."""
    if base:  # before any kg module builds its namespaces (docs/model.md)
        os.environ["KG_BASE"] = base


def write_stdout(data: bytes) -> None:
    """Results to stdout, ending with a newline (JSON and CSV writers may leave the last one out)."""
    sys.stdout.buffer.write(data if data.endswith(b"\n") or not data else data + b"\n")
    sys.stdout.flush()


def stream_stdout(parts: Generator[QueryResult, None, None], fmt: str) -> QueryResult | None:
    """A SELECT result to stdout as its parts come; a reader that stops early (``| head``) ends it quietly."""
    from kg.results import write_stream

    try:
        return write_stream(parts, fmt, sys.stdout.buffer)
    except BrokenPipeError:
        parts.close()  # the worker is stopped
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return None


# -- shared by the command families -------------------------------------------------------------------
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table or json.")]


def table_or_json(fmt: str) -> None:
    if fmt not in ("table", "json"):
        from kg.errors import UsageError

        raise UsageError(f"unknown format '{fmt}'", hint="choose table or json")


def print_table(columns: list[str], rows: list[list[str]], *, width: int = 100) -> None:
    from rich.table import Table

    table = Table(*columns, show_lines=False, header_style="bold")
    for row in rows:
        table.add_row(*row)
    Console(soft_wrap=False, width=max(width, Console().width)).print(table)


# -- commands --------------------------------------------------------------------------------------------
AllowPrivateOpt = Annotated[
    bool, typer.Option("--allow-private", help="Fetch from private and loopback addresses (intranets, tests).")
]


def _is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Article files (.txt .html .json), folders, http(s) URLs, or - (stdin).")
    ],
    store: StoreOpt = None,
    url: UrlOpt = None,
    title: TitleOpt = None,
    outlet: OutletOpt = None,
    author: AuthorOpt = None,
    published: PublishedOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Store articles even when they violate the shapes.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Extraction processes.")] = 1,
    allow_private: AllowPrivateOpt = False,
    engine: Annotated[str, typer.Option("--engine", help="local (processes) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (default: a local cluster).")
    ] = None,
) -> None:
    """Extract, validate and store articles (one named graph each; re-ingesting replaces).

    URLs are fetched politely (robots.txt, a rate limit per host, size and time caps); the raw HTML is kept in
    <store>.pages/ beside the store so that a re-extraction needs no new fetch.
    """
    from kg.cli_follow import ingest_urls
    from kg.errors import UsageError
    from kg.ingest import ingest as run

    with errors():
        meta = metadata_of(url, title, outlet, author, published)
        if url and len(paths) > 1:
            from kg.errors import UsageError

            raise UsageError(f"--url names one article but {len(paths)} were given", hint="ingest them one by one")
        urls = [p for p in paths if _is_url(p)]
        files = [Path(p) for p in paths if not _is_url(p)]
        failed = refused = False
        result = None
        with writing(store) as s:
            if urls:
                failed, refused = ingest_urls(s, urls, store, meta, force=force, allow_private=allow_private)
            if engine not in ("local", "dask"):
                raise UsageError(f"unknown engine '{engine}'", hint="choose local or dask")
            if files:
                with progress_bar() as bar:
                    task = bar.add_task("ingesting", total=None)
                    tick = lambda done, total: bar.update(task, completed=done, total=total)  # noqa: E731
                    if engine == "dask":
                        from kg.cluster import ingest_dask

                        result = ingest_dask(s, files, meta=meta, force=force, scheduler=scheduler,
                                             workers=workers, progress=tick)
                    else:
                        result = run(s, files, meta=meta, force=force, workers=workers, progress=tick)
        for o in result.outcomes if result else []:
            if o.status == "ingested":
                typer.echo(f"ingested {o.path} -> <{o.graph}> ({o.triples} triples)")
            elif o.status == "refused":
                err.print(f"kg: refused {o.path}: {o.message}", markup=False, highlight=False, soft_wrap=True)
                if o.report is not None:
                    for line in o.report.to_text().splitlines():
                        err.print(f"    {line}", markup=False, highlight=False, soft_wrap=True)
            else:
                say(f"kg: error: {one_line(o.message or '')}")
        if result and len(result.outcomes) > 1:
            say(f"kg: {len(result.ingested)} stored, {len(result.refused)} refused, {len(result.failed)} failed")
        if failed or (result and result.failed):
            raise typer.Exit(3)
        if refused or (result and result.refused):
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
        records = extract_file(path, metadata_of(url, title, outlet, author, published))
        if fmt == "json":
            typer.echo(json.dumps(records.to_dict(), indent=2, ensure_ascii=False))
        else:
            typer.echo(records_text(records))


@app.command()
def validate(
    store: StoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, turtle or json.")] = "text",
    engine: Annotated[str, typer.Option(help="fast (shapes run as SPARQL by pyoxigraph) or pyshacl.")] = "fast",
) -> None:
    """Validate the whole store against the SHACL shapes (exit 0 conforms, 1 violations)."""
    from kg.validate import ENGINES, validate_store

    with errors():
        if fmt not in ("text", "turtle", "json") or engine not in ENGINES:
            from kg.errors import UsageError

            raise UsageError(f"unknown format '{fmt}' or engine '{engine}'",
                             hint="choose text, turtle or json; fast or pyshacl")
        s = open_store(store, read_only=True)
        report = validate_store(s, engine=engine)  # type: ignore[arg-type]  # checked against ENGINES
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
    fmt: Annotated[str, typer.Option("-f", "--format", help="turtle ntriples nquads trig rdfxml jsonld")] = "turtle",
    graph: Annotated[str | None, typer.Option("--graph", help="Export only this named graph (IRI).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (-: stdout).")] = None,
    store: StoreOpt = None,
) -> None:
    """Export the store (or one graph) in a standard RDF format."""
    from kg.export import export as run
    from kg.export import rdf_format
    from kg.output import check_target

    with errors():
        rdf_format(fmt)
        if output is not None:
            check_target(output)
        s = open_store(store, read_only=True)
        data = run(s, fmt, output=None if str(output) == "-" else output, graph=graph)
        if data is not None:
            write_stdout(data)
        else:
            err.print(f"wrote {output}", markup=False, highlight=False)


@app.command()
def load(
    file: Annotated[str, typer.Argument(help="An RDF file (.ttl .trig .nt .nq .jsonld .rdf), or - for stdin.")],
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="turtle, trig, ntriples, nquads, jsonld or rdfxml "
                                 "(default: from the file name, else from its first bytes).")
    ] = None,
    graph: Annotated[
        str | None, typer.Option("--graph", help="Graph for the default-graph triples (default kgg:load/<hash>).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Load even when the data violates the shapes.")] = False,
    store: StoreOpt = None,
) -> None:
    """Load RDF into named graphs, validated like ingest (each graph in the file replaced; all or nothing)."""
    from kg.errors import ValidationFailed
    from kg.load import load as run
    from kg.load import read

    with errors():
        name, data = ("-", sys.stdin.buffer.read()) if file == "-" else read(file)
        s = open_store(store)
        try:
            result = run(s, data, fmt=fmt, name=name, graph=graph, force=force)
        except ValidationFailed as e:
            err.print(f"kg: refused {e}", markup=False, highlight=False, soft_wrap=True)
            for line in e.report.to_text().splitlines():
                err.print(f"    {line}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
        finally:
            s.close()
        for g, n in result.graphs.items():
            typer.echo(f"loaded {name} -> <{g}> ({n} triples)")
        if result.forced and result.report is not None:
            err.print(f"kg: warning: loaded despite {len(result.report.violations)} shape violation(s)",
                      markup=False, highlight=False)


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


@app.command("queries")
def queries_cmd() -> None:
    """List the stored queries: name, title and parameters."""
    from kg.queries import load_queries

    with errors():
        for q in load_queries().values():
            params = ", ".join(f"{p.name}:{p.type}{'' if p.required else '?'}" for p in q.params)
            typer.echo(f"{q.name:<22} {q.title}" + (f"  [{params}]" if params else ""))


TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Stop a query after SECONDS (it is killed).")]
MemoryOpt = Annotated[int, typer.Option("--memory", help="Memory a query may use, in MB.")]


def query_limits(timeout: float, rows: int, memory: int):  # type: ignore[no-untyped-def]
    from kg.querylimits import QueryLimits

    return QueryLimits(timeout=timeout, max_rows=None if rows == 0 else rows, memory_mb=memory)


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="A stored query (see 'kg queries'); omit with --file.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, repeatable.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Run the SPARQL in this .rq file (-: stdin).")] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="table, json, csv, tsv, xml, turtle, ntriples, jsonld or rdfxml "
                     "(default: table on a terminal, else json, or turtle for graphs)."),
    ] = None,
    timeout: TimeoutOpt = 30.0,
    limit: Annotated[int, typer.Option("--limit", "--max-rows", help="Keep at most N rows or triples (0: all).")]
    = 10_000,
    memory: MemoryOpt = 2048,
    store: StoreOpt = None,
) -> None:
    """Run a stored (or --file) SPARQL query read-only in a worker process under limits.

    ASK exits 0 when true, 1 when false.
    """
    from kg.queries import bind, get_query, parse_assignments, query_form, read_query_file, run_query
    from kg.querypool import QueryPool
    from kg.queryworker import StoreSource
    from kg.results import STREAM_FORMATS, check_format, serialize, to_table
    from kg.store import is_remote

    with errors():
        if (name is None) == (file is None):
            from kg.errors import UsageError

            raise UsageError("give a stored query name or --file, not both", hint="list them with 'kg queries'")
        limits = query_limits(timeout, limit, memory)
        if file is not None and str(file) == "-":
            from kg.queries import parse_query

            q = parse_query(sys.stdin.read(), "stdin", strict=False)
        else:
            q = read_query_file(file) if file is not None else get_query(name or "")
        values = parse_assignments(param)
        bind(q, values)  # a bad parameter is a usage error before any worker starts
        if not is_remote(store) and query_form(q.text) == "SELECT" and (fmt or "json") in STREAM_FORMATS \
                and (fmt or not sys.stdout.isatty()):  # rows written as the worker sends them
            with QueryPool(StoreSource.at(store), limits=limits, workers=1) as pool:
                last = stream_stdout(pool.stream(q, values), fmt or "json")
            if last is not None and last.note:
                err.print(f"kg: note: {last.note}", markup=False, highlight=False)
            return
        if is_remote(store):  # a server runs the query: the same checks here, its own limits there
            remote = open_store(store, read_only=True)
            try:
                result = run_query(remote, q, values, limits=limits, timeout=limits.timeout, limit=limits.max_rows)
            finally:
                remote.close()
        else:
            with QueryPool(StoreSource.at(store), limits=limits, workers=1) as pool:
                result = pool.run(q, values)
        chosen = fmt or ("table" if sys.stdout.isatty() else "turtle" if result.is_graph else "json")
        chosen = check_format(result, chosen)
        if chosen == "table" and result.form == "ASK":
            typer.echo("true" if result.boolean else "false")
        elif chosen == "table":
            Console(width=None if sys.stdout.isatty() else 10_000).print(to_table(result))
        else:
            write_stdout(serialize(result, chosen))
        if result.note:
            err.print(f"kg: note: {result.note}", markup=False, highlight=False)
        if result.form == "ASK" and not result.boolean:
            raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: local only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 7878,
    cors: Annotated[list[str] | None, typer.Option("--cors", help="Allow this browser origin (repeatable).")] = None,
    allow_host: Annotated[
        list[str] | None, typer.Option("--allow-host", help="Also answer requests for this Host name ('*': any).")
    ] = None,
    timeout: TimeoutOpt = 30.0,
    max_rows: Annotated[int, typer.Option("--max-rows", help="Rows or triples per answer (0: all).")] = 10_000,
    memory: MemoryOpt = 2048,
    workers: Annotated[int, typer.Option("--workers", help="Query worker processes.")] = 4,
    store: StoreOpt = None,
) -> None:
    """Serve the store read-only: SPARQL 1.1 Protocol at /sparql, a query page at /query, stored queries at /queries.

    The server sees later ingests; every query runs in a worker process under the time, row and memory limits.
    """
    from kg.endpoint import EndpointSettings
    from kg.endpoint import serve as run
    from kg.queryworker import StoreSource

    with errors():
        if workers < 1:
            from kg.errors import UsageError

            raise UsageError(f"--workers must be 1 or more, not {workers}")
        settings = EndpointSettings(limits=query_limits(timeout, max_rows, memory), workers=workers,
                                    cors=tuple(cors or ()), host=host, allow_hosts=tuple(allow_host or ()))
        from kg.store import is_remote

        run(store if is_remote(store) and store else StoreSource.at(store), settings=settings, port=port,
            announce=lambda line: err.print(line, markup=False, highlight=False))


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


@app.command()
def migrate(store: StoreOpt = None) -> None:
    """Move a store of an older data model (or made with another base IRI) to the current one."""
    from kg.store.migrate import migrate as run

    with errors():
        s = open_store(store)
        done = run(s)
        s.close()
        typer.echo(f"migrated {done.articles} article(s) from model {done.from_version or 1} "
                   f"({done.renamed} IRIs renamed; {done.quads_before:,} -> {done.quads_after:,} quads)")


# command families in modules of their own; importing them registers their commands on ``app``
from kg import cli_follow, cli_predictions  # noqa: E402,F401,I001


def main() -> None:
    """Console-script entry point.

    Output that cannot be written (stdout on a full disk) is one line and exit 3, not a traceback at exit; a
    reader that closed the pipe early (``kg export | head``) ends the command quietly.
    """
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    code: int | str | None = 0
    try:
        app(prog_name="kg")
    except SystemExit as e:
        code = e.code
    except OSError as e:
        code = _output_failed(e, 3)
    try:
        sys.stdout.flush()
    except OSError as e:
        code = _output_failed(e, code)
    sys.exit(code)


def _output_failed(e: OSError, code: int | str | None) -> int | str | None:
    """Report an output error once and keep the interpreter's own flush at exit quiet."""
    _quiet_stdout()
    if isinstance(e, BrokenPipeError):
        return code
    say(f"kg: error: cannot write the output ({e.strerror or e}); check the disk or the pipe")
    return 3


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit does not fail a second time."""
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
