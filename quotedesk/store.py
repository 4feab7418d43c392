"""The library: articles, passages and quotes in Chroma, the only thing ingest and
the assistant share.

Five collections. ``articles`` holds each article's full cleaned text and metadata
(a one-dimensional constant vector: articles are fetched by id, never by similarity),
so any citation can be re-sliced by offsets. ``passages`` and ``quotes`` hold
embedded records whose metadata points back to the article and offsets. ``layouts``
holds, per article, the offsets and attributions of all its records as one small JSON
document: with the article text that is everything the assistant's lexical index
needs, read a few hundred articles per call instead of paging millions of records.
``pending`` is a write journal: an article's records become visible only with its
``articles`` row, which is written last; a write names its articles in the journal first,
so records a killed writer left behind can be hidden from readers and cleared on open.

Local mode uses an embedded ``PersistentClient`` guarded by a write lock file (the
embedded store is single-process); server mode (``QUOTEDESK_CHROMA_URL``) uses
``HttpClient`` and keeps every piece of state, the embedder identity included, in the
server, so several app processes share one library.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlparse

from langchain_core.embeddings import Embeddings

from quotedesk.config import Settings
from quotedesk.errors import EmbedderMismatchError, StoreError, StoreLockedError
from quotedesk.models import Article, ArticleSummary, IngestStatus, Passage, Quote, Turn

ARTICLES, PASSAGES, QUOTES, LAYOUTS = "qd_articles", "qd_passages", "qd_quotes", "qd_layouts"
PENDING = "qd_pending"
LOCK_FILE = ".quotedesk-write.lock"
_PAGE = 1000
_NO_VECTOR = [1.0]  # articles are looked up by id; a constant vector costs nothing
#: A server library's journal entry this old belongs to a writer that died: one write
#: (a batch of already embedded articles) takes seconds, so a live writer is never cut off.
STALE_WRITE_S = 600.0


def published_day(published: str | None) -> int:
    """``2021-12-16`` -> 20211216, for Chroma's numeric range filters (0 when unknown)."""
    if not published:
        return 0
    try:
        day = datetime.fromisoformat(published).date()
    except ValueError:
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            return 0
    return day.year * 10000 + day.month * 100 + day.day


def source_name(source: str) -> str:
    """What a listing shows of a source: a URL as it is, a file by its name (with a JSONL
    line or JSON index); never the folders of the machine that ingested it."""
    if source.startswith(("http://", "https://")):
        return source
    return PurePath(source).name or source


def structure_json(article: Article) -> str:
    """A transcript's turns and times or a PDF's pages as one metadata string ("" for none)."""
    if article.kind == "article":
        return ""
    turns = [[t.start, t.end, t.speaker, t.label] for t in article.turns]
    shape = {"turns": turns, "times": article.times, "pages": article.pages}
    return json.dumps(shape, separators=(",", ":"))


def structure_fields(kind: str | None, structure: str | None) -> dict[str, Any]:
    """The Article fields ``structure_json`` wrote (none for plain articles)."""
    if not kind or kind == "article" or not structure:
        return {}
    shape = json.loads(structure)
    return {
        "kind": kind,
        "turns": tuple(Turn(*t) for t in shape["turns"]),
        "times": tuple((int(o), str(t)) for o, t in shape["times"]),
        "pages": tuple(shape["pages"]),
    }


def _article_fields(article: Article) -> dict[str, Any]:
    """Article metadata copied onto passages and quotes, for filters and citations."""
    return {
        "article_id": article.id,
        "title": article.title,
        "author": article.author or "",
        "outlet": article.outlet or "",
        "published": article.published or "",
        "published_day": published_day(article.published),
        "source": article.source,
    }


@dataclass(frozen=True)
class Contents:
    """One stored article with all its records."""

    article: Article
    passages: list[Passage]
    quotes: list[Quote]


def layout(passages: Sequence[Passage], quotes: Sequence[Quote]) -> str:
    """The ``layouts`` document of an article: its records without their text."""
    return json.dumps(
        {
            "passages": [[p.index, p.start, p.end] for p in passages],
            "quotes": [
                [
                    q.start,
                    q.end,
                    q.speaker,
                    q.speaker_title,
                    q.kind,
                    q.cue,
                    q.mention,
                    q.mention_kind,
                    q.confidence,
                ]
                for q in quotes
            ],
        },
        separators=(",", ":"),
    )


def _from_layout(article_id: str, text: str, document: str) -> tuple[list[Passage], list[Quote]]:
    """Records back from a layout; ids follow ingest's ``{article}:p{i}`` / ``:q{i}``."""
    parsed = json.loads(document)
    passages = [
        Passage(f"{article_id}:p{index}", article_id, index, start, end, text[start:end])
        for index, start, end in parsed["passages"]
    ]
    quotes = [
        Quote(
            text=text[start:end],
            start=start,
            end=end,
            speaker=speaker,
            kind=kind,
            confidence=confidence,
            speaker_title=title,
            cue=cue,
            mention=mention,
            mention_kind=mention_kind,
            article_id=article_id,
            id=f"{article_id}:q{i}",
        )
        for i, (start, end, speaker, title, kind, cue, mention, mention_kind, confidence) in (
            enumerate(parsed["quotes"])
        )
    ]
    return passages, quotes


@dataclass(frozen=True)
class Entry:
    """One article to store with its records and, when already computed, their vectors
    (passages first, then quotes)."""

    article: Article
    passages: Sequence[Passage]
    quotes: Sequence[Quote]
    vectors: Sequence[Sequence[float]] | None = None


def _one_of(key: str, values: Sequence[str]) -> dict[str, Any]:
    """A ``where`` clause matching any of ``values`` (plain equality for one)."""
    return {key: values[0]} if len(values) == 1 else {key: {"$in": list(values)}}


def _or_none(value: Any) -> Any:
    return value if value not in ("", None) else None


class _WriteLock:
    """A cross-process lock on a local library: a second writer is refused, not queued.

    Refusing at once beats blocking: a journalist running ``quotedesk ingest`` while the
    app ingests should hear why, not watch a frozen terminal.
    """

    def __init__(self, db_path: Path) -> None:
        from filelock import FileLock

        self._path = db_path / LOCK_FILE
        self._lock = FileLock(str(self._path), timeout=0)
        self._db_path = db_path

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout:
            raise StoreLockedError(
                f"the library at {self._db_path} is being written by another process; "
                "wait for it to finish, or run a Chroma server (QUOTEDESK_CHROMA_URL) "
                "so several processes can share one library"
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot write to the library at {self._db_path}: {exc}") from exc
        try:
            yield
        finally:
            self._lock.release()


class Store:
    """Read and write the library. Open with ``Store(settings)``.

    ``create=False`` refuses to create a missing local library (reading commands should
    say "nothing ingested yet", not silently make an empty folder somewhere).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        embeddings: Embeddings | None = None,
        create: bool = True,
    ) -> None:
        from quotedesk.embeddings import embedder_identity, make_embeddings

        self.settings = settings
        self.embeddings = embeddings or make_embeddings(settings)
        self.embedder = embedder_identity(self.embeddings)
        self.client = self._connect(settings, create)
        self._lock = None if settings.chroma_url else _WriteLock(settings.db_path)
        self._articles = self._collection(ARTICLES, space="l2")
        self._passages = self._collection(PASSAGES)
        self._quotes = self._collection(QUOTES)
        self._layouts = self._collection(LAYOUTS, space="l2")
        self._pending = self._collection(PENDING, space="l2")
        self._writer = secrets.token_hex(8)  # this process's journal entries
        self._recover()

    # -- connection ---------------------------------------------------------------

    @staticmethod
    def _connect(settings: Settings, create: bool) -> Any:
        import chromadb

        chroma_settings = chromadb.Settings(anonymized_telemetry=False)
        if settings.chroma_url:
            url = urlparse(settings.chroma_url)
            if not url.hostname:
                raise StoreError(f"not a Chroma server URL: {settings.chroma_url!r}")
            try:
                return chromadb.HttpClient(
                    host=url.hostname,
                    port=url.port or (443 if url.scheme == "https" else 8000),
                    ssl=url.scheme == "https",
                    headers=settings.chroma_headers or None,
                    settings=chroma_settings,
                )
            except Exception as exc:  # chromadb raises plain ValueError/ConnectError here
                raise StoreError(
                    f"cannot reach the Chroma server at {settings.chroma_url}: {exc}"
                ) from exc
        path = settings.db_path
        if not path.exists() and not create:
            raise StoreError(
                f"no library at {path} yet: add articles with `quotedesk ingest FILE...` "
                "(or point QUOTEDESK_DB / --db at an existing library)"
            )
        try:
            path.mkdir(parents=True, exist_ok=True)
            if not os.access(path, os.W_OK):
                raise PermissionError(f"{path} is read-only")
            return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        except Exception as exc:
            raise StoreError(f"cannot open the library at {path}: {exc}") from exc

    def _collection(self, name: str, space: str = "cosine") -> Any:
        try:
            collection = self.client.get_or_create_collection(
                name,
                configuration={"hnsw": {"space": space}},
                metadata={"embedder": self.embedder},
                embedding_function=None,  # never Chroma's default: it downloads a model
            )
        except Exception as exc:
            raise StoreError(f"cannot open collection {name} at {self.location}: {exc}") from exc
        stored = (collection.metadata or {}).get("embedder")
        if name != ARTICLES and stored and stored != self.embedder:
            raise EmbedderMismatchError(
                f"the library at {self.location} was built with the {stored} embedder, but "
                f"{self.embedder} is configured; set QUOTEDESK_EMBEDDINGS to match it, or use a "
                "new library (--db DIR) for the other embedder"
            )
        return collection

    @property
    def location(self) -> str:
        return self.settings.store_location

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the write lock (local mode) around a batch of writes."""
        if self._lock is None:
            yield
            return
        with self._lock.hold():
            yield

    @contextlib.contextmanager
    def _server_errors(self) -> Iterator[None]:
        """Name the server when it stops answering (httpx alone says "Connection refused")."""
        import httpx

        try:
            yield
        except httpx.TransportError as exc:
            raise StoreError(
                f"lost the Chroma server at {self.location} ({exc or type(exc).__name__}); "
                "restart it and run the same ingest again to finish"
            ) from exc

    # -- writing --------------------------------------------------------------

    def put(
        self,
        article: Article,
        passages: Sequence[Passage],
        quotes: Sequence[Quote],
        *,
        vectors: Sequence[Sequence[float]] | None = None,
    ) -> IngestStatus:
        """Store an article with its records; re-putting the same content changes nothing.

        ``vectors`` (passages first, then quotes) are the records' embeddings when the
        caller has them; without them the records are embedded here.
        """
        return self.put_many([Entry(article, passages, quotes, vectors)])[0]

    def put_many(self, entries: Sequence[Entry]) -> list[IngestStatus]:
        """Store several articles in a few calls: one lookup, one upsert per collection and
        one version bump for the lot (ingest writes a batch of embedded articles at once).

        A status per entry, in order; an article given twice is "unchanged" the second time.
        """
        with self.writing(), self._server_errors():
            stored = self._stored_hashes([e.article.id for e in entries])
            statuses: list[IngestStatus] = []
            todo: dict[str, Entry] = {}
            for entry in entries:
                article = entry.article
                if stored.get(article.id) == article.content_hash or article.id in todo:
                    statuses.append("unchanged")
                    continue
                todo[article.id] = entry
                statuses.append("updated" if article.id in stored else "added")
            if not todo:
                return statuses
            replaced = self._older_versions([e.article for e in todo.values()])
            with self._journaled([*replaced, *todo]):
                # old versions go first, article rows before records: a crash leaves
                # records of no article (hidden, then cleared), never a half article
                self._delete([*replaced, *todo])
                self._write(list(todo.values()))
            self._bump()
        moved = set(replaced.values())
        return [
            "updated" if status == "added" and entry.article.source in moved else status
            for status, entry in zip(statuses, entries, strict=True)
        ]

    def is_stored(self, article: Article) -> bool:
        """True when this exact version is already in the library (ingest can skip it)."""
        with self._server_errors():
            return self._stored_hashes([article.id]).get(article.id) == article.content_hash

    def _stored_hashes(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """The content hash of each of these articles that is stored."""
        ids = list(dict.fromkeys(article_ids))  # Chroma refuses repeats
        found = self._articles.get(ids=ids, include=["metadatas"])
        return {
            i: meta.get("content_hash")
            for i, meta in zip(found["ids"], found["metadatas"], strict=True)
        }

    def _older_versions(self, articles: Sequence[Article]) -> dict[str, str]:
        """Ids of other stored articles at these articles' sources, with their source."""
        found = self._articles.get(
            where=_one_of("source", [a.source for a in articles]), include=["metadatas"]
        )
        new = {a.id for a in articles}
        return {
            i: meta.get("source", "")
            for i, meta in zip(found["ids"], found["metadatas"], strict=True)
            if i not in new
        }

    def _write(self, entries: Sequence[Entry]) -> None:
        """Upsert records, layouts, then articles: an article is stored only once its
        records are (``is_stored`` reads the article)."""
        missing = [e for e in entries if e.vectors is None]
        texts = [r.text for e in missing for r in (*e.passages, *e.quotes)]
        fresh = iter(self.embeddings.embed_documents(texts) if texts else [])
        rows: dict[str, list[tuple[str, str, Sequence[float], dict[str, Any]]]] = {
            name: [] for name in (PASSAGES, QUOTES, LAYOUTS, ARTICLES)
        }
        for e in entries:
            shared = _article_fields(e.article)
            count = len(e.passages) + len(e.quotes)
            vectors = e.vectors if e.vectors is not None else [next(fresh) for _ in range(count)]
            for p, vector in zip(e.passages, vectors, strict=False):
                meta = {**shared, "index": p.index, "start": p.start, "end": p.end}
                rows[PASSAGES].append((p.id, p.text, vector, meta))
            for q, vector in zip(e.quotes, vectors[len(e.passages) :], strict=True):
                rows[QUOTES].append((q.id, q.text, vector, {**shared, **self._quote_metadata(q)}))
            rows[LAYOUTS].append(
                (
                    e.article.id,
                    layout(e.passages, e.quotes),
                    _NO_VECTOR,
                    {"article_id": e.article.id, "content_hash": e.article.content_hash},
                )
            )
            rows[ARTICLES].append(
                (
                    e.article.id,
                    e.article.text,
                    _NO_VECTOR,
                    self._article_metadata(e.article, e.passages, e.quotes),
                )
            )
        collections = {
            PASSAGES: self._passages,
            QUOTES: self._quotes,
            LAYOUTS: self._layouts,
            ARTICLES: self._articles,
        }
        limit = self.client.get_max_batch_size()
        for name, collection in collections.items():
            for lo in range(0, len(rows[name]), limit):
                ids, documents, embeddings, metadatas = zip(
                    *rows[name][lo : lo + limit], strict=True
                )
                collection.upsert(
                    ids=list(ids),
                    documents=list(documents),
                    embeddings=list(embeddings),
                    metadatas=list(metadatas),
                )

    @staticmethod
    def _quote_metadata(quote: Quote) -> dict[str, Any]:
        return {
            "speaker": quote.speaker or "",
            "speaker_lc": (quote.speaker or "").lower(),
            "speaker_title": quote.speaker_title or "",
            "kind": quote.kind,
            "cue": quote.cue or "",
            "mention": quote.mention or "",
            "mention_kind": quote.mention_kind,
            "start": quote.start,
            "end": quote.end,
            "confidence": float(quote.confidence),
        }

    @staticmethod
    def _article_metadata(
        article: Article, passages: Sequence[Passage], quotes: Sequence[Quote]
    ) -> dict[str, Any]:
        return {
            **_article_fields(article),
            "author_title": article.author_title or "",
            "author_description": article.author_description or "",
            "url": article.url or "",
            "categories": "; ".join(article.categories),
            "content_hash": article.content_hash,
            "cleaning_notes": "\n".join(article.cleaning_notes),
            "passage_count": len(passages),
            "quote_count": len(quotes),
            "offsets_in": article.offsets_in or "",
            "source_edits": json.dumps(article.source_edits, ensure_ascii=False),
            "kind": article.kind,
            "structure": structure_json(article),
        }

    def remove(self, article_id: str) -> bool:
        """Delete an article with all its passages and quotes; False when it is not there."""
        with self.writing():
            if not self._articles.get(ids=[article_id], include=[])["ids"]:
                return False
            with self._journaled([article_id]):
                self._delete([article_id])
            self._bump()
            return True

    def _delete(self, article_ids: Sequence[str]) -> None:
        """Article rows first: from then on readers no longer see these articles."""
        self._articles.delete(ids=list(article_ids))
        self._layouts.delete(ids=list(article_ids))
        self._passages.delete(where=_one_of("article_id", article_ids))
        self._quotes.delete(where=_one_of("article_id", article_ids))

    # -- the write journal ------------------------------------------------------

    @contextlib.contextmanager
    def _journaled(self, article_ids: Sequence[str]) -> Iterator[None]:
        """Name these articles in the journal while they are rewritten or deleted.

        The entries stay when the write fails or the process dies: readers then hide the
        records of those articles that have no article row, and ``_recover`` clears them.
        """
        ids = [f"{self._writer}/{a}" for a in article_ids]
        started = time.time()
        for lo in range(0, len(ids), _PAGE):
            batch = article_ids[lo : lo + _PAGE]
            self._pending.upsert(
                ids=ids[lo : lo + _PAGE],
                embeddings=[_NO_VECTOR] * len(batch),
                metadatas=[{"article_id": a, "started": started} for a in batch],
            )
        yield
        self._pending.delete(ids=ids)

    def _journal(self) -> dict[str, tuple[str, float]]:
        """Journal entry id -> (article id, when its write started)."""
        found = self._pending.get(include=["metadatas"])
        return {
            i: (meta["article_id"], float(meta.get("started", 0.0)))
            for i, meta in zip(found["ids"], found["metadatas"], strict=True)
        }

    def _incomplete(self) -> set[str]:
        """Articles a write has started on that have no article row: their records (a
        write in progress, or what a killed writer left) are not the library's."""
        with self._server_errors():
            named = {article_id for article_id, _ in self._journal().values()}
            if not named:
                return set()
            return named - set(self._articles.get(ids=list(named), include=[])["ids"])

    def _recover(self) -> None:
        """Clear what interrupted writes left (one small read when nothing did).

        Locally only when no other process is writing; on a server only entries older than
        ``STALE_WRITE_S``, since another machine may be writing right now.
        """
        with self._server_errors():
            if not self._journal():
                return
            try:
                with self.writing():
                    self._clear_journal()
            except StoreError:  # another writer holds the library, or it is read-only
                return

    def _clear_journal(self) -> None:
        stale = time.time() - STALE_WRITE_S
        entries = {
            entry: article_id
            for entry, (article_id, started) in self._journal().items()
            if self._lock is not None or started < stale
        }
        if not entries:
            return
        named = list(dict.fromkeys(entries.values()))
        complete = set(self._articles.get(ids=named, include=[])["ids"])
        broken = [a for a in named if a not in complete]
        if broken:
            self._delete(broken)
        self._pending.delete(ids=list(entries))
        if broken:
            self._bump()

    def _bump(self) -> None:
        """Give the library a new generation so caches keyed on ``version()`` refresh.

        A random number, not a count: two ingest workers on one server that both read
        generation N would both write N + 1, and a reader that synced after the first
        would never see the second's articles. Readers only compare for equality.
        """
        metadata = dict(self._articles.metadata or {})
        metadata["generation"] = secrets.randbits(62) + 1
        metadata.pop("hnsw:space", None)
        self._articles.modify(metadata=metadata)

    # -- reading --------------------------------------------------------------

    def version(self) -> int:
        """Changes whenever any process changes the library (cache key for indexes)."""
        collection = self.client.get_collection(ARTICLES, embedding_function=None)
        return int((collection.metadata or {}).get("generation", 0))

    def get_article(self, article_id: str) -> Article | None:
        found = self._articles.get(ids=[article_id], include=["documents", "metadatas"])
        if not found["ids"]:
            return None
        return self._to_article(found["ids"][0], found["documents"][0], found["metadatas"][0])

    @staticmethod
    def _to_article(article_id: str, text: str, meta: dict[str, Any]) -> Article:
        categories = meta.get("categories") or ""
        notes = meta.get("cleaning_notes") or ""
        return Article(
            id=article_id,
            title=meta.get("title", ""),
            text=text,
            source=meta.get("source", ""),
            content_hash=meta.get("content_hash", ""),
            author=_or_none(meta.get("author")),
            author_title=_or_none(meta.get("author_title")),
            author_description=_or_none(meta.get("author_description")),
            published=_or_none(meta.get("published")),
            outlet=_or_none(meta.get("outlet")),
            url=_or_none(meta.get("url")),
            categories=tuple(c for c in categories.split("; ") if c),
            cleaning_notes=tuple(n for n in notes.split("\n") if n),
            offsets_in=_or_none(meta.get("offsets_in")),
            source_edits=json.loads(meta.get("source_edits") or "[]"),
            **structure_fields(meta.get("kind"), meta.get("structure")),
        )

    def articles(self) -> list[ArticleSummary]:
        """Every article, earliest published first (undated last); sources by file name."""
        summaries = [
            ArticleSummary(
                id=article_id,
                title=meta.get("title", ""),
                source=source_name(meta.get("source", "")),
                author=_or_none(meta.get("author")),
                outlet=_or_none(meta.get("outlet")),
                published=_or_none(meta.get("published")),
                quote_count=int(meta.get("quote_count", 0)),
                passage_count=int(meta.get("passage_count", 0)),
            )
            for article_id, meta in self._paged(self._articles, include=["metadatas"])
        ]
        return sorted(summaries, key=lambda a: (a.published is None, a.published or "", a.title))

    def article_versions(self) -> dict[str, str | None]:
        """Every stored article id with its content hash (None for an article stored before
        layouts carried it): an index diffing these notices an article changed in place,
        same text id but a new title, date or apostrophes. Two calls of ids and tiny
        metadata, cheap even at 100k articles."""
        with self._server_errors():
            ids = self._articles.get(include=[])["ids"]
            layouts = self._layouts.get(include=["metadatas"])
        hashes = {
            i: meta.get("content_hash")
            for i, meta in zip(layouts["ids"], layouts["metadatas"], strict=True)
        }
        return {i: hashes.get(i) for i in ids}

    def contents(self, article_ids: Iterable[str]) -> list[Contents]:
        """The records of these articles (missing ids are skipped), a few calls per batch.

        Reads each article's text and layout; libraries written before layouts existed
        fall back to fetching the records themselves by id.
        """
        wanted = list(article_ids)
        with self._server_errors():
            found = self._articles.get(ids=wanted, include=["documents", "metadatas"])
            layouts = self._layouts.get(ids=found["ids"], include=["documents"])
        layout_of = dict(zip(layouts["ids"], layouts["documents"], strict=True))
        rows = list(zip(found["ids"], found["documents"], found["metadatas"], strict=True))
        missing = [(i, meta) for i, _text, meta in rows if i not in layout_of]
        fetched = self._records_by_id(missing) if missing else {}
        out = []
        for article_id, text, meta in rows:
            if article_id in layout_of:
                passages, quotes = _from_layout(article_id, text, layout_of[article_id])
            else:
                passages, quotes = fetched.get(article_id, ([], []))
            out.append(Contents(self._to_article(article_id, text, meta), passages, quotes))
        return out

    def _records_by_id(
        self, articles: list[tuple[str, dict[str, Any]]]
    ) -> dict[str, tuple[list[Passage], list[Quote]]]:
        """Records of articles stored before layouts existed (ids follow from the counts)."""

        def ids(kind: str, count_key: str) -> list[str]:
            return [f"{a}:{kind}{i}" for a, meta in articles for i in range(meta.get(count_key, 0))]

        def fetch(collection: Any, wanted: list[str]) -> Iterator[tuple[str, str, dict]]:
            if not wanted:
                return iter(())
            with self._server_errors():
                found = collection.get(ids=wanted, include=["documents", "metadatas"])
            return zip(found["ids"], found["documents"], found["metadatas"], strict=True)

        out: dict[str, tuple[list[Passage], list[Quote]]] = {a: ([], []) for a, _meta in articles}
        for passage in (
            _to_passage(*row) for row in fetch(self._passages, ids("p", "passage_count"))
        ):
            out[passage.article_id][0].append(passage)
        for quote in (_to_quote(*row) for row in fetch(self._quotes, ids("q", "quote_count"))):
            out[quote.article_id][1].append(quote)
        for passages, quotes in out.values():
            passages.sort(key=lambda p: p.index)
            quotes.sort(key=lambda q: q.start)
        return out

    def stats(self) -> dict[str, int]:
        """Articles and their records, without records of an unfinished write."""
        hidden = list(self._incomplete())

        def count(collection: Any) -> int:
            if not hidden:
                return collection.count()
            orphans = collection.get(where=_one_of("article_id", hidden), include=[])["ids"]
            return collection.count() - len(orphans)

        with self._server_errors():
            return {
                "articles": self._articles.count(),
                "passages": count(self._passages),
                "quotes": count(self._quotes),
            }

    def _query(
        self, collection: Any, query: str | Sequence[float], k: int, where: dict | None
    ) -> Iterator[tuple[str, str, dict[str, Any], float]]:
        # no count() first: Chroma 1.x answers k > size (or an empty collection) with what
        # it has, and a count costs more than the query itself at 10k articles
        vector = self.embeddings.embed_query(query) if isinstance(query, str) else list(query)
        found = collection.query(
            query_embeddings=[vector],
            n_results=k,
            where=where or None,
            include=["documents", "metadatas", "distances"],
        )
        for record_id, doc, meta, distance in zip(
            found["ids"][0],
            found["documents"][0],
            found["metadatas"][0],
            found["distances"][0],
            strict=True,
        ):
            yield record_id, doc, meta, 1.0 - float(distance)

    def search_quotes(
        self, query: str | Sequence[float], *, k: int = 20, where: dict | None = None
    ) -> list[tuple[Quote, float]]:
        """Quotes nearest to ``query`` (text or vector), with cosine similarity.

        Unfiltered for speed: a write in progress may show; callers keep the records of
        articles they know (the retriever asks its lexical index)."""
        return [
            (_to_quote(i, doc, meta), score)
            for i, doc, meta, score in self._query(self._quotes, query, k, where)
        ]

    def search_passages(
        self, query: str | Sequence[float], *, k: int = 20, where: dict | None = None
    ) -> list[tuple[Passage, float]]:
        """Passages nearest to ``query`` (text or vector), with cosine similarity."""
        return [
            (_to_passage(i, doc, meta), score)
            for i, doc, meta, score in self._query(self._passages, query, k, where)
        ]

    def find_quotes(
        self,
        *,
        where: dict | None = None,
        contains: str | None = None,
        limit: int | None = None,
    ) -> list[Quote]:
        """Quotes by metadata filter and/or literal substring, no vectors involved."""
        found = self._quotes.get(
            where=where or None,
            where_document={"$contains": contains} if contains else None,
            limit=limit,
            include=["documents", "metadatas"],
        )
        hidden = self._incomplete()
        return [
            _to_quote(i, doc, meta)
            for i, doc, meta in zip(
                found["ids"], found["documents"], found["metadatas"], strict=True
            )
            if meta.get("article_id") not in hidden
        ]

    def quotes_of(self, article_id: str) -> list[Quote]:
        return sorted(self.find_quotes(where={"article_id": article_id}), key=lambda q: q.start)

    def passages_of(self, article_id: str) -> list[Passage]:
        if article_id in self._incomplete():
            return []
        found = self._passages.get(
            where={"article_id": article_id}, include=["documents", "metadatas"]
        )
        passages = [
            _to_passage(i, doc, meta)
            for i, doc, meta in zip(
                found["ids"], found["documents"], found["metadatas"], strict=True
            )
        ]
        return sorted(passages, key=lambda p: p.index)

    def all_quotes(self) -> list[Quote]:
        hidden = self._incomplete()
        return [
            _to_quote(i, doc, meta)
            for (i, meta), doc in self._paged(self._quotes, include=["metadatas", "documents"])
            if meta.get("article_id") not in hidden
        ]

    @staticmethod
    def _paged(collection: Any, include: list[str]) -> Iterator[Any]:
        """Yield (id, metadata) or ((id, metadata), document), a page at a time."""
        offset = 0
        while True:
            page = collection.get(limit=_PAGE, offset=offset, include=include)
            if not page["ids"]:
                return
            rows = zip(page["ids"], page["metadatas"], strict=True)
            if "documents" in include:
                yield from zip(rows, page["documents"], strict=True)
            else:
                yield from rows
            offset += len(page["ids"])


def _to_quote(quote_id: str, text: str, meta: dict[str, Any]) -> Quote:
    return Quote(
        text=text,
        start=int(meta["start"]),
        end=int(meta["end"]),
        speaker=_or_none(meta.get("speaker")),
        kind=meta.get("kind", "direct"),
        confidence=float(meta.get("confidence", 0.0)),
        speaker_title=_or_none(meta.get("speaker_title")),
        cue=_or_none(meta.get("cue")),
        mention=_or_none(meta.get("mention")),
        mention_kind=meta.get("mention_kind", "none"),
        article_id=meta.get("article_id", ""),
        id=quote_id,
    )


def _to_passage(passage_id: str, text: str, meta: dict[str, Any]) -> Passage:
    return Passage(
        id=passage_id,
        article_id=meta.get("article_id", ""),
        index=int(meta.get("index", 0)),
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=text,
    )
