"""Speakers known by a noun rather than a name: descriptions and documents.

Stories quote people they never name ("a spokesman for the ministry said") and documents
that speak for someone ("the report said"). A description is registered as someone a
later "he" or "it" may mean (``add_description``, ``someone_unnamed``, with the words
``noun_phrase`` keeps); a document noun is resolved to whoever issued it
(``document_issuer``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.attribute.cues import ORG_NOUNS, PUBLISH_VERBS, SPEECH_VERBS
from ingest.attribute.grammar import is_main_subject
from ingest.attribute.speakers import Entity, Registry
from ingest.attribute.titles import PRONOUN_GENDER, person_noun, title_gender
from quotedesk.text import word_set

_NOT_IN_PHRASE = ("relcl", "acl", "appos", "punct", "cc", "conj")


def noun_phrase(token: Token) -> str:
    """The words naming a nominal speaker: "A spokeswoman for the city", not its clauses."""
    keep = [token]
    stack = list(token.children)
    while stack:
        child = stack.pop()
        if child.dep_ in _NOT_IN_PHRASE or _set_off(child):
            continue
        keep.append(child)
        stack.extend(child.children)
    first = min(t.i for t in keep)
    last = max(t.i for t in keep)
    return token.doc[first : last + 1].text


def _set_off(token: Token) -> bool:
    """ "Voss, in a letter to colleagues, said": a phrase between commas is an aside on
    how the words were said, no part of who said them."""
    return token.dep_ == "prep" and token.i > 0 and token.nbor(-1).text == ","


_ISSUER_PREPS = ("by", "from")


_NOT_ISSUERS = word_set("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY")


def published_by(token: Token) -> Token | None:
    """Whoever a participle says put the words out: "figures released by the agency",
    "a statement e-mailed to reporters by the chair"."""
    for clause in token.children:
        if clause.dep_ != "acl" or clause.lemma_.lower() not in PUBLISH_VERBS:
            continue
        for agent in clause.children:
            if agent.dep_ == "agent":
                objects = [c for c in agent.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def document_issuer(token: Token) -> Token | None:
    """The issuer a document noun names: "her statement", "the Civic Action study",
    "a survey by the water board", "a statement from the EU", "released by"."""
    published = published_by(token)
    if published is not None:
        return published
    for child in token.children:
        if child.ent_type_ in _NOT_ISSUERS:  # "a study from August"
            continue
        if child.dep_ == "poss":
            return child
        if child.dep_ == "compound" and (
            child.ent_type_ in ("ORG", "PERSON") or child.pos_ == "PROPN"
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in _ISSUER_PREPS:
            objects = [
                c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in _NOT_ISSUERS
            ]
            if objects:
                return objects[0]
    return _writer_of(token)


def _writer_of(token: Token) -> Token | None:
    """ "The aide's lawyers argued in a filing that ...": a document someone speaks in is
    theirs, so "the filing said" later is them."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def add_description(registry: Registry, token: Token, phrase: str, at: int) -> Entity | None:
    """ "A ministry spokesman said ... he added": an unnamed speaker described by a person
    or organisation noun is who a later "he" or "it" most likely means."""
    head = token.lemma_.lower()
    if token.tag_ != "NN" or token.pos_ == "PROPN":
        return None
    if head in ORG_NOUNS:
        kind = "org"
    elif _describes_a_person(token):
        kind = "person"
    else:
        return None
    known = registry.resolve_name(phrase, at) is not None
    main = is_main_subject(token)
    gender = title_gender(phrase) or _own_pronoun_gender(token)
    entity = registry.add(phrase, kind, at, subject=True, main=main, gender=gender)
    entity.described = entity.described or not known
    return entity


def someone_unnamed(token: Token) -> bool:
    """ "A senior aide", "One veteran MP", "a nurse ..., who ...": an indefinite noun for
    a person the story does not name."""
    indefinite = token.left_edge.lower_ in ("a", "an", "another", "one")
    return _describes_a_person(token) and indefinite and token.ent_type_ != "PERSON"


def _describes_a_person(token: Token) -> bool:
    """A noun for a person: a role, a person noun, a noun for what someone does, or any
    noun a "who" clause follows ("a nurse, who spoke on condition of anonymity,")."""
    head = token.lemma_.lower()
    return person_noun(head) or head.endswith(_SPEAKER_ENDINGS) or _who_clause(token) is not None


def _who_clause(token: Token) -> Token | None:
    """The relative clause "who ..." set after ``token`` or its phrase ("a nurse at the
    county hospital, who ..."; the parser may hang it on the last noun), if any."""
    for clause in token.subtree:
        if clause.dep_ == "relcl" and any(c.lower_ == "who" for c in clause.children):
            return clause
    return None


# "An FAA inspector said", "a physician said": a speaker named by what they do ("the
# paper said" is no person, so not the ending "er")
_SPEAKER_ENDINGS = ("or", "ist", "ian")


def _own_pronoun_gender(token: Token) -> str | None:
    """ "An inspector, who spoke on condition that he not be named, said": the gender a
    he or she inside the description itself gives, before any other name there."""
    for word in token.subtree:
        if word.ent_type_ == "PERSON":
            return None
        if word.i > token.i and word.lower_ in ("he", "she"):
            return PRONOUN_GENDER[word.lower_]
    return None
