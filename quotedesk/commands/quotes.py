"""``quotedesk quotes``: show every quote in an article and who said it.

Takes files (loaded, cleaned and attributed on the spot, no library needed) or
article ids from the library. One bad input never hides the others: each is
reported, and the exit status says whether any failed.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quotedesk.commands.base import EXIT_FAILED, EXIT_OK, add_store_flags, settings_from_args

_SHOWN_CHARS = 160
_FIELDS = ("text", "speaker", "speaker_title", "start", "end", "kind", "cue", "confidence")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="list the quotes in articles and who said them",
        description="Quotes and speakers of article files or of articles in the library (by id).",
    )
    parser.add_argument("items", nargs="+", metavar="PATH_OR_ARTICLE_ID")
    parser.add_argument("--json", action="store_true", help="one JSON object per article per line")
    add_store_flags(parser)
    parser.set_defaults(run=run_quotes)


def _articles(item: str, args: argparse.Namespace) -> Iterator[tuple[Any, str | None]]:
    """(article, None) for each article behind ``item``, or (None, reason) when none."""
    from ingest.load import load
    from quotedesk.models import Article

    if Path(item).exists():
        for result in load([item]):
            if isinstance(result, Article):
                yield result, None
            else:
                yield None, result.reason
        return
    from quotedesk.errors import StoreError
    from quotedesk.store import Store

    try:
        article = Store(settings_from_args(args), create=False).get_article(item)
    except StoreError as exc:
        yield None, f"no such file, and the library could not be read: {exc}"
        return
    if article is None:
        yield None, "no such file or article id"
    else:
        yield article, None


def run_quotes(args: argparse.Namespace) -> int:
    from rich.console import Console

    from ingest.attribute import attribute

    out = Console(soft_wrap=True)
    err = Console(stderr=True)
    status = EXIT_OK
    for item in args.items:
        for article, problem in _articles(item, args):
            if article is None:
                err.print(f"quotedesk: {item}: {problem}", markup=False, highlight=False)
                status = EXIT_FAILED
                continue
            quotes = attribute(article)
            if args.json:
                record = {
                    "source": item,
                    "title": article.title,
                    "offsets_in": article.offsets_in,
                    "quotes": _records(article, quotes),
                }
                print(json.dumps(record, ensure_ascii=False))
            else:
                out.print(_table(article, quotes))
    return status


def _records(article: Any, quotes: list) -> list[dict[str, Any]]:
    """Quote fields, with the quote as the original text has it at ``file_start:file_end``
    (``start``/``end`` index the stored text)."""
    original = article.original()
    records = []
    for q in quotes:
        record = {k: getattr(q, k) for k in _FIELDS}
        span = article.original_span(q.start, q.end)
        if original is not None and span is not None:
            record.update(text=original[slice(*span)], file_start=span[0], file_end=span[1])
        records.append(record)
    return records


def _table(article: Any, quotes: list) -> Any:
    from rich.table import Table

    table = Table(title=f"{article.title} ({len(quotes)} quotes)", show_lines=False)
    table.add_column("speaker", overflow="fold", max_width=28)
    table.add_column("kind")
    table.add_column("quote", overflow="fold")
    for q in quotes:
        shown = q.text if len(q.text) <= _SHOWN_CHARS else q.text[: _SHOWN_CHARS - 1] + "\u2026"
        speaker = q.speaker or "(unknown)"
        if q.speaker_title:
            speaker = f"{speaker}, {q.speaker_title}"
        table.add_row(speaker, q.kind, shown)
    return table
