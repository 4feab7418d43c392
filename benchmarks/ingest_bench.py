"""Ingest throughput on the shared corpus, against the bare embedder on the same texts.

    python benchmarks/ingest_bench.py [--articles N] [--shared DIR] [--out FILE]

Runs the real ``ingest()`` (load, clean, attribute, chunk, embed, Chroma write) into a
temporary local library, timing each stage by wrapping the stage functions in place, so
the breakdown is of the real run rather than of a re-implementation. Then embeds exactly
the texts that run embedded (passages + quotes) with the same embedder in one call and
reports ingest/bare. Corpus copies beyond the shared files are re-dated, with a dated
closing line so each copy is a distinct article with its own id.

Exits 0 with a "skipped" message when ../shared is absent (fresh clone).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

REPO = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"


def shared_corpus(shared: Path) -> list[Path]:
    """The reference article and the real news articles, in a stable order."""
    corpus = shared / "corpus"
    return sorted(corpus.glob("*.txt")) + sorted((corpus / "news").glob("*.txt"))


def replicate(files: list[Path], count: int, folder: Path) -> list[Path]:
    """``count`` article files: the originals, then re-dated copies that are distinct articles."""
    out: list[Path] = []
    for k in range(count):
        source = files[k % len(files)]
        copy = k // len(files)
        raw = source.read_text(encoding="utf-8", errors="replace")
        if copy:
            day = date(2020, 1, 1) + timedelta(days=k)
            raw = re.sub(r"(?m)^Published Time:.*$", f"Published Time: {day.isoformat()}", raw)
            raw = raw.rstrip() + f"\n\nThis copy was re-dated to {day:%d %B %Y}.\n"
        path = folder / f"{copy:05d}_{source.name}"
        path.write_text(raw, encoding="utf-8")
        out.append(path)
    return out


class Stopwatch:
    """Exclusive seconds per stage: time inside a nested stage (an embed call inside
    ``Store.put_many``) counts for the inner stage only, so on one thread the stages add up to
    the wall time. Kept per thread, should a stage ever run in a worker thread."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._lock = threading.Lock()
        self._local = threading.local()

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        active = self._local.__dict__.setdefault("active", [])
        active.append(name)
        start = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            active.pop()
            with self._lock:
                self.seconds[name] += elapsed
                if active:
                    self.seconds[active[-1]] -= elapsed

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        """Replace ``owner.name`` by a timed version, where callers look it up."""
        original = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.stage(stage):
                return original(*args, **kwargs)

        setattr(owner, name, timed)

    def wrap_generator(self, owner: Any, name: str, stage: str) -> None:
        """Time only the work done inside the generator, not the consumer's loop body."""
        original: Callable[..., Iterator[Any]] = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            items = original(*args, **kwargs)
            while True:
                with self.stage(stage):
                    item = next(items, _DONE)
                if item is _DONE:
                    return
                yield item

        setattr(owner, name, timed)


_DONE = object()


class RecordingEmbeddings(Embeddings):
    """The real embedder, timed, remembering what it was asked to embed."""

    def __init__(self, inner: Any, watch: Stopwatch) -> None:
        self.inner = inner
        self.identity = inner.identity
        self.watch = watch
        self.batches: list[list[str]] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.batches.append(list(texts))
        with self.watch.stage("embed"):
            return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def instrument(watch: Stopwatch) -> None:
    """Wrap each pipeline stage where ``ingest()``/``process()`` look it up."""
    import ingest.attribute
    import ingest.chunk
    import ingest.load
    import ingest.sentences
    from quotedesk.store import Store

    watch.wrap_generator(ingest.load, "load", "load")
    watch.wrap(ingest.load, "clean_text", "clean")
    watch.wrap(ingest.sentences, "split_sentences", "sentences")
    watch.wrap(ingest.attribute, "attribute", "attribute")
    watch.wrap(ingest.chunk, "chunk", "chunk")
    watch.wrap(Store, "put_many", "chroma write")
    watch.wrap(Store, "is_stored", "chroma lookup")


def warm_up(embedder: Any) -> float:
    """Load the spaCy model and the ONNX session before the clock starts."""
    from ingest.attribute import attribute_text

    start = time.perf_counter()
    attribute_text('"We are ready," said Jane Roe.')
    embedder.embed_array(["warm up"])
    return time.perf_counter() - start


def timed(func: Callable[[Any], Any], arg: Any) -> tuple[float, float]:
    """Wall and CPU seconds of ``func(arg)``."""
    cpu, start = time.process_time(), time.perf_counter()
    func(arg)
    return time.perf_counter() - start, time.process_time() - cpu


def run(articles: int, shared: Path) -> dict[str, Any]:
    from ingest.pipeline import ingest
    from quotedesk.config import Settings
    from quotedesk.embeddings import make_embeddings
    from quotedesk.store import Store

    files = shared_corpus(shared)
    count = articles or len(files)
    embedder = make_embeddings(Settings())
    warm_seconds = warm_up(embedder)
    watch = Stopwatch()
    recorder = RecordingEmbeddings(embedder, watch)
    with tempfile.TemporaryDirectory(prefix="qd-ingest-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        inputs = replicate(files, count, folder)
        store = Store(Settings(db_path=Path(tmp) / "db"), embeddings=recorder)
        instrument(watch)
        load_before = os.getloadavg()[0]
        cpu_start, start = time.process_time(), time.perf_counter()
        report = ingest(store, inputs)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        stats = store.stats()

    texts = [t for batch in recorder.batches for t in batch]
    # bare runs before and after would be fairer, but the texts are only known after the
    # ingest; two runs averaged damp the noise of a shared machine
    bare_runs = [timed(embedder.embed_array, texts) for _ in range(2)]
    bare, bare_cpu = (sum(run[i] for run in bare_runs) / 2 for i in (0, 1))
    bare_in_batches = sum(timed(embedder.embed_array, batch)[0] for batch in recorder.batches)

    stages = dict(watch.seconds)
    stages["other"] = wall - sum(stages.values())
    return {
        "benchmark": "ingest",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "articles": count,
        "failed": len(report.failed),
        "passages": stats["passages"],
        "quotes": stats["quotes"],
        "texts_embedded": len(texts),
        "model_warm_up_s": round(warm_seconds, 2),
        "ingest_wall_s": round(wall, 2),
        "articles_per_s": round(count / wall, 3),
        "chunks_per_s": round(stats["passages"] / wall, 2),
        "texts_per_s": round(len(texts) / wall, 2),
        "bare_embedder_s": round(bare, 2),
        "bare_texts_per_s": round(len(texts) / bare, 2),
        "bare_in_ingest_batches_s": round(bare_in_batches, 2),
        "embed_calls": len(recorder.batches),
        "ratio_to_bare_embedder": round(bare / wall, 3),
        "ingest_cpu_s": round(cpu, 2),
        "bare_embedder_cpu_s": round(bare_cpu, 2),
        "cpu_ratio_to_bare_embedder": round(bare_cpu / cpu, 3),
        "load_average_at_start": round(load_before, 2),
        "stages_s": {k: round(v, 2) for k, v in sorted(stages.items(), key=lambda kv: -kv[1])},
        "slowest_stage": max((k for k in stages if k != "other"), key=stages.get),
    }


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "| articles | passages | quotes | ingest s | articles/s | chunks/s | texts/s | "
        "bare embedder texts/s | ingest / bare |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| {result['articles']} | {result['passages']} | {result['quotes']} | "
        f"{result['ingest_wall_s']} | {result['articles_per_s']} | {result['chunks_per_s']} | "
        f"{result['texts_per_s']} | {result['bare_texts_per_s']} | "
        f"{result['ratio_to_bare_embedder']:.0%} |",
        "",
        "| stage | seconds | share of ingest |",
        "|---|---|---|",
    ]
    for stage, seconds in result["stages_s"].items():
        lines.append(f"| {stage} | {seconds} | {seconds / result['ingest_wall_s']:.0%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=0, help="articles (default: corpus size)")
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path(os.environ.get("QUOTEDESK_SHARED", REPO.parent / "shared")),
    )
    parser.add_argument("--out", type=Path, default=RESULTS / "ingest.json")
    args = parser.parse_args(argv)
    if not shared_corpus(args.shared):
        print(f"skipped: no corpus under {args.shared / 'corpus'} (../shared is not present)")
        return 0
    result = run(args.articles, args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(markdown(result))
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
