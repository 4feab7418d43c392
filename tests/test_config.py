"""Settings come from the environment, CLI flags override, defaults work offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotedesk.cli import EXIT_USAGE, main
from quotedesk.config import Settings
from quotedesk.errors import ConfigError


def test_defaults_are_offline_and_per_user() -> None:
    settings = Settings.from_env({"XDG_DATA_HOME": "/data/alice"})
    assert settings.db_path == Path("/data/alice/quotedesk")
    assert settings.chroma_url is None
    assert settings.embeddings == "minilm"
    assert not settings.llm_enabled


def test_environment_then_flags() -> None:
    env = {"QUOTEDESK_DB": "/env/db", "QUOTEDESK_LLM_MODEL": "gpt-4o-mini"}
    assert Settings.from_env(env).db_path == Path("/env/db")
    assert Settings.from_env(env, db_path="/flag/db").db_path == Path("/flag/db")
    assert Settings.from_env(env, db_path=None).db_path == Path("/env/db")
    assert Settings.from_env(env).llm_enabled


def test_server_url_is_the_store_location() -> None:
    settings = Settings.from_env({"QUOTEDESK_CHROMA_URL": "http://chroma:8000"})
    assert settings.store_location == "http://chroma:8000"


def test_proxy_token_and_headers() -> None:
    env = {
        "QUOTEDESK_CHROMA_TOKEN": "s3cret",
        "QUOTEDESK_CHROMA_HEADERS": '{"X-Team": "desk"}',
    }
    headers = Settings.from_env(env).chroma_headers
    assert headers == {"X-Team": "desk", "Authorization": "Bearer s3cret"}


def test_bad_headers_are_explained() -> None:
    with pytest.raises(ValueError, match="JSON object"):
        Settings.from_env({"QUOTEDESK_CHROMA_HEADERS": '["a"]'})
    with pytest.raises(ConfigError, match="QUOTEDESK_CHROMA_HEADERS must be a JSON object"):
        Settings.from_env({"QUOTEDESK_CHROMA_HEADERS": "X-Team: desk"})


def test_max_file_size_in_megabytes() -> None:
    assert Settings.from_env({"QUOTEDESK_MAX_FILE_MB": "2"}).max_file_bytes == 2 * 1024 * 1024


@pytest.mark.parametrize(
    ("variable", "value", "accepted"),
    [
        ("QUOTEDESK_EMBEDDINGS", "bert", "minilm or openai"),
        ("QUOTEDESK_MAX_FILE_MB", "ten", "positive number"),
        ("QUOTEDESK_MAX_FILE_MB", "-1", "positive number"),
        ("QUOTEDESK_LLM_TIMEOUT", "soon", "positive number"),
        ("QUOTEDESK_MAX_QUESTION_CHARS", "0", "positive number"),
        ("QUOTEDESK_MAX_QUOTE_CHARS", "nan", "positive number"),
    ],
)
def test_bad_setting_names_the_variable_and_what_it_accepts(
    variable: str, value: str, accepted: str
) -> None:
    with pytest.raises(ConfigError) as refused:
        Settings.from_env({variable: value})
    assert variable in str(refused.value)
    assert accepted in str(refused.value)


def test_cli_reports_a_bad_setting_with_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("QUOTEDESK_DB", str(tmp_path / "db"))
    monkeypatch.setenv("QUOTEDESK_EMBEDDINGS", "bert")
    assert main(["stats"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "QUOTEDESK_EMBEDDINGS='bert'" in err
    assert "minilm or openai" in err


def test_input_limits_from_the_environment() -> None:
    env = {"QUOTEDESK_MAX_QUESTION_CHARS": "300", "QUOTEDESK_MAX_QUOTE_CHARS": "400"}
    settings = Settings.from_env(env)
    assert (settings.max_question_chars, settings.max_quote_chars) == (300, 400)
