"""One exception hierarchy, with messages a user can act on."""

from __future__ import annotations


class QuotedeskError(Exception):
    """Base class for every error Quotedesk raises on purpose."""


class LoadError(QuotedeskError):
    """A file could not be read as an article (empty, binary, too large, malformed...)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(QuotedeskError):
    """The article store could not be opened or written."""


class StoreLockedError(StoreError):
    """Another process is writing to the same local store."""


class EmbedderMismatchError(StoreError):
    """The store was built with a different embedder than the one configured."""


class LLMError(QuotedeskError):
    """The optional LLM could not be reached or gave an unusable answer."""


class ConfigError(QuotedeskError, ValueError):
    """A setting has a value Quotedesk cannot use; the message names the variable.

    Also a ``ValueError``, so callers that guarded settings with ``ValueError`` still do.
    """


class InputError(QuotedeskError):
    """A question, quote or draft was refused before any work: too long or not valid text."""
