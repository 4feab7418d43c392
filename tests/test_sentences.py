"""split_sentences: boundaries a reader would agree with, offsets that slice exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.clean import clean_text
from ingest.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_slice_the_text_exactly() -> None:
    text = "  First one.  Second one!\n\n  Third?  \nHeader line\n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["First one.", "Second one!", "Third?", "Header line"]
    for s in sentences:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith met J. K. Rowling on Jan. 5 at 3 p.m. and left.",
            ["Dr. Smith met J. K. Rowling on Jan. 5 at 3 p.m. and left."],
        ),
        ("Mr. and Mrs. Jones met Sen. Lee and Gov. Brown.", None),
        ("No. 4 Ohio State plays St. Louis, e.g. on TV.", None),
        ("Acme Inc. said it grew 3.5 percent vs. last year.", None),
        ("The U.S. Navy and the U.K. government agreed.", None),
        ("The case Abbott v. Burke was cited.", None),
        (
            "He moved to the U.S. The rest is history.",
            ["He moved to the U.S.", "The rest is history."],
        ),
        ("It works at Acme Inc. The deal closed.", ["It works at Acme Inc.", "The deal closed."]),
        ("She said no. Then she left.", ["She said no.", "Then she left."]),
        ("See Vol. 2 and No. 14 on the list.", None),
        ("The gate stays shut, said Const. Ivo Marsh and Ald. Rita Bell.", None),
        ("The dock reopens, said Lt.-Cmdr. Ivo Marsh and Det.-Insp. Rita Bell.", None),
        ("The pier stays shut, said Asst. Supt. Ivo Marsh and Dep. Chief Rita Bell.", None),
    ],
)
def test_abbreviations_initials_and_numbers(text: str, expected: list[str] | None) -> None:
    assert texts(text) == (expected or [text])


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = 'She said it was "great." Then she left. "Why?" he asked. "Go." He went.'
    assert texts(text) == [
        'She said it was "great."',
        "Then she left.",
        '"Why?" he asked.',
        '"Go."',
        "He went.",
    ]
    curly = "\u201cWe need help.\u201d \u201cWhen does it end?\u201d"
    assert texts(curly) == ["\u201cWe need help.\u201d", "\u201cWhen does it end?\u201d"]


def test_ellipsis_and_exclamation() -> None:
    assert texts("Wait... Then it came! Really? Yes.") == [
        "Wait...",
        "Then it came!",
        "Really?",
        "Yes.",
    ]
    assert texts("He paused ... and went on.") == ["He paused ... and went on."]


def test_every_line_is_a_sentence() -> None:
    text = "Danil Bochkov, an expert at the Council\nThe summit is important. It matters."
    assert texts(text) == [
        "Danil Bochkov, an expert at the Council",
        "The summit is important.",
        "It matters.",
    ]


def test_reference_article(sample_article_path: Path) -> None:
    body = sample_article_path.read_text(encoding="utf-8").split("Text:", 1)[1]
    text = clean_text(body).text
    sentences = split_sentences(text)
    got = [s.text for s in sentences]
    assert "A cold war will go on." in got
    assert got[got.index("A cold war will go on.") + 1].startswith("Our experience of the West")
    assert "Danil Bochkov, an expert at the Russian International Affairs Council" in got
    assert 45 <= len(sentences) <= 55
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_news_corpus_sane(news_dir: Path) -> None:
    for path in sorted(news_dir.glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8")).text
        sentences = split_sentences(text)
        assert all(text[s.start : s.end] == s.text for s in sentences)
        assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
        words = len(text.split())
        assert words / 60 < len(sentences) < words / 6, path.name
        for s in sentences:  # no split right after a title or an initial
            assert not s.text.endswith((" Mr.", " Dr.", " Gov.", " Sen.", " St.", " No.")), s.text


def test_punctuation_only_lines_are_not_sentences() -> None:
    text = "First line here.\n .\n***\nSecond line here."
    assert texts(text) == ["First line here.", "Second line here."]
