"""Hybrid retrieval: paraphrases, exact words, filters, and a cache that follows the library."""

from __future__ import annotations

import pytest
from assistant_library import open_desk

from assistant.retrieve import Filters, LexicalIndex, Retriever
from quotedesk.models import Passage, Quote


@pytest.fixture(scope="module")
def retriever() -> Retriever:
    return open_desk().retriever


def test_paraphrase_finds_the_passage(retriever) -> None:
    hits, trace = retriever.search("the cold war will go on", fragment="the cold war will go on")
    assert "A cold war will go on." in hits[0].text
    assert {"fuzzy"} <= set(hits[0].signals)
    assert trace.queries == ("the cold war will go on",)


def test_signals_are_fused_from_vectors_and_bm25(retriever) -> None:
    hits, _ = retriever.search("Russophobia and Sinophobia in Western elites")
    top = hits[0]
    assert "Russophobia" in top.text
    assert "bm25" in top.signals
    assert {"vector", "vector_passage"} & set(top.signals)


def test_speaker_filter_keeps_only_that_speakers_quotes(retriever) -> None:
    names = retriever.speakers_named("Putin")
    assert names == ["Vladimir Putin"]
    hits, trace = retriever.search("cooperation", filters=Filters(speakers=tuple(names)))
    assert hits
    assert all(h.kind == "quote" and h.quote.speaker == "Vladimir Putin" for h in hits)
    assert trace.filters == {"speaker": ["Vladimir Putin"]}


def test_date_filter_excludes_other_days(retriever) -> None:
    inside, _ = retriever.search("cold war", filters=Filters(date_from=20211201, date_to=20211231))
    assert inside
    assert all(retriever.published_day(h.article_id) // 100 == 202112 for h in inside)
    outside, _ = retriever.search("cold war", filters=Filters(date_from=20300101))
    assert outside == []


def test_bm25_index_ranks_rare_words_first() -> None:
    quotes = [
        Quote("the weather is fine today", 0, 25, "A", "direct", 1.0, article_id="a", id="q1"),
        Quote("zanzibar trade routes matter", 30, 58, "B", "direct", 1.0, article_id="a", id="q2"),
    ]
    passages = [Passage("p1", "a", 0, 0, 58, "the weather is fine today. zanzibar trade")]
    index = LexicalIndex(quotes, passages, {"a": ("Outlet", 20200101)})
    top = index.search("zanzibar routes", k=2)
    assert top[0][0].item.id == "q2"
    assert index.speakers == ["A", "B"]


def test_index_is_rebuilt_when_the_library_changes(tmp_path) -> None:
    from assistant_library import store

    from ingest.pipeline import ingest
    from quotedesk.resources import SAMPLE_ARTICLE
    from quotedesk.store import Store

    shared = store()
    fresh = Store(shared.settings.with_(db_path=tmp_path / "lib"), embeddings=shared.embeddings)
    retriever = Retriever(fresh)
    empty = retriever.index()
    assert empty.records == []
    ingest(fresh, [SAMPLE_ARTICLE])
    assert retriever.index() is empty  # as of the last refresh: one version read per question
    retriever.refresh()
    rebuilt = retriever.index()
    assert rebuilt is not empty and rebuilt.records
    hits, _ = retriever.search("a cold war will go on")
    assert hits
