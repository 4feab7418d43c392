"""Provenance before publication: is this quote in the library, word for word, and whose?

The verdict comes from a word alignment against the stored article text (not from a
similarity score alone): identical words are ``verified`` (or ``misattributed`` when
the stored speaker is someone else), close wording is ``altered`` with a diff whose
meaning-changing edits are flagged, anything weaker is ``not_found``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.citations import Match, cite_match, locate
from assistant.names import looks_like_name, name_parts, same_person
from assistant.retrieve import Retriever
from quotedesk.models import Citation, Verification
from quotedesk.text import words

ALTERED_MIN = 0.6  # below this share of shared words, it is a different statement
MIN_SHARED_WORDS = 3
APPEARANCE_MARGIN = 0.05  # other places count as the same words within this similarity


def _found(match: Match, claim_words: int) -> bool:
    a = match.alignment
    return a.similarity >= ALTERED_MIN and a.matched_words >= min(MIN_SHARED_WORDS, claim_words)


def verify_quote(retriever: Retriever, claim: str, speaker: str | None = None) -> Verification:
    """Check ``claim`` (optionally said by ``speaker``) against the library."""
    claim = claim.strip().strip("\"'\u201c\u201d\u2018\u2019 ")
    if not words(claim):
        return Verification("not_found", claim, claimed_speaker=speaker)
    retriever.refresh()
    hits, trace = retriever.search(claim, fragment=claim)
    n_words = len(words(claim))
    matches = [m for m in locate(retriever, claim, hits) if _found(m, n_words)]
    if not matches:
        return Verification(
            "not_found",
            claim,
            claimed_speaker=speaker,
            trace=trace,
            similarity=_best_similarity(retriever, claim, hits),
        )
    top = matches[0].alignment.similarity
    same = [m for m in matches if m.alignment.similarity >= top - APPEARANCE_MARGIN]
    supported = {id(m): bool(speaker) and _said_by(retriever, m, speaker or "") for m in same}
    # Among equally good places, one that supports the claimed speaker is the evidence.
    same.sort(key=lambda m: (-m.alignment.similarity, not supported[id(m)]))
    best = same[0]
    found_speaker = best.speaker
    if not best.alignment.exact:
        verdict = "altered"
    elif speaker and not supported[id(best)]:
        verdict = "misattributed"
    else:
        verdict = "verified"
        if speaker and not same_person(speaker, best.speaker):
            found_speaker = speaker  # named right beside the words, though not as a record
    citation = cite_match(retriever, best)
    earliest = sorted(same, key=lambda m: (m.day == 0, m.day, m.article_id, m.alignment.start))
    appearances = tuple(c for c in (cite_match(retriever, m) for m in earliest) if c)
    return Verification(
        verdict=verdict,  # type: ignore[arg-type]
        quote=claim,
        speaker=found_speaker,
        claimed_speaker=speaker,
        similarity=best.alignment.similarity,
        diff=() if best.alignment.exact else best.alignment.ops,
        citation=citation,
        appearances=appearances,
        trace=trace,
    )


def _said_by(retriever: Retriever, match: Match, claimed: str) -> bool:
    """Does the library support ``claimed`` as the speaker of the matched words?

    A named stored speaker decides. When the words are stored without a speaker, or
    with only a description ("the minister"), the claimed surname appearing in the
    sentences around them (the attribution the article itself gives) supports it.
    """
    if same_person(claimed, match.speaker):
        return True
    if match.speaker and looks_like_name(match.speaker):
        return False
    parts = name_parts(claimed)
    if not parts:
        return False
    a = match.alignment
    sentences = retriever.sentences(match.article_id, a.start, a.end)
    inside = [i for i, s in enumerate(sentences) if s.start < a.end and a.start < s.end]
    if not inside:
        return False
    around = sentences[max(0, inside[0] - 1) : inside[-1] + 2]
    article = retriever.article(match.article_id)
    if article is None:
        return False
    nearby = words(article.text[around[0].start : around[-1].end])
    return parts[-1] in nearby


def _best_similarity(retriever: Retriever, claim: str, hits: list) -> float:
    """The closest thing seen, so a not-found still says how close the library came."""
    matches = locate(retriever, claim, hits, limit=3)
    return matches[0].alignment.similarity if matches else 0.0


_RATINGS = {
    "verified": (4, "Accurate"),
    "altered": (2, "Altered quote"),
    "misattributed": (1, "Misattributed"),
    "not_found": (1, "No source found"),
}


def explain(v: Verification) -> str:
    """One plain sentence stating the verdict and its evidence."""
    c = v.citation
    where = f" {c.where()}" if c else ""
    who = v.speaker or "no quoted speaker (the article's own words)"
    if v.verdict == "verified" and c and c.medium == "transcript" and v.speaker:
        at = f" at {c.timestamp}" if c.timestamp else ""
        title = f"\u201c{c.title}\u201d"
        return f"Verified against a transcript: {v.speaker} said these words{at} in {title}."
    if v.verdict == "verified":
        by = f" and attributed to {v.speaker}" if v.speaker else ""
        return f"Verified: the words appear{where}{by}."
    if v.verdict == "misattributed":
        return (
            f"Misattributed: the words appear{where}, but they are said by {who}, "
            f"not {v.claimed_speaker}."
        )
    if v.verdict == "altered":
        flags = sorted({d.flag for d in v.diff if d.flag})
        change = f" (meaning changed: {', '.join(flags)})" if flags else ""
        by = f" by {v.speaker}" if v.speaker else ""
        return (
            f"Altered: the closest source{where}{by} words it differently{change}; "
            f"similarity {v.similarity:.2f}."
        )
    searched = "; ".join(v.trace.queries) if v.trace else v.quote
    return (
        f"Not found: nothing in the library is close to these words "
        f"(searched: {searched}; best similarity {v.similarity:.2f})."
    )


def to_claimreview(
    verification: Verification, *, reviewed_on: date | None = None
) -> dict[str, Any]:
    """The verdict as schema.org ClaimReview JSON-LD, for fact-check publishing tools."""
    v = verification
    rating, label = _RATINGS[v.verdict]
    claim: dict[str, Any] = {"@type": "Claim"}
    if v.claimed_speaker or v.speaker:
        claim["author"] = {"@type": "Person", "name": v.claimed_speaker or v.speaker}
    appearances = [_creative_work(c) for c in v.appearances]
    if appearances:
        claim["firstAppearance"] = appearances[0]
        claim["appearance"] = appearances
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": v.quote,
        "datePublished": (reviewed_on or date.today()).isoformat(),
        "author": {"@type": "Organization", "name": "Quotedesk"},
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": 4,
            "worstRating": 1,
            "alternateName": label,
        },
        "reviewBody": explain(v),
    }
    return review


def _creative_work(c: Citation) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": c.title, "text": c.quote}
    if c.published:
        work["datePublished"] = c.published
    if c.author:
        work["author"] = {"@type": "Person", "name": c.author}
    if c.outlet:
        work["publisher"] = {"@type": "Organization", "name": c.outlet}
    if c.source.startswith(("http://", "https://")):
        work["url"] = c.source
    return work
