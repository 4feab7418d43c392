"""The optional LLM path, through the real openai client against a scripted local endpoint."""

from __future__ import annotations

import asyncio
import time

import pytest
from assistant_library import open_desk
from llm_server import ScriptedLLM

QUESTION = "who said the cold war will go on?"


@pytest.fixture(scope="module")
def server():
    llm = ScriptedLLM().start()
    yield llm
    llm.stop()


@pytest.fixture()
def desk(server):
    return open_desk(llm_model="scripted-model", openai_base_url=server.url, llm_timeout=1.5)


def test_good_reply_uses_the_models_prose_and_the_stored_quotes(server, desk) -> None:
    server.reply(
        {"answer": "Yury Tavrovsky made this point.", "speaker": "Tavrovsky", "cite": ["S1"]}
    )
    answer = desk.ask(QUESTION)
    assert answer.answer.startswith("Yury Tavrovsky made this point.")
    assert answer.speaker == "Yury Tavrovsky"
    assert len(answer.citations) == 1
    citation = answer.citations[0]
    article = desk.store.get_article(citation.article_id)
    assert article.text[citation.start : citation.end] == citation.quote
    # the model was shown numbered sources with the stored words and its token budget
    sent = server.requests[-1]
    assert sent["model"] == "scripted-model"
    assert sent["max_tokens"] > 0
    prompt = sent["messages"][-1]["content"]
    assert "[S1]" in prompt and "A cold war will go on." in prompt


def test_reply_may_quote_the_cited_source_word_for_word(server, desk) -> None:
    prose = "Yury Tavrovsky warned that \u201ca cold war will go on,\u201d as the source shows."
    server.reply({"answer": prose, "speaker": "Yury Tavrovsky", "cite": ["S1"]})
    answer = desk.ask(QUESTION)
    assert answer.answer.startswith(prose)
    assert "LLM answer unavailable" not in answer.answer


def test_reply_that_invents_a_quotation_falls_back(server, desk) -> None:
    prose = 'Tavrovsky said "the cold war will never end" in his comments.'
    server.reply({"answer": prose, "speaker": "Yury Tavrovsky", "cite": ["S1"]})
    answer = desk.ask(QUESTION)
    assert "quoted words that are not in its sources" in answer.answer
    assert "never end" not in answer.answer
    assert answer.citations[0].quote == "A cold war will go on."


@pytest.mark.parametrize(
    ("prose", "why"),
    [
        ("Tavrovsky said 'the cold war will never end' in his comments.", "quoted words"),
        ("Tavrovsky said \u2018the cold war will never end\u2019.", "quoted words"),
        ("Tavrovsky put it this way:\n\n> The cold war will never end.", "quoted words"),
        ("Tavrovsky's words were `the cold war will never end`.", "quoted words"),
        ("Tavrovsky called the rivalry 'unstoppable'.", "quoted words"),
        ("Putin said that the cold war will never end.", "quoted words"),
        ("Barack Obama said a cold war will go on.", "credits Barack Obama"),
        ("Barack Obama said: \u201cA cold war will go on.\u201d", "credits Barack Obama"),
    ],
)
def test_reply_whose_prose_claims_more_than_its_sources_falls_back(
    server, desk, prose: str, why: str
) -> None:
    server.reply({"answer": prose, "speaker": "Yury Tavrovsky", "cite": ["S1"]})
    answer = desk.ask(QUESTION)
    assert "LLM answer unavailable" in answer.answer and why in answer.answer
    assert prose not in answer.answer
    assert answer.speaker == "Yury Tavrovsky"
    assert answer.citations[0].quote == "A cold war will go on."


@pytest.mark.parametrize(
    "prose",
    [
        "Yury Tavrovsky said that a cold war will go on.",
        "Yury Tavrovsky put it this way:\n\n> A cold war will go on.",
        "In Tavrovsky's words, `a cold war will go on`.",
    ],
)
def test_reply_that_reports_its_source_faithfully_is_used(server, desk, prose: str) -> None:
    server.reply({"answer": prose, "speaker": "Tavrovsky", "cite": ["S1"]})
    answer = desk.ask(QUESTION)
    assert answer.answer.startswith(prose)
    assert answer.speaker == "Yury Tavrovsky"


def test_reply_naming_a_speaker_its_sources_do_not_falls_back(server, desk) -> None:
    server.reply({"answer": "This was said in 2021.", "speaker": "Barack Obama", "cite": ["S1"]})
    answer = desk.ask(QUESTION)
    assert "names Barack Obama" in answer.answer
    assert answer.speaker == "Yury Tavrovsky"


def test_overlong_reply_falls_back(server, desk) -> None:
    prose = "Yury Tavrovsky made this point. " * 3200  # about 100 KB
    server.reply({"answer": prose, "speaker": "Tavrovsky", "cite": ["S1"]})
    answer = desk.ask(QUESTION)
    assert "reply is too long" in answer.answer
    assert len(answer.answer) < 2000


def test_unknown_id_falls_back_to_the_extractive_answer(server, desk) -> None:
    server.reply({"answer": "Someone said it.", "speaker": "X", "cite": ["S99"]})
    answer = desk.ask(QUESTION)
    assert "LLM answer unavailable" in answer.answer
    assert "S99" in answer.answer
    assert answer.speaker == "Yury Tavrovsky"
    assert "Someone said it." not in answer.answer


def test_reply_without_citations_falls_back(server, desk) -> None:
    server.reply({"answer": "It was Tavrovsky.", "speaker": "Tavrovsky", "cite": []})
    answer = desk.ask(QUESTION)
    assert "cited no source" in answer.answer
    assert answer.speaker == "Yury Tavrovsky"
    assert answer.citations


def test_reply_that_is_not_json_falls_back(server, desk) -> None:
    server.reply("I think it was Tavrovsky.")
    answer = desk.ask(QUESTION)
    assert "LLM answer unavailable" in answer.answer
    assert answer.speaker == "Yury Tavrovsky"


def test_timeout_falls_back(server, desk) -> None:
    server.reply({"answer": "late", "speaker": None, "cite": ["S1"]}, delay=4.0)
    answer = desk.ask(QUESTION)
    assert "did not answer in time" in answer.answer
    assert answer.speaker == "Yury Tavrovsky"


def test_a_server_dripping_bytes_is_held_to_one_deadline(server, desk) -> None:
    # every byte arrives well inside the 1.5 s read timeout; the whole reply would take minutes
    server.reply({"answer": "slow", "speaker": None, "cite": ["S1"]}, drip=0.2)
    started = time.monotonic()
    answer = desk.ask(QUESTION)
    assert time.monotonic() - started < 6.0
    assert "did not answer in time" in answer.answer
    assert answer.speaker == "Yury Tavrovsky"


def test_asking_from_async_code_still_uses_the_model(server, desk) -> None:
    server.reply({"answer": "It was Tavrovsky.", "speaker": "Tavrovsky", "cite": ["S1"]})

    async def ask():
        return desk.ask(QUESTION)

    answer = asyncio.run(ask())
    assert answer.answer.startswith("It was Tavrovsky.")


def test_offline_default_never_builds_an_openai_client(monkeypatch) -> None:
    import langchain_openai
    import openai

    def refuse(*args, **kwargs):
        raise AssertionError("the offline path constructed an OpenAI client")

    monkeypatch.setattr(langchain_openai, "ChatOpenAI", refuse)
    monkeypatch.setattr(openai, "OpenAI", refuse)
    desk = open_desk()
    assert not desk.settings.llm_enabled
    answer = desk.ask(QUESTION)
    assert answer.speaker == "Yury Tavrovsky"


def test_verify_questions_keep_the_computed_verdict(server, desk) -> None:
    asked = len(server.requests)
    answer = desk.ask("did Bochkov say a military confrontation is likely?")
    assert answer.answer.startswith("No.")
    assert len(server.requests) == asked  # the model is not asked to judge a quote
