"""Quotedesk: who really said this? Shared core: domain types, config, store, CLI."""

__version__ = "0.1.0"
