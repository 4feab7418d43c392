"""Evaluation sets for ``quotedesk eval``: each module scores one part of the product."""
