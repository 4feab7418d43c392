"""Indirect speech and mixed quotes: what a cue reports and where it stops.

Invented text, one row per construction: the quote holding ``fragment`` must be exactly
``words`` and be attributed to ``speaker``.
"""

from __future__ import annotations

import pytest

from ingest.attribute import attribute_text


def case(text: str, fragment: str, words: str, speaker: str | None, *, id: str):
    return pytest.param(text, fragment, words, speaker, id=id)


CASES = [
    # a reported clause the parser cuts into pieces still runs to the sentence's end
    case(
        "The board also said he had behaved well, had finished every course offered to him, "
        "had been seeing a counsellor and had been planning his release.",
        "behaved well",
        "he had behaved well, had finished every course offered to him, had been seeing a "
        "counsellor and had been planning his release",
        "The board",
        id="reported_clause_in_pieces_runs_to_its_end",
    ),
    case(
        "Farmers report they want cheaper seed, to sell more directly at markets, and "
        "better roads because the trucks keep breaking down.",
        "cheaper seed",
        "they want cheaper seed, to sell more directly at markets, and better roads because "
        "the trucks keep breaking down",
        "Farmers",
        id="reported_clause_with_an_infinitive_tail",
    ),
    # ... but stops where another cue or a new clause of narration takes over
    case(
        'Mayor Lena Ortiz said she is "far from deciding" on a third term, noting that she '
        "has served the town for twenty years.",
        "far from deciding",
        'she is "far from deciding" on a third term',
        "Lena Ortiz",
        id="reported_clause_stops_at_a_participle_cue",
    ),
    case(
        "Coach Ivo Brandt said he was unsure whether the team would travel, and there are no "
        "plans for a trip this year.",
        "unsure whether",
        "he was unsure whether the team would travel",
        "Ivo Brandt",
        id="reported_clause_stops_at_a_new_clause_of_narration",
    ),
]


TRAILING = [
    # reported words ending in ", <speaker> said." with no quotation marks, where the
    # parser takes a noun of the reported words for the subject
    case(
        "Lind left for the mainland on a night ferry on Tuesday accompanied by his wife, "
        "Mara Olin, and senior port officials, including Ivo Brandt, a veteran pilot, the "
        "island's radio network said.",
        "night ferry",
        "Lind left for the mainland on a night ferry on Tuesday accompanied by his wife, "
        "Mara Olin, and senior port officials, including Ivo Brandt, a veteran pilot",
        "the island's radio network",
        id="reported_words_then_a_long_speaker_and_said",
    ),
    # a cue set off inside the reported words: both sides are reported
    case(
        "Ferries had three clear goals, Ana Ruiz writes; to carry freight, to carry mail and "
        "to carry people.",
        "carry mail",
        "to carry freight, to carry mail and to carry people.",
        "Ana Ruiz",
        id="cue_between_a_comma_and_a_semicolon_reports_both_sides",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "words", "speaker"), CASES + TRAILING)
def test_reported_words_and_speaker(
    text: str, fragment: str, words: str, speaker: str | None
) -> None:
    found = attribute_text(text)
    hits = [q for q in found if fragment in q.text]
    assert hits, f"no quote containing {fragment!r} in {[q.text for q in found]}"
    assert hits[0].text == words
    assert hits[0].speaker == speaker
