"""The lexical index file: BM25 ranking, incremental syncs, merges, removals, sharing."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from assistant import lexical
from assistant.lexical import LexicalIndex, Restriction
from quotedesk.models import Article, Passage, Quote
from quotedesk.store import Contents


@dataclass
class Library:
    """Stands in for the store: only the two calls a sync makes."""

    articles: dict[str, Contents] = field(default_factory=dict)
    reads: list[str] = field(default_factory=list)

    def add(self, article_id: str, *quotes: tuple[str, str], outlet: str = "", day: int = 0):
        records, offset = [], 0
        for i, (speaker, text) in enumerate(quotes):
            records.append(
                Quote(text, offset, offset + len(text), speaker, "direct", 0.9,
                      article_id=article_id, id=f"{article_id}:q{i}")
            )  # fmt: skip
            offset += len(text) + 1
        whole = " ".join(text for _speaker, text in quotes)
        passage = Passage(f"{article_id}:p0", article_id, 0, 0, len(whole), whole)
        published = f"{day // 10000}-{day // 100 % 100:02d}-{day % 100:02d}" if day else None
        article = Article(
            article_id, f"Title {article_id}", whole, f"{article_id}.txt", article_id,
            published=published, outlet=outlet or None,
        )  # fmt: skip
        self.articles[article_id] = Contents(article, [passage], records)

    def article_versions(self) -> dict[str, str | None]:
        return {i: c.article.content_hash for i, c in self.articles.items()}

    def contents(self, ids) -> list[Contents]:
        self.reads.extend(ids)
        return [self.articles[i] for i in ids if i in self.articles]


def quotes_found(index: LexicalIndex, text: str, **restriction) -> list[str]:
    hits = index.search(text, 10, Restriction(kinds=("quote",), **restriction))
    return [record.text for record, _score in hits]


def test_rare_words_rank_first(tmp_path) -> None:
    library = Library()
    library.add("a", ("Ann Lee", "the weather is fine today"), ("Bo Chan", "zanzibar trade routes"))
    index = LexicalIndex(tmp_path / "index.sqlite")
    index.sync(library, 1)
    assert quotes_found(index, "zanzibar weather routes")[0] == "zanzibar trade routes"
    assert index.speakers() == ["Ann Lee", "Bo Chan"]
    quotes, _passages = index.records_of("a")
    assert [q.speaker for q in quotes] == ["Ann Lee", "Bo Chan"]
    assert index.article("a") == library.articles["a"].article
    assert index.article("missing") is None


def test_an_article_corrected_in_place_is_read_again(tmp_path) -> None:
    """Straightened apostrophes keep an article's id (it hashes folded text), not its hash."""
    from dataclasses import replace

    library = Library()
    library.add("a", ("Ann Lee", "the ferry\u2019s late again"))
    index = LexicalIndex(tmp_path / "index.sqlite")
    index.sync(library, 1)
    library.add("a", ("Ann Lee", "the ferry's late again"))
    corrected = library.articles["a"]
    article = replace(corrected.article, title="Ferry late", content_hash="a2")
    library.articles["a"] = replace(corrected, article=article)
    index.sync(library, 2)
    assert index.article("a") == article
    assert quotes_found(index, "ferry late") == ["the ferry's late again"]
    assert index.counts() == {"articles": 1, "passages": 1, "quotes": 1}


def test_an_article_without_records_is_indexed_and_found_by_id(tmp_path) -> None:
    library = Library()
    library.add("a", ("Ann Lee", "the harbour reopens"))
    bare = library.articles["a"].article
    library.articles["a"] = Contents(bare, [], [])
    index = LexicalIndex(tmp_path / "index.sqlite")
    index.sync(library, 1)
    assert index.article("a") == bare
    assert index.search("harbour", 5) == []


def test_restrictions_filter_speakers_outlets_and_days(tmp_path) -> None:
    library = Library()
    library.add("a", ("Ann Lee", "taxes will rise"), outlet="Herald", day=20200105)
    library.add("b", ("Bo Chan", "taxes will fall"), outlet="Courier", day=20210105)
    index = LexicalIndex(tmp_path / "index.sqlite")
    index.sync(library, 1)
    assert quotes_found(index, "taxes", speakers=("Bo Chan",)) == ["taxes will fall"]
    assert quotes_found(index, "taxes", outlet="Herald") == ["taxes will rise"]
    assert quotes_found(index, "taxes", date_from=20210101) == ["taxes will fall"]
    assert quotes_found(index, "taxes", date_to=20201231) == ["taxes will rise"]
    assert index.outlets() == ["Courier", "Herald"]
    earliest_first = index.quotes(Restriction(speakers=("Bo Chan", "Ann Lee")))
    assert [q.speaker for q in earliest_first] == ["Ann Lee", "Bo Chan"]


def test_a_sync_reads_only_new_articles_and_drops_removed_ones(tmp_path) -> None:
    library = Library()
    library.add("a", ("Ann Lee", "the harbour reopens on monday"))
    index = LexicalIndex(tmp_path / "index.sqlite")
    index.sync(library, 1)
    library.add("b", ("Bo Chan", "the harbour stays shut"))
    del library.articles["a"]
    library.reads.clear()
    index.sync(library, 2)
    assert library.reads == ["b"]
    assert quotes_found(index, "harbour") == ["the harbour stays shut"]
    assert index.speakers() == ["Bo Chan"]
    assert index.counts() == {"articles": 1, "passages": 1, "quotes": 1}
    index.sync(library, 2)  # same version: nothing read
    assert library.reads == ["b"]


def test_merged_segments_rank_exactly_like_one_sync(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(lexical, "FANOUT", 3)
    monkeypatch.setattr(lexical, "PURGE_MIN", 2)
    monkeypatch.setattr(lexical, "PURGE_SHARE", 0.05)
    library = Library()
    growing = LexicalIndex(tmp_path / "growing.sqlite")
    for n in range(10):
        library.add(f"a{n}", (f"Speaker {n}", f"harbour news number {n} " + "tide " * n))
        growing.sync(library, n)
    del library.articles["a4"]
    growing.sync(library, 10)
    for n in range(10, 13):
        library.add(f"a{n}", (f"Speaker {n}", f"harbour news number {n}"))
        growing.sync(library, n + 1)
    once = LexicalIndex(tmp_path / "once.sqlite")
    once.sync(library, 1)

    def ranking(index: LexicalIndex) -> list[tuple[str, float]]:
        return [(r.id, round(s, 4)) for r, s in index.search("harbour tide news", 50)]

    assert ranking(growing) == ranking(once)
    assert "a4:q0" not in dict(ranking(growing))
    db = growing._db()
    assert db.execute("SELECT count(*) FROM segments").fetchone()[0] < 5
    assert db.execute("SELECT count(*) FROM dead").fetchone()[0] == 0  # 2 of 26 rows: purged


def test_two_processes_syncing_one_file_add_each_article_once(tmp_path) -> None:
    library = Library()
    for n in range(30):
        library.add(f"a{n}", (f"Speaker {n}", f"statement number {n} about the budget"))
    path = tmp_path / "shared.sqlite"
    first, second = LexicalIndex(path), LexicalIndex(path)
    threads = [threading.Thread(target=i.sync, args=(library, 1)) for i in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert first.counts() == second.counts() == {"articles": 30, "passages": 30, "quotes": 30}
    assert len(second.search("budget", 100)) == 60


def test_an_index_of_another_format_is_rebuilt(tmp_path, monkeypatch) -> None:
    library = Library()
    library.add("a", ("Ann Lee", "the harbour reopens"))
    path = tmp_path / "index.sqlite"
    LexicalIndex(path).sync(library, 1)
    monkeypatch.setattr(lexical, "FORMAT", "next")
    rebuilt = LexicalIndex(path)
    assert rebuilt.version is None and rebuilt.counts()["quotes"] == 0
    rebuilt.sync(library, 1)
    assert quotes_found(rebuilt, "harbour") == ["the harbour reopens"]


def test_a_server_library_is_indexed_in_the_cache_or_a_scratch_folder(tmp_path) -> None:
    from quotedesk.config import Settings

    one = Settings(chroma_url="http://10.0.0.1:8000", cache_dir=tmp_path / "cache")
    other = one.with_(chroma_url="http://10.0.0.2:8000")
    assert lexical.index_path(one).parent == tmp_path / "cache"
    assert lexical.index_path(one) != lexical.index_path(other)
    (tmp_path / "blocked").write_text("a file where the cache folder should be")
    index = lexical.open_index(one.with_(cache_dir=tmp_path / "blocked"))
    library = Library()
    library.add("a", ("Ann Lee", "the harbour reopens"))
    index.sync(library, 1)
    assert quotes_found(index, "harbour") == ["the harbour reopens"]
