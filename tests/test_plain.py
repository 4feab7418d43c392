"""Plain text without a header: a real title, and the date and outlet a dateline states."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.load import load

BODY = (
    '"The bridge reopens in May," said Tomas Vale, the city engineer.\n'
    "Traffic will use the old ferry route until then.\n"
)


def loaded(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text)
    (article,) = load([path])
    return article


def test_headline_like_first_line_is_the_title(tmp_path: Path) -> None:
    article = loaded(tmp_path, "story.txt", "Harbour bridge to reopen in May\n\n" + BODY)
    assert article.title == "Harbour bridge to reopen in May"
    assert (article.published, article.outlet) == (None, None)


def test_a_caption_or_sentence_first_gives_the_file_name_as_title(tmp_path: Path) -> None:
    caption = "2 of 5. Workers inspect the bridge deck on Monday. Photo: city hall\n"
    article = loaded(tmp_path, "harbour-bridge_reopening.txt", caption + BODY)
    assert article.title == "Harbour bridge reopening"


@pytest.mark.parametrize(
    ("opening", "published", "outlet"),
    [
        ("OSLO, March 3, 2024 (Reuters) - ", "2024-03-03", "Reuters"),
        ("SANTA FE, Dec. 7, 2021 (AP) \u2014 ", "2021-12-07", "AP"),
        ("OSLO (Nordic Wire) \u2013 ", None, "Nordic Wire"),
    ],
)
def test_dateline_gives_date_and_outlet(
    tmp_path: Path, opening: str, published: str | None, outlet: str
) -> None:
    article = loaded(tmp_path, "wire.txt", "Bridge to reopen\n" + opening + BODY)
    assert (article.published, article.outlet) == (published, outlet)


def test_a_date_line_near_the_top_is_the_date(tmp_path: Path) -> None:
    article = loaded(tmp_path, "wire.txt", "Bridge to reopen\nPublished 14 February 2025\n" + BODY)
    assert article.published == "2025-02-14"


def test_a_dateline_deep_in_the_story_is_not_the_articles(tmp_path: Path) -> None:
    filler = "".join(f"Paragraph {n} of background.\n" for n in range(6))
    article = loaded(tmp_path, "wire.txt", "Bridge to reopen\n" + filler + "OSLO (AP) - " + BODY)
    assert article.outlet is None
