"""Bylines and picture credits: the lines of a page that name who made it, not who is in it.

A byline ("By JANE ROE", "Jane Roe, Political Correspondent", "Jane Roe reported from
Ottawa", "Contributing: ...") and a photo credit ("(Getty Images)", "(Jane Roe/The Daily
Star)") are never speech, and the people they name are never speakers: neither a quote
nor a later "he" or "the reporter" means them. Both the speech finder (credits.py) and
the registry of people (mentions.py) ask the same two tests here, so a line one of them
knows as a byline is one for the other too. This module imports nothing of the
attribution package: credits imports resolve, which imports mentions.
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}"

# "Jane Roe reported from Ottawa.", "Contributing: ...", "With files from ...": who helped
# write the story, at the start of a paragraph of any length
_CONTRIBUTORS = re.compile(
    rf"(?:(?:{_NAME})\s+(?:reported|contributed)\s+(?:from|to|in)\b"
    r"|(?:Contributing|Additional reporting|With files from|Reporting by|Writing by|Editing by)\b)"
)
# "Jane Roe, Political Correspondent", "Tom Li, senior writer": a writer's title; "Jane
# Roe, Harbour Daily News", "Tom Li, The Valley Star-Gazette": the paper she writes for
_WRITER_ROLE = re.compile(
    r",\s+(?:[A-Z][\w-]*\s+)*(?:Correspondent|Reporter|Editor|Writer|Columnist"
    r"|[\w-]*(?:News|Post|Times|Herald|Press|Journal|Gazette|Tribune))$",
    re.IGNORECASE,
)
# the dashes that open a credit: a quotation's signature ('"..." ― Name'), or a sign-off at
# the foot of a story ("— Jane Roe, Harbour News"): em dash, horizontal bar, en dash, hyphen
CREDIT_DASHES = "\u2014\u2015\u2013-"
_BYLINE_WORDS = 10  # a writer's name and role; a longer line is a headline or prose

# "AFP/Getty Images", "Jane Roe/The Daily Star", "(THE CANADIAN PRESS FILE PHOTO)",
# "(Harbour Museum archives)", "Photo by ...": who took or supplied a picture
_CREDIT = re.compile(
    r"\b[A-Z][\w.-]*\s*/\s*[A-Z]"
    r"|(?i:\b(?:photo|images|archives|Shutterstock|iStock|Reuters|AFP|Canadian Press)\b)"
)
# a caption ends with its picture's credit in parentheses
_TRAILING_PARENTHESES = re.compile(r"\(([^()]*)\)\s*$")


def byline(paragraph: str) -> bool:
    """Does ``paragraph`` name the story's writers: "By JANE ROE", "SKETCH | Jane Roe",
    "Jane Roe, Political Correspondent", "Jane Roe reported from Ottawa", "Contributing:
    ...", or a sign-off under the story ("— Jane Roe, Harbour News")?"""
    # a wire story's credits close it in parentheses: "(Reporting by ...; Editing by ...)"
    line = paragraph.split("\n", 1)[0].strip().lstrip(CREDIT_DASHES).lstrip().lstrip("(")
    if _CONTRIBUTORS.match(line):
        return True
    if not line or len(line.split()) > _BYLINE_WORDS or line[-1] in '.!?:"\u201d':
        return False
    return line.startswith("By ") or "|" in line or _WRITER_ROLE.search(line) is not None


def photo_credit(words: str | None) -> bool:
    """Does ``words`` (a would-be title, a parenthesis) name a photographer or picture
    agency?"""
    return bool(words) and _CREDIT.search(words) is not None


def caption(paragraph: str) -> bool:
    """Is ``paragraph`` a photo caption, ending in its picture's credit?"""
    credit = _TRAILING_PARENTHESES.search(paragraph)
    return credit is not None and photo_credit(credit.group(1))
