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


def test_a_local_library_keeps_its_index_for_the_next_process(tmp_path, monkeypatch) -> None:
    """A second process (a new Retriever) loads the saved index instead of rebuilding it."""
    from assistant_library import store

    from ingest.pipeline import ingest
    from quotedesk.resources import SAMPLE_ARTICLE
    from quotedesk.store import Store

    shared = store()
    fresh = Store(shared.settings.with_(db_path=tmp_path / "lib"), embeddings=shared.embeddings)
    ingest(fresh, [SAMPLE_ARTICLE])
    first_hits, _ = Retriever(fresh).search("a cold war will go on")
    saved = list((tmp_path / "lib").glob(".quotedesk-lexical-*.pkl"))
    assert len(saved) == 1

    def no_rebuild() -> None:
        raise AssertionError("the saved index should have been loaded")

    with monkeypatch.context() as patch:
        patch.setattr(fresh, "all_quotes", no_rebuild)
        next_hits, _ = Retriever(fresh).search("a cold war will go on")
    assert [h.id for h in next_hits] == [h.id for h in first_hits]

    fresh.remove(fresh.articles()[0].id)  # a new library version replaces the old file
    assert Retriever(fresh).index().records == []
    replaced = list((tmp_path / "lib").glob(".quotedesk-lexical-*.pkl"))
    assert len(replaced) == 1 and replaced != saved


def test_a_torn_index_file_is_rebuilt(tmp_path) -> None:
    from assistant_library import store

    from ingest.pipeline import ingest
    from quotedesk.resources import SAMPLE_ARTICLE
    from quotedesk.store import Store

    shared = store()
    fresh = Store(shared.settings.with_(db_path=tmp_path / "lib"), embeddings=shared.embeddings)
    ingest(fresh, [SAMPLE_ARTICLE])
    Retriever(fresh).index()
    (saved,) = (tmp_path / "lib").glob(".quotedesk-lexical-*.pkl")
    saved.write_bytes(saved.read_bytes()[:100])
    hits, _ = Retriever(fresh).search("a cold war will go on")
    assert "A cold war will go on." in hits[0].text
