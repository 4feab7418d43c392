"""CLI subcommands, one module each; see ``quotedesk.cli``."""
