"""Speech constructions written as token patterns, each with one handler.

A pattern (spaCy ``Matcher``) finds where a construction sits in a parsed paragraph;
its handler turns the match into a ``Frame`` naming who speaks, or drops it. Adding a
construction is a pattern, a handler and a row in tests/test_attribute_constructions.py.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from ingest.attribute.frames import Frame, chars
from ingest.attribute.marks import MarkedSpan
from ingest.attribute.nlp import get_nlp, is_parsed

_BESIDE = ["--", "\u2014", "\u2013", "-", "("]  # what sets a quotation beside a name
BESIDE_QUOTE = frozenset([*_BESIDE, ":"])  # the cues of frames these patterns make


def _opening(doc: Doc, token: Token, base: int, spans: list[MarkedSpan]) -> MarkedSpan | None:
    """The quoted stretch that opens at ``token`` (a mark that closes one is no match)."""
    at = base + token.idx
    return next((s for s in spans if s.open_at == at), None)


def _frame(cue: Token, subject: Token, base: int, scope: tuple[int, int]) -> Frame:
    return Frame(
        cue=cue.text,
        subject=subject,
        verb=subject.head if subject.head.pos_ in ("VERB", "AUX") else None,
        base=base,
        sentence=chars(cue.sent, base),
        scope=scope,
        cue_at=base + cue.idx,
        content=None,
    )


def _name_beside_quote(doc: Doc, match: Span, base: int, spans) -> Frame | None:
    """ "..., including Ana Ruiz -- "we cannot pay" -- before the vote": the name set
    right beside the quotation speaks it, whoever the sentence's subject is."""
    name, dash, mark = match
    span = _opening(doc, mark, base, spans)
    if span is None:
        return None
    close = span.close_at + 1 if span.close_at is not None else span.end
    return _frame(dash, name, base, (span.open_at, close))


def _colon_lead_in(doc: Doc, match: Span, base: int, spans) -> Frame | None:
    """ "Ruiz, a retired captain, was blunt: "..."", "but Ruiz put it plainly: "..."",
    "(Ruiz: "...")": the subject of the clause that ends at the colon (after any
    bracket or dash), or else the name just before it, introduces the quotation."""
    colon, mark = match
    span = _opening(doc, mark, base, spans)
    if span is None:
        return None
    opens = [t.i + 1 for t in doc[colon.sent.start : colon.i] if t.text in _BESIDE]
    lead_in = doc[max([colon.sent.start, *opens]) : colon.i]
    subjects = [t for t in lead_in if t.dep_ == "nsubj" and t.head.i < colon.i]
    subject = subjects[-1] if subjects else None
    if subject is None and lead_in and lead_in[-1].ent_type_ == "PERSON":
        subject = lead_in[-1]  # "(Ruiz: ...)"; but in "he told Ruiz:" he speaks
    if subject is None or subject.lower_ == "it":  # "It reads:" is a sign or a letter
        return None
    # a pronoun only where the parse made the lead-in the sentence ("She was blunt:");
    # when it hung the lead-in under the quotation, the context knows better
    pronoun = subject.pos_ == "PRON" and subject.head.dep_ == "ROOT"
    if not (pronoun or subject.pos_ == "PROPN" or subject.ent_type_):
        return None
    return _frame(colon, subject, base, (base + colon.idx, chars(colon.sent, base)[1]))


Handler = Callable[[Doc, Span, int, list[MarkedSpan]], Frame | None]

# name -> (token patterns, handler)
CONSTRUCTIONS: dict[str, tuple[list[list[dict]], Handler]] = {
    "name_beside_quote": (
        [[{"ENT_TYPE": "PERSON"}, {"TEXT": {"IN": _BESIDE}}, {"IS_QUOTE": True}]],
        _name_beside_quote,
    ),
    "colon_lead_in": ([[{"TEXT": ":"}, {"IS_QUOTE": True}]], _colon_lead_in),
}


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(get_nlp().vocab)
    for name, (patterns, _) in CONSTRUCTIONS.items():
        matcher.add(name, patterns)
    return matcher


def pattern_frames(doc: Doc, base: int, spans: list[MarkedSpan]) -> list[Frame]:
    """Frames of every construction matched in one parsed paragraph."""
    if not is_parsed(doc):
        return []
    found = []
    for match_id, start, end in _matcher()(doc):
        handler = CONSTRUCTIONS[doc.vocab.strings[match_id]][1]
        frame = handler(doc, doc[start:end], base, spans)
        if frame is not None:
            found.append(frame)
    return found
