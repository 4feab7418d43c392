"""Find the stretches of text between quotation marks, one paragraph at a time.

Real articles carry straight and curly marks, guillemets either way round (« », » «),
double marks typed as two characters (``...'' and ''...''), single marks as the main
marks (British style) with double ones nested inside, quotes that run over several
paragraphs (each paragraph opens with a mark and only the last one closes, or the
first paragraph is left open and a later one only closes), and plain broken marks.
Scanning per paragraph bounds any broken quote by its paragraph, so one stray mark
can never swallow the rest of an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotedesk.text import DOUBLE_QUOTES, SINGLE_QUOTES

_OPENING = "\u201c\u201e\u00ab\u2018\u201a\u2039"
_CLOSING = "\u201d\u00bb\u2019\u203a"
_BEFORE_OPEN = " \t([{\u2014\u2013-/:;,."
_TRAILING = " \t,;:\u2014\u2013-"
# One double mark typed as two characters: ``TeX and wire style'', ''doubled'', ‘‘curly’’,
# and the mixed ‘’ an editor's autocorrect leaves when two apostrophes are typed.
_DOUBLED = ("``", "''", "\u2018\u2018", "\u2019\u2019", "\u2018\u2019")
_DOUBLED_OPENING = ("``", "\u2018\u2018")
_DOUBLED_CLOSING = ("\u2019\u2019",)
# What follows an apostrophe that no quotation starts with: a decade ('80s, ’90s) and
# the possessive "s" (Acme Inc.'s ferries)
_DECADE = re.compile(r"\d0s\b")
# a year cut to two digits ("the 2009 and '13 races", "class of \u201919"); a quotation
# may open with a number too ('\u201850 per cent women\u2019'), but then the next single
# mark closes it (a mark after a word, not before one)
_SHORT_YEAR = re.compile(r"\d\d\b")
_POSSESSIVE_S = re.compile(r"s\b")
# How many paragraphs without a mark may sit between a quote left open and its close.
_MAX_CARRIED = 2

Pair = tuple[int | None, int | None]  # (opening, closing) mark; None: beyond the paragraph


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
    if ch in "\u00bb\u203a" and before in _BEFORE_OPEN and after.isalnum():
        return True  # »German and Danish order«
    if ch == "\u201d" and before.isspace() and after.isalnum():
        return True  # ”Right marks both ways,” as Nordic style and some editors write them
    if ch in "\u00ab\u2039" and not before.isspace() and not after.isalnum():
        return False
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


def _doubled_opening(text: str, i: int, start: int, end: int) -> bool | None:
    """Is the two-character mark at ``i`` an opening one? ('' goes by its neighbours)."""
    pair = text[i : i + 2]
    if pair in _DOUBLED_OPENING or pair in _DOUBLED_CLOSING:
        return pair in _DOUBLED_OPENING
    before = text[i - 1] if i > start else " "
    after = text[i + 2] if i + 2 < end else " "
    if before.isalnum() and after.isalnum():
        return None
    return (before in _BEFORE_OPEN or before.isspace()) and not after.isspace()


def _marks(text: str, para: Paragraph, family: str) -> list[tuple[int, bool]]:
    """(position, opening?) of each quote mark of one family in a paragraph.

    A two-character double mark counts once, for the double family only.
    """
    found: list[tuple[int, bool]] = []
    i = para.start
    while i < para.end:
        if text[i : i + 2] in _DOUBLED:
            opening = _doubled_opening(text, i, para.start, para.end)
            if family is DOUBLE_QUOTES and opening is not None:
                found.append((i, opening))
            i += 2
            continue
        if text[i] in family:
            opening = _is_opening(text, i, para.start, para.end)
            if opening is not None:
                found.append((i, opening))
        i += 1
    return found


def _apostrophe(text: str, i: int, para: Paragraph, quote_open: bool) -> bool:
    """A single mark inside a word (don't), at the end of one (the players' union) unless
    it closes an open quote, before a decade ('80s) or a year ('13) that no mark closes,
    or a possessive after an abbreviation (Acme Inc.'s)."""
    before = text[i - 1] if i > para.start else " "
    after = text[i + 1] if i + 1 < para.end else " "
    if _DECADE.match(text, i + 1, para.end):
        return True
    if _SHORT_YEAR.match(text, i + 1, para.end) and not quote_open:
        return not _closed_later(text, i + 3, para)
    if before == "." and _POSSESSIVE_S.match(text, i + 1, para.end):
        return True
    return before.isalnum() and (after.isalnum() or not quote_open)


def _closed_later(text: str, start: int, para: Paragraph) -> bool:
    """Is the next single mark from ``start`` on a closing one (after a word, not before
    one)? Apostrophes inside words (it's) are passed over."""
    for j in range(start, para.end):
        if text[j] in SINGLE_QUOTES:
            before, after = text[j - 1], text[j + 1] if j + 1 < para.end else " "
            if not (before.isalnum() and after.isalnum()):
                return not before.isspace()
    return False


def _scan(text: str, para: Paragraph, family: str) -> list[Pair]:
    """(open, close) mark positions of top-level quotes of one mark family.

    A closing mark before any opening one is kept as (None, close): the paragraph may
    end a quote the paragraph before it left open.
    """
    pairs: list[Pair] = []
    open_at: int | None = None
    for i, opening in _marks(text, para, family):
        if family is SINGLE_QUOTES and _apostrophe(text, i, para, open_at is not None):
            continue
        if open_at is None:
            if opening:
                open_at = i
            elif not pairs:
                pairs.append((None, i))
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


def _main_pairs(text: str, para: Paragraph) -> list[Pair]:
    """The paragraph's quotes in its main marks: double ones, unless a single-quoted
    quotation holds the first double-quoted words (‘He called it “a relic”,’ she said)."""
    doubles = _scan(text, para, DOUBLE_QUOTES)
    if not doubles:
        return _scan(text, para, SINGLE_QUOTES)
    first = next((o for o, _ in doubles if o is not None), None)
    singles = [(o, c) for o, c in _scan(text, para, SINGLE_QUOTES) if o is not None]
    if first is None or not singles or singles[0][0] > first:
        return doubles
    open_at, close_at = singles[0]
    # an unclosed single mark holds the paragraph only when it opens it (not '90s)
    opens_paragraph = not text[para.start : open_at].strip()
    holds = close_at > first if close_at is not None else opens_paragraph
    return _scan(text, para, SINGLE_QUOTES) if holds else doubles


def _span(
    text: str, open_at: int | None, close_at: int | None, para: Paragraph, stop: int | None = None
) -> tuple[int, int]:
    """Offsets of the quoted words; a quote never closed ends at ``stop`` (the next quote's
    opening mark) or with its paragraph."""
    if open_at is None:
        start = para.start
    else:
        start = open_at + (2 if text[open_at : open_at + 2] in _DOUBLED else 1)
    end = close_at if close_at is not None else stop if stop is not None else para.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def find_marked_spans(text: str, paras: list[Paragraph] | None = None) -> list[MarkedSpan]:
    """Every top-level quoted stretch, in order, in each paragraph's main marks.

    A quote left open at the end of a paragraph continues into the next one when that
    paragraph opens with a mark, or when it (or one up to ``_MAX_CARRIED`` paragraphs
    later) starts with a closing mark; the paragraphs in between are quoted too.
    """
    spans: list[MarkedSpan] = []
    left_open = False
    carried: list[Paragraph] = []  # paragraphs without marks after a quote left open
    for para in paras if paras is not None else paragraphs(text):
        pairs = _main_pairs(text, para)
        if left_open and not pairs and len(carried) < _MAX_CARRIED:
            carried.append(para)
            continue
        closes = left_open and bool(pairs) and pairs[0][0] is None
        if closes:
            spans.extend(_continued(text, p) for p in carried)
        carried = []
        continues = left_open and bool(pairs) and pairs[0][0] in (para.start, None)
        left_open = False
        for n, (open_at, close_at) in enumerate(pairs):
            if open_at is None and not closes:
                continue  # a stray closing mark
            # '“It hurt. “You had no name.”': a quote never closed ends where the next opens
            stop = pairs[n + 1][0] if n + 1 < len(pairs) else None
            start, end = _span(text, open_at, close_at, para, stop)
            if end <= start:
                continue
            mark = para.start if open_at is None else open_at
            spans.append(MarkedSpan(start, end, mark, close_at, continues and n == 0))
            left_open = close_at is None
    return spans


def _continued(text: str, para: Paragraph) -> MarkedSpan:
    """A whole paragraph inside a quote that opened before it and closes after it."""
    start, end = _span(text, None, None, para)
    return MarkedSpan(start, end, para.start, None, continued=True)
