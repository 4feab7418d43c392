"""Terminal rendering of answers, verdicts and draft checks (rich), for the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from assistant.answer import who
from assistant.citations import where
from quotedesk.models import Answer, Citation, Speaker, Verification

if TYPE_CHECKING:
    from assistant.draft import DraftCheck

_VERDICT_STYLE = {
    "verified": "bold green",
    "words_verified": "bold cyan",
    "misattributed": "bold red",
    "altered": "bold yellow",
    "not_found": "bold magenta",
}


CONTEXT_CHARS = 160  # passage shown on each side of the quoted words


def _in_context(c: Citation) -> Text:
    """The quote inside its surrounding passage, highlighted: what a reader checks it against."""
    at = c.passage.find(c.quote)
    if at < 0:
        return Text(f"\u201c{c.quote.strip()}\u201d", style="italic")
    lo, hi = max(0, at - CONTEXT_CHARS), min(len(c.passage), at + len(c.quote) + CONTEXT_CHARS)
    text = Text("\u2026" if lo else "")
    text.append(c.passage[lo:at])
    text.append(c.quote, style="bold reverse")
    text.append(c.passage[at + len(c.quote) : hi])
    text.append("\u2026" if hi < len(c.passage) else "")
    return text


def _sources(citations: Sequence[Citation], title: str = "Sources") -> Panel:
    """Citations as readable blocks (a table squeezes the quote on an 80-column terminal)."""
    body = Text()
    for i, c in enumerate(citations, 1):
        by = " / ".join(x for x in dict.fromkeys((c.outlet, c.author)) if x) or "unknown outlet"
        if i > 1:
            body.append("\n\n")
        body.append(f"{i}. {who(c)}\n", style="bold")
        body.append("   ")
        body.append(_in_context(c))
        body.append(
            f"\n   {c.title} \u2014 {by} \u00b7 {(c.published or 'undated')[:10]}", style="dim"
        )
        body.append(f" \u00b7 {where(c, c.source)}", style="dim")
        if c.locator():  # a transcript's time, a PDF's page
            body.append(f" \u00b7 {c.locator()}", style="dim")
    return Panel(body, title=title, expand=True)


def render_answer(answer: Answer, console: Console | None = None) -> None:
    console = console or Console()
    console.print(Panel(Text(answer.answer), title="Answer", expand=True))
    if answer.citations:
        console.print(_sources(answer.citations))


def render_verification(v: Verification, console: Console | None = None) -> None:
    from assistant.verify import explain, verdict_label

    console = console or Console()
    head = Text(verdict_label(v).upper(), style=_VERDICT_STYLE[v.verdict])
    head.append(f"  similarity {v.similarity:.2f}\n", style="dim")
    head.append(explain(v))
    if v.diff:
        head.append("\nDiff (source -> claim): ")
        for d in v.diff:
            if d.op == "equal":
                head.append(d.source + " ")
                continue
            if d.source:
                head.append(d.source, style="red strike")
                head.append(" ")
            if d.claim:
                head.append(d.claim, style="green underline")
                head.append(" ")
            if d.flag:
                head.append(f"[{d.flag}] ", style="bold yellow")
    console.print(Panel(head, title="Verify", expand=True))
    if v.appearances:
        console.print(_sources(v.appearances, "Appearances (earliest first)"))
    elif v.trace and v.trace.candidates:
        from assistant.answer import describe_trace

        console.print(Text(describe_trace(v.trace), style="dim"))


def render_draft(checks: Sequence[DraftCheck], console: Console | None = None) -> None:
    from assistant.verify import verdict_label

    console = console or Console()
    if not checks:
        console.print("No quotations found in the draft.")
        return
    table = Table(title="Draft check", show_lines=True, expand=True)
    table.add_column("Quote", ratio=3)
    table.add_column("Claimed speaker")
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Source", ratio=2)
    for check in checks:
        v = check.verification
        source = ""
        if v.citation:
            c = v.citation
            source = f"{c.speaker or 'unattributed'}\n{c.title}, {(c.published or 'undated')[:10]}"
        table.add_row(
            Text(check.quote),
            check.claimed_speaker or "-",
            Text(verdict_label(v), style=_VERDICT_STYLE[v.verdict]),
            Text(source),
        )
    console.print(table)
    bad = sum(not c.ok for c in checks)
    summary = f"{len(checks)} quotation(s), {bad} need attention" if bad else "all verified"
    console.print(summary, style="bold red" if bad else "bold green")


def render_speakers(people: Sequence[Speaker], console: Console | None = None) -> None:
    """One row per person: name, other forms and titles seen, quotes, dates."""
    console = console or Console()
    if not people:
        console.print("No quoted speakers in the library.")
        return
    table = Table("speaker", "also named", "titles", "quotes", "first", "last", expand=True)
    for p in people:
        others = ", ".join(f for f in p.forms if f != p.name)
        count = f"{p.quotes} ({p.uncertain} uncertain)" if p.uncertain else str(p.quotes)
        table.add_row(Text(p.name), Text(others), Text(", ".join(p.titles)), count, p.first, p.last)
    console.print(table)


def render_quotes_by(
    name: str, about: str | None, citations: Sequence[Citation], console: Console | None = None
) -> None:
    """A person's quotes as the answers show sources, newest first."""
    console = console or Console()
    topic = f" about {about}" if about else ""
    if not citations:
        console.print(Text(f"No quotes by {name}{topic} in the library."))
        return
    from rich.markup import escape

    console.print(_sources(citations, escape(f"Quotes by {name}{topic} (newest first)")))
