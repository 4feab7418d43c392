"""The retrieval half of the chain: from a parsed question to cited evidence.

Evidence is what both answer writers (extractive and LLM) work from: the supporting
citations, further candidates, the search trace and, for a verify question, the
verdict. Keeping it separate is what lets the LLM only *choose* among citations.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.align import fuzzy_score
from assistant.citations import Match, cite, cite_match, cite_quote, locate, speaker_record
from assistant.lexical import terms
from assistant.query import Question
from assistant.retrieve import Filters, Hit, Retriever
from assistant.verify import ALTERED_MIN, verify_quote
from quotedesk.models import Citation, DiffOp, Quote, SearchTrace, Verification
from quotedesk.text import words

SIMILAR_MARGIN = 0.15  # matches this close to the best are "said similar things" too
PARAPHRASE_MIN = 0.55  # cosine a paraphrase needs before we offer it as the closest match
ELIDED_MIN = 0.9  # share of the asked words found in order, with words left out
GENERAL_MIN = 0.3
TOPIC_SURE = 0.55  # cosine that makes a quote about a topic it does not name ("NATO" and
# a quote on "cooperation" measure 0.41)
OFF_TOPIC_SHOWN = 3  # closest quotes offered when none is about the asked topic
MAX_CITATIONS = 5


@dataclass(frozen=True)
class Evidence:
    """Everything an answer may draw on; citations are already sliced from the store."""

    question: Question
    citations: tuple[Citation, ...] = ()
    candidates: tuple[Citation, ...] = ()  # weaker hits, offered to an LLM
    trace: SearchTrace = SearchTrace()
    verification: Verification | None = None
    exact: bool = True  # False when the citations are the closest paraphrase, not the words
    changes: tuple[str, ...] = ()  # meaning changes between the question and the source
    diff: tuple[DiffOp, ...] = ()  # the asked words against the lead citation, when they differ
    elided: tuple[str, ...] = ()  # what the question's ellipses stand for in the lead citation
    on_topic: bool = True  # False when none of a speaker's quotes is about the asked topic
    total: int = 0  # how many records matched in all (what-said lists are cut short)
    problem: str | None = None  # why nothing supports an answer, in words
    summary: str | None = None  # facts about the library itself (library questions)


def gather(retriever: Retriever, question: Question, *, extra: int = 0) -> Evidence:
    """Retrieve and cite what the question needs.

    ``extra`` further candidates are cited beyond the supporting ones (an LLM gets to
    choose among them; the extractive answer does not need them).
    """
    if not words(question.search_text) and question.intent != "library":
        return Evidence(question, problem="the question has no words to search for")
    retriever.refresh()
    if question.intent == "verify" and question.fragment:
        return _verify(retriever, question)
    if question.intent == "who_said" and question.fragment:
        return _who_said(retriever, question, extra)
    if question.intent == "what_said" and question.speaker:
        return _what_said(retriever, question)
    if question.intent == "library":
        return Evidence(question, summary=_catalogue(retriever, question.text))
    return _general(retriever, question, extra)


def _filters(question: Question, speakers: tuple[str, ...] = ()) -> Filters:
    return Filters(
        speakers=speakers,
        outlet=question.outlet,
        date_from=question.date_from,
        date_to=question.date_to,
    )


def _verify(retriever: Retriever, question: Question) -> Evidence:
    v = verify_quote(retriever, question.fragment or "", question.speaker)
    citations = v.appearances or ((v.citation,) if v.citation else ())
    return Evidence(
        question,
        citations,
        trace=v.trace or SearchTrace(),
        verification=v,
        exact=v.verdict != "altered",
    )


def _strong(matches: list[Match], fragment: str) -> list[Match]:
    """Matches that contain the asked words: close wording, or all but a few of the
    words in order (people ask with a quote's middle left out)."""
    need = min(3, len(words(fragment)))
    return [
        m
        for m in matches
        if m.alignment.matched_words >= need
        and (m.alignment.similarity >= ALTERED_MIN or m.alignment.coverage >= ELIDED_MIN)
    ]


def _who_said(retriever: Retriever, question: Question, extra: int) -> Evidence:
    fragment = question.fragment or ""
    hits, trace = retriever.search(fragment, fragment=fragment, filters=_filters(question))
    strong = _strong(locate(retriever, fragment, hits), fragment)
    relaxed = question.relaxed()
    if not strong and relaxed is not None:  # "in 2001" may have been part of the quote
        return _who_said(retriever, relaxed, extra)
    if strong:
        lead = strong[0].alignment
        top = lead.similarity
        changes = tuple(sorted({d.flag for d in lead.ops if d.flag}))
        similar = [m for m in strong if m.alignment.similarity >= top - SIMILAR_MARGIN]
        similar.sort(key=lambda m: (m.day == 0, m.day, m.article_id, m.alignment.start))
        # the best match leads the answer; then the earliest others (syndicated copies
        # can be many: a handful is cited, the count says how many there are)
        shown = [strong[0]] + [m for m in similar if m is not strong[0]][: MAX_CITATIONS - 1]
        ordered = tuple(c for c in (cite_match(retriever, m) for m in shown) if c)
        return Evidence(
            question,
            ordered,
            _rest(retriever, hits, ordered, fragment, extra),
            trace,
            exact=not changes,
            changes=changes,
            diff=lead.diff,
            elided=lead.elided,
            total=len(similar),
        )
    closest = [h for h in hits[:3] if _semantic(h) >= PARAPHRASE_MIN]
    if closest:
        citation = _best_sentence(retriever, closest[0], fragment)
        if citation:
            return Evidence(
                question,
                (citation,),
                _rest(retriever, hits, (citation,), fragment, extra),
                trace,
                exact=False,
                total=1,
            )
    return Evidence(
        question,
        candidates=_rest(retriever, hits, (), fragment, extra),
        trace=trace,
        problem=f"no stored quote or passage contains words close to \u201c{fragment}\u201d",
    )


def _semantic(hit: Hit) -> float:
    return max(hit.signals.get("vector", 0.0), hit.signals.get("vector_passage", 0.0))


def _best_sentence(retriever: Retriever, hit: Hit, query: str) -> Citation | None:
    """Cite the sentence of ``hit`` closest to ``query``, with the record that covers it."""
    near = retriever.sentences(hit.article_id, hit.start, hit.end)
    inside = [s for s in near if hit.start <= s.start < hit.end]
    if not inside:
        return cite(retriever, hit.article_id, hit.start, hit.end, record=hit.quote)
    best = max(inside, key=lambda s: fuzzy_score(query, s.text))
    start, end = max(best.start, hit.start), min(best.end, hit.end)
    record = hit.quote or speaker_record(retriever, hit.article_id, start, end)
    return cite(retriever, hit.article_id, start, end, record=record, score=hit.score)


def _rest(
    retriever: Retriever, hits: list[Hit], shown: tuple[Citation, ...], query: str, n: int
) -> tuple[Citation, ...]:
    """A few further candidates (not already cited) for an LLM to consider."""
    seen = {(c.article_id, c.start) for c in shown}
    out: list[Citation] = []
    for hit in hits:
        if len(out) == n:
            break
        if any(a == hit.article_id and hit.start <= s < hit.end for a, s in seen):
            continue
        citation = _best_sentence(retriever, hit, query)
        if citation and (citation.article_id, citation.start) not in seen:
            seen.add((citation.article_id, citation.start))
            out.append(citation)
    return tuple(out)


def _what_said(retriever: Retriever, question: Question) -> Evidence:
    names = tuple(retriever.speakers_named(question.speaker or ""))
    filters = _filters(question, names)
    if not names:
        return Evidence(
            question,
            trace=SearchTrace(queries=(question.text,), filters=question.filters()),
            problem=f"no quotes attributed to {question.speaker} are stored",
        )
    on_topic = True
    if question.topic:
        hits, trace = retriever.search(question.topic, filters=filters, kinds=("quote",))
        hits = [h for h in hits if h.quote and (h.article_id, h.start) not in question.exclude]
        found = [h.quote for h in hits if h.quote and is_about(question.topic, h)]
        quotes = found or _naming(retriever, question, filters)  # beyond the top hits
        # none is about the topic: the closest few are shown, and said to be off the topic
        on_topic = bool(quotes) or not hits
        quotes = quotes or [h.quote for h in hits[:OFF_TOPIC_SHOWN] if h.quote]
        scores = {h.id: h.score for h in hits}
    else:
        quotes, scores = retriever.quotes_matching(filters), {}
        trace = SearchTrace(queries=(question.text,))
        quotes = [q for q in quotes if (q.article_id, q.start) not in question.exclude]
    # the most relevant few (all, when there is no topic), shown earliest first
    shown = sorted(quotes[:MAX_CITATIONS], key=lambda q: (_day(retriever, q), q.start))
    citations = tuple(
        c for c in (cite_quote(retriever, q, score=scores.get(q.id, 0.0)) for q in shown) if c
    )
    problem = None
    if not citations:
        more = " more" if question.exclude else ""
        about = f" about {question.topic}" if question.topic else ""
        problem = f"no{more} quotes by {', '.join(names)}{about} match"
    return Evidence(
        question,
        citations,
        trace=replace(trace, filters=question.filters()),
        total=len(quotes),
        problem=problem,
        on_topic=on_topic,
    )


def is_about(topic: str, hit: Hit) -> bool:
    """Is the quote about ``topic``: it names the topic, or is very close in meaning? A
    loose cosine is not enough ("NATO" is near any talk of alliances), so a quote that
    only resembles the topic is never listed as about it."""
    return names_topic(topic, hit.text) or _semantic(hit) >= TOPIC_SURE


def names_topic(topic: str, text: str) -> bool:
    """``text`` has the topic's words (any inflection; two of them for a longer topic)."""
    wanted = {_stem(t) for t in terms(topic)}
    named = wanted & {_stem(w) for w in words(text)}
    return len(named) >= min(len(wanted), 2) > 0


def _naming(retriever: Retriever, question: Question, filters: Filters) -> list[Quote]:
    """Every quote of the speaker that names the topic, when the top hits held none."""
    topic, excluded = question.topic or "", question.exclude
    return [
        q
        for q in retriever.quotes_matching(filters)
        if (q.article_id, q.start) not in excluded and names_topic(topic, q.text)
    ]


def _stem(word: str) -> str:
    """The singular, roughly: enough for "fares"/"fare", "taxes"/"tax", "cities"/"city"
    (no verb endings: "spring" is not "spr")."""
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return (word[: -len(suffix)] + repl).rstrip("e")
    return word.rstrip("e")


def _day(retriever: Retriever, quote: Quote) -> int:
    """Earliest-first sort key; undated articles go last."""
    return retriever.published_day(quote.article_id) or 99_999_999


def _general(retriever: Retriever, question: Question, extra: int) -> Evidence:
    query = question.search_text
    hits, trace = retriever.search(query, filters=_filters(question))
    good = [h for h in hits if _semantic(h) >= GENERAL_MIN][:3]
    citations = tuple(c for c in (_best_sentence(retriever, h, query) for h in good) if c)
    problem = None if citations else f"nothing in the library is close to \u201c{query}\u201d"
    return Evidence(
        question,
        citations,
        _rest(retriever, hits[3:], citations, query, extra),
        trace,
        problem=problem,
        total=len(citations),
    )


def _catalogue(retriever: Retriever, text: str) -> str:
    """Facts about the library for "how many articles", "which outlets", "who is quoted most"."""
    from collections import Counter

    store = retriever.store
    stats = store.stats()
    lowered = text.lower()
    lines = [
        f"The library holds {stats['articles']} articles, {stats['quotes']} attributed quotes "
        f"and {stats['passages']} passages."
    ]
    summaries = store.articles()
    if "outlet" in lowered or "source" in lowered:
        outlets = Counter(a.outlet or "unknown outlet" for a in summaries)
        lines.append("Outlets: " + ", ".join(f"{o} ({n})" for o, n in outlets.most_common()))
    if any(w in lowered for w in ("speaker", "people", "quoted")):
        counts = retriever.index().most_quoted(10)
        lines.append("Most quoted: " + ", ".join(f"{s} ({n})" for s, n in counts))
    if "article" in lowered and ("list" in lowered or "which" in lowered or "what" in lowered):
        lines.extend(
            f"- {a.title} ({a.outlet or a.author or 'unknown'}, {a.published or 'undated'})"
            for a in summaries[:20]
        )
        if len(summaries) > 20:
            lines.append(f"... and {len(summaries) - 20} more")
    return "\n".join(lines)
