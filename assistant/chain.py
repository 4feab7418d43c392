"""The question chain as LangChain runnables: ``retrieve | answer``.

Plain ``langchain_core`` runnables over our own types, so the chain composes with
anything else in LangChain (batching, streaming callbacks, tracing) while the
answer stays exactly what ``QuoteDesk.ask`` returns.

Inputs it takes: a question string; a dict ``{"question": str, "history" | "chat_history":
[...]}``; or a list of chat messages whose last human message is the question. History
may hold LangChain messages (``HumanMessage`` / ``AIMessage``), ``{"role", "content"}``
dicts, bare earlier questions or ``(question, Answer)`` turns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from langchain_core.messages import BaseMessage
from langchain_core.runnables import Runnable, RunnableLambda

from assistant.evidence import Evidence
from quotedesk.models import Answer

if TYPE_CHECKING:
    from assistant.desk import History, QuoteDesk


def _user_question(item: Any) -> str | None:
    """The user's question in one history item of any accepted shape, else None."""
    if isinstance(item, BaseMessage):
        return item.text if item.type == "human" else None
    if isinstance(item, dict):
        content = item.get("content")
        is_user = item.get("role") in ("user", "human")
        return content if is_user and isinstance(content, str) else None
    if isinstance(item, list | tuple) and item:
        return str(item[0])
    return item if isinstance(item, str) else None


def history_turns(desk: QuoteDesk, history: Sequence[Any]) -> History:
    """``(question, Answer)`` turns out of any accepted history shape.

    Chat messages carry only text, so the user's earlier questions are asked again in
    order: a follow-up ("what else did he say?") then resolves as it did in the chat.
    """
    turns: list[tuple[str, Answer]] = []
    for item in history:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Answer):
            turns.append(item)
            continue
        question = (_user_question(item) or "").strip()
        if question:
            turns.append((question, desk.ask(question, history=turns)))
    return turns


def _question(value: Any) -> tuple[str, Sequence[Any]]:
    """The question and its history out of a chain input."""
    if isinstance(value, str):
        return value, ()
    if isinstance(value, dict):
        return value["question"], value.get("history") or value.get("chat_history") or ()
    if isinstance(value, list) and value:  # a conversation: the last user message is asked
        asked = [i for i, item in enumerate(value) if _user_question(item)]
        if asked:
            return _user_question(value[asked[-1]]) or "", value[: asked[-1]]
    raise TypeError(
        "the chain takes a question string, {'question': ..., 'history': [...]}"
        f" or a list of chat messages, not {type(value).__name__}"
    )


def build_chain(desk: QuoteDesk) -> Runnable:
    """The chain over ``desk``: any accepted input (see the module docstring) -> Answer."""

    def retrieve(value: Any) -> Evidence:
        question, history = _question(value)
        return desk.evidence(question, history_turns(desk, history))

    return RunnableLambda(retrieve, name="retrieve") | RunnableLambda(desk.answer, name="answer")
