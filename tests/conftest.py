"""Shared fixtures: the bundled sample article, ../shared data (skipped when absent)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from quotedesk.resources import SAMPLE_ARTICLE

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("QUOTEDESK_SHARED", REPO_ROOT.parent / "shared"))
TEST_DATA = Path(__file__).resolve().parent / "data"

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# derived files (the lexical index of a server library) go to a throwaway cache, not ~/.cache
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="quotedesk-test-cache-"))


@pytest.fixture(scope="session")
def sample_article_path() -> Path:
    return SAMPLE_ARTICLE


def _absent(what: str) -> None:
    """Skip on a fresh clone; fail under CI, where a run that skipped every test of the
    shared data would otherwise go green without having checked it."""
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(
            f"CI=true but {what} is missing: CI must provide the shared data "
            "(set QUOTEDESK_SHARED to its folder)",
            pytrace=False,
        )
    pytest.skip(f"{what} is not present (fresh clone without shared data)")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        _absent(f"the shared data folder {SHARED_DIR}")
    return SHARED_DIR


@pytest.fixture(scope="session")
def news_dir(shared_dir: Path) -> Path:
    path = shared_dir / "corpus" / "news"
    if not path.is_dir():
        _absent(str(path))
    return path


@pytest.fixture(scope="session")
def ggt_path(shared_dir: Path) -> Path:
    path = shared_dir / "benchmarks" / "ggt" / "articles.jsonl"
    if not path.is_file():
        _absent(str(path))
    return path


@pytest.fixture()
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh local library for one test; QUOTEDESK_DB points at it."""
    path = tmp_path / "db"
    monkeypatch.setenv("QUOTEDESK_DB", str(path))
    monkeypatch.delenv("QUOTEDESK_CHROMA_URL", raising=False)
    return path
