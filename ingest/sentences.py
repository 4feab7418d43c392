"""Rule-based sentence segmentation with offsets into the cleaned article text.

Fast and dependency-free (no spaCy) because it runs on every article and every
passage boundary depends on it. Every line is at least one sentence, so section
headers and bylines never merge into the prose around them. A period ends a
sentence unless it belongs to an abbreviation, an initial or a number; a closing
quote or bracket right after the punctuation stays with its sentence.
"""

from __future__ import annotations

import re

from quotedesk.models import Sentence
from quotedesk.text import word_set

# Titles abbreviated before a name ("Sgt. Ana Ruiz"); the attribution rules read these
# as titles, so the one list serves both.
_SINGLE_TITLES = word_set(
    "dr prof sen rep gov lt col gen sgt capt cmdr adm maj rev hon pres supt det insp cpl"
    " const coun cllr ald atty amb fr msgr pvt cst brig cmdre asst dep assoc mx"
)
# Canadian style joins two ranks with a hyphen ("Lt.-Gov. Ana Ruiz", "Det.-Sgt."): one
# title, whose last period ends no sentence either
TITLE_ABBREVIATIONS = _SINGLE_TITLES | {f"{a}.-{b}" for a in _SINGLE_TITLES for b in _SINGLE_TITLES}
# A period after these never ends a sentence: titles, months, "e.g.".
NEVER_FINAL = TITLE_ABBREVIATIONS | word_set(
    """
    mr mrs ms messrs reps ft mt st approx vs e.g i.e cf
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
# Abbreviations only before a number ("No. 4", "Vol. 2"); "he said no. Then" ends.
BEFORE_NUMBER = word_set("no nos vol pp fig")
# These can end a sentence ("... a unit of Acme Inc. The deal ...") when a typical
# sentence opener follows; otherwise they are mid-sentence ("Acme Inc. said").
SOMETIMES_FINAL = word_set("inc co corp ltd llc plc bros jr sr etc al est dept univ ave blvd rd")
ABBREVIATIONS = NEVER_FINAL | BEFORE_NUMBER | SOMETIMES_FINAL

# Words English sentences commonly open with: an abbreviation or acronym ("U.S.")
# followed by one of these is read as a sentence end.
SENTENCE_OPENERS = word_set(
    """
    the this that these those it its there here we i you he she they our my his her their
    your a an in on at as for if when while but and or so yet after before since although
    though however with by from to many some all both most no not one such even still also
    now today yesterday last next according what why how who where which only more every
    each despite during under over than then thus instead meanwhile indeed actually
    """
)

_OPEN = "\"'\u201c\u2018([{"
_CLOSE = "\"'\u201d\u2019)]}"
# Sentence punctuation, any closing quotes/brackets, then whitespace and something a
# sentence can start with (capital, digit, opening quote or bracket).
_BOUNDARY = re.compile(
    r"(?:[.!?]+|\u2026)[\"'\u201d\u2019)\]}]*(?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9])",
)
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_LOOKBEHIND = 100  # an abbreviation is short; bounded look-behind keeps long lines linear
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NEXT_NUMBER = re.compile(r"\s+#?\d")
_NEXT_WORD = re.compile(r"\s+[\"'\u201c\u2018(\[]*([A-Za-z]+)")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; ``text[s.start:s.end] == s.text``, no outer spaces."""
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        cut = 0
        for match in _BOUNDARY.finditer(line):
            if _ends_sentence(line, match):
                _append(sentences, text, line_start + cut, line_start + match.end())
                cut = match.end()
        _append(sentences, text, line_start + cut, line_start + len(line))
        line_start += len(line) + 1
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if any(c.isalnum() for c in stripped):  # a stray "." or "***" line is not a sentence
        start += len(piece) - len(piece.lstrip())
        sentences.append(Sentence(start=start, end=start + len(stripped), text=stripped))


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    punct = match.group().rstrip(_CLOSE)
    if punct != ".":
        return True  # "!", "?", "...", "?!": always an end before a capital
    before = _TOKEN_BEFORE.search(line, max(0, match.start() - _LOOKBEHIND), match.start())
    if not before:
        return True
    token = before.group(1).lstrip(_OPEN)
    lowered = token.lower()
    if lowered in NEVER_FINAL or (len(token) == 1 and token.isalpha()):
        return False  # "Dr. Smith", "Jan. 5", "J. K. Rowling", "Abbott v. Burke"
    if lowered in BEFORE_NUMBER:
        return not _NEXT_NUMBER.match(line, match.end())
    if lowered in SOMETIMES_FINAL or _ACRONYM.fullmatch(token):
        following = _NEXT_WORD.match(line, match.end())
        return bool(following) and following.group(1).lower() in SENTENCE_OPENERS
    return True
