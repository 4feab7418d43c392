"""Citations built from the store: every quoted string is sliced from the article by offsets.

Nothing here types a quote. Given an article id and offsets, the quote is
``article.text[start:end]``, the passage is the stored passage around it, and the
speaker is the stored quote record that covers the span, never the byline. Both are
then given as they stand in the original text (the user's file, whitespace and all),
at the offsets the citation reports; ``where`` says which text those offsets index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.align import Alignment, align
from assistant.retrieve import Hit, Retriever
from quotedesk.models import Article, Citation, Quote, Sentence
from quotedesk.store import source_name


def speaker_record(retriever: Retriever, article_id: str, start: int, end: int) -> Quote | None:
    """The stored quote record that covers ``[start, end)``: at least half of it, and the
    tightest such record, so a direct quote inside an expert's section keeps its speaker."""
    covering = []
    for quote in retriever.quotes_in(article_id):
        if quote.start >= end:
            break
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap * 2 >= max(1, end - start):
            covering.append((overlap, quote))
    if not covering:
        return None
    most = max(overlap for overlap, _q in covering)
    return min(
        (q for overlap, q in covering if overlap * 10 >= most * 9), key=lambda q: q.end - q.start
    )


def _speaker_span(retriever: Retriever, match: Match) -> tuple[int, int] | None:
    """The stretch of text the match's speaker is quoted in (their adjoining records)."""
    if match.record is None:
        return None
    a = match.alignment
    same = [
        q
        for q in retriever.quotes_in(match.article_id)
        if q.speaker == match.record.speaker and q.start < a.end and a.start < q.end
    ]
    spans = same or [match.record]
    return min(q.start for q in spans), max(q.end for q in spans)


def sentence_span(
    sentences: Iterable[Sentence],
    start: int,
    end: int,
    *,
    within: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """``[start, end)`` widened to whole sentences, kept inside ``within`` when given."""
    lo, hi = start, end
    for sentence in sentences:
        if sentence.end <= start or sentence.start >= end:
            continue
        lo, hi = min(lo, sentence.start), max(hi, sentence.end)
    if within:
        lo, hi = max(lo, within[0]), min(hi, within[1])
    return lo, hi


def cite(
    retriever: Retriever,
    article_id: str,
    start: int,
    end: int,
    *,
    record: Quote | None = None,
    score: float = 0.0,
) -> Citation | None:
    """A citation of ``article.text[start:end]``; the speaker comes from ``record``."""
    article = retriever.article(article_id)
    if article is None:
        return None
    passages = [p for p in retriever.passages_in(article_id) if p.start < end and p.end > start]
    if passages:
        lo, hi = min(p.start for p in passages), max(p.end for p in passages)
    else:
        lo, hi = sentence_span(retriever.sentences(article_id, start, end), start, end)
    quote, passage, file_span = _sliced(article, (start, end), (lo, hi))
    return Citation(
        article_id=article.id,
        title=article.title,
        author=article.author,
        outlet=article.outlet,
        published=article.published,
        speaker=record.speaker if record else None,
        quote=quote,
        passage=passage,
        start=start,
        end=end,
        source=source_name(article.source),
        speaker_title=record.speaker_title if record else None,
        score=round(score, 4),
        file_start=file_span[0] if file_span else None,
        file_end=file_span[1] if file_span else None,
        offsets_in=article.offsets_in,
        speaker_confidence=record.confidence if record and record.speaker else None,
        medium=article.kind,
        page=article.page_at(start),
        timestamp=article.time_at(start),
    )


def _sliced(
    article: Article, quote: tuple[int, int], passage: tuple[int, int]
) -> tuple[str, str, tuple[int, int] | None]:
    """The quote and passage as the original text has them, and the quote's original span.

    Articles stored before the original was kept give the stored text and no span.
    """
    original = article.original()
    span, around = article.original_span(*quote), article.original_span(*passage)
    if original is None or span is None or around is None:
        return article.text[slice(*quote)], article.text[slice(*passage)], None
    return original[slice(*span)], original[slice(*around)], span


def where(citation: Citation, name: str) -> str:
    """Which characters of which text a citation's offsets give, in words; ``name`` is
    the source as the caller shows it.

    "characters 5326-5348 of sample_article.txt" for a file; the stored text's offsets
    when the article was stored before its original offsets were kept.
    """
    if citation.file_start is None or citation.file_end is None:
        return f"characters {citation.start}-{citation.end} of the stored text of {name}"
    text = {
        "file": name,
        "html": f"the text extracted from {name}",
        "record": f"the text field of {name}",
        "text": f"the text given as {name}",
    }[citation.offsets_in or "text"]
    return f"characters {citation.file_start}-{citation.file_end} of {text}"


def cite_quote(retriever: Retriever, quote: Quote, *, score: float = 0.0) -> Citation | None:
    """A whole stored quote record as a citation."""
    return cite(retriever, quote.article_id, quote.start, quote.end, record=quote, score=score)


@dataclass(frozen=True)
class Match:
    """Where a fragment was found: the aligned span, its article and its speaker record."""

    article_id: str
    alignment: Alignment
    record: Quote | None
    day: int  # published yyyymmdd, 0 when unknown (for earliest-first ordering)

    @property
    def speaker(self) -> str | None:
        return self.record.speaker if self.record else None


def locate(
    retriever: Retriever, fragment: str, hits: Iterable[Hit], *, limit: int = 10
) -> list[Match]:
    """Align ``fragment`` in the article text around each hit, best first, one per place.

    Aligning against the article (not the hit's own text) lets a fragment that runs
    across two quote records or two passages still be found whole.
    """
    pad = len(fragment) + 80
    windows: dict[str, list[list[int]]] = {}
    for hit in list(hits)[:limit]:
        spans = windows.setdefault(hit.article_id, [])
        lo, hi = max(0, hit.start - pad), hit.end + pad
        near = next((w for w in spans if lo <= w[1] and w[0] <= hi), None)
        if near:  # overlapping hits of one article share one alignment
            near[0], near[1] = min(near[0], lo), max(near[1], hi)
        else:
            spans.append([lo, hi])
    aligned: list[tuple[str, Alignment]] = []
    for article_id, spans in windows.items():
        text = retriever.view(article_id)
        if text is None:
            continue
        for lo, hi in spans:
            alignment = align(fragment, text[lo:hi], offset=lo)
            if alignment is not None:
                aligned.append((article_id, alignment))
    aligned.sort(key=lambda pair: -pair[1].similarity)
    found: list[Match] = []
    for article_id, a in aligned:
        if any(
            m.article_id == article_id and m.alignment.start < a.end and a.start < m.alignment.end
            for m in found
        ):
            continue
        record = speaker_record(retriever, article_id, a.start, a.end)
        found.append(Match(article_id, a, record, retriever.published_day(article_id)))
    return found


def cite_match(retriever: Retriever, match: Match) -> Citation | None:
    """Cite the whole sentence(s) a match sits in, kept inside its quote record."""
    article = retriever.article(match.article_id)
    if article is None:
        return None
    a = match.alignment
    start, end = sentence_span(
        retriever.sentences(match.article_id, a.start, a.end),
        a.start,
        a.end,
        within=_speaker_span(retriever, match),
    )
    return cite(retriever, match.article_id, start, end, record=match.record, score=a.similarity)
