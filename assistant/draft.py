"""Check a draft before publication: find every quotation, verify each against the library.

Quotations are found with the same attribution engine ingest uses, so a draft is
read exactly the way a stored article was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.retrieve import Retriever
from assistant.verify import verify_quote
from quotedesk.models import Verification

PROBLEMS = ("altered", "misattributed", "not_found")


@dataclass(frozen=True)
class DraftCheck:
    """One quotation of a draft: where it is, who the draft says said it, the verdict."""

    quote: str
    start: int
    end: int
    claimed_speaker: str | None
    verification: Verification

    @property
    def verdict(self) -> str:
        return self.verification.verdict

    @property
    def ok(self) -> bool:
        return self.verdict not in PROBLEMS

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "claimed_speaker": self.claimed_speaker,
            "verdict": self.verdict,
            "verification": self.verification.to_dict(),
        }


def check_draft(retriever: Retriever, text: str) -> list[DraftCheck]:
    """Every quotation in ``text`` with its verdict, in draft order."""
    from ingest.attribute import attribute_text

    checks = []
    for quote in attribute_text(text):
        claim = text[quote.start : quote.end]
        checks.append(
            DraftCheck(
                quote=claim,
                start=quote.start,
                end=quote.end,
                claimed_speaker=quote.speaker,
                verification=verify_quote(retriever, claim, quote.speaker),
            )
        )
    return checks
