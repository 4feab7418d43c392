"""Several users at once: a second local writer is refused, and concurrent chat clients all
get the right answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from quotedesk.config import Settings
from quotedesk.store import Store

QUOTEDESK = Path(sys.executable).parent / "quotedesk"


def quotedesk(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTEDESK_")}
    env["QUOTEDESK_DB"] = str(db)
    return subprocess.run(
        [str(QUOTEDESK), *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_second_writer_on_a_local_library_is_refused(
    db_path: Path, sample_article_path: Path
) -> None:
    store = Store(Settings.from_env())
    with store.writing():  # this process is busy ingesting
        refused = quotedesk("ingest", str(sample_article_path), db=db_path)
    assert refused.returncode == 1
    assert "another process" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert json.loads(quotedesk("stats", "--json", db=db_path).stdout)["articles"] == 0

    # once the first writer is done, the same command goes through
    again = quotedesk("ingest", str(sample_article_path), db=db_path)
    assert again.returncode == 0, again.stderr
    assert json.loads(quotedesk("stats", "--json", db=db_path).stdout)["articles"] == 1
