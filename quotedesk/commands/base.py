"""What every subcommand shares: exit codes, the library flags, settings from them.

Kept apart from ``quotedesk.cli`` so commands never import the module that imports them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotedesk.config import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_store_flags(parser: argparse.ArgumentParser) -> None:
    """Flags every command that opens the library accepts."""
    parser.add_argument("--db", metavar="DIR", help="local library folder (env QUOTEDESK_DB)")
    parser.add_argument(
        "--chroma-url",
        metavar="URL",
        help="use a Chroma server instead of a local folder (env QUOTEDESK_CHROMA_URL)",
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The environment's settings with ``--db`` / ``--chroma-url`` on top (config read lazily)."""
    from quotedesk.config import Settings

    return Settings.from_env(
        db_path=getattr(args, "db", None), chroma_url=getattr(args, "chroma_url", None)
    )
