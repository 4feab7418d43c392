"""Filling the registry from the parse: every named mention in reading order.

``build_registry`` walks an article's paragraphs and records each person, organisation
and group a later mention may mean, with whether it is a clause's or the sentence's
subject (a likely antecedent) or only talked about (inside a quotation, a caption, a
contrast). The NER's labels are often wrong, so the tests here decide what a name really
is (a surname read as a place, a company read as a person, a dateline, a photo credit),
and the pronouns that follow each name teach the registry its gender.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span, Token

from ingest.attribute.bylines import byline, caption
from ingest.attribute.cues import DOCUMENT_NOUNS, ORG_NOUNS, PAIR_NOUNS, SPEECH_VERBS
from ingest.attribute.descriptions import (
    add_description,
    document_issuer,
    noun_phrase,
    someone_unnamed,
)
from ingest.attribute.grammar import CLAUSE_SUBJECTS, has_own_subject, is_main_subject
from ingest.attribute.nlp import is_parsed, text_of
from ingest.attribute.speakers import Entity, Registry
from ingest.attribute.titles import (
    FIRST_NAMES,
    HONORIFICS,
    NAME_PREFIX_TITLES,
    PARTY_MEMBERS,
    PRONOUN_GENDER,
    apposed_after_comma,
    inner_title,
    name_tokens,
    office_holder,
    person_noun,
    role_words,
    role_words_before,
    split_name,
    title_before,
    title_ended,
    title_head,
    title_in_text,
    title_of,
    written_as_role,
)
from ingest.attribute.tuning import ASKING_VERBS, OWNED_SUBJECT_TOKENS
from quotedesk.text import word_set

_REGISTERED = ("PERSON", "ORG", "GPE", "NORP")


def _add_nationality(registry: Registry, ent: Span, base: int, quoted) -> Entity | None:
    """ "Schulze is aware ...": the NER sometimes reads a surname as a nationality; it is
    the person when the article has already named someone so. "The Greens believe ...":
    a party or a people as a clause's subject is a group a later "they" may mean."""
    at = base + ent.start_char
    subject, main = _roles(ent, at, quoted)
    known = registry.resolve_name(ent.text, at)
    if known is not None and known.kind == "person":
        return registry.add(known.name, "person", at, subject=subject, main=main)
    if subject and _plural_subject(ent.root):
        registry.add(ent.text, "group", at, subject=True, main=main)
    return None


def _plural_subject(token: Token) -> bool:
    return token.dep_ == "nsubj" and token.tag_ in ("NNPS", "NNS")


def _in_quotes(at: int, quoted) -> bool:
    """Is offset ``at`` inside one of the ``quoted`` spans (quotations, captions)?"""
    return any(start <= at < end for start, end in quoted)


def _roles(ent: Span, at: int, quoted) -> tuple[bool, bool]:
    """Is the name its clause's subject, and the sentence's own subject? A name opening
    its sentence almost always is, even when the parse (or a sentence split at "lbs.")
    loses the arc; a name inside a quotation is never a subject."""
    in_quote = _in_quotes(at, quoted)
    opens = ent.start - (ent.sent.start if is_parsed(ent.doc) else 0) <= 2 and not _fronted(ent)
    opens = opens and not _noun_modifier(ent)
    opens = (opens and not _after_verb(ent)) or _named_after_owner(ent) or _set_off_lead(ent)
    opens = opens or _verb_after_name(ent)
    root = _named_subject(ent.root)
    if not in_quote and _asked(root):
        return True, True  # "Host Dana Ruiz asked Sen. Mark Ochoa whether ...": he answers
    subject = not in_quote and (opens or root.dep_ in CLAUSE_SUBJECTS)
    return subject, opens or is_main_subject(root)


def _noun_modifier(ent: Span) -> bool:
    """ "The Harbourline manager said": a name modifying the common noun after it only
    says whose the subject is; the manager leads the sentence, not the company."""
    root = ent.root
    return is_parsed(ent.doc) and root.dep_ in ("compound", "amod") and root.head.pos_ == "NOUN"


def _after_verb(ent: Span) -> bool:
    """ "Pike told Lind ...": a name after its sentence's verb is its object, however
    near the sentence's start."""
    before = ent.doc[ent.sent.start : ent.start] if is_parsed(ent.doc) else []
    return any(t.pos_ in ("VERB", "AUX") for t in before)


def _verb_after_name(ent: Span) -> bool:
    """ "Later, farmer Ana Ruiz was counting ...", "His co-worker Ana Ruiz, 38, was
    angrier": in a paragraph left unparsed, a name its verb follows at once (past an age
    set off by commas) is its clause's subject however far into the sentence it stands."""
    if is_parsed(ent.doc):
        return False
    after = [t.text for t in ent.doc[ent.end : ent.end + 4]]
    if len(after) == 4 and after[0] == after[2] == "," and after[1].isdigit():
        after = after[3:]  # "Ana Ruiz, 38, was"
    return bool(after) and after[0].lower() in _COMMON_VERBS


_POSSESSIVE_MARKS = ("'s", "\u2019s", "'", "\u2019")


def _named_after_owner(ent: Span) -> bool:
    """ "Keller's neighbor, Dana Holt, runs ...": the name set off after a possessed noun
    that opens the sentence is its subject, whether or not the paragraph was parsed."""
    start = ent.sent.start if is_parsed(ent.doc) else 0
    owner = ent.doc[start : ent.start]
    before, after = ent.doc[ent.start - 1 : ent.start], ent.doc[ent.end : ent.end + 1]
    commas = before.text == "," and after.text == ","
    return (
        commas
        and ent.start - start <= OWNED_SUBJECT_TOKENS
        and any(t.lower_ in _POSSESSIVE_MARKS for t in owner)
    )


_LEAD_DETERMINERS = frozenset({"a", "an", "another", "one", "the"})


def _set_off_lead(ent: Span) -> bool:
    """ "Another tenant, mother-of-two Ana Ruiz, 41, has waited ...": in a paragraph left
    unparsed, a name set off by a comma after the common noun phrase opening it is the
    paragraph's subject, as the parse would say (an appositive of the subject)."""
    if is_parsed(ent.doc) or ent.start > OWNED_SUBJECT_TOKENS:
        return False
    lead = ent.doc[: ent.start]
    commas = [t.i for t in lead if t.text == ","]
    if len(commas) != 1 or commas[0] < 2 or lead[0].lower_ not in _LEAD_DETERMINERS:
        return False
    words = [t for t in lead[1:] if t.text != ","]
    # between comma and name only a descriptor ("mother-of-two"), never "which", "as", "by"
    linked = [t for t in lead[commas[0] + 1 :] if t.is_stop and not _hyphened(t)]
    after = ent.doc[ent.end : ent.end + 1]
    return after.text == "," and not linked and all(t.is_lower or t.text == "-" for t in words)


def _hyphened(token: Token) -> bool:
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].text == "-" for i in (token.i - 1, token.i + 1))


def _named_subject(root: Token) -> Token:
    """The subject a name stands in: "The senator's wife, Ellen Marsh, spoke" names the
    subject, so the name is that clause's subject too."""
    if root.dep_ == "appos" and root.head.dep_ in CLAUSE_SUBJECTS:
        return root.head
    return root


def _asked(token: Token) -> bool:
    """Is ``token`` the person a question is put to ("asked Ochoa whether ...")? The
    answer is theirs, so they are the likeliest next "he" or "she"."""
    asking = token.head.lemma_.lower() in ASKING_VERBS and token.head.pos_ == "VERB"
    return asking and token.dep_ in ("dobj", "dative")


def _asked_pronoun(token: Token, base: int, quoted) -> bool:
    """Is this "him" or "her" the one a question is put to ("'...?' the host asked him")?"""
    at = base + token.idx
    in_quote = _in_quotes(at, quoted)
    return is_parsed(token.doc) and _asked(token) and not in_quote


def _add_answerer(registry: Registry, token: Token, base: int) -> None:
    """The person an asked "him" or "her" means answers next, so they are named there as a
    sentence's subject; never the asker, whom the pronoun cannot mean."""
    at = base + token.idx
    asker = other_subject(token)
    if asker is None:
        return
    pronoun = "he" if PRONOUN_GENDER[token.lower_] == "male" else "she"
    entity = registry.resolve_pronoun(pronoun, at, skip=(base + asker.left_edge.idx, at))
    if entity is not None:  # known by a pronoun only: an echo, as a resolved "he said" is
        registry.add(entity.name, entity.kind, at, subject=True, main=True, echo=True)


def other_subject(token: Token) -> Token | None:
    """Another subject of the verb ``token`` hangs on: the asker when ``token`` is the one
    asked, the real speaker when the parser gave the cue a second subject."""
    return next(
        (c for c in token.head.children if c.dep_ in CLAUSE_SUBJECTS and c != token),
        None,
    )


def build_registry(docs: list, bases: list[int], quoted: list[tuple[int, int]]) -> Registry:
    """Every person and organisation the article names, in reading order.

    Names inside quotation marks are recorded but never as subjects: the person a
    speaker talks about is a poor antecedent for the next "he said".
    """
    registry = Registry(paragraphs=list(bases))
    # a photo caption names the people pictured, like a quotation names those talked
    # about: the story's next "he says" is rarely theirs
    quoted = list(quoted) + [
        (base, base + len(text_of(doc)))
        for doc, base in zip(docs, bases, strict=True)
        if caption(text_of(doc))
    ]
    # (sentence number, kind, payload) in reading order, for learning genders
    events: list[tuple[float, str, object]] = []
    places: set[str] = set()
    registry.text = "\n".join(text_of(doc) for doc in docs)
    asked: list[tuple[Token, int]] = []  # "... the host asked him": a pronoun asked
    told = sentence = 0  # sentences told outside quotation marks, and this one
    for doc, base in zip(docs, bases, strict=True):
        if byline(text_of(doc)):
            continue
        if not is_parsed(doc):
            registry.unparsed.add(base)
        # "Cork North TD Ann Roe" is a person whatever label the NER gave it
        ents = {
            ent.start: ent
            for ent in doc.ents
            if ent.label_ in _REGISTERED or inner_title(ent, ent.start) is not None
        }
        for sent in doc.sents if is_parsed(doc) else [doc[:]]:
            # '"We lost it all. Now we wait," she said': a speaker's words are no
            # sentence between a name and the "she" that follows it, nor part of the
            # sentence before (an "it" in them is no vote on a name there)
            inside = _quoted_sentence(sent, base, quoted)
            told += not inside
            sentence = told + 0.5 * inside
            for token in sent:
                ent = ents.get(token.i)
                if ent is not None and _contrasted(ent):
                    events.append((sentence, "bystander", None))
                    continue
                if ent is not None and ent.label_ == "GPE" and not _person_read_as_place(ent):
                    if ent.start > 0 and doc[ent.start - 1].pos_ == "ADP":
                        places.add(ent.text.lower())  # "in Ottawa": a place after all
                    entity = _add_place_subject(registry, ent, base, quoted)
                    if entity is not None and entity.kind == "maybe":
                        events.append((sentence, "maybe", entity))
                elif ent is not None and ent.label_ == "NORP":
                    entity = _add_nationality(registry, ent, base, quoted)
                    if entity is not None:
                        events.append((sentence, _gender_role(ent, base, quoted), entity))
                elif ent is not None:
                    entity = _add_entity(registry, ent, base, quoted)
                    if entity is not None and entity.kind == "person":
                        events.append((sentence, _gender_role(ent, base, quoted), entity))
                        _add_pair(registry, ent, doc.ents, base, quoted)
                    elif entity is not None and _surname_like(entity, ent, base, quoted):
                        events.append((sentence, "maybe", entity))
                elif _unnamed_subject(token, base, quoted):
                    entity = _add_proper_subject(registry, token, base)
                    if entity.kind == "person":
                        events.append((sentence, "person", entity))
                elif (surnamed := _known_surname(registry, token, base, quoted)) is not None:
                    events.append((sentence, "person", surnamed))
                elif (aged := _aged_description(registry, token, base, quoted)) is not None:
                    events.append((sentence, "person", aged))
                elif _described_newcomer(token):
                    entity = registry.add(
                        token.text,
                        "person",
                        base + token.idx,
                        subject=True,
                        main=True,
                        title=title_in_text(token.doc[token.i : token.i + 1]),
                    )
                    events.append((sentence, "person", entity))
                elif _org_noun_subject(token, base, quoted):
                    _add_org_noun(registry, token, base + token.idx)
                elif _unnamed_lead_subject(token, base, quoted):
                    entity = add_description(registry, token, noun_phrase(token), base + token.idx)
                    if entity is not None and entity.kind == "person":
                        events.append((sentence, "person", entity))
                elif _group_subject(token, base, quoted):
                    at = base + token.idx
                    registry.add(
                        noun_phrase(token), "group", at, subject=True, main=is_main_subject(token)
                    )
                elif token.lemma_.lower() in DOCUMENT_NOUNS and token.pos_ == "NOUN":
                    registry.documents.append((base + token.idx, token, document_issuer(token)))
                elif token.lower_ in PRONOUN_GENDER and not token.ent_type_:
                    if _asked_pronoun(token, base, quoted):
                        asked.append((token, base))  # who "him" means: once genders are known
                        events.append((sentence, "bystander", None))
                    elif _in_quotes(base + token.idx, quoted):
                        # "Tom Ashby spoke. 'Her report was thorough,' he said": a speaker
                        # talks of a third person, the one just named or anyone else
                        events.append((sentence, "bystander", None))
                    elif _gender_evidence(token):
                        events.append((sentence, "pronoun", PRONOUN_GENDER[token.lower_]))
                elif token.lower_ in ("it", "its"):
                    events.append((sentence, "pronoun", "it"))
    _learn_genders([e for e in events if e[1] != "maybe" or e[2].name.lower() not in places])
    for token, base in asked:
        _add_answerer(registry, token, base)
    return registry


def _quoted_sentence(sent: Span, base: int, quoted) -> bool:
    """Is every word of ``sent`` inside quotation marks?"""
    return all(_in_quotes(base + t.idx, quoted) for t in sent if not t.is_punct and not t.is_space)


def _lone_subject(ent: Span, base: int, quoted) -> bool:
    """A one-word name that is the subject of its sentence, outside quotation marks."""
    at = base + ent.start_char
    if len(ent) != 1 or not is_parsed(ent.doc):
        return False
    if _in_quotes(at, quoted):
        return False
    # "Roustan was unmoved": the parser may read a copula with a participle as a passive
    return ent.root.dep_ in CLAUSE_SUBJECTS and ent.root.head.dep_ == "ROOT"


def _surname_like(entity: Entity, ent: Span, base: int, quoted) -> bool:
    """ "Chester didn't hesitate. '...,' he said.": a one-word 'organisation' subject may
    be a surname, as a following he or she will show (``_learn_genders``); so may a
    first name and surname the NER read as an organisation ("Kagiso Molefe said")."""
    if entity.kind != "org":
        return False
    if len(entity.tokens) == 1:
        return _lone_subject(ent, base, quoted)
    return _name_shaped_subject(ent, base, quoted)


def _name_shaped_subject(ent: Span, base: int, quoted) -> bool:
    """Two or three capitalised proper nouns, with no article and no word only companies
    end in, leading their sentence: shaped like a person's name."""
    if not 2 <= len(ent) <= 3 or not is_parsed(ent.doc) or _named_as_organisation(ent):
        return False
    shaped = all(t.pos_ == "PROPN" and t.is_alpha and t.text.istitle() for t in ent)
    subject = ent.root.dep_ == "nsubj" and ent.root.head.dep_ == "ROOT"
    return shaped and subject and not _in_quotes(base + ent.start_char, quoted)


def _add_place_subject(registry: Registry, ent: Span, base: int, quoted) -> Entity | None:
    """A one-word 'place' that is a sentence's subject: a known person's surname, or a
    "maybe" the next he or she settles; places elsewhere name no one, except a known
    person's surname a sentence opens on ("For Villemaire, the wait goes on")."""
    at = base + ent.start_char
    if _topic(ent) and not _in_quotes(at, quoted):
        known = registry.resolve_name(ent.text, at)
        if known is not None and known.kind == "person":
            registry.topics.add(at)
            return registry.add(known.name, "person", at)
    if not _lone_subject(ent, base, quoted) or dateline(ent):
        return None
    known = registry.resolve_name(ent.text, at)
    if known is not None and known.kind == "person":
        return registry.add(known.name, "person", at, subject=True, main=True)
    return registry.add(ent.text, "maybe", at, subject=True, main=True)


def _person_read_as_place(ent: Span) -> bool:
    """ "Renzi's spokesperson, Inês Borralho, said": a name of two words or more that the
    NER read as a place but the text sets right after a person noun and a comma is that
    person (a lone word is left to the he or she that follows)."""
    if len(ent) < 2 or not is_parsed(ent.doc):
        return False
    root = ent.root
    beside = root.dep_ == "appos" and apposed_after_comma(root, root.head)
    return beside and person_noun(root.head.lemma_.lower())


def _opens_paragraph(ent: Span) -> bool:
    """Does the name open its paragraph, after at most two capitalised words (a title:
    "Biologist Ana Ruiz", "Dr. Ana Ruiz")? "Police arrested Ana Ruiz" has a verb first."""
    before = ent.doc[: ent.start]
    return len(before) <= 2 and all(t.text[:1].isupper() for t in before)


def _add_pair(registry: Registry, ent: Span, ents, base: int, quoted) -> None:
    """ "Rosa and Miguel Ferreira opened a bakery": two people named together are also one
    group, the "they" or "the couple" that speaks next."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "and":
        return
    other = next((e for e in ents if e.start == ent.end + 1 and e.label_ == "PERSON"), None)
    at = base + ent.start_char
    if other is None or any(start <= at < stop for start, stop in quoted):
        return
    root = ent.root
    if is_parsed(doc):
        head = root.head if root.dep_ == "appos" else root  # "the owners, Kim and Lee,"
        speaks, main = head.dep_ == "nsubj", is_main_subject(head)
    else:
        speaks = main = ent.start <= 2
    group = registry.add(doc[ent.start : other.end].text, "group", at, subject=speaks, main=main)
    group.roles.update(PAIR_NOUNS)


def _org_noun_subject(token: Token, base: int, quoted) -> bool:
    """ "the council is struggling with what it calls ...": a definite organisation noun
    as subject is an organisation the next "it" may mean."""
    if token.dep_ != "nsubj" or token.tag_ != "NN" or token.lemma_.lower() not in ORG_NOUNS:
        return False
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    at = base + token.idx
    return definite and not _in_quotes(at, quoted)


def _add_org_noun(registry: Registry, token: Token, at: int) -> None:
    """A new mention of the organisation named earlier whose name holds the noun ("the
    union" after "the Harbour Workers Union")."""
    known = registry.org_named(token.lemma_.lower(), at)
    if known is not None:
        registry.add(known.name, "org", at, subject=True, main=is_main_subject(token))


def _group_subject(token: Token, base: int, quoted) -> bool:
    """ "Republican senators said" / "Officials warned": a later "they" may mean them."""
    if token.tag_ != "NNS" or token.dep_ != "nsubj" or token.ent_type_:
        return False
    at = base + token.idx
    return not _in_quotes(at, quoted)


def _unnamed_subject(token: Token, base: int, quoted) -> bool:
    """ "Niederreiter has four goals": a proper-noun subject the NER missed is still a
    person the next "he" or "the right wing" may mean; so is one set beside a subject
    title ("The Tánaiste, Ann Roe, said")."""
    if token.pos_ != "PROPN" or token.ent_type_:
        return False
    if token.dep_ != "nsubj" and not _titled_subject(token):
        return False
    if _named_thing(token.doc[token.i : token.i + 1]):  # "the Roads and Ports Bill"
        return False
    if dateline(token.doc[token.i : token.i + 1]):  # "HALDEN — The minister says": a place
        return False
    if not token.text[:1].isupper() or token.lower_ in NAME_PREFIX_TITLES | HONORIFICS.keys():
        return False
    if token.lower_ in PARTY_MEMBERS and any(c.dep_ == "det" for c in token.children):
        return False  # "The Conservative told them": a description, nobody called that
    at = base + token.idx
    return not _in_quotes(at, quoted)


def _known_surname(registry: Registry, token: Token, base: int, quoted) -> Entity | None:
    """ "Vale, 31, was a nurse": a capitalised word the NER missed that is the surname of
    someone the article has named in full, as its clause's subject (opening its sentence
    in a paragraph left unparsed), is that person and a likely antecedent."""
    if token.ent_type_ or not token.is_alpha or not token.text.istitle() or token.is_stop:
        return None
    if token.lower_ in NAME_PREFIX_TITLES or token.lower_ in HONORIFICS:
        return None
    at = base + token.idx
    owners = [
        e
        for e in registry.entities
        if e.kind == "person" and len(e.tokens) > 1 and e.tokens[-1] == token.lower_
    ]
    if len(owners) != 1 or _in_quotes(at, quoted):
        return None
    if is_parsed(token.doc):
        subject, main = token.dep_ in CLAUSE_SUBJECTS, is_main_subject(token)
    else:
        opens = token.i == 0 or token.doc[token.i - 1].text in (".", "!", "?")
        subject = main = opens and _verb_follows(token)
    if not subject:  # "who like Dorn was born abroad": a name in passing is no antecedent
        return None
    return registry.add(owners[0].name, "person", at, subject=True, main=main)


def _aged_description(registry: Registry, token: Token, base: int, quoted) -> Entity | None:
    """ "For drivers such as Piotr Nowak, the new levy lands hard. The 41-year-old owns two
    trucks": a sentence opening on a description by age is about the one person its
    paragraph has named so far, even one named only in passing (and in a paragraph left
    unparsed), so the he or she after it is theirs."""
    at = base + token.idx
    if not _opening_age(token) or _in_quotes(at, quoted):
        return None
    start = registry.paragraph_start(at)
    named = [m.entity for m in registry.mentions if start <= m.pos < at]
    if not named or any(e is not named[0] for e in named) or named[0].kind != "person":
        return None
    return registry.add(named[0].name, "person", at, subject=True, main=True)


def _opening_age(token: Token) -> bool:
    """Is ``token`` the "old" of "The 29-year-old" opening a sentence?"""
    i, doc = token.i, token.doc
    if token.lower_ != "old" or i < 5 or doc[i - 2].lower_ not in ("year", "years"):
        return False
    if not doc[i - 4].like_num or doc[i - 5].text != "The":
        return False
    return i == 5 or doc[i - 6].text in (".", "!", "?")


def _verb_follows(token: Token) -> bool:
    """ "Vale, 31, was", "Vale said": in a paragraph left untagged, a surname opening a
    sentence is its subject when a comma or a common verb follows ("Young voters" is no
    Mr. Young)."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and (after.text == "," or after.lower_ in _COMMON_VERBS)


_COMMON_VERBS = word_set(
    """
    is was has had said says told tells added adds also would will could can did does
    wrote writes believes thinks knows wants
    """
)


def _described_newcomer(token: Token) -> bool:
    """ "Yuni, a resident of the coast, was ...": a capitalised word opening a paragraph
    left unparsed and described at once is a person the NER missed (single names often
    are)."""
    doc = token.doc
    if is_parsed(doc) or token.i != 0 or token.ent_type_ or len(doc) < 4:
        return False
    word = token.text
    if not word.istitle() or token.is_stop or word.lower().endswith("ly"):
        return False
    return doc[1].text == "," and doc[2].lower_ in ("a", "an") and doc[3].is_lower


def _titled_subject(token: Token) -> bool:
    """ "The Tánaiste, Ann Roe, said": a name set right after a subject's title (not one
    past a clause or a colon, as a book's title is)."""
    head = token.head
    titled = person_noun(head.lower_)
    beside = apposed_after_comma(token, head)
    return token.dep_ == "appos" and titled and beside and head.dep_ in CLAUSE_SUBJECTS


def _add_proper_subject(registry: Registry, token: Token, base: int) -> Entity:
    parts = [t for t in token.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
    span = token.doc[min([t.i for t in parts] + [token.i]) : token.i + 1]
    name, prefix, gender = split_name(span)  # "Labour TD Ann Roe": the title is no name
    at = base + name.start_char
    main = is_main_subject(token.head if token.dep_ == "appos" else token)
    found = registry.resolve_name(name.text, at)
    if found is not None:  # "Mr Pryce asked": the honorific says who a later "she" is not
        return registry.add(found.name, found.kind, at, subject=True, main=main, gender=gender)
    title = title_of(token, name) or prefix
    return registry.add(
        name.text, "person", at, subject=True, main=main, title=title, gender=gender
    )


# "The Daily Planet A crane is shown ...": a caption whose credit runs into its first words
_RUN_ON_CAPTION = re.compile(r" (?:A|An|The) [a-z]")


def _fronted(ent: Span) -> bool:
    """ "Unlike Karim Nasser, he ...": a name in a fronted phrase is not
    the sentence's subject."""
    return ent.start > 0 and ent.doc[ent.start - 1].pos_ in ("ADP", "SCONJ")


def _topic(ent: Span) -> bool:
    """ "For Ana Ruiz, the vote was a turning point": a name in a phrase opening its
    sentence is what the sentence is about, not someone introduced to speak next;
    a name leading a clause the opening word subordinates ("Although Ruiz has said ...")
    is its subject instead."""
    if not _fronted(ent) or not is_parsed(ent.doc) or ent.start - 1 != ent.sent.start:
        return False
    return ent.root.dep_ not in CLAUSE_SUBJECTS


def _contrasted(ent: Span) -> bool:
    """ "Unlike Ortiz, she has never held office": a name set against the subject is the
    one person the pronouns around it do not mean, so it is no antecedent at all."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in _CONTRASTS


_CONTRASTS = word_set("unlike like")


def _eponym(ent: Span) -> bool:
    """ "Hodgkin's lymphoma", "a Crohn disease clinic": an illness named after someone
    names no one in the story."""
    after = [t.lower_ for t in ent.doc[ent.end : ent.end + 2]]
    if after and after[0] in ("'s", "\u2019s"):
        after = after[1:]
    return bool(after) and after[0] in _ILLNESSES


_ILLNESSES = word_set("disease lymphoma syndrome palsy")


def dateline(ent: Span) -> bool:
    """ "HALDEN, Ont. -- The ...", "RIVERTON (AP) —": the place a story was filed from,
    in capitals at the head of a paragraph, names no speaker."""
    first = ent[0].text
    head = text_of(ent.doc)[: ent.start_char + _DATELINE_REACH]
    return (
        not text_of(ent.doc)[: ent.start_char].strip()
        and len(first) > 2
        and first.isupper()
        and _DATELINE_DASH.search(head, ent.end_char) is not None
    )


_DATELINE_REACH = 40  # a dateline's place, province and agency fit in this many characters


_DATELINE_DASH = re.compile(r"\s(?:--|—|–|-)\s")


def capitalised(ent: Span) -> bool:
    """ "the federal agency", "the veteran goalie": the NER sometimes tags a
    description as a name; a name has a capitalised word past its article."""
    return any(t.text[:1].isupper() for t in ent if t.lower_ not in ("the", "a", "an"))


# Last words of a company's name: "Halvorsen Mining", "Northwind Air", "Ferro Holdings".
_ORG_NAME_ENDS = word_set(
    """
    inc inc. corp corp. co co. ltd ltd. llc llp plc ag gmbh mining air airlines airways
    energy holdings industries motors foods pharmaceuticals technologies systems media
    partners associates consulting capital communications strategies
    """
)


def _named_as_organisation(name: Span) -> bool:
    """ "Halvorsen Mining said": a name ending in a word only organisations end in is
    one, even when the NER reads it as a person."""
    last = name[-1].lower_
    return len(name) > 1 and (last in _ORG_NAME_ENDS or last in ORG_NOUNS)


def _described_as_organisation(ent: Span) -> bool:
    """ "Harbour House, a non-profit agency that runs shelters": a name the text describes
    with an organisation noun is an organisation, whatever the NER says."""
    return is_parsed(ent.doc) and any(
        c.dep_ == "appos" and c.lemma_.lower() in ORG_NOUNS and c.left_edge.i == ent.end + 1
        for c in ent.root.children
    )


def _titled_as_organisation(title: str, ent: Span) -> bool:
    """ "the aid group Ama", "Ama, a relief charity": a name whose title is an
    organisation noun is an organisation. A title written just before the name ends in
    its head: "former Harbour Trust director Mina Sorell" is a director, not a trust."""
    before = text_of(ent.doc)[: ent.start_char].rstrip()
    head = title.split()[-1].lower() if before.endswith(title) else title_head(title)
    return head in ORG_NOUNS


def _unnamed_lead_subject(token: Token, base: int, quoted) -> bool:
    """ "A third engineer, from the night shift, was more blunt. She said ...":
    someone unnamed leading a sentence with any verb is who its next "he" or "she" most
    likely means, as a speaker's description would be (not one a name is set beside, nor
    one in words a cue before it reports: "He said as police arrived, one person ...")."""
    if not is_main_subject(token) or not someone_unnamed(token):
        return False
    if token.left_edge.i != token.sent.start or token.head.lemma_.lower() in SPEECH_VERBS:
        return False  # a speaker's description is the cue's to resolve
    named = any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children)
    return not named and not _in_quotes(base + token.idx, quoted)


def _credit(ent: Span) -> bool:
    """ "Jane Roe/The Canadian Press": a photo credit names no one in the story."""
    text = text_of(ent.doc)
    after = text[ent.end_char : ent.end_char + 3].lstrip(" ")
    run_on = ent.start_char == 0 and _RUN_ON_CAPTION.match(text, ent.end_char) is not None
    return "/" in ent.text or after.startswith("/") or run_on


def _described_as_person(ent: Span) -> bool:
    """ "Dr. Na'moks", "Roman, a resident who ...", "Na'moks said he ...": an
    'organisation' the text titles, describes or refers back to as a person."""
    titles = NAME_PREFIX_TITLES | HONORIFICS.keys()
    if ent[0].lower_ in titles or (ent.start > 0 and ent.doc[ent.start - 1].lower_ in titles):
        return True
    if inner_title(ent, ent.start) is not None:  # "Cork North TD Ann Roe" read as an ORG
        return True
    if _titled_first_name(ent) or _after_role_noun(ent):
        return True
    if not is_parsed(ent.doc):
        return False
    root = ent.root
    described = any(
        child.dep_ == "appos"
        and child.pos_ == "NOUN"
        and (any(t.lower_ == "who" for t in child.subtree) or _person_word(child))
        for child in root.children
    )
    # "the union's spokeswoman, Ana Ruiz,": a name set off after a person noun is that person
    beside = root.dep_ == "appos" and apposed_after_comma(root, root.head)
    described = described or beside and _person_word(root.head)
    says_he = root.dep_ == "nsubj" and any(
        clause.dep_ == "ccomp"
        and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in clause.children)
        for clause in root.head.children
    )
    return described or says_he


def _titled_first_name(ent: Span) -> bool:
    """ "Striker Leo Marsh said", "Spokeswoman Ana Ruiz said": a role word opening the
    sentence is capitalised like the name after it, and the NER may read the three words
    as an organisation. A title before a first name and a surname makes them a person."""
    name, title, _ = split_name(ent)
    return title is not None and len(name) >= 2 and name[0].lower_ in FIRST_NAMES


def _after_role_noun(ent: Span) -> bool:
    """ "Rangers captain Ruiz", "fire chief Ana Ruiz": a name written straight after a
    lower-case noun only a person holds is that person, though the NER read it as an
    organisation; kept one, the story's later "the Rangers captain" found no holder. Not a
    word a firm is called by too ("industry analyst Gartner")."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    role = before.is_alpha and written_as_role(before)
    return role and before.lower_ not in _FIRMS_TOO


_FIRMS_TOO = word_set("analyst adviser advisor source expert")


def _person_word(token: Token) -> bool:
    """ "economist", "spokeswoman", "microbiologist": a noun only a person is described by
    (a word ending in "-ist" names someone who practises something)."""
    word = token.lemma_.lower()
    return person_noun(word) or word.endswith("ist")


def _named_thing(ent: Span) -> bool:
    """ "the Coastal Ferries and Piers Bill": words the NER took for a name that open
    the name of a law, a fund or a plan name no one (nor do those that end one)."""
    ends = ent[-1].text in _THING_NOUNS
    return ends or _THING_NAME.match(text_of(ent.doc), ent.end_char) is not None


_THING_NOUNS = word_set(
    "Bill Act Amendment Fund Plan Strategy Agreement Treaty Accord Scheme Programme Program"
    " Initiative"
)


_THING_NAME = re.compile(
    r"(?:\s+(?:and|of|for|&))?(?:\s+[A-Z][\w'\u2019-]*){0,4}?\s+(?:"
    + "|".join(sorted(_THING_NOUNS))
    + r")\b"
)


def _add_entity(registry: Registry, ent: Span, base: int, quoted) -> Entity | None:
    if _credit(ent) or not capitalised(ent) or dateline(ent) or _eponym(ent):
        return None
    if title_ended(ent) or ent.label_ == "PERSON" and _named_thing(ent):
        return None
    ent = _possessive_dropped(_possessed_name(_holder_only(ent)))
    at = base + ent.start_char
    subject, main = _roles(ent, at, quoted)
    if _topic(ent):
        registry.topics.add(at)
    person = _described_as_person(ent)
    if ent.label_ == "ORG" and not person and registry.resolve_name(ent.text, at) is None:
        return registry.add(ent.text, "org", at, subject=subject, main=main)
    if ent.label_ == "ORG" and not person:  # NER often reads a lone surname as an organisation
        found = registry.resolve_name(ent.text, at)
        name = found.name if found else ent.text
        return registry.add(name, found.kind, at, subject=subject, main=main)
    name, prefix, gender = split_name(ent)
    if not name_tokens(name.text):
        return None
    title = (title_of(ent.root, name) if is_parsed(ent.doc) else title_in_text(ent)) or prefix
    # once described as an organisation, the same name stays one ("Harbour House says")
    known = registry.resolve_name(name.text, at)
    same_org = known is not None and known.kind == "org" and known.tokens == name_tokens(name.text)
    titled_org = title is not None and _titled_as_organisation(title, ent)
    if same_org or titled_org or _described_as_organisation(ent) or _named_as_organisation(name):
        return registry.add(ent.text, "org", at, subject=subject, main=main)
    fresh = _introduced_by_first_name(registry, ent, at)
    entity = registry.add(
        name.text, "person", at, subject=subject, main=main, title=title, gender=gender, fresh=fresh
    )
    if not is_parsed(ent.doc) and _opens_paragraph(ent):
        registry.openers.add(at)
    # "the Majority Leader, Ann Roe, a Republican from ...": each title is a role of hers
    before = title_before(ent.root, name) if is_parsed(ent.doc) else None
    for other in (before, prefix):
        if other and other != title:
            entity.roles.update(role_words(other))
    if not is_parsed(ent.doc):
        entity.roles.update(role_words_before(ent))
    return entity


def _holder_only(ent: Span) -> Span:
    """ "TD for Galway East-Central Ann Brady" read as one name "Galway East-Central
    Ann Brady": the seat or portfolio before an office holder's name is no part of it."""
    prep = ent.root.head
    if not is_parsed(ent.doc) or ent.root.dep_ != "pobj" or prep.dep_ != "prep":
        return ent
    holder = office_holder(prep.head)
    if holder is None or not ent.start < holder.start < ent.end:
        return ent
    return Span(ent.doc, holder.start, ent.end, label="PERSON")


def _possessive_dropped(ent: Span) -> Span:
    """ "Brenna Valley Dairy's new barns": the possessive the NER kept at the end of a
    name that owns the noun after it is no part of the name ("McDonald's said" and "at
    Stella's." keep theirs)."""
    doc = ent.doc
    if len(ent) < 2 or ent[-1].lower_ not in ("'s", "\u2019s") or ent.end >= len(doc):
        return ent
    after = doc[ent.end]
    if is_parsed(doc):
        owned = after.pos_ in ("NOUN", "ADJ", "NUM", "PROPN")
    else:  # a paragraph left untagged: a word that is no common verb
        owned = after.is_alpha and after.lower_ not in _COMMON_VERBS or after.like_num
    return Span(doc, ent.start, ent.end - 1, label=ent.label_) if owned else ent


def _possessed_name(ent: Span) -> Span:
    """ "Harbour First's Paul Kearney", "Labour's Ann Smith" read as one name: the person a
    party or an outlet owns is the words after the possessive, when a first name opens
    them."""
    for token in ent[:-1]:
        first = token.nbor()
        named = first.lower_ in FIRST_NAMES
        if token.lower_ in ("'s", "\u2019s") and named:
            return Span(ent.doc, first.i, ent.end, label="PERSON")
    return ent


def _introduced_by_first_name(registry: Registry, ent: Span, at: int) -> bool:
    """ "His father, Joseph, says": a lone first name set beside a noun introduces that
    person, even when the story named someone else with the same first name before."""
    if len(ent) != 1 or not is_parsed(ent.doc):
        return False
    if ent.root.dep_ != "appos" or ent.root.head.pos_ != "NOUN":
        return False
    known = registry.resolve_name(ent.text, at)
    word = ent.text.lower()
    return known is not None and len(known.tokens) > 1 and known.tokens[0] == word


def _gender_role(ent: Span, base: int, quoted) -> str:
    """ "ordered Ann to hide under his bed": a name that is not its clause's subject is
    a poor owner for the next pronoun, so it blocks the vote without casting one; so is
    a name inside a quotation or a post's signature."""
    at = base + ent.start_char
    if _in_quotes(at, quoted):
        return "bystander"
    if is_parsed(ent.doc) and _named_subject(ent.root).dep_ not in CLAUSE_SUBJECTS:
        return "bystander"
    return "person"


def _gender_evidence(token: Token) -> bool:
    """Can this he/she/his/her show the gender of the name before it? Not as the object
    of a verb that has its own subject ("Whitley told her"): a plain pronoun object
    never means its clause's subject."""
    if token.dep_ in _OBJECTS and token.lower_ not in _REFLEXIVE:
        return not has_own_subject(token.head)
    return True


_OBJECTS = ("dobj", "dative", "iobj")


_REFLEXIVE = ("himself", "herself")


def _sentence_pronouns(events: list[tuple[float, str, object]], n: int) -> set[object]:
    """The genders of the pronouns that come before event ``n`` in its own sentence."""
    sentence = events[n][0]
    found = set()
    for earlier_sentence, kind, payload in reversed(events[:n]):
        if earlier_sentence != sentence:
            break
        if kind == "pronoun":
            found.add(payload)
    return found


def _lead_genders(events: list[tuple[float, str, object]], n: int) -> set[object]:
    """The known genders of the other people named before event ``n`` in its sentence: a
    pronoun of one of them most likely means that earlier person, not this one."""
    sentence, _, entity = events[n]
    return {
        payload.gender
        for earlier_sentence, kind, payload in events[:n]
        if earlier_sentence == sentence
        and kind == "person"
        and payload is not entity
        and payload.gender
    }


def _learn_genders(events: list[tuple[float, str, object]]) -> None:
    """The pronoun that follows a name before anyone else is named usually refers to it.

    Each named mention votes with the first he/she/his/her after it in the same or the
    next sentence; honorifics ("Ms.") already set a gender and are not overruled.
    """
    votes: dict[int, Counter] = {}
    people: dict[int, Entity] = {}
    for n, (sentence, kind, payload) in enumerate(events):
        if kind not in ("person", "maybe"):
            continue
        people[id(payload)] = payload
        tally = votes.setdefault(id(payload), Counter())
        topic = _sentence_pronouns(events, n)
        leads = _lead_genders(events, n)
        for later_sentence, later_kind, later in events[n + 1 :]:
            if later_kind in ("person", "bystander") or later_sentence > sentence + 1:
                break
            if later_kind == "pronoun" and later in leads:
                break  # "Laura Kemp pressed Owen Pratt. She asked": Kemp's, no one else's
            if later_kind == "maybe" or (later == "it" and later_sentence > sentence):
                continue
            if later_sentence == sentence and later in topic:
                continue  # "She nursed where Brill was treated, so she saw him": her topic
            tally[later] += 1
            if later != "it":
                break
    for key, counter in votes.items():
        entity = people[key]
        gendered = Counter({g: c for g, c in counter.items() if g != "it"})
        if entity.kind == "org" and len(entity.tokens) > 1 and counter["it"]:
            continue  # "Acme Foods said it ...": a name an "it" follows is a company's
        if counter["it"] >= 2 and counter["it"] > sum(gendered.values()):
            # "Zelnik would not confirm whether it paid": a company the NER took for a person
            if entity.kind == "person" and entity.gender is None and entity.title is None:
                entity.kind = "org"
            continue
        if not gendered:
            continue
        if entity.kind != "person":  # a surname the NER took for a place or a company
            entity.person_by_pronoun = entity.kind == "org" and len(entity.tokens) > 1
            entity.kind = "person"
        if entity.gender is None:
            entity.gender = gendered.most_common(1)[0][0]
        elif entity.named_gender and gendered.most_common(1)[0][0] == entity.gender:
            entity.named_gender = False  # the text confirms what the first name said
