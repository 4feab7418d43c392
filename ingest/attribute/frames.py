"""Speech frames: a cue verb (or "according to"), who it names, and what was said.

One sentence of a parsed paragraph can hold several frames ("Xi said that ... and
Putin declared ..."). A frame records character offsets into the article text so
the engine can pair it with quotation marks and slice quotes verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ingest.attribute.cues import NEEDS_CONTENT, QUOTE_ONLY, SPEECH_VERBS

_SUBJECTS = ("nsubj",)  # a passive subject is what was said, never who
_INHERITS_SUBJECT = ("conj", "advcl", "xcomp")
_EDGE_PUNCT = " ,;:\u2014\u2013-"
_LEADING_WORDS = ("that ", "That ")


@dataclass
class Frame:
    cue: str
    subject: Token
    verb: Token | None  # None for "according to"
    base: int  # offset of the parsed paragraph in the article text
    sentence: tuple[int, int]
    scope: tuple[int, int]  # the cue's clause; a quotation inside it is its argument
    cue_at: int
    content: tuple[int, int] | None  # reported words when the frame has its own clause
    quote_only: bool = False
    used: bool = False


def _chars(span: Span | tuple[Token, Token], base: int) -> tuple[int, int]:
    first, last = (span[0], span[-1]) if isinstance(span, Span) else span
    return base + first.idx, base + last.idx + len(last.text)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    for word in _LEADING_WORDS:
        if text.startswith(word, start):
            start += len(word)
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return (start, end) if len(text[start:end].split()) >= 3 else None


def subject_of(verb: Token) -> Token | None:
    """The speaker slot: the verb's own subject, or the one it shares ("..., adding")."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    if (
        verb.dep_ in _INHERITS_SUBJECT
        and verb.head is not verb
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        return subject_of(verb.head)
    return None


def _content(verb: Token, sent: Span, text: str, base: int) -> tuple[int, int] | None:
    """The reported clause: the verb's complement, or the clause a trailing cue follows."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return _trim(text, *_chars((child.left_edge, child.right_edge), base))
    for child in verb.rights:
        # "said most plastic drifts ...": the tagger read the clause's verb as a noun
        if child.dep_ == "dobj" and verb.lemma_ == "say" and len(list(child.subtree)) >= 4:
            return _trim(text, *_chars((child.left_edge, sent[-1]), base))
    first = verb.left_edge.i
    if first - sent.start >= 3 and text[base + sent.doc[first - 1].idx] in ",\u2014\u2013-":
        # "The plan will fail, he said." with no complement arc: the words before the cue
        return _trim(text, *_chars((sent[0], sent.doc[first - 1]), base))
    return None


def _according_to(token: Token) -> Token | None:
    if token.lower_ != "according":
        return None
    for to in token.children:
        if to.lower_ == "to":
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for obj in nxt.children:
            if obj.dep_ == "pobj":
                return obj
    return None


def _minus(sent: Span, phrase: tuple[int, int], text: str, base: int) -> tuple[int, int] | None:
    """The sentence without the "according to X" phrase, on whichever side is longer."""
    s_start, s_end = _chars(sent, base)
    before = (s_start, phrase[0])
    after = (phrase[1], s_end)
    start, end = before if before[1] - before[0] >= after[1] - after[0] else after
    return _trim(text, start, end)


def governs(frame: Frame, start: int, end: int) -> bool:
    """Is the quoted stretch [start, end) an argument of the cue verb itself?

    "called it "a disgrace"" and ""No," he said" are; a short quoted title that sits
    in some other clause of the sentence ("By organizing the "Summit"...") is not.
    """
    verb, base = frame.verb, frame.base
    if verb is None:
        return False
    for token in verb.doc:
        at = base + token.idx
        heads_outside = start <= at < end and not start <= base + token.head.idx < end
        if heads_outside and (token.head.i == verb.i or start <= base + verb.head.idx < end):
            return True
    return False


def find_frames(doc, base: int, text: str, quoted: list[tuple[int, int]]) -> list[Frame]:
    """Every speech frame in one parsed paragraph whose cue is outside quotation marks."""

    def inside(token: Token) -> bool:
        at = base + token.idx
        return any(start <= at < end for start, end in quoted)

    frames: list[Frame] = []
    for sent in doc.sents:
        sentence = _chars(sent, base)
        for token in sent:
            if inside(token):
                continue
            source = _according_to(token)
            if source is not None and not inside(source):
                phrase = _chars((token, source.right_edge), base)
                frames.append(
                    Frame(
                        cue=f"{token.text} {token.nbor(1).text}",
                        subject=source,
                        verb=None,
                        base=base,
                        sentence=sentence,
                        scope=sentence,
                        cue_at=base + token.idx,
                        content=_minus(sent, phrase, text, base),
                    )
                )
                continue
            lemma = token.lemma_.lower()
            if lemma not in SPEECH_VERBS or token.pos_ != "VERB":
                continue
            subject = subject_of(token)
            if subject is None or inside(subject) or subject.i == token.i:
                continue
            content = _content(token, sent, text, base)
            if lemma in NEEDS_CONTENT and content is None and not quoted:
                continue
            frames.append(
                Frame(
                    cue=token.text,
                    subject=subject,
                    verb=token,
                    base=base,
                    sentence=sentence,
                    scope=_chars((token.left_edge, token.right_edge), base),
                    cue_at=base + token.idx,
                    content=None if lemma in QUOTE_ONLY else content,
                    quote_only=lemma in QUOTE_ONLY,
                )
            )
    return frames
