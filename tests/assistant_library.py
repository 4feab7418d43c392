"""One ingested library shared by the assistant tests (built once per test session).

Ingesting runs spaCy and the embedder over every article, so the reference article
and (when ../shared is present) the news corpus are ingested once into a temporary
folder, and every assistant test module opens that same store.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from conftest import SHARED_DIR

from quotedesk.resources import SAMPLE_ARTICLE

NEWS_DIR = SHARED_DIR / "corpus" / "news"


@cache
def store():
    """The shared library: the reference article and, when available, the news corpus."""
    from ingest.pipeline import ingest
    from quotedesk.config import Settings
    from quotedesk.store import Store

    path = Path(tempfile.mkdtemp(prefix="quotedesk-assistant-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    opened = Store(Settings.from_env(env={}, db_path=path))
    inputs = [SAMPLE_ARTICLE] + ([NEWS_DIR] if NEWS_DIR.is_dir() else [])
    report = ingest(opened, inputs)
    assert report.ok, report.to_dict()
    return opened


def open_desk(**settings):
    """A QuoteDesk on the shared library; keyword arguments override settings (LLM...)."""
    from assistant import QuoteDesk

    shared = store()
    return QuoteDesk(store=shared, settings=shared.settings.with_(**settings))
