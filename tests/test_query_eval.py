"""The question evaluation set: generated variants and scoring on the reference questions."""

from __future__ import annotations

import random

from assistant_library import open_desk

from quotedesk.evaluation.questions import (
    change_number,
    negate,
    reference_cases,
    score,
    scramble,
)


def test_variants_change_meaning_programmatically() -> None:
    assert negate("the plan is working") == "the plan is not working"
    assert negate("the plan is not working") == "the plan is working"
    assert negate("plans fail") is None
    assert change_number("we hired 12 people") == "we hired 19 people"
    assert change_number("no numbers here") is None
    original = "one two three four five six"
    scrambled = scramble(original, random.Random(1))
    assert sorted(scrambled.split()) == sorted(original.split())


def test_reference_questions_score_on_the_library() -> None:
    asks, verifies = reference_cases()
    assert len(asks) >= 10 and len(verifies) >= 10
    assert {v.verdict for v in verifies} == {"verified", "misattributed", "altered", "not_found"}
    report = score(open_desk(), "reference", asks, verifies)
    data = report.to_dict()
    assert data["who_said"]["cases"] == len(asks)
    assert data["who_said"]["accuracy"] >= 0.9
    assert data["verdict"]["accuracy"] >= 0.9
    assert data["false_verified"] == 0  # never "verified" for words someone else said
