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

EMBEDDERS = ("minilm", "openai")


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
        parsed = json.loads(raw)
        if not isinstance(parsed, dict):
            raise ValueError("QUOTEDESK_CHROMA_HEADERS must be a JSON object of header: value")
        headers.update({str(k): str(v) for k, v in parsed.items()})
    token = env.get("QUOTEDESK_CHROMA_TOKEN")
    if token:
        headers.setdefault("Authorization", f"Bearer {token}")
    return headers


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

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
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
            embeddings=(env.get("QUOTEDESK_EMBEDDINGS") or "minilm").lower(),
            openai_embedding_model=env.get("QUOTEDESK_OPENAI_EMBEDDING_MODEL")
            or "text-embedding-3-small",
            llm_model=env.get("QUOTEDESK_LLM_MODEL") or None,
            openai_api_key=env.get("OPENAI_API_KEY") or None,
            openai_base_url=env.get("OPENAI_BASE_URL") or None,
            llm_timeout=float(env.get("QUOTEDESK_LLM_TIMEOUT") or 30.0),
            max_file_bytes=int(float(env.get("QUOTEDESK_MAX_FILE_MB") or 10) * 1024 * 1024),
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
            raise ValueError(
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
