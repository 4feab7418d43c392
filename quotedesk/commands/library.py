"""``quotedesk ingest | stats | articles | remove``: build and inspect the library."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from quotedesk.commands.base import EXIT_FAILED, EXIT_OK, add_store_flags, settings_from_args


def register(subparsers: Any) -> None:
    ingest = subparsers.add_parser(
        "ingest",
        help="add articles (files, folders, web pages or feeds) to the library",
        description=(
            "Load, clean, attribute and store articles. Formats: header .txt, plain .txt, "
            ".md, .html/.htm, .json, .jsonl, transcripts (labelled .txt, .vtt, .srt), "
            ".pdf, folders (recursive), and http(s) URLs: a web page, or an RSS/Atom feed "
            "whose items not yet in the library are fetched."
        ),
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
    ingest.add_argument("--json", action="store_true", help="print the report as JSON")
    add_store_flags(ingest)
    ingest.set_defaults(run=run_ingest)

    stats = subparsers.add_parser("stats", help="count articles, passages and quotes")
    stats.add_argument("--json", action="store_true")
    add_store_flags(stats)
    stats.set_defaults(run=run_stats)

    articles = subparsers.add_parser("articles", help="list the articles in the library")
    articles.add_argument("--json", action="store_true")
    add_store_flags(articles)
    articles.set_defaults(run=run_articles)

    remove = subparsers.add_parser("remove", help="delete an article with all its records")
    remove.add_argument("article_id", metavar="ID")
    add_store_flags(remove)
    remove.set_defaults(run=run_remove)


def _open_store(args: argparse.Namespace, *, create: bool = False):
    from quotedesk.store import Store

    return Store(settings_from_args(args), create=create)


def run_ingest(args: argparse.Namespace) -> int:
    from rich.console import Console

    from ingest.pipeline import ingest

    store = _open_store(args, create=True)
    console = Console(stderr=True)
    if console.is_terminal and not args.json:
        report = _ingest_with_bar(store, args.paths, console)
    else:
        report = ingest(store, args.paths)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        _print_report(report)
    return EXIT_OK if report.ok else EXIT_FAILED


def _ingest_with_bar(store: Any, paths: list[str], console: Any):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ingest.pipeline import ingest

    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def advance(done: int, total: int | None, source: str) -> None:
            bar.update(task, completed=done, total=max(total or 0, done), description=source[-50:])

        return ingest(store, paths, progress=advance)


def _print_report(report: Any) -> None:
    from rich.console import Console
    from rich.markup import escape

    out = Console(highlight=False, soft_wrap=True)
    for result in report.results:
        if result.status == "failed":
            continue
        out.print(f"{result.status:9} {escape(result.source)}")
        counts = f" · {result.passages} passages, {result.quotes} quotes" if result.passages else ""
        out.print(f"          [dim]{escape(result.title or '')}{counts}[/dim]")
        for note in result.notes:
            out.print(f"          [dim]note: {escape(note)}[/dim]")
    for result in report.failed:
        out.print(f"[red]failed[/red]    {escape(result.source)}: {escape(result.reason or '')}")
    out.print(
        f"added {len(report.added)}, updated {len(report.updated)}, "
        f"unchanged {len(report.unchanged)}, failed {len(report.failed)}"
    )


def run_stats(args: argparse.Namespace) -> int:
    store = _open_store(args)
    counts = store.stats()
    if args.json:
        print(json.dumps(counts))
    else:  # the default library hides in a user data folder: say which one this is
        print(f"library: {store.settings.store_location}")
        print(", ".join(f"{name}: {value}" for name, value in counts.items()))
    return EXIT_OK


def run_articles(args: argparse.Namespace) -> int:
    articles = _open_store(args).articles()
    if args.json:
        print(json.dumps([a.to_dict() for a in articles], ensure_ascii=False))
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "published", "title", "author / outlet", "quotes")
    for a in articles:
        byline = " / ".join(x for x in (a.author, a.outlet) if x)
        table.add_row(a.id, a.published or "", a.title, byline, str(a.quote_count))
    Console().print(table)
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    if _open_store(args).remove(args.article_id):
        print(f"removed {args.article_id}")
        return EXIT_OK
    print(f"quotedesk: no article with id {args.article_id}", file=sys.stderr)
    return EXIT_FAILED
