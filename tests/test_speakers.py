"""The speakers view: one person per name however articles write it, their quotes newest
first, a topic filter, and the ``quotedesk speakers | speaker`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from speaker_library import HYDRANTS, REGATTA, event_desk, speaker_desk

from assistant import QuoteDesk
from quotedesk.cli import main
from quotedesk.config import Settings
from quotedesk.errors import InputError


def _people(desk) -> dict[str, object]:
    return {s.name: s for s in desk.speakers()}


def test_every_form_of_a_name_is_one_speaker_with_titles_counts_and_dates() -> None:
    people = _people(speaker_desk())
    assert list(people) == ["Dana Ortiz"]
    chief = people["Dana Ortiz"]
    assert {"Dana Ortiz", "Ortiz"} <= set(chief.forms)
    assert "Ms." in chief.titles and "Fire Chief" in chief.titles
    assert chief.quotes == 4  # hydrants (2), trucks, burn ban
    assert (chief.first, chief.last) == ("2023-03-01", "2025-07-04")


def test_two_people_sharing_a_surname_stay_apart() -> None:
    people = _people(speaker_desk(with_coach=True))
    assert people["Luis Ortiz"].quotes == 1
    assert people["Dana Ortiz"].quotes == 3  # the bare "Ortiz" article no longer fits one
    assert "Ortiz" in people  # kept on its own: it could be either of them
    with pytest.raises(InputError, match="Dana Ortiz, Luis Ortiz, Ortiz"):
        speaker_desk(with_coach=True).quotes_by("Mr. Ortiz")  # guessing one would mislead


def test_quotes_by_any_form_are_verbatim_and_newest_first() -> None:
    desk = speaker_desk()
    quotes = desk.quotes_by("Ms. Ortiz")
    assert [c.published[:4] for c in quotes] == ["2025", "2024", "2023", "2023"]
    for c in quotes:
        article = desk.store.get_article(c.article_id)
        assert article.text[c.start : c.end] == c.quote
    assert quotes[0].quote.startswith("One spark in a dry field")
    assert desk.quotes_by("Fire Chief Dana Ortiz") == quotes


def test_topic_filter_keeps_only_quotes_about_it() -> None:
    quotes = speaker_desk().quotes_by("Dana Ortiz", about="hydrants")
    assert [c.quote for c in quotes] == ["Half of these hydrants have not been opened in a decade"]
    assert speaker_desk().quotes_by("Dana Ortiz", about="rowing") == []


def test_one_event_as_transcript_pdf_and_web_page_is_one_speaker() -> None:
    desk = event_desk()
    mayor = _people(desk)["Ines Calloway"]
    assert mayor.quotes == 4 and "Mayor" in mayor.titles
    assert "MAYOR INES CALLOWAY" not in mayor.forms  # the transcript's label, in capitals
    assert not any("Calloway" in name for name in _people(desk) if name != "Ines Calloway")
    media = {c.medium for c in desk.quotes_by("Ines Calloway")}
    assert media == {"transcript", "pdf", "article"}


def test_a_person_added_to_the_library_is_listed_at_once(tmp_path: Path) -> None:
    desk = QuoteDesk(settings=Settings.from_env(env={}, db_path=tmp_path / "db"))
    (tmp_path / "hydrants.md").write_text(HYDRANTS, encoding="utf-8")
    (tmp_path / "regatta.md").write_text(REGATTA, encoding="utf-8")
    assert desk.ingest([tmp_path / "hydrants.md"]).ok
    assert list(_people(desk)) == ["Dana Ortiz"]
    assert desk.ingest([tmp_path / "regatta.md"]).ok
    assert "Luis Ortiz" in _people(desk)  # not the list as it was before the upload
    assert desk.quotes_by("Luis Ortiz")


def test_unknown_person_has_no_quotes() -> None:
    assert speaker_desk().quotes_by("Hal Nobody") == []


def test_cli_lists_speakers_and_one_speakers_quotes_as_json(capsys) -> None:
    db = str(speaker_desk().settings.db_path)
    assert main(["speakers", "--db", db, "--json"]) == 0
    people = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["quotes"]) for p in people] == [("Dana Ortiz", 4)]
    assert main(["speaker", "Ortiz", "--about", "trucks", "--db", db, "--json"]) == 0
    cited = json.loads(capsys.readouterr().out)
    assert [c["speaker"] for c in cited] == ["Dana Ortiz"]
    assert cited[0]["quote"].startswith("Our oldest truck")
    assert main(["speaker", "Hal Nobody", "--db", db]) == 1
    assert "No quotes by Hal Nobody" in capsys.readouterr().out
