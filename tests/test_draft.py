"""Checking a draft: every quotation found and verified, problems flagged."""

from __future__ import annotations

import pytest
from assistant_library import open_desk

DRAFT = (
    'Tavrovsky said: "A cold war will go on."\n'
    'Putin said that "a new model of cooperation has been formed between our countries."\n'
    '"A military confrontation is likely," Bochkov said.\n'
    'Biden said: "Purple elephants will dance in the streets of Sochi every Tuesday."\n'
)


@pytest.fixture(scope="module")
def checks():
    return open_desk().check_draft(DRAFT)


def test_every_quotation_gets_a_verdict(checks) -> None:
    verdicts = {c.claimed_speaker: c.verdict for c in checks}
    assert verdicts["Tavrovsky"] == "verified"
    assert verdicts["Putin"] == "verified"
    assert verdicts["Bochkov"] == "altered"
    assert verdicts["Biden"] == "not_found"


def test_quotes_are_sliced_from_the_draft(checks) -> None:
    for check in checks:
        assert DRAFT[check.start : check.end] == check.quote
    assert not all(c.ok for c in checks)
    data = checks[0].to_dict()
    assert {"quote", "claimed_speaker", "verdict", "verification"} <= set(data)
