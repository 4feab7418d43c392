"""clean_text on the reference article, on crafted damage, and on real news it must not harm."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.clean import clean_text, normalize_whitespace
from quotedesk.text import normalize

BOCHKOV = "Danil Bochkov, an expert at the Russian International Affairs Council"
TAVROVSKY = (
    'Yury Tavrovsky, head of "Russian Dream-Chinese Dream" analytic center of the Izborsk Club'
)


@pytest.fixture(scope="module")
def sample_body(sample_article_path: Path) -> str:
    return sample_article_path.read_text(encoding="utf-8").split("Text:", 1)[1]


@pytest.fixture(scope="module")
def sample_clean(sample_body: str):
    return clean_text(sample_body)


def test_reference_body_is_stored_once(sample_clean) -> None:
    text = sample_clean.text
    assert text.count("Editor's Note:") == 1
    assert text.count("will not permit pro-Western media to spoil it.") == 1
    assert "body repeated 2 times; stored once" in sample_clean.notes


def test_reference_expert_headers_on_their_own_lines(sample_clean) -> None:
    lines = sample_clean.text.split("\n")
    assert BOCHKOV in lines
    assert TAVROVSKY in lines
    after = lines[lines.index(BOCHKOV) + 1]
    assert after.startswith("The summit is very important")
    assert lines[lines.index(TAVROVSKY) + 1].startswith("The West is rising tensions")
    assert lines[lines.index(TAVROVSKY) - 1].endswith("just the rivalry with the West.")
    assert any("section header" in note for note in sample_clean.notes)


def test_reference_glued_sentences_split(sample_clean) -> None:
    text = sample_clean.text
    assert "China or Russia. The US and Western countries" in text
    assert "A cold war will go on. Our experience" in text
    assert "in February. Russia and China are getting closer" in text
    assert "misunderstanding. The US and West" in text
    assert not re.search(r"[a-z][.!?][A-Z][a-z]", text)


def test_reference_keeps_every_word_of_one_copy(sample_body: str, sample_clean) -> None:
    copy = sample_body.split("spoil it.", 1)[0] + "spoil it."
    assert "".join(normalize(copy).split()) == "".join(normalize(sample_clean.text).split())


@pytest.mark.parametrize(
    "text",
    [
        "He moved to the U.S.The rest is history.",
        "Use a tool, e.g.The hammer.",
        "Growth was 3.5 percent.",
        "Visit www.Example.com today.",
        "Built with Node.js and ASP.NET.",
        "Talk to Mr.Smith today.",
        "The iPhone maker and McDonald's met in DeSantis country.",
        "John Smith, a YouTube star who runs PayPal ads, said it was fine.",
        "Jane Doe, an analyst at LinkedIn, said MacArthur and JPMorgan agreed.",
    ],
)
def test_tricky_tokens_untouched(text: str) -> None:
    assert clean_text(text).text == text


def test_glued_sentence_after_closing_quote() -> None:
    cleaned = clean_text('He said it was "over."The next day it was not.')
    assert cleaned.text == 'He said it was "over." The next day it was not.'


def test_glued_header_generalises() -> None:
    raw = (
        "Our panel weighed in.Mary Ann Lee, an economist at the Central BankThe outlook is "
        "grim for exporters this year."
    )
    assert clean_text(raw).text == (
        "Our panel weighed in.\nMary Ann Lee, an economist at the Central Bank\n"
        "The outlook is grim for exporters this year."
    )


def test_repeated_paragraph_run_removed_but_short_lines_kept() -> None:
    run = (
        "The council voted to approve the budget on Monday night.\n"
        "Opponents said the plan would raise taxes for residents."
    )
    raw = f"Advertisement\n{run}\nAdvertisement\nA new paragraph follows here.\n{run}\nEnd"
    cleaned = clean_text(raw)
    assert cleaned.text.count("The council voted") == 1
    assert cleaned.text.count("Advertisement") == 2
    assert cleaned.text.endswith("A new paragraph follows here.\nEnd")
    assert cleaned.notes == ("removed 2 repeated paragraphs",)


def test_whole_body_three_times() -> None:
    body = "First paragraph of the story, long enough.\nSecond paragraph with more words in it."
    cleaned = clean_text("\n\n".join([body] * 3))
    assert cleaned.text == body
    assert cleaned.notes == ("body repeated 3 times; stored once",)


def test_whitespace_normalised_but_quotes_and_dashes_kept() -> None:
    raw = "  \u201cYes\u201d \u2014 she said.\u00a0 \r\n\r\n\r\n\r\nNext\t\tline   here.  \n"
    assert clean_text(raw).text == "\u201cYes\u201d \u2014 she said.\n\nNext line here."
    assert normalize_whitespace("a\r\nb\rc") == "a\nb\nc"


def test_news_corpus_not_damaged(news_dir: Path) -> None:
    """Real articles have no glue: cleaning may only drop verbatim repeats, in order."""
    for path in sorted(news_dir.glob("*.txt")):
        before = normalize_whitespace(path.read_text(encoding="utf-8")).split("\n")
        cleaned = clean_text("\n".join(before))
        assert all("repeated" in note for note in cleaned.notes), (path.name, cleaned.notes)
        remaining = iter(before)
        assert all(line in remaining for line in cleaned.text.split("\n")), path.name
        assert len(cleaned.text) > 0.9 * len("\n".join(before)), path.name


def test_cleaning_is_idempotent(sample_clean, news_dir: Path) -> None:
    """Re-loading stored text must give the same text (and so the same article id)."""
    texts = [sample_clean.text] + [
        clean_text(p.read_text(encoding="utf-8")).text for p in sorted(news_dir.glob("*.txt"))
    ]
    for text in texts:
        again = clean_text(text)
        assert again.text == text and again.notes == ()


def test_zero_width_characters_are_removed() -> None:
    """Invisible characters must not hide a speech cue ("Traeger\u200b said")."""
    cleaned = clean_text('"We won," Traeger\u200b said.\ufeff')
    assert cleaned.text == '"We won," Traeger said.'
