"""Direct quotes without a cue of their own: who they are given and how sure that is.

Every sentence here is invented.
"""

from __future__ import annotations

import pytest

from ingest.attribute import attribute_text
from quotedesk.models import SPEAKER_CERTAIN

LEAD = (
    "Harbour master Lena Cole spoke at the pier on Monday.\n\n"
    '"We will reopen the pier before the summer," Lena Cole said.\n\n'
)
BARE = '"The boats have waited long enough for this work."'


def _bare(text: str):
    return next(q for q in attribute_text(text) if q.text.startswith("The boats"))


def test_a_bare_quote_continues_the_last_speaker_surer_when_near() -> None:
    """Right about 9 times in 10 in the next paragraph, about 6 in 10 two paragraphs on."""
    near = _bare(LEAD + BARE)
    far = _bare(LEAD + "The pier has been shut since the storm in March.\n\n" + BARE)
    assert near.speaker == far.speaker == "Lena Cole"
    assert far.confidence < near.confidence < SPEAKER_CERTAIN


def test_a_bare_quote_is_never_surer_than_the_attribution_it_continues() -> None:
    text = (
        "Harbour master Lena Cole spoke at the pier on Monday.\n\n"
        "The pier has been shut since the storm in March.\n\n"
        '"We will reopen the pier before the summer," she said.\n\n' + BARE
    )
    found = attribute_text(text)
    cued = next(q for q in found if q.text.startswith("We will"))
    bare = next(q for q in found if q.text.startswith("The boats"))
    assert cued.speaker == bare.speaker == "Lena Cole"
    assert bare.confidence <= cued.confidence


# (text, start of the bare quotation, who said it)
CUED_LATER = [
    (
        '"We will fight this in every court," Governor Ana Ruiz said on Tuesday.\n\n'
        '"This bill is a gift to the insurers and nothing else." Senator Tom Baker said'
        " the governor had misread it.",
        "This bill",
        "Tom Baker",
    ),
    (
        '"The verdict is a relief for the whole family," said Maria Sousa, the victim\'s aunt.\n\n'
        '"He lied to the jury from the first day to the last." Prosecutor Neil Hart told'
        " reporters outside the courthouse that he would not appeal.",
        "He lied",
        "Neil Hart",
    ),
]


@pytest.mark.parametrize(("text", "opening", "speaker"), CUED_LATER)
def test_a_quote_opening_its_paragraph_belongs_to_the_next_sentences_cue(
    text: str, opening: str, speaker: str
) -> None:
    """Not to the last speaker: the cue right after it names who spoke, though it reports
    other words too; a guess from context, so below the certain line."""
    quote = next(q for q in attribute_text(text) if q.text.startswith(opening))
    assert quote.speaker == speaker
    assert quote.confidence < SPEAKER_CERTAIN
