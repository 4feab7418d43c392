"""Provenance before publication: is this quote in the library, word for word, and whose?

The verdict comes from a word alignment against the stored article text (not from a
similarity score alone): identical words are ``verified`` only when the claimed
speaker is the one the library stored with confidence, ``misattributed`` when that
speaker is someone else, and ``words_verified`` when the speaker could not be checked
(none claimed, or the stored attribution is uncertain); close wording is ``altered``
with a diff whose meaning-changing edits are flagged, anything weaker is ``not_found``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.align import elision_note
from assistant.citations import Match, cite_match, locate
from assistant.names import looks_like_name, name_parts, same_person
from assistant.retrieve import Retriever
from quotedesk.models import Citation, SpeakerCheck, Verdict, Verification
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
    checks = {id(m): speaker_check(retriever, m, speaker) for m in same}
    # Among equally good places, the one that best supports the claimed speaker is the
    # evidence, and a primary source (a transcript) before a report of it.
    same.sort(
        key=lambda m: (
            -m.alignment.similarity,
            _SUPPORT.index(checks[id(m)]),
            not _is_transcript(retriever, m),
        )
    )
    best = same[0]
    check = checks[id(best)] if best.alignment.exact else None
    citation = cite_match(retriever, best)
    earliest = sorted(same, key=lambda m: (m.day == 0, m.day, m.article_id, m.alignment.start))
    appearances = tuple(c for c in (cite_match(retriever, m) for m in earliest) if c)
    return Verification(
        verdict=_VERDICTS[check] if check else "altered",
        quote=claim,
        speaker=best.speaker,
        claimed_speaker=speaker,
        similarity=best.alignment.similarity,
        diff=best.alignment.diff,
        citation=citation,
        appearances=appearances,
        trace=trace,
        elided=best.alignment.elided,
        speaker_check=check,
    )


def _is_transcript(retriever: Retriever, match: Match) -> bool:
    article = retriever.article(match.article_id)
    return article is not None and article.kind == "transcript"


_SUPPORT: tuple[SpeakerCheck, ...] = ("confirmed", "not_claimed", "uncertain", "contradicted")
_VERDICTS: dict[SpeakerCheck, Verdict] = {
    "confirmed": "verified",
    "contradicted": "misattributed",
    "uncertain": "words_verified",
    "not_claimed": "words_verified",
}


def speaker_check(retriever: Retriever, match: Match, claimed: str | None) -> SpeakerCheck:
    """How ``claimed`` compares with the library's speaker of the matched words.

    Only a stored attribution made with confidence confirms or contradicts a claim: a
    low-confidence one (a follow-on guess) is reported as uncertain either way. Words
    stored without a named speaker, whose sentences around them name the claimed
    person, are uncertain too: the article may say so, but the library did not read it.
    """
    if not claimed:
        return "not_claimed"
    record = match.record
    if record is not None and record.speaker and looks_like_name(record.speaker):
        if record.speaker_uncertain:
            return "uncertain"
        return "confirmed" if same_person(claimed, record.speaker) else "contradicted"
    if same_person(claimed, match.speaker) or _named_nearby(retriever, match, claimed):
        return "uncertain"
    return "contradicted"


def _named_nearby(retriever: Retriever, match: Match, claimed: str) -> bool:
    """Does the claimed surname appear in the sentences around the matched words?"""
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
    "words_verified": (3, "Accurate words, speaker unconfirmed"),
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
        return f"Verified: the words appear{where}{by}{elision_note(v.elided)}."
    if v.verdict == "words_verified":
        return (
            f"Words verified, {_unconfirmed(v)}: the words appear{where}"
            f"{elision_note(v.elided)}{_why_unconfirmed(v)}."
        )
    if v.verdict == "misattributed":
        return (
            f"Misattributed: the words appear{where}, but they are said by {who}, "
            f"not {v.claimed_speaker}."
        )
    if v.verdict == "altered":
        flags = sorted({d.flag for d in v.diff if d.flag})
        change = f" (meaning changed: {', '.join(flags)})" if flags else ""
        by = f" by {v.speaker}" if v.speaker else ""
        if v.elided and v.similarity >= 1.0:  # every word is there; the ellipsis is not
            return f"Altered: the words appear{where}{by}{elision_note(v.elided)}{change}."
        return (
            f"Altered: the closest source{where}{by} words it differently{change}; "
            f"similarity {v.similarity:.2f}."
        )
    searched = "; ".join(v.trace.queries) if v.trace else v.quote
    return (
        f"Not found: nothing in the library is close to these words "
        f"(searched: {searched}; best similarity {v.similarity:.2f})."
    )


def verdict_label(v: Verification) -> str:
    """The verdict in a few words, for tables and headings ("Words verified, speaker uncertain")."""
    if v.verdict == "words_verified":
        return f"Words verified, {_unconfirmed(v)}"
    return v.verdict.replace("_", " ").capitalize()


def _unconfirmed(v: Verification) -> str:
    return "speaker not checked" if v.speaker_check == "not_claimed" else "speaker uncertain"


def _why_unconfirmed(v: Verification) -> str:
    if v.speaker_check == "not_claimed":
        by = f"attributed to {v.speaker}" if v.speaker else "with no quoted speaker"
        return f", {by}; no speaker was claimed, so none was checked"
    if v.speaker:
        return (
            f"; the library's attribution to {v.speaker} is uncertain, so it cannot "
            f"confirm {v.claimed_speaker} as the speaker"
        )
    return f"; the library has no speaker for them, so it cannot confirm {v.claimed_speaker}"


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
