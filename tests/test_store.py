"""The library as a user meets it: re-ingest is a no-op, a changed article replaces its old
version without orphans, remove deletes everything, and a wrong embedder, a missing library
or a read-only folder each stop with a message that says what to do."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from quotedesk.config import Settings
from quotedesk.embeddings import MINILM_DIM
from quotedesk.errors import EmbedderMismatchError, StoreError
from quotedesk.models import Article, Passage, Quote
from quotedesk.store import Store

QUOTEDESK = Path(sys.executable).parent / "quotedesk"


def make_article(text: str, source: str = "desk/story.txt") -> Article:
    """An article whose id and hash come from its text, as the loader does."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(
        id=digest[:16],
        title="Council votes on the budget",
        text=text,
        source=source,
        content_hash=digest,
        author="Ann Writer",
        published="2021-12-16",
        outlet="The Daily",
    )


def records(article: Article) -> tuple[list[Passage], list[Quote]]:
    """One passage per sentence and one quote per quoted span, offsets into article.text."""
    passages = [
        Passage(f"{article.id}-p{i}", article.id, i, m.start(), m.end(), m.group())
        for i, m in enumerate(re.finditer(r"[^.]+\.", article.text))
    ]
    quotes = [
        Quote(
            text=m.group(1),
            start=m.start(1),
            end=m.end(1),
            speaker="Jane Roe",
            kind="direct",
            confidence=0.9,
            article_id=article.id,
            id=f"{article.id}-q{i}",
        )
        for i, m in enumerate(re.finditer(r'"([^"]+)"', article.text))
    ]
    return passages, quotes


FIRST = (
    'The council met on Monday. "We will cut taxes," said Jane Roe. "Roads come first," she said.'
)
CHANGED = 'The council met on Tuesday. "We will raise taxes," said Jane Roe.'


@pytest.fixture()
def store(db_path: Path) -> Store:
    return Store(Settings.from_env())


def put(store: Store, article: Article) -> str:
    return store.put(article, *records(article))


def test_same_article_again_changes_nothing(store: Store) -> None:
    article = make_article(FIRST)
    assert put(store, article) == "added"
    before = store.stats()
    assert before == {"articles": 1, "passages": 3, "quotes": 2}
    assert put(store, article) == "unchanged"
    assert store.stats() == before


def test_stored_quotes_slice_back_out_of_the_stored_text(store: Store) -> None:
    article = make_article(FIRST)
    put(store, article)
    stored = store.get_article(article.id)
    assert stored is not None and stored.text == FIRST
    assert (stored.author, stored.outlet, stored.published) == (
        "Ann Writer",
        "The Daily",
        "2021-12-16",
    )
    quotes = store.quotes_of(article.id)
    assert [q.text for q in quotes] == ["We will cut taxes,", "Roads come first,"]
    assert all(stored.text[q.start : q.end] == q.text for q in quotes)


def test_changed_article_at_same_source_replaces_old_version(store: Store) -> None:
    old, new = make_article(FIRST), make_article(CHANGED)
    put(store, old)
    assert put(store, new) == "updated"
    assert store.stats() == {"articles": 1, "passages": 2, "quotes": 1}
    assert store.get_article(old.id) is None
    assert store.passages_of(old.id) == []
    assert store.quotes_of(old.id) == []
    assert [q.text for q in store.all_quotes()] == ["We will raise taxes,"]
    assert [a.id for a in store.articles()] == [new.id]


def test_same_text_from_another_source_is_a_separate_article(store: Store) -> None:
    put(store, make_article(FIRST, source="a.txt"))
    put(store, make_article(CHANGED, source="b.txt"))
    assert store.stats()["articles"] == 2


def test_a_batch_write_reports_each_article_and_replaces_older_versions(store: Store) -> None:
    from quotedesk.store import Entry

    old, new = make_article(FIRST), make_article(CHANGED)
    other = make_article('"Parks stay open," said Bo Chan.', source="other.txt")
    put(store, old)
    entries = [Entry(a, *records(a)) for a in (new, other, other)]
    assert store.put_many(entries) == ["updated", "added", "unchanged"]
    assert store.stats() == {"articles": 2, "passages": 3, "quotes": 2}
    assert store.get_article(old.id) is None
    assert {a.id for a in store.articles()} == {new.id, other.id}
    assert store.put_many(entries[:2]) == ["unchanged", "unchanged"]


def test_remove_deletes_the_article_and_all_its_records(store: Store) -> None:
    keep, gone = make_article(CHANGED, source="keep.txt"), make_article(FIRST)
    put(store, keep)
    put(store, gone)
    assert store.remove(gone.id) is True
    assert store.stats() == {"articles": 1, "passages": 2, "quotes": 1}
    assert store.passages_of(gone.id) == [] and store.quotes_of(gone.id) == []
    assert store.remove(gone.id) is False


def test_remove_from_the_command_line(store: Store, db_path: Path) -> None:
    article = make_article(FIRST)
    put(store, article)
    done = _cli("remove", article.id, "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert _cli("remove", article.id, "--db", str(db_path)).returncode == 1
    assert Store(Settings.from_env()).stats()["articles"] == 0


class OtherEmbeddings(Embeddings):
    """Stands in for any other embedder (e.g. OpenAI) without a network call."""

    identity = "other-test-embedder"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[1.0] + [0.0] * (MINILM_DIM - 1) for _ in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def test_library_refuses_a_different_embedder(store: Store) -> None:
    put(store, make_article(FIRST))
    with pytest.raises(EmbedderMismatchError) as refused:
        Store(Settings.from_env(), embeddings=OtherEmbeddings())
    message = str(refused.value)
    assert "all-MiniLM" in message and "other-test-embedder" in message
    assert "QUOTEDESK_EMBEDDINGS" in message
    # the refusal changed nothing
    assert Store(Settings.from_env()).stats()["articles"] == 1


def test_missing_library_is_refused_for_reading_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "never-ingested"
    with pytest.raises(StoreError, match="quotedesk ingest"):
        Store(Settings(db_path=missing), create=False)
    done = _cli("stats", "--db", str(missing))
    assert done.returncode == 1
    assert "no library" in done.stderr and "Traceback" not in done.stderr
    assert not missing.exists()


def _set_read_only(folder: Path, read_only: bool) -> None:
    if os.geteuid() != 0:
        folder.chmod(0o555 if read_only else 0o755)
        return
    # root ignores file modes; the immutable flag binds root too
    flag = "+i" if read_only else "-i"
    if subprocess.run(["chattr", flag, str(folder)], capture_output=True).returncode:
        pytest.skip("running as root where chattr is not permitted: cannot make a folder read-only")


@pytest.fixture()
def readonly_library(tmp_path: Path) -> Iterator[Path]:
    library = tmp_path / "db"
    Store(Settings(db_path=library))  # an existing, empty library
    _set_read_only(library, True)
    yield library
    _set_read_only(library, False)


def test_read_only_library_folder_gives_a_clear_error(
    readonly_library: Path, sample_article_path: Path
) -> None:
    done = _cli("ingest", str(sample_article_path), "--db", str(readonly_library))
    assert done.returncode == 1
    assert "read-only" in done.stderr or "cannot write" in done.stderr
    assert str(readonly_library) in done.stderr
    assert "Traceback" not in done.stderr


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QUOTEDESK_CHROMA_URL"}
    return subprocess.run(
        [str(QUOTEDESK), *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_an_article_the_store_refuses_fails_alone_in_its_batch(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ingest writes a batch in one call; when that call fails, each article is retried
    alone, so only the article at fault is reported failed."""
    from ingest.pipeline import ingest

    for name, text in (("a.txt", FIRST), ("b.txt", CHANGED), ("bad.txt", '"No," Bo Chan said.')):
        (tmp_path / name).write_text(f"Title: {name}\n\n{text}\n")
    put_many = store.put_many

    def refuse_bad(entries):
        if any(e.article.source.endswith("bad.txt") for e in entries):
            raise ValueError("metadata too large")
        return put_many(entries)

    monkeypatch.setattr(store, "put_many", refuse_bad)
    report = ingest(store, sorted(tmp_path.glob("*.txt")))
    assert [(Path(r.source).name, r.status) for r in report.results] == [
        ("a.txt", "added"),
        ("b.txt", "added"),
        ("bad.txt", "failed"),
    ]
    assert "metadata too large" in report.failed[0].reason
    assert store.stats()["articles"] == 2


def test_a_reader_sees_what_a_writer_opened_earlier_adds(store: Store, db_path: Path) -> None:
    """Two app replicas opened at the same generation both ingest; a third process that
    answered in between must still find the second replica's article."""
    from assistant import QuoteDesk

    late_writer = Store(Settings.from_env())  # opened now, writes after `store` has
    put(store, make_article(FIRST, source="a.txt"))
    reader = QuoteDesk(store=Store(Settings.from_env()))
    assert reader.verify("We will cut taxes", speaker="Jane Roe").verdict == "verified"
    put(late_writer, make_article('"Parks stay open," she said.', source="b.txt"))
    assert reader.verify("Parks stay open", speaker="Jane Roe").verdict == "verified"


def tear_a_write(store: Store, article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """Write ``article`` up to its records and layout, then die where its article row
    would be written (what a writer killed mid-write leaves)."""

    def killed(**_rows: object) -> None:
        raise RuntimeError("killed")

    with monkeypatch.context() as patch:
        patch.setattr(store._articles, "upsert", killed)
        with pytest.raises(RuntimeError, match="killed"):
            put(store, article)


def raw_counts(store: Store) -> tuple[int, int]:
    return store._passages.count(), store._quotes.count()


def test_an_interrupted_write_shows_nowhere_and_opening_clears_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import QuoteDesk

    keep = make_article(CHANGED, source="keep.txt")
    put(store, keep)
    tear_a_write(store, make_article(FIRST), monkeypatch)
    assert raw_counts(store) == (5, 3)  # the torn article's records are there...
    assert store.stats() == {"articles": 1, "passages": 2, "quotes": 1}  # ...but not shown
    assert [q.text for q in store.all_quotes()] == ["We will raise taxes,"]
    answer = QuoteDesk(store=store).ask("who said we will cut taxes?")
    assert all(c.article_id == keep.id for c in answer.citations)
    assert answer.trace and all(c.id.startswith(keep.id) for c in answer.trace.candidates)

    reopened = Store(Settings.from_env())
    assert raw_counts(reopened) == (2, 1)
    assert put(reopened, make_article(FIRST)) == "added"  # a rerun completes it
    assert reopened.stats() == {"articles": 2, "passages": 5, "quotes": 3}
