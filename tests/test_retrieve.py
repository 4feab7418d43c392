"""Hybrid retrieval: paraphrases, exact words, filters, and a cache that follows the library."""

from __future__ import annotations

import pytest
from assistant_library import open_desk

from assistant.retrieve import Filters, Retriever


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


def test_the_index_follows_the_library_when_asked_to_refresh(tmp_path) -> None:
    from assistant_library import store

    from ingest.pipeline import ingest
    from quotedesk.resources import SAMPLE_ARTICLE
    from quotedesk.store import Store

    shared = store()
    fresh = Store(shared.settings.with_(db_path=tmp_path / "lib"), embeddings=shared.embeddings)
    retriever = Retriever(fresh)
    assert retriever.search("a cold war will go on")[0] == []
    ingest(fresh, [SAMPLE_ARTICLE])
    retriever.refresh()
    hits, _ = retriever.search("a cold war will go on")
    assert "A cold war will go on." in hits[0].text
    assert "Yury Tavrovsky" in retriever.index().speakers()

    fresh.remove(fresh.articles()[0].id)
    retriever.refresh()
    assert retriever.index().search("cold war", k=5) == []
    assert retriever.index().speakers() == []


def test_the_next_process_reads_only_what_changed(tmp_path, monkeypatch) -> None:
    """A new Retriever (another CLI call, another app replica) opens the saved index and
    reads from the library only the articles added since."""
    from assistant_library import store

    from ingest.pipeline import ingest
    from quotedesk.resources import SAMPLE_ARTICLE
    from quotedesk.store import Store

    shared = store()
    fresh = Store(shared.settings.with_(db_path=tmp_path / "lib"), embeddings=shared.embeddings)
    ingest(fresh, [SAMPLE_ARTICLE])
    first_hits, _ = Retriever(fresh).search("a cold war will go on")
    assert (tmp_path / "lib" / ".quotedesk-lexical.sqlite").is_file()

    read: list[list[str]] = []
    contents = fresh.contents
    monkeypatch.setattr(fresh, "contents", lambda ids: read.append(list(ids)) or contents(ids))
    next_hits, _ = Retriever(fresh).search("a cold war will go on")
    assert [h.id for h in next_hits] == [h.id for h in first_hits]
    assert read == []

    other = tmp_path / "other.txt"
    other.write_text('Title: Harbour news\n\n"The harbour reopens on Monday," Ann Lee said.\n')
    (added,) = [r.article_id for r in ingest(fresh, [other]).results]
    hits, _ = Retriever(fresh).search("harbour reopens")
    assert read == [[added]]
    assert hits[0].quote is not None and hits[0].quote.speaker == "Ann Lee"


def test_a_torn_index_file_is_rebuilt(tmp_path) -> None:
    from assistant_library import store

    from ingest.pipeline import ingest
    from quotedesk.resources import SAMPLE_ARTICLE
    from quotedesk.store import Store

    shared = store()
    fresh = Store(shared.settings.with_(db_path=tmp_path / "lib"), embeddings=shared.embeddings)
    ingest(fresh, [SAMPLE_ARTICLE])
    Retriever(fresh).index()
    saved = tmp_path / "lib" / ".quotedesk-lexical.sqlite"
    saved.write_bytes(b"not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (tmp_path / "lib" / f".quotedesk-lexical.sqlite{suffix}").unlink(missing_ok=True)
    hits, _ = Retriever(fresh).search("a cold war will go on")
    assert "A cold war will go on." in hits[0].text
