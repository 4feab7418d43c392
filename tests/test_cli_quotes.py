"""``quotedesk quotes``: table and JSON output, and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotedesk.cli import main


def test_table_shows_speakers_and_kinds(sample_article_path: Path, capsys):
    assert main(["quotes", str(sample_article_path)]) == 0
    out = capsys.readouterr().out
    assert "Danil Bochkov" in out
    assert "Yury Tavrovsky" in out
    assert "section" in out


def test_json_is_one_object_per_article(sample_article_path: Path, tmp_path: Path, capsys):
    other = tmp_path / "note.txt"
    other.write_text('"We will not stop until the road is fixed," Ann Lee said on Monday.\n')
    assert main(["quotes", str(sample_article_path), str(other), "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["source"] for r in records] == [str(sample_article_path), str(other)]
    first = records[0]
    assert first["title"].startswith("China-Russia entente")
    assert set(first["quotes"][0]) == {
        "text",
        "speaker",
        "speaker_title",
        "start",
        "end",
        "kind",
        "cue",
        "confidence",
        "file_start",
        "file_end",
    }
    (lee,) = records[1]["quotes"]
    assert lee["speaker"] == "Ann Lee"
    assert lee["text"] == "We will not stop until the road is fixed"
    assert other.read_text()[lee["file_start"] : lee["file_end"]] == lee["text"]
    assert records[1]["offsets_in"] == "file"
    # the header block comes before the text: stored and file offsets differ
    assert first["quotes"][0]["file_start"] > first["quotes"][0]["start"]


def test_unknown_id_fails_but_the_others_still_print(
    sample_article_path: Path, db_path: Path, capsys
):
    code = main(["quotes", "no-such-article", str(sample_article_path), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert "no-such-article" in captured.err
    assert len(captured.out.strip().splitlines()) == 1


def test_unreadable_path_fails(tmp_path: Path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["quotes", str(empty)]) == 1
    assert "empty.txt" in capsys.readouterr().err


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["quotes"])
    assert exc.value.code == 2


def test_article_id_from_the_library(sample_article_path: Path, db_path: Path, capsys):
    assert main(["ingest", str(sample_article_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    article_id = report["results"][0]["article_id"]
    assert main(["quotes", article_id, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"] == article_id
    assert any(q["speaker"] == "Yury Tavrovsky" for q in record["quotes"])
