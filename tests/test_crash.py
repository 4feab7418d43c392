"""Crash-safe writes: ingests of GGT articles SIGKILLed at ten random moments of their
writes never leave records of an article that is not in the library; a rerun completes them."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HELPER = Path(__file__).resolve().parent / "ingest_forks.py"
GROUP = 2  # GGT articles per ingest
BATCH_TEXTS = 40  # about a write per article
KILLS = 10
QUESTION = "who said the government has to do more?"


class Forks:
    """Drives ``ingest_forks.py``: run an ingest or a check as a forked child, maybe kill it."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.process = subprocess.Popen(
            [sys.executable, str(HELPER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=HELPER.parent.parent,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.runs = 0

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("@@ "):
                self.messages.put(json.loads(line[3:]))

    def _until(self, key: str) -> dict[str, Any]:
        """The next message holding ``key``, or the child's exit, whichever comes first."""
        while True:
            message = self.messages.get(timeout=600)
            if key in message or "exit" in message:
                return message

    def run(
        self, op: str, kill: tuple[int, float] | None = None, **args: Any
    ) -> dict[str, Any] | None:
        """The child's result; with ``kill=(k, delay)`` it is SIGKILLed ``delay`` seconds
        into its k-th write, and None is returned when that happened."""
        self.runs += 1
        out = self.work / f"result-{self.runs}.json"
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"op": op, "out": str(out), "args": args}) + "\n")
        self.process.stdin.flush()
        pid = self._until("pid")["pid"]
        message: dict[str, Any] = {}
        while kill is not None and "exit" not in message:
            message = self._until("write")
            if message.get("write") == kill[0]:
                time.sleep(kill[1])
                with contextlib.suppress(ProcessLookupError):  # it finished meanwhile
                    os.kill(pid, signal.SIGKILL)
                break
        if "exit" not in message:
            self._until("exit")
        if not out.exists():
            return None
        result = json.loads(out.read_text())
        assert "ok" in result, result.get("error")
        return result["ok"]

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)


@pytest.fixture()
def forks(tmp_path: Path) -> Iterator[Forks]:
    helper = Forks(tmp_path)
    yield helper
    helper.close()


@pytest.fixture()
def ggt_groups(ggt_path: Path, tmp_path: Path) -> list[str]:
    """KILLS + 1 small JSONL files of GGT articles: each killed ingest gets fresh work."""
    groups = []
    with ggt_path.open(encoding="utf-8") as lines:
        for n in range(KILLS + 1):
            group = tmp_path / f"ggt-{n}.jsonl"
            group.write_text("".join(next(lines) for _ in range(GROUP)), encoding="utf-8")
            groups.append(str(group))
    return groups


def test_killed_ingests_leave_nothing_half_written(
    forks: Forks, ggt_groups: list[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "db")
    first = forks.run("ingest", db=db, paths=ggt_groups[:1], batch_texts=BATCH_TEXTS)
    assert first is not None and first["added"] == GROUP
    writes = first["writes"]  # how long each write took

    # A kill at a moment drawn over the run would mostly land in spaCy or the embedder,
    # where dying is harmless; these land in a write, at a random point of it.
    moments = random.Random(13)
    killed = 0
    for group in ggt_groups[1:]:
        k = moments.randrange(len(writes))
        kill = (k, moments.uniform(0.0, writes[k]))
        done = forks.run("ingest", kill, db=db, paths=[group], batch_texts=BATCH_TEXTS)
        killed += done is None
        seen = forks.run("check", db=db, question=QUESTION)
        assert seen is not None
        assert seen["stats"] == seen["listed"]  # no record of an article not listed
        assert set(seen["shown"]) <= set(seen["ids"])  # ask shows only listed articles
    assert killed >= KILLS // 2  # most kills landed before their ingest ended

    rerun = forks.run("ingest", db=db, paths=ggt_groups, batch_texts=BATCH_TEXTS)
    assert rerun is not None and rerun["failed"] == 0
    final = forks.run("check", db=db, question=QUESTION)
    assert final is not None
    assert len(final["ids"]) == GROUP * (KILLS + 1)  # every article, complete...
    assert final["stats"] == final["listed"]  # ...and no record twice
