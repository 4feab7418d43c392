"""Surface forms of speech: cue verb inflections, quote-mark typography, text that is not speech.

Every sentence here is invented. Each table row is one construction; switching its rule
off makes its row fail.
"""

from __future__ import annotations

import pytest

from ingest.attribute import attribute_text
from ingest.attribute.cues import SPEECH_VERBS, finite_forms, verb_forms
from quotedesk.models import Quote


def quotes_of(text: str) -> list[Quote]:
    found = attribute_text(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def quote_with(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert hits, f"no quote containing {words!r} in {[q.text for q in found]}"
    return hits[0]


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("admit", {"admits", "admitted", "admitting"}),
        ("quip", {"quips", "quipped", "quipping"}),
        ("brag", {"brags", "bragged", "bragging"}),
        ("concur", {"concurs", "concurred", "concurring"}),
        ("counter", {"counters", "countered", "countering"}),  # stress first: no doubling
        ("reply", {"replies", "replied", "replying"}),
        ("agree", {"agrees", "agreed", "agreeing"}),
        ("stress", {"stresses", "stressed", "stressing"}),
        ("write", {"writes", "wrote", "written", "writing"}),
    ],
)
def test_every_form_of_a_cue_verb_is_generated(verb: str, forms: set[str]) -> None:
    assert verb in SPEECH_VERBS
    assert verb_forms([verb]) == forms | {verb}
    assert not any(f.endswith("ing") for f in finite_forms(verb))


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Councillor Ada Brennan admitted that the ferry budget ran out in June.",
            "ferry budget ran out",
            "Ada Brennan",
        ),
        (
            "Coach Lionel Okafor quipped that his team plays better in the rain.",
            "plays better in the rain",
            "Lionel Okafor",
        ),
        (
            "Felix Ambrose bragged that he sold every melon before noon.",
            "sold every melon",
            "Felix Ambrose",
        ),
        (
            "Judge Mina Castell concurred that the appeal came far too late.",
            "appeal came far too late",
            "Mina Castell",
        ),
    ],
)
def test_a_paragraph_whose_only_cue_doubles_its_consonant_is_read(
    text: str, words: str, speaker: str
) -> None:
    assert quote_with(quotes_of(text), words).speaker == speaker
