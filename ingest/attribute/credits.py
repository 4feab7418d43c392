"""Credits: the lines of a page that name people without reporting their speech.

A quotation signed with a dash ('"..." ― Name' or '— Name, title', on its line or the
next) is that person's: the ``signature`` pattern (patterns.py) finds the dash, the
``signature`` function reads name and title, ``credited`` pairs it with its quotation; a
pull quote set without marks and signed with a bare name is read by ``unmarked_credits``, an
interview's answer labelled with a name in capitals by ``labelled_turns``. A
reader's comment signed the same way is the reader's post, not speech by anyone in the
story. Bylines (``bylines.byline``) name the people who made the page, and the headline
sums the story up in the desk's words, so neither is ever a quote.
"""

from __future__ import annotations

import re

from ingest.attribute.bylines import CREDIT_DASHES, byline
from ingest.attribute.frames import Frame
from ingest.attribute.marks import MarkedSpan, Paragraph
from ingest.attribute.resolve import Speaker
from ingest.attribute.speakers import Entity, Registry
from ingest.attribute.tuning import LABELLED_TURN, SIGNED, SIGNED_UNMARKED
from ingest.sentences import split_sentences
from quotedesk.text import DOUBLE_QUOTES

_QUOTE_MARKS = DOUBLE_QUOTES + "\u2018`"

_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}"


def _signed_by(dashes: str) -> re.Pattern[str]:
    """ "― Name" or "— Name, title of the place" with one of ``dashes``: the rest of a line."""
    return re.compile(
        rf"\s*[{dashes}]\s*(?P<name>{_NAME})(?:,\s+(?P<title>[^\n{dashes}]{{2,100}}?))?\s*$"
    )


_SIGNATURE = _signed_by("\u2014\u2015")
# After a closing mark an en dash or a hyphen credits the quote too ('"..." - Name'); a
# comment signed with a hyphen is too like a sentence that ends in a name to count.
_QUOTE_CREDIT = _signed_by(CREDIT_DASHES)
_HEADLINE_WORDS = 20  # a headline is one short line; a longer one is prose missing its stop


def not_speech(text: str, paras: list[Paragraph]) -> set[Paragraph]:
    """Paragraphs that are bylines, the headline, or readers' comments with their
    signatures: left out of the story's speech like link lines.

    Photo captions stay: they often report what the pictured person says ("Lee says he
    ..."), and GGT's annotators count those as quotes; only their credit is no one's.
    """
    found = {p for p in paras if byline(text[p.start : p.end])}
    if len(paras) > 1 and _headline(text[paras[0].start : paras[0].end]):
        found.add(paras[0])
    for i, para in enumerate(paras):
        signed = _SIGNATURE.search(text, para.start, para.end)
        if signed is None:
            continue
        if signed.start() == para.start:  # a signature line: the comment is the line above
            comment = paras[i - 1] if i > 0 else None
        else:  # "Great idea, and about time. ― Name": signed at the end of the comment
            before = text[para.start : signed.start()].rstrip()
            comment = para if before.endswith((".", "!", "?")) else None
        if comment is not None and not _quoted(text[comment.start : comment.end]):
            found |= {comment, para}
    return found


def _headline(line: str) -> bool:
    """Is the story's first line its headline: short, with no sentence ending? A headline
    sums up in the desk's words what people said ("Librarians say loans doubled",
    "Keepers slam 'a reckless gamble'"): none of its words are anyone's quote, however
    they read."""
    last = line.rstrip(_QUOTE_MARKS + "'\u2019").rstrip()  # a closing mark may end it
    return len(line.split()) <= _HEADLINE_WORDS and not last.endswith((".", "!", "?", ":"))


def signature(text: str, at: int, end: int, *, after_quote: bool) -> re.Match[str] | None:
    """The signature that the dash at ``at`` starts and ``end`` (its line's end) ends:
    any of ``CREDIT_DASHES`` right after a quotation, only a long dash alone on a line."""
    return (_QUOTE_CREDIT if after_quote else _SIGNATURE).match(text, at, end)


def _quoted(body: str) -> bool:
    """Does a signed paragraph hold a quotation (then it is a credited quote, not a comment)?"""
    return any(ch in _QUOTE_MARKS for ch in body) or body.startswith("'")


def credited(
    text: str,
    span: MarkedSpan,
    paras: list[Paragraph],
    index: int,
    signatures: list[list[Frame]],
    registry: Registry,
) -> Speaker | None:
    """The person who signed a closed quotation ('"..." ― Name'), on its line or alone on
    the next when nothing else follows it; ``signatures`` are each paragraph's signature
    frames (``patterns.pattern_signatures``), scoped from what they sign."""
    if span.close_at is None:
        return None
    signed = next((f for f in signatures[index] if f.scope[0] == span.open_at), None)
    rest = text[span.close_at + 1 : paras[index].end].strip(" .,")
    below = paras[index + 1] if index + 1 < len(paras) else None
    # a sign-off below the story's last quotation ("— Jane Roe, Harbour News") is its writer
    if signed is None and not rest and below and not byline(text[below.start : below.end]):
        line = below.start
        signed = next((f for f in signatures[index + 1] if f.cue_at == line), None)
    if signed is None or signed.who is None:
        return None
    name, title = signed.who, signed.title
    entity = registry.resolve_name(name, signed.cue_at)
    if entity is not None:
        name, title = entity.name, title or entity.title
    return Speaker(name, title, signed.who, "named", SIGNED)


def unmarked_credits(
    text: str, paras: list[Paragraph], registry: Registry
) -> list[tuple[int, int, Speaker]]:
    """Pull quotes set without marks and signed with a bare name on their last sentence
    ('The pier is our lifeline. Ana Ruiz.'): (start, end, speaker) of the words before it.

    A pull quote repeats words the story quotes elsewhere, and its signer is a person the
    story names outside it: a narrated paragraph ending on a name ('It thanked its oldest
    member. Ana Ruiz.') repeats nothing, and a photographer credited at the end of a
    caption is named nowhere else.
    """
    found = []
    for para in paras:
        body = text[para.start : para.end]
        if _quoted(body):
            continue  # a quotation in marks is read by its cue, not as a pull quote
        sentences = split_sentences(body)
        if len(sentences) < 2 or not _repeated(text, para, sentences[0].text):
            continue
        name = sentences[-1].text.rstrip(".")
        if " " not in name or not re.fullmatch(_NAME, name):
            continue
        signer = para.start + sentences[-1].start
        entity = registry.resolve_name(name, signer)
        if entity is None or entity.kind != "person" or not _named_outside(entity, para, registry):
            continue
        speaker = Speaker(entity.name, entity.title, name, "named", SIGNED_UNMARKED)
        found.append((para.start, para.start + sentences[-2].end, speaker))
    return found


# "RUIZ: The port is next.": an interview written into a story labels each answer with
# its speaker's name in capitals, the words unmarked after the colon
_TURN_LABEL = re.compile(
    r"(?P<label>[A-Z][A-Z'\u2019-]+(?: [A-Z][A-Z'\u2019-]+){0,2}):[ \t]+(?=\S)"
)


def labelled_turns(
    text: str, paras: list[Paragraph], registry: Registry
) -> list[tuple[int, int, Speaker]]:
    """Answers of an interview set into a story ('RUIZ: The port is next.'): (start, end,
    speaker) of the words after each label that is the name of a person the story names
    in another paragraph. A label naming no one ('READ MORE:', 'WATCH:') labels nothing."""
    found = []
    for para in paras:
        body = text[para.start : para.end]
        label = _TURN_LABEL.match(body)
        if label is None or _quoted(body):
            continue  # 'RUIZ: "..."' is read by its colon, as any lead-in is
        entity = registry.resolve_name(label.group("label").title(), para.start)
        # a person the story gave a full name ("GAZETTE:" may resolve to a one-word "person")
        if entity is None or entity.kind != "person" or len(entity.tokens) < 2:
            continue
        if not _named_outside(entity, para, registry):
            continue
        speaker = Speaker(entity.name, entity.title, label.group("label"), "named", LABELLED_TURN)
        found.append((para.start + label.end(), para.start + len(body.rstrip()), speaker))
    return found


def _repeated(text: str, para: Paragraph, sentence: str) -> bool:
    """Does ``sentence`` (its final stop aside) appear in the story outside ``para``?"""
    words = sentence.rstrip(".!?")
    return words in text[: para.start] or words in text[para.end :]


def _named_outside(entity: Entity, para: Paragraph, registry: Registry) -> bool:
    """Does the story name ``entity`` in another paragraph than ``para``?"""
    return any(m.entity is entity and not para.start <= m.pos < para.end for m in registry.mentions)
