"""The ``quotedesk`` command line.

Each subcommand lives in its own module under ``quotedesk.commands`` and exposes
``register(subparsers)``; heavy libraries are imported inside the command's run
function so ``quotedesk --help`` and cold starts stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from quotedesk.errors import QuotedeskError

# Order is the order shown in --help.
COMMAND_MODULES = (
    "library",  # ingest, stats, articles, remove
    "quotes",
    "ask",  # ask, verify, check-draft
    "evaluate",
    "serve",
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_store_flags(parser: argparse.ArgumentParser) -> None:
    """Flags every command that opens the library accepts."""
    parser.add_argument("--db", metavar="DIR", help="local library folder (env QUOTEDESK_DB)")
    parser.add_argument(
        "--chroma-url",
        metavar="URL",
        help="use a Chroma server instead of a local folder (env QUOTEDESK_CHROMA_URL)",
    )


def settings_from_args(args: argparse.Namespace):  # -> Settings, import kept lazy
    from quotedesk.config import Settings

    return Settings.from_env(
        db_path=getattr(args, "db", None), chroma_url=getattr(args, "chroma_url", None)
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotedesk",
        description="Who really said this? Attributed quotes, cited answers, provenance checks.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"quotedesk.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(args) or EXIT_OK)
    except QuotedeskError as exc:
        print(f"quotedesk: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("quotedesk: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
