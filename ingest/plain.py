"""What a plain-text article without a header says about itself: title, date, outlet.

A pasted wire story or a saved page has no ``Title:`` line. Its first line is the
title only when it reads like a headline; a photo caption ("1 of 4. Police ...") or
the first sentence is not, and the file name names the article better. The date and
outlet come from a dateline ("PARIS, March 3, 2024 (Reuters) - ...") or a date line
near the top, and only when the text states them: nothing is guessed.
"""

from __future__ import annotations

import re
from pathlib import Path

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH} \d{{1,2}}, \d{{4}}|\d{{1,2}} {_MONTH} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
# PLACE[, DATE] (OUTLET) - : the wire-story dateline
_DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Z .'\u2019-]{{1,40}}?)(?:,\s*(?P<date>{_DATE}))?"
    r"\s*\((?P<outlet>[A-Z][\w .&'\u2019-]{0,40})\)\s*[-\u2013\u2014]"
)
# a line holding only a date, perhaps after "Published" / "Updated"
_DATE_LINE = re.compile(
    rf"(?:(?:Published|Updated|Posted)(?: on)?:?\s*)?(?P<date>{_DATE})\.?", re.IGNORECASE
)
_TOP_LINES = 5  # a dateline or date line further down is part of the story, not its header
_NOT_A_TITLE = re.compile(r"^[<\[(]|^-$")  # "<stdin>", "[draft]", "-": no file name to use


def dateline_metadata(raw: str) -> dict[str, str]:
    """The published date and outlet the top of the text states (either may be absent)."""
    found: dict[str, str] = {}
    lines = [line.strip() for line in raw.strip().splitlines() if line.strip()][:_TOP_LINES]
    for line in lines:
        dateline = _DATELINE.match(line)
        if dateline:
            found["outlet"] = dateline["outlet"].strip()
            if dateline["date"]:
                found["published"] = dateline["date"]
            break
    if "published" not in found:
        dated = next((m for m in map(_DATE_LINE.fullmatch, lines) if m), None)
        if dated:
            found["published"] = dated["date"]
    return found


def file_title(source: str) -> str | None:
    """The file name as a title ("harbour-plan_vote.txt" -> "Harbour plan vote")."""
    stem = Path(source).stem if source else ""
    if not stem or _NOT_A_TITLE.search(stem):
        return None
    words = re.sub(r"[_\-.]+", " ", stem).split()
    return " ".join(words)[:1].upper() + " ".join(words)[1:] if words else None
