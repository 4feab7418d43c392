"""A warm process that forks ingest and check children, for tests/test_crash.py.

Killing ``quotedesk ingest`` at ten moments would start spaCy, Chroma and the embedder
eleven times (about 9 s of CPU each); forked from this warm process a child starts
working at once. Only imports and the spaCy model are warmed here: Chroma clients and
onnxruntime sessions run threads that do not survive a fork, so each child makes its own.

Protocol: one JSON command per stdin line, ``{"op": ..., "out": FILE, "args": {...}}``;
this process answers ``@@ {"pid": N}`` when the child starts and ``@@ {"exit": STATUS}``
when it ends. An ingest child says ``@@ {"write": K}`` as its K-th store write starts (a
kill aimed at a write needs to know when one runs). The child writes its result as JSON
to FILE (nothing when it is killed).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def run_ingest(db: str, paths: list[str], batch_texts: int) -> dict[str, Any]:
    """Ingest ``paths``, writing every ``batch_texts`` texts (small: many writes to hit);
    the report and how long each write took."""
    import ingest.pipeline as pipeline
    from quotedesk.config import Settings
    from quotedesk.store import Store

    pipeline.BATCH_TEXTS = batch_texts
    writes: list[float] = []
    put_many = Store.put_many

    def announced(store: Store, entries: Any) -> Any:
        print("@@", json.dumps({"write": len(writes)}), flush=True)
        start = time.monotonic()
        statuses = put_many(store, entries)
        writes.append(time.monotonic() - start)
        return statuses

    Store.put_many = announced  # type: ignore[method-assign]
    report = pipeline.ingest(Store(Settings(db_path=Path(db))), paths).to_dict()
    return {**report, "writes": writes}


def run_check(db: str, question: str) -> dict[str, Any]:
    """What ``stats``, ``articles`` and ``ask`` show, and the records the listing accounts for."""
    from assistant import QuoteDesk
    from quotedesk.config import Settings

    desk = QuoteDesk(settings=Settings(db_path=Path(db)))
    articles = desk.articles()
    answer = desk.ask(question)
    hits, _trace = desk.retriever.search(question)
    shown = {c.article_id for c in answer.citations}
    shown |= {c.id.rsplit(":", 1)[0] for c in answer.trace.candidates} if answer.trace else set()
    shown |= {h.article_id for h in hits}
    return {
        "stats": desk.stats(),
        "listed": {
            "articles": len(articles),
            "passages": sum(a.passage_count for a in articles),
            "quotes": sum(a.quote_count for a in articles),
        },
        "ids": sorted(a.id for a in articles),
        "shown": sorted(shown),
    }


def serve() -> None:
    import chromadb  # noqa: F401

    import assistant  # noqa: F401  (imports only: see the module docstring)
    import ingest.pipeline  # noqa: F401
    from ingest.attribute.nlp import get_nlp

    get_nlp()
    operations = {"ingest": run_ingest, "check": run_check}
    for line in sys.stdin:
        command = json.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                result = {"ok": operations[command["op"]](**command["args"])}
            except BaseException as exc:  # the test shows what went wrong
                result = {"error": repr(exc)}
            Path(command["out"]).write_text(json.dumps(result))
            os._exit(0)
        print("@@", json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        print("@@", json.dumps({"exit": status}), flush=True)


if __name__ == "__main__":
    serve()
