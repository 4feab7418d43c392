"""How Quotedesk grows: disk, memory, ask/verify latency and cold start at 1k, 10k... articles,
on a local library and through a Chroma server.

    python benchmarks/scale_bench.py [--sizes 1000 10000] [--queries 40] [--work DIR]
                                     [--no-server] [--out-dir benchmarks/results]

1. A pool of real text: the reference article, the shared news corpus and the GGT
   articles, ingested once with the real pipeline and embedder (``query_bench``'s base
   library, kept in ``--work`` for the next run).
2. Synthetic articles from the pool: each copy keeps a random ~80% of its source's
   passages (in order), is re-dated, and gets its own text, id and source; its quotes keep
   their speakers and their offsets are recomputed, so every quote still slices out of
   its article. Vectors are the pool's vectors plus a little noise: embedding a million
   passages on 2 cores would take days, and these numbers are about the store, not the
   embedder (the ingest benchmark measures that). Records are written by
   the store's own batch writer, many articles per call.
3. For each size, a fresh process opens the library and times ``QuoteDesk.ask`` /
   ``QuoteDesk.verify`` (``query_bench``'s workload) and reports its peak RSS; another
   times ``quotedesk ask`` from the shell (cold start). Then a copy of the library
   folder is served by ``chroma run`` and the same is measured through it.

Exits 0 with a "skipped" message when ../shared is absent (fresh clone).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "benchmarks"), str(REPO / "tests")]

import query_bench  # noqa: E402  (sibling benchmark: base library, workload, timing)
from chroma_server import ChromaServer  # noqa: E402  (the test helper that runs `chroma run`)

from quotedesk.config import Settings  # noqa: E402
from quotedesk.evaluation.paths import shared_dir  # noqa: E402
from quotedesk.models import Article, Passage, Quote  # noqa: E402
from quotedesk.store import Entry  # noqa: E402

RESULTS = REPO / "benchmarks" / "results"
QUOTEDESK = Path(sys.executable).parent / "quotedesk"
KEEP = 0.8  # share of a source's passages a synthetic copy keeps
NOISE = 0.02  # per-dimension noise on reused vectors (cosine to the original ~0.93)
WRITE_BATCH = 200  # articles per round of upserts (~7k records)


@dataclass(frozen=True)
class Source:
    """One real article with its records and their vectors."""

    article: Article
    passages: list[Passage]
    quotes: list[Quote]
    passage_vectors: np.ndarray
    quote_vectors: np.ndarray


def read_pool(base: Any) -> list[Source]:
    """Every article of the base library with the vectors the store already holds."""
    pool = []
    for summary in base.articles():
        passages, quotes = base.passages_of(summary.id), base.quotes_of(summary.id)
        pool.append(
            Source(
                base.get_article(summary.id),
                passages,
                quotes,
                _vectors(base._passages, [p.id for p in passages]),
                _vectors(base._quotes, [q.id for q in quotes]),
            )
        )
    return pool


def _vectors(collection: Any, ids: list[str]) -> np.ndarray:
    if not ids:
        return np.zeros((0, 384), dtype=np.float32)
    found = collection.get(ids=ids, include=["embeddings"])
    by_id = dict(zip(found["ids"], found["embeddings"], strict=True))
    return np.asarray([by_id[i] for i in ids], dtype=np.float32)


def synthetic(source: Source, k: int, rng: np.random.Generator) -> tuple[Any, ...]:
    """Copy ``k`` of ``source``: resampled passages, re-dated, own id; vectors with noise."""
    keep = [i for i in range(len(source.passages)) if rng.random() < KEEP] or [0]
    published = (date(2010, 1, 1) + timedelta(days=k % 5000)).isoformat()
    article_id = f"syn{k:07d}-{source.article.id[:8]}"
    pieces, passages, shift = [], [], {}
    at = 0
    for n, i in enumerate(keep):
        old = source.passages[i]
        passages.append(
            Passage(f"{article_id}:p{n}", article_id, n, at, at + len(old.text), old.text)
        )
        shift[i] = at - old.start
        pieces.append(old.text)
        at += len(old.text) + 1
    text = "\n".join(pieces)
    quotes, quote_rows = [], []
    for row, quote in enumerate(source.quotes):
        inside = [
            i for i in keep if source.passages[i].start <= quote.start < source.passages[i].end
        ]
        if not inside or quote.end > source.passages[inside[0]].end:
            continue
        start = quote.start + shift[inside[0]]
        quotes.append(
            replace(
                quote,
                start=start,
                end=start + len(quote.text),
                article_id=article_id,
                id=f"{article_id}:q{len(quotes)}",
            )
        )
        quote_rows.append(row)
    article = replace(
        source.article,
        id=article_id,
        text=text,
        source=f"synthetic/{k:07d}/{source.article.source}",
        published=published,
        content_hash=hashlib.sha256(f"{published}\n{text}".encode()).hexdigest(),
    )
    vectors = np.concatenate([source.passage_vectors[keep], source.quote_vectors[quote_rows]])
    noisy = vectors + rng.normal(0.0, NOISE, vectors.shape).astype(np.float32)
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    return article, passages, quotes, noisy


def _within(passage: Passage, offset: int) -> bool:
    return passage.start <= offset < passage.end


def grow(store: Any, pool: list[Source], size: int) -> float:
    """Add synthetic articles until the library holds ``size``; seconds taken.

    Writes through the store's own batch writer, skipping ``put_many``'s lookups of
    earlier versions (these articles are new by construction): a few large upserts per
    ``WRITE_BATCH`` articles instead of several calls per article.
    """
    started = time.perf_counter()
    have = store.stats()["articles"]
    batch: list[Entry] = []
    for k in range(have, size):
        article, passages, quotes, vectors = synthetic(
            pool[k % len(pool)], k, np.random.default_rng(k)
        )
        batch.append(Entry(article, passages, quotes, vectors))
        if len(batch) == WRITE_BATCH or k == size - 1:
            with store.writing():
                store._write(batch)  # noqa: SLF001 - benchmark fast path, same records as put
            batch.clear()
            print(f"  {k + 1} articles", file=sys.stderr, flush=True)
    store._bump()  # noqa: SLF001 - readers key their caches on the version
    return time.perf_counter() - started


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure_here(settings: Settings, pool: Path, queries: int) -> dict[str, Any]:
    """Run in a fresh process: open, index, time ask/verify; this process's peak RSS.

    The questions come from the pool library's quotes: every synthetic article repeats
    a pool article's quotes, and reading 110 articles costs nothing at any size."""
    from assistant import QuoteDesk
    from quotedesk.store import Store

    started = time.perf_counter()
    store = Store(settings, create=False)
    desk = QuoteDesk(store=store)
    desk.retriever.index()
    ready = time.perf_counter() - started
    work = query_bench.workload(Store(Settings(db_path=pool), create=False).all_quotes(), queries)
    timings = query_bench.measure(desk, work)
    return {
        "ready_s": round(ready, 2),
        **timings,
        "peak_rss_mb": peak_rss_mb("self"),
        "question": work["ask"][0][0],
    }


def measure(target: dict[str, str], queries: int) -> dict[str, Any]:
    """``measure_here`` in a child process (so its memory is the library's, not the build's),
    twice: the first builds the lexical index from the library, the second reopens it, as
    any later process (app restart, CLI call) does."""
    flags = [f"--{k}={v}" for k, v in target.items()]
    runs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, __file__, "--measure", *flags, f"--queries={queries}"],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first, again = runs
    return {
        **again,
        "index_build_s": first["ready_s"],
        "build_peak_rss_mb": first["peak_rss_mb"],
    }


def cold_start(question: str, env: dict[str, str], runs: int = 2) -> list[float]:
    """Wall seconds of ``quotedesk ask`` from a shell, as a user would see them."""
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [str(QUOTEDESK), "ask", question, "--json"],
            env={**os.environ, **env},
            capture_output=True,
            check=True,
        )
        walls.append(round(time.perf_counter() - started, 2))
    return walls


def peak_rss_mb(pid: int | str) -> int:
    """A process's peak RSS (VmHWM from /proc). Not ``getrusage``: Linux carries the
    parent's peak over ``fork`` + ``exec``, so a child would report the builder's memory."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return 0


def run_size(store: Any, pool: list[Source], size: int, work: Path, args: Any) -> list[dict]:
    library = store.settings.db_path
    build_s = grow(store, pool, size)
    local = {"mode": "local", "size": size, **store.stats(), "build_s": round(build_s, 1)}
    local["load_average"] = round(os.getloadavg()[0], 2)  # other work on this machine
    local["disk_mb"] = round(folder_bytes(library) / 2**20)
    pool_db = str(work / "base")
    local.update(measure({"db": str(library), "pool": pool_db}, args.queries))
    env = {"QUOTEDESK_DB": str(library), "QUOTEDESK_CHROMA_URL": ""}
    local["cold_start_s"] = cold_start(local["question"], env)
    rows = [local]
    if args.server:
        served = work / f"server-{size}"
        shutil.rmtree(served, ignore_errors=True)
        shutil.copytree(library, served)
        with ChromaServer(served) as server:
            remote = {k: v for k, v in local.items() if k != "build_s"}
            target = {"chroma-url": server.url, "pool": pool_db}
            remote.update(mode="server", **measure(target, args.queries))
            env = {"QUOTEDESK_CHROMA_URL": server.url}
            remote["cold_start_s"] = cold_start(local["question"], env)
            remote["server_peak_rss_mb"] = peak_rss_mb(server.pid)
        shutil.rmtree(served, ignore_errors=True)
        rows.append(remote)
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| mode | articles | passages | quotes | disk MB | index build s | ready s | "
        "ask p50 / p95 ms | verify p50 / p95 ms | peak RSS MB (client / server) | "
        "`quotedesk ask` cold s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        server_mb = f" / {r['server_peak_rss_mb']}" if "server_peak_rss_mb" in r else ""
        lines.append(
            f"| {r['mode']} | {r['articles']} | {r['passages']} | {r['quotes']} | "
            f"{r['disk_mb']} | {r['index_build_s']} | {r['ready_s']} | "
            f"{r['ask']['p50_ms']} / {r['ask']['p95_ms']} | "
            f"{r['verify']['p50_ms']} / {r['verify']['p95_ms']} | {r['peak_rss_mb']}{server_mb} | "
            f"{' / '.join(str(s) for s in r['cold_start_s'])} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--work", type=Path, help="keep the libraries here (reused next run)")
    parser.add_argument("--no-server", dest="server", action="store_false")
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--out-dir", type=Path, default=RESULTS)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--chroma-url", help=argparse.SUPPRESS)
    parser.add_argument("--pool", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        settings = Settings.from_env(db_path=args.db, chroma_url=args.chroma_url)
        print(json.dumps(measure_here(settings, args.pool, args.queries)))
        return 0
    if not (args.shared / "corpus" / "news").is_dir():
        print(f"skipped: no shared corpus at {args.shared}")
        return 0
    from quotedesk.embeddings import make_embeddings
    from quotedesk.store import Store

    work = args.work or Path(tempfile.mkdtemp(prefix="qd-scale-bench-"))
    embedder = make_embeddings(Settings())
    if not (work / "base").exists():
        print("building the pool library (real ingest)...", file=sys.stderr)
        query_bench.base_library(work / "base", embedder, args.shared)
    pool = read_pool(Store(Settings(db_path=work / "base"), embeddings=embedder))
    store = Store(Settings(db_path=work / "scaled"), embeddings=embedder)
    rows = []
    for size in sorted(args.sizes):
        print(f"growing to {size} articles...", file=sys.stderr)
        rows += run_size(store, pool, size, work, args)
        (args.out_dir / "scale.json").parent.mkdir(parents=True, exist_ok=True)
        (args.out_dir / "scale.json").write_text(json.dumps(rows, indent=2) + "\n")
    print(table(rows))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
