"""PDFs as sources (statements, reports, filings): text per page with pypdf.

The pages' text is stored as one article, pages separated by a blank line, and the
offset where each page starts is kept (``Article.pages``) so a citation can give its
page. A PDF with no text layer (a scan) or one locked by a password is refused with
that reason: guessing text from an image is OCR's job, not ours.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ingest.clean import clean_text
from quotedesk.errors import LoadError
from quotedesk.models import Article

MB = 1024 * 1024


def read_pdf(path: Path, source: str, max_bytes: int) -> Article:
    """The Article of a PDF file; ``LoadError`` for a scan, a password or a broken file."""
    from ingest.load import make_article

    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(source, f"file is {size / MB:.1f} MB, over the {max_bytes / MB:g} MB limit")
    reader = _open(path, source)
    pages = [_page_text(page) for page in reader.pages]
    if not any(pages):
        raise LoadError(
            source, "the PDF has no text layer (a scanned image?); run OCR on it and add the result"
        )
    blank = [str(n) for n, text in enumerate(pages, 1) if not text]
    notes = [f"no text on page(s) {', '.join(blank)} (scanned?)"] if blank else []
    info = _metadata(reader)
    article = make_article(
        text_raw="\n\n".join(p for p in pages if p),
        source=source,
        notes=notes,
        title=info.pop("title", None) or Path(source).stem,
        **info,
    )
    starts = page_starts(pages, article.text)
    digest = hashlib.sha256(f"{article.content_hash}{starts}".encode()).hexdigest()
    return replace(article, kind="pdf", pages=starts, content_hash=digest)


def _open(path: Path, source: str) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(
                source, "the PDF is encrypted (password-protected); add an unprotected copy"
            )
        if not reader.pages:  # reading the page tree finds most damage now
            raise LoadError(source, "the PDF has no pages")
    except DependencyError as error:  # an encryption this install cannot open
        raise LoadError(source, f"the PDF is encrypted and cannot be opened: {error}") from error
    except (PdfReadError, ValueError, KeyError, IndexError) as error:
        raise LoadError(source, f"not a readable PDF: {error}") from error
    return reader


def _page_text(page: Any) -> str:
    """One page's text, cleaned as article text is (each page on its own)."""
    return clean_text(page.extract_text() or "").text


def _metadata(reader: Any) -> dict[str, Any]:
    meta = reader.metadata or {}
    found: dict[str, Any] = {
        "title": getattr(meta, "title", None),
        "author": getattr(meta, "author", None),
    }
    created = getattr(meta, "creation_date", None) if meta else None
    if isinstance(created, datetime):
        found["published"] = created.date().isoformat()
    return {k: v for k, v in found.items() if v}


def _find_line(text: str, line: str, start: int) -> int:
    """Where ``line`` stands as a whole line of ``text`` at or after ``start``; -1 if nowhere."""
    at = text.find(line, start)
    while at >= 0:
        end = at + len(line)
        if (at == 0 or text[at - 1] == "\n") and (end == len(text) or text[end] == "\n"):
            return at
        at = text.find(line, at + 1)
    return -1


def page_starts(pages: list[str], text: str) -> tuple[int, ...]:
    """Where each page starts in the stored text: the first of its lines found after the
    previous page's lines (the cleaner may have dropped a repeated footer from a page)."""
    starts: list[int | None] = []
    search = 0
    for page in pages:
        start = None
        for line in filter(None, page.split("\n")):
            at = _find_line(text, line, search)
            if at >= 0:
                start = at if start is None else start
                search = at + len(line)
        starts.append(start)
    # a page without text starts where the next page with text does
    following = len(text)
    for n in reversed(range(len(starts))):
        following = starts[n] if starts[n] is not None else following
        starts[n] = following
    return tuple(s for s in starts if s is not None)
