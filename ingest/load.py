"""Turn files into ``Article`` objects: read safely, parse the format, clean, identify.

``load`` is the entry point for paths. It never raises for bad input: each file (or
JSONL line) that cannot become an article is yielded as a ``LoadError`` with a reason
a user can act on, and loading goes on with the next one.

Formats: the header format of the reference article (``Published Time:`` ...
``Text:``, recognised by content whatever the extension), plain ``.txt``, ``.md``,
``.html``/``.htm`` (trafilatura, never fetching anything), ``.jsonl`` (one record a
line) and ``.json`` (one record or a list); transcripts (``.vtt``, ``.srt`` and
speaker-labelled ``.txt``, see ``ingest.transcript``) and ``.pdf`` (``ingest.pdf``).
Directories are read recursively in sorted order, hidden files and folders skipped.

Sources: a file's source is the path as given (``str(path)``). A JSONL record's
source is ``"{path}:{line}"`` (1-based line, as an editor shows it), also used by
the error for a bad line; a record of a JSON list is ``"{path}[{index}]"`` (0-based).
A record's url is kept in ``Article.url``, not in the source, so every source points
at the bytes it came from.

Offsets in the original: each article keeps the edits that rebuild, from its cleaned
text, the text a user can open (``Article.offsets_in`` says which): for ``.txt`` and
``.md`` files the file itself as decoded (header block and markdown syntax included,
line ends as they are, a byte-order mark not counted); for HTML the text extracted from
it (markup has no clean slice); for JSON and JSONL records the record's text field as
decoded (or the text extracted from it, when it holds HTML).

Identity: ``Article.id`` is the first 16 hex digits of sha256 of the normalised
cleaned text, so the same article loaded from anywhere gets the same id.
``content_hash`` covers the cleaned text, the metadata and the offset edits (not the
source), so a corrected title or date, or a file whose layout changed, counts as a change.
"""

from __future__ import annotations

import errno
import hashlib
import json
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import charset_normalizer
from dateutil import parser as dateparser

from ingest.clean import clean_text
from ingest.plain import dateline_metadata, file_title
from quotedesk.errors import LoadError
from quotedesk.inputs import printable
from quotedesk.models import Article, OffsetsIn
from quotedesk.offsets import Tracked, edits_between, joined
from quotedesk.text import normalize

MB = 1024 * 1024
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".vtt": "webvtt",
    ".srt": "srt",
    ".pdf": "pdf",
}
SUPPORTED = ", ".join(sorted(FORMATS))
METADATA_FIELDS = (
    "author",
    "author_title",
    "author_description",
    "published",
    "outlet",
    "url",
    "categories",
)
# What scrapers write when they have no value.
_UNKNOWN = frozenset({"", "author details not found", "unknown", "n/a", "na", "none", "null"})

_SNIFF_BYTES = 64 * 1024
_MAX_CONTROL_RATIO = 0.05
_MAX_FALLBACK_NON_ASCII = 0.3
_MIN_COHERENCE = 0.2  # charset-normalizer's language fit for a detected code page (0-1)
_MIN_UTF16_NULS = 0.3  # share of NUL bytes in one byte lane that makes it UTF-16
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}

_TITLE_MAX_CHARS = 150
_TITLE_MAX_WORDS = 20
_FALLBACK_TITLE_CHARS = 80
_MIN_SENTENCE_WORDS = 4  # fewer words with a full stop are a label, not article text


def load(paths: Iterable[str | Path], *, max_bytes: int = 10 * MB) -> Iterator[Article | LoadError]:
    """Articles from files and directories, a ``LoadError`` for each input that fails."""
    for path in paths:
        yield from _load_path(Path(path), str(path), max_bytes)


def load_text(
    raw: str, *, source: str, fmt: str = "auto", offsets_in: OffsetsIn = "text", **metadata: Any
) -> Article:
    """One article from text already in memory; raises ``LoadError`` when there is none.

    ``fmt`` is "auto" (header format, HTML or markdown recognised by content, else
    plain text), "header", "text", "markdown", "html" or "json" (one record).
    Keyword metadata (title, author, published, ...) overrides what the text says.
    Offsets in the original index ``raw`` (``offsets_in``: "file" when it is a file's
    text), or the extracted text of HTML, or a JSON record's text.
    """
    parsers = {
        "header": _parse_header,
        "text": _parse_plain,
        "markdown": _parse_markdown,
        "html": _parse_html,
        "json": _parse_record_text,
    }
    if fmt == "auto":
        fmt = _sniff_format(raw)
    if fmt not in parsers:
        raise ValueError(f"unknown format {fmt!r}; choose auto or one of {', '.join(parsers)}")
    body, found = parsers[fmt](raw, source)
    found.setdefault("offsets_in", offsets_in)
    found.update({k: v for k, v in metadata.items() if v is not None})
    return make_article(text_raw=body, source=source, **found)


def make_article(
    *,
    text_raw: str,
    source: str,
    title: str | None = None,
    notes: Sequence[str] = (),
    original: str | None = None,
    origin: Sequence[int] | None = None,
    offsets_in: OffsetsIn = "text",
    **metadata: Any,
) -> Article:
    """Clean ``text_raw`` and build the Article with its content id and hash.

    ``metadata`` takes the optional Article fields (author, author_title,
    author_description, published, outlet, url, categories); placeholders such as
    "Author details not found" become None and dates become ISO 8601. ``notes`` are
    loader remarks (e.g. a fallback encoding) put before the cleaning notes.
    ``original`` is the text offsets in the original refer to (default ``text_raw``),
    ``origin[i]`` the position in it of ``text_raw[i]``, ``offsets_in`` what it is.
    """
    unknown = set(metadata) - set(METADATA_FIELDS)
    if unknown:
        raise TypeError(f"unknown article field(s): {', '.join(sorted(unknown))}")
    cleaned = clean_text(text_raw)
    if not cleaned.text:
        raise LoadError(source, "no article text")
    all_notes = list(notes)
    fields: dict[str, Any] = {k: _known(metadata.get(k)) for k in METADATA_FIELDS}
    fields["categories"] = _categories(metadata.get("categories"))
    if fields["published"] is not None:
        published = iso_date(fields["published"])
        if published is None:
            all_notes.append(f"could not read the date {fields['published']!r}; left empty")
        fields["published"] = published
    title = _known(title) or headline(cleaned.text) or _first_words(cleaned.text)
    tracked = Tracked(cleaned.text, cleaned.origin)
    edits = edits_between(tracked.within(origin) if origin else tracked, original or text_raw)
    identity = {"title": title, **fields, "categories": list(fields["categories"])}
    located = json.dumps([offsets_in, edits])
    digest = hashlib.sha256(
        (cleaned.text + "\n" + json.dumps(identity, sort_keys=True) + located).encode()
    ).hexdigest()
    return Article(
        id=hashlib.sha256(normalize(cleaned.text).encode()).hexdigest()[:16],
        title=title,
        text=cleaned.text,
        source=source,
        content_hash=digest,
        cleaning_notes=(*all_notes, *cleaned.notes),
        offsets_in=offsets_in,
        source_edits=edits,
        **fields,
    )


# --- paths and bytes ---------------------------------------------------------------


def _load_path(path: Path, source: str, max_bytes: int) -> Iterator[Article | LoadError]:
    if path.is_dir():
        yield from _load_dir(path, source, max_bytes)
    elif path.exists():
        yield from _load_file(path, source, max_bytes)
    elif path.is_symlink():
        yield LoadError(source, _symlink_problem(path) or "symbolic link cannot be followed")
    else:
        yield LoadError(source, "no such file or directory")


def _load_dir(root: Path, source: str, max_bytes: int) -> Iterator[Article | LoadError]:
    entries = sorted(
        p
        for p in root.rglob("*")
        if not any(part.startswith(".") for part in p.relative_to(root).parts)
        and (p.is_file() or p.is_symlink())
    )
    if not entries:
        yield LoadError(source, "directory has no files")
    for path in entries:
        skipped = _symlink_problem(path) if path.is_symlink() else None
        if skipped:
            yield LoadError(str(path), skipped)
        else:
            yield from _load_file(path, str(path), max_bytes)


def _symlink_problem(link: Path) -> str | None:
    """Why the symbolic link ``link`` is skipped; None when it leads to a file to read.

    Links to directories are not followed inside a directory (a link back up would
    read the same files forever); each skipped link is reported, not dropped silently.
    """
    try:
        target = link.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop this way, later versions as OSError
        return "symbolic link loop; skipped"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop; skipped"
        return "broken symbolic link (its target does not exist); skipped"
    if target.is_dir():
        return "symbolic link to a directory, not followed; give that directory itself to read it"
    return None


def _load_file(path: Path, source: str, max_bytes: int) -> Iterator[Article | LoadError]:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        kind = path.suffix.lower() or "(no file extension)"
        yield LoadError(source, f"unsupported format {kind} (supported: {SUPPORTED})")
        return
    try:
        from ingest import pdf, transcript  # they build on make_article below

        if fmt == "pdf":
            yield pdf.read_pdf(path, source, max_bytes)
            return
        raw, notes = read_text(path, source, max_bytes)
        fmt = _sniff_format(raw, fmt) if fmt == "text" else fmt
        if fmt in ("webvtt", "srt") or (fmt == "text" and transcript.looks_like_transcript(raw)):
            yield transcript.read_transcript(raw, source, fmt, notes)
        elif fmt == "jsonl":
            yield from _jsonl_articles(raw, source, notes)
        elif fmt == "json":
            yield from _json_articles(raw, source, notes)
        else:
            # header-format files are recognised by content, whatever the extension
            fmt = _sniff_format(raw, fmt)
            yield load_text(raw, source=source, fmt=fmt, offsets_in="file", notes=notes)
    except LoadError as error:
        yield error
    except OSError as error:
        yield LoadError(source, f"cannot read file: {error.strerror or error}")
    except (ValueError, RecursionError) as error:  # a parser choking on odd content
        yield LoadError(source, f"cannot parse {fmt}: {error}")


def read_text(path: Path, source: str, max_bytes: int) -> tuple[str, tuple[str, ...]]:
    """The file's text and any note about its encoding; ``LoadError`` when it is not text.

    The size is checked from ``stat`` before reading, so a huge file costs nothing.
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(
            source,
            f"file is {size / MB:.1f} MB, over the {max_bytes / MB:g} MB limit "
            "(QUOTEDESK_MAX_FILE_MB)",
        )
    data = path.read_bytes()
    if not data.strip():
        raise LoadError(source, "empty file")
    text, notes = decode(data, source)
    if not text.strip():
        raise LoadError(source, "empty file")
    return text, notes


def decode(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as UTF-8 (BOM or not), UTF-16, clean-looking cp1252, or a code page
    charset-normalizer recognises; else ``LoadError`` naming the first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            pass  # not really UTF-16: judge it like any other bytes below
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return _utf16_without_bom(data, source)
    if sum(b in _CONTROL for b in sample) > _MAX_CONTROL_RATIO * len(sample):
        raise LoadError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    non_ascii = sum(ord(c) > 127 for c in text)
    if text and non_ascii <= _MAX_FALLBACK_NON_ASCII * len(text):
        return text, ("not valid UTF-8; decoded as Windows-1252 (cp1252)",)
    guess = charset_normalizer.from_bytes(data).best()  # other legacy code pages, by statistics
    # coherence: the decoded letters read as a language; a few stray bytes in ASCII never do
    if guess is not None and guess.coherence >= _MIN_COHERENCE:
        return str(guess), (f"not valid UTF-8; detected and decoded as {guess.encoding}",)
    raise LoadError(
        source,
        f"cannot decode as UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset "
        f"{utf8_error.start}); save the file as UTF-8",
    )


def _utf16_without_bom(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Text saved as UTF-16 with no byte-order mark, or ``LoadError`` naming what it is.

    In UTF-16 text of a Latin script every other byte is NUL: the odd ones when it is
    little-endian, the even ones when big-endian. Anything else with NULs is binary.
    """
    sample = data[:_SNIFF_BYTES]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) / 2
    if odd >= _MIN_UTF16_NULS * half and even <= _MAX_CONTROL_RATIO * half:
        encoding, order = "utf-16-le", "little-endian"
    elif even >= _MIN_UTF16_NULS * half and odd <= _MAX_CONTROL_RATIO * half:
        encoding, order = "utf-16-be", "big-endian"
    else:
        raise LoadError(source, "binary file, not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise LoadError(
            source,
            f"looks like UTF-16 ({order}) without a byte-order mark but does not decode; "
            "save the file as UTF-8",
        ) from None
    if sum(ord(c) in _CONTROL for c in text) > _MAX_CONTROL_RATIO * len(text):
        raise LoadError(source, "binary file, not text")
    return text, (f"UTF-16 ({order}) without a byte-order mark; read as such",)


# --- records -----------------------------------------------------------------------


def _jsonl_articles(raw: str, source: str, notes: tuple[str, ...]) -> Iterator[Article | LoadError]:
    lines = raw.split("\n")
    if not any(line.strip() for line in lines):
        yield LoadError(source, "empty file")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield LoadError(where, f"invalid JSON ({error.msg}, column {error.colno})")
            continue
        yield from _record_article(record, where, notes)


def _json_articles(raw: str, source: str, notes: tuple[str, ...]) -> Iterator[Article | LoadError]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        yield LoadError(
            source, f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}"
        )
        return
    if isinstance(data, list):
        if not data:
            yield LoadError(source, "the JSON list has no records")
        for index, record in enumerate(data):
            yield from _record_article(record, f"{source}[{index}]", notes)
    else:
        yield from _record_article(data, source, notes)


def _record_article(
    record: Any, source: str, notes: tuple[str, ...]
) -> Iterator[Article | LoadError]:
    valid = _valid_unicode(record)
    if valid != record:
        notes = (*notes, "invalid Unicode (a lone surrogate such as \\ud800) replaced by U+FFFD")
    try:
        body, found = _record_fields(valid, source)
        yield make_article(text_raw=body, source=source, notes=notes, **found)
    except LoadError as error:
        yield error


def _valid_unicode(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings replaced by U+FFFD.

    JSON may escape half a surrogate pair (``"\\ud800"``); such a string cannot be
    encoded, so the store would fail on it.
    """
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list):
        return [_valid_unicode(item) for item in value]
    if isinstance(value, dict):
        return {key: _valid_unicode(item) for key, item in value.items()}
    return value


def _parse_record_text(raw: str, source: str) -> tuple[str, dict[str, Any]]:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        raise LoadError(source, f"malformed JSON: {error.msg}") from error
    return _record_fields(record, source)


_JSON_KINDS = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


def _record_fields(record: Any, source: str) -> tuple[str, dict[str, Any]]:
    """A JSON article record: ``text`` (or ``body``/``content``) plus optional metadata."""
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), "value")
        raise LoadError(source, f"record is a JSON {kind}, expected an object with a 'text' field")
    text = next((v for k in ("text", "body", "content") if _is_text(v := record.get(k))), None)
    if text is None:
        raise LoadError(
            source, "record has no text (expected a non-empty 'text', 'body' or 'content' field)"
        )
    metadata = {
        "title": record.get("title") or record.get("headline"),
        "author": _names(record.get("author") or record.get("authors")),
        "author_title": record.get("author_title"),
        "author_description": record.get("author_description"),
        "published": record.get("published") or record.get("date"),
        "url": record.get("url"),
        "outlet": record.get("outlet") or record.get("sitename") or record.get("publisher"),
        "categories": record.get("categories") or record.get("category"),
    }
    body, found = _parse_html(text, source) if _looks_like_html(text) else (text, {})
    found.setdefault("offsets_in", "record")
    for key, value in metadata.items():
        if value is not None:
            found[key] = value if key == "categories" else str(value)
    return body, found


def _names(value: Any) -> Any:
    """Author lists joined with ", "; anything else as it is."""
    if isinstance(value, list):
        return ", ".join(str(name) for name in value if name) or None
    return value


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


# --- document formats --------------------------------------------------------------

_HEADER_FIELDS = {
    "published time": "published",
    "published": "published",
    "title": "title",
    "author": "author",
    "author title": "author_title",
    "author description": "author_description",
}
_HEADER_KEY = re.compile(
    r"(Published(?: Time)?|Title|Category \d+|Author(?: title| description)?)\s*:", re.I
)
_HEADER_TEXT = re.compile(r"^Text:[ \t]*", re.M)
_HEADER_SCAN_LINES = 30


def _sniff_format(raw: str, default: str = "text") -> str:
    head = raw.lstrip("\ufeff \t\r\n")
    if _HEADER_KEY.match(head) and _HEADER_TEXT.search(
        "\n".join(head.split("\n")[:_HEADER_SCAN_LINES])
    ):
        return "header"
    if default != "text":
        return default
    if _looks_like_html(head):
        return "html"
    if head.startswith("---\n") or re.match(r"#{1,6} \S", head):
        return "markdown"
    return "text"


def _parse_header(raw: str, source: str) -> tuple[str, dict[str, Any]]:
    """The reference format: ``Key: value`` lines, then ``Text:`` and the body.

    The body is left as it is in ``raw`` (cleaning handles its line ends), so its
    offsets in the file are known.
    """
    marker = _HEADER_TEXT.search(raw)
    if marker is None:
        raise LoadError(source, "header format without a 'Text:' line")
    found: dict[str, Any] = {"original": raw, "origin": range(marker.end(), len(raw))}
    categories: list[str] = []
    for line in raw[: marker.start()].lstrip("\ufeff").replace("\r\n", "\n").split("\n"):
        for field in re.split(r";\s*(?=[A-Za-z][A-Za-z ]*\d*\s*:)", line):
            key, sep, value = field.partition(":")
            key = key.strip().lower()
            if not sep:
                continue
            if key.startswith("category"):
                categories.append(value.strip())
            elif key in _HEADER_FIELDS:
                found[_HEADER_FIELDS[key]] = value.strip()
    found["categories"] = categories
    return raw[marker.end() :], found


def _parse_plain(raw: str, source: str) -> tuple[str, dict[str, Any]]:
    """No header: a headline-like first line or else the file name is the title; the
    date and outlet only when a dateline states them (``ingest.plain``)."""
    found: dict[str, Any] = dict(dateline_metadata(raw))
    title = headline(raw.strip()) or file_title(source)
    if title:
        found["title"] = title
    return raw, found


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(body|article|p|div)[\s>]", head)
    )


def _parse_html(raw: str, source: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata via trafilatura; works on the string, never fetches."""
    import trafilatura  # heavy: only when there is HTML

    document = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=True
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not _has_prose(text):
        raise LoadError(source, "no article text found in the HTML (only menus or link labels)")
    title = document.title
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:])  # the headline is the title, not body text
    found = {
        "title": title,
        "author": document.author,
        "published": document.date,
        "outlet": document.sitename,
        "url": document.url,
        "categories": document.categories or [],
        "offsets_in": "html",
    }
    return text, {k: v for k, v in found.items() if v}


def _has_prose(text: str) -> bool:
    """Does text extracted from HTML hold a sentence? A page without an article still
    yields its menu ("Home X"), which must not be stored as one."""
    return any(
        len(line.split()) >= _MIN_SENTENCE_WORDS and re.search(r"[.!?]", line)
        for line in text.split("\n")
    )


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_MD_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images: the alt text is not article text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),
)
_MD_DROP_LINE = re.compile(r"^\s*(?:```.*|~~~.*|(?:[-*_]\s*){3,}|=+|\[[^\]]+\]:\s+\S.*)$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_CRLF = re.compile(r"\r\n")
_LEADING_BOM = re.compile(r"\A\ufeff+")
_MD_PREFIX = re.compile(r"^\s*(?:>\s?)+|^\s*(?:[-*+]|\d+[.)])\s+")


def _parse_markdown(raw: str, source: str) -> tuple[str, dict[str, Any]]:
    """Plain text from markdown; front matter and the first ``# Title`` give metadata.

    Tracked, so offsets in the file are known for every character kept.
    """
    text = Tracked(raw).sub(_CRLF, "\n").sub(_LEADING_BOM, "")
    found: dict[str, Any] = {}
    front = _FRONT_MATTER.match(text.text)
    if front:
        found = _front_matter(front.group(1))
        text = text.select([(front.end(), len(text.text))])
    lines: list[Tracked] = []
    start = 0
    for line in text.text.split("\n"):
        piece = text.select([(start, start + len(line))])
        start += len(line) + 1
        if _MD_DROP_LINE.match(line):
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            title = heading.group(1)
            opening = not any(kept.text.strip() for kept in lines)
            if opening and line.startswith("# ") and found.get("title", title) == title:
                found["title"] = title  # the headline is the title, not body text
                continue
            piece = piece.select([heading.span(1)])
        piece = piece.sub(_MD_PREFIX, "")
        for pattern, replacement in _MD_INLINE:
            piece = piece.sub(pattern, replacement)
        lines.append(piece)
    body = joined(lines, "\n")
    return body.text, {**found, "original": raw, "origin": body.origin}


def _front_matter(block: str) -> dict[str, Any]:
    """``key: value`` lines of YAML front matter (the simple subset articles use)."""
    aliases = {"date": "published", "authors": "author", "site": "outlet", "tags": "categories"}
    found: dict[str, Any] = {}
    for line in block.split("\n"):
        key, sep, value = line.partition(":")
        key = aliases.get(key.strip().lower(), key.strip().lower())
        value = value.strip()
        if not sep or not value or (key not in METADATA_FIELDS and key != "title"):
            continue
        if value.startswith("[") and value.endswith("]"):
            items = [v.strip().strip("'\"") for v in value[1:-1].split(",") if v.strip()]
            found[key] = items if key == "categories" else ", ".join(items)
        else:
            found[key] = value.strip("'\"")
    return found


# --- metadata ----------------------------------------------------------------------

# Two different defaults: a field both parses agree on was written in the text, not filled in.
_DEFAULTS = (datetime(2000, 1, 1, 0, 0), datetime(2001, 2, 2, 1, 1))


def iso_date(value: Any) -> str | None:
    """ISO 8601 for a date ("2021-12-16") or datetime (when a time is given); None if unreadable.

    Free text goes through python-dateutil, but only a full date counts: "Tuesday",
    "March 2021" or "2021" would otherwise be completed with invented parts.
    """
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)  # "EST" and kin
        try:
            first, second = (dateparser.parse(text, default=d) for d in _DEFAULTS)
        except (ValueError, OverflowError):
            return None
    if first.date() != second.date():
        return None
    return first.isoformat() if first.time() == second.time() else first.date().isoformat()


def _known(value: Any) -> Any:
    """None for empty values and scraper placeholders ("Author details not found")."""
    if isinstance(value, str):
        value = " ".join(value.split())
        return None if value.lower() in _UNKNOWN else value
    return value


def _categories(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list | tuple) else [value]
    return tuple(c for c in (_known(str(item)) for item in items) if c)


def headline(text: str) -> str | None:
    """The first line when it reads like a headline: short, one line, no final period."""
    lines = text.split("\n", 1)
    first = lines[0].strip()
    if len(lines) < 2 or not first or not (first[0].isupper() or first[0].isdigit()):
        return None
    if len(first) > _TITLE_MAX_CHARS or len(first.split()) > _TITLE_MAX_WORDS:
        return None
    if first.endswith((".", ",", ";", ":")) or re.search(r"[.!?]\s+[A-Z]", first):
        return None
    return first


def _first_words(text: str) -> str:
    """A stand-in title when the article has none: its opening words."""
    first = text.split("\n", 1)[0].strip()
    if len(first) <= _FALLBACK_TITLE_CHARS:
        return first
    cut = first.rfind(" ", 0, _FALLBACK_TITLE_CHARS)
    return first[: cut if cut > 0 else _FALLBACK_TITLE_CHARS] + "..."
