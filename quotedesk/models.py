"""Domain types that flow through every stage, from loader to UI.

Offsets always index ``Article.text`` (the stored, cleaned text), so any quote or
citation can be re-sliced from the store and checked; a citation also gives its span
in the original text the user has (``Citation.file_start``/``file_end``, see
``quotedesk.offsets``). Every type is a frozen
dataclass with ``to_dict()``; the JSON the CLI prints is exactly ``to_dict()``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from quotedesk.offsets import original_span, original_text

QuoteKind = Literal["direct", "indirect", "mixed", "section"]
MentionKind = Literal["named", "pronoun", "nominal", "none"]
# "words_verified": the words are verbatim in the library but the speaker was not confirmed
Verdict = Literal["verified", "words_verified", "misattributed", "altered", "not_found"]
# how the claimed speaker compares with the stored one, for verbatim words
SpeakerCheck = Literal["confirmed", "contradicted", "uncertain", "not_claimed"]
IngestStatus = Literal["added", "updated", "unchanged", "failed"]
#: what offsets in the original index: the file's text, the text extracted from HTML,
#: a JSON record's text field, or text handed over in memory
OffsetsIn = Literal["file", "html", "record", "text"]

# A quote's speaker counts as certain from this confidence up: `quotedesk eval` checks that
# such quotes have the right speaker at least 95% of the time on held-out GGT articles, so
# answers and verifications below it must say "speaker uncertain" instead of naming anyone.
# A stored attribution below it is a guess: it can neither verify nor refute a claim.
SPEAKER_CERTAIN = 0.8


def _below_certain(speaker: str | None, confidence: float | None) -> bool:
    return bool(speaker) and confidence is not None and confidence < SPEAKER_CERTAIN


SourceKind = Literal["article", "transcript", "pdf"]


@dataclass(frozen=True)
class Turn:
    """One speaker's turn in a transcript: ``Article.text[start:end]`` is what they said."""

    start: int
    end: int
    speaker: str
    label: str  # as the transcript writes it ("MS. DOE", "A")


@dataclass(frozen=True)
class Article:
    """One article as stored: metadata plus the cleaned text offsets refer to."""

    id: str
    title: str
    text: str
    source: str
    content_hash: str
    author: str | None = None
    author_title: str | None = None
    author_description: str | None = None
    published: str | None = None  # ISO 8601 (date or datetime)
    outlet: str | None = None
    url: str | None = None
    categories: tuple[str, ...] = ()
    cleaning_notes: tuple[str, ...] = ()
    # None: stored before original offsets were kept (only stored-text offsets known)
    offsets_in: OffsetsIn | None = None
    # (start, end, original): edits rebuilding the original text (quotedesk.offsets)
    source_edits: tuple[tuple[int, int, str], ...] = ()

    def __post_init__(self) -> None:
        # JSON copies (the store, the lexical index) hand the edits back as lists
        object.__setattr__(self, "source_edits", tuple(tuple(e) for e in self.source_edits))

    # primary sources: a transcript's turns and cue times, a PDF's page starts (offsets)
    kind: SourceKind = "article"
    turns: tuple[Turn, ...] = ()
    times: tuple[tuple[int, str], ...] = ()  # (offset, "00:12:31") where each timed cue starts
    pages: tuple[int, ...] = ()  # offset where page n starts is pages[n - 1]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["categories"] = list(self.categories)
        data["cleaning_notes"] = list(self.cleaning_notes)
        data["source_edits"] = [list(edit) for edit in self.source_edits]
        return data

    def original(self) -> str | None:
        """The original text (see ``offsets_in``), rebuilt exactly; None when not kept."""
        return None if self.offsets_in is None else original_text(self.text, self.source_edits)

    def original_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where stored ``text[start:end]`` stands in the original text; None when not kept."""
        return None if self.offsets_in is None else original_span(self.source_edits, start, end)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The inverse of ``to_dict`` (JSON lists back to tuples and turns)."""
        fields = dict(data)
        for key in ("categories", "cleaning_notes", "pages"):
            fields[key] = tuple(fields.get(key) or ())
        fields["turns"] = tuple(Turn(**t) for t in fields.get("turns") or ())
        fields["times"] = tuple((int(o), str(t)) for o, t in fields.get("times") or ())
        return cls(**fields)

    def page_at(self, offset: int) -> int | None:
        """The PDF page an offset is on (1-based); None for other sources."""
        return bisect_right(self.pages, offset) if self.pages else None

    def time_at(self, offset: int) -> str | None:
        """When the words at an offset were said (the cue they start in), if timed."""
        at = bisect_right([o for o, _t in self.times], offset)
        return self.times[at - 1][1] if at else None


@dataclass(frozen=True)
class Speaker:
    """One person quoted in the library, however each article names them.

    ``forms`` are the names seen ("Dana Ortiz", "Ortiz"); ``uncertain`` counts quotes
    whose attribution is below ``SPEAKER_CERTAIN`` (counted, but not sure to be theirs);
    ``first``/``last`` are the earliest and latest publication dates (None if undated).
    """

    name: str
    forms: tuple[str, ...]
    titles: tuple[str, ...]
    quotes: int
    uncertain: int = 0
    first: str | None = None
    last: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ArticleSummary:
    """An article as listed in the library: metadata and counts, no text."""

    id: str
    title: str
    source: str
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    quote_count: int = 0
    passage_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Sentence:
    """A sentence span of an article's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quote:
    """A statement found in an article and the speaker it is attributed to.

    ``text == article.text[start:end]`` always holds. ``speaker`` is the canonical
    (fullest) name the article gives, or None when the article does not say.
    """

    text: str
    start: int
    end: int
    speaker: str | None
    kind: QuoteKind
    confidence: float
    speaker_title: str | None = None
    cue: str | None = None
    mention: str | None = None  # the words that named the speaker here ("he", "Putin")
    mention_kind: MentionKind = "none"
    article_id: str = ""
    id: str = ""

    @property
    def speaker_uncertain(self) -> bool:
        """A named speaker stored below ``SPEAKER_CERTAIN``: shown, never asserted."""
        return _below_certain(self.speaker, self.confidence)

    @property
    def speaker_resolved(self) -> bool:
        """False when the article does not say who spoke: no speaker, or a pronoun or
        description ("the director") the attribution could not tie to anyone named.
        Derived from the stored fields, so every store round-trips it."""
        if self.speaker is None:
            return False
        return not (self.mention_kind in ("pronoun", "nominal") and self.speaker == self.mention)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "speaker_resolved": self.speaker_resolved}


@dataclass(frozen=True)
class Passage:
    """A chunk of whole sentences; the unit of passage retrieval."""

    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Citation:
    """Where words appear: the article, the quote sliced by offsets, its passage.

    ``start``/``end`` index the stored text; ``file_start``/``file_end`` the original
    text ``offsets_in`` names (None for articles stored before it was kept), where
    ``quote`` stands exactly: quote and passage are sliced from the original text.
    """

    article_id: str
    title: str
    author: str | None
    outlet: str | None
    published: str | None
    speaker: str | None
    quote: str
    passage: str
    start: int
    end: int
    source: str
    speaker_title: str | None = None
    score: float = 0.0
    file_start: int | None = None
    file_end: int | None = None
    offsets_in: OffsetsIn | None = None
    speaker_confidence: float | None = None  # of the stored attribution, when a quote is cited

    @property
    def speaker_uncertain(self) -> bool:
        """A named speaker stored below ``SPEAKER_CERTAIN``: shown, never asserted."""
        return _below_certain(self.speaker, self.speaker_confidence)

    medium: SourceKind = "article"
    page: int | None = None  # the PDF page the quote starts on
    timestamp: str | None = None  # when a transcript's speaker said it ("00:12:31")

    def where(self) -> str:
        """Where the words are, as prose: in "T", on p. 3 of "T" or at 00:12:31 in the
        transcript "T"."""
        title = f"\u201c{self.title}\u201d"
        if self.medium == "transcript":
            at = f"at {self.timestamp} " if self.timestamp else ""
            return f"{at}in the transcript {title}"
        if self.page is not None:
            return f"on p. {self.page} of {title}"
        return f"in {title}"

    def locator(self) -> str | None:
        """A short note of the place for bylines: "transcript, at 00:12:31", "p. 3"."""
        if self.medium == "transcript":
            return f"transcript, at {self.timestamp}" if self.timestamp else "transcript"
        return f"p. {self.page}" if self.page is not None else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "author": self.author,
            "outlet": self.outlet,
            "published": self.published,
            "speaker": self.speaker,
            "quote": self.quote,
            "passage": self.passage,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "file_start": self.file_start,
            "file_end": self.file_end,
            "offsets_in": self.offsets_in,
            "speaker_confidence": self.speaker_confidence,
            "speaker_uncertain": self.speaker_uncertain,
            "medium": self.medium,
            "page": self.page,
            "timestamp": self.timestamp,
        }


@dataclass(frozen=True)
class Candidate:
    """One scored hit shown when an answer cannot be given ("what was searched")."""

    kind: Literal["quote", "passage"]
    id: str
    text: str
    score: float


@dataclass(frozen=True)
class SearchTrace:
    """What retrieval looked at, so a 'not found' can show its work."""

    queries: tuple[str, ...] = ()
    filters: dict[str, Any] = field(default_factory=dict)
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class Answer:
    """An answer to a question, with the citations that support it."""

    answer: str
    speaker: str | None = None
    citations: tuple[Citation, ...] = ()
    trace: SearchTrace | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "speaker": self.speaker,
            "citations": [c.to_dict() for c in self.citations],
        }


@dataclass(frozen=True)
class DiffOp:
    """One step of a word-level diff between a claimed quote and the source.

    ``op`` is "equal", "insert" (only in the claim), "delete" (only in the source)
    or "replace"; ``flag`` names a meaning-changing edit ("negation", "number",
    "antonym") or is None.
    """

    op: Literal["equal", "insert", "delete", "replace"]
    source: str
    claim: str
    flag: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Verification:
    """The provenance verdict for a quote, with its evidence.

    ``verdict == "verified"`` only when the words are verbatim in the library *and* the
    claimed speaker is the stored one, stored with confidence; ``speaker_check`` says
    why words found verbatim were not (``None`` when the words were not found verbatim).
    """

    verdict: Verdict
    quote: str
    speaker: str | None = None
    claimed_speaker: str | None = None
    similarity: float = 0.0
    diff: tuple[DiffOp, ...] = ()
    citation: Citation | None = None
    appearances: tuple[Citation, ...] = ()
    trace: SearchTrace | None = None
    elided: tuple[str, ...] = ()  # source words the claim's ellipses stand for
    speaker_check: SpeakerCheck | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "speaker_check": self.speaker_check,
            "speaker": self.speaker,
            "claimed_speaker": self.claimed_speaker,
            "similarity": self.similarity,
            "diff": [d.to_dict() for d in self.diff],
            "citation": self.citation.to_dict() if self.citation else None,
            "appearances": [a.to_dict() for a in self.appearances],
            "elided": list(self.elided),
        }


@dataclass(frozen=True)
class FileResult:
    """What happened to one input (a file, or one record of a JSONL file)."""

    source: str
    status: IngestStatus
    article_id: str | None = None
    title: str | None = None
    reason: str | None = None  # why it failed, in words a user can act on
    notes: tuple[str, ...] = ()  # e.g. "body repeated 2x; stored once"
    passages: int = 0
    quotes: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["notes"] = list(self.notes)
        return data


@dataclass(frozen=True)
class IngestReport:
    """The outcome of one ingest call: one result per input, never aborted by one bad file."""

    results: tuple[FileResult, ...] = ()

    def _with(self, status: IngestStatus) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    @property
    def added(self) -> list[FileResult]:
        return self._with("added")

    @property
    def updated(self) -> list[FileResult]:
        return self._with("updated")

    @property
    def unchanged(self) -> list[FileResult]:
        return self._with("unchanged")

    @property
    def failed(self) -> list[FileResult]:
        return self._with("failed")

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "failed": len(self.failed),
            "results": [r.to_dict() for r in self.results],
        }
