"""Ask and verify as LangChain tools, for agents: ``desk.as_tools()``.

Each tool returns text for the model (the answer or verdict with every cited quote
verbatim, its speaker and article) and, as the tool message's ``artifact``, the full
``to_dict()`` so a program can use the offsets without parsing prose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field

from assistant.verify import explain
from quotedesk.models import Citation

if TYPE_CHECKING:
    from assistant.desk import QuoteDesk


class AskInput(BaseModel):
    """Arguments of ``quotedesk_ask``."""

    question: str = Field(
        description='A question about the library, e.g. "who said the talks will resume?"'
        ' or "what did Jane Roe say about taxes?"'
    )


class VerifyInput(BaseModel):
    """Arguments of ``quotedesk_verify``."""

    quote: str = Field(description="The words attributed to someone, as they were quoted")
    speaker: str | None = Field(
        default=None, description="Who the quote is attributed to, if anyone"
    )


def _source_line(citation: Citation) -> str:
    """One cited quote with who said it and where, offsets included for re-checking."""
    who = citation.speaker or "no attributed speaker"
    where = ", ".join(x for x in (citation.outlet, (citation.published or "")[:10]) if x)
    return (
        f'- {who}: "{citation.quote}" ({citation.title}{", " + where if where else ""};'
        f" article {citation.article_id}, characters {citation.start}-{citation.end})"
    )


def _with_sources(text: str, citations: tuple[Citation, ...]) -> str:
    if not citations:
        return text
    return "\n".join([text, "Sources:", *(_source_line(c) for c in citations)])


def build_tools(desk: QuoteDesk) -> list[BaseTool]:
    """``quotedesk_ask`` and ``quotedesk_verify`` over ``desk``."""

    def ask(question: str) -> tuple[str, dict[str, Any]]:
        answer = desk.ask(question)
        return _with_sources(answer.answer, answer.citations), answer.to_dict()

    def verify(quote: str, speaker: str | None = None) -> tuple[str, dict[str, Any]]:
        result = desk.verify(quote, speaker)
        cited = (result.citation,) if result.citation else ()
        return _with_sources(explain(result), cited), result.to_dict()

    return [
        StructuredTool.from_function(
            ask,
            name="quotedesk_ask",
            description=(
                "Ask who said something, what someone said, or about the library of articles."
                " Answers with the speaker and verbatim cited quotes."
            ),
            args_schema=AskInput,
            response_format="content_and_artifact",
        ),
        StructuredTool.from_function(
            verify,
            name="quotedesk_verify",
            description=(
                "Check a quote against the library: verified, misattributed (said by someone"
                " else), altered (words changed) or not found."
            ),
            args_schema=VerifyInput,
            response_format="content_and_artifact",
        ),
    ]
