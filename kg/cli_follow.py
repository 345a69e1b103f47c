"""Articles from the web: the URL half of kg ingest, and kg follow add, list, remove, run (feeds and sitemaps)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from kg.cli import (
    AllowPrivateOpt,
    FormatOpt,
    StoreOpt,
    app,
    err,
    errors,
    open_store,
    print_table,
    progress_bar,
    table_or_json,
)


def ingest_urls(  # type: ignore[no-untyped-def]
    s, urls: list[str], store: str | None, meta, *, force: bool, allow_private: bool
) -> tuple[bool, bool]:
    """Fetch and ingest URLs; print a line per URL; (any failed, any refused)."""
    from kg.fetch import Fetcher, FetchPolicy
    from kg.follow import archive_dir, fetch_articles

    with Fetcher(FetchPolicy(allow_private=allow_private)) as fetcher, progress_bar() as bar:
        task = bar.add_task("fetching", total=len(urls))
        outcomes = fetch_articles(
            s, urls, fetcher=fetcher, archive=archive_dir(store), meta=meta, force=force,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    print_pages(outcomes)
    return any(o.status == "failed" for o in outcomes), any(o.status == "refused" for o in outcomes)


def print_pages(outcomes) -> None:  # type: ignore[no-untyped-def]
    for o in outcomes:
        if o.status in ("ingested", "corrected"):
            typer.echo(f"{o.status} {o.url} -> <{o.article}>")
        elif o.status == "unchanged":
            typer.echo(f"unchanged {o.url} ({o.message})")
        else:
            msg = o.message if (o.message or "").startswith(o.url) else f"{o.url}: {o.message}"
            err.print(f"kg: {o.status}: {msg}", markup=False, highlight=False, soft_wrap=True)


follow_app = typer.Typer(
    no_args_is_help=True, help="Follow RSS/Atom feeds and sitemaps: ingest new articles, re-resolve."
)
app.add_typer(follow_app, name="follow")


@follow_app.command("add")
def follow_add(
    url: Annotated[str, typer.Argument(help="An RSS or Atom feed, or an XML sitemap (index).")],
    every: Annotated[str, typer.Option("--every", help="How often to check it: 30m, 1h, 1d.")] = "1h",
    store: StoreOpt = None,
) -> None:
    """Follow a feed or sitemap (adding it again changes its period)."""
    from kg.follow import add_feed, parse_every

    with errors():
        s = open_store(store)
        try:
            feed = add_feed(s, url, every=parse_every(every))
        finally:
            s.close()
        typer.echo(f"following {feed.url} every {every}")


@follow_app.command("list")
def follow_list(store: StoreOpt = None, fmt: FormatOpt = "table") -> None:
    """The followed feeds, when each was last checked and what it found."""
    from kg.follow import feeds

    with errors():
        table_or_json(fmt)
        s = open_store(store, read_only=True)
        try:
            found = feeds(s)
        finally:
            s.close()
        if fmt == "json":
            typer.echo(json.dumps([f.__dict__ for f in found], indent=2))
            return
        print_table(["feed", "every (s)", "last checked", "last result"],
                     [[f.url, str(f.every), f.last_checked or "-", f.last_result or "-"] for f in found])


@follow_app.command("remove")
def follow_remove(url: Annotated[str, typer.Argument(help="A followed feed's URL.")], store: StoreOpt = None) -> None:
    """Stop following a feed (what it brought stays in the store)."""
    from kg.follow import remove_feed

    with errors():
        s = open_store(store)
        try:
            remove_feed(s, url)
        finally:
            s.close()
        typer.echo(f"no longer following {url}")


@follow_app.command("run")
def follow_run(
    once: Annotated[bool, typer.Option("--once", help="Check the due feeds once and exit (for cron).")] = False,
    all_feeds: Annotated[bool, typer.Option("--all", help="Check every feed now, due or not.")] = False,
    allow_private: AllowPrivateOpt = False,
    store: StoreOpt = None,
) -> None:
    """Check due feeds, ingest new and corrected articles, re-resolve predictions; loop unless --once.

    The store is opened only while a pass runs, so other kg commands can write in between.
    """
    import time

    from kg.fetch import Fetcher, FetchPolicy
    from kg.follow import archive_dir, feeds, run_feeds

    with errors():
        archive = archive_dir(store)
        while True:
            s = open_store(store)
            try:
                with Fetcher(FetchPolicy(allow_private=allow_private)) as fetcher:
                    run = run_feeds(s, fetcher=fetcher, archive=archive, every_feed=all_feeds)
                periods = [f.every for f in feeds(s)]
            finally:
                s.close()
            print_pages(run.pages)
            for e in run.feed_errors:
                err.print(f"kg: feed error: {e}", markup=False, highlight=False, soft_wrap=True)
            typer.echo(f"follow run: {run.summary()}")
            if once:
                if run.count("failed") or run.feed_errors:
                    raise typer.Exit(3)
                return
            all_feeds = False
            time.sleep(max(60, min(periods or [3600])))
