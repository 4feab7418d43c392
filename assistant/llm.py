"""Optional LLM answers: the model writes the prose and picks sources; the store supplies quotes.

The model sees numbered sources (S1, S2, ...) built from the evidence and must reply
with JSON naming the ids it relies on. Quote text never comes from the model: the
answer's citations are the stored ones it picked. An unusable reply (no citations,
an id we did not offer, bad JSON, a timeout or any client error) falls back to the
extractive answer, with a note saying why.
"""

from __future__ import annotations

import json
import re
from typing import Any

from assistant.answer import compose, source_line, who
from assistant.evidence import Evidence
from assistant.names import same_person
from quotedesk.config import Settings
from quotedesk.errors import LLMError
from quotedesk.models import Answer, Citation
from quotedesk.text import normalize

MAX_SOURCES = 8
MAX_TOKENS = 400
_JSON_OBJECT = re.compile(r"\{.*\}", re.S)
# a span in double quotes (any style, after normalize()) of at least two words
_QUOTED = re.compile(r'"([^"]*\w\s+\w[^"]*)"')


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
    _check_quoted_words(prose, [offered[c] for c in cited])
    speaker = data.get("speaker")
    return prose, str(speaker) if speaker else None, cited


def _check_quoted_words(prose: str, cited: list[Citation]) -> None:
    """Words the model puts in quote marks must stand verbatim in a source it cited.

    The model may phrase, never author a quotation: a made-up or "improved" quote in
    its prose makes the whole reply unusable.
    """
    # case-folded: lower-casing a quote's first word to fit a sentence is not an alteration
    texts = [t for c in cited for t in (c.passage, c.quote)]
    haystack = "\n".join(" ".join(normalize(t).split()) for t in texts).casefold()
    for match in _QUOTED.finditer(normalize(prose)):
        words = " ".join(match.group(1).split()).strip(" .,;:!?")
        if words and words.casefold() not in haystack:
            # the invented words are not repeated: a user must never see them as a quote
            raise LLMError("the model quoted words that are not in its sources")


def llm_answer(evidence: Evidence, settings: Settings, *, chat: Any = None) -> Answer:
    """The model's answer over the evidence, or the extractive one when it is unusable."""
    fallback = compose(evidence)
    offered = sources(evidence)
    if evidence.summary is not None or evidence.verification is not None or not offered:
        # library facts and verdicts are computed, not written: nothing for a model to choose
        return fallback
    try:
        chat = chat or make_chat(settings)
        reply = chat.invoke(messages(evidence, offered))
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


def _describe(exc: Exception) -> str:
    name = type(exc).__name__
    if "timeout" in name.lower() or "timed out" in str(exc).lower():
        return "the model did not answer in time"
    return f"{name}: {exc}"
