"""One event as a fact-checker gathers it: the transcript, the press release (PDF) and a
served web page enter one library; the check cites the primary source with its time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from loopback_site import serve
from test_sources import make_pdf

from assistant import QuoteDesk
from quotedesk.cli import main
from quotedesk.config import Settings

WORDS = "The night ferry will keep sailing all winter"  # what the site's /ferry.html reports
TRANSCRIPT = f"""WEBVTT

00:12:20.000 --> 00:12:30.000
<v Ines Kalvik>Thank you all for coming to the harbour board tonight.

00:12:31.000 --> 00:12:36.000
<v Ines Kalvik>{WORDS}.
"""
RELEASE = ["Harbour board statement", f'"{WORDS}," said Ines Kalvik, the harbour master.']


def test_transcript_pdf_and_served_page_of_one_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "board.vtt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "statement.pdf").write_bytes(make_pdf([RELEASE], title="Harbour board"))
    db = str(tmp_path / "db")
    with serve() as site:
        files = [str(tmp_path / "board.vtt"), str(tmp_path / "statement.pdf")]
        assert main(["ingest", *files, f"{site}/ferry.html", f"{site}/gone.html", "--db", db]) == 1
    report = " ".join(capsys.readouterr().out.split())
    assert "404" in report  # the bad URL is named; the three good sources are stored

    assert main(["verify", WORDS, "--speaker", "Ines Kalvik", "--json", "--db", db]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["verdict"] == "verified"
    assert result["citation"]["medium"] == "transcript"
    assert result["citation"]["timestamp"] == "00:12:31"
    assert len(result["appearances"]) == 3

    desk = QuoteDesk(settings=Settings.from_env(env={}, db_path=Path(db)))
    (person,) = [s for s in desk.speakers() if "Kalvik" in s.name]  # once, from all three
    assert person.name.endswith("Ines Kalvik") and person.quotes >= 3
    assert {c.medium for c in desk.quotes_by("Ines Kalvik")} == {"transcript", "pdf", "article"}
