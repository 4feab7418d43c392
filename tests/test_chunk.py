"""chunk: whole sentences, verbatim slices, quotes never split, headers lead passages."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunk import chunk
from ingest.clean import clean_text
from ingest.sentences import split_sentences
from quotedesk.models import Article, Passage, Quote


def article_of(text: str) -> Article:
    return Article(id="a1b2", title="t", text=text, source="test", content_hash="h")


def quote_of(text: str, fragment: str) -> Quote:
    start = text.index(fragment)
    end = start + len(fragment)
    return Quote(text=fragment, start=start, end=end, speaker="X", kind="direct", confidence=1)


def check_passages(article: Article, passages: list[Passage]) -> None:
    sentences = split_sentences(article.text)
    bounds = {s.start for s in sentences}, {s.end for s in sentences}
    for index, passage in enumerate(passages):
        assert passage.id == f"{article.id}:p{index}"
        assert passage.index == index and passage.article_id == article.id
        assert passage.text == article.text[passage.start : passage.end]
        assert passage.start in bounds[0] and passage.end in bounds[1]  # whole sentences
    covered = "".join(p.text for p in passages)
    assert "".join(covered.split()) == "".join(article.text.split())  # nothing lost


def test_empty_article_has_no_passages() -> None:
    assert chunk(article_of(""), []) == []


def test_sentences_grouped_near_target() -> None:
    text = " ".join(f"Sentence number {i} has a few words in it." for i in range(40))
    article = article_of(text)
    passages = chunk(article, split_sentences(text), target_chars=200, max_chars=400)
    check_passages(article, passages)
    assert len(passages) > 5
    assert all(len(p.text) <= 400 for p in passages)
    assert all(len(p.text) >= 150 for p in passages[:-1])


def test_quote_straddling_a_boundary_is_kept_whole() -> None:
    filler = " ".join(f"Filler sentence {i} goes here." for i in range(4))
    spoken = '"We will rebuild. It will take years. Nobody will stop us."'
    text = f"{filler} The mayor said: {spoken} {filler}"
    article = article_of(text)
    sentences = split_sentences(text)
    plain = chunk(article, sentences, target_chars=150, max_chars=300)
    # without the quote, a natural boundary falls inside it
    assert not any(spoken in p.text for p in plain)
    quote = quote_of(text, spoken)
    passages = chunk(article, sentences, [quote], target_chars=150, max_chars=300)
    check_passages(article, passages)
    holders = [p for p in passages if p.start <= quote.start and quote.end <= p.end]
    assert len(holders) == 1


def test_quote_longer_than_max_grows_the_passage() -> None:
    spoken = " ".join(f"Part {i} of a very long statement." for i in range(30))
    text = f'Intro line here. She said "{spoken}" Then she left.'
    article = article_of(text)
    quote = quote_of(text, spoken)
    passages = chunk(article, split_sentences(text), [quote], target_chars=100, max_chars=200)
    check_passages(article, passages)
    holder = next(p for p in passages if p.start <= quote.start < p.end)
    assert holder.end >= quote.end and len(holder.text) > 200


def test_section_header_starts_a_passage() -> None:
    text = (
        "Opening paragraph sentence one. And a second one.\n"
        "Jane Roe, an analyst at the Policy Institute\n"
        "The plan is sound. It will pass."
    )
    article = article_of(text)
    passages = chunk(article, split_sentences(text), target_chars=1000)
    assert [p.text.split("\n")[0] for p in passages] == [
        "Opening paragraph sentence one. And a second one.",
        "Jane Roe, an analyst at the Policy Institute",
    ]


@pytest.fixture()
def reference_article(sample_article_path: Path) -> Article:
    body = sample_article_path.read_text(encoding="utf-8").split("Text:", 1)[1]
    return article_of(clean_text(body).text)


def test_reference_article_passages(reference_article: Article) -> None:
    passages = chunk(reference_article, split_sentences(reference_article.text))
    check_passages(reference_article, passages)
    assert 7 <= len(passages) <= 12
    starts = [p.text.split("\n")[0] for p in passages]
    assert "Danil Bochkov, an expert at the Russian International Affairs Council" in starts
    assert any(s.startswith("Yury Tavrovsky, head of") for s in starts)
