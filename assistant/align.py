"""Word-level alignment of a claimed quote against stored text.

Retrieval finds the neighbourhood; this finds the exact words. rapidfuzz locates
the best character window fast, then a word diff (difflib) decides the precise
source span, the similarity and the edit list, so "is likely" against "is not
likely" comes back as one dropped "not" rather than a vague score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from quotedesk.models import DiffOp
from quotedesk.text import normalize, word_spans

_NEGATIONS = {
    "not",
    "no",
    "never",
    "none",
    "nothing",
    "nobody",
    "neither",
    "nor",
    "cannot",
    "without",
    "nowhere",
    "hardly",
}
_NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "billion", "trillion", "half", "dozen", "percent",
    "first", "second", "third", "once", "twice",
}  # fmt: skip
_ANTONYM_PAIRS = [
    ("sadness", "joy"), ("sad", "happy"), ("likely", "unlikely"), ("increase", "decrease"),
    ("increased", "decreased"), ("rise", "fall"), ("rose", "fell"), ("win", "lose"),
    ("won", "lost"), ("winning", "losing"), ("up", "down"), ("more", "less"), ("more", "fewer"),
    ("good", "bad"), ("better", "worse"), ("best", "worst"), ("success", "failure"),
    ("support", "oppose"), ("supported", "opposed"), ("accept", "reject"),
    ("accepted", "rejected"), ("agree", "disagree"), ("always", "never"), ("all", "none"),
    ("strong", "weak"), ("stronger", "weaker"), ("high", "low"), ("higher", "lower"),
    ("safe", "dangerous"), ("true", "false"), ("right", "wrong"), ("love", "hate"),
    ("friend", "enemy"), ("friends", "enemies"), ("peace", "war"), ("guilty", "innocent"),
    ("legal", "illegal"), ("before", "after"), ("open", "closed"), ("gain", "loss"),
    ("approve", "reject"), ("possible", "impossible"), ("important", "unimportant"),
    ("must", "may"), ("will", "won't"), ("can", "can't"), ("should", "shouldn't"),
    ("hope", "fear"), ("optimistic", "pessimistic"), ("expand", "shrink"), ("allow", "ban"),
]  # fmt: skip
_ANTONYMS: dict[str, set[str]] = {}
for _a, _b in _ANTONYM_PAIRS:
    _ANTONYMS.setdefault(_a, set()).add(_b)
    _ANTONYMS.setdefault(_b, set()).add(_a)
_NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
_DIGIT = re.compile(r"\d")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_MAX_GAP = 3


@dataclass(frozen=True)
class Alignment:
    """Where a claim sits in a text: the span, how close the words are, and the edits."""

    start: int
    end: int
    similarity: float
    ops: tuple[DiffOp, ...]
    matched_words: int
    claim_words: int = 0

    @property
    def coverage(self) -> float:
        """Share of the claim's words found, in order (elided words in the source allowed)."""
        return self.matched_words / self.claim_words if self.claim_words else 0.0

    @property
    def exact(self) -> bool:
        """Every word the same (case and punctuation aside)."""
        return self.similarity >= 1.0


def _is_negation(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")


def _is_number(word: str) -> bool:
    return bool(_DIGIT.search(word)) or word in _NUMBER_WORDS


def _are_antonyms(a: str, b: str) -> bool:
    if b in _ANTONYMS.get(a, ()):
        return True
    short, long_ = sorted((a, b), key=len)
    return any(long_ == p + short for p in _NEGATING_PREFIXES) and len(short) > 2


def flag_edit(source: list[str], claim: list[str]) -> str | None:
    """Name the meaning change an edit makes, or None for a wording change."""
    src_neg = sum(_is_negation(w) for w in source)
    claim_neg = sum(_is_negation(w) for w in claim)
    if src_neg != claim_neg:
        return "negation"
    if [w for w in source if _is_number(w)] != [w for w in claim if _is_number(w)]:
        return "number"
    if any(_are_antonyms(a, b) for a in source for b in claim):
        return "antonym"
    return None


def _coherent(blocks: list, claim_words: int) -> list:
    """The run of matching blocks around the longest one, without far-away stray matches.

    A neighbour is kept when the source gap to it is not much wider than the claim gap:
    a few inserted words ("not") next to a single matching word; up to twice the claim's
    length next to a run of two or more (words silently left out of a quote). A lone
    "the" three lines away is not kept.
    """

    def allowed(blk) -> int:
        return _MAX_GAP if blk.size < 2 else max(_MAX_GAP, 2 * claim_words)

    main = max(range(len(blocks)), key=lambda i: blocks[i].size)
    kept = [blocks[main]]
    for blk in reversed(blocks[:main]):
        ref = kept[0]
        if ref.b - (blk.b + blk.size) > ref.a - (blk.a + blk.size) + allowed(blk):
            break
        kept.insert(0, blk)
    for blk in blocks[main + 1 :]:
        ref = kept[-1]
        if blk.b - (ref.b + ref.size) > blk.a - (ref.a + ref.size) + allowed(blk):
            break
        kept.append(blk)
    return kept


def _tokens(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Word spans and their matching forms, also split where cleaning glued two words
    ("CouncilThe")."""
    glued = [m.start() for m in _GLUED.finditer(text)]
    spans: list[tuple[int, int]] = []
    for a, b in word_spans(text):
        cuts = [a, *(g for g in glued if a < g < b), b] if glued else [a, b]
        spans.extend(zip(cuts, cuts[1:], strict=False))
    folded = normalize(text)  # one character for one: offsets still hold
    return spans, [folded[a:b].lower() for a, b in spans]


def _slice(text: str, spans: list[tuple[int, int]], i: int, j: int) -> str:
    return text[spans[i][0] : spans[j - 1][1]] if j > i else ""


def align(claim: str, text: str, *, offset: int = 0) -> Alignment | None:
    """Align ``claim`` against ``text``; offsets in the result are ``offset + index``.

    Returns None when the two share no word.
    """
    claim_spans, claim_words = _tokens(claim)
    if not claim_words or not text:
        return None
    lo, hi = _window(claim, text)
    local, words = _tokens(text[lo:hi])
    spans = [(a + lo, b + lo) for a, b in local]
    matcher = SequenceMatcher(None, claim_words, words, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    blocks = _coherent(blocks, len(claim_words))
    # The source span: first to last matched word, stretched over unmatched claim words
    # at either end so a changed first or last word shows as a replacement.
    first, last = blocks[0], blocks[-1]
    s = max(0, first.b - first.a)
    e = min(len(words), last.b + last.size + (len(claim_words) - last.a - last.size))
    src_words, src_spans = words[s:e], spans[s:e]
    matcher = SequenceMatcher(None, claim_words, src_words, autojunk=False)
    ops: list[DiffOp] = []
    matched = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            matched += i2 - i1
        op = {"equal": "equal", "insert": "delete", "delete": "insert"}.get(tag, "replace")
        flag = None if tag == "equal" else flag_edit(src_words[j1:j2], claim_words[i1:i2])
        ops.append(
            DiffOp(
                op=op,  # type: ignore[arg-type]
                source=_slice(text, src_spans, j1, j2),
                claim=_slice(claim, claim_spans, i1, i2),
                flag=flag,
            )
        )
    similarity = 2 * matched / (len(claim_words) + len(src_words))
    return Alignment(
        start=offset + src_spans[0][0],
        end=offset + src_spans[-1][1],
        similarity=round(similarity, 4),
        ops=tuple(ops),
        matched_words=matched,
        claim_words=len(claim_words),
    )


def _window(claim: str, text: str) -> tuple[int, int]:
    """The character window of ``text`` worth a word diff: the fuzzy best match, padded."""
    if len(claim) >= len(text):
        return 0, len(text)
    found = fuzz.partial_ratio_alignment(normalize(claim).lower(), normalize(text).lower())
    pad = max(40, len(claim) // 2)
    lo = max(0, found.dest_start - pad)
    hi = min(len(text), found.dest_end + pad)
    while lo > 0 and text[lo - 1].isalnum():
        lo -= 1
    while hi < len(text) and text[hi].isalnum():
        hi += 1
    return lo, hi


def fuzzy_score(fragment: str, text: str) -> float:
    """How well a question's fragment matches a candidate, in [0, 1] (for reranking)."""
    a, b = normalize(fragment).lower(), normalize(text).lower()
    if not a or not b:
        return 0.0
    return max(fuzz.partial_ratio(a, b), fuzz.token_set_ratio(a, b)) / 100.0
