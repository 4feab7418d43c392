"""``quotedesk eval``: score the product against gold data and print the numbers.

Each evaluation set is a module in ``quotedesk.evaluation`` with ``run(gold) ->
reports`` whose reports have ``to_dict()``; adding a set is one entry in ``SETS``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from quotedesk.commands.base import EXIT_OK, EXIT_USAGE

SETS = {
    "attribution": "quotedesk.evaluation.attribution",
    "questions": "quotedesk.evaluation.questions",  # who-said and verify (assistant)
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="measure quote attribution against gold data",
        description=(
            "Quote recall/precision (word overlap >= 0.3, one-to-one) and end-to-end speaker "
            "accuracy, overall, by quote kind and by how the speaker is mentioned, and the "
            "share of right speakers by confidence. GGT is scored as its tune and held-out parts."
        ),
    )
    parser.add_argument("--set", dest="sets", action="append", choices=sorted(SETS))
    parser.add_argument(
        "--gold", action="append", type=Path, metavar="PATH", help="gold JSONL (repeatable)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object per gold set")
    parser.add_argument(
        "--misses", type=int, default=0, metavar="N", help="also list N missed/wrong quotes"
    )
    parser.set_defaults(run=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    import importlib

    for gold in args.gold or ():
        if not gold.is_file():
            print(f"quotedesk eval: no such gold file: {gold}", file=sys.stderr)
            return EXIT_USAGE
    for name in args.sets or ["attribution"]:
        module = importlib.import_module(SETS[name])
        for report in module.run(args.gold):
            if args.json:
                print(json.dumps({"eval": name, **report.to_dict()}, ensure_ascii=False))
            elif hasattr(report, "render"):  # sets with their own table
                report.render(args.misses)
            else:
                _print(name, report, args.misses)
    return EXIT_OK


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def _print(name: str, report: Any, misses: int) -> None:
    from rich.console import Console
    from rich.table import Table

    data = report.to_dict()
    table = Table(
        title=(
            f"{name} / {data['set']}: {data['articles']} articles, {data['gold']} gold quotes, "
            f"{data['extracted']} extracted"
        )
    )
    for column in ("slice", "gold", "quote recall", "speaker accuracy"):
        table.add_column(column, justify="left" if column == "slice" else "right")
    table.add_row("all", str(data["gold"]), _pct(data["recall"]), _pct(data["speaker_accuracy"]))
    for group in ("by_kind", "by_mention"):
        for key, row in data[group].items():
            table.add_row(
                f"{group[3:]}: {key}",
                str(row["gold"]),
                _pct(row["recall"]),
                _pct(row["speaker_accuracy"]),
            )
    console = Console()
    console.print(table)
    console.print(
        f"quote precision {_pct(data['precision'])}   quote F1 {_pct(data['f1'])}", highlight=False
    )
    if data.get("absent_from_text"):
        console.print(
            f"{data['absent_from_text']} gold quotes are not in their article's text "
            "or have no words (gold-data faults; counted as missed)",
            highlight=False,
        )
    if any(row["quotes"] for row in data.get("calibration", {}).values()):
        console.print(_calibration_table(data["calibration"]))
    for miss in report.misses[:misses]:
        console.print(f"  missed  [{miss.gold_speaker}] {miss.quote[:120]}", markup=False)
    for wrong in report.wrong_speaker[:misses]:
        console.print(
            f"  speaker {wrong.found_speaker!r} != {wrong.gold_speaker!r}: {wrong.quote[:100]}",
            markup=False,
        )


def _calibration_table(calibration: dict[str, dict]) -> Any:
    """Found quotes by confidence: is a confident speaker really the right one?"""
    from rich.table import Table

    table = Table(title="confidence calibration (found quotes)")
    for column in ("confidence", "found quotes", "right speaker"):
        table.add_column(column, justify="left" if column == "confidence" else "right")
    for label, row in calibration.items():
        share = _pct(row["right_speaker"]) if row["quotes"] else "    -"
        table.add_row(label, str(row["quotes"]), share)
    return table
