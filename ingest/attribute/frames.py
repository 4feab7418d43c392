"""Speech frames: a cue verb (or "according to"), who it names, and what was said.

One sentence of a parsed paragraph can hold several frames ("Xi said that ... and
Putin declared ..."). A frame records character offsets into the article text so
the engine can pair it with quotation marks and slice quotes verbatim. The patterns in
``patterns.py`` find the cues; this module builds their frames: the subject a verb shares,
the reported words and where the cue sits in them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ingest.attribute.cues import (
    CLAUSE_VERBS,
    DOCUMENT_NOUNS,
    NEEDS_CONTENT,
    QUANTITY_VERBS,
    QUOTE_ONLY,
    SPEECH_VERBS,
)
from ingest.attribute.tuning import (
    ASKING_VERBS,
    CUE_ADJUNCT_TOKENS,
    MIN_CONTENT_WORDS,
    MIN_SIDE_WORDS,
    TRAILING_CUE_AFTER,
    TRAILING_SPEAKER_TOKENS,
)

_SUBJECTS = ("nsubj",)  # a passive subject is what was said, never who
_INHERITS_SUBJECT = ("conj", "advcl", "xcomp")
_EDGE_PUNCT = " ,;:\u2014\u2013-"
_LEADING_WORDS = ("that ", "That ", "and ", "but ")  # "..., he said, and the rest"
_TRAILING_WORDS = (" and", " but")  # "X and | alleges that Y": the words before a second cue


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


def chars(span: Span | tuple[Token, Token], base: int) -> tuple[int, int]:
    """Article offsets of a span (or first and last token) of a paragraph parsed at ``base``."""
    first, last = (span[0], span[-1]) if isinstance(span, Span) else span
    return base + first.idx, base + last.idx + len(last.text)


def trim(
    text: str, start: int, end: int, min_words: int = MIN_CONTENT_WORDS
) -> tuple[int, int] | None:
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    for word in _LEADING_WORDS:
        if text.startswith(word, start):
            start += len(word)
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    for word in _TRAILING_WORDS:
        if text.endswith(word, start, end):
            end -= len(word)
    return (start, end) if len(text[start:end].split()) >= min_words else None


def split_around(frame: Frame, text: str, cues: list[int]) -> list[tuple[int, int]]:
    """The reported words on each side of a cue inserted in them: "Too often, he says,
    they get it." reports "Too often" and "they get it", not the cue.

    The words stop where another cue (at an offset in ``cues``) takes over: in "X said A,
    adding that B" the words "B" are the "adding" frame's own.
    """
    if frame.content is None or _phrase_after_preposition(frame):
        return []
    start, end = frame.content
    later = [at for at in cues if start < at < end and at > frame.cue_at]
    if later:
        comma = text.rfind(",", start, later[0])
        end = comma if comma > start else later[0]
        if trim(text, start, end, MIN_SIDE_WORDS) is None:
            return []
        start, end = trim(text, start, end, MIN_SIDE_WORDS)
    if frame.gap is None:
        return [(start, end)]
    sides = (
        trim(text, start, frame.gap[0], MIN_SIDE_WORDS),
        trim(text, frame.gap[1], end, MIN_SIDE_WORDS),
    )
    return [side for side in sides if side is not None]


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


def _name_after(verb: Token) -> Token | None:
    """ "..., but for the whole region, argued Ferrante.": an inverted cue whose name the
    parser took for an object, when the verb has no subject of its own. Neither a
    participle ("..., telling Sky News that") nor "told" is ever inverted: the name after
    them is the listener."""
    doc = verb.doc
    if verb.tag_ == "VBG" or verb.lemma_.lower() == "tell":
        return None
    if verb.i == 0 or doc[verb.i - 1].text != "," or verb.i + 1 >= len(doc):
        return None
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    name = doc[verb.i + 1]
    while name.i + 1 < len(doc) and doc[name.i + 1].pos_ == "PROPN":
        name = doc[name.i + 1]
    return name if name.pos_ == "PROPN" and name.dep_ in ("dobj", "npadvmod", "attr") else None


def subject_of(verb: Token) -> Token | None:
    """The speaker slot: the verb's own subject, or the one it shares ("..., adding").

    "Pratt argued that the decision weakened his case, noting ...": a participle the parser
    hung inside the reported clause still shares the subject of the speech verb above.
    """
    # a closing mark can be parsed as a subject, and so can a dateline ("JACKSON, Miss.
    # (AP) — Gov. Lena Ortiz signed ...") beside the real one
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.pos_ != "PUNCT"]
    subjects = [c for c in subjects if c != _reported_subject(verb)]
    named = [c for c in subjects if not _dateline_word(c)]
    if subjects:
        return (named or subjects)[0]
    # "Ruiz, asked about the delay, said ...": the parser gives the subject to the participle
    inserted = [c for c in verb.lefts if _set_off_participle(c)]
    if inserted:
        found = [c for c in inserted[0].lefts if c.dep_ in _SUBJECTS]
        if found:
            return found[0]
    quoted = _quoted_as(verb) or _agent_of_passive(verb)
    if quoted is not None:
        return quoted
    # "..., noting that ...", not "would consider writing ...": a gerund completing another
    # verb is that verb's, and shares its subject
    complement = verb.dep_ == "xcomp" and not _is_cue(verb.head)
    if verb.dep_ in _INHERITS_SUBJECT and verb.tag_ == "VBG" and not complement:
        speech = next((a for a in verb.ancestors if a.lemma_.lower() in SPEECH_VERBS), None)
        found = subject_of(speech) if speech is not None else None
        if found is not None:
            return found
    if (
        verb.dep_ in _INHERITS_SUBJECT
        and verb.head is not verb
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        speaker = _next_act(verb)
        if speaker is not None:
            return speaker
        found = subject_of(verb.head) or _raised(verb)
        if found is not None or verb.dep_ != "conj":
            return found
        # "The suit says he was hurt and alleges that ...": the parser joined the second
        # cue to the passive reported clause, which has no subject to share
        speech = next((a for a in verb.ancestors if a.lemma_.lower() in SPEECH_VERBS), None)
        return subject_of(speech) if speech is not None else None
    return _noun_speaking(verb) or _subject_in_opening(verb)


def _noun_speaking(verb: Token) -> Token | None:
    """ "with one resident calling it "a disgrace"", "officials warning that ...": a cue in
    -ing after a noun tells what that noun says. A phrase the parser hung the participle on
    ("a spokesperson for the camp describing") belongs to the noun it qualifies; a noun
    after any other preposition than "with" is whom something was said to or about
    ("a letter to residents saying": the letter says it). A document's words ("read a
    statement saying") are its issuer's, found by the ``document_saying`` pattern."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.head.lemma_.lower() in DOCUMENT_NOUNS:
        return None
    noun = verb.head
    while _qualifies(noun):
        noun = noun.head.head
    return noun if noun.dep_ != "pobj" or noun.head.lower_ == "with" else None


def _qualifies(noun: Token) -> bool:
    """ "a spokesperson for the camp": the noun after a preposition inside a noun phrase;
    "with" opens a phrase of its own ("people, with a spokesperson ...")."""
    prep = noun.head
    inside = prep.dep_ == "prep" and prep.lower_ != "with" and prep.head.pos_ == "NOUN"
    return noun.dep_ == "pobj" and inside


def _next_act(verb: Token) -> Token | None:
    """ "said the plan was "reckless" and warned of ...": a cue that ends a reported clause
    as the speaker's next act (``_second_cue``) is the speaker's, not the clause subject's."""
    clause = verb.head
    if clause.dep_ != "ccomp" or not _is_cue(clause.head) or _second_cue(clause) != verb:
        return None
    return subject_of(clause.head)


def _raised(verb: Token) -> Token | None:
    """ "The senator is expected to argue that ...", "she was forced to admit ...": the
    passive subject of the verb a cue with a reported clause completes is who speaks."""
    if verb.dep_ != "xcomp" or verb.lemma_ not in CLAUSE_VERBS:
        return None  # "are expected to ask the judge to toss ...": a request, not a report
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)


def _subject_in_opening(verb: Token) -> Token | None:
    """ "Speaking on BBC Breakfast, the health secretary, Mark Dyer, said ...": the parser
    takes the subject for an apposition of the programme inside the opening participle
    phrase. The first noun set off by a comma inside that phrase is the speaker."""
    opening = [c for c in verb.lefts if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN")]
    if not opening:
        return None
    doc = verb.doc
    for token in opening[0].subtree:
        after_comma = token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ","
        if token.dep_ == "appos" and token.pos_ in ("NOUN", "PROPN") and after_comma:
            return token
    return None


def _trailing_cue(verb: Token, sent: Span) -> tuple[Token, Token] | None:
    """ "..., the country's state news agency said." / "..., he said.": a cue ending its
    sentence after a comma. The words between the comma and the verb name the speaker and
    all before the comma is what was said, however the parser hung them: in a long
    sentence it often makes a noun of the reported words the verb's subject.

    Returns the speaker's head word and the comma; None when the sentence is not so built
    (a speaker parsed as an apposition, "Lee, the mayor, said.", is left to the parse:
    the resolver would name the word before the comma).
    """
    doc = verb.doc
    after = [t for t in doc[verb.i + 1 : sent.end] if not t.is_punct]
    if len(after) > TRAILING_CUE_AFTER or any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    comma = next((t for t in reversed(doc[sent.start : verb.i]) if t.text in _SET_OFF), None)
    if comma is None or comma.i - sent.start < MIN_CONTENT_WORDS:
        return None
    if any(_opening_participle(c, comma) for c in verb.lefts):
        return None  # "Asked whether ..., Ruiz replied:": the question put to the speaker
    stretch = doc[comma.i + 1 : verb.i]
    verbs = [t for t in stretch if _is_verb(t) and not _modifies_noun(t, comma)]
    if not 0 < len(stretch) <= TRAILING_SPEAKER_TOKENS or verbs:
        return None
    heads = [t for t in stretch if not comma.i < t.head.i < verb.i]
    if len(heads) == 1 and _modifies_noun(heads[0], comma):  # parsed as the noun's verb
        heads = [c for c in heads[0].children if c.dep_ == "nsubj" and c.i > comma.i]
    if len(heads) != 1 or heads[0].pos_ not in _NOMINAL or heads[0].dep_ == "appos":
        return None
    return heads[0], comma


def _opening_participle(child: Token, comma: Token) -> bool:
    """A participle phrase opening the sentence up to ``comma`` ("Asked about it, ...",
    "Speaking in Cork, ..."): it tells the circumstances of the cue, not what was said."""
    participle = child.dep_ == "advcl" and child.tag_ in ("VBN", "VBG")
    own_subject = any(c.dep_ in _SUBJECTS for c in child.children)
    return participle and not own_subject and child.right_edge.i >= comma.i - 1


def _modifies_noun(token: Token, comma: Token) -> bool:
    """ "..., residents gathered outside the hall said.": a participle right after a noun
    of the speaker's words describes the noun, however tagged, since the cue needs the
    noun for its subject."""
    before = token.doc[token.i - 1]
    auxiliary = any(c.dep_ in ("aux", "auxpass") for c in token.children)
    nominal = before.pos_ in ("NOUN", "PROPN") and before.i > comma.i
    return token.tag_ in ("VBN", "VBG", "VBD") and nominal and not auxiliary


_SET_OFF = (",", "\u2014", "\u2013")
_NOMINAL = ("NOUN", "PROPN", "PRON")


def _is_verb(token: Token) -> bool:
    """A verb of its own clause, not one inside a name ("state-run agency")."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound")


def trailing_speaker(verb: Token, sent: Span) -> Token | None:
    trailing = _trailing_cue(verb, sent)
    return trailing[0] if trailing is not None else None


def _dateline_word(token: Token) -> bool:
    """The place in capitals opening a paragraph and followed by a comma: a dateline."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    opens = token.i == 0 and nxt is not None and nxt.text == ","
    return opens and token.text.isupper() and len(token.text) > 2


def _quoted_as(verb: Token) -> Token | None:
    """ "He was quoted as saying that ...", "State media quoted the minister as saying
    ...": the passive subject or the object of "quoted" is the speaker, not who quotes."""
    if verb.tag_ != "VBG" or verb.head.lower_ != "as" or verb.head.head.lemma_ != "quote":
        return None
    return next((c for c in verb.head.head.children if c.dep_ in ("nsubjpass", "dobj")), None)


def _agent_of_passive(verb: Token) -> Token | None:
    """ "It was announced by the minister's office that ...": the agent of a passive cue
    that reports a clause is who spoke (without the clause, "the plan was announced by X"
    names what X did, not what X said)."""
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def _content(verb: Token, sent: Span, text: str, base: int) -> tuple[int, int] | None:
    """The reported clause: the verb's complement, or the clause around a cue inserted in it.

    The small parser often mislabels the complement ("said unemployment ... have",
    "said having X back was"), so after the complement arc the words on the far side of
    the cue are taken: everything after a leading cue, before a trailing one, or the
    whole sentence around a parenthetical ", he says,".
    """
    if _hedges_a_relative(verb) or _compared(verb):
        return None
    trailing = _trailing_cue(verb, sent)
    if trailing is not None:
        return trim(text, *chars((sent[0], sent.doc[trailing[1].i - 1]), base))
    if _inserted(verb, sent):
        relative = _in_relative_clause(verb, sent)
        if relative is not None:
            return trim(text, *chars(relative, base))
        return trim(text, *chars(sent, base))  # the cue is cut out later, as ``Frame.gap``
    # "OTTAWA — Leader Jane Roe says ...": a dateline can be parsed as a second complement
    clauses = sorted((c for c in verb.children if c.dep_ == "ccomp"), key=lambda c: c.i < verb.i)
    if clauses:
        found = (
            trim(text, *chars((_clause_start(verb, c), _continued(verb, c)), base)) for c in clauses
        )
        return next((span for span in found if span is not None), None)
    cue_start, cue_end = _cue_clause(verb, sent)
    before = cue_start - sent.start
    after = sent.end - 1 - cue_end
    follows = sent.doc[cue_end + 1] if cue_end + 1 < sent.end else None
    subject = subject_of(verb)
    leads = subject is None or subject.i < verb.i  # not the inverted '..., said Nicholson'
    if before >= 3 and after >= 3 and follows is not None and follows.text == ",":
        return trim(text, *chars(sent, base))  # "Ferries, Lee says, have no ..."
    if _names_a_thing(verb):
        return None
    if after >= 4 and leads and verb.lemma_ in CLAUSE_VERBS:
        first = sent.doc[verb.i + 1]
        if verb.lemma_ == "tell":  # "told reporters the talks ...": skip the listener
            listeners = [c for c in verb.rights if c.dep_ in ("dobj", "dative")]
            if listeners:
                first = sent.doc[listeners[0].right_edge.i + 1]
        first = _that_after(first, sent) or first
        if verb.lemma_ in QUANTITY_VERBS and (first.like_num or first.tag_ == "$"):
            return None  # "the index added 10 points": a gain, not words
        # "Lee, who has advised three mayors, was blunt": a cue inside a relative clause
        # reports nothing past the clause, where the main sentence resumes
        last = verb.right_edge if verb.dep_ == "relcl" else sent[-1]
        if first.i < last.i:
            return trim(text, *chars((first, last), base))
    if before >= 3 and sent.doc[cue_start - 1].text in (",", "\u2014", "\u2013", "-"):
        return trim(text, *chars((sent[0], sent.doc[cue_start - 1]), base))
    if _name_after(verb) is not None and verb.i - sent.start >= 4:
        return trim(text, *chars((sent[0], sent.doc[verb.i - 1]), base))  # "..., argued Lee."
    return None


def _clause_start(verb: Token, clause: Token) -> Token:
    """ "warned further cuts would mean ...": the parser takes the subject of a clause with
    no "that" for the cue's object; an object right before a subjectless clause is its."""
    if clause.i < verb.i or any(
        c.dep_ in (*_SUBJECTS, "nsubjpass", "expl") for c in clause.children
    ):
        return clause.left_edge
    objects = [
        c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i
    ]
    return objects[0].left_edge if objects else clause.left_edge


def _compared(verb: Token) -> bool:
    """ "costs are lower than the agency says they are": a cue inside a comparison is the
    writer's measure, and what follows it is the rest of the writer's sentence."""
    return any(c.dep_ == "mark" and c.lower_ == "than" for c in verb.children)


def _hedges_a_relative(verb: Token) -> bool:
    """ "a backlog that builders say has stalled projects": a cue inside a relative clause
    whose reported clause has the relative pronoun for its subject credits a claim about
    the noun to someone, in the writer's words; no words of theirs are reported."""
    if verb.dep_ != "relcl":
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return any(
        g.dep_ in ("nsubj", "nsubjpass") and g.tag_ in ("WDT", "WP")
        for c in clauses
        for g in c.children
    )


def _names_a_thing(verb: Token) -> bool:
    """ "Torres, who wrote the House version, said ...", "Justice Lee wrote the majority
    opinion.": a speech verb whose object is a plain noun phrase, with no verb after it in
    its clause, names what was written or announced and reports nothing.

    Outside a relative clause "say" and "tell" are left out (the parser takes the subject
    of "said most plastic drifts ..." for an object), and so is a cue after a comma, whose
    "object" is the inverted speaker ("..., argued Ruiz.").
    """
    if verb.dep_ != "relcl" and (verb.lemma_ in _CLAUSE_ONLY or _after_set_off(verb)):
        return False
    objects = [c for c in verb.rights if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if not objects or any(c.dep_ in _CLAUSES for c in verb.children):
        return False
    # "announced a policy that diverged ...": a verb describing the object is still the thing
    described = {t.i for o in objects for t in o.subtree}
    after = [t for t in verb.subtree if t.i > verb.i and t.i not in described]
    return not any(t.tag_.startswith("VB") for t in after)


_CLAUSE_ONLY = ("say", "tell")


def _after_set_off(token: Token) -> bool:
    return token.i > 0 and token.nbor(-1).text in _SET_OFF


def _that_after(first: Token, sent: Span) -> Token | None:
    """ "said in a statement that ...", "said on NBC's "Meet the Press" that ...": where
    the cue's own phrases run up to a "that", what was said starts there (a title in
    quotation marks among them is no quotation). The phrases hold no verb of their own."""
    for token in sent.doc[first.i : min(first.i + CUE_ADJUNCT_TOKENS, sent.end)]:
        if token.lower_ == "that" and token.dep_ == "mark":
            return token if token.i > first.i else None
        if token.tag_.startswith("VB") or token.dep_ in ("nsubj", "nsubjpass"):
            return None
    return None


def _inserted(verb: Token, sent: Span) -> bool:
    """ "But while some couples split, Lee said, for others it brings them closer": a cue
    set off by commas (or a comma and a semicolon) inside the words it reports, which run
    on both sides of it whichever side the parser hung the complement on."""
    cue_start, cue_end = _cue_clause(verb, sent)
    if cue_start - sent.start < 3 or sent.end - 1 - cue_end < 3:
        return False
    doc = sent.doc
    return doc[cue_start - 1].text in _SET_OFF and doc[cue_end + 1].text in (*_SET_OFF, ";")


def _in_relative_clause(verb: Token, sent: Span) -> tuple[Token, Token] | None:
    """ "a couple who, she said, had lost their roof": a cue set off right after a relative
    pronoun reports the rest of the relative clause only; the sentence around it, which
    names whom the clause is about, is narration."""
    cue_start, cue_end = _cue_clause(verb, sent)
    doc = sent.doc
    pronoun = doc[cue_start - 2] if cue_start - 2 >= sent.start else None
    if pronoun is None or pronoun.tag_ not in ("WP", "WDT") or verb.head.i <= cue_end:
        return None
    return doc[cue_end + 2], verb.head.right_edge


def _continued(verb: Token, clause: Token) -> Token:
    """The last reported word: "The harbour will be dredged, Ruiz said, and the ferries
    will run by June" goes on past the cue into a clause joined to it by "and" or "but"."""
    if clause.i > verb.i:
        return _reported_end(verb, _listed(verb, clause))
    doc = verb.doc
    for joined in verb.rights:
        has_subject = any(c.dep_ in _SUBJECTS for c in joined.children)
        if joined.dep_ != "conj" or joined.pos_ not in ("VERB", "AUX") or not has_subject:
            continue
        between = doc[_cue_clause(verb, verb.sent)[1] + 1 : joined.left_edge.i]
        if [t.dep_ for t in between] == ["punct", "cc"] and between[0].text == ",":
            return joined.right_edge
    return clause.right_edge


_LIST_PUNCT = (",", ";")


def _listed(verb: Token, clause: Token) -> Token:
    """ "said the pier is unsafe, the ferry is late and the budget is short": the parser
    makes each clause of a list another complement of the cue; the list is reported whole,
    up to its last clause that follows the one before it after a comma or semicolon alone
    and has a subject of its own."""
    doc = verb.doc
    last = clause
    for other in [c for c in verb.rights if c.dep_ == "ccomp" and c.i > clause.i]:
        # a hyphen the parser splits off ("re-open") can be a "complement" of its own
        first = next((t for t in other.subtree if not t.is_punct), None)
        if first is None:
            break
        between = doc[last.right_edge.i + 1 : first.i]
        own_subject = any(c.dep_ in _SUBJECTS for c in other.children)
        if not (own_subject and len(between) == 1 and between[0].text in _LIST_PUNCT):
            break
        last = other
    return last


def _reported_end(verb: Token, clause: Token) -> Token:
    """The last word of a clause reported after its cue.

    The parser sometimes ends the complement in the middle of a phrase and hangs the rest
    on the cue verb ("said the man killed | was the firm's founder", "said they would
    veto it | unless ..."); what was said then runs on to the sentence's end. A comma
    after the complement is left as the end: past it narration often takes over, and
    running on there cost held-out GGT quotes. A clause joined to the cue itself
    ("... and the mayor disagreed"), another cue ("... and added that ...") or the
    sentence's final punctuation stops it too.
    """
    doc, end = verb.doc, verb.sent[-1]
    after = clause.right_edge.i + 1
    joined = _joined_clause(verb, doc[after]) if after < end.i else None
    if after < end.i and doc[after].text == "," and _and_that(doc[after]) is None:
        if joined is None:
            return clause.right_edge
        end = joined.right_edge  # "..., but discussions have gone back and forth"
    for child in verb.rights:
        own_subject = any(c.dep_ in _SUBJECTS for c in child.children)
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        if child == joined:
            continue
        if child.i > clause.right_edge.i and child.dep_ == "conj" and own_subject and not that:
            end = doc[child.left_edge.i - 1]
            break
    second = _second_cue(clause) or _rival_cue(clause)
    if second is not None:  # "said the deal was "a betrayal" and promised to oppose it"
        end = doc[min(second.left_edge.i - 1, end.i)]
    cue = next((t for t in doc[clause.right_edge.i + 1 : end.i] if _is_cue(t)), None)
    if cue is not None:
        speaker = subject_of(cue)
        own = speaker is not None and clause.right_edge.i < speaker.i < cue.i
        end = doc[(speaker.left_edge if own else cue).i - 1]
    while end.i > clause.right_edge.i and (end.dep_ == "cc" or end.text in _FINAL_PUNCT):
        end = doc[end.i - 1]
    return end


def _joined_clause(verb: Token, comma: Token) -> Token | None:
    """ "said the board has looked at it for years, but talks have gone back and forth":
    a clause joined by ", and"/", but" after the reported one, in the present, with a
    subject of its own that is no person (", and Ruiz left" is narration) and no cue in
    it, goes on with what was said, however the parser hung it."""
    doc = comma.doc
    if comma.text != "," or comma.i + 1 >= len(doc) or doc[comma.i + 1].lower_ not in _JOINS:
        return None
    joined = next((c for c in verb.rights if c.dep_ == "conj" and c.i > comma.i), None)
    if joined is None or joined.left_edge.i != comma.i + 2 or _is_cue(joined):
        return None
    subject = next((c for c in joined.children if c.dep_ in _SUBJECTS), None)
    if (
        subject is None
        or subject.lower_ in _PERSONS
        or subject.pos_ == "PROPN"
        or subject.ent_type_
    ):
        return None
    if not _present(joined) or any(_is_cue(t) for t in joined.subtree):
        return None  # ", and the governor left the room": past-tense narration
    return joined


def _present(verb: Token) -> bool:
    """Is the clause in the present or with a modal ("are", "have gone", "will")?"""
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ in ("VBZ", "VBP", "MD") for t in words)


_JOINS = ("and", "but", "so")
_PERSONS = ("he", "she", "i", "we", "they", "you")


def _and_that(comma: Token) -> Token | None:
    """ "said it was "troubled ...," and that it was ...": a comma opening a second
    reported clause of the same cue; returns that clause's "that"."""
    doc = comma.doc
    if comma.text != ",":
        return None
    i = comma.i + 1
    while i < len(doc) and doc[i].is_quote:  # the comma inside the quotation: ',"'
        i += 1
    if i + 1 >= len(doc) or doc[i].lower_ not in ("and", "but") or doc[i + 1].lower_ != "that":
        return None
    return doc[i + 1]


def _second_cue(clause: Token) -> Token | None:
    """A verb of saying the parser joined to the reported clause, with no subject of its
    own, whose clause's subject is no person: the first speaker's next act, not part of
    what they said ("the deal was unfair and promised ..." cannot be the deal's promise)."""
    # a passive clause's subject counts too: "crews had been cut ... and warned" is no
    # crew's warning
    subject = next((c for c in clause.children if c.dep_ in (*_SUBJECTS, "nsubjpass")), None)
    if subject is None or subject.pos_ in ("PRON", "PROPN") or subject.ent_type_:
        return None
    return next(
        (
            c
            for c in clause.rights
            if c.dep_ == "conj"
            and _is_cue(c)
            and (c.tag_ in ("VBD", "VBZ") or _perfect(c))
            and not any(g.dep_ in _SUBJECTS for g in c.children)
        ),
        None,
    )


def _perfect(verb: Token) -> bool:
    """ "have vowed", "has promised": a participle with its own auxiliary."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" for c in verb.children)


def _rival_cue(clause: Token) -> Token | None:
    """ "said the decision was "a betrayal", while unions warned of strikes": a cue with
    its own subject, set off by a comma inside the reported clause however the parser
    hung it, starts another speaker's words."""
    doc = clause.doc
    return next(
        (
            t
            for t in clause.subtree
            if t.i > clause.i
            and t.dep_ in ("advcl", "conj")
            and _is_cue(t)
            and any(c.dep_ in _SUBJECTS for c in t.children)
            and _after_comma(doc[t.left_edge.i - 1])
        ),
        None,
    )


def _after_comma(token: Token) -> bool:
    """Is ``token`` a comma, or a closing mark right after one ('..." a giveaway,"')?"""
    if token.is_quote and token.i > 0:
        token = token.doc[token.i - 1]
    return token.text == ","


_FINAL_PUNCT = (".", "!", "?", ",", ";", ":")


def _is_cue(token: Token) -> bool:
    verb = token.lemma_.lower() in SPEECH_VERBS and token.tag_.startswith("VB")
    return verb or token.lower_ == "according"


def _cue_clause(verb: Token, sent: Span) -> tuple[int, int]:
    """Token range of the cue itself: the verb with its subject and modifiers on the left.

    A clause with its own subject set off before a cue set off in turn ("But while some
    towns shrink, Ruiz said, for others ...") is what was said, however the parser hung it."""
    end = verb.i
    for child in verb.rights:
        listener = child.dep_ == "dobj" and verb.lemma_ == "tell"  # "told reporters"
        if (listener or child.dep_ in _CUE_MODIFIERS) and child.i == end + 1:
            # "said in a statement that the bridge would ...": the clause hung on the
            # statement is what was said, not part of the cue
            clauses = [t.left_edge.i for t in child.subtree if t.dep_ in _CLAUSES and t != child]
            end = min(clauses) - 1 if clauses else child.right_edge.i
    reported = _reported_subject(verb)
    lefts = [c for c in verb.lefts if c.dep_ not in ("punct", "ccomp") and c != reported]
    set_off = end + 1 < sent.end and sent.doc[end + 1].text in (*_SET_OFF, ";")
    if set_off and any(_own_clause(c) for c in lefts):  # "But while ...": "But" opens it
        lefts = [c for c in lefts if not _own_clause(c) and c.dep_ != "cc"]
    start = min([verb.i] + [c.left_edge.i for c in lefts])
    start = max(start, sent.start)
    if start > sent.start and sent.doc[start - 1].is_punct and start - sent.start <= 2:
        start = sent.start
    return start, end


def _reported_subject(verb: Token) -> Token | None:
    """ "The answer, Ruiz insisted, was ...": of two subjects the parser gives a cue, the
    first one set off by a comma opens the reported words around an inserted cue."""
    subjects = [c for c in verb.lefts if c.dep_ in _SUBJECTS and c.pos_ != "PUNCT"]
    if len(subjects) < 2:
        return None
    first, doc = subjects[0], verb.doc
    after = first.right_edge.i + 1
    return first if after < verb.i and doc[after].text == "," else None


def _own_clause(child: Token) -> bool:
    """A subordinate clause with its own subject, ending in a comma before the cue."""
    doc = child.doc
    ends = child.right_edge.i + 1 < len(doc) and doc[child.right_edge.i + 1].text == ","
    subject = any(c.dep_ in _SUBJECTS for c in child.children)
    return child.dep_ == "advcl" and subject and ends


_CLAUSES = ("acl", "relcl", "ccomp")
_CUE_MODIFIERS = ("prep", "npadvmod", "advmod", "dative", "prt")  # "went on", "shot back"


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
        if heads_outside and _as_after_object(token, verb):
            return True
    return False


def _as_after_object(token: Token, verb: Token) -> bool:
    """ "describing the scene as "chaos"": an "as" right after the verb's object says what
    the verb holds the object to be, wherever the parser hung the preposition."""
    prep = token.head
    if prep.dep_ != "prep" or prep.lower_ != "as":
        return False
    return any(c.dep_ == "dobj" and c.right_edge.i + 1 == prep.i for c in verb.children)


def _charge(token: Token, verb: Token) -> bool:
    """'accused ministers of "sleepwalking" into a crisis': the quotation is the charge the
    verb lays on its object, however the parser hung the preposition on the object."""
    prep = token.head
    obj = prep.head
    return prep.dep_ == "prep" and obj.dep_ == "dobj" and obj.head.i == verb.i


def _quoted_charge(verb: Token, text: str, base: int) -> tuple[int, int] | None:
    """ "accused the ministry of planning a 'quiet raid' on pensioners": a charge worded as
    a verb phrase holding a quotation is reported whole, a mixed quote; without a
    quotation it stays the reporter's summary."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        for charge in (c for c in prep.children if c.dep_ in ("pcomp", "pobj")):
            quoted = any(t.is_quote for t in charge.subtree)
            last = charge.right_edge if quoted else _quotation_after(charge)
            if charge.tag_ == "VBG" and prep.lower_ == "of" and last is not None:
                return trim(text, *chars((charge.left_edge, last), base))
    return None


def _quotation_after(phrase: Token) -> Token | None:
    """'of lobbying against the bill "desk by desk."': a quotation right after the charge,
    which the parser hung on the main verb, ends it. Returns the quotation's closing mark."""
    doc = phrase.doc
    opening = phrase.right_edge.i + 1
    if opening >= len(doc) or not doc[opening].is_quote:
        return None
    return next((t for t in doc[opening + 1 : phrase.sent.end] if t.is_quote), None)


def _verdict(verb: Token, text: str, base: int) -> tuple[int, int] | None:
    """What a verdict verb reports: a charge holding a quotation, or the judgement in
    "calls it a rookie mistake", which says what its speaker holds the object to be even
    without quotation marks."""
    return _quoted_charge(verb, text, base) or _judgement(verb, text, base)


def _judgement(verb: Token, text: str, base: int) -> tuple[int, int] | None:
    """ "called the pier the weakest link", "calls it a rookie mistake": an active "call"
    with an object and a complement saying what the object is reports that judgement. A
    name there ("called the dog Max") is naming, and "called the police" judges nothing."""
    if verb.lemma_.lower() != "call" or verb.dep_ == "relcl":
        return None  # "Ortiz, who he calls ...": the clause's subject is no speaker yet
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None
    said = next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ != "PROPN"), None)
    if said is None or any(t.is_quote for t in said.subtree):
        return None  # a quotation there is found as one, with the cue as its verb
    return trim(text, *chars((said.left_edge, said.right_edge), base))


def _names_the_listener(frame: Frame, start: int, end: int) -> bool:
    """'told "Fox News Sunday" that ...', 'told NBC's "Meet the Press" on Sunday that':
    a quoted title between the cue and the "that" opening what it reports (the cue's own
    phrases between) is whom the speaker told, not something said."""
    if frame.content is None or not frame.cue_at < start < end <= frame.content[0]:
        return False
    doc, base = frame.verb.doc, frame.base
    between = doc.char_span(end - base, frame.content[0] - base, alignment_mode="expand")
    phrases = [t for t in between or () if not t.is_punct]  # "on Sunday that"
    return bool(phrases) and phrases[-1].lower_ == "that" and not any(map(_is_verb, phrases))


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


def _set_off(first: Token, last: Token) -> bool:
    """Does the phrase from ``first`` to ``last`` stand between commas (or dashes) inside
    its sentence, with reported words on both sides ("The pier, according to Ruiz, will
    close", "..., according to Ruiz, but ...")?"""
    sent, doc = first.sent, first.doc
    if first.i - sent.start < MIN_SIDE_WORDS + 1 or sent.end - last.i <= MIN_SIDE_WORDS + 1:
        return False
    return doc[first.i - 1].text in _SET_OFF and doc[last.i + 1].text in _SET_OFF


_WITHHOLDING = frozenset({"decline", "refuse"})


def _withheld(verb: Token) -> bool:
    """ "Ruiz declined to say whether the pier will close", "did not say why", "won't say
    what he'll do": what follows is the question left open, not anything Ruiz said."""
    head = verb.head
    asks = any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.subtree)
    asks = asks or any(_opens_with_wh(c) for c in verb.children if c.dep_ == "ccomp")
    declined = verb.dep_ == "xcomp" and head.lemma_.lower() in _WITHHOLDING
    denied = any(c.dep_ == "neg" for c in verb.children)
    return (declined or denied) and asks


def _opens_with_wh(clause: Token) -> bool:
    """ "what he will do", "why it lost": a clause opening with a question word."""
    return clause.left_edge.tag_ in ("WP", "WRB", "WDT") and clause.left_edge.i > clause.head.i


def _asked_of_subject(verb: Token) -> bool:
    """ "Asked whether the pier would close, Ruiz said ...", "she was asked by reporters
    whether ...": a question put to the subject is the asker's, and an asker left unnamed
    or named only by a common noun (a reporter, the press) speaks no quotation anyone
    would look up, so the question is not reported. A named asker ("was asked by Senator
    Lee whether") keeps the question."""
    if verb.lemma_.lower() not in ASKING_VERBS:
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    # "Asked what ..., Ruiz says": a past form with no subject modifying the main verb
    own_subject = any(c.dep_ in _SUBJECTS for c in verb.children)
    modifies = verb.dep_ in ("advcl", "acl") and verb.tag_ in ("VBN", "VBD")
    participle = modifies and not own_subject
    if not (passive or participle or _set_off_participle(verb) or _cut_from_subject(verb)):
        return False  # '"Why?" asked Lee' may be tagged a participle too
    asker = _agent_of_passive(verb)
    return asker is None or asker.pos_ != "PROPN"


def _cut_from_subject(verb: Token) -> bool:
    """ "Ruiz, asked whether ..., said": a lone comma between a bare subject and a past form
    (no apposition or relative clause there to close) makes the form a participle."""
    if not _after_set_off(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i), None)
    if subject is None or subject.right_edge.i != verb.i - 1:
        return False
    return all(c.i < subject.i or c.is_punct for c in subject.children)


def _set_off_participle(verb: Token) -> bool:
    """ "Ruiz, asked about the delay, said ...": a past form set off by commas between a
    subject and the main verb is a participle, however the parser tagged it."""
    head = verb.head
    return (
        verb.dep_ in ("advcl", "ccomp")
        and verb.tag_ in ("VBD", "VBN")
        and head.i > verb.i
        and _after_set_off(verb)
        and verb.doc[head.i - 1].text == ","
    )


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
    content = None if asked else _content(verb, sent, text, base)
    verdict = _verdict(verb, text, base) if lemma in QUOTE_ONLY else None
    if lemma in NEEDS_CONTENT and content is None and verdict is None and not quoted:
        return None
    cue_start, cue_end = _cue_clause(verb, sent)
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
    if frame.subject.pos_ == "PROPN" or frame.subject.ent_type_:
        return False  # "Lee said Ruiz told her ...": a person named inside speaks too
    # "She described a couple who, she said, ...": a verdict verb without its quotation
    # reports nothing, so no cue is inside what it reports
    frames = [f for f in frames if f.content is not None or not f.quote_only]
    child = frame.verb
    through_clause = False
    for head in frame.verb.ancestors:
        through_clause = through_clause or child.dep_ == "ccomp"
        child = head
        outer = next((f for f in frames if f.verb is not None and f.verb.i == head.i), None)
        if through_clause and outer is not None and outer.subject.i != frame.subject.i:
            return not _new_statement(frame, outer)
    return False


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
