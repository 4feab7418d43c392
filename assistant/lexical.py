"""BM25 over every stored quote and passage, kept in a SQLite file that follows the library.

The file also holds a copy of each article (text and metadata; its id is the hash of its
text, so the copy cannot drift) and of each record's offsets and attribution: besides the
vector queries, answering a question then needs no round trip to Chroma.

Why a file: held in memory, this index had to be rebuilt by every process (each CLI
call, each app replica) from every record in Chroma before its first answer, about a
minute and 2 GB at 10k articles. On disk it is opened in milliseconds, a query reads
only the postings of its own words, and a process that finds the library changed reads
only the articles that changed (the index diffs its article ids and content hashes
against the library's: an article corrected in place keeps its id, not its hash).
The file is a cache: losing or corrupting it costs a rebuild, never data.

The layout is Lucene's in miniature. Records get integer rows. Postings are stored per
(segment, term) as numpy blobs of rows, term frequencies and record lengths; every sync
adds a segment, and eight segments of one level merge into one of the next, so a query
reads a handful of blobs per word and a sync costs what changed. BM25 weights are
computed at query time from live counts, so adding articles never rewrites old postings;
rows of removed articles are masked until their segment is merged away.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import json
import math
import sqlite3
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from quotedesk.models import Article, Passage, Quote
from quotedesk.store import published_day
from quotedesk.text import words

if TYPE_CHECKING:
    from quotedesk.config import Settings
    from quotedesk.store import Contents, Store

FORMAT = "3"  # bump when the schema or the terms change: older files are rebuilt
K1, B = 1.5, 0.75  # Okapi BM25's usual constants
FANOUT = 8  # segments of one level merged together
PURGE_SHARE, PURGE_MIN = 0.2, 1000  # removed rows that make a full merge worth its cost
SYNC_BATCH = 200  # articles read from the library per call while syncing
INDEX_NAME = ".quotedesk-lexical.sqlite"

_STOP_TEXT = """a an the and or but of to in on at for by with from as is are was were be been being
    it its this that these those he she they we i you his her their our my your him them us
    me who whom what which did do does said say says has have had will would should could
    about into over than then there here not no so if"""
_STOPWORDS = frozenset(_STOP_TEXT.split())

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, outlet TEXT NOT NULL, day INTEGER NOT NULL, text TEXT NOT NULL,
    fields TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS records(
    row INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, article_id TEXT NOT NULL,
    start INTEGER NOT NULL, stop INTEGER NOT NULL, position INTEGER NOT NULL,
    length INTEGER NOT NULL, speaker TEXT, speaker_title TEXT, quote_kind TEXT, cue TEXT,
    mention TEXT, mention_kind TEXT, confidence REAL);
CREATE INDEX IF NOT EXISTS records_article ON records(article_id);
CREATE INDEX IF NOT EXISTS records_speaker ON records(speaker) WHERE speaker IS NOT NULL;
CREATE TABLE IF NOT EXISTS segments(id INTEGER PRIMARY KEY, level INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS postings(
    segment INTEGER NOT NULL, term TEXT NOT NULL, rows BLOB NOT NULL, tfs BLOB NOT NULL,
    lengths BLOB NOT NULL, PRIMARY KEY(segment, term)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS postings_term ON postings(term);
CREATE TABLE IF NOT EXISTS dead(row INTEGER PRIMARY KEY);
"""
_RECORD_COLUMNS = (
    "row, id, kind, article_id, start, stop, position, length, speaker, speaker_title, "
    "quote_kind, cue, mention, mention_kind, confidence"
)
# a record's text is sliced out of its article's (SQLite counts characters, as Python does)
_SELECT_RECORDS = (
    "SELECT "
    + ", ".join(f"r.{column.strip()}" for column in _RECORD_COLUMNS.split(","))
    + ", substr(a.text, r.start + 1, r.stop - r.start) "
    "FROM records r JOIN articles a ON a.id = r.article_id"
)

Record = Quote | Passage
Postings = tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, term frequencies, lengths


def terms(text: str) -> list[str]:
    """BM25 terms: lower-cased words without the function words every quote shares."""
    return [w for w in words(text) if w not in _STOPWORDS]


def index_path(settings: Settings) -> Path:
    """Where the index of this library lives: beside a local library's data (it goes
    wherever the library goes), in the user's cache directory for a Chroma server."""
    if not settings.chroma_url:
        return settings.db_path / INDEX_NAME
    digest = hashlib.sha256(settings.chroma_url.encode()).hexdigest()[:16]
    return settings.cache_dir / f"lexical-{digest}.sqlite"


@dataclass(frozen=True)
class Restriction:
    """What a search may return: record kinds, speakers, outlet, a published-day range."""

    kinds: tuple[str, ...] = ("quote", "passage")
    speakers: tuple[str, ...] = ()
    outlet: str | None = None
    date_from: int | None = None
    date_to: int | None = None

    def quotes_only(self) -> Restriction:
        return replace(self, kinds=("quote",))

    @property
    def on_articles(self) -> bool:
        return bool(self.outlet or self.date_from or self.date_to)

    def sql(self) -> tuple[str, list[object]]:
        """A WHERE clause over ``records r JOIN articles a`` (and its parameters)."""
        clauses = [f"r.kind IN ({_marks(self.kinds)})"]
        params: list[object] = list(self.kinds)
        if self.speakers:
            clauses.append(f"r.speaker IN ({_marks(self.speakers)})")
            params.extend(self.speakers)
        if self.outlet:
            clauses.append("a.outlet = ?")
            params.append(self.outlet)
        if self.date_from:
            clauses.append("a.day >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("a.day > 0 AND a.day <= ?")
            params.append(self.date_to)
        return " AND ".join(clauses), params


class LexicalIndex:
    """The BM25 index and record lookups of one library, in one SQLite file.

    Thread-safe: each thread gets its own connection. Several processes may share the
    file; syncing takes SQLite's write lock, so two processes never add the same article.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._cache_lock = threading.Lock()
        self._columns: dict[str, list[str]] = {}  # query -> values, until the next sync
        self._dead: np.ndarray | None = None
        self._buffer = np.zeros(0, dtype=np.float32)
        self._buffer_lock = threading.Lock()
        self._open()

    # -- the file ---------------------------------------------------------------

    def _open(self) -> None:
        """Create or check the file; an unreadable or outdated one is started afresh."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fresh = self._prepare()
        except sqlite3.DatabaseError:  # torn or foreign file: it is only a cache
            self._close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            fresh = self._prepare()
        if not fresh:
            return
        with self._transaction() as db:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                db.execute(statement)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))

    def _prepare(self) -> bool:
        """True when the schema must be (re)created."""
        db = self._db()
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if "meta" not in tables:
            return True
        found = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if found and found[0] == FORMAT:
            return False
        with self._transaction() as db:
            for table in ("meta", "articles", "records", "segments", "postings", "dead"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
        return True

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=120, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    def _close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; ``BEGIN IMMEDIATE`` makes other writers wait their turn."""
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def _meta(self, key: str, default: str = "") -> str:
        found = self._db().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return found[0] if found else default

    # -- keeping up with the library --------------------------------------------

    @property
    def version(self) -> int | None:
        """The library version this file was last brought up to (None: never)."""
        value = self._meta("version")
        return int(value) if value else None

    def sync(self, store: Store, version: int) -> None:
        """Bring the index up to ``version`` of the library: drop removed and changed
        articles, add new and changed ones.

        ``version`` must be read before calling: an article stored meanwhile is then
        picked up by the next sync instead of being missed by this one.
        """
        if self.version == version:
            return
        stored = store.article_versions()
        with self._transaction() as db:
            known = dict(
                db.execute("SELECT id, json_extract(fields, '$.content_hash') FROM articles")
            )
            # an unknown stored hash (a library older than hashes in layouts) keeps the copy
            stale = {i for i, h in known.items() if i not in stored or stored[i] not in (None, h)}
            self._remove(db, stale)
        new = [i for i in stored if i not in known or i in stale]
        for lo in range(0, len(new), SYNC_BATCH):
            contents = store.contents(new[lo : lo + SYNC_BATCH])
            with self._transaction() as db:
                self._add(db, contents)
        with self._transaction() as db:
            self._merge(db)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (str(version),))
        with self._cache_lock:
            self._columns.clear()
            self._dead = None

    def _remove(self, db: sqlite3.Connection, article_ids: Iterable[str]) -> None:
        for batch in _chunks(sorted(article_ids), 500):
            marks = _marks(batch)
            db.execute(
                f"INSERT OR IGNORE INTO dead SELECT row FROM records WHERE article_id IN ({marks})",
                batch,
            )
            docs, length = db.execute(
                f"SELECT count(*), coalesce(sum(length), 0) FROM records "
                f"WHERE article_id IN ({marks})",
                batch,
            ).fetchone()
            self._count(db, -docs, -length)
            db.execute(f"DELETE FROM records WHERE article_id IN ({marks})", batch)
            db.execute(f"DELETE FROM articles WHERE id IN ({marks})", batch)

    def _add(self, db: sqlite3.Connection, contents: Sequence[Contents]) -> None:
        """One new segment holding these articles (those another process added are skipped)."""
        ids = [c.article.id for c in contents]
        present = {
            row[0]
            for batch in _chunks(ids, 500)
            for row in db.execute(f"SELECT id FROM articles WHERE id IN ({_marks(batch)})", batch)
        }
        todo = [c for c in contents if c.article.id not in present]
        if not todo:
            return
        row = int(self._meta("last_row", "0"))  # rows are never reused: postings outlive records
        postings: dict[str, tuple[list[int], list[int], list[int]]] = {}
        rows, total = [], 0
        for article in todo:
            for record in [*article.passages, *article.quotes]:
                row += 1
                counts = Counter(terms(record.text))
                length = sum(counts.values())
                total += length
                rows.append(_record_row(row, record, length))
                for term, tf in counts.items():
                    entry = postings.setdefault(term, ([], [], []))
                    entry[0].append(row)
                    entry[1].append(tf)
                    entry[2].append(length)
        db.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?)", map(_article_row, todo))
        columns = _RECORD_COLUMNS.split(",")
        db.executemany(f"INSERT INTO records({_RECORD_COLUMNS}) VALUES ({_marks(columns)})", rows)
        segment = db.execute("INSERT INTO segments(level) VALUES (0)").lastrowid
        db.executemany(
            "INSERT INTO postings VALUES (?, ?, ?, ?, ?)",
            [(segment, term, *_blobs(*entry)) for term, entry in postings.items()],
        )
        db.execute("INSERT OR REPLACE INTO meta VALUES ('last_row', ?)", (str(row),))
        self._count(db, len(rows), total)

    def _count(self, db: sqlite3.Connection, docs: int, length: int) -> None:
        for key, change in (("docs", docs), ("length", length)):
            db.execute(
                "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                "SET value = CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER)",
                (key, str(change)),
            )

    def _merge(self, db: sqlite3.Connection) -> None:
        """Merge every level holding FANOUT segments into one segment of the next level;
        everything into one when removed rows weigh on every query."""
        dead = db.execute("SELECT count(*) FROM dead").fetchone()[0]
        if dead and dead >= max(PURGE_MIN, PURGE_SHARE * int(self._meta("docs", "0"))):
            segments, top = zip(*db.execute("SELECT id, level FROM segments"), strict=True)
            self._merge_segments(db, list(segments), max(top))
        while True:
            full = db.execute(
                "SELECT level FROM segments GROUP BY level HAVING count(*) >= ? "
                "ORDER BY level LIMIT 1",
                (FANOUT,),
            ).fetchone()
            if full is None:
                return
            level = full[0]
            merged = [r[0] for r in db.execute("SELECT id FROM segments WHERE level = ?", (level,))]
            self._merge_segments(db, merged, level + 1)

    def _merge_segments(self, db: sqlite3.Connection, segments: list[int], level: int) -> None:
        dead = _dead(db)
        target = db.execute("INSERT INTO segments(level) VALUES (?)", (level,)).lastrowid
        db.execute("CREATE TEMP TABLE IF NOT EXISTS merged(term TEXT, rows, tfs, lengths)")
        # one cursor per segment, read in term order: memory holds one term at a time
        streams = [
            db.execute(
                "SELECT term, rows, tfs, lengths FROM postings WHERE segment = ? ORDER BY term",
                (segment,),
            )
            for segment in segments
        ]
        dropped: list[np.ndarray] = []
        out: list[tuple[str, bytes, bytes, bytes]] = []
        for term, group in _grouped(heapq.merge(*streams, key=lambda r: r[0])):
            rows, tfs, lengths = (np.concatenate(parts) for parts in zip(*group, strict=True))
            if dead.size:
                gone = _member(rows, dead)
                if gone.any():
                    dropped.append(rows[gone])
                    rows, tfs, lengths = rows[~gone], tfs[~gone], lengths[~gone]
            if rows.size:
                out.append((term, *_blobs(rows, tfs, lengths)))
            if len(out) >= 5000:
                db.executemany("INSERT INTO merged VALUES (?, ?, ?, ?)", out)
                out.clear()
        db.executemany("INSERT INTO merged VALUES (?, ?, ?, ?)", out)
        marks = _marks(segments)
        db.execute(f"DELETE FROM postings WHERE segment IN ({marks})", segments)
        db.execute(f"DELETE FROM segments WHERE id IN ({marks})", segments)
        db.execute("INSERT INTO postings SELECT ?, term, rows, tfs, lengths FROM merged", (target,))
        db.execute("DELETE FROM merged")
        if dropped:
            gone_rows = np.unique(np.concatenate(dropped)).tolist()
            for batch in _chunks(gone_rows, 500):
                db.execute(f"DELETE FROM dead WHERE row IN ({_marks(batch)})", batch)

    # -- search -------------------------------------------------------------------

    def search(
        self, text: str, k: int, restriction: Restriction | None = None
    ) -> list[tuple[Record, float]]:
        """Top-``k`` records by BM25 score, only those ``restriction`` allows."""
        restriction = restriction or Restriction()
        query = list(dict.fromkeys(terms(text)))
        scored = self._scores(query, restriction) if query else None
        if scored is None:
            return []
        rows, values, repeats = scored
        filtered = restriction.kinds != ("quote", "passage") or restriction.on_articles
        out: list[tuple[Record, float]] = []
        seen: set[int] = set()
        want = k if not filtered else max(4 * k, 200)
        while len(out) < k:
            ranked = [(r, v) for r, v in _top(rows, values, want, repeats) if r not in seen]
            if not ranked:
                break
            seen.update(row for row, _ in ranked)
            found = self._records([row for row, _ in ranked], restriction if filtered else None)
            out.extend((found[row], score) for row, score in ranked if row in found)
            want *= 4
        return out[:k]

    def _scores(
        self, query: list[str], restriction: Restriction
    ) -> tuple[np.ndarray, np.ndarray, int] | None:
        """(rows, BM25 score) for every record holding a query term, and how many times a
        row may repeat (once per term)."""
        docs = int(self._meta("docs", "0"))
        if docs <= 0:
            return None
        avgdl = max(int(self._meta("length", "0")) / docs, 1e-9)
        allowed = self._speaker_rows(restriction.speakers) if restriction.speakers else None
        dead = self._dead_rows()
        parts: list[tuple[np.ndarray, np.ndarray]] = []
        for rows, tfs, lengths in self._postings(query).values():
            live = ~_member(rows, dead) if dead.size else np.ones(rows.shape, dtype=bool)
            df = int(live.sum())
            if allowed is not None:
                live &= _member(rows, allowed)
            if not live.any():
                continue
            tf, length = tfs[live].astype(np.float32), lengths[live].astype(np.float32)
            idf = math.log(1.0 + (docs - df + 0.5) / (df + 0.5))
            weights = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / avgdl))
            parts.append((rows[live], weights))
        if not parts:
            return None
        touched = np.concatenate([rows for rows, _ in parts])
        # Sum per record in one dense buffer, touched only at these rows: cheaper than
        # sorting the rows to group them, and one buffer serves every thread in turn.
        with self._buffer_lock:
            size = int(touched.max()) + 1
            if self._buffer.size < size:
                self._buffer = np.zeros(max(size, 2 * self._buffer.size), dtype=np.float32)
            for rows, weights in parts:
                self._buffer[rows] += weights
            values = self._buffer[touched]
            self._buffer[touched] = 0.0
        return touched, values, len(parts)

    def _postings(self, query: list[str]) -> dict[str, Postings]:
        found: dict[str, list[Postings]] = {}
        for term, rows, tfs, lengths in self._db().execute(
            f"SELECT term, rows, tfs, lengths FROM postings WHERE term IN ({_marks(query)})", query
        ):
            found.setdefault(term, []).append(_decode(rows, tfs, lengths))
        return {
            term: tuple(np.concatenate(parts) for parts in zip(*segments, strict=True))  # type: ignore[misc]
            for term, segments in found.items()
        }

    def _dead_rows(self) -> np.ndarray:
        with self._cache_lock:
            if self._dead is None:
                self._dead = _dead(self._db())
            return self._dead

    def _speaker_rows(self, speakers: Sequence[str]) -> np.ndarray:
        found = self._db().execute(
            f"SELECT row FROM records WHERE speaker IN ({_marks(speakers)})", list(speakers)
        )
        return np.sort(np.fromiter((r[0] for r in found), dtype=np.int32))

    def _records(self, rows: list[int], restriction: Restriction | None) -> dict[int, Record]:
        where, params = f"r.row IN ({_marks(rows)})", list(rows)
        if restriction is not None:
            clause, extra = restriction.sql()
            where, params = f"{where} AND {clause}", params + extra
        found = self._db().execute(f"{_SELECT_RECORDS} WHERE {where}", params)
        return {row[0]: _to_record(row) for row in found}

    # -- lookups ------------------------------------------------------------------

    def speakers(self) -> list[str]:
        """Every speaker name in the library, sorted."""
        return self._column(
            "SELECT DISTINCT speaker FROM records WHERE speaker IS NOT NULL ORDER BY speaker"
        )

    def outlets(self) -> list[str]:
        return self._column(
            "SELECT DISTINCT outlet FROM articles WHERE outlet != '' ORDER BY outlet"
        )

    def _column(self, query: str) -> list[str]:
        """The values a one-column query returns, kept until the next sync."""
        with self._cache_lock:
            if query not in self._columns:
                self._columns[query] = [r[0] for r in self._db().execute(query)]
            return self._columns[query]

    def article(self, article_id: str) -> Article | None:
        """A stored article, text and metadata (the copy the last sync read)."""
        found = (
            self._db()
            .execute("SELECT text, fields FROM articles WHERE id = ?", (article_id,))
            .fetchone()
        )
        if found is None:
            return None
        return Article.from_dict({**json.loads(found[1]), "text": found[0]})

    def known(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these articles the index holds (as of its last sync)."""
        ids = list(article_ids)
        found = set()
        for batch in _chunks(ids, 500):
            query = f"SELECT id FROM articles WHERE id IN ({_marks(batch)})"
            found.update(row[0] for row in self._db().execute(query, batch))
        return found

    def published_day(self, article_id: str) -> int:
        found = self._db().execute("SELECT day FROM articles WHERE id = ?", (article_id,))
        row = found.fetchone()
        return row[0] if row else 0

    def records_of(self, article_id: str) -> tuple[list[Quote], list[Passage]]:
        """An article's quotes and its passages, each in text order."""
        found = self._db().execute(
            f"{_SELECT_RECORDS} WHERE r.article_id = ? ORDER BY r.start, r.position",
            (article_id,),
        )
        quotes: list[Quote] = []
        passages: list[Passage] = []
        for record in map(_to_record, found):
            if isinstance(record, Quote):
                quotes.append(record)
            else:
                passages.append(record)
        return quotes, passages

    def quotes(self, restriction: Restriction) -> list[Quote]:
        """Quotes the restriction allows, earliest article first (undated last)."""
        clause, params = restriction.quotes_only().sql()
        found = self._db().execute(
            f"{_SELECT_RECORDS} WHERE {clause} ORDER BY a.day = 0, a.day, r.article_id, r.start",
            params,
        )
        return [_to_record(row) for row in found]  # type: ignore[misc]

    def most_quoted(self, n: int) -> list[tuple[str, int]]:
        found = self._db().execute(
            "SELECT speaker, count(*) AS n FROM records WHERE speaker IS NOT NULL "
            "GROUP BY speaker ORDER BY n DESC, speaker LIMIT ?",
            (n,),
        )
        return [(speaker, count) for speaker, count in found]

    def counts(self) -> dict[str, int]:
        """Articles and records indexed (the records still searchable)."""
        db = self._db()
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        kinds = dict(db.execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall())
        return {
            "articles": articles,
            "passages": kinds.get("passage", 0),
            "quotes": kinds.get("quote", 0),
        }


def open_index(settings: Settings) -> LexicalIndex:
    """The library's index file, or a private temporary one when no place is writable."""
    path = index_path(settings)
    try:
        return LexicalIndex(path)
    except (OSError, sqlite3.OperationalError):
        scratch = Path(tempfile.mkdtemp(prefix="quotedesk-lexical-"))
        return LexicalIndex(scratch / INDEX_NAME)


def _article_row(contents: Contents) -> tuple[object, ...]:
    article = contents.article
    fields = {k: v for k, v in article.to_dict().items() if k != "text"}
    day = published_day(article.published)
    return article.id, article.outlet or "", day, article.text, json.dumps(fields)


def _record_row(row: int, record: Record, length: int) -> tuple[object, ...]:
    if isinstance(record, Quote):
        return (
            row, record.id, "quote", record.article_id, record.start, record.end, 0, length,
            record.speaker, record.speaker_title, record.kind, record.cue, record.mention,
            record.mention_kind, record.confidence,
        )  # fmt: skip
    return (
        row, record.id, "passage", record.article_id, record.start, record.end, record.index,
        length, None, None, None, None, None, None, None,
    )  # fmt: skip


def _to_record(row: Sequence) -> Record:
    (
        _row, record_id, kind, article_id, start, stop, position, _length, speaker,
        speaker_title, quote_kind, cue, mention, mention_kind, confidence, text,
    ) = row  # fmt: skip
    if kind == "passage":
        return Passage(record_id, article_id, position, start, stop, text)
    return Quote(
        text=text,
        start=start,
        end=stop,
        speaker=speaker,
        kind=quote_kind,
        confidence=confidence,
        speaker_title=speaker_title,
        cue=cue,
        mention=mention,
        mention_kind=mention_kind,
        article_id=article_id,
        id=record_id,
    )


def _blobs(rows: Sequence[int], tfs: Sequence[int], lengths: Sequence[int]) -> tuple[bytes, ...]:
    """Rows as int32, counts as uint16 (capped): small blobs are most of the read cost."""
    return (
        np.asarray(rows, dtype=np.int32).tobytes(),
        np.minimum(np.asarray(tfs), 65535).astype(np.uint16).tobytes(),
        np.minimum(np.asarray(lengths), 65535).astype(np.uint16).tobytes(),
    )


def _decode(rows: bytes, tfs: bytes, lengths: bytes) -> Postings:
    """The arrays ``_blobs`` wrote."""
    return (
        np.frombuffer(rows, dtype=np.int32),
        np.frombuffer(tfs, dtype=np.uint16),
        np.frombuffer(lengths, dtype=np.uint16),
    )


def _dead(db: sqlite3.Connection) -> np.ndarray:
    """Rows of removed records still in some postings, sorted (for ``_member``)."""
    return np.fromiter((r[0] for r in db.execute("SELECT row FROM dead ORDER BY row")), np.int32)


def _member(rows: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """Which ``rows`` are in the sorted array ``ordered``: a binary search per row, cheaper
    than ``np.isin`` when a posting list is long and the set is short."""
    at = np.minimum(np.searchsorted(ordered, rows), len(ordered) - 1)
    return ordered[at] == rows


def _top(rows: np.ndarray, values: np.ndarray, n: int, repeats: int) -> list[tuple[int, float]]:
    """The ``n`` best distinct rows, best first (a row repeats at most ``repeats`` times)."""
    take = min(len(rows), n * repeats)
    best = np.argpartition(-values, take - 1)[:take] if take < len(rows) else np.arange(len(rows))
    best = best[np.argsort(-values[best], kind="stable")]
    distinct: dict[int, float] = {}
    for row, score in zip(rows[best].tolist(), values[best].tolist(), strict=True):
        distinct.setdefault(row, score)
    return list(distinct.items())[:n]


def _grouped(merged: Iterable[tuple]) -> Iterator[tuple[str, list[Postings]]]:
    """Consecutive postings rows of one term, decoded."""
    term, group = None, []
    for name, rows, tfs, lengths in merged:
        if name != term and group:
            yield term, group  # type: ignore[misc]
            group = []
        term = name
        group.append(_decode(rows, tfs, lengths))
    if group:
        yield term, group  # type: ignore[misc]


def _marks(values: Sized) -> str:
    return ", ".join("?" * len(values))


def _chunks(values: Sequence, size: int) -> Iterator[list]:
    for lo in range(0, len(values), size):
        yield list(values[lo : lo + size])
