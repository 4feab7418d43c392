"""Configuration, read in one place: environment variables, then CLI flags on top.

Every default works offline: local Chroma under the user's data directory, the
packaged MiniLM embedder, no LLM.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from quotedesk.errors import ConfigError

EMBEDDERS = ("minilm", "openai")

#: Longest question / quote accepted (characters). Word alignment grows with the length
#: of the quote: verify took 0.45 s at 500 characters, 0.9 s at 600 and 1.5 s at 1,000 on
#: the shared 2-core machine at load 12 (``benchmarks/input_bench.py``); ask stayed under
#: 0.5 s up to 5,000. Real questions and quotes are far shorter.
MAX_QUESTION_CHARS = 1000
MAX_QUOTE_CHARS = 600
#: Longest draft for ``check-draft``: a long feature, every quotation of it verified.
MAX_DRAFT_CHARS = 100_000


def default_db_path(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME/quotedesk`` (``~/.local/share/quotedesk``): per user, survives reboots."""
    env = os.environ if env is None else env
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "quotedesk"


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CACHE_HOME/quotedesk`` (``~/.cache/quotedesk``): files rebuilt when lost."""
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "quotedesk"


def _chroma_headers(env: Mapping[str, str]) -> dict[str, str]:
    """Headers for a proxy in front of a Chroma server (Chroma itself has no auth)."""
    headers: dict[str, str] = {}
    raw = env.get("QUOTEDESK_CHROMA_HEADERS")
    if raw:
        try:
            parsed = json.loads(raw)
        except json.JSONDecodeError:
            parsed = None
        if not isinstance(parsed, dict):
            raise ConfigError(
                "QUOTEDESK_CHROMA_HEADERS must be a JSON object of header: value, "
                'e.g. {"X-Team": "desk"}'
            )
        headers.update({str(k): str(v) for k, v in parsed.items()})
    token = env.get("QUOTEDESK_CHROMA_TOKEN")
    if token:
        headers.setdefault("Authorization", f"Bearer {token}")
    return headers


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    """A positive number from ``env[name]``; a ``ConfigError`` naming the variable otherwise."""
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 0 < value < float("inf"):
        raise ConfigError(f"{name}={raw!r}: give a positive number (default {default:g})")
    return value


def _embedder(env: Mapping[str, str]) -> str:
    raw = env.get("QUOTEDESK_EMBEDDINGS") or "minilm"
    if raw.strip().lower() not in EMBEDDERS:
        raise ConfigError(
            f"QUOTEDESK_EMBEDDINGS={raw!r} is not an embedder; choose {' or '.join(EMBEDDERS)}"
        )
    return raw.strip().lower()


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Build with ``Settings.from_env()``; override with ``.with_()``."""

    db_path: Path = field(default_factory=default_db_path)
    cache_dir: Path = field(default_factory=default_cache_dir)
    chroma_url: str | None = None
    chroma_headers: dict[str, str] = field(default_factory=dict)
    embeddings: str = "minilm"
    openai_embedding_model: str = "text-embedding-3-small"
    llm_model: str | None = None
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    llm_timeout: float = 30.0
    max_file_bytes: int = 10 * 1024 * 1024
    fetch_timeout: float = 20.0
    max_question_chars: int = MAX_QUESTION_CHARS
    max_quote_chars: int = MAX_QUOTE_CHARS
    max_draft_chars: int = MAX_DRAFT_CHARS

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``env`` (default ``os.environ``); ``ConfigError`` names a bad variable."""
        env = os.environ if env is None else env
        settings = cls(
            db_path=Path(env["QUOTEDESK_DB"]).expanduser()
            if env.get("QUOTEDESK_DB")
            else default_db_path(env),
            cache_dir=Path(env["QUOTEDESK_CACHE"]).expanduser()
            if env.get("QUOTEDESK_CACHE")
            else default_cache_dir(env),
            chroma_url=env.get("QUOTEDESK_CHROMA_URL") or None,
            chroma_headers=_chroma_headers(env),
            embeddings=_embedder(env),
            openai_embedding_model=env.get("QUOTEDESK_OPENAI_EMBEDDING_MODEL")
            or "text-embedding-3-small",
            llm_model=env.get("QUOTEDESK_LLM_MODEL") or None,
            openai_api_key=env.get("OPENAI_API_KEY") or None,
            openai_base_url=env.get("OPENAI_BASE_URL") or None,
            llm_timeout=_number(env, "QUOTEDESK_LLM_TIMEOUT", 30.0),
            max_file_bytes=int(_number(env, "QUOTEDESK_MAX_FILE_MB", 10) * 1024 * 1024),
            fetch_timeout=_number(env, "QUOTEDESK_FETCH_TIMEOUT", 20.0),
            max_question_chars=int(
                _number(env, "QUOTEDESK_MAX_QUESTION_CHARS", MAX_QUESTION_CHARS)
            ),
            max_quote_chars=int(_number(env, "QUOTEDESK_MAX_QUOTE_CHARS", MAX_QUOTE_CHARS)),
            max_draft_chars=int(_number(env, "QUOTEDESK_MAX_DRAFT_CHARS", MAX_DRAFT_CHARS)),
        )
        return settings.with_(**overrides)

    def with_(self, **overrides: Any) -> Settings:
        """A copy with the non-None overrides applied (CLI flags left unset stay as they are)."""
        changes = {k: v for k, v in overrides.items() if v is not None}
        for key in ("db_path", "cache_dir"):
            if key in changes:
                changes[key] = Path(changes[key]).expanduser()
        updated = replace(self, **changes)
        if updated.embeddings not in EMBEDDERS:
            raise ConfigError(
                f"unknown embedder {updated.embeddings!r}; choose one of {', '.join(EMBEDDERS)}"
            )
        return updated

    @property
    def llm_enabled(self) -> bool:
        """An LLM is used only when a model is named; everything works without one."""
        return bool(self.llm_model)

    @property
    def store_location(self) -> str:
        """Where the library lives, in words for the UI and the CLI."""
        return self.chroma_url or str(self.db_path)
