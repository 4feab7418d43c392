"""Ask and verify latency (p50/p95) with the model loaded: on the corpus and at 10k articles.

    python benchmarks/query_bench.py [--articles 10000] [--db DIR] [--queries 60] [--out FILE]

1. Ingests the reference article and the shared news corpus (plus the GGT articles,
   when present, for variety) with the real pipeline and embedder, and times
   ``QuoteDesk.ask`` / ``QuoteDesk.verify`` on questions generated from the stored
   quotes (who-said, what-did-X-say, verify as-is and negated).
2. Grows a library to ``--articles`` by storing re-dated copies of those articles,
   with their real vectors plus a little noise (re-embedding 300k texts would take
   hours here and measures the ingest, not the query), written in large batches in
   the store's own layout, then times the same queries against it with the real
   embedder embedding each question. ``--db`` keeps the big library for next time.

Targets (issue 4): ask p50 <= 50 ms, verify p50 <= 30 ms at 10k articles.
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
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

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


def workload(store: Any, n: int, seed: int = 3) -> dict[str, list[tuple[str, str | None]]]:
    """Questions and claims built from stored quotes (no corpus text leaves the run)."""
    rng = random.Random(seed)
    quotes = [q for q in store.all_quotes() if q.speaker and 6 <= len(q.text.split()) <= 40]
    picked = rng.sample(quotes, min(n, len(quotes)))
    bare = [q.text.strip().strip("\"'\u201c\u201d ") for q in picked]
    pairs = list(zip(picked, bare, strict=True))
    asks = [(f"who said {t}?", None) for t in bare[: n // 2]]
    asks += [(f"what did {q.speaker} say?", None) for q in picked[n // 2 : 3 * n // 4]]
    asks += [(f"did {q.speaker} say {_negate(t)}?", None) for q, t in pairs[3 * n // 4 :]]
    verifies = [(t, q.speaker) for q, t in pairs[: n // 2]]
    verifies += [(_negate(t), q.speaker) for q, t in pairs[n // 2 :]]
    return {"ask": asks, "verify": verifies}


def measure(desk: Any, work: dict[str, list[tuple[str, str | None]]]) -> dict[str, Any]:
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


def _copy(article: Any, k: int, originals: int) -> Any:
    """The k-th article of the big library: an original, or a re-dated distinct copy."""
    if k < originals:
        return article
    return replace(
        article,
        id=f"{article.id}c{k:05d}",
        source=f"bench-copy-{k}:{article.source}",
        title=f"{article.title} (copy {k})",
        published=(date(2015, 1, 1) + timedelta(days=k % 3650)).isoformat(),
        content_hash=f"{article.content_hash}:{k}",
    )


def grow(base: Any, target: Path, articles: int, batch: int = 4000) -> tuple[Any, float]:
    """A library of ``articles`` articles, written in large batches straight to Chroma.

    ``Store.put`` makes several round trips per article (about 0.5 s each here); the
    copies reuse the base records' real vectors (plus noise) and the store's own
    metadata layout, so the result reads exactly like an ingested library.
    """
    from quotedesk.config import Settings
    from quotedesk.store import Store, _article_fields

    started = time.perf_counter()
    vectors: dict[str, np.ndarray] = {}
    for collection in (base._passages, base._quotes):  # noqa: SLF001 - benchmark fast path
        got = collection.get(include=["embeddings"])
        vectors.update(zip(got["ids"], np.asarray(got["embeddings"]), strict=True))
    originals = [
        (base.get_article(s.id), base.passages_of(s.id), base.quotes_of(s.id))
        for s in base.articles()
    ]
    big = Store(Settings(db_path=target), embeddings=base.embeddings)
    rng = np.random.default_rng(0)
    rows: dict[str, list[tuple[str, str, Any, dict]]] = {"a": [], "p": [], "q": []}

    def noisy(record_id: str) -> list[float]:
        v = vectors[record_id] + rng.normal(0.0, 0.02, vectors[record_id].shape)
        return (v / np.linalg.norm(v)).tolist()

    def flush() -> None:
        for key, collection in (("p", big._passages), ("q", big._quotes), ("a", big._articles)):  # noqa: SLF001
            if rows[key]:
                ids, docs, embs, metas = zip(*rows[key], strict=True)
                collection.upsert(
                    ids=list(ids),
                    documents=list(docs),
                    embeddings=list(embs),
                    metadatas=list(metas),
                )
                rows[key].clear()

    with big.writing():
        for k in range(big.stats()["articles"], articles):
            article, passages, quotes = originals[k % len(originals)]
            copy = _copy(article, k, len(originals))
            shared = _article_fields(copy)
            new_passages = [
                replace(p, id=f"{copy.id}:p{p.index}", article_id=copy.id) for p in passages
            ]
            new_quotes = [
                replace(q, id=f"{copy.id}:q{i}", article_id=copy.id) for i, q in enumerate(quotes)
            ]
            for old, new in zip(passages, new_passages, strict=True):
                meta = {**shared, "index": new.index, "start": new.start, "end": new.end}
                rows["p"].append((new.id, new.text, noisy(old.id), meta))
            for old, new in zip(quotes, new_quotes, strict=True):
                meta = {**shared, **Store._quote_metadata(new)}  # noqa: SLF001
                rows["q"].append((new.id, new.text, noisy(old.id), meta))
            meta = Store._article_metadata(copy, new_passages, new_quotes)  # noqa: SLF001
            rows["a"].append((copy.id, copy.text, [1.0], meta))
            if len(rows["p"]) + len(rows["q"]) >= batch:
                flush()
            if k and k % 1000 == 0:
                print(f"  stored {k} articles", file=sys.stderr)
        flush()
        big._bump()  # noqa: SLF001 - readers key their caches on the version
    return big, time.perf_counter() - started


def scaled(big: Any, work: dict[str, list[tuple[str, str | None]]]) -> dict[str, Any]:
    """Latency on the big library, after the one-off index build (timed separately)."""
    from assistant import QuoteDesk

    desk = QuoteDesk(store=big)
    started = time.perf_counter()
    desk.retriever.index()
    index_s = time.perf_counter() - started
    return {**big.stats(), "index_build_s": round(index_s, 1), **measure(desk, work)}


def run(articles: int, queries: int, db: Path | None, shared: Path, reuse: bool) -> dict[str, Any]:
    from assistant import QuoteDesk
    from quotedesk.config import Settings
    from quotedesk.embeddings import make_embeddings
    from quotedesk.store import Store

    embedder = make_embeddings(Settings())
    result: dict[str, Any] = {
        "benchmark": "query",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "targets_ms": {"ask_p50": 50, "verify_p50": 30},
    }
    if reuse and db:  # only the scaled measurement, on a library an earlier run kept
        big = Store(Settings(db_path=db), embeddings=embedder, create=False)
        result["scaled"] = scaled(big, workload(big, queries))
        return result
    with tempfile.TemporaryDirectory(prefix="qd-query-bench-") as tmp:
        base = base_library(Path(tmp) / "base", embedder, shared)
        work = workload(base, queries)
        result["corpus"] = {**base.stats(), **measure(QuoteDesk(store=base), work)}
        _big, build_s = grow(base, db or Path(tmp) / "big", articles)
        big = Store(Settings(db_path=db or Path(tmp) / "big"), embeddings=embedder)
        result["scaled"] = {"build_s": round(build_s, 1), **scaled(big, work)}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--db", type=Path, help="keep (and reuse) the big library here")
    parser.add_argument(
        "--reuse", action="store_true", help="only time the library already at --db"
    )
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--out", type=Path, help="also write the JSON result here")
    args = parser.parse_args()
    if not (args.shared / "corpus" / "news").is_dir():
        print(f"skipped: no shared corpus at {args.shared}")
        return 0
    result = run(args.articles, args.queries, args.db, args.shared, args.reuse)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
