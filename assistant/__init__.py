"""The assistant half of Quotedesk: ask, verify and check drafts against a library."""

from assistant.desk import QuoteDesk

__all__ = ["QuoteDesk"]
