"""``quotedesk serve``: the web app from an installed package (``python app.py`` in a checkout)."""

from __future__ import annotations

import argparse
from typing import Any

from quotedesk.commands.base import EXIT_OK, add_store_flags, settings_from_args
from quotedesk.web import add_server_flags


def register(subparsers: Any) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="start the web app (chat, verify, library, draft check)",
        description="Serve the Gradio app on loopback; on first start it adds the sample article.",
    )
    add_server_flags(serve)
    add_store_flags(serve)
    serve.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    from quotedesk.web.app import start

    start(settings_from_args(args), args.host, args.port)
    return EXIT_OK
