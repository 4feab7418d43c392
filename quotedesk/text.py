"""Normalisation for *matching* only: the stored text always keeps what the article said.

``normalize`` maps every character to exactly one character, so an offset into the
normalised string is the same offset into the original. Match on the normalised
form, slice the original.
"""

from __future__ import annotations

import re

_CHAR_MAP = str.maketrans(
    {
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9
        "\u201f": '"',
        "\u00ab": '"',  # guillemets
        "\u00bb": '"',
        "\u2033": '"',  # double prime, used as a quote mark by some CMSs
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2039": "'",
        "\u203a": "'",
        "\u2032": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\u2026": ".",  # ellipsis: one char in, one char out
        "\t": " ",
    }
)

DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033'
SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b\u2039\u203a"

# Letters and digits of any script ("Müller", "Zoë", "Łódź" are one word each), joined
# by inner apostrophes and hyphens ("don't", "co-op").
_WORD_RE = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


def normalize(text: str) -> str:
    """Fold quote marks, dashes and odd spaces to ASCII, one character for one."""
    return text.translate(_CHAR_MAP)


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` after normalisation, for overlap and diff."""
    return [w.lower() for w in _WORD_RE.findall(normalize(text))]


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each token ``words`` would return, in ``text``."""
    return [m.span() for m in _WORD_RE.finditer(normalize(text))]


def word_set(words: str) -> frozenset[str]:
    """A set from a whitespace-separated word list (keeps long lists readable)."""
    return frozenset(words.split())
