"""The web app (Gradio): ``quotedesk serve``, or ``python app.py`` in a checkout.

Kept light (no gradio import) so ``quotedesk --help`` can describe ``serve``'s flags.
"""

from __future__ import annotations

import argparse
import os


def add_server_flags(parser: argparse.ArgumentParser) -> None:
    """``--host`` and ``--port``, defaulting to Gradio's own environment variables."""
    parser.add_argument(
        "--host",
        default=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        help="address to listen on (default: $GRADIO_SERVER_NAME or 127.0.0.1)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
        help="port (default: $GRADIO_SERVER_PORT or 7860)",
    )
