"""Hybrid retrieval over quote records and passages: vectors, BM25 and fuzzy alignment.

Each signal misses something the others catch: vectors find paraphrases ("the cold
war will go on" for "A cold war will go on."), BM25 finds rare names and exact
wording the embedder blurs, and fuzzy alignment of the user's fragment against each
candidate decides between near-duplicates. Lists are fused by reciprocal rank (no
score calibration needed), then reranked by the fuzzy score when there is a fragment.

Everything slow to build (the BM25 index, article texts) is cached and keyed on
``store.version()``, so a query costs one embedding, two Chroma queries and numpy.
A local library also keeps the built index on disk beside the data, so the next
process (a CLI call, another app start) loads it instead of paging every record out
of Chroma and rebuilding it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np

from assistant.align import fuzzy_score
from assistant.names import matching_names
from quotedesk.models import Article, Candidate, Passage, Quote, SearchTrace, Sentence
from quotedesk.store import Store, published_day
from quotedesk.text import words

INDEX_FILE = ".quotedesk-lexical-{key}.pkl"
_NEAR = 1500  # characters of context split into sentences around a citation
RRF_K = 60  # the usual reciprocal-rank-fusion constant: flattens the head of each list
_STOP_TEXT = """a an the and or but of to in on at for by with from as is are was were be been being
    it its this that these those he she they we i you his her their our my your him them us
    me who whom what which did do does said say says has have had will would should could
    about into over than then there here not no so if"""
_STOPWORDS = frozenset(_STOP_TEXT.split())


def terms(text: str) -> list[str]:
    """BM25 terms: lower-cased words without the function words every quote shares."""
    return [w for w in words(text) if w not in _STOPWORDS]


@dataclass(frozen=True)
class Filters:
    """Restrictions a question puts on retrieval (all optional)."""

    speakers: tuple[str, ...] = ()  # canonical stored names; quotes only
    outlet: str | None = None
    date_from: int | None = None
    date_to: int | None = None

    def where(self, *, for_quotes: bool) -> dict | None:
        """The Chroma ``where`` clause."""
        clauses: list[dict] = []
        if self.speakers and for_quotes:
            clauses.append({"speaker": {"$in": list(self.speakers)}})
        if self.outlet:
            clauses.append({"outlet": self.outlet})
        if self.date_from:
            clauses.append({"published_day": {"$gte": self.date_from}})
        if self.date_to:
            clauses.append({"published_day": {"$lte": self.date_to}})
            clauses.append({"published_day": {"$gt": 0}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


@dataclass(frozen=True)
class Hit:
    """One retrieved record (a quote or a passage) with its fused score and signals."""

    kind: Literal["quote", "passage"]
    id: str
    article_id: str
    start: int
    end: int
    text: str
    score: float
    signals: dict[str, float] = field(default_factory=dict)
    quote: Quote | None = None


@dataclass
class _Record:
    kind: Literal["quote", "passage"]
    item: Quote | Passage


class LexicalIndex:
    """BM25 (rank-bm25's Okapi weights) over every quote and passage, plus lookups.

    rank-bm25 scores a query by scanning every document in Python; at 10k articles
    that is hundreds of milliseconds, so its weights are folded once into per-term
    posting arrays and a query becomes a few numpy additions.
    """

    def __init__(
        self,
        quotes: Sequence[Quote],
        passages: Sequence[Passage],
        article_meta: dict[str, tuple[str, int]],
    ) -> None:
        from rank_bm25 import BM25Okapi

        self.records = [_Record("quote", q) for q in quotes] + [
            _Record("passage", p) for p in passages
        ]
        self.article_meta = article_meta  # id -> (outlet, published_day)
        self.speakers = sorted({q.speaker for q in quotes if q.speaker})
        self.outlets = sorted({outlet for outlet, _day in article_meta.values() if outlet})
        self.quotes_by_article: dict[str, list[Quote]] = {}
        for q in sorted(quotes, key=lambda q: q.start):
            self.quotes_by_article.setdefault(q.article_id, []).append(q)
        self.passages_by_article: dict[str, list[Passage]] = {}
        for p in sorted(passages, key=lambda p: p.start):
            self.passages_by_article.setdefault(p.article_id, []).append(p)
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._local = threading.local()
        corpus = [terms(r.item.text) or ["\u2205"] for r in self.records]
        if not corpus:
            return
        bm25 = BM25Okapi(corpus)
        k1, b, avgdl = bm25.k1, bm25.b, bm25.avgdl
        rows: dict[str, list[int]] = {}
        weights: dict[str, list[float]] = {}
        for i, (freqs, length) in enumerate(zip(bm25.doc_freqs, bm25.doc_len, strict=True)):
            norm = k1 * (1 - b + b * length / avgdl)
            for term, tf in freqs.items():
                rows.setdefault(term, []).append(i)
                weights.setdefault(term, []).append(bm25.idf[term] * tf * (k1 + 1) / (tf + norm))
        self._postings = {
            t: (np.asarray(rows[t], dtype=np.int32), np.asarray(weights[t], dtype=np.float32))
            for t in rows
        }

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        del state["_local"]  # per-thread scratch buffers are rebuilt on demand
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._local = threading.local()

    def search(
        self, text: str, k: int, keep: Callable[[_Record], bool] | None = None
    ) -> list[tuple[_Record, float]]:
        """Top-``k`` records by BM25 score (only those ``keep`` accepts)."""
        query = [t for t in dict.fromkeys(terms(text)) if t in self._postings]
        if not query:
            return []
        # A reused per-thread buffer touched only at the posting rows: allocating and
        # scanning a dense array per query costs more than the scoring at 10k articles.
        scores = getattr(self._local, "scores", None)
        if scores is None or len(scores) != len(self.records):
            scores = self._local.scores = np.zeros(len(self.records), dtype=np.float32)
        touched = np.concatenate([self._postings[t][0] for t in query])
        try:
            for term in query:
                rows, weights = self._postings[term]
                scores[rows] += weights
            values = scores[touched]
            take = min(len(touched), (k * 4 if keep else k) * len(query))
            best = np.argpartition(-values, take - 1)[:take]
            best = best[np.argsort(-values[best], kind="stable")]
            top = list(dict.fromkeys(int(i) for i in touched[best]))
            ranked = [(i, float(scores[i])) for i in top]
        finally:
            scores[touched] = 0.0
        out = []
        for i, score in ranked:
            record = self.records[i]
            if keep is None or keep(record):
                out.append((record, score))
                if len(out) == k:
                    break
        return out


class Retriever:
    """Hybrid search over one store, with caches that follow the store's version."""

    def __init__(self, store: Store, *, k: int = 20, article_cache: int = 256) -> None:
        self.store = store
        self.k = k
        self._lock = threading.Lock()
        self._version: int | None = None
        self._index: LexicalIndex | None = None
        self._articles: OrderedDict[str, Article | None] = OrderedDict()
        self._views: dict[str, str] = {}
        self._article_cache = article_cache
        self._vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="quotedesk-search")

    def embed(self, text: str) -> list[float]:
        """The query vector (a few recent ones are kept: follow-ups and retries repeat)."""
        with self._lock:
            if text in self._vectors:
                self._vectors.move_to_end(text)
                return self._vectors[text]
        vector = self.store.embeddings.embed_query(text)
        with self._lock:
            self._vectors[text] = vector
            if len(self._vectors) > 64:
                self._vectors.popitem(last=False)
        return vector

    # -- caches ---------------------------------------------------------------

    def refresh(self) -> None:
        """Drop the caches when the library changed since the last call.

        Called once per question or verification (one cheap version read), not on
        every lookup: the version read is a Chroma round trip.
        """
        version = self.store.version()
        with self._lock:
            if version != self._version:
                self._version, self._index = version, None
                self._articles.clear()
                self._views.clear()

    def index(self) -> LexicalIndex:
        """The BM25 index and per-article lookups (built on first use after a change)."""
        with self._lock:
            if self._version is None:
                self._version = self.store.version()
            if self._index is None:
                path = self._index_path()
                self._index = self._load_index(path) or self._build_index(path)
            return self._index

    def _build_index(self, path: Path | None) -> LexicalIndex:
        meta = {a.id: (a.outlet or "", published_day(a.published)) for a in self.store.articles()}
        index = LexicalIndex(self.store.all_quotes(), self.store.all_passages(), meta)
        if path is not None:
            _save_index(index, path)
        return index

    def _index_path(self) -> Path | None:
        """Where a local library keeps its index for this version (None in server mode).

        The key adds the record counts to the generation, so a library folder that was
        emptied and refilled never meets an index built for other contents.
        """
        if self.store.settings.chroma_url:
            return None
        counts = self.store.stats()
        key = f"{self._version}-{counts['articles']}-{counts['passages']}-{counts['quotes']}"
        return self.store.settings.db_path / INDEX_FILE.format(key=key)

    @staticmethod
    def _load_index(path: Path | None) -> LexicalIndex | None:
        if path is None or not path.is_file():
            return None
        try:
            index = pickle.loads(path.read_bytes())  # our own file, in the user's library
        except Exception:  # a torn or stale-format cache is rebuilt, never trusted
            return None
        return index if isinstance(index, LexicalIndex) else None

    def article(self, article_id: str) -> Article | None:
        """A stored article (LRU-cached: citations slice its text)."""
        with self._lock:
            if article_id in self._articles:
                self._articles.move_to_end(article_id)
                return self._articles[article_id]
        found = self.store.get_article(article_id)
        with self._lock:
            self._articles[article_id] = found
            while len(self._articles) > self._article_cache:
                self._articles.popitem(last=False)
        return found

    def sentences(self, article_id: str, start: int, end: int) -> list[Sentence]:
        """The sentences around ``[start, end)``: its paragraph (at most 1.5k chars each way).

        Splitting only the neighbourhood keeps a citation cheap in a long article.
        """
        from ingest.sentences import split_sentences

        article = self.article(article_id)
        if article is None:
            return []
        text = article.text
        lo = max(text.rfind("\n", 0, max(0, start - 1)) + 1, start - _NEAR, 0)
        newline = text.find("\n", end)
        hi = min(len(text) if newline < 0 else newline, end + _NEAR)
        return [Sentence(s.start + lo, s.end + lo, s.text) for s in split_sentences(text[lo:hi])]

    def view(self, article_id: str) -> str | None:
        """The article text as its stored passages give it (gaps as spaces, offsets intact).

        Aligning against this needs no store round trip; citations still slice the
        stored article itself.
        """
        with self._lock:
            cached = self._views.get(article_id)
        if cached is not None:
            return cached
        passages = self.passages_in(article_id)
        if not passages:
            article = self.article(article_id)
            return article.text if article else None
        chars = [" "] * max(p.end for p in passages)
        for p in passages:
            chars[p.start : p.end] = p.text
        text = "".join(chars)
        with self._lock:
            self._views[article_id] = text
            if len(self._views) > self._article_cache * 4:
                self._views.pop(next(iter(self._views)))
        return text

    def quotes_in(self, article_id: str) -> list[Quote]:
        return self.index().quotes_by_article.get(article_id, [])

    def passages_in(self, article_id: str) -> list[Passage]:
        return self.index().passages_by_article.get(article_id, [])

    def speakers_named(self, name: str) -> list[str]:
        """Stored speaker names that ``name`` may refer to ("Putin" -> "Vladimir Putin")."""
        return matching_names(name, self.index().speakers)

    def published_day(self, article_id: str) -> int:
        return self.index().article_meta.get(article_id, ("", 0))[1]

    def quotes_matching(self, filters: Filters) -> list[Quote]:
        """Every stored quote the filters accept, earliest article first (no search)."""
        index = self.index()
        keep = self._keeper(filters, ("quote",))
        quotes = [
            record.item
            for record in index.records
            if record.kind == "quote" and (keep is None or keep(record))
        ]
        meta = index.article_meta
        return sorted(  # type: ignore[return-value]
            quotes,
            key=lambda q: (meta.get(q.article_id, ("", 0))[1] or 99_999_999, q.article_id, q.start),
        )

    # -- search ---------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        fragment: str | None = None,
        filters: Filters | None = None,
        k: int | None = None,
        kinds: tuple[str, ...] = ("quote", "passage"),
    ) -> tuple[list[Hit], SearchTrace]:
        """Fused, reranked hits for ``text``; ``fragment`` (words to find) drives the rerank."""
        filters = filters or Filters()
        k = k or self.k
        index = self.index()
        if filters.speakers:
            kinds = tuple(kind for kind in kinds if kind == "quote")
        ranked: dict[str, list[tuple[str, float]]] = {}
        found: dict[str, Hit] = {}

        def note(signal: str, kind: str, item: Quote | Passage, score: float) -> None:
            if item.id not in found:
                found[item.id] = Hit(
                    kind=kind,  # type: ignore[arg-type]
                    id=item.id,
                    article_id=item.article_id,
                    start=item.start,
                    end=item.end,
                    text=item.text,
                    score=0.0,
                    signals={},
                    quote=item if isinstance(item, Quote) else None,
                )
            found[item.id].signals[signal] = round(score, 4)
            ranked.setdefault(signal, []).append((item.id, score))

        vector = self.embed(text)
        # The two Chroma queries wait on Rust code that releases the GIL: run them
        # side by side while BM25 scores here.
        quotes = passages = None
        if "quote" in kinds:
            quotes = self._pool.submit(
                self.store.search_quotes, vector, k=k, where=filters.where(for_quotes=True)
            )
        if "passage" in kinds:
            passages = self._pool.submit(
                self.store.search_passages, vector, k=k, where=filters.where(for_quotes=False)
            )
        lexical = index.search(text, k, self._keeper(filters, kinds))
        for quote, score in quotes.result() if quotes else ():
            note("vector", "quote", quote, score)
        for passage, score in passages.result() if passages else ():
            note("vector_passage", "passage", passage, score)
        for record, score in lexical:
            note("bm25", record.kind, record.item, score)

        fused: dict[str, float] = {}
        for hits in ranked.values():
            for rank, (hit_id, _score) in enumerate(hits):
                fused[hit_id] = fused.get(hit_id, 0.0) + 1.0 / (RRF_K + rank + 1)
        best = max(fused.values(), default=1.0)
        results = []
        for hit_id, rrf in fused.items():
            hit = found[hit_id]
            score = rrf / best
            if fragment:
                fuzzy = fuzzy_score(fragment, hit.text)
                hit.signals["fuzzy"] = round(fuzzy, 4)
                score = 0.3 * score + 0.7 * fuzzy
            results.append(replace(hit, score=round(score, 4)))
        results.sort(key=lambda h: (-h.score, h.kind != "quote", h.id))
        trace = SearchTrace(
            queries=tuple(dict.fromkeys(q for q in (text, fragment) if q)),
            filters=_describe(filters),
            candidates=tuple(_candidate(h) for h in results[:5]),
        )
        return results, trace

    def _keeper(self, filters: Filters, kinds: tuple[str, ...]) -> Callable[[_Record], bool] | None:
        meta = self.index().article_meta
        speakers = set(filters.speakers)
        if kinds == ("quote", "passage") and not (
            speakers or filters.outlet or filters.date_from or filters.date_to
        ):
            return None

        def keep(record: _Record) -> bool:
            if record.kind not in kinds:
                return False
            if speakers and getattr(record.item, "speaker", None) not in speakers:
                return False
            outlet, day = meta.get(record.item.article_id, ("", 0))
            if filters.outlet and outlet != filters.outlet:
                return False
            if filters.date_from and day < filters.date_from:
                return False
            return not (filters.date_to and not 0 < day <= filters.date_to)

        return keep


def _save_index(index: LexicalIndex, path: Path) -> None:
    """Write atomically, then drop indexes of older versions; a read-only library skips it."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".quotedesk-lexical-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            pickle.dump(index, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return
    for old in path.parent.glob(INDEX_FILE.format(key="*")):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


def _candidate(hit: Hit) -> Candidate:
    text = hit.text if len(hit.text) <= 160 else hit.text[:157] + "..."
    return Candidate(kind=hit.kind, id=hit.id, text=text, score=hit.score)


def _describe(filters: Filters) -> dict[str, object]:
    out: dict[str, object] = {}
    if filters.speakers:
        out["speaker"] = list(filters.speakers)
    if filters.outlet:
        out["outlet"] = filters.outlet
    if filters.date_from:
        out["published_day_from"] = filters.date_from
    if filters.date_to:
        out["published_day_to"] = filters.date_to
    return out
