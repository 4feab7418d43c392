"""Who a cue verb names: the speaker slot of a verb of saying, however the parser hung it.

The small parser often gives a cue's speaker to another word, or the speaker's arc to
another verb: a participle ("Ruiz, asked about the delay, said"), a first subject that
opens the reported words ("The answer, Ruiz insisted, was ..."), a noun of the reported
words in a long sentence ending "..., the agency said.", the object of an inverted cue
("..., argued Ferrante."). ``subject_of`` finds the speaker slot of any cue verb and
``trailing_speaker`` the speaker of a cue ending its sentence; ``resolve.py`` then turns
the words found into a canonical speaker.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.attribute.cues import CLAUSE_VERBS, PERCEPTION_VERBS, SPEECH_VERBS
from ingest.attribute.grammar import (
    SET_OFF,
    SUBJECTS,
    after_set_off,
    has_own_subject,
    hyphen_piece,
    is_age,
    is_cue,
    is_verb,
)
from ingest.attribute.nlp import is_parsed
from ingest.attribute.titles import NAME_PREFIX_TITLES
from ingest.attribute.tuning import MIN_CONTENT_WORDS, TRAILING_CUE_AFTER, TRAILING_SPEAKER_TOKENS

_INHERITS_SUBJECT = ("conj", "advcl", "xcomp")


# what the NER calls a word that never speaks, however the parser hangs it on a cue
NO_SPEAKER = ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")


def name_after(verb: Token) -> Token | None:
    """ "..., but for the whole region, argued Ferrante.": an inverted cue whose name the
    parser took for an object, when the verb has no subject of its own. Neither a
    participle ("..., telling Sky News that") nor "told" is ever inverted: the name after
    them is the listener."""
    doc = verb.doc
    if verb.tag_ == "VBG" or verb.lemma_.lower() == "tell":
        return None
    if verb.i == 0 or doc[verb.i - 1].text != "," or verb.i + 1 >= len(doc):
        return None
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    name = doc[verb.i + 1]
    while name.i + 1 < len(doc) and doc[name.i + 1].pos_ == "PROPN":
        name = doc[name.i + 1]
    # "The plan, announced Tuesday at a clinic, commits ...": a day is when, not who
    if name.ent_type_ in NO_SPEAKER:
        return None
    return name if name.pos_ == "PROPN" and name.dep_ in ("dobj", "npadvmod", "attr") else None


def subject_of(verb: Token) -> Token | None:
    """The speaker slot: the verb's own subject, or the one it shares ("..., adding").

    "Pratt argued that the decision weakened his case, noting ...": a participle the parser
    hung inside the reported clause still shares the subject of the speech verb above.
    """
    # a closing mark can be parsed as a subject, and so can a dateline ("JACKSON, Miss.
    # (AP) — Gov. Lena Ortiz signed ...") beside the real one
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.pos_ != "PUNCT"]
    subjects = [c for c in subjects if c != reported_subject(verb)]
    subjects = [c for c in subjects if not _cut_from(c, subjects)]
    named = [c for c in subjects if not _dateline_word(c)]
    disputed = _verb_before_demonstrative(verb)
    if disputed is not None and (not subjects or subjects[0].i == verb.i - 2):
        return subject_of(disputed)
    if subjects:
        subject = _before_party_tag((named or subjects)[0])
        return _role_holder(subject) or _aged_name(_portfolio_holder(_after_label(subject)))
    # "Ruiz, asked about the delay, said ...": the parser gives the subject to the participle
    inserted = [c for c in verb.lefts if set_off_participle(c)]
    held = next((h for h in map(_role_holder, verb.lefts) if h is not None), None)
    if held is not None:
        return held
    if inserted:
        found = [c for c in inserted[0].lefts if c.dep_ in SUBJECTS]
        if found:
            return found[0]
    quoted = _quoted_as(verb) or agent_of_passive(verb) or verb_read_as_modifier(verb)
    if quoted is not None:
        return quoted
    aged = next((c for c in verb.lefts if c.dep_ == "amod" and is_age(c)), None)
    if aged is not None:  # '"...," the 52-year-old said': parsed as a modifier of "said"
        return aged
    second = _second_absolute(verb)
    if second is not None:
        return second
    # "..., noting that ...", not "would consider writing ...": a gerund completing another
    # verb is that verb's, and shares its subject
    complement = verb.dep_ == "xcomp" and not is_cue(verb.head)
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
        found = subject_of(_above_a_noun_clause(verb.head)) or _raised(verb)
        if found is not None or verb.dep_ != "conj":
            return found
        # "The suit says he was hurt and alleges that ...": the parser joined the second
        # cue to the passive reported clause, which has no subject to share
        speech = next((a for a in verb.ancestors if a.lemma_.lower() in SPEECH_VERBS), None)
        return subject_of(speech) if speech is not None else None
    return _subject_in_opening(verb)


_PARTIES = frozenset({"D", "R", "I"})


def _before_party_tag(subject: Token) -> Token:
    """ "Sen. Ana Ortiz-Bramwell, D-Tacoma, said": after a hyphenated name the parser can
    take a US lawmaker's party and home for the subject and the name for a modifier of
    it. The tag says where the speaker sits; the name before it is who speaks."""
    doc = subject.doc
    first = subject.i
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text not in _PARTIES:
        first -= 1
    if first < 4 or doc[first - 1].text != "-" or doc[first - 2].text not in _PARTIES:
        return subject
    name = doc[first - 4]
    return name if doc[first - 3].text == "," and name.pos_ == "PROPN" else subject


def _second_absolute(verb: Token) -> Token | None:
    """ "..., with Ruiz leading the opposition and three towns saying the levy ...": the
    parser reads the second absolute's subject as one more object of the first gerund and
    hangs the cue on that gerund, or on the main verb, with no subject; the noun phrase
    right before the cue is who speaks, not the first absolute's subject."""
    doc = verb.doc
    if verb.tag_ != "VBG" or has_own_subject(verb) or verb.i == 0:
        return None
    noun = doc[verb.i - 1]
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    first = next((a for a in noun.ancestors if _with_absolute(a)), None)
    return noun if first is not None and first.i < noun.i else None


def _with_absolute(token: Token) -> bool:
    """ "with Ruiz leading ...": a gerund after "with" that has a subject of its own."""
    return (
        token.tag_ == "VBG"
        and token.dep_ == "pcomp"
        and token.head.lower_ == "with"
        and has_own_subject(token)
    )


def verb_read_as_modifier(verb: Token) -> Token | None:
    """ "The Riders Club, a ferry users group, posted on its website that ...": after an
    apposition set off by commas the parser can read the past-tense cue as a participle
    on the name and make the name the root of a sentence with no verb. A sentence has a
    verb; the cue is it, and the name its subject."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or not after_set_off(verb):
        return None
    if head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or head.i > verb.i:
        return None
    if any(c.dep_ in ("auxpass", "agent") for c in verb.children):
        return None  # "the Club, backed by ...": a true participle
    return head if any(c.dep_ == "appos" for c in head.children) else None


def _verb_before_demonstrative(verb: Token) -> Token | None:
    """ "Ruiz disputes that, saying ...", "Ruiz denied that, telling the Herald ...": the
    "that" a verb takes as its object, right before a participle cue's comma, is parsed
    as the participle's subject (stored as the speaker) or as the conjunction of a clause
    the participle is made the subject of (no speaker at all). A participle set off after
    a verb and its object shares that verb's subject; the verb is returned."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    if doc[verb.i - 2].lower_ not in ("that", "this"):
        return None
    before = doc[verb.i - 3]
    return before if is_verb(before) else None


def _cut_from(token: Token, subjects: list[Token]) -> bool:
    """ "Its co-founder, Ana Ruiz, said": is ``token`` a piece the tokenizer cut off a
    hyphenated word whose last piece is a subject too? That piece heads the word ("Its
    secretary-general" has only its first piece as the subject, and keeps it)."""
    last = token
    while hyphen_piece(last) and last.i + 1 < len(last.doc):
        last = last.nbor(1)
    return last is not token and last in subjects


def seen_acting(verb: Token) -> bool:
    """ "Ruiz saw the driver climb out, shouting that ...": a participle with no subject of
    its own, after a verb of perception whose object is seen doing something (or is a
    person), shares the seer's subject by the parse, but the sentence reads as well with
    the one seen shouting. "Ruiz saw the damage, saying ..." has no one else to speak."""
    head = verb.head
    if verb.tag_ != "VBG" or has_own_subject(verb) or head.lemma_.lower() not in PERCEPTION_VERBS:
        return False
    seen = [c for c in head.children if c.dep_ in ("dobj", "ccomp", "xcomp") and c.i < verb.i]
    return any(_acting(c) for c in seen)


def _acting(seen: Token) -> bool:
    """Is what was seen someone doing something (a clause with its own subject, an object
    with a verb after it), or a person?"""
    if seen.pos_ in ("VERB", "AUX"):
        return has_own_subject(seen)
    doing = any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in seen.children)
    return doing or seen.ent_type_ == "PERSON" or seen.lower_ in ("him", "her", "them")


def nearer_clause(verb: Token) -> Token | None:
    """ "The council erupted as residents marched in, demanding that ...": a participle the
    parser hung on the main verb, right after a clause of time with an active subject of
    its own ("as", "when", "while") between them. The participle may be the nearer
    subject's as well as the main one's ("Ruiz left as the crowd jeered, saying ..." is
    hers, "..., demanding" above is theirs): which of the two speaks is a guess."""
    if not is_parsed(verb.doc):
        return None
    head, doc = verb.head, verb.doc
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or has_own_subject(verb) or head.i > verb.i:
        return None
    if doc[verb.i - 1].text != ",":
        return None
    for clause in doc[head.i + 1 : verb.i - 1]:
        if clause.dep_ != "advcl" or clause.right_edge.i != verb.i - 2:
            continue
        timed = any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children)
        if timed and any(c.dep_ == "nsubj" for c in clause.children):
            return clause
    return None


_TIME_MARKS = frozenset({"as", "when", "while", "after", "before", "until"})


def _aged_name(subject: Token) -> Token:
    """ "Pike, 46, said ...": the parser can take the age set off after a surname for the
    subject (and the surname for an interjection); the name before it is who speaks."""
    doc = subject.doc
    if not subject.like_num or subject.i < 2 or subject.i + 1 >= len(doc):
        return subject
    name = doc[subject.i - 2]
    set_off = doc[subject.i - 1].text == "," and doc[subject.i + 1].text == ","
    return name if set_off and name.text[:1].isupper() and name.is_alpha else subject


def _next_act(verb: Token) -> Token | None:
    """ "said the plan was "reckless" and warned of ...": a cue that ends a reported clause
    as the speaker's next act (``second_cue``) is the speaker's, not the clause subject's."""
    clause = verb.head
    if clause.dep_ != "ccomp" or not is_cue(clause.head) or second_cue(clause) != verb:
        return None
    return subject_of(clause.head)


def _above_a_noun_clause(verb: Token) -> Token:
    """ "Ana Ruiz rejected the suggestion that the board was lagging, telling the Courier
    that ...": a participle the parser hung on the verb of a noun's "that" clause
    is not that clause's subject's act but the act of whoever governs the noun; the verb
    above the noun, when there is one."""
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    if verb.dep_ != "acl" or not that:
        return verb
    return next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb)


def _raised(verb: Token) -> Token | None:
    """ "The senator is expected to argue that ...", "she was forced to admit ...": the
    passive subject of the verb a cue with a reported clause completes is who speaks."""
    if verb.dep_ != "xcomp" or verb.lemma_ not in CLAUSE_VERBS:
        return None  # "are expected to ask the board to delay ...": a request, not a report
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


def trailing_cue(verb: Token, sent: Span) -> tuple[Token, Token] | None:
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
    comma = next((t for t in reversed(doc[sent.start : verb.i]) if t.text in SET_OFF), None)
    if comma is None or comma.i - sent.start < MIN_CONTENT_WORDS:
        return None
    if any(_opening_participle(c, comma) for c in verb.lefts):
        return None  # "Asked whether ..., Ruiz replied:": the question put to the speaker
    stretch = doc[comma.i + 1 : verb.i]
    verbs = [t for t in stretch if is_verb(t) and not _modifies_noun(t, comma)]
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
    own_subject = any(c.dep_ in SUBJECTS for c in child.children)
    return participle and not own_subject and child.right_edge.i >= comma.i - 1


def _modifies_noun(token: Token, comma: Token) -> bool:
    """ "..., residents gathered outside the hall said.": a participle right after a noun
    of the speaker's words describes the noun, however tagged, since the cue needs the
    noun for its subject."""
    before = token.doc[token.i - 1]
    auxiliary = any(c.dep_ in ("aux", "auxpass") for c in token.children)
    nominal = before.pos_ in ("NOUN", "PROPN") and before.i > comma.i
    return token.tag_ in ("VBN", "VBG", "VBD") and nominal and not auxiliary


_NOMINAL = ("NOUN", "PROPN", "PRON")


def trailing_speaker(verb: Token, sent: Span) -> Token | None:
    """The speaker of a cue ending its sentence ("..., the agency said."), for the pattern
    that finds such cues (see ``trailing_cue``)."""
    trailing = trailing_cue(verb, sent)
    return trailing[0] if trailing is not None else None


def _dateline_word(token: Token) -> bool:
    """The place in capitals opening a paragraph and followed by a comma: a dateline; or a
    word labelling what follows its colon ('Ottawa: "We are ready," the minister said'),
    which says where, as a dateline does, while the cue after the quotation says who."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.text == ":":
        return True
    opens = token.i == 0 and nxt is not None and nxt.text == ","
    return opens and token.text.isupper() and len(token.text) > 2


def _after_label(subject: Token) -> Token:
    """ "UPDATE, 4:40 PM: Okafor, reached by phone, said": a label opening the paragraph
    before a colon ("UPDATE", "CORRECTION", a place) is parsed as the subject with the
    speaker's name set beside it; the name after the colon is the subject."""
    if subject.i != 0:
        return subject
    colon = next((t.i for t in subject.doc if t.text == ":"), None)
    if colon is None:
        return subject
    named = (c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN")
    return next((c for c in named if c.i > colon), subject)


def _portfolio_holder(subject: Token) -> Token:
    """ "Oceans and Fisheries Minister Craig Lindqvist said": a post over two portfolios is
    parsed as two subjects, the first portfolio and the titled name joined to it; the name
    is the subject. Only when the post names a second portfolio of its own: "Okafor and
    Premier Tomas Vale", "the union and Minister Ana Ruiz" are two parties."""
    if subject.ent_type_ or any(c.dep_ in ("det", "poss") for c in subject.children):
        return subject
    for name in (c for c in subject.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"):
        posts = [t for t in name.lefts if t.lower_ in NAME_PREFIX_TITLES]
        if posts and any(t.dep_ == "compound" for t in posts[0].lefts):
            return name
    return subject


def _quoted_as(verb: Token) -> Token | None:
    """ "He was quoted as saying that ...", "State media quoted the minister as saying
    ...": the passive subject or the object of "quoted" is the speaker, not who quotes."""
    if verb.tag_ != "VBG" or verb.head.lower_ != "as" or verb.head.head.lemma_ != "quote":
        return None
    return next((c for c in verb.head.head.children if c.dep_ in ("nsubjpass", "dobj")), None)


def agent_of_passive(verb: Token) -> Token | None:
    """ "It was announced by the minister's office that ...": the agent of a passive cue
    that reports a clause is who spoke (without the clause, "the plan was announced by X"
    names what X did, not what X said)."""
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def second_cue(clause: Token) -> Token | None:
    """A verb of saying the parser joined to the reported clause, with no subject of its
    own, whose clause's subject is no person: the first speaker's next act, not part of
    what they said ("the deal was unfair and promised ..." cannot be the deal's promise)."""
    # a passive clause's subject counts too: "crews had been cut ... and warned" is no
    # crew's warning
    subject = next((c for c in clause.children if c.dep_ in (*SUBJECTS, "nsubjpass")), None)
    if subject is None or _may_be_person(subject):
        return None
    return next(
        (
            c
            for c in clause.rights
            if c.dep_ == "conj"
            and is_cue(c)
            and (c.tag_ in ("VBD", "VBZ") or _perfect(c))
            and not any(g.dep_ in SUBJECTS for g in c.children)
        ),
        None,
    )


def _may_be_person(subject: Token) -> bool:
    """Could the reported clause's subject be who made the joined cue? "it" and a name
    the tagger reads as an organisation ("the Coalition had lost ... and warned") are as
    much no person as "the deal" is; he, she, they and a person's name may be."""
    if subject.lower_ == "it" or subject.ent_type_ == "ORG":
        return False
    return subject.pos_ in ("PRON", "PROPN") or bool(subject.ent_type_)


def _perfect(verb: Token) -> bool:
    """ "have vowed", "has promised": a participle with its own auxiliary."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" for c in verb.children)


def reported_subject(verb: Token) -> Token | None:
    """ "The answer, Ruiz insisted, was ...": of two subjects the parser gives a cue, the
    first one set off by a comma opens the reported words around an inserted cue."""
    subjects = [c for c in verb.lefts if c.dep_ in SUBJECTS and c.pos_ != "PUNCT"]
    if len(subjects) < 2:
        return None
    first, doc = subjects[0], verb.doc
    after = first.right_edge.i + 1
    return first if after < verb.i and doc[after].text == "," else None


def _role_holder(word: Token) -> Token | None:
    """ "Ruiz, reeve of the county, said ...": a rare role noun set off by commas between
    a name and the cue can be tagged a present verb, the name made its subject and the
    role hung on the cue as its subject or as a clause beside it. No present verb stands between
    commas with its subject before the first one, so the role is an apposition and the
    name before the comma, which is returned, speaks."""
    head = word.head
    if word.tag_ not in ("VB", "VBP"):
        return None
    if head.i < word.i or not after_set_off(word) or word.doc[head.i - 1].text != ",":
        return None
    named = [c for c in word.lefts if c.dep_ in SUBJECTS and c.right_edge.i >= word.i - 2]
    return named[0] if named else None


def set_off_participle(verb: Token) -> bool:
    """ "Ruiz, asked about the delay, said ...": a past form set off by commas between a
    subject and the main verb is a participle, however the parser tagged it."""
    head = verb.head
    return (
        verb.dep_ in ("advcl", "ccomp")
        and verb.tag_ in ("VBD", "VBN")
        and head.i > verb.i
        and after_set_off(verb)
        and verb.doc[head.i - 1].text == ","
    )
