"""QuoteDesk facade and the ask / verify / check-draft commands."""

from __future__ import annotations

import json

import pytest
from assistant_library import open_desk, store

from assistant import QuoteDesk
from quotedesk.cli import main
from quotedesk.resources import SAMPLE_ARTICLE


@pytest.fixture(scope="module")
def db() -> str:
    return str(store().settings.db_path)


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_ask_json_prints_exactly_to_dict(capsys, db) -> None:
    question = "who said the cold war will go on?"
    code, out = _run(capsys, "ask", question, "--json", "--db", db)
    assert code == 0
    assert json.loads(out) == open_desk().ask(question).to_dict()


def test_ask_human_output_cites_title_date_and_offsets(capsys, db) -> None:
    code, out = _run(capsys, "ask", "who said the cold war will go on?", "--db", db)
    assert code == 0
    assert "Yury Tavrovsky" in out
    assert "A cold war will go on." in out
    assert "2021-12-16" in out
    assert "characters" in out
    assert "5326-5348" in out  # the quote's characters in the file (5064-5086 once cleaned)


def test_verify_json_and_claimreview(capsys, db) -> None:
    code, out = _run(
        capsys, "verify", "A cold war will go on.", "--speaker", "Putin", "--json", "--db", db
    )
    data = json.loads(out)
    assert code == 0
    assert data["verdict"] == "misattributed"
    assert data["speaker"] == "Yury Tavrovsky"
    code, out = _run(
        capsys, "verify", "a military confrontation is likely", "--claimreview", "--db", db
    )
    assert json.loads(out)["@type"] == "ClaimReview"


def test_verify_without_a_speaker_says_the_speaker_was_not_checked(capsys, db) -> None:
    code, out = _run(capsys, "verify", "A cold war will go on.", "--db", db)
    assert code == 0
    assert "WORDS VERIFIED, SPEAKER NOT CHECKED" in out
    assert "Verified:" not in out


def test_check_draft_exit_code_follows_the_verdicts(capsys, db, tmp_path) -> None:
    good = tmp_path / "good.txt"
    good.write_text('Tavrovsky said: "A cold war will go on."\n', encoding="utf-8")
    code, out = _run(capsys, "check-draft", str(good), "--db", db)
    assert code == 0
    assert "verified" in out
    bad = tmp_path / "bad.txt"
    bad.write_text('Putin said: "A cold war will go on."\n', encoding="utf-8")
    code, out = _run(capsys, "check-draft", str(bad), "--json", "--db", db)
    assert code == 1
    assert json.loads(out)[0]["verdict"] == "misattributed"
    unnamed = tmp_path / "unnamed.txt"
    unnamed.write_text('"A cold war will go on."\n', encoding="utf-8")
    code, out = _run(capsys, "check-draft", str(unnamed), "--db", db)
    assert code == 1  # the words are right, but nobody checked who said them
    assert "speaker not checked" in out


def test_missing_library_is_an_error_not_an_empty_answer(capsys, tmp_path) -> None:
    code = main(["ask", "who said it?", "--db", str(tmp_path / "nowhere")])
    assert code == 1
    assert "no library" in capsys.readouterr().err


def test_desk_from_env_ingests_lists_and_removes(db_path, monkeypatch) -> None:
    desk = QuoteDesk()  # QUOTEDESK_DB points at a fresh folder (db_path fixture)
    assert desk.settings.db_path == db_path
    report = desk.ingest([SAMPLE_ARTICLE])
    assert report.ok and len(report.added) == 1
    [article] = desk.articles()
    assert desk.stats()["quotes"] > 0
    assert desk.ask("who said the cold war will go on?").speaker == "Yury Tavrovsky"
    assert desk.remove(article.id)
    assert desk.stats()["articles"] == 0
    answer = desk.ask("who said the cold war will go on?")
    assert answer.speaker is None and not answer.citations


def test_a_corrected_file_is_cited_anew_by_the_process_that_ingested_it(db_path, tmp_path) -> None:
    """Same text id (only apostrophes and the headers change), so only the content hash
    tells the desk's lexical index that its copy is stale."""
    story = tmp_path / "ferry.txt"
    text = (
        "Published Time: {1}\nTitle: {0}\nText:\n"
        "\u201cWe won{2}t sail tonight,\u201d Captain Ida Marsh said.\n"
    )
    story.write_text(text.format("Ferry stays in port", "2023-03-02", "\u2019"))
    desk = QuoteDesk()
    desk.ingest([story])
    assert "won\u2019t" in desk.ask("who said they won't sail tonight?").citations[0].quote
    story.write_text(text.format("Night ferry waits", "2023-03-09", "'"))
    assert len(desk.ingest([story]).updated) == 1
    cited = desk.ask("who said they won't sail tonight?").citations[0]
    assert ("We won't sail tonight" in cited.quote, cited.title, cited.published) == (
        True,
        "Night ferry waits",
        "2023-03-09",
    )
