"""Hybrid retrieval over quote records and passages: vectors, BM25 and fuzzy alignment.

Each signal misses something the others catch: vectors find paraphrases ("the cold
war will go on" for "A cold war will go on."), BM25 finds rare names and exact
wording the embedder blurs, and fuzzy alignment of the user's fragment against each
candidate decides between near-duplicates. Lists are fused by reciprocal rank (no
score calibration needed), then reranked by the fuzzy score when there is a fragment.

The lexical side lives in a SQLite file beside the library (``assistant.lexical``),
brought up to date when ``store.version()`` changes; article texts are cached in
memory. A query costs one embedding, two Chroma queries, a few postings reads and numpy.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from assistant.align import fuzzy_score
from assistant.lexical import LexicalIndex, Restriction, open_index
from assistant.names import matching_names
from quotedesk.models import Article, Candidate, Passage, Quote, SearchTrace, Sentence
from quotedesk.store import Store

_NEAR = 1500  # characters of context split into sentences around a citation
RRF_K = 60  # the usual reciprocal-rank-fusion constant: flattens the head of each list


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

    def restriction(self, kinds: tuple[str, ...] = ("quote", "passage")) -> Restriction:
        """The same restrictions for the lexical index."""
        return Restriction(kinds, self.speakers, self.outlet, self.date_from, self.date_to)


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


class Retriever:
    """Hybrid search over one store, with caches that follow the store's version."""

    def __init__(self, store: Store, *, k: int = 20, article_cache: int = 256) -> None:
        self.store = store
        self.k = k
        self._lock = threading.Lock()
        self._version: int | None = None
        self._lexical: LexicalIndex | None = None
        self._synced = False
        self._articles: OrderedDict[str, Article | None] = OrderedDict()
        self._records: OrderedDict[str, tuple[list[Quote], list[Passage]]] = OrderedDict()
        self._views: OrderedDict[str, str | None] = OrderedDict()
        self._article_cache = article_cache
        self._vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="quotedesk-search")

    def embed(self, text: str) -> list[float]:
        """The query vector (a few recent ones are kept: follow-ups and retries repeat)."""
        return self._cached(
            self._vectors, text, lambda: self.store.embeddings.embed_query(text), limit=64
        )

    # -- caches ---------------------------------------------------------------

    def refresh(self) -> None:
        """Drop the caches when the library changed since the last call.

        Called once per question or verification (one cheap version read), not on
        every lookup: the version read is a Chroma round trip.
        """
        version = self.store.version()
        with self._lock:
            if version != self._version:
                self._version, self._synced = version, False
                self._articles.clear()
                self._records.clear()
                self._views.clear()

    def index(self) -> LexicalIndex:
        """The lexical index, brought up to the library version of the last refresh."""
        with self._lock:
            if self._lexical is None:
                self._lexical = open_index(self.store.settings)
            if self._version is None:
                self._version = self.store.version()
            if not self._synced:
                self._lexical.sync(self.store, self._version)
                self._synced = True
            return self._lexical

    def article(self, article_id: str) -> Article | None:
        """A stored article (LRU-cached: citations slice its text)."""
        return self._cached(self._articles, article_id, lambda: self.index().article(article_id))

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
        """The article text as its stored passages give it (gaps as spaces, offsets intact):
        what a quote is aligned against; citations still slice the stored article itself."""

        def build() -> str | None:
            passages = self.passages_in(article_id)
            if not passages:
                article = self.article(article_id)
                return article.text if article else None
            chars = [" "] * max(p.end for p in passages)
            for p in passages:
                chars[p.start : p.end] = p.text
            return "".join(chars)

        return self._cached(self._views, article_id, build)

    def quotes_in(self, article_id: str) -> list[Quote]:
        return self._records_in(article_id)[0]

    def passages_in(self, article_id: str) -> list[Passage]:
        return self._records_in(article_id)[1]

    def _records_in(self, article_id: str) -> tuple[list[Quote], list[Passage]]:
        return self._cached(self._records, article_id, lambda: self.index().records_of(article_id))

    def _cached(
        self, cache: OrderedDict, key: str, make: Callable[[], Any], limit: int | None = None
    ) -> Any:
        """``make()``, remembered in ``cache`` (least recently used dropped past the limit)."""
        with self._lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        value = make()
        with self._lock:
            cache[key] = value
            while len(cache) > (limit or self._article_cache):
                cache.popitem(last=False)
        return value

    def speakers_named(self, name: str) -> list[str]:
        """Stored speaker names that ``name`` may refer to ("Putin" -> "Vladimir Putin")."""
        return matching_names(name, self.index().speakers())

    def published_day(self, article_id: str) -> int:
        return self.index().published_day(article_id)

    def quotes_matching(self, filters: Filters) -> list[Quote]:
        """Every stored quote the filters accept, earliest article first (no search)."""
        return self.index().quotes(filters.restriction(("quote",)))

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
        lexical = index.search(text, k, filters.restriction(kinds))
        vector_quotes = quotes.result() if quotes else []
        vector_passages = passages.result() if passages else []
        # records of an article still being written (or of a killed write) are not shown:
        # the index holds complete articles only
        known = index.known({r.article_id for r, _ in [*vector_quotes, *vector_passages]})
        for quote, score in vector_quotes:
            if quote.article_id in known:
                note("vector", "quote", quote, score)
        for passage, score in vector_passages:
            if passage.article_id in known:
                note("vector_passage", "passage", passage, score)
        for record, score in lexical:
            note("bm25", "quote" if isinstance(record, Quote) else "passage", record, score)

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
