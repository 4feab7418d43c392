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


def test_a_quotation_longer_than_the_quote_limit_is_checked_in_bounded_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long quotation gets one verdict, but no single search is over the limit."""
    import assistant.draft as draft

    seen: list[str] = []
    verify = draft.verify_quote

    def spy(retriever, quote, speaker=None):
        seen.append(quote)
        return verify(retriever, quote, speaker)

    monkeypatch.setattr(draft, "verify_quote", spy)
    desk = open_desk()
    exact = 'Putin said: "A new model of cooperation has been formed between our countries."'
    changed = exact.replace("between our", "among our")
    (kept,) = draft.check_draft(desk.retriever, exact, max_quote_chars=30)
    (edited,) = draft.check_draft(desk.retriever, changed, max_quote_chars=30)
    assert kept.verdict == "verified"
    assert edited.verdict == "altered"
    assert kept.quote == exact[exact.index("A new") : exact.rindex('"')]
    assert len(seen) > 2 and max(map(len, seen)) <= 30


@pytest.mark.parametrize("limit", [1, 7, 30, 600])
def test_pieces_cover_the_quotation_within_the_limit(limit: int) -> None:
    from assistant.draft import _pieces

    text = "We will keep the ferry running all winter, whatever the fuel costs."
    pieces = _pieces(text, 0, len(text), limit)
    assert all(b - a <= limit for a, b in pieces)
    assert "".join(text[a:b] for a, b in pieces).replace(" ", "") == text.replace(" ", "")
    if limit >= max(map(len, text.split())):  # cut at spaces only: every word whole
        assert [w for a, b in pieces for w in text[a:b].split()] == text.split()
