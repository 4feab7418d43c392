"""Quotedesk as a LangChain ``BaseRetriever``: stored quotes and passages as ``Document``s.

Anything in LangChain that takes a retriever (an LCEL RAG chain, an agent tool,
evaluation helpers) can search a Quotedesk library this way. Each document's
``page_content`` is sliced from the stored article by the record's offsets, so what a
downstream model reads is verbatim; ``metadata`` says who said it and where.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, field_validator

from assistant.citations import speaker_record
from assistant.retrieve import Filters, Hit, Retriever
from quotedesk.store import source_name

KINDS = ("quote", "passage")


class QuoteRetriever(BaseRetriever):
    """Hybrid (vector + BM25) search over a library; ``desk.as_retriever()`` builds one.

    ``speaker`` keeps only quotes attributed to that person (as a user types the name:
    "Putin" finds "Vladimir Putin"); ``outlet`` keeps one outlet's articles.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    desk: Any  # QuoteDesk (not a pydantic type)
    k: int = 8
    kinds: tuple[str, ...] = KINDS
    speaker: str | None = None
    outlet: str | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        retriever: Retriever = self.desk.retriever
        retriever.refresh()
        filters = self._filters(retriever)
        if filters is None:  # the named speaker is quoted nowhere in the library
            return []
        hits, _trace = retriever.search(query, filters=filters, k=self.k, kinds=self.kinds)
        documents = (_document(retriever, hit) for hit in hits)
        return [d for d in documents if d is not None][: self.k]

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """A typo ("quotes") fails when the retriever is built, not on its first query."""
        if not kinds or set(kinds) - set(KINDS):
            raise ValueError(f"kinds must be some of {KINDS}, not {kinds}")
        return kinds

    def _filters(self, retriever: Retriever) -> Filters | None:
        if not self.speaker:
            return Filters(outlet=self.outlet)
        names = tuple(retriever.speakers_named(self.speaker))
        return Filters(speakers=names, outlet=self.outlet) if names else None


def _document(retriever: Retriever, hit: Hit) -> Document | None:
    """The hit as a Document, its text cut from the stored article (None if it is gone)."""
    article = retriever.article(hit.article_id)
    if article is None:
        return None
    record = hit.quote
    if record is None:  # a passage: name a speaker only when one quote covers most of it
        record = speaker_record(retriever, hit.article_id, hit.start, hit.end)
    metadata = {
        "speaker": record.speaker if record else None,
        "speaker_title": record.speaker_title if record else None,
        # below SPEAKER_CERTAIN the stored speaker is a best reading, not a fact to repeat
        "speaker_uncertain": record is not None and record.speaker_uncertain,
        "article_id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "source": source_name(article.source),
        "start": hit.start,
        "end": hit.end,
        "kind": hit.kind,
        "score": hit.score,
    }
    return Document(page_content=article.text[hit.start : hit.end], metadata=metadata, id=hit.id)
