"""``quotedesk ask | verify | check-draft``: questions and provenance checks from the shell."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from quotedesk.commands.base import EXIT_FAILED, EXIT_OK, add_store_flags, settings_from_args
from quotedesk.errors import QuotedeskError


def register(subparsers: Any) -> None:
    ask = subparsers.add_parser(
        "ask",
        help="ask who said something, what someone said, or about the library",
        description=(
            'Examples: "who said the cold war will go on?", "what did Putin say about '
            'cooperation?", "did Bochkov say a military confrontation is likely?". '
            'Filters: "in OUTLET", "since 2021", "in December 2021".'
        ),
    )
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    add_store_flags(ask)
    ask.set_defaults(run=run_ask)

    verify = subparsers.add_parser(
        "verify", help="check a quote: verified, misattributed, altered or not found"
    )
    verify.add_argument("quote")
    verify.add_argument("--speaker", metavar="NAME", help="who the quote is attributed to")
    out = verify.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the verification as JSON")
    out.add_argument(
        "--claimreview", action="store_true", help="print schema.org ClaimReview JSON-LD"
    )
    add_store_flags(verify)
    verify.set_defaults(run=run_verify)

    draft = subparsers.add_parser(
        "check-draft",
        help="verify every quotation in a draft; exit 1 when any is not verified",
    )
    draft.add_argument("file", metavar="FILE")
    draft.add_argument("--json", action="store_true", help="print the checks as JSON")
    add_store_flags(draft)
    draft.set_defaults(run=run_check_draft)


def _desk(args: argparse.Namespace):
    from assistant import QuoteDesk
    from quotedesk.store import Store

    return QuoteDesk(store=Store(settings_from_args(args), create=False))


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def run_ask(args: argparse.Namespace) -> int:
    answer = _desk(args).ask(args.question)
    if args.json:
        _print_json(answer.to_dict())
        return EXIT_OK
    from quotedesk.commands.render import render_answer

    render_answer(answer)
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    verification = _desk(args).verify(args.quote, args.speaker)
    if args.claimreview:
        from assistant.verify import to_claimreview

        _print_json(to_claimreview(verification))
    elif args.json:
        _print_json(verification.to_dict())
    else:
        from quotedesk.commands.render import render_verification

        render_verification(verification)
    return EXIT_OK


def run_check_draft(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuotedeskError(f"cannot read the draft {path}: {exc}") from exc
    checks = _desk(args).check_draft(text)
    if args.json:
        _print_json([c.to_dict() for c in checks])
    else:
        from quotedesk.commands.render import render_draft

        render_draft(checks)
    return EXIT_OK if all(c.ok for c in checks) else EXIT_FAILED
