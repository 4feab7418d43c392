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

from quotedesk.commands.base import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from quotedesk.errors import ConfigError, InputError, QuotedeskError

# Order is the order shown in --help.
COMMAND_MODULES = (
    "library",  # ingest, stats, articles, remove
    "quotes",
    "ask",  # ask, verify, check-draft
    "speakers",  # speakers, speaker
    "evaluate",
    "serve",
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
    except (ConfigError, InputError) as exc:  # the user's settings or input, not a failure
        print(f"quotedesk: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except QuotedeskError as exc:
        print(f"quotedesk: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("quotedesk: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
