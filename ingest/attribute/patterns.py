"""Every speech cue construction, written as a token pattern with one handler.

A pattern (spaCy ``Matcher`` for token sequences, ``DependencyMatcher`` for arcs) finds
where a construction sits in a parsed paragraph: a verb of saying, "according to", a cue
right after a closing mark, a quotation set beside a name, a lead-in ending its paragraph, a
dash signing a quotation. Its handler turns the match into a ``Frame`` naming who speaks, or
drops it; finding the subject of a verb and the bounds of the reported words stay
procedural (``subjects.subject_of``, ``reported.content_of``, ``frames.speech_frame``).
Adding a construction is a pattern, a handler and a row in
tests/test_attribute_constructions.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span, Token

from ingest.attribute.bylines import CREDIT_DASHES
from ingest.attribute.credits import signature
from ingest.attribute.cues import (
    DOCUMENT_NOUNS,
    NEEDS_CONTENT,
    ORG_NOUNS,
    PHRASAL_CUES,
    PUBLISH_VERBS,
    QUOTE_ONLY,
    READ_OUT_VERBS,
    SPEECH_VERBS,
    TRAILING_CUE_VERBS,
    finite_forms,
)
from ingest.attribute.frames import Frame, according_frame, outermost, phrase_frame, speech_frame
from ingest.attribute.grammar import (
    CLAUSE_SUBJECTS,
    WH_TAGS,
    has_own_subject,
    is_age,
    is_finite,
)
from ingest.attribute.marks import MarkedSpan
from ingest.attribute.nlp import get_nlp, is_parsed, text_of
from ingest.attribute.reported import chars, trim
from ingest.attribute.subjects import NO_SPEAKER, name_after, subject_of, trailing_speaker
from ingest.attribute.titles import person_noun
from ingest.attribute.tuning import DESCRIPTION_CHARS, MIN_SIDE_WORDS

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
    # "Ruiz was unmoved:" parses as a passive: its subject introduces the quotation too
    subjects = [t for t in lead_in if t.dep_ in CLAUSE_SUBJECTS and t.head.i < colon.i]
    subject = subjects[-1] if subjects else None
    if subject is None and lead_in and _shares_a_later_cue(lead_in[-1]):
        return None
    if subject is None and lead_in and lead_in[-1].ent_type_ == "PERSON":
        subject = lead_in[-1]  # "(Ruiz: ...)"; but in "he told Ruiz:" he speaks
    if subject is None and _label(lead_in):
        subject = lead_in[-1]
    if subject is None or subject.lower_ == "it":  # "It reads:" is a sign or a letter
        return None
    # a pronoun only where the parse made the lead-in the sentence ("She was blunt:");
    # when it hung the lead-in under the quotation, the context knows better
    pronoun = subject.pos_ == "PRON" and subject.head.dep_ == "ROOT"
    document = subject.lemma_.lower() in DOCUMENT_NOUNS  # "The family's statement read:"
    if not (pronoun or document or subject.pos_ == "PROPN" or subject.ent_type_):
        return None
    return _frame(colon, subject, base, (base + colon.idx, chars(colon.sent, base)[1]))


def _shares_a_later_cue(label: Token) -> bool:
    """'Regina: "...," Ana Ruiz said': the parser made the word before the colon a second
    subject of the cue after the quotation; that cue's own subject says who, the label
    only where."""
    verb = label.head
    others = [c for c in verb.children if c.dep_ in CLAUSE_SUBJECTS and c != label]
    return label.dep_ in CLAUSE_SUBJECTS and verb.i > label.i + 1 and bool(others)


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
    if document.dep_ == "dobj" and _issued_by_subject(document.head, say):
        issuers = [c for c in document.head.children if c.dep_ == "nsubj"]
        subject = issuers[0] if issuers else document
    return _bounded_frame(say, subject, base, base + document.idx, content)


def _bounded_frame(
    verb: Token, subject: Token, base: int, start: int, content: tuple[int, int]
) -> Frame:
    """The frame of a cue whose reported words its construction bounded, its scope running
    from ``start`` to their end."""
    return Frame(
        cue=verb.text,
        subject=subject,
        verb=verb,
        base=base,
        sentence=chars(verb.sent, base),
        scope=(start, content[1]),
        cue_at=base + verb.idx,
        content=content,
    )


_ON_BEHALF = ("from", "by", "behalf")  # "read a statement from the family saying"


def _issued_by_subject(verb: Token, say: Token) -> bool:
    """Did the subject of ``verb`` put out the document, as "released a statement" says;
    one read out for someone else ("on behalf of the family") is that someone's."""
    lemma = verb.lemma_.lower()
    if lemma in READ_OUT_VERBS:
        return not any(t.lower_ in _ON_BEHALF for t in verb.doc[verb.i : say.i])
    return lemma in PUBLISH_VERBS


def _according_to(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "According to Ruiz, ...", "according to economist Ana Ruiz": the object of "to"."""
    according, to = tokens
    heads = [c for c in according.children if c.lower_ == "to"] + [to]
    source = next((o for head in heads for o in head.children if o.dep_ == "pobj"), None)
    return None if source is None else according_frame(according, source, base, text)


def _as_put_it(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "As Ruiz put it, the pier is doomed", "The pier, as she put it, is doomed": the
    subject of "put" speaks the rest of the sentence."""
    put, as_, _ = tokens
    subject = next((c for c in put.children if c.dep_ == "nsubj"), None)
    if subject is None or as_.i != put.left_edge.i:
        return None
    return phrase_frame(put.text, (as_, put.right_edge), subject, base, text)


def _in_words(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "In her words, ...", "in Ruiz's own words", "in the words of one aide": the owner
    of the words speaks the rest of the sentence."""
    last = tokens[-1]
    if last.lower_ == "of":
        source = next((c for c in last.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        last = source.right_edge
    else:
        source = tokens[1]
    cue = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
    return phrase_frame(cue, (tokens[0], last), source, base, text)


def _trailing_cue(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "..., the country's state news agency said.": a cue ending its sentence after a
    comma; the words between the comma and the verb speak, whatever the parser made the
    verb's subject (``subjects.trailing_speaker``)."""
    (verb,) = tokens
    speaker = trailing_speaker(verb, verb.sent)
    return None if speaker is None else speech_frame(verb, speaker, base, text, bool(spans))


def _inverted_cue(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "Taxes should fall for the smallest farms, countered Bellucci.": the name after a
    verb with no subject of its own, which the parser took for its object."""
    verb = tokens[1]
    name = name_after(verb)
    return None if name is None else speech_frame(verb, name, base, text, bool(spans))


def _set_off_inverted_cue(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "The bridge, insists 16-year-old Ana Ruiz, is safe", "The vote, argued the mayor,
    was rigged": a cue written verb first and set off by commas inside the words it
    reports. The parser reads it many ways (the words before as the verb's subject, the
    speaker as its object or as the subject of the words after); the commas say what it
    is: the noun phrase between the verb and the comma speaks, and the sentence on both
    sides of the cue is what was said."""
    comma, verb, *phrase, close = tokens
    sent = verb.sent
    if verb.tag_ not in _FINITE or verb.lemma_.lower() == "tell":
        return None  # "told" names a listener; "said to be" describes
    # "The agency, in its report, said Leeds, York and ...": a comma before the cue's own
    # opens a phrase set off after the subject, and the cue is an ordinary one
    if any(t.text == "," for t in sent.doc[sent.start : comma.i]):
        return None
    if not all(t.pos_ in _SPEAKER_PHRASE or is_age(t) for t in phrase):
        return None
    speaker = phrase[-1]
    if not _may_speak(speaker):
        return None
    resumes = _after_apposition(close, sent.end)
    resumed = sent.doc[resumes.i : sent.end] if resumes is not None else ()
    if not any(_finite_outside_relative(t) for t in resumed):
        return None  # ", said Ana Ruiz, a pilot who knows the bay.": no words resume
    content = trim(text, *chars(sent, base))
    before = trim(text, *chars((sent[0], comma), base), MIN_SIDE_WORDS)
    after = trim(text, *chars((resumes, sent[-1]), base), MIN_SIDE_WORDS)
    if content is None or before is None or after is None:
        return None
    frame = _bounded_frame(verb, speaker, base, content[0], content)
    return replace(frame, gap=chars((verb, verb.doc[resumes.i - 1]), base))


def _may_speak(token: Token) -> bool:
    """A name that is no date or number, or a word for a person, a body or a document."""
    if token.pos_ == "PROPN":
        return token.ent_type_ not in NO_SPEAKER
    word = token.lemma_.lower()
    return token.pos_ == "NOUN" and (person_noun(word) or word in ORG_NOUNS | DOCUMENT_NOUNS)


def _finite_outside_relative(token: Token) -> bool:
    """A finite verb no relative clause or modifier of a noun holds: the words after a
    cue go on with a clause of their own, not a description of the speaker."""
    finite = token.pos_ in ("VERB", "AUX") and is_finite(token)
    return finite and not any(t.dep_ in ("relcl", "acl") for t in (token, *token.ancestors))


_FINITE = ("VBD", "VBZ", "VBP")
_SPEAKER_PHRASE = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "PUNCT")


def _after_apposition(comma: Token, end: int) -> Token | None:
    """The first word the cue no longer holds: the one after its comma, or after a
    description or relative clause set off in turn (", says Ana Ruiz, the chair of the
    board, will", ", says Ana Ruiz, who runs the mill, will"); None when a relative clause
    runs to the end of the sentence."""
    doc = comma.doc
    if comma.i + 1 >= end:
        return None
    first = doc[comma.i + 1]
    relative = first.tag_ in WH_TAGS
    if not relative and first.lower_ not in ("the", "a", "an"):
        return first
    closing = next((t for t in doc[comma.i + 1 : end] if t.text == ","), None)
    if closing is None or closing.i + 1 >= end:
        return None if relative else first
    verbs = any(t.pos_ in ("VERB", "AUX") for t in doc[comma.i + 1 : closing.i])
    if relative or not verbs:
        return doc[closing.i + 1]
    return first


def _verb_and_subject(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "Ruiz said the pier will close", "Ruiz argued that ..., noting ...": the verb's own
    subject, or the one it shares with the verb it is joined to."""
    verb = tokens[0]  # a phrasal cue matches its particle and what follows too
    subject = subject_of(verb)
    return None if subject is None else speech_frame(verb, subject, base, text, bool(spans))


def _cue_read_as_modifier(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "The 41-year-old said rents had doubled", "Okafor, 52, conceded turnout was low":
    with no "that", the parser can read the cue as an adjective of the reported subject.
    After a speaker (a noun, a name, a pronoun, or one set off by commas), a past form
    modifying the subject of a clause that follows is the cue, and that clause is what
    was said; "the estimated cost was", "an alleged plot" follow no speaker."""
    (verb,) = tokens
    noun, doc = verb.head, verb.doc
    # "Okafor, 52, conceded turnout was": the reported subject parsed as the name's apposition
    subject = noun.head if noun.dep_ == "appos" and noun.head.i < verb.i else noun
    clause = subject.head
    if subject.dep_ not in CLAUSE_SUBJECTS or not verb.i < noun.i < clause.i:
        return None
    if any(t.dep_ not in _NOUN_MODIFIERS for t in doc[verb.i + 1 : noun.i]):
        return None
    speaker = _speaker_before(verb)
    if speaker is None or verb.lemma_.lower() in NEEDS_CONTENT | QUOTE_ONLY:
        return None
    last = clause.right_edge
    joined = [c for c in clause.rights if c.dep_ == "conj" and has_own_subject(c)]
    if joined:  # "..., but he insisted ...": the speaker's next act, not what was said
        last = doc[joined[0].left_edge.i - 1]
        while last.i > noun.i and last.dep_ in ("cc", "punct"):
            last = doc[last.i - 1]
    content = trim(text, *chars((doc[verb.i + 1], last), base))
    if content is None:
        return None
    return _bounded_frame(verb, speaker, base, base + speaker.left_edge.idx, content)


_NOUN_MODIFIERS = ("det", "amod", "compound", "nummod", "poss", "case", "quantmod", "punct")


def _speaker_before(verb: Token) -> Token | None:
    """The speaker right before a cue the parser read as a modifier: the noun, name or
    pronoun ending there, or the one a description or relative clause set off by commas
    belongs to ("Okafor, 52,", "Lee, who led the talks,")."""
    before = verb.doc[verb.i - 1]
    if before.text == "," and verb.i >= 2:
        before = verb.doc[verb.i - 2]
        while before.head.i < verb.i and before.head != before:
            before = before.head
    if is_age(before):
        return before
    pronoun = before.tag_ == "PRP" and before.lower_ in _SUBJECT_PRONOUNS
    if not (pronoun or before.pos_ in ("PROPN", "NOUN")) or before.ent_type_ in NO_SPEAKER:
        return None
    return before


_SUBJECT_PRONOUNS = ("he", "she", "they", "we", "it", "i")


# what a capitalised label before a colon names when it is no one: "Ottawa:", "Canada Day:"
_NOT_A_LABEL = ("GPE", "LOC", "FAC", "EVENT", *NO_SPEAKER)


def _label(lead_in: Span) -> bool:
    """'Berg: "..." Kral: "..."': a bare name of up to three words opening its sentence
    before a colon, as a hearing or an interview is written up in prose, labels the turn
    it opens, whether or not the NER took the name for a person."""
    return (
        0 < len(lead_in) <= 3
        and lead_in.start == lead_in.sent.start
        and all(t.pos_ == "PROPN" and t.ent_type_ not in _NOT_A_LABEL for t in lead_in)
        and len(lead_in[-1]) > 1  # "Q:" and "A:" mark an interview's turns, naming no one
    )


def _name_before(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """ "Still, Dimbly said rot spread ..." parsed with no subject arc: the name or pronoun
    right before the verb speaks. Not a participle the parse hangs on a document named
    before ("reports by outlets such as the Star and CBC saying ..."): the document speaks,
    for its issuer (``_document_saying``), and the name ends the phrase saying who that is."""
    name, verb = tokens
    if verb.dep_ == "acl" and verb.head != name and verb.head.lemma_.lower() in DOCUMENT_NOUNS:
        return None
    return speech_frame(verb, name, base, text, bool(spans))


def _after_quote(
    tokens: tuple[Token, ...], verb: Token, name: list[Token], base: int, text: str, spans
) -> Frame | None:
    """A cue written right after the closing ``tokens[0]``: its quotation is the scope."""
    span = next((s for s in spans if s.close_at == base + tokens[0].idx), None)
    if span is None:
        return None
    start, end = chars((name[0], name[-1]), base)
    scope = (span.open_at, chars((tokens[-1], tokens[-1]), base)[1])
    return Frame(
        cue=verb.text,
        subject=name[-1],
        verb=verb,
        base=base,
        sentence=scope,
        scope=scope,
        cue_at=base + verb.idx,
        content=None,
        who=text[start:end],
    )


def _words_after_mark(tokens: tuple[Token, ...]) -> list[Token]:
    words = list(tokens[1:])
    while words and _MARK_PUNCT.match(words[0].text):
        words.pop(0)
    return words


def _name_then_cue(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """'"...," Okonkwo notes', '"...," she said', '"...," Ana Ruiz, the chief pilot, said':
    read from the words, as the tagger often loses the verb or the name here."""
    *words, verb = _words_after_mark(tokens)
    commas = [i for i, t in enumerate(words) if t.text == ","]
    if not commas:
        return _after_quote(tokens, verb, words, base, text, spans)
    shortest, longest = DESCRIPTION_CHARS
    if not shortest <= words[-1].idx - words[commas[0]].idx - 1 <= longest:
        return None
    return _after_quote(tokens, verb, words[: commas[0]], base, text, spans)


def _cue_then_name(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """'"...," said Ana Ruiz', '"...?" asked Haddad': the name after the verb."""
    verb, *name = _words_after_mark(tokens)
    while len(name) > 1 and name[0].is_lower:
        name.pop(0)  # a title in lower case ("councillor") is no part of the name
    return _after_quote(tokens, verb, name, base, text, spans)


def _how_put_it(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """'"...," was how Ruiz put it', '"..." That is how one voter put it': the subject of
    "put" speaks the quotation the sentence looks back on."""
    put = tokens[-2]
    subject = next((c for c in put.children if c.dep_ == "nsubj"), None)
    how = next(t for t in tokens if t.lower_ == "how")
    if subject is None or not how.i < subject.i < put.i:
        return None
    # "how the prime minister, Jane Hale, put it": the name set beside the title
    named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    who = subject if named is None else named
    return _after_quote(tokens, put, [who.left_edge, who], base, text, spans)


def _whose_words(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """'"...," came the reply from the harbour master, Ana Ruiz', '"..." That was the
    verdict of councillor Ana Ruiz': the object of "from" or "of" speaks the quotation
    the sentence looks back on (the name set beside a title, if any)."""
    noun, preposition = tokens[-2], tokens[-1]
    source = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    named = next((c for c in source.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    who = source if named is None else named
    # a name or a person, not "the message of the evening" or "the view of the hill"
    person = who.pos_ == "PROPN" or who.ent_type_ in ("PERSON", "ORG", "NORP")
    if not (person or person_noun(who.lemma_.lower())):
        return None
    return _after_quote(tokens, noun, [who.left_edge, who], base, text, spans)


def _signature(tokens: tuple[Token, ...], base: int, text: str, spans) -> Frame | None:
    """'"..." \u2015 Ana Ruiz' or '\u2014 Ana Ruiz, mayor of Port Ellis' ending the line right
    after a quotation, or alone on the line after it (which quotation is ``credited``'s
    to pair): the name signs the quotation. A signature line is rarely parsed (no cue in
    it), the tokenizer glues a bar to the mark before it ('\u201d\u2015Ana') and splits
    "Jean-Luc", so the name and title are read from the characters (``credits.signature``)."""
    (token,) = tokens
    doc = token.doc
    at = base + token.idx + next(i for i, ch in enumerate(token.text) if ch in CREDIT_DASHES)
    signs = at  # alone on its line: the quotation that ends the line above
    if at > base:
        span = next((s for s in spans if _closes_before(s, at, text)), None)
        if span is None:
            return None
        signs = span.open_at
    signed = signature(text, at, base + len(text_of(doc)), after_quote=at > base)
    if signed is None:
        return None
    name = doc.char_span(
        signed.start("name") - base, signed.end("name") - base, alignment_mode="expand"
    )
    return Frame(
        cue="\u2015",
        subject=name[0],
        verb=None,
        base=base,
        sentence=(at, signed.end()),
        scope=(signs, signed.end()),
        cue_at=at,
        content=None,
        who=signed.group("name"),
        title=signed.group("title"),
    )


def _closes_before(span: MarkedSpan, at: int, text: str) -> bool:
    """Does ``span``'s closing mark stand right before ``at``, spaces aside?"""
    return (
        span.close_at is not None
        and span.close_at < at
        and not text[span.close_at + 1 : at].strip()
    )


def _lead_in(tokens: tuple[Token, ...], frames: list[Frame]) -> Frame | None:
    """ "Asked about the pier, Ruiz said:" or "What did Ruiz say?" ending a paragraph: its
    last frame introduces the quotation that opens the next paragraph."""
    (mark,) = tokens
    return frames[-1] if frames and mark.i == len(mark.doc) - 1 else None


Handler = Callable[[tuple[Token, ...], int, str, list[MarkedSpan]], Frame | None]
# a lead-in's handler picks, from the frames of its paragraph, the one it hands on
HandOn = Callable[[tuple[Token, ...], list[Frame]], Frame | None]


# The kinds of construction, found in this order in a paragraph:
CUE = "cue"  # a cue word in the parse; each makes one frame, by the first construction
# listed that finds its speaker
AFTER_QUOTE = "after quote"  # a cue right after a closing mark; one per quotation
BESIDE = "beside"  # a quotation set beside whoever speaks it, whatever else the sentence says
LEAD_IN = "lead-in"  # a paragraph ending in a cue hands it on to the next one's quotation
SIGNED = "signed"  # a dash signing a quotation with a name: on any line, parsed or not


@dataclass(frozen=True)
class Construction:
    kind: str  # CUE, AFTER_QUOTE, BESIDE, LEAD_IN or SIGNED
    patterns: list[list[dict]]
    handler: Handler | HandOn  # HandOn for LEAD_IN
    syntax: bool = False  # a DependencyMatcher pattern (arcs), else a Matcher one (tokens)
    claims: int = 0  # the matched token (cue word or mark) only one construction may use


# "said", "argues", "told": any form of a verb of saying, as the tagger reads it
_SPEECH_LEMMAS = sorted({form for v in SPEECH_VERBS for form in (v, v.capitalize(), v.upper())})
_SPEECH_VERB = {"LEMMA": {"IN": _SPEECH_LEMMAS}, "TAG": {"REGEX": "^VB"}}
_PRONOUNS = ["he", "she", "they", "it", "we"]
# what a quotation is called when the sentence after it names whose it was
_REPLY_NOUNS = ["reply", "answer", "response", "retort", "rejoinder"]
_VERDICT_NOUNS = ["verdict", "view", "words", "assessment", "message", "warning"]

# After a closing mark: punctuation, then a name of up to four capitalised words or a
# pronoun, a description set off by commas, and a form of a cue verb, in either order.
_MARK_PUNCT = re.compile(r"^[\s,.!?\u2014-]+$")
_AFTER_MARK = [{"IS_QUOTE": True}, {"TEXT": {"REGEX": _MARK_PUNCT.pattern}, "OP": "*"}]
_NAME = [
    {"TEXT": {"REGEX": r"^[A-Z][\w'\u2019.-]*$"}, "OP": "{,3}"},
    {"TEXT": {"REGEX": r"^[A-Z][\w'\u2019-]*$"}},
]
_PRONOUN = [{"ORTH": {"IN": _PRONOUNS}}]  # not first: tested after a mark only
# '"...?" asked councillor Rob Lin', '"...," countered state Sen. Tom Baker': a title or
# description in lower case before a name the NER knows; the parser often reads the name
# as the verb's object
_TITLED_NAME = [
    {"IS_LOWER": True, "POS": {"IN": ["NOUN", "ADJ"]}, "OP": "{1,2}"},
    {"TEXT": {"REGEX": r"^[A-Z][\w'\u2019.-]*$"}, "OP": "{,3}"},
    {"ENT_TYPE": "PERSON", "TEXT": {"REGEX": r"^[A-Z][\w'\u2019-]*$"}},
]
_APPOSITION = [{"ORTH": ","}, {"TEXT": {"REGEX": '^[^,"\u201c\u201d]+$'}, "OP": "+"}, {"ORTH": ","}]
_OWN = {"LOWER": "own", "OP": "?"}
_WORDS = {"LOWER": "words"}
_CUE_FORM = [{"ORTH": {"IN": sorted(f for v in TRAILING_CUE_VERBS for f in finite_forms(v))}}]

# In order: within a kind, the first listed that makes a frame claims the token (a name
# after the verb first, as the parser often takes "countered Bellucci" for an object).
CONSTRUCTIONS: dict[str, Construction] = {
    "according_to": Construction(CUE, [[{"LOWER": "according"}, {"LOWER": "to"}]], _according_to),
    "as_put_it": Construction(
        CUE,
        [
            [
                {"RIGHT_ID": "put", "RIGHT_ATTRS": {"LEMMA": "put", "TAG": {"REGEX": "^VB"}}},
                {
                    "LEFT_ID": "put",
                    "REL_OP": ">",
                    "RIGHT_ID": "as",
                    "RIGHT_ATTRS": {"LOWER": "as", "DEP": "mark"},
                },
                {
                    "LEFT_ID": "put",
                    "REL_OP": ">",
                    "RIGHT_ID": "it",
                    "RIGHT_ATTRS": {"LOWER": "it", "DEP": "dobj"},
                },
            ]
        ],
        _as_put_it,
        syntax=True,
    ),
    "in_words": Construction(
        CUE,
        [
            [{"LOWER": "in"}, {"TAG": "PRP$"}, _OWN, _WORDS],
            [{"LOWER": "in"}, {"POS": "PROPN"}, {"ORTH": {"IN": ["'s", "\u2019s"]}}, _OWN, _WORDS],
            [{"LOWER": "in"}, {"LOWER": "the"}, _WORDS, {"LOWER": "of"}],
        ],
        _in_words,
    ),
    "set_off_inverted_cue": Construction(
        CUE,
        [
            [
                {"ORTH": ","},
                _SPEECH_VERB,
                {"IS_QUOTE": False, "ORTH": {"NOT_IN": [",", ".", ";", ":"]}, "OP": "{1,8}"},
                {"ORTH": ","},
            ]
        ],
        _set_off_inverted_cue,
        claims=1,
    ),
    "trailing_cue": Construction(CUE, [[_SPEECH_VERB]], _trailing_cue),
    "inverted_cue": Construction(
        CUE, [[{"ORTH": ","}, _SPEECH_VERB, {"POS": "PROPN"}]], _inverted_cue, claims=1
    ),
    # "The 41-year-old said rents had doubled": the cue parsed as the subject's adjective
    "cue_read_as_modifier": Construction(
        CUE,
        [[{"LEMMA": {"IN": _SPEECH_LEMMAS}, "TAG": {"IN": ["VBD", "VBN"]}, "DEP": "amod"}]],
        _cue_read_as_modifier,
    ),
    "verb_and_subject": Construction(CUE, [[_SPEECH_VERB]], _verb_and_subject),
    # a verb of saying only with its particle, before what it reports: "..., he went on, that"
    "phrasal_cue": Construction(
        CUE,
        [
            [
                {"LEMMA": verb, "TAG": {"REGEX": "^VB"}},
                {"LOWER": particle},  # "back" is often parsed as an adverb
                {"TEXT": {"IN": [",", ":", ".", "that"]}},
            ]
            for verb, particle in PHRASAL_CUES
        ]
        # "shot back on Twitter that ...": a short phrase of the cue before "that"
        + [
            [
                {"LEMMA": verb, "TAG": {"REGEX": "^VB"}},
                {"LOWER": particle},
                {"POS": "ADP"},
                {"POS": {"IN": ["DET", "PRON", "ADJ", "NOUN", "PROPN"]}, "OP": "{1,3}"},
                {"LOWER": "that"},
            ]
            for verb, particle in PHRASAL_CUES
        ],
        _verb_and_subject,
    ),
    "name_before": Construction(
        CUE,
        # one exact pronoun per pattern: spaCy tests a set in Python on every token
        [[{"POS": "PROPN"}, _SPEECH_VERB]] + [[{"LOWER": p}, _SPEECH_VERB] for p in _PRONOUNS],
        _name_before,
        claims=1,
    ),
    "name_then_cue": Construction(
        AFTER_QUOTE,
        [
            _AFTER_MARK + who + apposition + _CUE_FORM
            for who in (_NAME, _PRONOUN)
            for apposition in ([], _APPOSITION)
        ],
        _name_then_cue,
    ),
    "cue_then_name": Construction(
        AFTER_QUOTE,
        [_AFTER_MARK + _CUE_FORM + who for who in (_NAME, _PRONOUN, _TITLED_NAME)]
        # '"...," shot back Ana Ruiz': the particle, in lower case, is no part of the name
        + [
            _AFTER_MARK + [{"LEMMA": verb, "TAG": {"REGEX": "^VB"}}, {"LOWER": particle}] + who
            for verb, particle in PHRASAL_CUES
            for who in (_NAME, _TITLED_NAME)
        ],
        _cue_then_name,
    ),
    # "was how Ruiz put it" after the quotation, or in the sentence after it ("That was how")
    "how_put_it": Construction(
        AFTER_QUOTE,
        [
            _AFTER_MARK
            + [
                {"LOWER": {"IN": ["that", "this"]}, "OP": "?"},
                {"LEMMA": "be"},
                {"LOWER": "how"},
                {"IS_QUOTE": False, "ORTH": {"NOT_IN": [".", "!", "?", ";"]}, "OP": "{1,8}"},
                {"LOWER": {"IN": ["put", "puts"]}},
                {"LOWER": "it"},
            ]
        ],
        _how_put_it,
    ),
    # '"...," came the reply from X', or in the sentence after it 'That was the verdict of X'
    "whose_words": Construction(
        AFTER_QUOTE,
        [
            _AFTER_MARK
            + [
                {"LOWER": "came"},
                {"LOWER": {"IN": ["the", "a"]}},
                {"LOWER": {"IN": _REPLY_NOUNS}},
                {"LOWER": "from"},
            ],
            _AFTER_MARK
            + [
                {"LOWER": {"IN": ["that", "this", "those", "these"]}, "OP": "?"},
                {"LEMMA": "be"},
                {"LOWER": "the"},
                {"IS_LOWER": True, "POS": "ADJ", "OP": "?"},  # "the blunt verdict of"
                {"LOWER": {"IN": [*_REPLY_NOUNS, *_VERDICT_NOUNS]}},
                {"LOWER": "of"},
            ],
        ],
        _whose_words,
    ),
    "name_beside_quote": Construction(
        BESIDE,
        [[{"ENT_TYPE": "PERSON"}, {"TEXT": {"IN": _BESIDE}}, {"IS_QUOTE": True}]],
        _name_beside_quote,
    ),
    "colon_lead_in": Construction(BESIDE, [[{"TEXT": ":"}, {"IS_QUOTE": True}]], _colon_lead_in),
    "document_saying": Construction(
        BESIDE,
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
    "lead_in": Construction(LEAD_IN, [[{"ORTH": {"IN": [":", "?"]}}]], _lead_in),
    # a bar glued to a mark or a name is one token with them
    "signature": Construction(SIGNED, [[{"TEXT": {"REGEX": f"[{CREDIT_DASHES}]"}}]], _signature),
}

Match = tuple[str, tuple[Token, ...]]


@lru_cache(maxsize=1)
def _matchers() -> tuple[Matcher, DependencyMatcher, Matcher]:
    """Matchers for parsed paragraphs (tokens, arcs), and for signatures on any paragraph."""
    vocab = get_nlp().vocab
    tokens, syntax, signatures = Matcher(vocab), DependencyMatcher(vocab), Matcher(vocab)
    for name, construction in CONSTRUCTIONS.items():
        if construction.kind == SIGNED:
            signatures.add(name, construction.patterns)
        else:
            (syntax if construction.syntax else tokens).add(name, construction.patterns)
    return tokens, syntax, signatures


def _matches(doc: Doc) -> list[Match]:
    tokens, syntax, _ = _matchers()
    names = doc.vocab.strings
    found = [(names[m], tuple(doc[start:end])) for m, start, end in tokens(doc)]
    found += [(names[m], tuple(doc[i] for i in ids)) for m, ids in syntax(doc)]
    # a construction switched off (taken out of CONSTRUCTIONS) stays in the cached matchers
    return [(name, matched) for name, matched in found if name in CONSTRUCTIONS]


def _claim(name: str, matched: tuple[Token, ...]) -> Token:
    return matched[CONSTRUCTIONS[name].claims]


def _claimed(kind: str, matches: list[Match], base: int, text: str, spans) -> list[Frame]:
    """One frame per claimed token, in text order, by the first construction of ``kind``
    that makes one (the longest match of it first); a cue word or speaker inside a
    quotation is what was said, not a cue."""
    quoted = [(s.start, s.end) for s in spans]

    def inside(token: Token) -> bool:
        at = base + token.idx
        return any(start <= at < end for start, end in quoted)

    rank = {name: i for i, name in enumerate(CONSTRUCTIONS)}
    ours = [(name, matched) for name, matched in matches if CONSTRUCTIONS[name].kind == kind]
    ours.sort(key=lambda m: (_claim(*m).i, rank[m[0]], -len(m[1]), [t.i for t in m[1]]))
    done: set[int] = set()
    frames = []
    for name, matched in ours:
        claimed = _claim(name, matched)
        if claimed.i in done or inside(claimed):
            continue
        frame = CONSTRUCTIONS[name].handler(matched, base, text, spans)
        if frame is not None:
            done.add(claimed.i)
            if not inside(frame.subject):
                frames.append(frame)
    return frames


def pattern_frames(doc: Doc, base: int, text: str, spans: list[MarkedSpan]) -> list[Frame]:
    """Frames of every construction matched in one parsed paragraph: cue words first (less
    those inside what another cue reports), then cues after a closing mark, then
    quotations set beside their speaker."""
    if not is_parsed(doc):
        return []
    matches = _matches(doc)
    found = outermost(_claimed(CUE, matches, base, text, spans))
    taken = {f.cue_at for f in found}  # the parse already read that cue
    found += [f for f in _claimed(AFTER_QUOTE, matches, base, text, spans) if f.cue_at not in taken]
    beside = (
        CONSTRUCTIONS[n].handler(m, base, text, spans)
        for n, m in matches
        if CONSTRUCTIONS[n].kind == BESIDE
    )
    found += [frame for frame in beside if frame is not None]
    for name, matched in matches:
        if CONSTRUCTIONS[name].kind == LEAD_IN:
            handed = CONSTRUCTIONS[name].handler(matched, found)
            if handed is not None:
                handed.opens_next = True
    return found


def pattern_signatures(doc: Doc, base: int, text: str, spans: list[MarkedSpan]) -> list[Frame]:
    """Frames of the dashes that sign a quotation in one paragraph, parsed or not."""
    line_end = base + len(text_of(doc))
    closing = any(s.close_at is not None and base <= s.close_at < line_end for s in spans)
    if not (closing or text[base] in CREDIT_DASHES):
        return []  # nothing to sign on this line, and it does not open with a dash
    *_, signatures = _matchers()
    names = doc.vocab.strings
    found = (
        (names[m], tuple(doc[start:end]))
        for m, start, end in signatures(doc)
        if names[m] in CONSTRUCTIONS
    )
    frames = (CONSTRUCTIONS[name].handler(matched, base, text, spans) for name, matched in found)
    return [frame for frame in frames if frame is not None]
