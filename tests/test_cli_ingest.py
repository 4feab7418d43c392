"""`quotedesk ingest | stats | articles | remove` as a user runs them: a mixed batch keeps
every good file, names every bad one with its reason, and exit codes say what happened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

QUOTEDESK = Path(sys.executable).parent / "quotedesk"

STORY = """Published Time: 2023-03-02
Title: Council approves the harbour plan
Author: Ann Writer
Text:
"We will open the new harbour next spring," Mayor Jane Roe said on Tuesday.
The council voted 7-2 for the plan.
"""


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUOTEDESK_DB": str(db)}
    env.pop("QUOTEDESK_CHROMA_URL", None)
    return subprocess.run(
        [str(QUOTEDESK), *args], capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture()
def mixed_batch(tmp_path: Path) -> Path:
    """A folder with good articles and every kind of bad input next to them."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "harbour.txt").write_text(STORY)
    (folder / "empty.txt").write_text("   \n")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04 not an article")
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": '"Prices will fall," said Tom Lee, an economist.', "title": "Prices"})
        + "\n{not json\n"
        + json.dumps({"title": "no text here"})
        + "\n"
    )
    return folder


def test_mixed_batch_keeps_good_files_and_names_bad_ones(mixed_batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "db"
    result = run("ingest", str(mixed_batch), str(tmp_path / "missing.txt"), "--json", db=db)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["added"] == 2
    reasons = {Path(r["source"]).name: r["reason"] for r in report["results"] if r["reason"]}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["photo.txt"]
    assert "unsupported" in reasons["slides.pptx"]
    assert "no such file" in reasons["missing.txt"]
    bad_lines = [
        r for r in report["results"] if r["status"] == "failed" and "feed.jsonl" in r["source"]
    ]
    assert len(bad_lines) == 2
    stats = json.loads(run("stats", "--json", db=db).stdout)
    assert stats["articles"] == 2
    assert stats["quotes"] >= 2


def test_summary_then_reingest_is_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "db"
    story = tmp_path / "harbour.txt"
    story.write_text(STORY)
    first = run("ingest", str(story), db=db)
    assert first.returncode == 0, first.stderr
    assert "added 1, updated 0, unchanged 0, failed 0" in first.stdout
    again = run("ingest", str(story), db=db)
    assert "added 0, updated 0, unchanged 1, failed 0" in again.stdout
    before = json.loads(run("stats", "--json", db=db).stdout)

    story.write_text(STORY.replace("7-2", "8-1"))
    changed = run("ingest", str(story), db=db)
    assert "added 0, updated 1, unchanged 0, failed 0" in changed.stdout
    assert json.loads(run("stats", "--json", db=db).stdout) == before  # replaced, no orphans


def test_articles_listing_and_remove(tmp_path: Path) -> None:
    db = tmp_path / "db"
    story = tmp_path / "harbour.txt"
    story.write_text(STORY)
    run("ingest", str(story), db=db)
    listed = json.loads(run("articles", "--json", db=db).stdout)
    assert [a["title"] for a in listed] == ["Council approves the harbour plan"]
    assert listed[0]["published"] == "2023-03-02"
    assert listed[0]["quote_count"] >= 1

    assert run("remove", listed[0]["id"], db=db).returncode == 0
    assert json.loads(run("stats", "--json", db=db).stdout) == {
        "articles": 0,
        "passages": 0,
        "quotes": 0,
    }
    missing = run("remove", listed[0]["id"], db=db)
    assert missing.returncode == 1
    assert "no article with id" in missing.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("ingest", db=tmp_path / "db").returncode == 2
    assert run("no-such-command", db=tmp_path / "db").returncode == 2
    assert run(db=tmp_path / "db").returncode == 2


def test_reading_a_missing_library_says_how_to_start(tmp_path: Path) -> None:
    result = run("stats", db=tmp_path / "nowhere")
    assert result.returncode == 1
    assert "quotedesk ingest" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "nowhere").exists()


FERRY = """Published Time: {date}
Title: {title}
Author: Ann Writer
Text:
\u201cWe won{apostrophe}t run the night ferry before spring,\u201d Captain Ida Marsh said.
The port board met on Monday.
"""
FERRY_QUESTION = "who said they won't run the night ferry before spring?"


def ferry(date: str, title: str, apostrophe: str) -> str:
    return FERRY.format(date=date, title=title, apostrophe=apostrophe)


def test_a_corrected_file_replaces_its_words_title_and_date_in_a_new_process(
    tmp_path: Path,
) -> None:
    """Straightened apostrophes keep the article's id; a reader that indexed the old
    version must still cite the new words, title and date."""
    db, story = tmp_path / "db", tmp_path / "ferry.txt"
    story.write_text(ferry("2023-03-02", "Ferry stays in port", "\u2019"))
    assert run("ingest", str(story), db=db).returncode == 0
    old = json.loads(run("ask", FERRY_QUESTION, "--json", db=db).stdout)["citations"][0]
    assert "won\u2019t" in old["quote"]  # this reader indexed the first version

    story.write_text(ferry("2023-03-09", "Night ferry waits for spring", "'"))
    assert "updated 1" in run("ingest", str(story), db=db).stdout
    cited = json.loads(run("ask", FERRY_QUESTION, "--json", db=db).stdout)["citations"][0]
    assert "We won't run the night ferry before spring" in cited["quote"]
    assert cited["title"] == "Night ferry waits for spring"
    assert cited["published"] == "2023-03-09"
    assert cited["article_id"] == old["article_id"]


def test_articles_show_file_names_never_server_folders(tmp_path: Path) -> None:
    db, story = tmp_path / "db", tmp_path / "deep" / "folder" / "harbour.txt"
    story.parent.mkdir(parents=True)
    story.write_text(STORY)
    run("ingest", str(story), db=db)
    listed = run("articles", "--json", db=db).stdout
    assert [a["source"] for a in json.loads(listed)] == ["harbour.txt"]
    assert str(tmp_path) not in listed
