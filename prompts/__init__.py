"""Prompt templates for the optional LLM answer path, kept as plain text files."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def load(name: str) -> str:
    """The text of ``prompts/NAME.txt``."""
    return (files(__package__) / f"{name}.txt").read_text(encoding="utf-8")
