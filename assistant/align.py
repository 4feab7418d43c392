"""Word-level alignment of a claimed quote against stored text.

Retrieval finds the neighbourhood; this finds the exact words. rapidfuzz locates
the best character window fast, then a word diff (difflib) decides the precise
source span, the similarity and the edit list, so "is likely" against "is not
likely" comes back as one dropped "not" rather than a vague score.

A claim shortened with an ellipsis ("ambitious ... and the money") is aligned piece
by piece: when every piece appears verbatim, in order, close together, the words the
ellipsis stands for are reported as dropped, and flagged when they carry a negation,
a number or a qualifier (journalists elide all the time; eliding "not" is altering).
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
    "hundred", "thousand", "million", "billion", "trillion", "half", "dozen",
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
# Words whose loss through an ellipsis changes what was said: conditions, hedges, limits.
_QUALIFIERS = {
    "if", "unless", "except", "until", "provided", "only", "just", "almost", "nearly",
    "partly", "partially", "barely", "maybe", "perhaps", "possibly", "probably", "might",
    "may", "could", "allegedly", "reportedly", "some", "few", "sometimes", "rarely", "seldom",
}  # fmt: skip
_NUMBER_VALUES = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
}  # fmt: skip
# "un"/"non" negate any word; the others only adjectives ("legal"/"illegal", not
# "form"/"inform" or "cover"/"discover").
_NEGATING_PREFIXES = ("un", "non")
_ADJECTIVE_PREFIXES = ("in", "im", "il", "ir", "dis")
_ADJECTIVE_ENDINGS = ("able", "ible", "al", "ant", "ent", "ive", "ous", "ar", "ate", "ect", "ete")
_ELLIPSIS = re.compile(r"[\[(]?\s*(?:\u2026|\.\s?\.\s?\.)\s*[\])]?")
MAX_ELIDED_WORDS = 60  # an ellipsis stands for a few sentences at most, not a page
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
    elided: tuple[str, ...] = ()  # the source words each ellipsis of the claim stands for

    @property
    def coverage(self) -> float:
        """Share of the claim's words found, in order (elided words in the source allowed)."""
        return self.matched_words / self.claim_words if self.claim_words else 0.0

    @property
    def exact(self) -> bool:
        """Every word the same (case and punctuation aside), any ellipsis harmless."""
        return self.similarity >= 1.0 and not any(op.flag for op in self.ops)

    @property
    def diff(self) -> tuple[DiffOp, ...]:
        """The edit list when anything differs (words changed or elided), else empty."""
        return self.ops if any(op.op != "equal" for op in self.ops) else ()


def _is_negation(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")


def _is_number(word: str) -> bool:
    return bool(_DIGIT.search(word)) or word in _NUMBER_WORDS


def _numbers(words: list[str]) -> list[str]:
    """The numbers among ``words`` by value, so "twelve" and "12" are the same number."""
    return [_NUMBER_VALUES.get(w, w.replace(",", "")) for w in words if _is_number(w)]


def _are_antonyms(a: str, b: str) -> bool:
    if b in _ANTONYMS.get(a, ()):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) <= 2:
        return False
    if any(long_ == p + short for p in _NEGATING_PREFIXES):
        return True
    adjective = len(short) > 4 and short.endswith(_ADJECTIVE_ENDINGS)
    return adjective and any(long_ == p + short for p in _ADJECTIVE_PREFIXES)


def flag_edit(source: list[str], claim: list[str]) -> str | None:
    """Name the meaning change an edit makes, or None for a wording change."""
    src_neg = sum(_is_negation(w) for w in source)
    claim_neg = sum(_is_negation(w) for w in claim)
    if src_neg != claim_neg:
        return "negation"
    if _numbers(source) != _numbers(claim):
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
    elided = align_elided(claim, text, offset=offset)
    if elided is not None:
        return elided
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


def _pieces(claim: str) -> list[tuple[int, int]]:
    """The spans of ``claim`` between its ellipses that hold words."""
    cuts = [0, *(x for m in _ELLIPSIS.finditer(claim) for x in m.span()), len(claim)]
    spans = zip(cuts[::2], cuts[1::2], strict=True)
    return [(a, b) for a, b in spans if word_spans(claim[a:b])]


def _occurrences(piece: list[str], words: list[str]) -> list[int]:
    n = len(piece)
    return [i for i in range(len(words) - n + 1) if words[i : i + n] == piece]


def _chain(pieces: list[list[str]], words: list[str]) -> list[int] | None:
    """Word positions of the pieces, in order, each gap at most MAX_ELIDED_WORDS; the
    tightest such chain, or None."""
    found = [_occurrences(p, words) for p in pieces]
    chains = []
    for first in found[0]:
        chain = [first]
        for piece, places in zip(pieces, found[1:], strict=False):
            after = chain[-1] + len(piece)
            nxt = next((i for i in places if after <= i <= after + MAX_ELIDED_WORDS), None)
            if nxt is None:
                break
            chain.append(nxt)
        if len(chain) == len(pieces):
            chains.append(chain)
    return min(chains, key=lambda c: c[-1] - c[0], default=None)


def elision_flag(dropped: list[str]) -> str | None:
    """Name what the words an ellipsis drops would change, or None when they are safe."""
    if any(_is_negation(w) for w in dropped):
        return "negation"
    if any(_is_number(w) for w in dropped):
        return "number"
    if any(w in _QUALIFIERS for w in dropped):
        return "qualifier"
    return None


def elision_note(elided: tuple[str, ...]) -> str:
    """ "; the ellipsis stands for "..."", for a verdict sentence (empty without one)."""
    if not elided:
        return ""
    dropped = " and ".join(f"\u201c{d}\u201d" for d in elided)
    return f"; the ellipsis stands for {dropped}"


def align_elided(claim: str, text: str, *, offset: int = 0) -> Alignment | None:
    """Align a claim with ellipses piece by piece; None when it has none inside, or when
    its pieces do not all appear verbatim and in order in ``text``."""
    pieces = [(a, *_tokens(claim[a:b])) for a, b in _pieces(claim)]
    if len(pieces) < 2:
        return None
    spans, words = _tokens(text)
    chain = _chain([piece_words for _a, _s, piece_words in pieces], words)
    if chain is None:
        return None
    ops: list[DiffOp] = []
    last = chain[0]  # the source word after the previous piece
    for at, (a, piece_spans, piece_words) in zip(chain, pieces, strict=True):
        if at > last:
            flag = elision_flag(words[last:at])
            ops.append(DiffOp("delete", _slice(text, spans, last, at), "", flag))
        claimed = [(x + a, y + a) for x, y in piece_spans]
        end = at + len(piece_words)
        source = _slice(text, spans, at, end)
        ops.append(DiffOp("equal", source, _slice(claim, claimed, 0, len(claimed))))
        last = end
    n = sum(len(piece_words) for _a, _s, piece_words in pieces)
    return Alignment(
        start=offset + spans[chain[0]][0],
        end=offset + spans[last - 1][1],
        similarity=1.0,  # every quoted word is there verbatim; ``elided`` says what is not
        ops=tuple(ops),
        matched_words=n,
        claim_words=n,
        elided=tuple(op.source for op in ops if op.op == "delete"),
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
