"""Check a draft before publication: find every quotation, verify each against the library.

Quotations and their speakers are read with the same attribution engine ingest uses,
so a draft is read exactly the way a stored article was. Two conventions of drafts
are read on top of it: a colon lead-in claims the quotation for the subject of the
clause before the colon ("Roe, of the bank, was gloomier: "..."" and "A teases him,
but B put it this way: "..."" both name their speaker there), and a quotation split
around its cue ("'...,' Roe said. '...'") is one claim, checked as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.retrieve import Retriever
from assistant.verify import verify_quote
from quotedesk.config import MAX_QUOTE_CHARS
from quotedesk.models import Quote, Verification

# how bad each verdict is for the claim it belongs to: a split quote is as bad as its worst part
_WORST_FIRST = ("not_found", "altered", "misattributed", "words_verified", "verified")
SPLIT_GAP_WORDS = 6  # at most this many words between the parts of one split quotation
# a two-apostrophe mark (''...'') as some wire copy writes double quotes
_TWO_APOSTROPHES = re.compile(r"(?<![\w'])''(?=\w)|(?<=[\w.,!?])''(?![\w'])")


@dataclass(frozen=True)
class DraftCheck:
    """One quotation of a draft: where it is, who the draft says said it, the verdict.

    ``quote`` is ``draft[start:end]``; a quotation split around its cue covers both
    parts (``parts`` holds each part's offsets) and gets the verdict of its worst part.
    """

    quote: str
    start: int
    end: int
    claimed_speaker: str | None
    verification: Verification
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def verdict(self) -> str:
        return self.verification.verdict

    @property
    def ok(self) -> bool:
        """Only a verified quote is fine to publish as written; words whose speaker is
        unconfirmed still need a human check."""
        return self.verdict == "verified"

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "claimed_speaker": self.claimed_speaker,
            "verdict": self.verdict,
            "verification": self.verification.to_dict(),
        }


@dataclass(frozen=True)
class Claim:
    """A quotation the text makes: its parts' offsets and the speaker it names (or None).

    ``reported`` marks unquoted reported speech ("Roe said that ..."): a draft may
    paraphrase, so only an LLM reply, which must not, is held to it word for word.
    """

    parts: tuple[tuple[int, int], ...]
    speaker: str | None
    reported: bool = False


def check_draft(
    retriever: Retriever, text: str, max_quote_chars: int = MAX_QUOTE_CHARS
) -> list[DraftCheck]:
    """Every quotation in ``text`` with its verdict, in draft order.

    A quotation longer than ``max_quote_chars`` is checked in pieces of at most that
    length (its worst piece decides), so one long quotation costs what several short
    ones do instead of a search whose time grows with its square.
    """
    checks = []
    for claim in read_claims(text):
        if claim.reported:
            continue
        pieces = [p for a, b in claim.parts for p in _pieces(text, a, b, max_quote_chars)]
        verifications = [verify_quote(retriever, text[a:b], claim.speaker) for a, b in pieces]
        worst = min(verifications, key=lambda v: _WORST_FIRST.index(v.verdict))
        start, end = claim.parts[0][0], claim.parts[-1][1]
        checks.append(DraftCheck(text[start:end], start, end, claim.speaker, worst, claim.parts))
    return checks


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at spaces into spans of at most ``limit`` characters."""
    pieces = []
    while end - start > limit:
        cut = text.rfind(" ", start + 1, start + limit + 1)
        cut = cut if cut > start else start + limit
        pieces.append((start, cut))
        start = cut + 1 if text[cut] == " " else cut
    pieces.append((start, end))
    return pieces


def read_claims(text: str) -> list[Claim]:
    """Every quotation in ``text`` (the words between marks) with the speaker it is given,
    and every stretch of reported speech outside marks, in text order."""
    from ingest.attribute import attribute_text
    from ingest.attribute.marks import find_marked_spans, paragraphs

    even = _even_marks(text)
    quotes = attribute_text(even)
    paras = paragraphs(even)
    spans = find_marked_spans(even, paras)
    lead_ins = _lead_in_speakers(even, paras, spans)
    claims: list[Claim] = []
    for span in spans:
        if not any(ch.isalnum() for ch in even[span.start : span.end]):
            continue
        speaker = lead_ins.get(span.open_at) or _engine_speaker(quotes, span.start, span.end)
        if speaker is None and span.continued and claims:
            speaker = claims[-1].speaker  # a quotation running on into the next paragraph
        claims.append(Claim(((span.start, span.end),), speaker))
    claims = _join_split(even, claims)
    marked = [(s.open_at, s.end) for s in spans]
    claims.extend(
        Claim(((q.start, q.end),), q.speaker, reported=True)
        for q in quotes
        if q.kind == "indirect" and not any(a < q.end and q.start <= b for a, b in marked)
    )
    return sorted(claims, key=lambda c: c.parts[0])


def _even_marks(text: str) -> str:
    """Two-apostrophe marks as a space and a double mark: same length, so offsets hold."""
    return _TWO_APOSTROPHES.sub(
        lambda m: ' "' if m.group().startswith("'") and _opens(text, m.start()) else '" ', text
    )


def _opens(text: str, at: int) -> bool:
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in ".,!?")


def _engine_speaker(quotes: list[Quote], start: int, end: int) -> str | None:
    """The speaker the engine gives the quote record that overlaps these words most."""
    best = max(quotes, key=lambda q: min(end, q.end) - max(start, q.start), default=None)
    if best is None or min(end, best.end) <= max(start, best.start):
        return None
    return best.speaker


def _lead_in_speakers(text: str, paras: list, spans: list) -> dict[int, str]:
    """Opening mark offset -> the speaker a colon lead-in names for that quotation."""
    from ingest.attribute.mentions import build_registry
    from ingest.attribute.nlp import analyse
    from ingest.attribute.resolve import resolve

    colons = {s.open_at: s.open_at - 1 - _gap(text, s.open_at) for s in spans}
    colons = {at: c for at, c in colons.items() if c >= 0 and text[c] == ":"}
    if not colons:
        return {}
    docs = list(analyse([text[p.start : p.end] for p in paras]))
    registry = build_registry(docs, [p.start for p in paras], [(s.start, s.end) for s in spans])
    found: dict[int, str] = {}
    for open_at, colon in colons.items():
        para = next(i for i, p in enumerate(paras) if p.start <= colon < p.end)
        subject = _lead_in_subject(docs[para], colon - paras[para].start)
        if subject is not None:
            speaker = resolve(subject, colon, registry, None)
            if speaker.name:
                found[open_at] = speaker.name
    return found


def _gap(text: str, at: int) -> int:
    """How many spaces stand right before offset ``at``."""
    return len(text[:at]) - len(text[:at].rstrip(" \t"))


def _lead_in_subject(doc: Any, colon: int) -> Any:
    """The subject of the last clause before the colon ("..., but B put it this way:")."""
    sentence = next((s for s in doc.sents if s.start_char <= colon < s.end_char), None)
    if sentence is None:
        return None
    subjects = [
        child
        for token in sentence
        if token.idx < colon
        for child in token.children
        if child.dep_ in ("nsubj", "nsubjpass") and child.idx < colon
    ]
    return max(subjects, key=lambda t: t.head.idx, default=None)


def _join_split(text: str, claims: list[Claim]) -> list[Claim]:
    """'"...," Roe said. "..."': the parts of one quotation around its cue, as one claim."""
    joined: list[Claim] = []
    for claim in claims:
        previous = joined[-1] if joined else None
        if previous is not None and previous.speaker and claim.speaker == previous.speaker:
            between = text[previous.parts[-1][1] : claim.parts[0][0]]
            cue_only = "\n" not in between and len(re.findall(r"\w+", between)) <= SPLIT_GAP_WORDS
            if cue_only and re.search(r"\w", between):
                joined[-1] = Claim(previous.parts + claim.parts, claim.speaker)
                continue
        joined.append(claim)
    return joined
