"""The web app as an API user meets it: the real server on loopback, driven by gradio_client."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from app_server import app_module, app_url, free_port, launch
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError
from loopback_site import serve

from quotedesk.config import Settings

SEED = "who said the cold war will go on?"
COLD_WAR = "A cold war will go on."

HARBOUR = """Harbour town approves sea wall

The council voted on Tuesday to build a new sea wall along the old harbour.
"The sea does not negotiate with us, so we have to be ready," said Marta Quillfeather, \
the council's chief engineer.
Work starts in the spring and should take two years.
"""


@pytest.fixture(scope="module")
def client() -> Client:
    return Client(app_url(), verbose=False)


def test_chat_names_the_speaker_and_quotes_the_source(client: Client) -> None:
    reply = client.predict(SEED, api_name="/chat")
    assert "Tavrovsky" in reply
    assert COLD_WAR in reply


def test_follow_up_question_uses_the_conversation(client: Client) -> None:
    history = [{"role": "user", "content": SEED}]
    reply = client.predict("what else did he say?", history, api_name="/chat")
    assert "Tavrovsky" in reply
    assert COLD_WAR not in reply  # "else": the quote already given is not repeated


def test_empty_question_gets_a_readable_message(client: Client) -> None:
    reply = client.predict("   ", api_name="/chat")
    assert reply.startswith("Please type a question")


def test_verify_a_real_sentence(client: Client) -> None:
    result = client.predict(COLD_WAR, "Tavrovsky", api_name="/verify")
    assert result["verdict"] == "verified"
    assert result["speaker"] == "Yury Tavrovsky"
    assert result["citation"]["quote"] == COLD_WAR
    assert result["claimreview"]["@type"] == "ClaimReview"


def test_verify_without_a_speaker_checks_only_the_words(client: Client) -> None:
    result = client.predict(COLD_WAR, api_name="/verify")
    assert result["verdict"] == "words_verified"
    assert result["speaker_check"] == "not_claimed"
    assert result["speaker"] == "Yury Tavrovsky"


def test_verify_json_names_files_never_server_folders(client: Client) -> None:
    """The sample was ingested from a path on the server; the API shows its file name."""
    result = client.predict(COLD_WAR, api_name="/verify")
    sources = [c["source"] for c in (result["citation"], *result["appearances"])]
    assert sources and all(s == "sample_article.txt" for s in sources)


def test_verify_with_the_wrong_speaker_is_misattributed(client: Client) -> None:
    result = client.predict(COLD_WAR, "Vladimir Putin", api_name="/verify")
    assert result["verdict"] == "misattributed"
    assert "Yury Tavrovsky" in result["summary"]


def test_uploaded_article_can_be_asked_about_then_deleted(client: Client, tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(HARBOUR, encoding="utf-8")
    status = client.predict([handle_file(str(article))], api_name="/ingest")
    assert "1 added" in status

    reply = client.predict("who said the sea does not negotiate with us?", api_name="/chat")
    assert "Quillfeather" in reply
    assert "The sea does not negotiate with us, so we have to be ready" in reply

    (added,) = [a for a in client.predict(api_name="/articles") if a["source"] == "harbour.txt"]
    assert "Deleted" in client.predict(added["id"], api_name="/delete")
    titles = [a["title"] for a in client.predict(api_name="/articles")]
    assert added["title"] not in titles


def test_a_pasted_page_url_is_added_and_a_path_in_the_url_box_is_refused(
    client: Client,
) -> None:
    with serve() as site:
        status = client.predict(None, f"{site}/pier.html", api_name="/ingest")
    assert "1 added" in status
    listed = client.predict(api_name="/articles")
    (added,) = [a for a in listed if a["source"] == f"{site}/pier.html"]
    assert "Deleted" in client.predict(added["id"], api_name="/delete")
    with pytest.raises(AppError, match="not a web address"):
        client.predict(None, "/etc/hostname", api_name="/ingest")


ORCHARD = """{title}

The orchard co-op picked its first apples on Saturday.
"We lost a third of the blossom to the April frost," said grower Pell Ashdown.
"""


def test_a_corrected_upload_updates_its_article(client: Client, tmp_path: Path) -> None:
    """Each upload lands at a new temporary path; the file name is what identifies it."""
    first, second = tmp_path / "one" / "orchard.txt", tmp_path / "two" / "orchard.txt"
    for path, title in ((first, "Orcherd harvest begins"), (second, "Orchard harvest begins")):
        path.parent.mkdir()
        path.write_text(ORCHARD.format(title=title), encoding="utf-8")
    assert "1 added" in client.predict([handle_file(str(first))], api_name="/ingest")
    assert "1 updated" in client.predict([handle_file(str(second))], api_name="/ingest")

    listed = client.predict(api_name="/articles")
    mine = [a for a in listed if a["source"] == "orchard.txt"]
    assert [a["title"] for a in mine] == ["Orchard harvest begins"]
    assert not [a["source"] for a in listed if "/" in a["source"] or "\\" in a["source"]]
    client.predict(mine[0]["id"], api_name="/delete")


def test_bad_uploads_are_refused_readably_and_the_app_keeps_answering(
    client: Client, tmp_path: Path
) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(AppError, match="binary file"):
        client.predict([handle_file(str(binary))], api_name="/ingest")

    broken = tmp_path / "report.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(AppError, match="report.pdf: not a readable PDF"):
        client.predict([handle_file(str(broken))], api_name="/ingest")

    unsupported = tmp_path / "report.docx"
    unsupported.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(AppError, match=r"(?i)invalid file type|unsupported"):
        client.predict([handle_file(str(unsupported))], api_name="/ingest")

    assert "Tavrovsky" in client.predict(SEED, api_name="/chat")


def test_speakers_list_people_once_and_quotes_by_gives_their_words(client: Client) -> None:
    people = {p["name"]: p for p in client.predict(api_name="/speakers")}
    tavrovsky = people["Yury Tavrovsky"]
    assert tavrovsky["quotes"] >= 1 and tavrovsky["first"]
    assert not any(name != "Yury Tavrovsky" and "Tavrovsky" in name for name in people)
    cited = client.predict("Tavrovsky", "", api_name="/quotes_by")
    assert COLD_WAR in [c["quote"] for c in cited]
    assert {c["speaker"] for c in cited} == {"Yury Tavrovsky"}


def test_draft_check_flags_a_misattributed_quote(client: Client) -> None:
    draft = f'Vladimir Putin said: "{COLD_WAR}" The summit ended on Wednesday.'
    table = client.predict(draft, api_name="/check_draft")
    (row,) = table["data"]
    assert row[0] == COLD_WAR
    assert row[2] == "Misattributed"
    assert row[3] == "Yury Tavrovsky"


def test_unreachable_store_is_reported_not_crashed(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    settings = Settings(db_path=tmp_path / "unused", chroma_url=dead)
    client = Client(launch(settings, seed=False), verbose=False)
    reply = client.predict(SEED, api_name="/chat")
    assert reply.startswith("Could not answer")
    with pytest.raises(AppError, match="Could not verify"):
        client.predict(COLD_WAR, api_name="/verify")


def test_listens_on_loopback_unless_gradio_env_or_flags_say_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parse_args = app_module().parse_args
    monkeypatch.delenv("GRADIO_SERVER_NAME", raising=False)
    monkeypatch.delenv("GRADIO_SERVER_PORT", raising=False)
    default = parse_args([])
    assert (default.host, default.port, default.db) == ("127.0.0.1", 7860, None)

    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "9000")
    from_env = parse_args([])
    assert (from_env.host, from_env.port) == ("0.0.0.0", 9000)

    flags = parse_args(["--host", "127.0.0.2", "--port", "9001", "--db", "lib"])
    assert (flags.host, flags.port, flags.db) == ("127.0.0.2", 9001, "lib")


def test_over_long_input_gets_a_readable_refusal(client: Client) -> None:
    reply = client.predict("who said " + "very " * 1000 + "much?", api_name="/chat")
    assert reply.startswith("Could not answer: the question is")
    assert "(QUOTEDESK_MAX_QUESTION_CHARS)" in reply
    with pytest.raises(AppError, match="QUOTEDESK_MAX_QUOTE_CHARS"):
        client.predict("A cold war will go on. " * 100, api_name="/verify")


def test_a_busy_port_is_one_line_naming_the_port_flag(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        app = subprocess.run(
            [sys.executable, "app.py", "--port", str(port), "--db", str(tmp_path / "db")],
            cwd=Path(__file__).resolve().parents[1],  # the checkout's app.py
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert app.returncode == 2
    assert app.stderr.strip().splitlines() == [
        f"quotedesk: cannot listen on 127.0.0.1:{port} (Address already in use); "
        "pick another port with --port"
    ]
