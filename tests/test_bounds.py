"""Bounded work for any text: a book on one line is attributed in windows and slices."""

from __future__ import annotations

import pytest

from ingest.attribute import attribute_text
from ingest.attribute.bounds import SLICE_CHARS, WINDOW_CHARS, bounded, windows
from ingest.attribute.marks import paragraphs
from ingest.attribute.nlp import get_nlp

FILLER = "The ferry carried grain and timber across the grey bay for many years. "
QUOTES = [
    ('"We will sail at nine, whatever the weather," said Oona Brask. ', "Oona Brask"),
    ('"The timetable stays as it is until March," said Ivo Pellan. ', "Ivo Pellan"),
    ('"Nobody will be stranded on the island again," said Edda Vorn. ', "Edda Vorn"),
]


def one_line_book() -> str:
    """About three windows of text on a single line, a quotation in each."""
    filler = FILLER * (WINDOW_CHARS // len(FILLER))
    return "Ferry log\n\n" + "".join(filler + quote for quote, _ in QUOTES)


def test_long_paragraphs_are_sliced_at_sentence_ends() -> None:
    text = one_line_book()
    (_, line) = paragraphs(text)
    pieces = bounded(text, [line])
    assert len(pieces) > 1
    assert all(p.end - p.start <= SLICE_CHARS for p in pieces)
    assert all(text[p.end - 1] == "." for p in pieces)
    assert " ".join(text[p.start : p.end] for p in pieces) == text[line.start : line.end].strip()


def test_windows_cover_the_text_and_cut_at_line_breaks() -> None:
    text = ("Short line of text.\n" * 3000) + "Last line."
    spans = windows(text)
    assert len(spans) > 1
    assert [s for s, _ in spans[1:]] == [e for _, e in spans[:-1]]  # no gap, no overlap
    assert (spans[0][0], spans[-1][1]) == (0, len(text))
    assert all(e - s <= WINDOW_CHARS for s, e in spans)
    assert all(text[e - 1] == "\n" for _, e in spans[:-1])


def test_a_line_longer_than_spacy_takes_is_attributed_with_true_offsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # spaCy refuses a text over nlp.max_length (E088, a million characters by default);
    # lowered here so a line a few times longer than a window stands for a huge file.
    monkeypatch.setattr(get_nlp(), "max_length", WINDOW_CHARS)
    text = one_line_book()
    assert len(text) > 2 * WINDOW_CHARS
    quotes = attribute_text(text)
    assert all(text[q.start : q.end] == q.text for q in quotes)
    found = [(q.text, q.speaker) for q in quotes]
    expected = [(quote.split('"')[1].rstrip(","), speaker) for quote, speaker in QUOTES]
    assert found == expected
