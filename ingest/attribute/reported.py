"""What a cue verb reports: the extent of the reported words, in article offsets.

The parser's complement arc often ends too early or runs too far ("said the man killed |
was the firm's founder"), so the reported words are bounded from where the cue sits in
its sentence: after a leading cue, before a trailing one, around an inserted one, and up
to the speaker's next act or another speaker's cue. ``content_of`` bounds the words of a
verb of saying, ``verdict_of`` those of a verdict verb ("called it a rookie mistake"),
``cue_clause`` the cue itself, cut out of the words around it; ``chars`` and ``trim`` turn
tokens into the article offsets every frame records.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.attribute.cues import (
    CLAUSE_VERBS,
    LISTENER_THAT_VERBS,
    QUANTITY_VERBS,
    SAYING_ADVERBS,
)
from ingest.attribute.grammar import (
    CLAUSE_SUBJECTS,
    SET_OFF,
    SUBJECTS,
    WH_TAGS,
    after_set_off,
    is_cue,
)
from ingest.attribute.subjects import (
    name_after,
    reported_subject,
    second_cue,
    subject_of,
    trailing_cue,
    verb_read_as_modifier,
)
from ingest.attribute.tuning import CUE_ADJUNCT_TOKENS, MIN_CONTENT_WORDS

_EDGE_PUNCT = " ,;:\u2014\u2013-"
_JOINING_THAT = ("that ", "That ")
_LEADING_WORDS = (*_JOINING_THAT, "and ", "but ")  # "..., he said, and the rest"
_TRAILING_WORDS = (" and", " but")  # "X and | alleges that Y": the words before a second cue


def chars(span: Span | tuple[Token, Token], base: int) -> tuple[int, int]:
    """Article offsets of a span (or first and last token) of a paragraph parsed at ``base``."""
    first, last = (span[0], span[-1]) if isinstance(span, Span) else span
    return base + first.idx, base + last.idx + len(last.text)


def trim(
    text: str,
    start: int,
    end: int,
    min_words: int = MIN_CONTENT_WORDS,
    *,
    keep_that: bool = False,
) -> tuple[int, int] | None:
    """``text[start:end]`` without the punctuation at its edges or a "that", "and" or "but"
    joining it to the sentence around; None when fewer than ``min_words`` words are left,
    too few to be a report. ``keep_that``: a leading "that" is a word of the report."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    for word in _LEADING_WORDS:
        if keep_that and word in _JOINING_THAT:
            continue
        if text.startswith(word, start):
            start += len(word)
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    for word in _TRAILING_WORDS:
        if text.endswith(word, start, end):
            end -= len(word)
    return (start, end) if len(text[start:end].split()) >= min_words else None


def _words(text: str, first: Token, last: Token, base: int) -> tuple[int, int] | None:
    """``trim`` of the reported words from ``first`` to ``last``."""
    return trim(text, *chars((first, last), base), keep_that=_spoken_that(first))


def _spoken_that(first: Token) -> bool:
    """ "says that sounds fair", "That was the point, she said": a "that" the parser made
    the subject of the reported clause is the speaker's own first word, not the conjunction
    joining the clause to its cue; dropped, "sounds fair" was too short to report at all."""
    return first.lower_ == "that" and first.dep_ in SUBJECTS


def _quantity(token: Token) -> bool:
    """ "10 points", "$3 billion", "about 60 drivers", "more than 300 workers": a number, or a
    word that says how near the number after it is."""
    near = token.dep_ in ("quantmod", "advmod", "amod") and _number(token.head)
    return _number(token) or near


def _number(token: Token) -> bool:
    return token.like_num or token.tag_ == "$"


def content_of(verb: Token, sent: Span, text: str, base: int) -> tuple[int, int] | None:
    """The reported clause: the verb's complement, or the clause around a cue inserted in it.

    The small parser often mislabels the complement ("said unemployment ... have",
    "said having X back was"), so after the complement arc the words on the far side of
    the cue are taken: everything after a leading cue, before a trailing one, or the
    whole sentence around a parenthetical ", he says,".
    """
    if _hedges_a_relative(verb) or _compared(verb) or _questioned(verb, sent):
        return None
    trailing = trailing_cue(verb, sent)
    if trailing is not None:
        return _words(text, sent[0], sent.doc[trailing[1].i - 1], base)
    if _inserted(verb, sent):
        return trim(text, *chars(sent, base))  # the cue is cut out later, as ``Frame.gap``
    # "OTTAWA — Leader Jane Roe says ...": a dateline can be parsed as a second complement
    clauses = sorted((c for c in verb.children if c.dep_ == "ccomp"), key=lambda c: c.i < verb.i)
    if clauses:
        found = (_words(text, _clause_start(verb, c), _continued(verb, c), base) for c in clauses)
        return next((span for span in found if span is not None), None)
    cue_start, cue_end = cue_clause(verb, sent)
    before = cue_start - sent.start
    after = sent.end - 1 - cue_end
    follows = sent.doc[cue_end + 1] if cue_end + 1 < sent.end else None
    subject = subject_of(verb)
    leads = subject is None or subject.i < verb.i  # not the inverted '..., said Nicholson'
    # a relative clause's cue reports nothing before it: there stands who, not what
    # ("Two officials, who asked not to be named, said ...")
    relative = verb.dep_ == "relcl"
    set_off = follows is not None and follows.text == "," and not relative
    if (
        before >= 3
        and after >= 3
        and set_off
        and not _circumstance_then_quotation(verb, cue_start, cue_end)
    ):
        return trim(text, *chars(sent, base))  # "Ferries, Lee says, have no ..."
    if _names_a_thing(verb):
        return None
    if verb_read_as_modifier(verb) is not None:  # "The Club, a users group, posted that ..."
        that = _that_after(sent.doc[verb.i + 1], sent) if verb.i + 1 < sent.end else None
        if that is not None:
            return _words(text, that, _before_next_act(that, sent[-1]), base)
        if verb.lemma_ not in CLAUSE_VERBS:
            return None  # the words before the cue are its speaker, not what was said
    # "assured passengers that the crossing ...", the clause hung on the listener
    if verb.lemma_ in LISTENER_THAT_VERBS and after >= 4 and leads:
        that = _that_after(sent.doc[verb.i + 1], sent)
        if that is not None:
            return _words(text, that, verb.right_edge if relative else sent[-1], base)
    if after >= 4 and leads and verb.lemma_ in CLAUSE_VERBS:
        first = sent.doc[verb.i + 1]
        if verb.lemma_ == "tell":  # "told reporters the talks ...": skip the listener
            listeners = [c for c in verb.rights if c.dep_ in ("dobj", "dative")]
            if listeners:
                first = sent.doc[listeners[0].right_edge.i + 1]
        first = _that_after(first, sent) or first
        if verb.lemma_ in QUANTITY_VERBS and _quantity(first):
            return None  # "the index added 10 points": a gain, not words
        # "Lee, who has advised three mayors, was blunt": a cue inside a relative clause
        # reports nothing past the clause, where the main sentence resumes
        last = verb.right_edge if relative else sent[-1]
        if first.lower_ == "that":
            last = _before_next_act(first, last)
        if first.i < last.i:
            return _words(text, first, last, base)
    if relative:
        return None
    if before >= 3 and sent.doc[cue_start - 1].text in (",", "\u2014", "\u2013", "-"):
        return _words(text, sent[0], sent.doc[cue_start - 1], base)
    if name_after(verb) is not None and verb.i - sent.start >= 4:
        return _words(text, sent[0], sent.doc[verb.i - 1], base)  # "..., argued Lee."
    return None


def _before_next_act(first: Token, last: Token) -> Token:
    """ "wrote in a letter that the gym was "unsafe," adding that ...": the clause a
    "that" opens after a cue's phrases runs to the sentence's end only up to a participle
    cue set off by a comma, the speaker's next act, which reports words of its own. Words
    with no "that" ("asked drivers to slow down, noting ...") are left whole: such a
    request is no report the participle ends."""
    doc = first.doc
    for token in doc[first.i + 1 : last.i]:
        if token.tag_ == "VBG" and is_cue(token) and _after_comma(doc[token.i - 1]):
            return doc[token.i - 1]
    return last


def _clause_start(verb: Token, clause: Token) -> Token:
    """ "warned further cuts would mean ...": the parser takes the subject of a clause with
    no "that" for the cue's object; an object right before a subjectless clause is its."""
    if clause.i < verb.i or any(
        c.dep_ in (*SUBJECTS, "nsubjpass", "expl") for c in clause.children
    ):
        return clause.left_edge if clause.i < verb.i else _past_said_when(clause.left_edge)
    objects = [
        c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i
    ]
    return objects[0].left_edge if objects else clause.left_edge


def _past_said_when(first: Token) -> Token:
    """ "said Tuesday the ferry ...", "said on Monday the ...", "said later the plan ...":
    a date or a word of when or how the words were said, opening a clause with no "that"
    (the parser hangs it on the clause), is the cue's; the words start at the clause's
    subject right after it. A date that is the subject ("said Monday night could be
    worse") or part of it ("today's vote") is said, and so is how often ("each day")."""
    phrases = [
        t for t in first.sent if t.left_edge == first and t.dep_ in ("advmod", "npadvmod", "prep")
    ]
    phrase = max(phrases, key=lambda t: t.right_edge.i, default=None)
    if phrase is None or phrase.right_edge.i + 1 >= first.sent.end:
        return first
    words = list(phrase.subtree)
    if phrase.dep_ == "prep":  # "on Tuesday", not "in Nova Scotia"
        words = words[1:] if phrase.lower_ == "on" else []
    # a day the words were said; "each day", "every week" say how often, and are said
    dated = bool(words) and all(t.ent_type_ in ("DATE", "TIME") and t.tag_ != "DT" for t in words)
    adverb = phrase.dep_ == "advmod" and len(words) == 1 and phrase.lower_ in SAYING_ADVERBS
    if not (dated or adverb):
        return first
    after = first.doc[phrase.right_edge.i + 1]
    opens_subject = any(t.dep_ in CLAUSE_SUBJECTS and t.left_edge == after for t in first.sent)
    return after if opens_subject else first


def _compared(verb: Token) -> bool:
    """ "costs are lower than the agency says they are": a cue inside a comparison is the
    writer's measure, and what follows it is the rest of the writer's sentence."""
    return any(c.dep_ == "mark" and c.lower_ == "than" for c in verb.children)


def _hedges_a_relative(verb: Token) -> bool:
    """ "a backlog that builders say has stalled projects": a cue inside a relative clause
    whose reported clause has the relative pronoun for its subject credits a claim about
    the noun to someone, in the writer's words; no words of theirs are reported."""
    if verb.dep_ != "relcl" or _specific_speaker(verb):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return any(
        g.dep_ in CLAUSE_SUBJECTS and g.tag_ in ("WDT", "WP") for c in clauses for g in c.children
    )


def _specific_speaker(verb: Token) -> bool:
    """ "a rise which he said would need watching", "which the council says has cut
    queues": someone the article has named (a pronoun, a name, a definite noun) said it;
    a bare plural or an indefinite source ("that builders say", "which a study found")
    is the writer's hedge."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.tag_ in ("PRP", "NNP", "NNPS"):
        return subject is not None
    return any(c.dep_ == "poss" or c.lower_ in _DEFINITE for c in subject.children)


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _questioned(verb: Token, sent: Span) -> bool:
    """ "Why would Ruiz say it was safe if she has not read it?", "Did the mayor say the
    bridge was safe?": the writer's question about what someone said reports nothing."""
    if sent[-1].text != "?" and not (len(sent) > 1 and sent[-2].text == "?"):
        return False
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    inverted = subject is not None and any(c.dep_ == "aux" and c.i < subject.i for c in verb.lefts)
    return inverted or any(c.tag_ in WH_TAGS for c in verb.lefts)


def _describes_a_noun(token: Token) -> bool:
    return token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN")


def _names_a_thing(verb: Token) -> bool:
    """ "Torres, who wrote the House version, said ...", "Justice Lee wrote the majority
    opinion.": a speech verb whose object is a plain noun phrase, with no verb after it in
    its clause, names what was written or announced and reports nothing.

    Outside a relative clause "say" and "tell" are left out (the parser takes the subject
    of "said most plastic drifts ..." for an object), and so is a cue after a comma, whose
    "object" is the inverted speaker ("..., argued Ruiz."); a participle after a comma
    inverts no speaker ("Ruiz said, adding a photo of the pier").
    """
    inverted = after_set_off(verb) and verb.tag_ != "VBG"
    if verb.dep_ != "relcl" and (verb.lemma_ in _CLAUSE_ONLY or inverted):
        return False
    objects = [c for c in verb.rights if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if not objects or any(c.dep_ in _CLAUSES for c in verb.children):
        return False
    # "observing that urgent business was pending": a "that" the tagger read as a
    # conjunction but the parser hung on the noun as its determiner opens a clause
    if any(c.lower_ == "that" and c.tag_ == "IN" for o in objects for c in o.children):
        return False
    # "unveiled a timetable that doubles ...": a verb describing the object is still the thing;
    # a verb of the cue's own adverbial clause ("added a night shift as orders doubled",
    # "reported record attendance, drawing crowds") says when or how, and makes the object
    # no report either
    described = {t.i for o in objects for t in o.subtree}
    adverbial = [c for c in verb.rights if c.dep_ == "advcl" and not _holds_report(c)]
    described |= {t.i for c in adverbial for t in c.subtree}
    # "... on wages for drivers hired through an agency": a verb describing a noun of a
    # phrase on the cue describes, as one describing the object does
    nominal = [t for right in verb.rights for t in right.subtree if _describes_a_noun(t)]
    described |= {t.i for c in nominal for t in c.subtree}
    after = [t for t in verb.subtree if t.i > verb.i and t.i not in described]
    return not any(t.tag_.startswith("VB") for t in after)


_CLAUSE_ONLY = ("say", "tell")


def _holds_report(clause: Token) -> bool:
    """Does a clause hold a complement clause ("as the storm neared that the river would
    rise"), which may be what the cue reports, however the parser hung it?"""
    return any(t.dep_ == "ccomp" for t in clause.subtree)


def _that_after(first: Token, sent: Span) -> Token | None:
    """ "said in a statement that ...", "said on NBC's "Meet the Press" that ...": where
    the cue's own phrases run up to a "that", what was said starts there (a title in
    quotation marks among them is no quotation). The phrases hold no verb of their own,
    save a participle describing one of their nouns ("in a statement issued Tuesday that",
    "under questioning that")."""
    for token in sent.doc[first.i : min(first.i + CUE_ADJUNCT_TOKENS, sent.end)]:
        if token.lower_ == "that" and (token.dep_ == "mark" or _misread_relative(token, first)):
            return token if token.i > first.i else None
        if _describes_noun(token):
            continue
        if token.tag_.startswith("VB") or token.dep_ in CLAUSE_SUBJECTS:
            return None
    return None


def _misread_relative(that: Token, first: Token) -> bool:
    """ "said after the race that she had spoken to him": the parser reads a "that"
    after a noun of the cue's phrases as a relative pronoun (the object of "spoken"). A
    clause with a subject of its own after the cue's phrase is what was said."""
    clause = that.head
    if clause.dep_ != "relcl" or not first.i <= clause.head.i < that.i:
        return False
    return any(c.dep_ in SUBJECTS and c.i > that.i for c in clause.children)


def _describes_noun(token: Token) -> bool:
    """A participle with no subject hung on a noun ("a statement issued Tuesday") or a
    preposition ("under questioning"): part of the phrase, no clause of its own."""
    participle = token.tag_ in ("VBN", "VBG") and token.dep_ in ("acl", "pobj", "pcomp")
    return participle and not any(c.dep_ in SUBJECTS for c in token.children)


def _inserted(verb: Token, sent: Span) -> bool:
    """ "But while some couples split, Lee said, for others it brings them closer": a cue
    set off by commas (or a comma and a semicolon) inside the words it reports, which run
    on both sides of it whichever side the parser hung the complement on."""
    cue_start, cue_end = cue_clause(verb, sent)
    short = cue_start - sent.start < 3 and not fronted_subject(verb, sent[0])
    if short or sent.end - 1 - cue_end < 3:
        return False
    doc = sent.doc
    if _circumstance_then_quotation(verb, cue_start, cue_end):
        return False
    return doc[cue_start - 1].text in SET_OFF and doc[cue_end + 1].text in (*SET_OFF, ";")


def _circumstance_then_quotation(verb: Token, cue_start: int, cue_end: int) -> bool:
    """'When the pier shut, Lee said, "We ...": a clause of time or cause the cue verb
    governs, opening the sentence, then a quotation opening a sentence of its own: the
    clause tells when or why the words were said, and they start at the mark (a reported
    clause before the cue, "The pier will shut, Lee said, "...", is no adverbial)."""
    doc = verb.doc
    sent = verb.sent
    if cue_end + 3 >= sent.end or doc[cue_end + 1].text != ",":
        return False
    mark, first = doc[cue_end + 2], doc[cue_end + 3]
    if not (mark.is_quote and first.is_title):
        return False
    return any(
        c.dep_ in ("advcl", "prep") and c.left_edge.i == sent.start and c.right_edge.i < cue_start
        for c in verb.lefts
    )


def _continued(verb: Token, clause: Token) -> Token:
    """The last reported word: "The harbour will be dredged, Ruiz said, and the ferries
    will run by June" goes on past the cue into a clause joined to it by "and" or "but"."""
    if clause.i > verb.i:
        return _reported_end(verb, _listed(verb, clause))
    doc = verb.doc
    for joined in verb.rights:
        has_subject = any(c.dep_ in SUBJECTS for c in joined.children)
        if joined.dep_ != "conj" or joined.pos_ not in ("VERB", "AUX") or not has_subject:
            continue
        between = doc[cue_clause(verb, verb.sent)[1] + 1 : joined.left_edge.i]
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
        own_subject = any(c.dep_ in SUBJECTS for c in other.children)
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
        end = joined.right_edge  # "..., but talks have stalled over the price since May"
    for child in verb.rights:
        own_subject = any(c.dep_ in SUBJECTS for c in child.children)
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        if child == joined:
            continue
        if child.i > clause.right_edge.i and child.dep_ == "conj" and own_subject and not that:
            end = doc[child.left_edge.i - 1]
            break
    second = second_cue(clause) or _rival_cue(clause)
    if second is not None:  # "said the deal was "a betrayal" and promised to oppose it"
        end = doc[min(second.left_edge.i - 1, end.i)]
    cue = next((t for t in doc[clause.right_edge.i + 1 : end.i] if is_cue(t)), None)
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
    if joined is None or joined.left_edge.i != comma.i + 2 or is_cue(joined):
        return None
    subject = next((c for c in joined.children if c.dep_ in SUBJECTS), None)
    if (
        subject is None
        or subject.lower_ in _PERSONS
        or subject.pos_ == "PROPN"
        or subject.ent_type_
    ):
        return None
    if not _present(joined) or any(is_cue(t) for t in joined.subtree):
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
            and is_cue(t)
            and any(c.dep_ in SUBJECTS for c in t.children)
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


def cue_clause(verb: Token, sent: Span) -> tuple[int, int]:
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
    reported = reported_subject(verb)
    lefts = [c for c in verb.lefts if c.dep_ not in ("punct", "ccomp") and c != reported]
    set_off = end + 1 < sent.end and sent.doc[end + 1].text in (*SET_OFF, ";")
    if set_off and any(_own_clause(c) for c in lefts):  # "But while ...": "But" opens it
        lefts = [c for c in lefts if not _own_clause(c) and c.dep_ != "cc"]
    start = min([verb.i] + [c.left_edge.i for c in lefts])
    start = max(start, sent.start)
    opener = start > sent.start and sent.doc[start - 1].is_punct and start - sent.start <= 2
    if opener and not fronted_subject(verb, sent[0]):  # "Now, she said, ..."
        start = sent.start
    return start, end


def fronted_subject(verb: Token, token: Token) -> bool:
    """ "Fares, she says, have doubled since spring": a lone noun before a cue set off inside
    the words is the subject of the reported clause going on after the cue, so reported
    however short, where an opener ("Now, she said, ...") belongs to the cue."""
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ in SUBJECTS and token.head.i > verb.i


def _own_clause(child: Token) -> bool:
    """A subordinate clause with its own subject, ending in a comma before the cue."""
    doc = child.doc
    ends = child.right_edge.i + 1 < len(doc) and doc[child.right_edge.i + 1].text == ","
    subject = any(c.dep_ in SUBJECTS for c in child.children)
    return child.dep_ == "advcl" and subject and ends


_CLAUSES = ("acl", "relcl", "ccomp")
_CUE_MODIFIERS = ("prep", "npadvmod", "advmod", "dative", "prt")  # "went on", "shot back"


def _quoted_charge(verb: Token, text: str, base: int) -> tuple[int, int] | None:
    """ "accused the ministry of planning a 'quiet raid' on pensioners": a charge worded as
    a verb phrase holding a quotation is reported whole, a mixed quote; without a
    quotation it stays the reporter's summary."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        for charge in (c for c in prep.children if c.dep_ in ("pcomp", "pobj")):
            quoted = any(t.is_quote for t in charge.subtree)
            if charge.tag_ == "VBG" and prep.lower_ == "of" and quoted:
                return trim(text, *chars((charge.left_edge, charge.right_edge), base))
    return None


def verdict_of(verb: Token, text: str, base: int) -> tuple[int, int] | None:
    """What a verdict verb reports: a charge holding a quotation, or the judgement in
    "calls it a rookie mistake", which says what its speaker holds the object to be even
    without quotation marks."""
    return (
        _quoted_charge(verb, text, base)
        or _judged_as(verb, text, base)
        or _judgement(verb, text, base)
    )


def _judged_as(verb: Token, text: str, base: int) -> tuple[int, int] | None:
    """ "described the season as "the worst in memory"", "dismissed the demand as "a
    stunt"": a quotation after "as" says what the speaker holds the verb's object to be;
    the object is part of the judgement, so both are reported, a mixed quote."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return None
    holders = [verb, objects[0]]  # the parser hangs "as" on either
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        if prep.lower_ == "as" and prep.i > objects[0].i and any(t.is_quote for t in prep.subtree):
            return trim(text, *chars((objects[0].left_edge, _judgement_end(prep)), base))
    return None


def _judgement_end(prep: Token) -> Token:
    """The last word of an "as" phrase holding a quotation: a comma after the closing mark
    sets off the writer's own gloss ('as "Pier 2030", a name it chose in May')."""
    quotes = [t for t in prep.subtree if t.is_quote]
    doc = prep.doc
    for token in doc[quotes[-1].i : prep.right_edge.i + 1]:
        if token.text in (",", ";"):
            return doc[token.i - 1]
    return prep.right_edge


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
