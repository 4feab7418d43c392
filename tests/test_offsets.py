"""Citations give offsets a user can check: the original text at the reported offsets
is the quote shown, on invented messy files and on every shared article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.attribute import attribute
from ingest.load import load
from quotedesk.models import Article

# An invented article: a BOM, a header block, CRLF line ends, tabs, runs of spaces, a
# no-break space and a zero-width space inside quotes, curly marks, a glued sentence,
# and a long paragraph pasted twice (the copy is dropped by cleaning).
_REPEATED = (
    "The ferry carried more than four hundred commuters a day before the engine failed in "
    "October, and the council spent the winter arguing about who should pay for repairs."
)
MESSY = (
    "\ufeffTitle: Harbour ferry returns\r\n"
    "Author: Mira Okafor\r\n"
    "Published Time: 2024-03-02\r\n"
    "Text:\r\n"
    "The harbour ferry will sail again next month.\r\n\r\n"
    f"{_REPEATED}\r\n\r\n"
    "\u201cWe  have\tfixed the engines and the\u00a0schedule,\u201d said Tomas Verhoeven,"
    " the ferry manager.   \r\n\r\n\r\n\r\n"
    f"{_REPEATED}\r\n\r\n"
    "\tPassengers had waited since autumn.Verhoeven said tickets would cost the same.\r\n\r\n"
    "\u201cNobody will pay\u200b more this year,\u201d he said.\r\n"
)


def _file_text(path: Path) -> str:
    """The file as the offsets define it: decoded, BOM dropped, line ends untouched."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return handle.read()


def _squashed(text: str) -> str:
    return "".join(text.replace("\u200b", "").split())


def _mismatches(article: Article, original: str) -> list[str]:
    """Quotes whose original span is not in ``original`` word for word (a list to show)."""
    assert article.original() == original
    bad = []
    for quote in attribute(article):
        start, end = article.original_span(quote.start, quote.end)
        if _squashed(original[start:end]) != _squashed(quote.text):
            bad.append(f"{article.source} {start}-{end}: {original[start:end]!r} != {quote.text!r}")
    return bad


def _mismatches_in(article: Article, path: Path) -> list[str]:
    return _mismatches(article, _file_text(path))


@pytest.fixture()
def messy_file(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_bytes(MESSY.encode("utf-8-sig"))
    return path


def test_offsets_index_the_file_itself_through_cleaning(messy_file: Path) -> None:
    """Header, CRLF, tabs, space runs and a dropped copy all shift the cleaned text."""
    (article,) = load([messy_file])
    original = _file_text(messy_file)
    quotes = attribute(article)
    texts = [original[slice(*article.original_span(q.start, q.end))] for q in quotes]
    assert "We  have\tfixed the engines and the\u00a0schedule" in texts
    assert "Nobody will pay\u200b more this year" in texts
    assert all(original.count(text) == 1 for text in texts)
    # the stored offsets alone would point elsewhere: the header and \r shift them
    assert all(article.original_span(q.start, q.end)[0] != q.start for q in quotes)
    assert not _mismatches(article, original)


def test_markdown_offsets_index_the_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "ferry.md"
    path.write_text(
        "---\ntitle: Ferry back\n---\n# Ferry back\n\n> Quiet **harbour** news.\n\n"
        '"We fixed the [engines](http://example.org) at last," said Tomas Verhoeven.\n',
        encoding="utf-8",
    )
    (article,) = load([path])
    original = _file_text(path)
    (quote,) = attribute(article)
    start, end = article.original_span(quote.start, quote.end)
    assert original[start:end] == "We fixed the [engines](http://example.org) at last"
    assert article.offsets_in == "file"


def test_html_and_record_offsets_say_which_text_they_index(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    record = {"text": '"We fixed\u00a0it," said Tomas Verhoeven.\n\nMore  text here.'}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = load([path])
    assert article.offsets_in == "record"
    assert article.original() == record["text"]
    assert not _mismatches(article, record["text"])


def test_a_whitespace_only_change_to_the_file_is_a_new_version(messy_file: Path) -> None:
    """Same words, other layout: the offsets moved, so the stored version must change."""
    (before,) = load([messy_file])
    messy_file.write_bytes(MESSY.replace("\r\n", "\n").encode("utf-8"))
    (after,) = load([messy_file])
    assert after.id == before.id and after.text == before.text
    assert after.content_hash != before.content_hash


def test_citations_from_the_store_quote_the_file(messy_file: Path, db_path: Path) -> None:
    """End to end: stored in Chroma, read back through the lexical index, cited, shown."""
    from assistant import QuoteDesk
    from assistant.citations import cite_quote
    from quotedesk.web.ui_format import source_markdown

    desk = QuoteDesk(db_path)
    assert desk.ingest([messy_file]).ok
    original = _file_text(messy_file)
    answer = desk.ask("who said nobody will pay more this year?")
    citation = answer.citations[0]
    assert citation.quote == original[citation.file_start : citation.file_end]
    assert "Nobody will pay\u200b more this year" in citation.quote
    assert f"characters {citation.file_start}-{citation.file_end} of ferry.txt" in answer.answer
    shown = f"characters {citation.file_start}-{citation.file_end} of ferry\\.txt"  # escaped
    assert shown in source_markdown(citation)
    article = desk.store.get_article(citation.article_id)
    for quote in desk.retriever.quotes_in(article.id):
        cited = cite_quote(desk.retriever, quote)
        assert cited.quote == original[cited.file_start : cited.file_end]


def test_every_quote_of_the_news_corpus_is_at_its_file_offsets(
    news_dir: Path, sample_article_path: Path
) -> None:
    paths = [*sorted(news_dir.iterdir()), sample_article_path]
    bad = [m for path in paths for article in load([path]) for m in _mismatches_in(article, path)]
    assert not bad


def test_every_quote_of_the_ggt_articles_is_at_its_record_offsets(ggt_path: Path) -> None:
    lines = ggt_path.read_text(encoding="utf-8").split("\n")
    bad = []
    for article in load([ggt_path]):
        record = json.loads(lines[int(article.source.rsplit(":", 1)[1]) - 1])
        bad += _mismatches(article, record["text"])
    assert not bad


def test_stored_news_citations_quote_their_files(news_dir: Path) -> None:
    """Every stored quote of the shared library, cited through the store, is in its file."""
    from assistant_library import open_desk

    from assistant.citations import cite_quote
    from quotedesk.resources import SAMPLE_ARTICLE

    # listings name files, never folders: find each one where the library was built from
    paths = {p.name: p for p in [Path(SAMPLE_ARTICLE), *news_dir.iterdir()]}
    desk = open_desk()
    checked = 0
    for summary in desk.articles():
        original = _file_text(paths[summary.source])
        for quote in desk.retriever.quotes_in(summary.id):
            cited = cite_quote(desk.retriever, quote)
            assert cited.quote == original[cited.file_start : cited.file_end]
            checked += 1
    assert checked > 200
