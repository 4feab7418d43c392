"""Where evaluation data lives outside the package."""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path:
    """Read-only shared data: ``$QUOTEDESK_SHARED``, else ``../shared`` beside the repo."""
    env = os.environ.get("QUOTEDESK_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared"
