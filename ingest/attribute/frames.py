"""Speech frames: a cue verb (or "according to"), who it names, and what was said.

One sentence of a parsed paragraph can hold several frames ("Xi said that ... and
Putin declared ..."). A frame records character offsets into the article text so
the engine can pair it with quotation marks and slice quotes verbatim. The patterns in
``patterns.py`` find the cues; this module builds their frames from the speaker slot
(``subjects.py``) and the reported words (``reported.py``), drops the cues that report
nothing (a question withheld or put to the speaker), tells which quotations are the cue's
own argument (``governs``) and which frames lie inside another's words (``outermost``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ingest.attribute.cues import NEEDS_CONTENT, QUOTE_ONLY
from ingest.attribute.grammar import (
    SET_OFF,
    SUBJECTS,
    WH_TAGS,
    after_set_off,
    has_own_subject,
    is_cue,
    is_finite,
    is_verb,
)
from ingest.attribute.reported import (
    chars,
    content_of,
    cue_clause,
    fronted_subject,
    trim,
    verdict_of,
)
from ingest.attribute.subjects import agent_of_passive, set_off_participle
from ingest.attribute.tuning import ASKING_VERBS, MIN_CONTENT_WORDS, MIN_SIDE_WORDS


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
    who: str | None = None  # the speaker as written, when the parse did not find the subject
    used: bool = False
    gap: tuple[int, int] | None = None  # a cue inserted in the content: "X, he says, Y"
    title: str | None = None  # the title a signature writes after the name ("— Ruiz, mayor")
    opens_next: bool = False  # ends its paragraph ("He said:"): the next quotation is its


def split_around(frame: Frame, text: str, cues: list[int]) -> list[tuple[int, int]]:
    """The reported words on each side of a cue inserted in them: "Most nights, she says,
    the ward is full." reports "Most nights" and "the ward is full", not the cue.

    The words stop where another cue (at an offset in ``cues``) takes over: in "X said A,
    adding that B" the words "B" are the "adding" frame's own.
    """
    if frame.content is None or _phrase_after_preposition(frame):
        return []
    start, end = frame.content
    later = [at for at in cues if start < at < end and at > frame.cue_at]
    if later and _subject_only(frame, start, later[0]):
        later = []  # "said Vantora had warned that ...": the later cue heads the reported words
    if later:
        comma = text.rfind(",", start, later[0])
        end = comma if comma > start else later[0]
        if trim(text, start, end, MIN_SIDE_WORDS) is None:
            return []
        start, end = trim(text, start, end, MIN_SIDE_WORDS)
    if frame.gap is None:
        return [(start, end)]
    after = trim(text, frame.gap[1], end, MIN_SIDE_WORDS)
    if after is not None and _participle_only(frame, *after):
        after = None  # '"...," she said, her voice breaking.': how it was said, not what
    before = trim(text, start, frame.gap[0], MIN_SIDE_WORDS)
    if before is None and _lone_subject(frame, start, frame.gap[0]):
        before = trim(text, start, frame.gap[0], 1)
    return [side for side in (before, after) if side is not None]


def _lone_subject(frame: Frame, start: int, end: int) -> bool:
    """Is the one word before an inserted cue the reported clause's subject?"""
    words = [t for t in _tokens_between(frame, start, end) or () if not t.is_punct]
    return frame.verb is not None and len(words) == 1 and fronted_subject(frame.verb, words[0])


def _tokens_between(frame: Frame, start: int, end: int) -> Span | None:
    """The whole tokens of ``frame``'s paragraph between two article offsets."""
    doc = frame.subject.doc
    return doc.char_span(start - frame.base, end - frame.base, alignment_mode="contract")


def _participle_only(frame: Frame, start: int, end: int) -> bool:
    """Are the words after an inserted cue a participle phrase headed by its "-ing" form,
    with no finite verb ("shaking his head", "her voice breaking", "raising fears of a
    delay")? They tell how, or to what effect, the words were said; a reported clause has
    a verb of its own, and elided words ("especially those still waiting") a noun head."""
    span = _tokens_between(frame, start, end)
    if span is None or not len(span):
        return False
    finite = any(is_finite(t) for t in span)
    return not finite and span.root.tag_ == "VBG"


def _subject_only(frame: Frame, start: int, cue_at: int) -> bool:
    """Are the reported words before a later cue only its subject ("Vantora had", "three
    of his colleagues have"), with no verb or comma of their own? Then that cue is the verb
    of the reported clause, which runs through it, not the start of another statement."""
    doc = frame.subject.doc
    span = doc.char_span(start - frame.base, cue_at - frame.base, alignment_mode="contract")
    if span is None or not len(span):
        return False
    return not any(t.pos_ == "VERB" or t.text == "," for t in span)


def _phrase_after_preposition(frame: Frame) -> bool:
    """'testified before a Senate panel': words that are all one phrase a preposition
    other than one of topic ("warned of", "spoke about") heads say where or to whom the
    words were said, not what."""
    if frame.verb is None or frame.content is None:
        return False
    start, end = frame.content
    span = frame.verb.doc.char_span(start - frame.base, end - frame.base, alignment_mode="expand")
    if span is None or span[0].dep_ != "prep" or span[0].lower_ in _TOPIC_PREPOSITIONS:
        return False
    phrase = set(span[0].subtree)
    return span[0].head == frame.verb and all(t in phrase or t.is_punct for t in span)


_TOPIC_PREPOSITIONS = frozenset({"of", "about", "on", "against", "for", "over"})


def side_of(frame: Frame, at: int, text: str) -> tuple[int, int]:
    """The reported words holding offset ``at``: with a cue inserted in them ("X, he went
    on, that Y"), only the side of the cue ``at`` is on."""
    assert frame.content is not None
    if frame.gap is None:
        return frame.content
    start, end = frame.content
    start, end = (frame.gap[1], end) if at >= frame.gap[1] else (start, frame.gap[0])
    return trim(text, start, end, MIN_SIDE_WORDS) or (start, end)


def _minus(sent: Span, phrase: tuple[int, int], text: str, base: int) -> tuple[int, int] | None:
    """The sentence without a cue phrase ("according to X"), on whichever side is longer."""
    s_start, s_end = chars(sent, base)
    before = (s_start, phrase[0])
    after = (phrase[1], s_end)
    start, end = before if before[1] - before[0] >= after[1] - after[0] else after
    return trim(text, start, end)


def governs(frame: Frame, start: int, end: int) -> bool:
    """Is the quoted stretch [start, end) an argument of the cue verb itself?

    "called it "a disgrace"" and ""No," he said" are; a short quoted title that sits
    in some other clause of the sentence ("By organizing the "Summit"...") is not.
    """
    verb, base = frame.verb, frame.base
    if verb is None or _names_the_listener(frame, start, end):
        return False
    for token in verb.sent:
        at = base + token.idx
        heads_outside = start <= at < end and not start <= base + token.head.idx < end
        head = token.head.head if token.head.dep_ == "prep" else token.head  # "described as"
        if heads_outside and (head.i == verb.i or start <= base + verb.head.idx < end):
            return True
        if heads_outside and (_object_complement(token, verb) or _charge(token, verb)):
            return True
    return False


def _charge(token: Token, verb: Token) -> bool:
    """'accused ministers of "sleepwalking" into a crisis': the quotation is the charge the
    verb lays on its object, however the parser hung the preposition on the object."""
    prep = token.head
    obj = prep.head
    return prep.dep_ == "prep" and obj.dep_ == "dobj" and obj.head.i == verb.i


def _names_the_listener(frame: Frame, start: int, end: int) -> bool:
    """'told "Fox News Sunday" that ...', 'told NBC's "Meet the Press" on Sunday that':
    a quoted title between the cue and the "that" opening what it reports (the cue's own
    phrases between) is whom the speaker told, not something said."""
    if frame.content is None or not frame.cue_at < start < end <= frame.content[0]:
        return False
    doc, base = frame.verb.doc, frame.base
    between = doc.char_span(end - base, frame.content[0] - base, alignment_mode="expand")
    phrases = [t for t in between or () if not t.is_punct]  # "on Sunday that"
    return bool(phrases) and phrases[-1].lower_ == "that" and not any(map(is_verb, phrases))


def _object_complement(token: Token, verb: Token) -> bool:
    """ "called the result "a wake-up call"": the quotation says what the verb's object is
    (parsed as an apposition or complement of it), not which one ('the "bold" plan')."""
    obj = token.head
    # an adjective after its noun is no modifier but the complement ('the plan "risky"')
    modifier = token.dep_ in _MODIFIERS and not (token.dep_ == "amod" and token.i > obj.i)
    return obj.dep_ == "dobj" and obj.head.i == verb.i and not modifier


_MODIFIERS = ("amod", "compound", "nmod", "det", "nummod", "poss")


def according_frame(according: Token, source: Token, base: int, text: str) -> Frame:
    """ "According to Ruiz, the pier will close": the source speaks the rest of the sentence."""
    cue = f"{according.text} {according.nbor(1).text}"
    return phrase_frame(cue, (according, source.right_edge), source, base, text)


def phrase_frame(
    cue: str, phrase: tuple[Token, Token], source: Token, base: int, text: str
) -> Frame:
    """A cue phrase naming its source ("according to Ruiz", "as Ruiz put it", "in her
    words"): the source speaks the rest of the sentence; set off inside it ("The pier,
    according to Ruiz, will close"), both sides."""
    first, last = phrase
    sent = first.sent
    sentence = chars(sent, base)
    at = chars(phrase, base)
    inserted = _set_off(first, last)
    return Frame(
        cue=cue,
        subject=source,
        verb=None,
        base=base,
        sentence=sentence,
        scope=sentence,
        cue_at=base + first.idx,
        content=trim(text, *sentence) if inserted else _minus(sent, at, text, base),
        gap=at if inserted else None,
    )


def relays(frame: Frame) -> bool:
    """ "According to Reuters, Ana Ruiz said rates would fall": a source phrase whose words
    hold a verb of saying led by a name of its own (or a participle of one, "Ruiz gave an
    interview noting ...") passes that person's words on. The source reports, the person
    speaks: which of the two a reader credits is a guess. Not "According to Ruiz, callers
    said ...": people she does not name are hers to report."""
    if frame.verb is not None or frame.content is None:
        return False
    start, end = frame.content
    cues = (
        t
        for t in frame.subject.sent
        if start <= frame.base + t.idx < end and is_cue(t) and t.lower_ != "according"
    )
    return any(_named_speaker(cue) for cue in cues)


def _named_speaker(cue: Token) -> bool:
    """Is the cue's subject a name, or, for a participle ("went on the radio, voicing"), the
    subject of the clause it hangs in?"""
    verb = cue
    if cue.tag_ == "VBG" and not has_own_subject(cue):
        verb = next((v for v in cue.ancestors if has_own_subject(v)), cue)
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ == "PERSON")


def _set_off(first: Token, last: Token) -> bool:
    """Does the phrase from ``first`` to ``last`` stand between commas (or dashes) inside
    its sentence, with reported words on both sides ("The pier, according to Ruiz, will
    close", "..., according to Ruiz, but ...")?"""
    sent, doc = first.sent, first.doc
    if first.i - sent.start < MIN_SIDE_WORDS + 1 or sent.end - last.i <= MIN_SIDE_WORDS + 1:
        return False
    return doc[first.i - 1].text in SET_OFF and doc[last.i + 1].text in SET_OFF


_WITHHOLDING = frozenset({"decline", "refuse"})


def _withheld(verb: Token) -> bool:
    """ "Ruiz declined to say whether the pier will close", "did not say why", "won't say
    where she'll go": what follows is the question left open, not anything Ruiz said."""
    head = verb.head
    asks = any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.subtree)
    asks = asks or any(_opens_with_wh(c) for c in verb.children if c.dep_ == "ccomp")
    declined = verb.dep_ == "xcomp" and head.lemma_.lower() in _WITHHOLDING
    denied = any(c.dep_ == "neg" for c in verb.children)
    return (declined or denied) and asks


def _opens_with_wh(clause: Token) -> bool:
    """ "what he will do", "why it lost": a clause opening with a question word."""
    return clause.left_edge.tag_ in WH_TAGS and clause.left_edge.i > clause.head.i


def _asked_of_subject(verb: Token) -> bool:
    """ "Asked whether the pier would close, Ruiz said ...", "she was asked by a reporter
    whether ...": a question put to the subject is the asker's, and an asker left unnamed
    or named only by a common noun (a reporter, the press) speaks no quotation anyone
    would look up, so the question is not reported. A named asker ("was asked by Senator
    Lee whether") keeps the question."""
    if verb.lemma_.lower() not in ASKING_VERBS:
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    # "Asked what ..., Ruiz says": a past form with no subject modifying the main verb
    own_subject = any(c.dep_ in SUBJECTS for c in verb.children)
    modifies = verb.dep_ in ("advcl", "acl") and verb.tag_ in ("VBN", "VBD")
    participle = modifies and not own_subject
    if not (passive or participle or set_off_participle(verb) or _cut_from_subject(verb)):
        return False  # '"Why?" asked Lee' may be tagged a participle too
    asker = agent_of_passive(verb)
    return asker is None or asker.pos_ != "PROPN"


def _cut_from_subject(verb: Token) -> bool:
    """ "Ruiz, asked whether ..., said": a lone comma between a bare subject and a past form
    (no apposition or relative clause there to close) makes the form a participle."""
    if not after_set_off(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i), None)
    if subject is None or subject.right_edge.i != verb.i - 1:
        return False
    return all(c.i < subject.i or c.is_punct for c in subject.children)


def speech_frame(verb: Token, subject: Token, base: int, text: str, quoted: bool) -> Frame | None:
    """The frame of a verb of saying whose speaker was found: its reported words and where
    the cue sits in them. A verb that needs reported words ("added", "noted") and has
    none starts no frame, unless the paragraph holds a quotation (``quoted``) it may own."""
    sent = verb.sent
    lemma = verb.lemma_.lower()
    asked = _asked_of_subject(verb)
    if _withheld(verb) or (asked and subject.dep_ == "pobj"):
        return None  # "was asked by reporters whether": the asker answers nothing
    # the one asked may still answer in a quotation ("Asked about it, Ruiz shrugged: ...")
    content = None if asked else content_of(verb, sent, text, base)
    verdict = verdict_of(verb, text, base) if lemma in QUOTE_ONLY else None
    if lemma in NEEDS_CONTENT and content is None and verdict is None and not quoted:
        return None
    cue_start, cue_end = cue_clause(verb, sent)
    gap = chars((sent.doc[cue_start], sent.doc[cue_end]), base)
    inserted = content is not None and content[0] < gap[0] and gap[1] < content[1]
    if inserted and _governed_inside(verb):
        content = None  # "The board declined to comment, citing ...": words around are narration
    return Frame(
        cue=verb.text,
        subject=subject,
        verb=verb,
        base=base,
        sentence=chars(sent, base),
        scope=chars((verb.left_edge, verb.right_edge), base),
        cue_at=base + verb.idx,
        content=verdict if lemma in QUOTE_ONLY else content,
        quote_only=lemma in QUOTE_ONLY,
        gap=gap if inserted else None,
    )


def _governed_inside(verb: Token) -> bool:
    """A cue that is the complement of another verb ("declined to comment"), a participle
    ("The minister, responding later, insisted") or a condition ("if confirmed"): the
    sentence around it is another verb's clause, not reported words."""
    condition = any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)
    participle = verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG"
    return verb.dep_ == "xcomp" or participle or (verb.dep_ == "advcl" and condition)


_CONDITIONS = frozenset({"if", "unless", "when", "once", "until"})


def outermost(frames: list[Frame]) -> list[Frame]:
    """The frames that are not part of what another frame reports (see ``_nested``)."""
    return [f for f in frames if not _nested(f, frames)]


def _nested(frame: Frame, frames: list[Frame]) -> bool:
    """A cue inside the clause another cue reports is part of what was said: in "Ruiz said
    the advert suggests that ..." or "said he cannot comment because ..." the inner verb
    starts no attribution of its own, unless it names its own speaker or shares the outer
    one ("..., noting")."""
    if frame.verb is None:
        return False
    if frame.quote_only and _names_a_term(frame.verb):
        return any(f is not frame and _reports(f, frame.cue_at) for f in frames)
    named = frame.subject.pos_ == "PROPN" or frame.subject.ent_type_
    inserted = any(_inserted_into(f, frame) for f in frames)
    # "Lee said Ruiz told her ...": a person named inside speaks too; a country or a city
    # ("Hua told reporters that China expresses ...") speaks through the outer speaker, and
    # so does a body in the clause a cue is set off in ("The board, she said, had told her")
    spoken_through = ("GPE", "ORG", "LOC", "FAC", "NORP") if inserted else ("GPE",)
    if named and frame.subject.ent_type_ not in spoken_through:
        return False
    if inserted or _inside_a_source_phrase(frame, frames):
        return True
    child = frame.verb
    through_clause = False
    for head in frame.verb.ancestors:
        through_clause = through_clause or child.dep_ == "ccomp"
        child = head
        outer = next((f for f in frames if f.verb is not None and f.verb.i == head.i), None)
        if through_clause and outer is not None and outer.subject.i != frame.subject.i:
            return not (_new_statement(frame, outer) or _beyond_words(frame, outer))
    return False


def _inserted_into(cue: Frame, frame: Frame) -> bool:
    """Is ``cue`` set off inside ``frame``'s clause ("The owners, he noted, have promised
    fans that ...")? The parser hangs the inserted cue on the clause's verb, yet the whole
    clause is what the inserted cue reports, as after "He noted the owners have promised
    fans that ..." (a person named there still speaks too)."""
    verb = cue.verb
    return (
        verb is not None
        and cue.gap is not None
        and verb.dep_ == "parataxis"
        and verb.head == frame.verb
    )


def _inside_a_source_phrase(frame: Frame, frames: list[Frame]) -> bool:
    """ "According to the union, a memo sent to staff warned that ...": a cue in the words
    a source phrase before it gives to its source (the phrase has no verb for the parser
    to hang the cue under) is part of what the source says."""
    return any(
        f.verb is None and f.cue_at < frame.cue_at and _reports(f, frame.cue_at)
        for f in frames
        if f is not frame
    )


def _beyond_words(frame: Frame, outer: Frame) -> bool:
    """ "Lee added that the plant would reopen, though a union steward said no date
    was set": a cue the outer frame's reported words stop short of is the writer's
    next statement, however the parser hung it under them."""
    return outer.content is not None and not _reports(outer, frame.cue_at)


def _names_a_term(verb: Token) -> bool:
    """ "what Republicans call "sanctuary cities"": a verdict verb naming a term, which
    inside another speaker's reported words is part of them."""
    return any(c.lower_ == "what" and c.tag_ == "WP" for c in verb.children)


def _reports(frame: Frame, at: int) -> bool:
    return frame.content is not None and frame.content[0] <= at < frame.content[1]


def _new_statement(frame: Frame, outer: Frame) -> bool:
    """ "She says she never cooked: she notes that her mother ...": two cues on either side
    of a colon or semicolon, the second opening its clause with its own subject, are two
    statements however the parser hung one under the other ("Lee said: the advert
    suggests ..." is one: nothing of Lee's own stands before the colon)."""
    if outer.verb is None or frame.verb is None:
        return False
    first, second = sorted((frame, outer), key=lambda f: f.cue_at)
    doc = frame.subject.doc
    between = doc[first.verb.i + 1 : second.verb.i]
    stop = next((t for t in reversed(between) if t.text in (":", ";")), None)
    if stop is None or stop.i - first.verb.i <= MIN_CONTENT_WORDS:
        return False
    return second.subject.left_edge.i == stop.i + 1 and second.subject.i < second.verb.i
