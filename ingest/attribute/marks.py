"""Find the stretches of text between quotation marks, one paragraph at a time.

Real articles carry straight and curly marks, quotes that run over several
paragraphs (each paragraph opens with a mark and only the last one closes), and
plain broken marks. Scanning per paragraph bounds any broken quote by its
paragraph, so one stray mark can never swallow the rest of an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotedesk.text import DOUBLE_QUOTES, SINGLE_QUOTES

_OPENING = "\u201c\u201e\u00ab\u2018\u201a\u2039"
_CLOSING = "\u201d\u00bb\u2019\u203a"
_BEFORE_OPEN = " \t([{\u2014\u2013-/:;,."
_TRAILING = " \t,;:\u2014\u2013-"
_DOUBLED_SINGLES = ("\u2019\u2019", "''")


@dataclass(frozen=True)
class MarkedSpan:
    """Words between an opening mark and its closing mark (marks excluded)."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: the paragraph ended before a closing mark
    continued: bool = False  # this paragraph continues a quote left open before it


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


# "READ MORE: ...", "WATCH: ...": a web page's link to another story, not this one's text
_LINK_LINE = re.compile(r"(?:READ MORE|WATCH(?: BELOW)?|LISTEN|RELATED|SEE ALSO|MORE):\s")
# "... explains the new ferry timetable. 4:15": the blurb of an embedded video, which
# ends with its running time
_VIDEO_BLURB = re.compile(r"[.!?\u201d\"]\s+\d{1,2}:\d{2}\.?$")


def paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines that carry words (scrapes often leave lines of bare '.').

    Link lines to other stories and embedded videos' blurbs are left out: they quote and
    name people who are not in this story, and a later "he said" must not reach them.
    """
    result: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if (
            any(ch.isalnum() for ch in stripped)
            and not _LINK_LINE.match(stripped)
            and not _VIDEO_BLURB.search(stripped)
        ):
            lead = len(line) - len(line.lstrip())
            result.append(Paragraph(pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return result


def _is_opening(text: str, i: int, start: int, end: int) -> bool | None:
    """True for an opening mark, False for a closing one, None when it cannot be either."""
    ch = text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if ch in _OPENING and ch not in _CLOSING:
        return True
    if ch in _CLOSING and ch not in _OPENING:
        if ch == "\u2019" and before.isalnum() and after.isalnum():
            return None  # an apostrophe: don't, O’Brien
        return False
    if ch == "\u2018":
        return True
    if before in _BEFORE_OPEN or before in DOUBLE_QUOTES + SINGLE_QUOTES:
        return not after.isspace()
    return False


def _scan(text: str, para: Paragraph, marks: str) -> list[tuple[int, int | None]]:
    """(open, close) mark positions of top-level quotes of one mark family."""
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for i in range(para.start, para.end):
        if open_at is not None and marks is DOUBLE_QUOTES and text[i : i + 2] in _DOUBLED_SINGLES:
            pairs.append((open_at, i))  # '“We do,’’ says': a double close typed as two singles
            open_at = None
            continue
        if text[i] not in marks:
            continue
        if marks is SINGLE_QUOTES:
            before = text[i - 1] if i > para.start else " "
            after = text[i + 1] if i + 1 < para.end else " "
            if before.isalnum() and (after.isalnum() or open_at is None):
                continue  # apostrophe inside or at the end of a word
        opening = _is_opening(text, i, para.start, para.end)
        if opening is None:
            continue
        if open_at is None:
            if opening:
                open_at = i
        elif opening and i + 1 < para.end and not text[i + 1].isspace() and text[i] != '"':
            # a second opening mark: the first quote was never closed
            pairs.append((open_at, None))
            open_at = i
        else:
            pairs.append((open_at, i))
            open_at = None
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs


def _span(text: str, open_at: int, close_at: int | None, para: Paragraph) -> tuple[int, int]:
    start = open_at + 1
    end = close_at if close_at is not None else para.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def find_marked_spans(text: str, paras: list[Paragraph] | None = None) -> list[MarkedSpan]:
    """Every top-level quoted stretch, in order; single marks only where no double ones are."""
    spans: list[MarkedSpan] = []
    left_open = False
    for para in paras if paras is not None else paragraphs(text):
        body = text[para.start : para.end]
        family = DOUBLE_QUOTES if any(ch in DOUBLE_QUOTES for ch in body) else SINGLE_QUOTES
        pairs = _scan(text, para, family)
        continues = left_open and bool(pairs) and pairs[0][0] == para.start
        left_open = False
        for n, (open_at, close_at) in enumerate(pairs):
            start, end = _span(text, open_at, close_at, para)
            if end <= start:
                continue
            spans.append(MarkedSpan(start, end, open_at, close_at, continues and n == 0))
            left_open = close_at is None
    return spans
