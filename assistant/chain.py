"""The question chain as LangChain runnables: ``retrieve | answer``.

Plain ``langchain_core`` runnables over our own types, so the chain composes with
anything else in LangChain (batching, streaming callbacks, tracing) while the
answer stays exactly what ``QuoteDesk.ask`` returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from langchain_core.runnables import Runnable, RunnableLambda

from assistant.evidence import Evidence

if TYPE_CHECKING:
    from assistant.desk import QuoteDesk


def _question(value: Any) -> tuple[str, Any]:
    if isinstance(value, str):
        return value, None
    return value["question"], value.get("history")


def build_chain(desk: QuoteDesk) -> Runnable:
    """``{"question": str, "history"?: [(question, Answer)]}`` (or a bare str) -> Answer."""

    def retrieve(value: Any) -> Evidence:
        question, history = _question(value)
        return desk.evidence(question, history)

    return RunnableLambda(retrieve, name="retrieve") | RunnableLambda(desk.answer, name="answer")
