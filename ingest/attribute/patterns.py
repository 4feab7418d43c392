"""Speech constructions written as token patterns, each with one handler.

A pattern (spaCy ``Matcher`` for token sequences, ``DependencyMatcher`` for arcs) finds
where a construction sits in a parsed paragraph;
its handler turns the match into a ``Frame`` naming who speaks, or drops it. Adding a
construction is a pattern, a handler and a row in tests/test_attribute_constructions.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Token

from ingest.attribute.cues import DOCUMENT_NOUNS, PUBLISH_VERBS
from ingest.attribute.frames import Frame, chars, trim
from ingest.attribute.marks import MarkedSpan
from ingest.attribute.nlp import get_nlp, is_parsed

_BESIDE = ["--", "\u2014", "\u2013", "-", "("]  # what sets a quotation beside a name
BESIDE_QUOTE = frozenset([*_BESIDE, ":"])  # the cues of frames these patterns make


def _opening(token: Token, base: int, spans: list[MarkedSpan]) -> MarkedSpan | None:
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


def _name_beside_quote(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "..., including Ana Ruiz -- "we cannot pay" -- before the vote": the name set
    right beside the quotation speaks it, whoever the sentence's subject is."""
    name, dash, mark = tokens
    span = _opening(mark, base, spans)
    if span is None:
        return None
    close = span.close_at + 1 if span.close_at is not None else span.end
    return _frame(dash, name, base, (span.open_at, close))


def _colon_lead_in(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "Ruiz, a retired captain, was blunt: "..."", "but Ruiz put it plainly: "..."",
    "(Ruiz: "...")": the subject of the clause that ends at the colon (after any
    bracket or dash), or else the name just before it, introduces the quotation."""
    colon, mark = tokens
    doc = colon.doc
    span = _opening(mark, base, spans)
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


def _document_saying(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "The airline released a statement saying flights would resume": the document's
    words are its issuer's, here the subject of the verb that put it out."""
    say, document = tokens
    clauses = [c for c in say.children if c.dep_ == "ccomp"]
    last = clauses[0].right_edge if clauses else say.sent[-1]
    if say.i + 1 > last.i:
        return None
    content = trim(text, *chars((say.doc[say.i + 1], last), base))
    if content is None:
        return None
    subject = document
    if document.dep_ == "dobj" and document.head.lemma_.lower() in PUBLISH_VERBS:
        issuers = [c for c in document.head.children if c.dep_ == "nsubj"]
        subject = issuers[0] if issuers else document
    return Frame(
        cue=say.text,
        subject=subject,
        verb=say,
        base=base,
        sentence=chars(say.sent, base),
        scope=(base + document.idx, content[1]),
        cue_at=base + say.idx,
        content=content,
    )


Handler = Callable[[tuple[Token, ...], int, str, list[MarkedSpan]], Frame | None]


@dataclass(frozen=True)
class Construction:
    patterns: list[list[dict]]
    handler: Handler
    syntax: bool = False  # a DependencyMatcher pattern (arcs), else a Matcher one (tokens)


CONSTRUCTIONS: dict[str, Construction] = {
    "name_beside_quote": Construction(
        [[{"ENT_TYPE": "PERSON"}, {"TEXT": {"IN": _BESIDE}}, {"IS_QUOTE": True}]],
        _name_beside_quote,
    ),
    "colon_lead_in": Construction([[{"TEXT": ":"}, {"IS_QUOTE": True}]], _colon_lead_in),
    "document_saying": Construction(
        [
            [
                {"RIGHT_ID": "say", "RIGHT_ATTRS": {"LEMMA": "say", "TAG": "VBG", "DEP": "acl"}},
                {
                    "LEFT_ID": "say",
                    "REL_OP": "<",
                    "RIGHT_ID": "document",
                    "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(DOCUMENT_NOUNS)}},
                },
            ]
        ],
        _document_saying,
        syntax=True,
    ),
}


@lru_cache(maxsize=1)
def _matchers() -> tuple[Matcher, DependencyMatcher]:
    vocab = get_nlp().vocab
    tokens, syntax = Matcher(vocab), DependencyMatcher(vocab)
    for name, construction in CONSTRUCTIONS.items():
        (syntax if construction.syntax else tokens).add(name, construction.patterns)
    return tokens, syntax


def pattern_frames(doc: Doc, base: int, text: str, spans: list[MarkedSpan]) -> list[Frame]:
    """Frames of every construction matched in one parsed paragraph."""
    if not is_parsed(doc):
        return []
    tokens, syntax = _matchers()
    matches = [(m, tuple(doc[start:end])) for m, start, end in tokens(doc)]
    matches += [(m, tuple(doc[i] for i in ids)) for m, ids in syntax(doc)]
    found = []
    for match_id, matched in matches:
        construction = CONSTRUCTIONS.get(doc.vocab.strings[match_id])
        frame = construction and construction.handler(matched, base, text, spans)
        if frame is not None:
            found.append(frame)
    return found
