"""The ingest pipeline: load -> clean -> attribute -> chunk -> store, one input at a time.

Every input ends as one ``FileResult``; a bad file (or a failure while processing it)
is recorded with its reason and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from quotedesk.errors import LoadError, StoreError
from quotedesk.models import Article, FileResult, IngestReport, Passage, Quote, Sentence
from quotedesk.store import Store

#: progress(done, total, current source): total counts files, so JSONL records may exceed it
Progress = Callable[[int, int | None, str], None]


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


def _ingest_one(store: Store, article: Article) -> FileResult:
    if store.is_stored(article):
        return FileResult(article.source, "unchanged", article.id, article.title)
    done = process(article)
    status = store.put(article, done.passages, done.quotes)
    return FileResult(
        source=article.source,
        status=status,
        article_id=article.id,
        title=article.title,
        notes=article.cleaning_notes,
        passages=len(done.passages),
        quotes=len(done.quotes),
    )


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and directories into ``store``; never stops at a bad input."""
    from ingest.load import load

    paths = list(paths)
    total = count_inputs(paths)
    results: list[FileResult] = []
    with store.writing():
        for item in load(paths, max_bytes=store.settings.max_file_bytes):
            if isinstance(item, LoadError):
                result = FileResult(item.source, "failed", reason=item.reason)
            else:
                try:
                    result = _ingest_one(store, item)
                except StoreError as exc:
                    result = FileResult(item.source, "failed", item.id, item.title, str(exc))
                except Exception as exc:  # one article's failure never aborts the batch
                    result = FileResult(
                        item.source, "failed", item.id, item.title, f"could not process: {exc}"
                    )
            results.append(result)
            if progress:
                progress(len(results), total, result.source)
    return IngestReport(tuple(results))
