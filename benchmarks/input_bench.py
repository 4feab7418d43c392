"""How ask and verify time grows with the length of the question or quote.

    python benchmarks/input_bench.py [--lengths 500 1000 1500 2500 5000] [--out FILE]

Ingests the bundled sample article and, when present, the shared news corpus into a
temporary library, lifts the input limits, and times ``QuoteDesk.ask`` and
``QuoteDesk.verify`` (median of 3, model loaded) on inputs of each length cut from the
stored articles: a who-said question, a verbatim quote and the same quote with every
seventh word changed (the alignment's hardest case). The limits in ``quotedesk/config.py``
are chosen so both stay well under a second at the limit.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from quotedesk.evaluation.paths import shared_dir

REPEATS = 3
UNLIMITED = 10**7


def _median_ms(call: Callable[[], Any]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def _cut(text: str, length: int) -> str:
    """``length`` characters of ``text`` on whole words, repeated when it is shorter."""
    flat = " ".join(text.split())
    while len(flat) < length:
        flat = f"{flat} {flat}"
    return flat[:length].rsplit(" ", 1)[0]


def _altered(quote: str) -> str:
    return " ".join("changed" if i % 7 == 6 else w for i, w in enumerate(quote.split()))


def run(lengths: Sequence[int]) -> list[dict[str, Any]]:
    from assistant import QuoteDesk
    from quotedesk.config import Settings
    from quotedesk.resources import SAMPLE_ARTICLE

    folder = Path(tempfile.mkdtemp(prefix="quotedesk-input-bench-"))
    settings = Settings.from_env(env={}, db_path=folder).with_(
        max_question_chars=UNLIMITED, max_quote_chars=UNLIMITED
    )
    desk = QuoteDesk(settings=settings)
    news = shared_dir() / "corpus" / "news"
    desk.ingest([SAMPLE_ARTICLE] + ([news] if news.is_dir() else []))
    source = SAMPLE_ARTICLE.read_text(encoding="utf-8").split("Text:", 1)[-1]
    desk.verify(_cut(source, 100))  # warm up: load the models
    rows = []
    for length in lengths:
        quote = _cut(source, length)
        question = f"who said {quote}"[:length]
        rows.append(
            {
                "chars": length,
                "ask_ms": _median_ms(lambda q=question: desk.ask(q)),
                "verify_ms": _median_ms(lambda q=quote: desk.verify(q)),
                "verify_altered_ms": _median_ms(lambda q=quote: desk.verify(_altered(q))),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[500, 1000, 1500, 2500, 5000])
    out = Path(__file__).parent / "results" / "input.json"
    parser.add_argument("--out", type=Path, default=out)
    args = parser.parse_args(argv)
    rows = run(args.lengths)
    result = {"load_average": os.getloadavg(), "rows": rows}
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
