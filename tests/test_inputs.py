"""Questions, quotes and drafts are checked before any work: too long or not valid text."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import QuoteDesk
from quotedesk.cli import EXIT_USAGE, main
from quotedesk.config import Settings
from quotedesk.errors import InputError


@pytest.fixture()
def desk(tmp_path: Path) -> QuoteDesk:
    """A desk whose library is never opened: every call here is refused before that."""
    return QuoteDesk(settings=Settings(db_path=tmp_path / "never-opened"))


@pytest.mark.parametrize(
    ("call", "variable"),
    [
        (lambda d, n: d.ask("who said " + "x" * n), "QUOTEDESK_MAX_QUESTION_CHARS"),
        (lambda d, n: d.verify("y" * n), "QUOTEDESK_MAX_QUOTE_CHARS"),
        (lambda d, n: d.verify("A short quote.", speaker="z" * n), "QUOTEDESK_MAX_QUOTE_CHARS"),
        (lambda d, n: d.check_draft("w " * n), "QUOTEDESK_MAX_DRAFT_CHARS"),
    ],
)
def test_input_over_its_limit_is_refused_naming_the_setting(
    desk: QuoteDesk, call, variable: str
) -> None:
    with pytest.raises(InputError, match=f"over the limit of [0-9,]+ \\({variable}\\)"):
        call(desk, 100_000)
    assert not (desk.settings.db_path).exists()


def test_the_limits_are_settings(tmp_path: Path) -> None:
    desk = QuoteDesk(settings=Settings(db_path=tmp_path / "db", max_quote_chars=10))
    with pytest.raises(InputError, match="is 11 characters long, over the limit of 10"):
        desk.verify("eleven char")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("who said \ud800 this?", "character 10 is U+D800, half of a surrogate pair"),
        ("who said \udcff this?", "character 10 is the byte 0xff, which is not UTF-8"),
    ],
)
def test_text_that_is_not_valid_unicode_is_refused_plainly(
    desk: QuoteDesk, text: str, named: str
) -> None:
    with pytest.raises(InputError) as refused:
        desk.ask(text)
    message = str(refused.value)
    assert named in message
    message.encode("utf-8")  # printable as it is: the bad character is not repeated


def test_cli_refuses_invalid_text_from_the_terminal_with_exit_code_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from assistant_library import store

    db = str(store().settings.db_path)
    # Python turns a byte that is not UTF-8 in an argument into a lone surrogate
    assert main(["ask", "who said \udcff?", "--db", db]) == EXIT_USAGE
    assert "the question is not valid text" in capsys.readouterr().err
    assert main(["verify", "y" * 5000, "--db", db]) == EXIT_USAGE
    assert "(QUOTEDESK_MAX_QUOTE_CHARS)" in capsys.readouterr().err
