"""The ingest pipeline: load -> clean -> attribute -> chunk -> embed -> store.

Articles are processed one at a time and embedded a few at a time. Every input ends as
one ``FileResult``; a bad file (or a failure while processing it) is recorded with its
reason and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from quotedesk.errors import LoadError, StoreError
from quotedesk.models import Article, FileResult, IngestReport, Passage, Quote, Sentence
from quotedesk.store import Entry, Store

#: progress(done, total, current source): total counts files, so JSONL records may exceed it
Progress = Callable[[int, int | None, str], None]

#: Texts embedded per call. Embedding article by article padded 2.4x more tokens on the
#: shared corpus: each article mixes short quotes with long passages. A larger pool sorts
#: into more even batches: 1024 embedded 39 articles about a quarter faster than 256.
BATCH_TEXTS = 1024


@dataclass(frozen=True)
class Processed:
    """An article with everything derived from it, ready to store."""

    article: Article
    sentences: list[Sentence]
    quotes: list[Quote]
    passages: list[Passage]


def process(article: Article) -> Processed:
    """Attribute quotes and cut passages; no I/O."""
    from ingest.attribute import attribute
    from ingest.chunk import chunk
    from ingest.sentences import split_sentences

    sentences = split_sentences(article.text)
    quotes = attribute(article)
    passages = chunk(article, sentences, quotes)
    return Processed(article, sentences, quotes, passages)


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many files a progress bar should expect (directories counted recursively)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            total += sum(
                1
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            total += 1
    return total


def _failed(article: Article, exc: Exception) -> FileResult:
    reason = str(exc) if isinstance(exc, StoreError) else f"could not process: {exc}"
    return FileResult(article.source, "failed", article.id, article.title, reason)


def _text_count(done: Processed) -> int:
    return len(done.passages) + len(done.quotes)


def _store_batch(store: Store, batch: Sequence[Processed]) -> Iterator[FileResult]:
    """Embed the texts of several articles in one call, then store them in one write.

    One call lets the embedder sort all texts by length, so short quotes are not padded
    to the length of a long passage of the same article. When the batch write fails, each
    article is written alone, so one article the store refuses fails alone.
    """
    texts = [r.text for done in batch for r in (*done.passages, *done.quotes)]
    try:
        vectors = store.embeddings.embed_documents(texts) if texts else []
    except Exception as exc:
        yield from (_failed(done.article, exc) for done in batch)
        return
    entries, offset = [], 0
    for done in batch:
        own = vectors[offset : offset + _text_count(done)]
        offset += _text_count(done)
        entries.append(Entry(done.article, done.passages, done.quotes, own))
    try:
        statuses = store.put_many(entries)
    except Exception:
        statuses = None
    for n, (done, entry) in enumerate(zip(batch, entries, strict=True)):
        article = done.article
        if statuses is not None:
            status = statuses[n]
        else:
            try:
                status = store.put_many([entry])[0]
            except Exception as exc:  # one article's failure never aborts the batch
                yield _failed(article, exc)
                continue
        if status == "unchanged":  # the same article twice in one run
            yield FileResult(article.source, status, article.id, article.title)
            continue
        yield FileResult(
            source=article.source,
            status=status,
            article_id=article.id,
            title=article.title,
            notes=article.cleaning_notes,
            passages=len(done.passages),
            quotes=len(done.quotes),
        )


def _loaded(
    paths: Sequence[str | Path], sources: Mapping[str, str], store: Store
) -> Iterator[Article | LoadError | FileResult]:
    """What the loader reads from each path, under the source ``sources`` gives the path
    (a JSONL line or JSON index keeps its suffix); a URL is fetched (``ingest.fetch``),
    a feed's items already stored are settled as they are, without a download."""
    from ingest.fetch import is_url, load_url
    from ingest.load import load

    max_bytes = store.settings.max_file_bytes
    for path in paths:
        if is_url(path):
            yield from load_url(
                str(path),
                max_bytes=max_bytes,
                timeout=store.settings.fetch_timeout,
                known=lambda: {a.source for a in store.articles()},
            )
            continue
        name = sources.get(str(path))
        for item in load([path], max_bytes=max_bytes):
            if name is None:
                yield item
                continue
            source = name + item.source[len(str(path)) :]
            if isinstance(item, LoadError):
                yield LoadError(source, item.reason)
            else:
                yield replace(item, source=source)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    sources: Mapping[str, str] | None = None,
) -> IngestReport:
    """Ingest files and directories into ``store``; never stops at a bad input.

    ``sources`` maps a path to the source to record instead, the name an article is known
    by: an upload lands at a new temporary path each time, so the app passes its original
    file name, and a corrected upload replaces its earlier version.

    Processed articles wait until about ``BATCH_TEXTS`` texts are pending and are then
    embedded together; results keep the input order.
    """
    paths = list(paths)
    total = count_inputs(paths)
    results: list[FileResult | None] = []
    pending: list[tuple[int, Processed]] = []
    settled = 0

    def settle(slot: int, result: FileResult) -> None:
        nonlocal settled
        results[slot] = result
        settled += 1
        if progress:
            progress(settled, total, result.source)

    def flush() -> None:
        stored = _store_batch(store, [done for _, done in pending])
        for (slot, _), result in zip(pending, stored, strict=True):
            settle(slot, result)
        pending.clear()

    with store.writing():
        for item in _loaded(paths, sources or {}, store):
            results.append(None)
            slot = len(results) - 1
            if isinstance(item, FileResult):
                settle(slot, item)
                continue
            if isinstance(item, LoadError):
                settle(slot, FileResult(item.source, "failed", reason=item.reason))
                continue
            try:
                if store.is_stored(item):
                    settle(slot, FileResult(item.source, "unchanged", item.id, item.title))
                    continue
                pending.append((slot, process(item)))
            except Exception as exc:  # one article's failure never aborts the batch
                settle(slot, _failed(item, exc))
                continue
            if sum(_text_count(done) for _, done in pending) >= BATCH_TEXTS:
                flush()
        flush()
    return IngestReport(tuple(r for r in results if r is not None))
