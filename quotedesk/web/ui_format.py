"""Turn answers, verifications and library records into values the Gradio widgets show.

Pure functions with no Gradio import, so the way results read on screen can be tested
without a browser and ``app.py`` stays a thin layer of widgets and event wiring.
Every quote shown is the stored ``Citation.quote``; this module only escapes and marks it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from assistant.citations import where
from assistant.verify import explain, verdict_label
from quotedesk.config import Settings
from quotedesk.models import (
    Answer,
    ArticleSummary,
    Citation,
    IngestReport,
    Speaker,
    Verification,
)
from quotedesk.store import source_name

if TYPE_CHECKING:
    from assistant.draft import DraftCheck

ARTICLE_COLUMNS = ["ID", "Title", "Author", "Published", "Quotes"]
APPEARANCE_COLUMNS = ["Published", "Speaker", "Title", "Outlet", "Quote"]
SPEAKER_COLUMNS = ["Speaker", "Also named", "Titles", "Quotes", "First", "Last"]
SPEAKER_QUOTE_COLUMNS = ["Published", "Speaker", "Quote", "Title", "Outlet"]
DRAFT_COLUMNS = ["Quote", "Claimed speaker", "Verdict", "Found speaker", "Source"]

VERDICT_ICONS = {
    "verified": "✅",
    "words_verified": "☑️",
    "misattributed": "⚠️",
    "altered": "✏️",
    "not_found": "❓",
}

#: HighlightedText categories; the legend colours edits that change what was said
DIFF_COLORS = {
    "changes meaning": "#ef4444",
    "added": "#f59e0b",
    "missing": "#a855f7",
    "reworded": "#3b82f6",
}

# Characters Markdown (and the chat's $$ maths) would interpret; escaped so source text
# renders literally. ":" too: "http://..." would become a link (GFM autolinks), shown with
# its backslashes, where "http\://" stays text.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$>:])")


def escape_markdown(text: str) -> str:
    """Escape ``text`` so Markdown shows it verbatim (HTML-escaped first)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def toast(text: str) -> str:
    """Escape ``text`` for a ``gr.Error`` / ``gr.Warning`` pop-up, which renders HTML.

    Its messages carry file names and titles; a ``<img src=...>`` in one would otherwise
    load from the reader's browser.
    """
    return html.escape(text, quote=False)


def marked_passage(passage: str, quote: str) -> str:
    """The passage as Markdown with the quoted words wrapped in ``<mark>``.

    When the quote is not inside the passage (a passage cut mid-quote), the quote is
    shown marked on its own rather than guessing where it sits.
    """
    at = passage.find(quote) if quote else -1
    if at < 0:
        shown = f"<mark>{escape_markdown(quote)}</mark>" if quote else ""
        return "\n\n".join(part for part in (shown, escape_markdown(passage)) if part)
    before, after = passage[:at], passage[at + len(quote) :]
    return f"{escape_markdown(before)}<mark>{escape_markdown(quote)}</mark>{escape_markdown(after)}"


def counted(n: int, plural: str) -> str:
    """``"1 quote"`` / ``"3 quotes"`` from a plural noun (the store's stats keys are plurals)."""
    return f"{n} {plural if n != 1 else plural.removesuffix('s')}"


def byline(citation: Citation) -> str:
    """Outlet, author and date in one line, leaving out what the article does not say."""
    parts = [citation.locator(), citation.outlet]
    parts.append(f"by {citation.author}" if citation.author else None)
    parts.append(citation.published[:10] if citation.published else "date unknown")
    return " · ".join(p for p in parts if p)


def source_title(index: int, citation: Citation) -> str:
    """The one-line header of a collapsible source message (Gradio renders it as Markdown)."""
    return (
        f"Source {index}: {escape_markdown(citation.title)} ({escape_markdown(byline(citation))})"
    )


def source_markdown(citation: Citation) -> str:
    """The body of a source message: who, where, and the passage with the quote marked."""
    speaker = citation.speaker or "speaker not named in the article"
    if citation.speaker_title:
        speaker = f"{speaker}, {citation.speaker_title}"
    if citation.speaker_uncertain:
        speaker = f"{speaker} (speaker uncertain)"
    lines = [
        f"**{escape_markdown(citation.title)}**  ",
        f"{escape_markdown(byline(citation))}  ",
        f"Speaker: {escape_markdown(speaker)}",
        "",
        f"> {marked_passage(citation.passage, citation.quote)}",
        "",
        f"<small>article `{citation.article_id}`, "
        f"{where(citation, escape_markdown(citation.source))}</small>",
    ]
    return "\n".join(lines)


def source_messages(answer: Answer) -> list[dict[str, Any]]:
    """One collapsed assistant message per citation (Gradio message metadata)."""
    return [
        {
            "role": "assistant",
            "content": source_markdown(citation),
            "metadata": {"title": source_title(i, citation), "status": "done"},
        }
        for i, citation in enumerate(answer.citations, start=1)
    ]


def answer_text(answer: Answer) -> str:
    """The answer as plain text for API callers, with every cited quote in it verbatim.

    The answer usually quotes its sources already; any citation it does not quote (an
    LLM-written answer may paraphrase) is listed after it with speaker and article.
    """
    text = answer.answer.strip()
    missing = [c for c in answer.citations if c.quote not in text]
    lines = [text, "", "Sources:"] if missing else [text]
    for citation in missing:
        speaker = citation.speaker or "unattributed"
        lines.append(f'- {speaker}: "{citation.quote}" ({citation.title}, {byline(citation)})')
    return "\n".join(lines)


def stream_chunks(text: str, words_per_chunk: int = 4) -> Iterable[str]:
    """Growing prefixes of ``text``, a few words at a time, for a streamed chat reply."""
    pieces = re.findall(r"\S+\s*", text)
    for end in range(words_per_chunk, len(pieces) + words_per_chunk, words_per_chunk):
        yield "".join(pieces[:end])


def verdict_markdown(verification: Verification) -> str:
    """The verdict card: the verdict, the plain-words explanation, and the source passage."""
    verdict = verification.verdict
    lines = [
        f"## {VERDICT_ICONS.get(verdict, '')} {verdict_label(verification)}",
        escape_markdown(explain(verification)),
    ]
    if verification.citation:
        citation = verification.citation
        lines.append(
            f"**Source:** {escape_markdown(citation.title)} ({escape_markdown(byline(citation))})"
        )
        lines.append(f"> {marked_passage(citation.passage, citation.quote)}")
    return "\n\n".join(lines)


def diff_highlights(verification: Verification) -> list[tuple[str, str | None]]:
    """Word diff as (text, category) pairs: the claim's words, with source words it dropped.

    Unchanged words carry no category; a flagged edit (negation, number, antonym) is
    "changes meaning" whatever its kind, so the reader's eye goes there first.
    """
    pairs: list[tuple[str, str | None]] = []
    for op in verification.diff:
        if op.op == "equal":
            pairs.append((op.claim or op.source, None))
            continue
        category = "changes meaning" if op.flag else None
        if op.op in ("replace", "delete") and op.source:
            pairs.append((f"[source: {op.source}]", category or "missing"))
        if op.op in ("replace", "insert") and op.claim:
            pairs.append((op.claim, category or ("reworded" if op.op == "replace" else "added")))
    return [(f"{text} ", cat) for text, cat in pairs]


def appearance_rows(verification: Verification) -> list[list[str]]:
    """Every appearance of the quote, earliest first (undated ones last)."""
    dated = sorted(
        verification.appearances,
        key=lambda c: (c.published is None, c.published or "", c.title),
    )
    return [
        [
            (c.published or "")[:10],
            c.speaker or "",
            c.title,
            c.outlet or "",
            c.quote,
        ]
        for c in dated
    ]


def article_rows(articles: Iterable[ArticleSummary]) -> list[list[Any]]:
    """The library table, newest first."""
    ordered = sorted(articles, key=lambda a: a.published or "", reverse=True)
    return [
        [a.id, a.title, a.author or "", (a.published or "")[:10], a.quote_count] for a in ordered
    ]


def speaker_rows(people: Iterable[Speaker]) -> list[list[Any]]:
    """The speakers table (plain-text cells), in the order given (most quoted first)."""
    return [
        [
            p.name,
            ", ".join(f for f in p.forms if f != p.name),
            ", ".join(p.titles),
            f"{p.quotes} ({p.uncertain} uncertain)" if p.uncertain else str(p.quotes),
            p.first or "",
            p.last or "",
        ]
        for p in people
    ]


def speaker_quote_rows(citations: Iterable[Citation]) -> list[list[str]]:
    """One person's quotes as given (newest first); an uncertain attribution says so."""
    return [
        [
            (c.published or "")[:10],
            f"{c.speaker} (speaker uncertain)" if c.speaker_uncertain else c.speaker or "",
            c.quote,
            c.title,
            c.outlet or "",
        ]
        for c in citations
    ]


def article_choices(articles: Iterable[ArticleSummary]) -> list[tuple[str, str]]:
    """Dropdown choices (label, article id) for picking an article to delete."""
    return [(f"{a.title} ({a.id})", a.id) for a in articles]


def _ingest_lines(report: IngestReport) -> tuple[str, list[str]]:
    """What an ingest did as plain text: the counts, then one line per file."""
    counts = report.to_dict()
    head = (
        f"{counts['added']} added, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed"
    )
    lines = []
    for r in report.results:
        name = source_name(r.source)
        if r.status == "failed":
            lines.append(f"❌ {name}: {r.reason or 'could not be ingested'}")
        else:
            detail = f", {counted(r.quotes, 'quotes')}" if r.status != "unchanged" else ""
            lines.append(f"{r.status}: {name} — {r.title or ''}{detail}")
    return head, lines


def url_lines(text: str | None) -> list[str]:
    """The web addresses in the Library's URL box, one a line; ``ValueError`` names a line
    that is no http(s) address, so the box can never read a file on the server."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for line in lines:
        if not line.lower().startswith(("http://", "https://")):
            raise ValueError(f"{line[:80]!r} is not a web address (http:// or https://)")
    return lines


def ingest_markdown(report: IngestReport) -> str:
    """What an ingest did, one line per file, failures with their reason."""
    head, lines = _ingest_lines(report)
    return "\n".join([f"**{head}**", "", *(f"- {escape_markdown(line)}" for line in lines)])


def ingest_toast(report: IngestReport) -> str:
    """The same for a pop-up (HTML): the counts, then one line per file."""
    head, lines = _ingest_lines(report)
    return "<br>".join(toast(line) for line in (head, *lines))


def draft_rows(checks: Iterable[DraftCheck]) -> list[list[str]]:
    """The draft-check table: each quotation, who the draft credits, the verdict, the source."""
    rows = []
    for check in checks:
        found = check.verification
        source = found.citation
        rows.append(
            [
                check.quote,
                check.claimed_speaker or "",
                verdict_label(found),
                found.speaker or "",
                f"{source.title} ({byline(source)})" if source else "",
            ]
        )
    return rows


def settings_markdown(settings: Settings, stats: Mapping[str, Any] | None = None) -> str:
    """The configuration in plain words: embedder, store, LLM, and what the library holds."""
    llm = (
        f"LLM: {settings.llm_model}"
        if settings.llm_enabled
        else "LLM: not configured (answers are extractive, quoted straight from the articles)"
    )
    parts = [
        f"Embedder: {settings.embeddings}",
        # the page is for readers: where the library lives on the server is not theirs to see
        f"Store: {'a Chroma server' if settings.chroma_url else 'local library'}",
        llm,
    ]
    if stats:
        parts.append(", ".join(counted(v, k) for k, v in stats.items()))
    return " · ".join(escape_markdown(p) for p in parts)
