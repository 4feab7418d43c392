"""The LangChain chain returns exactly what QuoteDesk.ask returns."""

from __future__ import annotations

from assistant_library import open_desk
from langchain_core.runnables import Runnable


def test_chain_is_a_runnable_giving_the_same_answer() -> None:
    desk = open_desk()
    assert isinstance(desk.chain, Runnable)
    question = "who said the cold war will go on?"
    via_chain = desk.chain.invoke({"question": question})
    assert via_chain == desk.ask(question)
    assert via_chain.speaker == "Yury Tavrovsky"


def test_chain_accepts_history_and_batches() -> None:
    desk = open_desk()
    first = desk.chain.invoke({"question": "what did Tavrovsky say?"})
    more = desk.chain.invoke(
        {"question": "what else did he say?", "history": [("what did Tavrovsky say?", first)]}
    )
    assert more.speaker == "Yury Tavrovsky"
    answers = desk.chain.batch(["who said the cold war will go on?", "how many articles?"])
    assert answers[0].speaker == "Yury Tavrovsky"
    assert "articles" in answers[1].answer
