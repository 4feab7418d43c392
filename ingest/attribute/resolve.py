"""Turn the words that name a speaker into the canonical speaker a reader would expect."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ingest.attribute import tuning
from ingest.attribute.cues import (
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
)
from ingest.attribute.descriptions import (
    add_description,
    document_issuer,
    noun_phrase,
    published_by,
)
from ingest.attribute.grammar import WH_TAGS, is_age
from ingest.attribute.mentions import capitalised, dateline, other_subject
from ingest.attribute.speakers import Entity, Registry
from ingest.attribute.titles import (
    NAME_PREFIX_TITLES,
    PARTY_MEMBERS,
    POST_HEADS,
    agent_noun,
    apposed_after_comma,
    name_tokens,
    office_before,
    office_holder,
    person_noun,
    post_initials,
    split_name,
    title_ended,
    title_gender,
    title_of,
)
from ingest.sentences import SOMETIMES_FINAL
from quotedesk.models import MentionKind
from quotedesk.text import word_set

_NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
_NAMING_VERBS = ("name", "call")
# "its statement", "their report": an owner named by a possessive is the pronoun's referent
_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they", "my": "i", "our": "we"}


@dataclass(frozen=True)
class Speaker:
    name: str | None
    title: str | None
    mention: str | None
    mention_kind: MentionKind
    confidence: float


UNKNOWN = Speaker(None, None, None, "none", tuning.UNKNOWN)


def _entity_span(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in _NAME_ENTS:
            ent = _after_a_listing_comma(ent, token)
            return ent if capitalised(ent) else None  # "the veteran goalie": a description
    return None


def _after_a_listing_comma(ent: Span, token: Token) -> Span:
    """ "The Ministry of Water, Okafor said, promised ...": the NER may run a body and the
    name of a cue set off after it into one name; the speaker's name starts after the
    comma. A company's suffix ("Acme, Inc.") stays with its name."""
    commas = [t.i for t in ent if t.text == "," and t.i < token.i]
    if not commas or ent.doc[commas[-1] + 1].lower_.strip(".") in SOMETIMES_FINAL:
        return ent
    return ent.doc[commas[-1] + 1 : ent.end]


def _proper_span(token: Token) -> Span:
    """A name the tagger saw but NER missed: the token and its proper-noun compounds."""
    parts = [t for t in token.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
    owner = _owner_in_name(token)
    if owner is not None:  # "the Legislative Analyst's Office": one name, not "Office"
        parts.append(_proper_span(owner)[0])
    start = min([t.i for t in parts] + [token.i])
    return token.doc[start : token.i + 1]


def _owner_in_name(token: Token) -> Token | None:
    """The capitalised possessor inside an organisation's name ("Analyst" in "the
    Legislative Analyst's Office"); a person's office stays theirs ("Ruiz's Office")."""
    if token.lower_ not in ORG_NOUNS:
        return None
    owner = next((c for c in token.lefts if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN" or not owner.text[:1].isupper():
        return None
    return None if owner.ent_type_ in ("PERSON", "NORP") else owner


def _from_entity(entity: Entity | None, mention: str, kind: MentionKind, conf: float) -> Speaker:
    if entity is None:
        return Speaker(None, None, mention, kind, tuning.UNKNOWN)
    if entity.described:
        # "he" after "a ministry spokesman said": that unnamed person, still unnamed, so
        # stored like the description itself (unresolved) and no surer than it
        conf = min(conf, tuning.UNRESOLVED_DESCRIPTION)
        return Speaker(entity.name, None, entity.name, "nominal", conf)
    return Speaker(entity.name, entity.title, mention, kind, conf)


def _pronoun_confidence(
    entity: Entity | None,
    pronoun: str,
    at: int,
    registry: Registry,
    near: float = tuning.PRONOUN_NEAR,
) -> float:
    """A pronoun whose antecedent is named in its own paragraph is usually right; one that
    reaches into an earlier paragraph often lands on someone the writer has moved on from,
    and one with another fitting person named just before it is a guess between two, as
    is one whose antecedent only the pronoun itself made a person."""
    if entity is not None and (entity.person_by_pronoun or registry.rival(entity, pronoun, at)):
        return min(near, tuning.PRONOUN_AMBIGUOUS)
    if entity is not None and registry.inferred_last(entity, at):
        near = min(near, tuning.DESCRIPTION_RESOLVED)  # no surer than the description
    if entity is not None and registry.named_since(entity, registry.paragraph_start(at), at):
        return near
    return tuning.PRONOUN_FAR


def _tells_the_other(subject: Token) -> bool:
    """ "But he told her, '...'": a cue whose listener is a pronoun of the other sex puts a
    he and a she in the story at once; when nothing has shown the antecedent's sex, it
    may as well be the listener, so the pronoun is a guess between two."""
    gender = PERSON_PRONOUNS.get(subject.lower_)
    listeners = [c for c in subject.head.children if c.dep_ in ("dobj", "dative")]
    return gender is not None and any(
        PERSON_PRONOUNS.get(c.lower_, gender) != gender for c in listeners
    )


def _antecedent(relative: Token) -> Token:
    """The noun a relative pronoun stands for: the one its clause hangs on, except that
    "who" is said of people, so where the parser hangs it on a body in a phrase beside a
    person's name ("Ana Ruiz, of the Traders Association, who pointed out"), the person."""
    noun = relative.head.head
    if relative.lower_ != "who":
        return noun
    token = noun
    while token.dep_ in ("pobj", "prep", "compound") and token.head is not token:
        token = token.head
        if token.ent_type_ == "PERSON" or token.pos_ == "PROPN" and not token.ent_type_:
            return token  # a name the NER left untagged, as it does after a verb
    return noun


def resolve(
    subject: Token,
    at: int,
    registry: Registry,
    author: str | None,
    reported: tuple[int, int] | None = None,
) -> Speaker:
    """Resolve a cue's subject at character offset ``at`` in the article.

    A pronoun never means someone named in the words it reports: in "Macharia hid
    under a desk, he said" the speaker is not Macharia.
    """
    if subject.left_edge.tag_ in WH_TAGS and subject.head.dep_ != "relcl":
        return UNKNOWN  # "How many of the senators said ...": a question names no speaker
    word = _POSSESSIVES.get(subject.lower_, subject.lower_)
    if subject.pos_ == "PRON" or word in PERSON_PRONOUNS or word in GROUP_PRONOUNS:
        if word in FIRST_PERSON:
            return (
                Speaker(author, None, subject.text, "pronoun", tuning.FIRST_PERSON_AUTHOR)
                if author
                else UNKNOWN
            )
        if word in PERSON_PRONOUNS or word in GROUP_PRONOUNS:
            entity = registry.resolve_pronoun(word, at, skip=reported)
            if entity is not None and entity.kind == "person" and not entity.described:
                # "He said the loan, from a friend, Ed Roe, saved the farm. '...,' he said":
                # the he who speaks leads the sentence, not the friend named in his words
                main = subject.head.dep_ == "ROOT"
                registry.add(entity.name, "person", at, subject=True, main=main, echo=True)
            conf = _pronoun_confidence(entity, word, at, registry)
            if entity is not None and entity.gender is None and _tells_the_other(subject):
                conf = min(conf, tuning.PRONOUN_AMBIGUOUS)
            return _from_entity(entity, subject.text, "pronoun", conf)
        if word in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            return resolve(_antecedent(subject), at, registry, author)  # "Reyes, who said"
        phrase = noun_phrase(subject)  # "Some in the community", "All those involved"
        return Speaker(phrase, None, phrase, "nominal", tuning.UNRESOLVED_GROUP)
    holder = office_holder(subject)
    if holder is not None:  # "Deputy Prime Minister for Recovery Ilse Marno said"
        return _holder_of_office(subject, holder, at, registry)
    named = _role_before_its_name(subject)
    if named is not None:  # "engineer Ama Boateng wrote": she speaks, the role her title
        found = resolve(named, at, registry, author, reported)
        post = subject.doc[subject.left_edge.i : named.left_edge.i].text
        role = subject.text if subject.text.islower() else post
        return found if found.title else replace(found, title=role)
    named_too = _named_other_subject(subject)
    if named_too is not None:  # "The answer, Ms Alder insisted, was ...": she speaks
        return resolve(named_too, at, registry, author, reported)
    listed = _person_after_a_place(subject)
    if listed is not None:  # "Outside City Hall, Ana Ruiz, a nurse, said": she speaks
        return resolve(listed, at, registry, author, reported)
    fronted = _set_off_after_participle(subject)
    if fronted is not None:  # "Responding, the chair, Ana Ruiz, said": she speaks
        return resolve(fronted, at, registry, author, reported)
    for child in subject.children:  # "the mayor, Jane Doe, said"; "says her dad, Darrin"
        # a common noun the NER tagged as a person ("a railway signalman") is no name
        named = child.pos_ == "PROPN" or child.ent_type_ == "PERSON" and child.pos_ != "NOUN"
        named = named and child.lower_ not in NAME_PREFIX_TITLES  # ", the Labour TD,"
        # "One Democrat, Sen. Ada Brill, said": a group word standing for the person
        person_for_group = child.ent_type_ == "PERSON" and subject.ent_type_ != "PERSON"
        # "The Tánaiste, Ann Roe, said": a title the tagger read as a proper noun
        described = subject.pos_ == "NOUN" or subject.lower_ in NAME_PREFIX_TITLES
        # "The Director of Public Health, Ann Roe, said": a capitalised role no name is,
        # set beside a name (not its initials in brackets, "(MCE)", nor a dateline's agency)
        titled = not subject.ent_type_ and _spelled_post(subject) and not _bracketed(child)
        if child.dep_ == "appos" and named and (described or titled or person_for_group):
            if _past_a_clause(subject, child):
                continue  # "the artist, who sold copies of his comic The Last Patrol,"
            return resolve(child, at, registry, author)
    aside = _partitive_aside(subject)
    if aside is not None:
        # "One of them, the owner of a corner bakery, said": the aside says which one
        described = noun_phrase(aside)
        add_description(registry, aside, described, at)
        return Speaker(described, None, described, "nominal", tuning.UNRESOLVED_DESCRIPTION)
    named_last = _closing_name(subject)
    if named_last is not None:
        return resolve(named_last, at, registry, author)
    ent = _entity_span(subject)
    if ent is not None and title_ended(ent):
        ent = None  # "the Labour TD said": a description, not a name
    if dateline(ent if ent is not None else _proper_span(subject)):
        # "LONDON (Reuters) - Britain's finance minister Ana Ruiz said": the parser may
        # hang the dateline on the verb too; the speaker is the verb's other subject
        other = other_subject(subject)
        return UNKNOWN if other is None else resolve(other, at, registry, author, reported)
    party = ent is not None and ent.label_ == "NORP" or subject.lower_ in PARTY_MEMBERS
    if party and subject.tag_ == "NNP" and _definite(subject):
        # "the Kentucky Republican said", "the Conservative said" (the NER may call it an
        # organisation): a description of someone already in the story
        entity = _latest_person(registry, at, noun_phrase(subject))
        if entity is not None:
            return Speaker(
                entity.name,
                entity.title,
                noun_phrase(subject),
                "nominal",
                tuning.DESCRIPTION_OF_RECENT,
            )
    definite_party = party and subject.tag_ == "NNP" and _definite(subject)
    if definite_party or subject.lower_ in PARTY_MEMBERS and _indefinite(subject):
        # "A Conservative said", or "The Conservative said" before the story names anyone:
        # someone unnamed, never a speaker called "Conservative"
        phrase = noun_phrase(subject)
        return Speaker(phrase, None, phrase, "nominal", tuning.UNRESOLVED_DESCRIPTION)
    post = _post_holder(subject, at, registry)
    if post is not None:  # "The CS said": the holder of the post, whom a next "he" means
        main = subject.head.dep_ == "ROOT"
        registry.add(post.name, post.kind, at, subject=True, main=main, inferred=True)
        return _from_entity(post, subject.text, "nominal", tuning.DESCRIPTION_RESOLVED)
    if _post_initials(subject):  # "the GM said" before any GM is named: no company "GM"
        phrase = noun_phrase(subject)
        add_description(registry, subject, phrase, at)
        return Speaker(phrase, None, phrase, "nominal", tuning.UNRESOLVED_DESCRIPTION)
    named = ent is not None or _written_name(subject)
    named = named and not _role_label(subject, at, registry)
    if named and not _owned_document(subject) and not _plural_initials(subject):
        span = ent if ent is not None else _proper_span(subject)
        name, _, _ = split_name(span)
        entity = registry.resolve_name(name.text, at)
        title = title_of(subject, name)
        # not "an experience Grizzle described"; "Its chair, Ana Ruiz, said" leads as the chair
        clause = subject.head.head if subject.dep_ == "appos" else subject.head
        main = clause.dep_ == "ROOT"
        if registry.shared_first_name(name_tokens(name.text)):
            # "Joseph said" in a story with two Josephs: which one is a guess
            registry.add(name.text, "person", at, subject=True, main=main)
            return Speaker(name.text, title, name.text, "named", tuning.SHARED_FIRST_NAME)
        if entity is None:
            # a speaker NER missed is still the likeliest antecedent of the next "he"
            kind = "org" if ent is not None and ent.label_ in ("ORG", "GPE", "FAC") else "person"
            if subject.tag_ in ("NNPS", "NNS"):  # "Republicans said": a group, never a he
                kind = "group"
            entity = registry.add(name.text, kind, at, subject=True, main=main, title=title)
            return Speaker(entity.name, title, name.text, "named", tuning.NAMED_NEW)
        registry.add(entity.name, entity.kind, at, subject=True, main=main)
        return Speaker(entity.name, entity.title or title, name.text, "named", tuning.NAMED_KNOWN)
    known = _known_person(subject, at, registry)
    if known is not None:
        registry.add(known.name, known.kind, at, subject=True, main=subject.head.dep_ == "ROOT")
        return Speaker(known.name, known.title, subject.text, "named", tuning.NAMED_KNOWN)
    named_head = subject.head.pos_ == "PROPN" and subject.head.lower_ not in NAME_PREFIX_TITLES
    # only a description climbs to the name it describes: a name climbing back to its
    # own description would go round in a circle
    if subject.dep_ == "appos" and named_head and subject.pos_ != "PROPN":
        # "by Jordan, the fearless fighter who calls herself ...": the name described (a
        # title before the name, "The Tánaiste, Ann Roe", was tried first)
        return resolve(subject.head, at, registry, author)
    phrase = noun_phrase(subject)
    head = subject.lemma_.lower()
    if head in DOCUMENT_NOUNS or published_by(subject) is not None:
        issuer = document_issuer(subject)
        penalty = tuning.DOCUMENT_ISSUER_PENALTY
        if issuer is None:  # "the report" after "a study by X": X's, less surely
            issuer = registry.document_issuer(subject, at)
            penalty = tuning.EARLIER_DOCUMENT_PENALTY
        if issuer is not None:
            found = resolve(issuer, at, registry, author)
            return Speaker(found.name, found.title, phrase, "nominal", found.confidence - penalty)
        return _from_entity(
            registry.resolve_pronoun("it", at), phrase, "nominal", tuning.DOCUMENT_AS_IT
        )
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if head in ORG_NOUNS and owner is not None:  # "his office", "Ruiz's campaign"
        return _owned(subject, owner, phrase, at, registry)
    if subject.tag_ == "NNS":  # "Aid groups said": several, not the last "it"
        return Speaker(phrase, None, phrase, "nominal", tuning.PLURAL_GROUP)
    if _age(subject):  # "the 52-year-old" is no holder of a role "old"
        return _by_age(subject, phrase, at, registry)
    modifiers = _modifiers(subject)
    # "A spokesman for the agency said ... Ana Ruiz, the party's spokesman": an unnamed
    # source is seldom the holder of the same word the story names next
    entity = _org_by_modifier(subject, at, registry) or registry.resolve_nominal(
        head,
        at,
        new=_indefinite(subject),
        modifiers=modifiers | _portfolio(subject),
        ahead=head not in _ANONYMOUS,
    )
    if entity is not None and entity.kind == "person" and not modifiers <= entity.roles:
        # "The Michigan nephrologist" when the nephrologist named before works elsewhere:
        # whoever just led a sentence is meant, if anyone
        varied = _varied_leader(subject, at, registry)
        if varied is not None:
            return _from_entity(varied, phrase, "nominal", tuning.DESCRIPTION_OF_RECENT)
    if entity is not None and not entity.described:
        # "The minister insisted ... He said": the person the description named is now the
        # subject a later he or she most likely means
        # not a name the story gives only later, nor a question ("What did the engineer say?")
        asked = any(c.tag_ in WH_TAGS for c in subject.head.children)
        if registry.last_named(entity, at) >= 0 and not asked:
            main = subject.head.dep_ == "ROOT"
            registry.add(entity.name, entity.kind, at, subject=True, main=main, inferred=True)
        return Speaker(entity.name, entity.title, phrase, "nominal", tuning.DESCRIPTION_RESOLVED)
    if registry.described_as(phrase, at) is not None:
        # "a justice official said ... The justice official told reporters": the same
        # unnamed person, not whoever was named last
        return Speaker(phrase, None, phrase, "nominal", tuning.UNRESOLVED_DESCRIPTION)
    if _epithet(subject) and head not in ORG_NOUNS:
        # "the rookie defenceman said": a description of someone already in the story, or
        # of the person named next when the story opens on it
        entity = (
            registry.named_next(at)
            or _fitting_leader(subject, at, registry)
            or _latest_person(registry, at, noun_phrase(subject))
        )
        if entity is not None and not entity.described and not _other_office(entity, head):
            return Speaker(
                entity.name, entity.title, phrase, "nominal", tuning.DESCRIPTION_OF_RECENT
            )
    varied = _varied_leader(subject, at, registry)
    if varied is not None:
        return _from_entity(varied, phrase, "nominal", tuning.DESCRIPTION_OF_RECENT)
    if _role_label(subject, at, registry):  # 'MAYOR: "..."' with no mayor named: no one
        return UNKNOWN
    add_description(registry, subject, phrase, at)
    return Speaker(phrase, None, phrase, "nominal", tuning.UNRESOLVED_DESCRIPTION)


def _varied_leader(subject: Token, at: int, registry: Registry) -> Entity | None:
    """ "Okoye, for his part, vowed to try again in spring. / '...,' the pharmacist said":
    a writer who has just led a sentence with someone's name calls them next by what they
    do, so a definite description no one holds as a title is that person. Not an office
    of state, a word for an unnamed source ("the official", "the spokesman") nor a noun
    with words after it ("the owner of the team"): those are often someone new."""
    head = subject.lemma_.lower()
    if not _definite(subject) or not _person_word(subject) or head in _NOT_VARIED:
        return None
    if any(c.i > subject.i and c.dep_ != "punct" for c in subject.children):
        return None
    entity = _fitting_leader(subject, at, registry)
    return None if entity is None or _other_office(entity, head) else entity


def _fitting_leader(subject: Token, at: int, registry: Registry) -> Entity | None:
    """The person who just led a sentence, if the description's gender fits them."""
    entity = registry.led_last(at, frozenset(t.lower_ for t in subject.lefts if t.pos_ == "PROPN"))
    gender = title_gender(noun_phrase(subject))
    fits = entity is not None and (gender is None or entity.gender in (None, gender))
    return entity if fits else None


def _person_word(token: Token) -> bool:
    """A singular noun for what a person does: a role, or a word ending as agent nouns do
    ("rancher", "economist"), or an upper-case one ("the CEO")."""
    head = token.lemma_.lower()
    role = person_noun(head) or agent_noun(head) or token.text.isupper()
    return token.tag_ in ("NN", "NNP") and role


def _spelled_post(token: Token) -> bool:
    """Is ``token`` a post written out ("Director", "Surveyor General"), not initials
    ("MCE"), whose holder it describes?"""
    return not token.text.isupper() and _person_word(_post_word(token))


def _post_word(token: Token) -> Token:
    """The word of a post that says what its holder does: "Surveyor" in "the Surveyor
    General", where "General" follows the office as an adjective does (Attorney, Auditor,
    Solicitor General) and ends no agent noun itself."""
    if token.lower_ != "general":
        return token
    office = [c for c in token.lefts if c.dep_ == "compound"]
    return office[-1] if office else token


# nouns that stand for an unnamed source far more often than for someone just named
_ANONYMOUS = word_set("source official spokesman spokeswoman spokesperson aide person man woman")


def _bracketed(token: Token) -> bool:
    """Does ``token``'s phrase open right after a bracket ("the Chief Executive (MCE)")? The
    parser may make the bracket its first word."""
    at = token.left_edge.i
    return token.doc[at].text == "(" or at > 0 and token.doc[at - 1].text == "("


def _partitive_aside(subject: Token) -> Token | None:
    """The description set off after "one of them" or "some of the sources" (", a nurse
    on ...,"): the words that tell the reader which of the group speaks. A name set off
    there is resolved as a name before this is asked."""
    partitive = subject.pos_ in ("NUM", "PRON") and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in subject.children
    )
    if not partitive:
        return None
    asides = (c for c in subject.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN"))
    return next((c for c in asides if c.ent_type_ != "PERSON" and c.i > subject.i), None)


def _past_a_clause(subject: Token, name: Token) -> bool:
    """Does a relative clause of ``subject`` come before ``name``, or a relative word open
    the phrase the name heads ("the painter, whose cartoon series Iron Bay airs ...")? Then
    the parser hung a title from inside the clause on the subject: it does not name the
    subject."""
    if any(t.tag_ in ("WP$", "WP", "WDT") and t.i < name.i for t in name.subtree):
        return True
    return any(c.dep_ == "relcl" and subject.i < c.i < name.i for c in subject.children)


def _named_other_subject(subject: Token) -> Token | None:
    """A thing the parser made a second subject of the cue before the name that is its
    real one: "The answer, Ms Alder insisted at one point, was ..."."""
    other = other_subject(subject)
    if other is None or other.i < subject.i or subject.pos_ != "NOUN":
        return None
    if person_noun(subject.lemma_.lower()) or subject.lemma_.lower() in ORG_NOUNS:
        return None
    return other if other.ent_type_ == "PERSON" else None


def _role_before_its_name(subject: Token) -> Token | None:
    """ "'...,' engineer Ama Boateng wrote": a role noun in lower case that the parser made
    a subject of the cue beside the name right after it is that name's title; the name
    speaks (the role alone had been stored as the speaker). So is a post in capitals
    opening the sentence with the words that say where it is held ("Treasurer of the
    rowing club Ana Ruiz said"), the name right after them."""
    other = other_subject(subject)
    if other is None or other.pos_ != "PROPN" or not _person_word(subject):
        return None
    if subject.text.islower():
        return other if other.left_edge.i == subject.i + 1 else None
    opens = subject.left_edge.i == subject.sent.start
    return other if opens and other.left_edge.i == subject.right_edge.i + 1 else None


def _holder_of_office(subject: Token, holder: Span, at: int, registry: Registry) -> Speaker:
    office = subject.doc[subject.left_edge.i : holder.start].text
    known = registry.resolve_name(holder.text, at)
    main = subject.head.dep_ == "ROOT"
    entity = registry.add(
        known.name if known else holder.text, "person", at, subject=True, main=main, title=office
    )
    sure = tuning.NAMED_KNOWN if known else tuning.NAMED_NEW
    return Speaker(entity.name, office, holder.text, "named", sure)


def _person_after_a_place(subject: Token) -> Token | None:
    """A person the parser joined to a fronted place as a second subject, with a comma and
    no "and" ("Outside City Hall, Ana Ruiz, a nurse, said"): two subjects are joined
    by a conjunction, so the place opens the sentence and the person is its subject."""
    if subject.ent_type_ == "PERSON":
        return None
    # "Outside" itself may be the subject, the place its object
    place = next((c for c in subject.children if c.dep_ == "pobj"), subject)
    listed = (c for c in place.children if c.dep_ == "conj" and c.ent_type_ == "PERSON")
    person = next(listed, None)
    if person is None or person.pos_ != "PROPN" or not apposed_after_comma(person, place):
        return None
    return None if _coordinated(place) else person


def _set_off_after_participle(subject: Token) -> Token | None:
    """ "Responding, the harbour master, Ana Ruiz, said": a participle opening the
    sentence, which the parser made the cue's subject, says how the words came; the phrase
    set off after its comma names who spoke (the last one, when the parser hung a title
    and the name beside it on the participle both)."""
    doc = subject.doc
    opens = subject.i == subject.sent.start and subject.i + 1 < len(doc)
    if subject.tag_ != "VBG" or not opens or doc[subject.i + 1].text != ",":
        return None
    beside = [c for c in subject.children if c.dep_ in ("appos", "conj") and c.i > subject.i]
    return beside[-1] if beside else None


def _coordinated(token: Token) -> bool:
    """Does an "and" or "or" join ``token``'s list of conjuncts anywhere along it?"""
    return any(c.dep_ == "cc" or c.dep_ == "conj" and _coordinated(c) for c in token.children)


def _latest_person(registry: Registry, at: int, phrase: str) -> Entity | None:
    """The he or she an epithet means ("the opposition leader"): of the latest he and the
    latest she, whoever the story named last, unless the words give the gender."""
    gender = title_gender(phrase)
    if gender is not None:
        return registry.resolve_pronoun("he" if gender == "male" else "she", at)
    found = [e for e in (registry.resolve_pronoun(p, at) for p in ("he", "she")) if e]
    return max(found, key=lambda e: registry.last_named(e, at), default=None)


def _known_person(subject: Token, at: int, registry: Registry) -> Entity | None:
    """ "Weeks said" after "Rep. Carl Weeks": a capitalised word the tagger read as a
    common noun or a date is still the person the story named with it."""
    if not subject.text[:1].isupper() or subject.pos_ == "PROPN":
        return None
    if any(c.dep_ == "nummod" for c in subject.children):
        return None  # "according to three MPs": counted, so a new source, not "Liberal MPs"
    found = registry.resolve_name(subject.text, at)
    return found if found is not None and found.kind == "person" else None


def _written_name(token: Token) -> bool:
    """A proper noun the NER missed is a name only when capitalised: the tagger calls
    "the cheerful baker" a proper noun now and then. A title ending the words ("the Tory
    MP", "the Speaker") describes someone: no name ends in one, nor does a post spelled
    out after "the" ("the Regional Water Director"), whose holder may go unnamed."""
    capital = token.pos_ == "PROPN" and token.text[:1].isupper()
    post = (_definite(token) and _spelled_post(token)) or _post_of_a_body(token)
    return capital and token.lower_ not in NAME_PREFIX_TITLES and not post


def _post_of_a_body(token: Token) -> bool:
    """ "Head of the Teachers Union Mrs Ada Brook said": a post's word with the body it is
    held in after "of" is a post, whatever the tagger makes of its capital; the holder's
    name, when the parser hangs it inside that body, is no reason to call the post a name."""
    role = token.lower_ in POST_HEADS or person_noun(token.lower_)
    return role and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _plural_initials(token: Token) -> bool:
    """ "Two MPPs said", "NGOs say": initials made plural name a kind of person or body,
    as "two lawmakers" does; no one is called "MPPs"."""
    return re.fullmatch(r"[A-Z]{2,}s", token.text) is not None


def _owned_document(token: Token) -> bool:
    """ "Northwind's Customer Comfort Survey": a document with a name of its own, owned by
    whoever issued it, speaks for its owner as "Northwind's survey" does; it is no name."""
    owned = any(c.dep_ == "poss" for c in token.children)
    return owned and token.lemma_.lower() in DOCUMENT_NOUNS


def _post_holder(subject: Token, at: int, registry: Registry) -> Entity | None:
    """ "The CS said" after "Cabinet Secretary Dr Ann Roe": initials in capitals that
    spell a post the article gave a person mean that person, not a body of those initials."""
    text = subject.text
    if not (text.isalpha() and text.isupper() and len(text) > 1):
        return None
    # a title ("the Labour TD", "the MP") is matched with the words before it, as a description
    if text.lower() in NAME_PREFIX_TITLES or any(
        c.dep_ in ("compound", "amod") for c in subject.lefts
    ):
        return None
    earlier = (m.entity for m in reversed(registry.mentions) if m.pos < at)
    holder = next((e for e in earlier if e.kind == "person" and text.lower() in e.roles), None)
    known = registry.resolve_name(text, at)  # "the PHO" spelled out as her title is hers
    # the NER's own reading of these initials ("the GM" as a company "GM") names no body
    known = None if known is not None and known.name == text else known
    if (
        holder is None
        or known is not None
        and known.name.lower() not in (holder.title or "").lower()
    ):
        return None  # "the BCA" after "the Bay Crafts Association": that body
    return holder


def _role_label(subject: Token, at: int, registry: Registry) -> bool:
    """'MAYOR: "We will pave ..."', 'PROSECUTOR: "..."': a role word spelled out in
    capitals with no article, as an interview's labels are, is no name (unless someone the
    story names is called so, 'BAKER:'): it means the holder the story names, or no one,
    and stored as written it would read as a name."""
    word = subject.text
    if not (word.isalpha() and word.isupper() and len(word) > 3):
        return False  # "CEO", "MPP": initials, which a body may bear too
    if any(c.dep_ in ("det", "poss") for c in subject.children):
        return False
    role = person_noun(word.lower()) or agent_noun(word)
    return role and registry.resolve_name(word.title(), at) is None


def _post_initials(subject: Token) -> bool:
    """ "the GM said", "the team's GM": a post's initials after an article or an owner
    describe someone; bare, the same initials are as often a company ("GM said")."""
    owned = any(c.dep_ in ("det", "poss") for c in subject.children)
    return owned and post_initials(subject)


def _org_by_modifier(subject: Token, at: int, registry: Registry) -> Entity | None:
    """ "the railway company": the organisation whose name holds the modifying noun."""
    if subject.lemma_.lower() not in ORG_NOUNS:
        return None
    for child in subject.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN":
            found = registry.org_named(child.lemma_.lower(), at)
            if found is not None:
                return found
    return None


def _closing_name(subject: Token) -> Token | None:
    """The person a described subject ends by naming, wherever the parser hung the name:
    "Clerk of the Harbour Board, Ana Ruiz, said", "An official in the province named
    Budi told reporters"."""
    if subject.ent_type_ == "PERSON":
        return None
    tokens = [t for t in _before_brackets(list(subject.subtree)) if not t.is_punct]
    last = tokens[-1] if tokens else None
    if last is None or last == subject:
        return None
    if last.pos_ == "PROPN" and office_before(_proper_span(last)) == subject:
        return last  # "Minister for Roads Ann Roe said"
    if last.ent_type_ != "PERSON" or last.pos_ == "NOUN":
        return None  # "Ann Roe, a railway signalman": a noun the NER tagged is no name
    if last.dep_ == "oprd" and last.head.lemma_ in _NAMING_VERBS and last.head.dep_ == "acl":
        return last
    before = last.left_edge.i - 1
    # "..., Ald. Ana Ruiz": the parser may hang the title apart from the name it opens
    while before > subject.i and subject.doc[before].lower_ in NAME_PREFIX_TITLES:
        before -= 1
    commas = before > subject.i and subject.doc[before].text == ","
    return last if last.dep_ == "appos" and commas else None


def _before_brackets(tokens: list[Token]) -> list[Token]:
    """``tokens`` without the bracketed aside they end with: "Ald. Ana Ruiz (24th)" ends
    with her name, the ward in brackets only says which one."""
    if not tokens or tokens[-1].text != ")":
        return tokens
    opened = [i for i, t in enumerate(tokens) if t.text == "("]
    return tokens[: opened[-1]] if opened else tokens


def _owned(subject: Token, owner: Token, phrase: str, at: int, registry: Registry) -> Speaker:
    """ "his office" speaks for someone's office, not for them: "Ana Ruiz's office" when
    the owner is a person or name we know, else the words as written."""
    pronoun = _POSSESSIVES.get(owner.lower_)
    if pronoun in FIRST_PERSON:  # "my office": no one in the story
        entity = None
    elif pronoun is not None:
        entity = registry.resolve_pronoun(pronoun, at)
    elif owner.pos_ == "PROPN" or owner.ent_type_:
        entity = registry.resolve_name(owner.text, at)
    else:
        entity = None
    if entity is None:
        return Speaker(phrase, None, phrase, "nominal", tuning.OFFICE_UNKNOWN)
    return Speaker(f"{entity.name}'s {subject.text}", None, phrase, "nominal", tuning.OFFICE_OF)


def _other_office(entity: Entity, head: str) -> bool:
    """ "Ana Ruiz, the opposition leader, ... The prime minister said": someone the story
    titled with one office is not the holder of another."""
    return head in _OFFICES and bool(entity.roles) and not entity.has_role(head)


# Offices of state or of a company, each held by one person the story may never name:
# "the prime minister", "the CFO".
_OFFICES = word_set(
    "minister president premier chancellor governor mayor secretary cfo coo cto cmo"
)
# an office of state, an unnamed source, or a body ("the insurer", "the regulator"), never
# a second name for the person who led the last sentence
_NOT_VARIED = _OFFICES | _ANONYMOUS | ORG_NOUNS


def _indefinite(token: Token) -> bool:
    """ "a ministry official", "one Labour MP", "another aide": someone new to the story."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in _NEW_DETERMINERS for c in token.children)


_NEW_DETERMINERS = word_set("a an one another")


def _modifiers(token: Token) -> frozenset[str]:
    """ "the Labour MP" -> {"labour"}: words before a role noun that tell its holders apart."""
    return frozenset(
        c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod") and c.text[:1].isupper()
    )


def _portfolio(token: Token) -> frozenset[str]:
    """ "the finance minister" -> {"finance"}: lower-case words before a role noun, which
    tell its holders apart when a holder's title holds them ("Finance Minister Ana Ruiz")."""
    return frozenset(c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod") and c.is_lower)


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _epithet(token: Token) -> bool:
    """ "the affable proprietor": definite, singular and described; a bare "the minister"
    or an office named by place or institution ("the Alberta judge") may be someone the
    article never names."""
    definite = _definite(token) or _of_a_place(token)
    # "the Vermont independent", "the Labour politician": a political label names no
    # office, so a place or party before it still describes someone already named
    label = token.lemma_.lower() in _POLITICAL_LABELS
    described = any(
        c.dep_ in ("amod", "compound", "nummod", "prep") and (c.pos_ != "PROPN" or label)
        for c in token.children
    )
    return definite and (described and token.tag_ == "NN" or _age(token))


def _of_a_place(token: Token) -> bool:
    """ "Portugal's top diplomat", "the agency's chief": a person a genitive of a place or
    an institution names is as definite as with "the"; a person's ("Ruiz's lawyer") is
    someone else, and a thing's ("the UN's climate panel") no person at all."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or not person_noun(token.lemma_.lower()):
        return False
    return owner.ent_type_ in ("GPE", "ORG", "LOC") or owner.lemma_.lower() in ORG_NOUNS


def _age(token: Token) -> bool:
    """ "The 34-year-old said": a person described by age alone (the parser may hang
    the age on the verb after a quotation)."""
    return is_age(token) and token.dep_ in ("nsubj", "nsubjpass", "amod")


def _by_age(subject: Token, phrase: str, at: int, registry: Registry) -> Speaker:
    """ "Ana Ruiz, 52, ... the 52-year-old said": the one person the article gave that age;
    else someone just in the story whom it gave no other age."""
    years = _years(subject)
    ages = registry.stated_ages(at)
    same = {id(entity): entity for entity, age in ages if age == years}
    if len(same) == 1:
        entity = next(iter(same.values()))
        return Speaker(entity.name, entity.title, phrase, "nominal", tuning.DESCRIPTION_RESOLVED)
    aged = {id(entity) for entity, _ in ages}
    entity = (
        registry.named_next(at)
        or _fitting_leader(subject, at, registry)
        or _latest_person(registry, at, phrase)
    )
    if entity is not None and not entity.described and id(entity) not in aged:
        return _from_entity(entity, phrase, "nominal", tuning.DESCRIPTION_OF_RECENT)
    add_description(registry, subject, phrase, at)
    return Speaker(phrase, None, phrase, "nominal", tuning.UNRESOLVED_DESCRIPTION)


def _years(token: Token) -> str:
    """ "the 52-year-old" -> "52"."""
    year = next(c for c in token.children if c.lower_ in ("year", "years"))
    return next((c.text for c in year.children if c.dep_ == "nummod"), "")


_POLITICAL_LABELS = word_set(
    """
    independent politician lawmaker legislator democrat republican conservative liberal
    tory socialist centrist moderate progressive populist incumbent veteran
    """
)


def resolve_text(who: str, at: int, registry: Registry) -> Speaker:
    """Resolve a speaker written as plain text ("DeBoer", "she") where the parse failed."""
    word = who.lower()
    if word in PERSON_PRONOUNS or word in GROUP_PRONOUNS:
        entity = registry.resolve_pronoun(word, at)
        near = tuning.PRONOUN_BY_PATTERN
        return _from_entity(
            entity, who, "pronoun", _pronoun_confidence(entity, word, at, registry, near)
        )
    entity = registry.resolve_name(who, at)
    if entity is None:
        entity = registry.add(who, "person", at, subject=True, main=True)
        return Speaker(entity.name, None, who, "named", tuning.NAMED_BY_PATTERN_NEW)
    registry.add(entity.name, entity.kind, at, subject=True, main=True)
    conf = tuning.NAMED_BY_PATTERN
    if registry.shared_first_name(name_tokens(who)):
        conf = tuning.SHARED_FIRST_NAME
    return Speaker(entity.name, entity.title, who, "named", conf)
