"""``QuoteDesk``: the one object the CLI, the app and scripts use to work with a library."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.answer import compose
from assistant.evidence import Evidence, gather
from assistant.query import Question, parse_question
from assistant.retrieve import Retriever
from assistant.verify import verify_quote
from quotedesk.config import Settings
from quotedesk.inputs import checked
from quotedesk.models import (
    Answer,
    ArticleSummary,
    Citation,
    IngestReport,
    Speaker,
    Verification,
)

if TYPE_CHECKING:
    from langchain_core.runnables import Runnable
    from langchain_core.tools import BaseTool

    from assistant.draft import DraftCheck
    from assistant.lc_retriever import QuoteRetriever
    from quotedesk.store import Store

History = Sequence[tuple[str, Answer]]
LLM_CANDIDATES = 4  # weaker hits an LLM may pick from, beyond the supporting citations


class QuoteDesk:
    """Ask, verify and check drafts against one library.

    ``QuoteDesk()`` opens the configured library (``QUOTEDESK_DB`` /
    ``QUOTEDESK_CHROMA_URL``); ``QuoteDesk(path)`` a local folder; ``store=`` shares an
    open store. Answers are extractive unless ``settings.llm_model`` names a model.
    """

    def __init__(
        self,
        db_path: str | Path | None = None,
        *,
        settings: Settings | None = None,
        store: Store | None = None,
    ) -> None:
        if store is not None and settings is None:
            settings = store.settings
        self.settings = (settings or Settings.from_env()).with_(db_path=db_path)
        self._store = store
        self._retriever: Retriever | None = None
        self._chain: Runnable | None = None
        self._lock = threading.Lock()

    @property
    def store(self) -> Store:
        """The library, opened on first use (so building a desk costs nothing)."""
        with self._lock:
            if self._store is None:
                from quotedesk.store import Store

                self._store = Store(self.settings)
            return self._store

    @property
    def retriever(self) -> Retriever:
        store = self.store
        with self._lock:
            if self._retriever is None:
                self._retriever = Retriever(store)
            return self._retriever

    # -- library --------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path],
        progress: Any = None,
        *,
        sources: Mapping[str, str] | None = None,
    ) -> IngestReport:
        """Add files or folders of articles (see ``quotedesk ingest``); ``sources`` names a
        path's articles by something other than the path (an upload's file name)."""
        from ingest.pipeline import ingest

        return ingest(self.store, paths, progress=progress, sources=sources)

    def articles(self) -> list[ArticleSummary]:
        return self.store.articles()

    def remove(self, article_id: str) -> bool:
        return self.store.remove(article_id)

    def stats(self) -> dict[str, int]:
        return self.store.stats()

    def speakers(self) -> list[Speaker]:
        """Everyone quoted in the library, one entry per person, most quoted first."""
        from assistant.speakers import speakers

        return speakers(self.retriever)

    def quotes_by(self, name: str, about: str | None = None) -> list[Citation]:
        """A person's quotes newest first (only those about ``about`` when given).

        ``InputError`` when ``name`` fits more than one person quoted.
        """
        from assistant.speakers import quotes_by

        limit, variable = self.settings.max_question_chars, "QUOTEDESK_MAX_QUESTION_CHARS"
        name = checked(name, what="speaker", limit=limit, variable=variable)
        if about is not None:
            about = checked(about, what="topic", limit=limit, variable=variable) or None
        return quotes_by(self.retriever, name, about)

    # -- questions ------------------------------------------------------------

    def understand(self, question: str, history: History | None = None) -> Question:
        """Parse a question, reading outlet filters against the outlets in the library.

        ``InputError`` for a question over ``max_question_chars`` or not valid text.
        """
        question = checked(
            question,
            what="question",
            limit=self.settings.max_question_chars,
            variable="QUOTEDESK_MAX_QUESTION_CHARS",
        )
        outlets = self.retriever.index().outlets()
        return parse_question(question, outlets=outlets, history=history)

    def evidence(self, question: str | Question, history: History | None = None) -> Evidence:
        parsed = question if isinstance(question, Question) else self.understand(question, history)
        extra = LLM_CANDIDATES if self.settings.llm_enabled else 0
        return gather(self.retriever, parsed, extra=extra)

    def answer(self, evidence: Evidence) -> Answer:
        """Write the answer: through the LLM when one is configured, else extractively."""
        if self.settings.llm_enabled:
            from assistant.llm import llm_answer

            return llm_answer(evidence, self.settings)
        return compose(evidence)

    def ask(self, question: str, history: History | None = None) -> Answer:
        """Answer a question with cited, verbatim passages.

        ``history`` holds earlier (question, answer) turns, for "what else did he say?".
        """
        return self.answer(self.evidence(question, history))

    def verify(self, quote: str, speaker: str | None = None) -> Verification:
        """Is ``quote`` in the library, word for word, and said by ``speaker``?

        ``InputError`` for a quote over ``max_quote_chars`` or text that is not valid.
        """
        limit, variable = self.settings.max_quote_chars, "QUOTEDESK_MAX_QUOTE_CHARS"
        quote = checked(quote, what="quote", limit=limit, variable=variable)
        if speaker is not None:
            speaker = checked(speaker, what="speaker", limit=limit, variable=variable)
        return verify_quote(self.retriever, quote, speaker)

    def check_draft(self, text: str) -> list[DraftCheck]:
        """Verify every quotation in a draft article (``InputError`` as for ``verify``)."""
        from assistant.draft import check_draft

        text = checked(
            text,
            what="draft",
            limit=self.settings.max_draft_chars,
            variable="QUOTEDESK_MAX_DRAFT_CHARS",
        )
        return check_draft(self.retriever, text, self.settings.max_quote_chars)

    @property
    def chain(self) -> Runnable:
        """``retrieve | answer`` as a LangChain Runnable: ``invoke({"question": ...})``.

        Also takes ``{"question", "history"}`` with LangChain chat messages, or a list of
        messages; see ``assistant.chain``.
        """
        if self._chain is None:
            from assistant.chain import build_chain

            self._chain = build_chain(self)
        return self._chain

    def as_retriever(
        self,
        k: int = 8,
        kinds: tuple[str, ...] = ("quote", "passage"),
        speaker: str | None = None,
        outlet: str | None = None,
    ) -> QuoteRetriever:
        """A LangChain ``BaseRetriever`` over the library: verbatim quotes and passages as
        ``Document``s with speaker, article and offsets in ``metadata``."""
        from assistant.lc_retriever import QuoteRetriever

        return QuoteRetriever(desk=self, k=k, kinds=tuple(kinds), speaker=speaker, outlet=outlet)

    def as_tools(self) -> list[BaseTool]:
        """``quotedesk_ask`` and ``quotedesk_verify`` as LangChain tools for an agent."""
        from assistant.lc_tools import build_tools

        return build_tools(self)
