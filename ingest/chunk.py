"""Group an article's sentences into passages, the unit of passage retrieval.

A passage is a few whole sentences (about ``target_chars``), sliced from the article
text so a citation can show it verbatim. Two rules beat the size target: a quote is
never cut in two (a cited passage must contain the whole quote, so the passage grows
instead, even past ``max_chars``), and a section header line opens a new passage, so
"who said this" context (an expert's name and role) leads the passage it introduces.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from quotedesk.models import Article, Passage, Quote, Sentence

_HEADER_MAX_CHARS = 200
_SENTENCE_FINAL = ".!?:;,\"'\u201d\u2019)]"


def chunk(
    article: Article,
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote] = (),
    *,
    target_chars: int = 600,
    max_chars: int = 1200,
) -> list[Passage]:
    """Passages of whole sentences, ids ``f"{article.id}:p{index}"``, quotes kept whole."""
    if not sentences:
        return []
    blocked = _blocked_boundaries(sentences, quotes)
    headers = [_is_header(article.text, s) for s in sentences]
    groups: list[tuple[int, int]] = []  # first and last sentence index of each passage
    first = 0
    has_body = not headers[0]  # a header followed by headers stays with them
    for k in range(1, len(sentences)):
        start = sentences[first].start
        cut = k not in blocked and (
            (headers[k] and has_body)
            or sentences[k - 1].end - start >= target_chars
            or sentences[k].end - start > max_chars
        )
        if cut:
            groups.append((first, k - 1))
            first, has_body = k, False
        has_body = has_body or not headers[k]
    last = len(sentences) - 1
    if groups and _is_short_tail(sentences, groups[-1][0], first, headers, target_chars, max_chars):
        first = groups.pop()[0]  # a stub at the end reads better joined to its neighbour
    groups.append((first, last))
    return [
        _passage(article, index, sentences[a].start, sentences[b].end)
        for index, (a, b) in enumerate(groups)
    ]


def _passage(article: Article, index: int, start: int, end: int) -> Passage:
    return Passage(
        id=f"{article.id}:p{index}",
        article_id=article.id,
        index=index,
        start=start,
        end=end,
        text=article.text[start:end],
    )


def _is_short_tail(
    sentences: Sequence[Sentence],
    previous: int,
    first: int,
    headers: list[bool],
    target_chars: int,
    max_chars: int,
) -> bool:
    tail = sentences[-1].end - sentences[first].start
    merged = sentences[-1].end - sentences[previous].start
    return not headers[first] and tail < target_chars // 4 and merged <= max_chars


def _blocked_boundaries(sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> set[int]:
    """Indexes k where cutting before sentence k would split a quote."""
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    blocked: set[int] = set()
    for quote in quotes:
        # boundary k (between sentences k-1 and k) is inside the quote when the quote
        # starts before sentence k and ends after sentence k-1
        low = max(1, bisect.bisect_right(starts, quote.start))
        high = min(len(sentences) - 1, bisect.bisect_left(ends, quote.end))
        blocked.update(range(low, high + 1))
    return blocked


def _is_header(text: str, sentence: Sentence) -> bool:
    """A short line of its own without sentence punctuation: a section header or byline."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    return (
        line.strip() == sentence.text
        and len(sentence.text) <= _HEADER_MAX_CHARS
        and not sentence.text.endswith(tuple(_SENTENCE_FINAL))
    )
