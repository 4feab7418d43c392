"""Quotedesk in the browser: chat, verify, library and draft check over one QuoteDesk.

UI only: every action is one call on the ``QuoteDesk`` facade and every value shown
comes from ``quotedesk.web.ui_format``. Start it with ``quotedesk serve`` or, in a checkout,
``python app.py`` (``--host``, ``--port``, ``--db``; ``GRADIO_SERVER_NAME`` /
``GRADIO_SERVER_PORT`` work too). It listens on loopback unless told otherwise and makes
no outside connection.
"""

import argparse
import atexit
import hashlib
import json
import logging
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

# Before gradio and onnxruntime load: Gradio would send analytics, and onnxruntime (1.32, Linux
# too) sends 1DS telemetry to mobile.events.data.microsoft.com after a number of inference runs.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

import gradio as gr  # noqa: E402

from assistant import QuoteDesk  # noqa: E402
from assistant.chain import history_turns  # noqa: E402
from assistant.verify import explain, to_claimreview  # noqa: E402
from ingest.load import FORMATS, SUPPORTED, read_text  # noqa: E402
from quotedesk.config import Settings  # noqa: E402
from quotedesk.errors import ConfigError, LoadError, QuotedeskError  # noqa: E402
from quotedesk.inputs import printable  # noqa: E402
from quotedesk.models import Answer, Citation, Verification  # noqa: E402
from quotedesk.resources import SAMPLE_ARTICLE  # noqa: E402
from quotedesk.store import source_name  # noqa: E402
from quotedesk.web import add_server_flags  # noqa: E402
from quotedesk.web import ui_format as fmt  # noqa: E402

log = logging.getLogger("quotedesk.app")

SEED_QUESTION = "who said the cold war will go on?"
#: questions the bundled sample article answers, one per kind of question the desk knows
EXAMPLE_QUESTIONS = (
    SEED_QUESTION,
    "what did Danil Bochkov say about the summit?",
    "did Vladimir Putin say a cold war will go on?",
)
EMPTY_QUESTION = f'Please type a question, for example "{SEED_QUESTION}"'
#: several people can chat at once; writes to the library go one at a time in their own lane
CHAT_CONCURRENCY = 4
WRITES = "library-writes"
#: Gradio hands each call its own tracker in place of this default; it only marks the parameter
PROGRESS = gr.Progress()

Turns = list[tuple[str, Answer]]


def problem(action: str, exc: Exception) -> str:
    """A failure in words: our own errors say what to do; anything else is logged in full."""
    if isinstance(exc, QuotedeskError):
        return f"Could not {action}: {exc}"
    log.exception("unexpected error while trying to %s", action)
    return f"Could not {action} because of an unexpected error ({type(exc).__name__}: {exc})."


def seed_sample(desk: QuoteDesk) -> None:
    """On first start (an empty library) add the bundled sample so there is something to ask."""
    try:
        if desk.stats().get("articles", 0) == 0:
            desk.ingest([SAMPLE_ARTICLE])
            log.info("empty library: added the sample article %s", SAMPLE_ARTICLE.name)
    except Exception as exc:  # the app still starts; each view reports the store problem
        log.warning(problem("add the sample article", exc))


class DeskUI:
    """The event handlers: each turns widget values into one facade call and back."""

    def __init__(self, desk: QuoteDesk) -> None:
        self.desk = desk
        self.downloads = Path(tempfile.mkdtemp(prefix="quotedesk-claimreview-"))
        atexit.register(shutil.rmtree, self.downloads, True)

    # Chat ------------------------------------------------------------------------------
    def chat(
        self, message: str, messages: list[dict[str, Any]] | None, turns: Turns | None
    ) -> Iterator[tuple[list[dict[str, Any]], Turns, str]]:
        """Stream the answer into the chat, then its sources as collapsed messages."""
        question = (message or "").strip()
        messages, turns = list(messages or []), list(turns or [])
        if not question:
            gr.Warning(EMPTY_QUESTION)
            yield messages, turns, ""
            return
        messages.append({"role": "user", "content": printable(question)})
        yield messages + [{"role": "assistant", "content": "*Searching the library…*"}], turns, ""
        try:
            answer = self.desk.ask(question, history=turns)
        except Exception as exc:
            reply = fmt.escape_markdown(problem("answer", exc))
            messages.append({"role": "assistant", "content": reply})
            yield messages, turns, ""
            return
        reply = {"role": "assistant", "content": ""}
        for prefix in fmt.stream_chunks(answer.answer):
            reply["content"] = fmt.escape_markdown(prefix)
            yield messages + [reply], turns, ""
        messages += [reply, *fmt.source_messages(answer)]
        yield messages, [*turns, (question, answer)], ""

    def chat_api(self, message: str, history: list | None = None) -> str:
        """Answer one question as plain text: the answer, each speaker and verbatim quote.

        ``history`` holds earlier turns, as chat messages (``{"role", "content"}``),
        ``[question, answer]`` pairs or bare questions; the questions are asked again in
        order so follow-ups ("what else did he say?") resolve as they do in the chat.
        """
        question = (message or "").strip()
        if not question:
            return EMPTY_QUESTION
        try:
            turns = history_turns(self.desk, history or [])
            return fmt.answer_text(self.desk.ask(question, history=turns))
        except Exception as exc:
            return problem("answer", exc)

    # Verify ----------------------------------------------------------------------------
    def _verification(self, quote: str, speaker: str | None) -> tuple[str, Verification]:
        """The stripped quote and its verdict; a readable ``gr.Error`` for the user otherwise."""
        quote = (quote or "").strip()
        if not quote:
            raise gr.Error("Give the quote you want to check.")
        try:
            return quote, self.desk.verify(quote, speaker=(speaker or "").strip() or None)
        except Exception as exc:
            raise gr.Error(fmt.toast(problem("verify the quote", exc))) from None

    def verify(self, quote: str, speaker: str) -> tuple[str, list, list, str]:
        """Verdict card, word diff, appearances and the ClaimReview file for one quote."""
        quote, result = self._verification(quote, speaker)
        digest = hashlib.sha1(f"{quote}\0{speaker}".encode()).hexdigest()[:12]
        path = self.downloads / f"claimreview-{result.verdict}-{digest}.json"
        path.write_text(json.dumps(to_claimreview(result), indent=2, ensure_ascii=False))
        return (
            fmt.verdict_markdown(result),
            fmt.diff_highlights(result),
            fmt.appearance_rows(result),
            str(path),
        )

    def verify_api(self, quote: str, speaker: str = "") -> dict:
        """The verification as JSON: verdict, a one-line summary, diff, sources, ClaimReview."""
        quote, result = self._verification(quote, speaker)
        return {
            "quote": quote,
            "summary": explain(result),
            **result.to_dict(),
            "claimreview": to_claimreview(result),
        }

    # Library ---------------------------------------------------------------------------
    def ingest(
        self, files: Sequence[str] | None, urls: str | None = None, progress: Any = PROGRESS
    ) -> str:
        """Add uploaded files and web pages or feeds (one URL a line), one step per input."""
        uploads = [str(f) for f in files or []]
        try:
            paths = uploads + fmt.url_lines(urls)
        except ValueError as exc:
            raise gr.Error(str(exc)) from None
        if not paths:
            raise gr.Error("Choose one or more article files, or paste page or feed URLs.")
        progress(0, desc="Reading articles…")

        def step(done: int, total: int | None, source: str) -> None:
            progress((done, total or len(paths)), desc=f"Added {source_name(source)}")

        try:
            # an upload is known by its file name (Gradio keeps it as the temp file's name):
            # a corrected file replaces its earlier upload, and no temp path is stored
            names = {path: Path(path).name for path in uploads}
            report = self.desk.ingest(paths, progress=step, sources=names)
        except Exception as exc:
            raise gr.Error(fmt.toast(problem("add the files", exc))) from None
        if report.failed and not (report.added or report.updated or report.unchanged):
            raise gr.Error(fmt.ingest_toast(report), title="Nothing was added")
        if report.failed:
            gr.Warning(f"{len(report.failed)} file(s) could not be added; see the list.")
        return fmt.ingest_markdown(report)

    def remove(self, article_id: str | None) -> str:
        """Delete one article (and its quotes and passages) from the library."""
        if not article_id:
            raise gr.Error("Pick the article to delete.")
        try:
            removed = self.desk.remove(article_id)
        except Exception as exc:
            raise gr.Error(fmt.toast(problem("delete the article", exc))) from None
        shown = fmt.escape_markdown(article_id)  # typed by the user: any text at all
        return f"Deleted {shown}." if removed else f"No article {shown} in the library."

    def articles_api(self) -> list[dict]:
        """The library as JSON: id, title, source, author, outlet, date, counts."""
        try:
            return [article.to_dict() for article in self.desk.articles()]
        except Exception as exc:
            raise gr.Error(fmt.toast(problem("read the library", exc))) from None

    def library(self) -> tuple[str, list, Any]:
        """Settings line, articles table and delete choices, as the library is now."""
        try:
            articles = self.desk.articles()
            stats = self.desk.stats()
        except Exception as exc:
            gr.Warning(fmt.toast(problem("read the library", exc)))
            articles, stats = [], None
        return (
            fmt.settings_markdown(self.desk.settings, stats),
            fmt.article_rows(articles),
            gr.Dropdown(choices=fmt.article_choices(articles), value=None),
        )

    # Speakers --------------------------------------------------------------------------
    def speakers_api(self) -> list[dict]:
        """Everyone quoted, one entry per person, most quoted first."""
        try:
            return [person.to_dict() for person in self.desk.speakers()]
        except Exception as exc:
            raise gr.Error(fmt.toast(problem("list the speakers", exc))) from None

    def speaker_table(self) -> list[list[Any]]:
        try:
            return fmt.speaker_rows(self.desk.speakers())
        except Exception as exc:
            gr.Warning(fmt.toast(problem("list the speakers", exc)))
            return []

    def _quotes_by(self, name: str, about: str) -> list[Citation]:
        """A person's citations newest first; ``gr.Error`` for a name that fits several."""
        if not (name or "").strip():
            raise gr.Error("Pick a speaker in the table or type a name.")
        try:
            return self.desk.quotes_by(name, about=(about or "").strip() or None)
        except Exception as exc:
            raise gr.Error(fmt.toast(problem("find the quotes", exc))) from None

    def quotes_by_api(self, name: str, about: str = "") -> list[dict]:
        """One person's quotes as citations (verbatim, with offsets), newest first."""
        return [c.to_dict() for c in self._quotes_by(name, about)]

    def quotes_by(self, name: str, about: str) -> list[list[str]]:
        citations = self._quotes_by(name, about)
        if not citations:
            gr.Info("No quotes by that speaker" + (" about that topic." if about else "."))
        return fmt.speaker_quote_rows(citations)

    def pick_speaker(self, about: str, evt: gr.SelectData) -> tuple[str, list[list[str]]]:
        """A row picked in the speakers table: that person's name and quotes."""
        name = str(evt.row_value[0]) if evt.row_value else ""
        return name, self.quotes_by(name, about)

    # Draft check -----------------------------------------------------------------------
    def check_draft(self, text: str) -> list[list[Any]]:
        """Every quote in the draft with its verdict and where it really comes from."""
        if not (text or "").strip():
            raise gr.Error("Paste a draft (or upload a text file) to check its quotes.")
        try:
            results = self.desk.check_draft(text)
        except Exception as exc:
            raise gr.Error(fmt.toast(problem("check the draft", exc))) from None
        if not results:
            gr.Info("No quotations found in the draft.")
        return fmt.draft_rows(results)

    def read_draft(self, path: str | None) -> str:
        """An uploaded draft's text for the draft box, decoded the way articles are."""
        if not path:
            return ""
        try:
            text, _notes = read_text(Path(path), Path(path).name, self.desk.settings.max_file_bytes)
        except LoadError as exc:
            raise gr.Error(fmt.toast(f"Could not read the draft: {exc.reason}")) from None
        return text


def _table(
    headers: list[str], label: str, elem_id: str, widths: list[str] | None = None
) -> gr.Dataframe:
    """A read-only results table (cells are plain text, so article text shows as typed)."""
    return gr.Dataframe(
        headers=headers,
        label=label,
        interactive=False,
        wrap=True,
        column_widths=widths,
        elem_id=elem_id,
    )


def build_app(desk: QuoteDesk) -> gr.Blocks:
    """The whole UI over ``desk``; launch it with ``.launch()`` (queueing already set)."""
    ui = DeskUI(desk)
    with gr.Blocks(title="Quotedesk") as demo:
        gr.Markdown(
            "# Quotedesk\nWho really said this? Every quote shown is cut verbatim from a"
            " stored article."
        )
        settings_line = gr.Markdown(fmt.settings_markdown(desk.settings))

        with gr.Tab("Chat", id="chat"):
            chatbot = gr.Chatbot(label="Quotedesk", height=600, elem_id="chat")
            turns = gr.State([])
            with gr.Row():
                question = gr.Textbox(
                    placeholder=f"Ask e.g. {SEED_QUESTION}",
                    show_label=False,
                    scale=8,
                    elem_id="question",
                )
                ask = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
            gr.Examples(
                [[q] for q in EXAMPLE_QUESTIONS],
                inputs=question,
                label="Try",
                api_name="example_question",
                api_visibility="private",
            )
            for trigger in (question.submit, ask.click):
                trigger(
                    ui.chat,
                    [question, chatbot, turns],
                    [chatbot, turns, question],
                    api_name="chat_ui",
                    api_visibility="private",
                )
            chatbot.clear(lambda: [], None, turns, api_name="forget", api_visibility="private")
            gr.api(ui.chat_api, api_name="chat")

        with gr.Tab("Verify", id="verify"):
            with gr.Row():
                quote = gr.Textbox(label="Quote", lines=3, scale=3, elem_id="verify-quote")
                speaker = gr.Textbox(label="Said by (optional)", scale=1, elem_id="verify-speaker")
            check = gr.Button("Verify", variant="primary", elem_id="verify-button")
            verdict = gr.Markdown(elem_id="verdict")
            diff = gr.HighlightedText(
                label="Differences from the source (the claim's words; [source: ...] = original)",
                color_map=fmt.DIFF_COLORS,
                show_legend=True,
                combine_adjacent=False,
                elem_id="diff",
            )
            appearances = gr.Dataframe(
                headers=fmt.APPEARANCE_COLUMNS,
                label="Every appearance, earliest first",
                interactive=False,
                wrap=True,
                column_widths=["12%", "16%", "34%", "12%", "26%"],
            )
            claimreview = gr.File(
                label="ClaimReview (schema.org JSON-LD)", interactive=False, elem_id="claimreview"
            )
            for trigger in (check.click, quote.submit):
                trigger(
                    ui.verify,
                    [quote, speaker],
                    [verdict, diff, appearances, claimreview],
                    api_name="verify_ui",
                    api_visibility="private",
                )
            gr.api(ui.verify_api, api_name="verify")

        with gr.Tab("Library", id="library"):
            uploads = gr.File(
                label=f"Articles to add ({SUPPORTED})",
                file_count="multiple",
                file_types=list(FORMATS),
                type="filepath",
                elem_id="uploads",
            )
            urls = gr.Textbox(
                label="…or web pages and RSS/Atom feeds, one URL a line",
                lines=2,
                placeholder="https://example.org/news/harbour-vote",
                elem_id="urls",
            )
            add = gr.Button("Add to library", variant="primary", elem_id="add")
            ingest_status = gr.Markdown()
            articles = gr.Dataframe(
                headers=fmt.ARTICLE_COLUMNS,
                label="Articles",
                interactive=False,
                wrap=True,
                elem_id="articles",
            )
            with gr.Row():
                # custom values let API callers delete by id without loading the page first
                doomed = gr.Dropdown(
                    label="Article to delete", choices=[], allow_custom_value=True, scale=4
                )
                delete = gr.Button("Delete", variant="stop", scale=1)
            refresh = (ui.library, None, [settings_line, articles, doomed])
            add.click(
                ui.ingest,
                [uploads, urls],
                ingest_status,
                api_name="ingest",
                concurrency_id=WRITES,
                concurrency_limit=1,
            ).then(*refresh, api_name="library_after_ingest", api_visibility="private")
            delete.click(
                ui.remove,
                doomed,
                ingest_status,
                api_name="delete",
                concurrency_id=WRITES,
                concurrency_limit=1,
            ).then(*refresh, api_name="library_after_delete", api_visibility="private")
            gr.api(ui.articles_api, api_name="articles")

        with gr.Tab("Speakers", id="speakers") as speakers_tab:
            people = _table(
                fmt.SPEAKER_COLUMNS,
                "People quoted (pick one to see their quotes)",
                "speakers",
                ["18%", "24%", "28%", "10%", "10%", "10%"],
            )
            with gr.Row():
                person = gr.Textbox(label="Speaker", scale=2, elem_id="speaker-name")
                topic = gr.Textbox(label="About (optional)", scale=2, elem_id="speaker-topic")
                show = gr.Button("Show quotes", variant="primary", scale=1)
            said = _table(
                fmt.SPEAKER_QUOTE_COLUMNS,
                "Their quotes, newest first",
                "speaker-quotes",
                ["11%", "15%", "44%", "18%", "12%"],
            )
            speakers_tab.select(
                ui.speaker_table, None, people, api_name="speakers_ui", api_visibility="private"
            )
            people.select(
                ui.pick_speaker, topic, [person, said], api_name="pick", api_visibility="private"
            )
            for trigger in (show.click, person.submit, topic.submit):
                trigger(
                    ui.quotes_by,
                    [person, topic],
                    said,
                    api_name="quotes_by_ui",
                    api_visibility="private",
                )
            gr.api(ui.speakers_api, api_name="speakers")
            gr.api(ui.quotes_by_api, api_name="quotes_by")

        with gr.Tab("Draft check", id="draft"):
            with gr.Row():
                draft = gr.Textbox(
                    label="Draft",
                    lines=8,
                    placeholder="Paste an article draft…",
                    scale=3,
                    elem_id="draft",
                )
                draft_file = gr.File(
                    label="…or upload it (.txt, .md)",
                    file_types=[".txt", ".md"],
                    type="filepath",
                    height=200,
                    scale=1,
                )
            check_draft = gr.Button("Check quotes", variant="primary", elem_id="check-draft")
            draft_table = _table(
                fmt.DRAFT_COLUMNS,
                "Quotes in the draft",
                "draft-table",
                ["40%", "14%", "12%", "14%", "20%"],
            )
            draft_file.upload(
                ui.read_draft, draft_file, draft, api_name="read_draft", api_visibility="private"
            )
            check_draft.click(ui.check_draft, draft, draft_table, api_name="check_draft")

        demo.load(*refresh, api_name="library", api_visibility="private")
        demo.load(
            ui.speaker_table, None, people, api_name="speakers_load", api_visibility="private"
        )
    demo.queue(default_concurrency_limit=CHAT_CONCURRENCY)
    return demo


def serve(desk: QuoteDesk, host: str, port: int | None, **launch_options: Any) -> gr.Blocks:
    """Build the app over ``desk`` and serve it; blocks unless ``prevent_thread_lock=True``.

    ``port=None`` takes the first free port from 7860 up.
    """
    demo = build_app(desk)
    demo.launch(
        server_name=host,
        server_port=port,
        max_file_size=desk.settings.max_file_bytes,
        **launch_options,
    )
    return demo


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Quotedesk web app")
    add_server_flags(parser)
    parser.add_argument("--db", help="library folder (default: $QUOTEDESK_DB or the user data dir)")
    return parser.parse_args(argv)


def port_problem(host: str, port: int) -> str | None:
    """Why the app could not listen on ``host:port``, found before the slow start-up."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            probe.bind((host, port))
        except OSError as exc:
            return cannot_listen(host, port, exc.strerror or str(exc))
    return None


def cannot_listen(host: str, port: int, reason: str) -> str:
    """The one line a user sees; Gradio's own message names no command-line flag."""
    return f"cannot listen on {host}:{port} ({reason}); pick another port with --port"


def quit_with(message: str, code: int) -> NoReturn:
    """End the app with one line on stderr, no traceback."""
    print(f"quotedesk: {message}", file=sys.stderr)
    sys.exit(code)


def start(settings: Settings, host: str, port: int) -> None:
    """Say where the library is, add the sample on first start, and serve until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    busy = port_problem(host, port)
    if busy:
        quit_with(busy, 2)
    # the default library sits in a user data folder nobody looks in: name it
    print(f"library: {settings.store_location}", file=sys.stderr, flush=True)
    try:
        desk = QuoteDesk(settings=settings)
    except ConfigError as exc:
        quit_with(str(exc), 2)
    except QuotedeskError as exc:
        quit_with(str(exc), 1)
    seed_sample(desk)
    try:
        serve(desk, host, port)
    except OSError as exc:  # taken between the check above and the launch
        if "port" not in str(exc):
            raise
        quit_with(cannot_listen(host, port, "in use"), 2)


def main(argv: Sequence[str] | None = None) -> None:
    """``python app.py``: the settings from the environment and ``--db``, then ``start``."""
    args = parse_args(argv)
    try:
        settings = Settings.from_env(db_path=args.db)
    except ConfigError as exc:  # a malformed QUOTEDESK_* setting
        quit_with(str(exc), 2)
    start(settings, args.host, args.port)
