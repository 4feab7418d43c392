"""``quotedesk serve`` starts the app from the installed package, as a pip user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from app_server import free_port

QUOTEDESK = Path(sys.executable).parent / "quotedesk"
START_TIMEOUT = 240  # spaCy, the embedder and the sample article on a shared 2-core machine


def wait_until_serving(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(1)
    raise AssertionError(f"quotedesk serve did not answer on {url}")


def test_serve_answers_through_gradio_client_and_names_the_library(tmp_path: Path) -> None:
    from gradio_client import Client

    db, port = tmp_path / "library", free_port()
    env = {**os.environ, "QUOTEDESK_DB": str(tmp_path / "not-this-one")}
    env.pop("QUOTEDESK_CHROMA_URL", None)
    process = subprocess.Popen(
        [str(QUOTEDESK), "serve", "--port", str(port), "--db", str(db)],
        cwd=tmp_path,  # not the checkout: nothing from the repository's app.py
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(url, process)
        reply = Client(url, verbose=False).predict(
            "who said the cold war will go on?", api_name="/chat"
        )
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=60)
    assert "Yury Tavrovsky" in reply
    assert f"library: {db}" in err

    stats = subprocess.run(
        [str(QUOTEDESK), "stats", "--db", str(db)], capture_output=True, text=True, env=env
    )
    assert stats.stdout.splitlines()[0] == f"library: {db}"
    assert "articles: 1" in stats.stdout


def test_the_repository_entry_point_still_starts_the_same_app() -> None:
    from app_server import REPO_ROOT

    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "app.py"), "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert all(flag in result.stdout for flag in ("--host", "--port", "--db"))
