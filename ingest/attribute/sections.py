"""Section speakers: a standalone line naming an expert owns the paragraphs under it.

Interview compilations and op-ed round-ups print "Name Surname, <who they are>" on
a line of its own and then that person's words with no speech verb at all. The
header shape is checked on the text alone so it works on any article: a short line,
no sentence ending, a capitalised name, a comma, and a role description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.attribute.marks import Paragraph
from quotedesk.text import word_set

_PARTICLE = r"van|von|de|der|den|da|di|del|la|le|du|bin|al|el"
_NAME = rf"[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|{_PARTICLE}))*\s+[A-Z][\w'\u2019-]*"
_HEADER = re.compile(rf"^(?P<name>{_NAME}),\s+(?P<title>\S.*)$")
_MAX_HEADER_WORDS = 25
_MIN_BODY_WORDS = 6  # a header is followed by prose, not by another list line
# A description opens in lower case ("an expert at", "head of") or with a role word;
# "Jane Doe, The Associated Press" is a byline, not a section header.
ROLE_WORDS = word_set(
    """
    head director professor expert fellow researcher analyst chair chairman
    chairwoman president vice senior chief founder co-founder editor author dean
    member former deputy lecturer scholar executive secretary adviser advisor
    spokesperson spokesman spokeswoman associate assistant research columnist
    """
)


@dataclass(frozen=True)
class Section:
    speaker: str
    title: str
    header: Paragraph
    start: int  # body: from the first paragraph under the header
    end: int  # to the paragraph before the next header, or the end of the text


def _header(text: str, para: Paragraph) -> tuple[str, str] | None:
    line = text[para.start : para.end]
    if line[-1] in ".!?:;)\"\u201d'" or len(line.split()) > _MAX_HEADER_WORDS or ". " in line:
        return None  # prose, a caption "(file photo)" or a credit, not a header
    match = _HEADER.match(line)
    if not match or line.lower().startswith("by "):
        return None  # "By Jane Roe, Chief Sports Writer": the story's writer, not a voice
    title = match.group("title").strip()
    if len(title.split()) < 2:
        return None  # "Adam McKay, Vice": a list entry
    first = title.split()[0]
    if not (first[0].islower() or first.lower() in ROLE_WORDS):
        return None
    return match.group("name"), title


def find_sections(text: str, paras: list[Paragraph]) -> list[Section]:
    """Every header line followed by body paragraphs, with the span it governs."""
    headers = [
        (i, found) for i, para in enumerate(paras) if (found := _header(text, para)) is not None
    ]
    sections: list[Section] = []
    for n, (i, (name, title)) in enumerate(headers):
        last = headers[n + 1][0] - 1 if n + 1 < len(headers) else len(paras) - 1
        if last <= i or len(text[paras[i + 1].start : paras[i + 1].end].split()) < _MIN_BODY_WORDS:
            continue
        sections.append(Section(name, title, paras[i], paras[i + 1].start, paras[last].end))
    return sections
