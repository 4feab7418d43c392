"""Settings come from the environment, CLI flags override, defaults work offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotedesk.config import Settings


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


def test_max_file_size_in_megabytes() -> None:
    assert Settings.from_env({"QUOTEDESK_MAX_FILE_MB": "2"}).max_file_bytes == 2 * 1024 * 1024
