"""Direct quotes without a cue of their own: who they are given and how sure that is.

Every sentence here is invented.
"""

from __future__ import annotations

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
