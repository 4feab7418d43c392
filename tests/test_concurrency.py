"""Several users at once: a second local writer is refused, concurrent chat clients all get
the right answer, and attribution in several threads at once does not trip over itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from quotedesk.config import Settings
from quotedesk.resources import SAMPLE_ARTICLE
from quotedesk.store import Store

QUOTEDESK = Path(sys.executable).parent / "quotedesk"


def quotedesk(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTEDESK_")}
    env["QUOTEDESK_DB"] = str(db)
    return subprocess.run(
        [str(QUOTEDESK), *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_second_writer_on_a_local_library_is_refused(
    db_path: Path, sample_article_path: Path
) -> None:
    store = Store(Settings.from_env())
    with store.writing():  # this process is busy ingesting
        refused = quotedesk("ingest", str(sample_article_path), db=db_path)
    assert refused.returncode == 1
    assert "another process" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert json.loads(quotedesk("stats", "--json", db=db_path).stdout)["articles"] == 0

    # once the first writer is done, the same command goes through
    again = quotedesk("ingest", str(sample_article_path), db=db_path)
    assert again.returncode == 0, again.stderr
    assert json.loads(quotedesk("stats", "--json", db=db_path).stdout)["articles"] == 1


# Questions about the bundled sample article and who really said it.
QUESTIONS = [
    ("who said the cold war will go on?", "Yury Tavrovsky"),
    ("who said a new model of cooperation has been formed between our countries?", "Putin"),
    ("who said the summit is very important?", "Danil Bochkov"),
    ("who declared bilateral relations a proper example of interstate cooperation?", "Putin"),
    ("what did Danil Bochkov say about the summit?", "Danil Bochkov"),
]
CLIENTS = 8

UPLOAD = """Harbour bridge reopens after six months of repairs

The harbour bridge reopened on Friday after six months of repairs.
"Traffic will flow freely again from tomorrow," said Maria Lopez, the city's transport director.
Engineers replaced the deck and repainted the towers.
"""


def test_eight_chat_clients_get_right_answers_while_an_article_is_ingested(
    tmp_path: Path,
) -> None:
    from app_server import app_url
    from gradio_client import Client, handle_file

    url = app_url()
    upload = tmp_path / "harbour-bridge-under-load.txt"
    upload.write_text(UPLOAD, encoding="utf-8")

    def chat(client_number: int) -> list[tuple[str, str, str]]:
        client = Client(url, verbose=False)
        turns = QUESTIONS[client_number % len(QUESTIONS) :] + QUESTIONS
        return [
            (question, speaker, client.predict(question, api_name="/chat"))
            for question, speaker in turns[: len(QUESTIONS)]
        ]

    def ingest() -> str:
        return Client(url, verbose=False).predict([handle_file(str(upload))], api_name="/ingest")

    with ThreadPoolExecutor(max_workers=CLIENTS + 1) as pool:
        ingesting = pool.submit(ingest)
        chats = [pool.submit(chat, n) for n in range(CLIENTS)]
        replies = [reply for done in chats for reply in done.result(timeout=600)]
        status = ingesting.result(timeout=600)

    assert len(replies) == CLIENTS * len(QUESTIONS)
    wrong = [(q, speaker, reply[:200]) for q, speaker, reply in replies if speaker not in reply]
    assert not wrong
    assert "1 added" in status

    # the article ingested meanwhile answers too; then leave the shared library as it was
    client = Client(url, verbose=False)
    reply = client.predict("who said traffic will flow freely again?", api_name="/chat")
    assert "Maria Lopez" in reply
    (added,) = [
        a for a in client.predict(api_name="/articles") if a["source"].endswith(upload.name)
    ]
    client.predict(added["id"], api_name="/delete")


# Invented articles: a paragraph without speech (analysed without the parser) between
# paragraphs with quotations, as most articles have.
ARTICLE = """Ferry line {n} adds a winter timetable

The ferry line {n} will run four crossings a day from December until March.
"We will sail at nine and at three, whatever the weather," said Oona Brask{n}, the harbour master.
Ticket prices stay the same for the whole season.
"Nobody should be stranded on the island again," Brask{n} said.
"""
DRAFT_CHECK = (
    "The summit ended on Wednesday.\n"
    'Vladimir Putin said: "A cold war will go on." Leaders met online.\n'
)


def test_draft_checks_and_questions_in_threads_while_an_ingest_runs(tmp_path: Path) -> None:
    """Attribution runs in several threads at once over the one shared spaCy pipeline."""
    from assistant import QuoteDesk

    desk = QuoteDesk(settings=Settings(db_path=tmp_path / "db"))
    desk.ingest([SAMPLE_ARTICLE])
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    for n in range(6):
        (uploads / f"ferry-{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")

    def check() -> list[tuple[str, str | None, str]]:
        return [(c.quote, c.claimed_speaker, c.verdict) for c in desk.check_draft(DRAFT_CHECK)]

    def ask() -> str | None:
        return desk.ask("who said the cold war will go on?").speaker

    with ThreadPoolExecutor(max_workers=5) as pool:
        ingesting = pool.submit(desk.ingest, [uploads])
        checking = [pool.submit(check) for _ in range(8)] + [pool.submit(ask) for _ in range(4)]
        results = [done.result(timeout=600) for done in checking]
        report = ingesting.result(timeout=600)
    checks, speakers = results[:8], results[8:]

    assert checks == [[("A cold war will go on.", "Vladimir Putin", "misattributed")]] * 8
    assert speakers == ["Yury Tavrovsky"] * 4
    assert len(report.added) == 6, report.to_dict()
