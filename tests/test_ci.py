"""CI cannot go green by skipping: without the shared data a test that needs it skips on a
fresh clone, but fails the run under ``CI=true``."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO_ROOT

NEEDS_SHARED = "tests/test_load.py::test_news_corpus_loads"


def run_shared_test(ci: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["QUOTEDESK_SHARED"] = "/nonexistent/shared"
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", NEEDS_SHARED],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_missing_shared_data_skips_on_a_fresh_clone() -> None:
    done = run_shared_test(ci=None)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 skipped" in done.stdout


def test_missing_shared_data_fails_under_ci() -> None:
    done = run_shared_test(ci="true")
    assert done.returncode == 1
    assert "1 error" in done.stdout
    assert "CI=true but the shared data folder /nonexistent/shared is missing" in done.stdout
