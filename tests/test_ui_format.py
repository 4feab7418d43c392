"""How answers, verdicts and the library read on screen (no browser, no store)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant.draft import DraftCheck
from quotedesk.config import Settings
from quotedesk.models import (
    Answer,
    ArticleSummary,
    Citation,
    DiffOp,
    FileResult,
    IngestReport,
    Speaker,
    Verification,
)
from quotedesk.web import ui_format as fmt

QUOTE = "A cold war will go on."


@pytest.fixture(scope="module")
def citation(sample_article_path: Path) -> Citation:
    text = sample_article_path.read_text(encoding="utf-8")
    start = text.index(QUOTE)
    end = start + len(QUOTE)
    return Citation(
        article_id="a1",
        title="China-Russia entente",
        author="Global Times",
        outlet="Global Times",
        published="2021-12-16",
        speaker="Yury Tavrovsky",
        quote=text[start:end],
        passage=text[start - 40 : end + 30],
        start=start,
        end=end,
        source="sample_article.txt",
    )


def test_passage_marks_exactly_the_quoted_words(citation: Citation) -> None:
    shown = fmt.marked_passage(citation.passage, citation.quote)
    assert shown.count("<mark>") == 1
    marked = shown.split("<mark>")[1].split("</mark>")[0]
    assert marked.replace("\\", "") == QUOTE


def test_source_text_cannot_inject_markup() -> None:
    shown = fmt.marked_passage("He wrote <script>x</script> and *bold* $$x$$.", "*bold*")
    assert "<script>" not in shown
    assert "<mark>\\*bold\\*</mark>" in shown
    assert "$$" not in shown


PIXEL = '<img src="http://tracker.example/p.png">'


def test_markup_in_article_metadata_is_escaped_wherever_html_is_rendered(
    citation: Citation,
) -> None:
    hostile = replace(
        citation, title=f"Harbour news {PIXEL}", outlet="<a href='x'>Post</a>", speaker=PIXEL
    )
    header = fmt.source_messages(Answer("...", citations=(hostile,)))[0]["metadata"]["title"]
    shown = [
        header,
        fmt.source_markdown(hostile),
        fmt.verdict_markdown(Verification("verified", QUOTE, speaker=PIXEL, citation=hostile)),
    ]
    failed = FileResult(f"/tmp/{PIXEL}.txt", "failed", reason=f"cannot parse {PIXEL}")
    added = FileResult("/tmp/b.txt", "added", "b1", f"Title {PIXEL}", quotes=1)
    report = IngestReport((failed, added))
    shown += [fmt.ingest_markdown(report), fmt.ingest_toast(report), fmt.toast(PIXEL)]
    assert all("<img" not in text and "<a " not in text for text in shown)
    assert "&lt;img src=" in header and "Harbour news" in header
    assert "http://" not in header  # a GFM autolink would turn the address into a link


def test_quote_outside_its_passage_is_still_shown_marked() -> None:
    shown = fmt.marked_passage("Another sentence entirely.", "Missing words")
    assert shown.startswith("<mark>Missing words</mark>")


def test_each_source_is_a_collapsed_message_naming_article_and_date(citation: Citation) -> None:
    messages = fmt.source_messages(Answer("Yury Tavrovsky said it.", citations=(citation,)))
    assert len(messages) == 1
    meta = messages[0]["metadata"]
    assert meta["status"] == "done"
    title = meta["title"].replace("\\", "")  # Markdown escapes, not shown on screen
    assert "China-Russia entente" in title and "2021-12-16" in title
    assert "<mark>" in messages[0]["content"]
    assert "Yury Tavrovsky" in messages[0]["content"]


def test_api_text_carries_speaker_and_verbatim_quote(citation: Citation) -> None:
    paraphrase = fmt.answer_text(
        Answer("Tavrovsky expects tension.", "Yury Tavrovsky", (citation,))
    )
    assert f'Yury Tavrovsky: "{QUOTE}"' in paraphrase
    quoting = f"Yury Tavrovsky said it: \u201c{QUOTE}\u201d"
    assert fmt.answer_text(Answer(quoting, "Yury Tavrovsky", (citation,))) == quoting


def test_stream_chunks_grow_to_the_full_answer() -> None:
    answer = "Yury Tavrovsky said: A cold war will go on."
    chunks = list(fmt.stream_chunks(answer, words_per_chunk=3))
    assert len(chunks) == 3
    assert all(b.startswith(a) for a, b in zip(chunks, chunks[1:], strict=False))
    assert chunks[-1] == answer


def test_diff_marks_meaning_changes_apart_from_rewording() -> None:
    verification = Verification(
        "altered",
        "A cold war will not go on.",
        diff=(
            DiffOp("equal", "A cold war will", "A cold war will"),
            DiffOp("insert", "", "not", flag="negation"),
            DiffOp("equal", "go on.", "go on."),
            DiffOp("replace", "Olympic", "Games"),
        ),
    )
    pairs = fmt.diff_highlights(verification)
    assert ("not ", "changes meaning") in pairs
    assert ("[source: Olympic] ", "missing") in pairs
    assert ("Games ", "reworded") in pairs
    assert pairs[0] == ("A cold war will ", None)


def test_verdict_card_names_the_real_speaker(citation: Citation) -> None:
    verification = Verification(
        "misattributed",
        QUOTE,
        speaker="Yury Tavrovsky",
        claimed_speaker="Vladimir Putin",
        similarity=1.0,
        citation=citation,
        appearances=(citation,),
    )
    card = fmt.verdict_markdown(verification)
    assert "Misattributed" in card and "Yury Tavrovsky" in card and "Vladimir Putin" in card
    assert "<mark>" in card


def test_words_with_an_uncertain_speaker_never_read_as_verified(citation: Citation) -> None:
    hedged = Verification(
        "words_verified",
        QUOTE,
        speaker="Yury Tavrovsky",
        claimed_speaker="Tavrovsky",
        similarity=1.0,
        citation=citation,
        speaker_check="uncertain",
    )
    heading = fmt.verdict_markdown(hedged).splitlines()[0]
    assert heading.endswith("Words verified, speaker uncertain")
    row = fmt.draft_rows([DraftCheck(QUOTE, 0, len(QUOTE), "Tavrovsky", hedged)])[0]
    assert row[2] == "Words verified, speaker uncertain"


def test_appearances_are_listed_earliest_first(citation: Citation) -> None:
    later = replace(citation, published="2023-01-01", title="Later")
    undated = replace(citation, published=None, title="Undated")
    rows = fmt.appearance_rows(
        Verification("verified", QUOTE, appearances=(later, undated, citation))
    )
    assert [row[2] for row in rows] == ["China-Russia entente", "Later", "Undated"]


def test_speaker_rows_show_other_forms_and_mark_uncertain_quotes(citation: Citation) -> None:
    person = Speaker("Dana Ortiz", ("Dana Ortiz", "Ms. Ortiz"), ("Ms.",), 3, 1, "2023-01-02", None)
    assert fmt.speaker_rows([person]) == [
        ["Dana Ortiz", "Ms. Ortiz", "Ms.", "3 (1 uncertain)", "2023-01-02", ""]
    ]
    guessed = replace(citation, speaker_confidence=0.5)
    rows = fmt.speaker_quote_rows([guessed, citation])
    assert [row[1] for row in rows] == ["Yury Tavrovsky (speaker uncertain)", "Yury Tavrovsky"]
    assert rows[1][2] == QUOTE


def test_ingest_summary_gives_failure_reasons() -> None:
    report = IngestReport(
        (
            FileResult("/tmp/a.txt", "added", "a1", "A title", quotes=3),
            FileResult("/tmp/b.bin", "failed", reason="not a text file"),
        )
    )
    summary = fmt.ingest_markdown(report)
    assert "1 added" in summary and "1 failed" in summary
    assert "not a text file" in summary and "3 quotes" in summary
    assert fmt.counted(1, "articles") == "1 article"


def test_library_rows_and_draft_rows(citation: Citation) -> None:
    rows = fmt.article_rows(
        [
            ArticleSummary("old", "Old", "x", published="2020-01-01", quote_count=2),
            ArticleSummary("new", "New", "y", author="Ann", published="2022-05-05T10:00:00"),
        ]
    )
    assert rows[0] == ["new", "New", "Ann", "2022-05-05", 0]
    misquoted = Verification(
        "misattributed", QUOTE, "Yury Tavrovsky", "Putin", 1.0, citation=citation
    )
    draft = fmt.draft_rows([DraftCheck(QUOTE, 0, len(QUOTE), "Putin", misquoted)])
    source = "China-Russia entente (Global Times · by Global Times · 2021-12-16)"
    assert draft == [[QUOTE, "Putin", "Misattributed", "Yury Tavrovsky", source]]


def test_settings_line_says_whether_an_llm_is_used(tmp_path: Path) -> None:
    offline = fmt.settings_markdown(Settings(db_path=tmp_path), {"articles": 1})
    assert "minilm" in offline and "not configured" in offline and "1 article" in offline
    assert "gpt" in fmt.settings_markdown(Settings(db_path=tmp_path, llm_model="gpt-x"))


def test_settings_line_names_no_server_folder_or_address(tmp_path: Path) -> None:
    """The page is for readers: the library's place on the server stays off it."""
    local = fmt.settings_markdown(Settings(db_path=tmp_path / "library"))
    served = fmt.settings_markdown(Settings(chroma_url="http://10.1.2.3:8000"))
    assert "local library" in local and str(tmp_path) not in local
    assert "Chroma server" in served and "10.1.2.3" not in served.replace("\\", "")
