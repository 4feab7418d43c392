"""Repair the damage scraped article text usually carries, without changing what it says.

Scraped bodies come with whitespace noise, whole bodies or paragraph runs pasted twice,
sentences glued together where a line break was lost ("Russia.The US") and section
headers glued onto the first sentence of their section ("... Affairs CouncilThe summit").
``clean_text`` fixes those and reports each repair in ``Cleaned.notes``. It only inserts
or removes whitespace and drops repeated copies: every word that remains is the
article's own, quote marks and dashes untouched, so quotes sliced from the cleaned
text are verbatim. ``Cleaned.origin`` says where each character came from in the raw
text, so offsets can be given in the user's own file (``quotedesk.offsets``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.sentences import ABBREVIATIONS, SENTENCE_OPENERS
from quotedesk.offsets import Edit, Tracked
from quotedesk.text import normalize, word_set

_LINE_BREAK = re.compile(r"\r\n?")
# Spaces that mean "space" but break matching and line handling.
_ODD_SPACES = re.compile("[\t\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000]")
_SPACE_RUN = re.compile(r" {2,}")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_BLANK_RUN = re.compile(r"\n{3,}")
# what str.strip() takes off each line, and off the whole text
_LINE_EDGES = re.compile(r"^[^\S\n]+|[^\S\n]+$", re.M)
_TEXT_EDGES = re.compile(r"\A\s+|\s+\Z")

# A repeated run is dropped only when it carries enough text to be a real copy,
# so one-word lines ("Advertisement", "Close") that legitimately recur survive.
_MIN_RUN_LINES = 2
_MIN_RUN_CHARS = 80
_MIN_SINGLE_LINE_CHARS = 200
_MAX_CANDIDATES = 50

# "Russia.The": a word, sentence punctuation (optionally a closing quote), then a
# capitalised word, with no space. The period-side checks live in _is_glued_sentence.
_GLUED_SENTENCE = re.compile(r"([.!?])([\"'\u201d\u2019)\]]?)(?=[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_WORD_AFTER = re.compile(r"[A-Za-z]+(\S*)")
_LETTERS = re.compile(r"[A-Za-z]+")
_LETTERS_BEFORE = re.compile(r"[A-Za-z]+$")
# How far to look around a junction for its word: longer "words" are not prose.
_LOOKAROUND = 100
_CLOSERS = "\"'\u201d\u2019)]"
_OPENERS = "\"'\u201c\u2018(["
_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[a-z]")

# "CouncilThe": a lower-case letter running straight into a capitalised word.
_CAMEL_JUNCTION = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# A header names someone and says who they are: "Danil Bochkov, an expert at ...".
_HEADER_SHAPE = re.compile(
    r"(?:[A-Z][\w'\u2019.-]*\s+){1,3}[A-Z][\w'\u2019-]*,\s+\S[^\n]*",
)
_HEADER_MAX_CHARS = 200
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]?\s*")
# Prefixes of real capitalised names and brands (McDonald, MacArthur, DeSantis, LaGuardia).
_NAME_PREFIXES = word_set("mc mac de di da du la le van von der del al el st o")
_MIN_GLUED_LEFT = 3
# A glued sentence is recognised by its first word: a common sentence opener. Content
# words are not enough ("YouTube", "PayPal", "WordPress" look the same); "In"/"On" are
# left out for LinkedIn, CheckIn, AddOn.
_SENTENCE_OPENERS = SENTENCE_OPENERS - {"in", "on"}
_MIN_SENTENCE_WORDS = 3


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text (offsets everywhere refer to it) and what was repaired, in words.

    ``origin[i]`` is the raw text position of ``text[i]`` (``INSERTED`` for a space or
    line break the cleaner added).
    """

    text: str
    notes: tuple[str, ...]
    origin: list[int]


def clean_text(raw: str) -> Cleaned:
    """Normalise whitespace, drop repeated copies, unglue sentences and section headers."""
    notes: list[str] = []
    text = _normalize(Tracked(raw))
    text, note = drop_repeats(text)
    if note:
        notes.append(note)
    text, count = unglue_headers(text)
    if count:
        notes.append(f"split {count} section header{_s(count)} glued to the next sentence")
    text, count = unglue_sentences(text)
    if count:
        notes.append(f"inserted a space between {count} glued sentence{_s(count)}")
    text = _normalize(text)
    return Cleaned(text=text.text, notes=tuple(notes), origin=text.origin)


def normalize_whitespace(text: str) -> str:
    """Unix newlines, single spaces, no trailing spaces, at most one blank line in a row."""
    return _normalize(Tracked(text)).text


def _normalize(text: Tracked) -> Tracked:
    text = text.sub(_LINE_BREAK, "\n")
    # zero-width characters hide word boundaries from cues ("Traeger\u200b said")
    text = text.sub(_ZERO_WIDTH, "")
    text = text.sub(_ODD_SPACES, " ")
    text = text.sub(_SPACE_RUN, " ")
    text = text.sub(_LINE_EDGES, "")
    return text.sub(_BLANK_RUN, "\n\n").sub(_TEXT_EDGES, "")


def _key(line: str) -> str:
    return " ".join(normalize(line).split())


def drop_repeats(text: Tracked) -> tuple[Tracked, str | None]:
    """Keep the first copy of any repeated run of lines; say what was dropped.

    A later run is a copy when it matches an earlier run verbatim (after
    normalisation) and is either several lines carrying real text or one long
    paragraph. Returns the text and a note, or None when nothing repeated.
    """
    lines = text.text.split("\n")
    keys = [_key(line) for line in lines]
    content = [i for i, k in enumerate(keys) if k]
    ckeys = [keys[i] for i in content]
    seen: dict[str, list[int]] = {}
    dropped: set[int] = set()
    j = 0
    while j < len(ckeys):
        length = _longest_earlier_copy(ckeys, j, seen)
        if _is_real_copy(ckeys[j : j + length]):
            dropped.update(range(j, j + length))
            j += length
            continue
        seen.setdefault(ckeys[j], []).append(j)
        j += 1
    if not dropped:
        return text, None
    kept = [k for n, k in enumerate(ckeys) if n not in dropped]
    drop_lines = {content[n] for n in dropped}
    result = _kept_lines(text, lines, drop_lines)
    copies, rest = divmod(len(ckeys), len(kept))
    if not rest and copies > 1 and ckeys == kept * copies:
        return result, f"body repeated {copies} times; stored once"
    count = len(dropped)
    return result, f"removed {count} repeated paragraph{_s(count)}"


def _kept_lines(text: Tracked, lines: list[str], dropped: set[int]) -> Tracked:
    """``"\\n".join`` of the lines not dropped, each with its own line break."""
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    kept = [n for n in range(len(lines)) if n not in dropped]
    last = len(kept) - 1
    return text.select(
        (starts[n], starts[n] + len(lines[n]) + (k < last)) for k, n in enumerate(kept)
    )


def _longest_earlier_copy(keys: list[str], j: int, seen: dict[str, list[int]]) -> int:
    """Length of the longest run at ``j`` that already appeared, wholly before ``j``."""
    best = 0
    for i in seen.get(keys[j], ())[:_MAX_CANDIDATES]:
        length = 0
        while j + length < len(keys) and i + length < j and keys[i + length] == keys[j + length]:
            length += 1
        best = max(best, length)
    return best


def _is_real_copy(run: list[str]) -> bool:
    if not run:
        return False
    chars = sum(len(k) for k in run)
    if len(run) >= _MIN_RUN_LINES:
        return chars >= _MIN_RUN_CHARS
    return chars >= _MIN_SINGLE_LINE_CHARS


def unglue_sentences(text: Tracked) -> tuple[Tracked, int]:
    """Insert the lost space in "Russia.The US", leaving "U.S.", "3.5", URLs alone."""
    ends = [
        match.end()
        for match in _GLUED_SENTENCE.finditer(text.text)
        if _is_glued_sentence(text.text, match)
    ]
    return text.edit((end, end, " ") for end in ends), len(ends)


def _is_glued_sentence(text: str, match: re.Match[str]) -> bool:
    before = _WORD_BEFORE.search(text, max(0, match.start() - _LOOKAROUND), match.start())
    if not before:
        return False
    bare = before.group(1).lstrip(_OPENERS).rstrip(_CLOSERS)
    if not _PLAIN_WORD.fullmatch(bare) or bare.lower() in ABBREVIATIONS:
        return False
    # "Atlantic.Net.", "example.Com/path": a name or an address, not two sentences
    after = _WORD_AFTER.match(text, match.end())
    return not (after and re.search(r"[./@:]", after.group(1)))


def unglue_headers(text: Tracked) -> tuple[Tracked, int]:
    """Put a section header glued into the text on its own line.

    "... West.Yury Tavrovsky, head of X ClubThe West is ..." becomes
    "... West.\\nYury Tavrovsky, head of X Club\\nThe West is ...". A junction counts
    only when the text before it, back to the line start or the previous sentence
    end, is shaped like "Given Family, description"; camel-case names (McDonald,
    YouTube, iPhone) are left whole.
    """
    junctions: list[tuple[Edit, Edit]] = []
    offset = 0
    for line in text.text.split("\n"):
        junctions += _shifted(_header_junctions(line), offset)
        offset += len(line) + 1
    return text.edit(edit for pair in junctions for edit in pair), len(junctions)


def _header_junctions(line: str) -> list[tuple[Edit, Edit]]:
    """Per glued header: the edit ending the line before it, the line break after it."""
    for junction in _CAMEL_JUNCTION.finditer(line):
        pos = junction.start()
        if not _is_glue_junction(line, pos):
            continue
        start = _header_start(line, pos)
        if start is None:
            continue
        head = len(line[:start].rstrip())
        rest = _shifted(_header_junctions(line[pos:]), pos)
        return [((head, start, "\n" if head else ""), (pos, pos, "\n")), *rest]
    return []


def _shifted(junctions: list[tuple[Edit, Edit]], by: int) -> list[tuple[Edit, Edit]]:
    return [
        ((a + by, b + by, new), (at + by, at + by, nl)) for (a, b, new), (at, _at, nl) in junctions
    ]


def _is_glue_junction(line: str, pos: int) -> bool:
    left = _LETTERS_BEFORE.search(line, max(0, pos - _LOOKAROUND), pos)
    right = _LETTERS.match(line, pos)
    if not left or not right:
        return False
    left_word, right_word = left.group(), right.group()
    if len(left_word) < _MIN_GLUED_LEFT or left_word.lower() in _NAME_PREFIXES:
        return False
    if not right_word[1:].islower() or right_word.lower() not in _SENTENCE_OPENERS:
        return False
    sentence = re.split(r"(?<=[.!?])\s", line[pos : pos + _HEADER_MAX_CHARS], maxsplit=1)[0]
    return len(sentence.split()) >= _MIN_SENTENCE_WORDS


def _header_start(line: str, pos: int) -> int | None:
    """Where the header before ``pos`` begins, or None when it is not header-shaped."""
    window = max(0, pos - _HEADER_MAX_CHARS - 1)
    ends = [m.end() for m in _SENTENCE_END.finditer(line, window, pos) if m.end() < pos]
    starts = [0, *ends] if window == 0 else ends
    for start in reversed(starts):
        candidate = line[start:pos]
        if len(candidate) > _HEADER_MAX_CHARS:
            return None
        if _HEADER_SHAPE.fullmatch(candidate) and not _ends_sentence_inside(candidate):
            return start
    return None


def _ends_sentence_inside(candidate: str) -> bool:
    for match in re.finditer(r"(\S+)[.!?]\s", candidate):
        word = match.group(1).lstrip(_OPENERS)
        if len(word) > 1 and word.lower() not in ABBREVIATIONS:
            return True
    return False


def _s(count: int) -> str:
    return "" if count == 1 else "s"
