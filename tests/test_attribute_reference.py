"""The reference article: an editor's note, then two experts' sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.attribute import attribute
from ingest.load import load
from quotedesk.models import Article, Quote


@pytest.fixture(scope="module")
def reference(sample_article_path: Path) -> tuple[Article, list[Quote]]:
    (article,) = load([sample_article_path])
    assert isinstance(article, Article)
    return article, attribute(article)


def speaker_of(quotes: list[Quote], words: str) -> Quote:
    hits = [q for q in quotes if words in q.text]
    assert hits, words
    return hits[0]


def test_every_quote_is_the_articles_own_text(reference):
    article, quotes = reference
    assert quotes
    for q in quotes:
        assert article.text[q.start : q.end] == q.text
        assert q.article_id == article.id


def test_section_sentences_belong_to_their_expert(reference):
    _, quotes = reference
    summit = speaker_of(quotes, "The summit is very important")
    assert (summit.speaker, summit.kind) == ("Danil Bochkov", "section")
    assert summit.speaker_title == "an expert at the Russian International Affairs Council"
    cold_war = speaker_of(quotes, "A cold war will go on.")
    assert cold_war.speaker == "Yury Tavrovsky"
    assert cold_war.text == "A cold war will go on."
    assert speaker_of(quotes, "Shanghai Cooperation Organisation").speaker == "Danil Bochkov"
    assert speaker_of(quotes, "pro-Western media").speaker == "Yury Tavrovsky"


def test_nested_quotes_in_the_editors_note(reference):
    _, quotes = reference
    xi = speaker_of(quotes, "strongly supported")
    assert xi.speaker == "Xi Jinping"
    assert speaker_of(quotes, "a proper example of interstate").speaker == "Vladimir Putin"
    inner = [q for q in quotes if q.text.startswith("a new model of cooperation")]
    assert [q.speaker for q in inner] == ["Vladimir Putin"]


def test_scare_quotes_are_not_separate_statements(reference):
    _, quotes = reference
    assert not [q for q in quotes if q.text in ("good", "bad", "democratic states")]
    assert not [q for q in quotes if q.text.startswith("Summit for Democracy")]
