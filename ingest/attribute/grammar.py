"""What every cue rule reads in a parse: subject arcs, cue words, set-off commas and dashes.

Who a cue names (``subjects``), what it reports (``reported``) and the frame built from
both (``frames``) ask a token the same few questions; they are answered once here so the
three modules agree on what a subject, a cue and a set-off word are. The registry of
people (``mentions``, ``descriptions``) asks one of them too: ``is_main_subject``; and
``resolve`` shares ``WH_TAGS`` with ``frames`` (a question names no speaker).
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.attribute.cues import SPEECH_VERBS

SUBJECTS = ("nsubj",)  # a passive subject is what was said, never who
# who leads a clause, in either voice ("Ruiz was unmoved:" parses as a passive)
CLAUSE_SUBJECTS = ("nsubj", "nsubjpass")
SET_OFF = (",", "\u2014", "\u2013")
WH_TAGS = ("WDT", "WP", "WRB")  # question words: "what", "which", "who", "why", "how"


def is_verb(token: Token) -> bool:
    """A verb of its own clause, not one inside a name ("state-run agency")."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound")


def after_set_off(token: Token) -> bool:
    """Does ``token`` follow a comma or a dash, as a cue or participle set off inside a
    clause does?"""
    return token.i > 0 and token.nbor(-1).text in SET_OFF


def is_cue(token: Token) -> bool:
    """A verb of saying in any form, or the "according" of "according to": a word that can
    start a frame."""
    verb = token.lemma_.lower() in SPEECH_VERBS and token.tag_.startswith("VB")
    return verb or token.lower_ == "according"


def hyphen_piece(token: Token) -> bool:
    """A piece of a hyphenated word the tokenizer cut apart, not its last ("co" and "-" in
    "co-founder"): the parser may hang each piece on the verb as if it were a word."""
    glued = not token.whitespace_ and token.i + 1 < len(token.doc)
    return token.text == "-" or glued and token.nbor(1).text == "-"


def is_main_subject(token: Token) -> bool:
    """The subject of the sentence's own verb, not of a clause reported inside it."""
    return token.dep_ in CLAUSE_SUBJECTS and token.head.dep_ == "ROOT"


def has_own_subject(verb: Token) -> bool:
    """Does the clause of ``verb`` name its own subject (active or passive)?"""
    return any(c.dep_ in CLAUSE_SUBJECTS for c in verb.children)


def is_finite(token: Token) -> bool:
    """A verb form with a tense ("was", "says"), not an infinitive or a participle."""
    return "Fin" in token.morph.get("VerbForm")


def is_age(token: Token) -> bool:
    """ "the 34-year-old": a person described by their age alone."""
    return token.lower_ == "old" and any(c.lower_ in ("year", "years") for c in token.children)
