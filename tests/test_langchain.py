"""Quotedesk inside LangChain: the retriever in an LCEL chain, chat history, agent tools."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from assistant_library import open_desk
from langchain_core.documents import Document
from langchain_core.language_models.fake_chat_models import (
    FakeMessagesListChatModel,
    GenericFakeChatModel,
)
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda, RunnablePassthrough
from langchain_core.utils.function_calling import convert_to_openai_tool

COLD_WAR = "who said the cold war will go on?"


def _verbatim(desk: Any, doc: Document) -> bool:
    article = desk.retriever.article(doc.metadata["article_id"])
    return article.text[doc.metadata["start"] : doc.metadata["end"]] == doc.page_content


def test_retriever_documents_are_verbatim_with_speaker_and_article() -> None:
    desk = open_desk()
    retriever = desk.as_retriever(k=4)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("the cold war will go on")
    assert 0 < len(docs) <= 4
    assert all(_verbatim(desk, d) for d in docs)
    assert set(docs[0].metadata) == {
        "speaker",
        "speaker_title",
        "speaker_uncertain",
        "article_id",
        "title",
        "outlet",
        "published",
        "source",
        "start",
        "end",
        "kind",
        "score",
    }
    quoted = {d.metadata["speaker"] for d in docs if d.metadata["kind"] == "quote"}
    assert "Yury Tavrovsky" in quoted
    assert "sample_article.txt" in {d.metadata["source"] for d in docs}
    assert not [d for d in docs if "/" in d.metadata["source"]]  # file names, no server folders


def test_retriever_filters_by_kind_and_speaker_as_typed() -> None:
    desk = open_desk()
    quotes = desk.as_retriever(kinds=("quote",), speaker="Tavrovsky").invoke("cold war")
    assert quotes and {d.metadata["speaker"] for d in quotes} == {"Yury Tavrovsky"}
    assert {d.metadata["kind"] for d in quotes} == {"quote"}
    passages = desk.as_retriever(kinds=("passage",)).invoke("cold war")
    assert passages and {d.metadata["kind"] for d in passages} == {"passage"}
    assert desk.as_retriever(speaker="Nobody Everquoted").invoke("cold war") == []
    with pytest.raises(ValueError, match="kinds must be some of"):
        desk.as_retriever(kinds=("quotes",))


def test_retriever_works_async() -> None:
    docs = asyncio.run(open_desk().as_retriever(k=2).ainvoke("the cold war will go on"))
    assert len(docs) == 2


def test_retriever_feeds_a_rag_chain() -> None:
    """The README's RAG chain, with a fake chat model in place of ChatOpenAI."""
    desk = open_desk()
    prompt = ChatPromptTemplate.from_messages(
        [("system", "Answer only from these quotes:\n{context}"), ("human", "{question}")]
    )
    seen: list[Any] = []

    def context(docs: list[Document]) -> str:
        return "\n".join(f"{d.metadata['speaker']}: {d.page_content}" for d in docs)

    model = FakeMessagesListChatModel(responses=[AIMessage("Yury Tavrovsky said so.")])
    retriever = desk.as_retriever(kinds=("quote",))
    chain = (
        {"context": retriever | context, "question": RunnablePassthrough()}
        | prompt
        | RunnableLambda(lambda p: seen.append(p) or p)
        | model
        | StrOutputParser()
    )
    assert chain.invoke(COLD_WAR) == "Yury Tavrovsky said so."
    system = seen[0].to_messages()[0].text
    assert "Yury Tavrovsky: " in system and "cold war" in system.lower()


def test_chain_takes_langchain_chat_history() -> None:
    desk = open_desk()
    first = desk.chain.invoke("what did Tavrovsky say?")
    history = [HumanMessage("what did Tavrovsky say?"), AIMessage(first.answer)]
    more = desk.chain.invoke({"question": "what else did he say?", "chat_history": history})
    assert more.speaker == "Yury Tavrovsky"
    shown = {(c.article_id, c.start) for c in first.citations}
    assert not shown & {(c.article_id, c.start) for c in more.citations}
    as_list = desk.chain.invoke([*history, HumanMessage("what else did he say?")])
    assert as_list == more


class ToolCallingFake(GenericFakeChatModel):
    """A scripted chat model that accepts tools the way a real one does."""

    bound: list[dict] = []

    def bind_tools(self, tools: list[Any], **kwargs: Any) -> ToolCallingFake:
        self.bound.extend(convert_to_openai_tool(t) for t in tools)
        return self


def test_tools_answer_an_agent_tool_calls() -> None:
    desk = open_desk()
    tools = {t.name: t for t in desk.as_tools()}
    call = {
        "name": "quotedesk_verify",
        "args": {"quote": "A cold war will go on.", "speaker": "Putin"},
        "id": "call-1",
        "type": "tool_call",
    }
    script = iter([AIMessage("", tool_calls=[call]), AIMessage("It was misattributed.")])
    model = ToolCallingFake(messages=script).bind_tools(list(tools.values()))
    params = {f["function"]["name"]: f["function"]["parameters"] for f in model.bound}
    assert params["quotedesk_verify"]["properties"]["quote"]["type"] == "string"
    assert params["quotedesk_verify"]["required"] == ["quote"]
    assert params["quotedesk_ask"]["required"] == ["question"]

    messages: list[Any] = [HumanMessage("Did Putin say a cold war will go on?")]
    reply = model.invoke(messages)
    while reply.tool_calls:  # the usual agent loop: run each call, hand the results back
        messages.append(reply)
        messages.extend(tools[c["name"]].invoke(c) for c in reply.tool_calls)
        reply = model.invoke(messages)
    result = messages[-1]
    assert isinstance(result, ToolMessage) and result.tool_call_id == "call-1"
    assert result.artifact["verdict"] == "misattributed"
    assert result.content.startswith("Misattributed") and "Yury Tavrovsky" in result.content
    assert reply.text == "It was misattributed."


def test_ask_tool_gives_the_speaker_and_verbatim_quotes() -> None:
    desk = open_desk()
    ask = next(t for t in desk.as_tools() if t.name == "quotedesk_ask")
    text = ask.invoke({"question": COLD_WAR})
    answer = desk.ask(COLD_WAR)
    assert "Yury Tavrovsky" in text
    assert all(c.quote in text for c in answer.citations)
