"""Bounded work for any text: long texts in windows, long paragraphs in slices.

Some rules look at a whole paragraph, or the whole text, once per quote or name, and
spaCy's memory grows with the text it holds (it refuses a text over a million
characters, E088). A 0.9 MB file on one line took 7 minutes and 3 GB as one paragraph.
So the engine never sees more than ``WINDOW_CHARS`` at once nor a paragraph longer than
``SLICE_CHARS``; both are far above any news article (the longest GGT article is under
15,000 characters, a paragraph rarely 2,000), so real articles are attributed whole.
"""

from __future__ import annotations

import re

from ingest.attribute.marks import Paragraph

WINDOW_CHARS = 20_000
SLICE_CHARS = 5_000

_LINE_BREAK = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of ``text`` of at most ``size`` characters, covering all of it,
    cut at line breaks where there are some."""
    pieces, start = [], 0
    while len(text) - start > size:
        cut = _cut(text, start, size, (_LINE_BREAK, _SENTENCE_END, _SPACE))
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def bounded(text: str, paras: list[Paragraph], size: int = SLICE_CHARS) -> list[Paragraph]:
    """``paras`` with every paragraph longer than ``size`` cut into pieces at sentence
    ends (so a quotation is rarely split), else at spaces, else hard."""
    pieces = []
    for para in paras:
        start = para.start
        while para.end - start > size:
            cut = _cut(text, start, size, (_SENTENCE_END, _SPACE))
            end = cut
            while end > start and text[end - 1].isspace():
                end -= 1
            pieces.append(Paragraph(start, end))
            start = cut
        pieces.append(Paragraph(start, para.end))
    return pieces


def _cut(text: str, start: int, size: int, breaks: tuple[re.Pattern[str], ...]) -> int:
    """Where a piece from ``start`` ends: after the last match of the first of ``breaks``
    found in the second half of the window (a piece is never shorter than half)."""
    low = start + size // 2
    window = text[low : start + size]
    for pattern in breaks:
        ends = [m.end() for m in pattern.finditer(window)]
        if ends:
            return low + ends[-1]
    return low + len(window)
