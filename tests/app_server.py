"""The real app on a free loopback port, launched once per test process and shared.

Both the gradio_client tests and the browser test drive the same server, so spaCy, the
embedder and the sample article are loaded once. It serves a library in a temp folder
and stops when the test process exits.
"""

from __future__ import annotations

import atexit
import functools
import importlib
import shutil
import socket
import tempfile
from pathlib import Path
from types import ModuleType

from quotedesk.config import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]


def app_module() -> ModuleType:
    """The app as installed (``quotedesk serve``); the repository's ``app.py`` only calls it."""
    return importlib.import_module("quotedesk.web.app")


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def launch(settings: Settings, *, seed: bool = True) -> str:
    """Serve the app over a desk with ``settings``; the URL. Stopped at process exit."""
    from assistant import QuoteDesk

    app = app_module()
    desk = QuoteDesk(settings=settings)
    if seed:
        app.seed_sample(desk)
    demo = app.serve(desk, "127.0.0.1", free_port(), prevent_thread_lock=True, quiet=True)
    atexit.register(demo.close)
    return demo.local_url


@functools.cache
def app_url() -> str:
    """The shared app over a fresh temp library holding the bundled sample article."""
    library = Path(tempfile.mkdtemp(prefix="quotedesk-app-test-"))
    atexit.register(shutil.rmtree, library, True)  # runs after the server closes (LIFO)
    return launch(Settings(db_path=library / "db"))
