"""``quotedesk speakers | speaker NAME``: the people quoted in the library and their quotes."""

from __future__ import annotations

import argparse
import json
from typing import Any

from quotedesk.commands.base import EXIT_FAILED, EXIT_OK, add_store_flags, settings_from_args


def register(subparsers: Any) -> None:
    people = subparsers.add_parser(
        "speakers",
        help="list the people quoted, with quote counts and dates",
        description="Everyone quoted in the library, one line per person however articles "
        "name them, most quoted first.",
    )
    people.add_argument("--json", action="store_true", help="print the list as JSON")
    add_store_flags(people)
    people.set_defaults(run=run_speakers)

    person = subparsers.add_parser(
        "speaker",
        help="one person's quotes, newest first",
        description="Every quote of one person (any form of the name), newest first.",
    )
    person.add_argument("name", metavar="NAME")
    person.add_argument("--about", metavar="TOPIC", help="only quotes about this topic")
    person.add_argument("--json", action="store_true", help="print the citations as JSON")
    add_store_flags(person)
    person.set_defaults(run=run_speaker)


def _open(args: argparse.Namespace):
    from assistant import QuoteDesk
    from quotedesk.store import Store

    return QuoteDesk(store=Store(settings_from_args(args), create=False))


def run_speakers(args: argparse.Namespace) -> int:
    people = _open(args).speakers()
    if args.json:
        print(json.dumps([p.to_dict() for p in people], ensure_ascii=False, indent=2))
        return EXIT_OK
    from quotedesk.commands.render import render_speakers

    render_speakers(people)
    return EXIT_OK


def run_speaker(args: argparse.Namespace) -> int:
    citations = _open(args).quotes_by(args.name, about=args.about)
    if args.json:
        print(json.dumps([c.to_dict() for c in citations], ensure_ascii=False, indent=2))
    else:
        from quotedesk.commands.render import render_quotes_by

        render_quotes_by(args.name, args.about, citations)
    return EXIT_OK if citations else EXIT_FAILED
