"""Optional LLM answers: the model writes the prose and picks sources; the store supplies quotes.

The model sees numbered sources (S1, S2, ...) built from the evidence and must reply
with JSON naming the ids it relies on. Quote text never comes from the model: the
answer's citations are the stored ones it picked, and its prose is read like a draft:
any quotation or reported speech must be word for word in a cited source, credited to
that source's stored speaker. An unusable reply (no citations, an id we did not offer,
bad JSON, words or speakers its sources do not back, an overlong reply, no reply within
the deadline or any client error) falls back to the extractive answer, with a note.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from assistant.answer import compose, source_line, who
from assistant.evidence import Evidence
from assistant.names import same_person
from quotedesk.config import Settings
from quotedesk.errors import LLMError
from quotedesk.models import Answer, Citation
from quotedesk.text import words

MAX_SOURCES = 8
MAX_TOKENS = 400
_JSON_OBJECT = re.compile(r"\{.*\}", re.S)
MAX_REPLY_CHARS = 6_000  # MAX_TOKENS of prose is about 2,000 characters: far longer is not a reply
_CODE_SPAN = re.compile(r"`+([^`]+?)`+")
_BLOCKQUOTE = re.compile(r"^[ \t]*>[ \t]?(.*)$", re.M)


def sources(evidence: Evidence) -> dict[str, Citation]:
    """The numbered sources offered to the model: supporting citations first."""
    offered = (evidence.citations + evidence.candidates)[:MAX_SOURCES]
    return {f"S{i}": c for i, c in enumerate(offered, 1)}


def _source_block(sid: str, c: Citation) -> str:
    return (
        f"[{sid}] speaker: {who(c)}\n"
        f"     source: {source_line(c)}\n"
        f"     words: \u201c{c.quote.strip()}\u201d\n"
        f"     context: {' '.join(c.passage.split())}"
    )


def messages(evidence: Evidence, offered: dict[str, Citation]) -> list[tuple[str, str]]:
    """System and user messages, from the prompt files in ``prompts/``."""
    import prompts

    user = prompts.load("answer_user").format(
        question=evidence.question.text,
        sources="\n".join(_source_block(sid, c) for sid, c in offered.items()),
    )
    return [("system", prompts.load("answer_system")), ("human", user)]


def make_chat(settings: Settings) -> Any:
    """A ChatOpenAI client for the configured model (only ever built when one is named)."""
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.llm_model,
        api_key=settings.openai_api_key or "not-needed",  # local servers accept any key
        base_url=settings.openai_base_url,
        timeout=settings.llm_timeout,
        max_retries=0,
        temperature=0,
        # llama.cpp-style servers ignore max_completion_tokens, which ChatOpenAI sends
        extra_body={"max_tokens": MAX_TOKENS},
    )


def parse_reply(content: str, offered: dict[str, Citation]) -> tuple[str, str | None, list[str]]:
    """(prose, speaker, cited ids) from the model's JSON; LLMError when unusable."""
    if len(content or "") > MAX_REPLY_CHARS:
        raise LLMError(f"the model's reply is too long ({len(content):,} characters)")
    found = _JSON_OBJECT.search(content or "")
    if not found:
        raise LLMError("the model did not reply with JSON")
    try:
        data = json.loads(found.group(0))
    except json.JSONDecodeError as exc:
        raise LLMError(f"the model's JSON is malformed ({exc.msg})") from exc
    prose = str(data.get("answer") or "").strip()
    cite = data.get("cite") or []
    if isinstance(cite, str):
        cite = [cite]
    cited = [str(c).strip().strip("[]") for c in cite]
    if not prose:
        raise LLMError("the model's answer is empty")
    if not cited:
        raise LLMError("the model cited no source")
    unknown = [c for c in cited if c not in offered]
    if unknown:
        raise LLMError(f"the model cited sources that were not offered: {', '.join(unknown)}")
    cited = list(dict.fromkeys(cited))
    speaker = str(data["speaker"]) if data.get("speaker") else None
    _check_prose(prose, [offered[c] for c in cited], speaker)
    return prose, speaker, cited


def _check_prose(prose: str, cited: list[Citation], speaker: str | None) -> None:
    """The model's prose is read as a draft and must claim only what its sources show.

    Every quotation (any marks, a Markdown blockquote, a code span, a single word) and
    every reported-speech claim must stand word for word in a cited source; every
    person it presents as a speaker, and the speaker it names, must be the stored
    speaker of a cited source holding those words. The model may phrase, never author
    a quotation or move one to another person.
    """
    from assistant.draft import read_claims

    text = _as_plain_quotes(prose)
    for claim in read_claims(text):
        for start, end in claim.parts:
            holders = [c for c in cited if _holds(c, text[start:end])]
            if not holders:
                # the invented words are not repeated: a user must never see them as a quote
                raise LLMError("the model quoted words that are not in its sources")
            if claim.speaker and not any(same_person(claim.speaker, c.speaker) for c in holders):
                raise LLMError(
                    f"the model credits {claim.speaker} with words its sources attribute "
                    "to someone else"
                )
    if speaker and not any(same_person(speaker, c.speaker) for c in cited):
        raise LLMError(f"the model names {speaker}, who is not the speaker of its sources")


def _as_plain_quotes(prose: str) -> str:
    """Markdown quotations (blockquote lines, code spans) as plain double-quoted text."""
    text = _CODE_SPAN.sub(lambda m: f'"{m.group(1).strip()}"', prose)
    return _BLOCKQUOTE.sub(lambda m: f'"{m.group(1).strip()}"', text)


def _holds(citation: Citation, fragment: str) -> bool:
    """Are ``fragment``'s words, in order, in the citation's passage or quote?

    Compared as words: case, marks and punctuation around a quotation are the prose's.
    """
    wanted = " ".join(words(fragment))
    if not wanted:
        return True
    return any(
        f" {wanted} " in f" {' '.join(words(t))} " for t in (citation.passage, citation.quote)
    )


def llm_answer(evidence: Evidence, settings: Settings, *, chat: Any = None) -> Answer:
    """The model's answer over the evidence, or the extractive one when it is unusable."""
    fallback = compose(evidence)
    offered = sources(evidence)
    if evidence.summary is not None or evidence.verification is not None or not offered:
        # library facts and verdicts are computed, not written: nothing for a model to choose
        return fallback
    try:
        chat = chat or make_chat(settings)
        reply = _ask(chat, messages(evidence, offered), settings.llm_timeout)
        prose, speaker, cited = parse_reply(str(reply.content), offered)
    except Exception as exc:  # any client failure (timeout, HTTP, parsing) falls back
        reason = str(exc) if isinstance(exc, LLMError) else _describe(exc)
        note = f"\n\n(LLM answer unavailable: {reason}; this is the extractive answer.)"
        return Answer(fallback.answer + note, fallback.speaker, fallback.citations, fallback.trace)
    citations = tuple(offered[c] for c in cited)
    # the speaker is the stored one: the cited source the model's name matches, else the first
    chosen = next((c for c in citations if same_person(speaker, c.speaker)), citations[0])
    listed = "\n".join(
        f"[{sid}] {who(offered[sid])}: \u201c{offered[sid].quote.strip()}\u201d \u2014 "
        f"{source_line(offered[sid])}"
        for sid in cited
    )
    return Answer(f"{prose}\n\nSources:\n{listed}", chosen.speaker, citations, evidence.trace)


def _ask(chat: Any, prompt: list[tuple[str, str]], deadline: float) -> Any:
    """The model's reply within one deadline for the whole call.

    The client's own timeout applies to each read, so a server that drips a byte every
    few seconds could hold a question indefinitely; cancelling the async call closes
    the connection instead of leaving a thread reading it.
    """
    import asyncio

    async def call() -> Any:
        return await asyncio.wait_for(chat.ainvoke(prompt), deadline)

    try:
        asyncio.get_running_loop()
    except RuntimeError:  # the usual case: no event loop in this thread
        return asyncio.run(call())
    # called from async code: asyncio.run refuses a running loop, so use a thread of its own
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, call()).result()


def _describe(exc: Exception) -> str:
    name = type(exc).__name__
    if "timeout" in name.lower() or "timed out" in str(exc).lower():
        return "the model did not answer in time"
    return f"{name}: {exc}"
