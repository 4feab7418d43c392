"""Ask and verify latency (p50/p95) with the model loaded, on the real corpus library.

    python benchmarks/query_bench.py [--queries 60] [--out FILE]

Ingests the reference article and the shared news corpus (plus the GGT articles, when
present, for variety) with the real pipeline and embedder, and times ``QuoteDesk.ask`` /
``QuoteDesk.verify`` on questions generated from the stored quotes (who-said,
what-did-X-say, verify as-is and negated). ``scale_bench.py`` uses the same library as
its pool and the same workload at 1k to 100k articles.

Exits 0 with a "skipped" message when ../shared is absent (fresh clone).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quotedesk.evaluation.paths import shared_dir


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
        "mean_ms": round(statistics.fmean(ordered), 1),
    }


def _negate(text: str) -> str:
    m = re.search(r"\b(is|are|was|were|will|would|can|could|should|has|have)\b", text)
    return f"{text[: m.end()]} not{text[m.end() :]}" if m else f"not {text}"


Work = dict[str, list[tuple[str, str | None]]]


def workload(quotes: Sequence[Any], n: int, seed: int = 3) -> Work:
    """Questions and claims built from stored quotes (no corpus text leaves the run)."""
    rng = random.Random(seed)
    quotes = [q for q in quotes if q.speaker and 6 <= len(q.text.split()) <= 40]
    picked = rng.sample(quotes, min(n, len(quotes)))
    bare = [q.text.strip().strip("\"'\u201c\u201d ") for q in picked]
    pairs = list(zip(picked, bare, strict=True))
    asks = [(f"who said {t}?", None) for t in bare[: n // 2]]
    asks += [(f"what did {q.speaker} say?", None) for q in picked[n // 2 : 3 * n // 4]]
    asks += [(f"did {q.speaker} say {_negate(t)}?", None) for q, t in pairs[3 * n // 4 :]]
    verifies = [(t, q.speaker) for q, t in pairs[: n // 2]]
    verifies += [(_negate(t), q.speaker) for q, t in pairs[n // 2 :]]
    return {"ask": asks, "verify": verifies}


def measure(desk: Any, work: Work) -> dict[str, Any]:
    desk.ask(work["ask"][0][0])  # warm: index, caches, ONNX session
    desk.verify(*work["verify"][0])
    times: dict[str, list[float]] = {"ask": [], "verify": []}
    for question, _ in work["ask"]:
        start = time.perf_counter()
        desk.ask(question)
        times["ask"].append(1000 * (time.perf_counter() - start))
    for claim, speaker in work["verify"]:
        start = time.perf_counter()
        desk.verify(claim, speaker)
        times["verify"].append(1000 * (time.perf_counter() - start))
    return {name: _percentiles(samples) for name, samples in times.items()}


def base_library(folder: Path, embedder: Any, shared: Path) -> Any:
    from ingest.load import load_text
    from ingest.pipeline import ingest, process
    from quotedesk.config import Settings
    from quotedesk.resources import SAMPLE_ARTICLE
    from quotedesk.store import Store

    store = Store(Settings(db_path=folder), embeddings=embedder)
    ingest(store, [SAMPLE_ARTICLE, shared / "corpus" / "news"])
    ggt = shared / "benchmarks" / "ggt" / "articles.jsonl"
    if ggt.is_file():
        with store.writing():
            for line in ggt.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                row = json.loads(line)
                article = load_text(
                    row["text"], source=f"ggt:{row['id']}", fmt="text", outlet=row.get("outlet")
                )
                done = process(article)
                store.put(article, done.passages, done.quotes)
    return store


def run(queries: int, shared: Path) -> dict[str, Any]:
    from assistant import QuoteDesk
    from quotedesk.config import Settings
    from quotedesk.embeddings import make_embeddings

    embedder = make_embeddings(Settings())
    with tempfile.TemporaryDirectory(prefix="qd-query-bench-") as tmp:
        base = base_library(Path(tmp) / "base", embedder, shared)
        work = workload(base.all_quotes(), queries)
        return {
            "benchmark": "query",
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
            "targets_ms": {"ask_p50": 50, "verify_p50": 30},
            "load_average": round(os.getloadavg()[0], 2),
            "corpus": {**base.stats(), **measure(QuoteDesk(store=base), work)},
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--out", type=Path, help="also write the JSON result here")
    args = parser.parse_args()
    if not (args.shared / "corpus" / "news").is_dir():
        print(f"skipped: no shared corpus at {args.shared}")
        return 0
    result = run(args.queries, args.shared)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
