"""The app side of a 100k-article library: the lexical index alone, without Chroma.

    python benchmarks/lexical_bench.py [--articles 100000] [--queries 40] [--work DIR]

``scale_bench.py`` measures whole libraries through Chroma at 1k and 10k. Writing 2.1M
synthetic vectors into Chroma for 100k articles takes hours on 2 cores, and in server
mode those vectors live in the Chroma server anyway. What every app replica holds itself
is the lexical index (``assistant.lexical``), so this script grows that index from the
very synthetic articles ``scale_bench`` stores (same pool, same copies) through the real
``LexicalIndex.sync``, with a stand-in for the store's two read calls, and reports:

- build: seconds and peak RSS of the process that builds the index from nothing,
  articles read a batch at a time as from a library;
- reopen: seconds for a new process to open the file, and BM25 search p50/p95 (plain and
  speaker-restricted) with the workload's questions, and that process's peak RSS;
- the file size.

Exits 0 with "skipped" when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "benchmarks"), str(REPO / "tests")]

import query_bench  # noqa: E402  (pool library and workload)
import scale_bench  # noqa: E402  (the synthetic copies)

from assistant.lexical import LexicalIndex, Restriction  # noqa: E402
from quotedesk.config import Settings  # noqa: E402
from quotedesk.evaluation.paths import shared_dir  # noqa: E402
from quotedesk.store import Contents  # noqa: E402

RESULTS = REPO / "benchmarks" / "results"


class SyntheticLibrary:
    """``scale_bench``'s k-th synthetic article for k < size, served like ``Store`` serves."""

    def __init__(self, pool: list[scale_bench.Source], size: int) -> None:
        self.pool = pool
        self.ids = [f"syn{k:07d}-{pool[k % len(pool)].article.id[:8]}" for k in range(size)]

    def article_versions(self) -> dict[str, str | None]:
        return dict.fromkeys(self.ids)  # hashes unknown: the index keeps what it read

    def contents(self, article_ids: list[str]) -> list[Contents]:
        out = []
        for article_id in article_ids:
            k = int(article_id[3:10])
            source = self.pool[k % len(self.pool)]
            article, passages, quotes, _ = scale_bench.synthetic(
                source, k, np.random.default_rng(k)
            )
            out.append(Contents(article, passages, quotes))
        return out


def ensure_pool(work: Path, shared: Path) -> None:
    if not (work / "base").exists():
        from quotedesk.embeddings import make_embeddings

        print("building the pool library (real ingest)...", file=sys.stderr)
        query_bench.base_library(work / "base", make_embeddings(Settings()), shared)


def build(work: Path, articles: int) -> dict[str, Any]:
    """Run in a fresh process: grow the index from nothing."""
    from quotedesk.store import Store

    pool = scale_bench.read_pool(Store(Settings(db_path=work / "base"), create=False))
    library = SyntheticLibrary(pool, articles)
    path = work / f"lexical-{articles}.sqlite"
    for stale in work.glob(f"lexical-{articles}.sqlite*"):
        stale.unlink()
    started = time.perf_counter()
    LexicalIndex(path).sync(library, 1)  # type: ignore[arg-type]
    return {
        "build_s": round(time.perf_counter() - started, 1),
        "build_peak_rss_mb": scale_bench.peak_rss_mb("self"),
        "file_mb": round(sum(p.stat().st_size for p in work.glob(path.name + "*")) / 2**20),
    }


def reopen(work: Path, articles: int, queries: int) -> dict[str, Any]:
    """Run in a fresh process: open the built index and search it."""
    from quotedesk.store import Store

    pool_quotes = Store(Settings(db_path=work / "base"), create=False).all_quotes()
    work_items = query_bench.workload(pool_quotes, queries)
    texts = [claim for claim, _ in work_items["verify"]]
    speakers = [speaker for _, speaker in work_items["verify"]]
    started = time.perf_counter()
    index = LexicalIndex(work / f"lexical-{articles}.sqlite")
    index.search("warm up", 20)
    opened = time.perf_counter() - started
    plain, by_speaker = [], []
    for text, speaker in zip(texts, speakers, strict=True):
        t0 = time.perf_counter()
        index.search(text, 20)
        t1 = time.perf_counter()
        index.search(text, 20, Restriction(kinds=("quote",), speakers=(speaker,)))
        t2 = time.perf_counter()
        plain.append(1000 * (t1 - t0))
        by_speaker.append(1000 * (t2 - t1))
    return {
        "open_s": round(opened, 2),
        "search": query_bench._percentiles(plain),
        "search_by_speaker": query_bench._percentiles(by_speaker),
        "peak_rss_mb": scale_bench.peak_rss_mb("self"),
        **index.counts(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--work", type=Path, help="keep the pool and the index here")
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--out-dir", type=Path, default=RESULTS)
    parser.add_argument("--step", choices=("build", "reopen"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (args.shared / "corpus" / "news").is_dir():
        print(f"skipped: no shared corpus at {args.shared}")
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="qd-lexical-bench-"))
    if args.step == "build":
        print(json.dumps(build(work, args.articles)))
        return 0
    if args.step == "reopen":
        print(json.dumps(reopen(work, args.articles, args.queries)))
        return 0
    ensure_pool(work, args.shared)
    result: dict[str, Any] = {"benchmark": "lexical", "articles": args.articles}
    for step in ("build", "reopen"):
        done = subprocess.run(
            [sys.executable, __file__, f"--step={step}", f"--work={work}", *_passed(args)],
            capture_output=True,
            text=True,
            check=True,
        )
        result.update(json.loads(done.stdout.strip().splitlines()[-1]))
    args.out_dir.mkdir(parents=True, exist_ok=True)
    out = args.out_dir / f"lexical-{args.articles}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _passed(args: argparse.Namespace) -> list[str]:
    return [f"--articles={args.articles}", f"--queries={args.queries}", f"--shared={args.shared}"]


if __name__ == "__main__":
    sys.exit(main())
