"""Web pages and feeds as inputs: ``quotedesk ingest https://...`` next to files.

A page is fetched with a timeout and a streamed size cap, then read by the same HTML
path as an uploaded ``.html`` (trafilatura, offsets in the extracted text); its source
and url are the URL asked for, so fetching it again finds the stored version. A feed
(RSS or Atom, parsed by feedparser) stands for its items: each item link not yet in the
library is fetched as a page. Every failure is a ``LoadError`` naming what went wrong
(HTTP status, content type, size, timeout, refused connection) and the batch goes on.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from quotedesk.errors import LoadError
from quotedesk.models import Article, FileResult

MB = 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# feeds are served under many names; generic XML is parsed to find out
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
_USER_AGENT = "quotedesk (+https://github.com/quotedesk)"

#: the sources already in the library, asked only when a feed needs them
KnownSources = Callable[[], set[str]]


@dataclass(frozen=True)
class Page:
    """A downloaded body with what the server said it is."""

    url: str
    content_type: str  # media type only, lower case ("" when the server sent none)
    charset: str | None
    body: bytes


def is_url(raw: object) -> bool:
    """Is this input a web address rather than a path?"""
    return isinstance(raw, str) and raw.lower().startswith(("http://", "https://"))


def load_url(
    url: str, *, max_bytes: int, timeout: float, known: KnownSources
) -> Iterator[Article | LoadError | FileResult]:
    """The article at ``url``, or each new item of the feed there; never raises."""
    try:
        page = fetch(url, max_bytes=max_bytes, timeout=timeout)
        links = feed_links(page)
        if links is None:
            yield _page_article(page)
            return
        if not links:
            raise LoadError(url, "the feed has no items with a link")
    except LoadError as error:
        yield error
        return
    stored = known()
    for link in links:
        if link in stored:
            yield FileResult(link, "unchanged", notes=("feed item already in the library",))
        else:
            yield _item(link, max_bytes, timeout)


def _item(link: str, max_bytes: int, timeout: float) -> Article | LoadError:
    """A feed item, always read as a page: a feed linking feeds is not followed further."""
    try:
        return _page_article(fetch(link, max_bytes=max_bytes, timeout=timeout))
    except LoadError as error:
        return error


def fetch(url: str, *, max_bytes: int, timeout: float) -> Page:
    """Download ``url``; ``LoadError`` on any failure, in words a user can act on.

    The body is streamed and abandoned at ``max_bytes`` (a wrong Content-Length cannot
    fool it), and ``timeout`` bounds the whole download, not only each read.
    """
    deadline = time.monotonic() + timeout
    try:
        with httpx.stream(
            "GET",
            url,
            timeout=timeout,
            follow_redirects=True,
            headers={"User-Agent": _USER_AGENT},
        ) as response:
            return _read(response, url, max_bytes, deadline)
    except httpx.TimeoutException as error:
        raise LoadError(url, f"timed out after {timeout:g} s") from error
    except httpx.ConnectError as error:
        raise LoadError(url, f"cannot connect: {_why(error)}") from error
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise LoadError(url, f"cannot fetch: {_why(error)}") from error


def _read(response: httpx.Response, url: str, max_bytes: int, deadline: float) -> Page:
    if response.is_error:
        raise LoadError(url, f"{response.status_code} {response.reason_phrase}".strip())
    media = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media and media not in _HTML_TYPES + _FEED_TYPES:
        raise LoadError(url, f"content type {media} is not a web page or a feed")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise LoadError(url, _too_big(max_bytes))
    body = bytearray()
    for piece in response.iter_bytes():
        body += piece
        if len(body) > max_bytes:
            raise LoadError(url, _too_big(max_bytes))
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("download too slow", request=response.request)
    return Page(url, media, response.charset_encoding, bytes(body))


def _too_big(max_bytes: int) -> str:
    return f"download is over the {max_bytes / MB:g} MB limit (QUOTEDESK_MAX_FILE_MB)"


def _why(error: Exception) -> str:
    text = str(error)
    return "connection refused" if "refused" in text.lower() else text or type(error).__name__


def feed_links(page: Page) -> list[str] | None:
    """The item links of the RSS or Atom feed in ``page``, in feed order without repeats;
    None when it is not a feed (an HTML page is never parsed as one)."""
    if page.content_type in _HTML_TYPES:
        return None
    import feedparser  # only when a URL answered with XML (or said nothing)

    # a file-like object: given a string, feedparser would treat it as a URL to fetch
    parsed = feedparser.parse(io.BytesIO(page.body))
    if not parsed.get("version"):
        return None
    # an item without a link is skipped: joined to the feed's URL it would name the feed
    links = (urljoin(page.url, entry["link"]) for entry in parsed.entries if entry.get("link"))
    return list(dict.fromkeys(link for link in links if is_url(link)))


def _page_article(page: Page) -> Article:
    from ingest.load import load_text

    if page.content_type not in ("", *_HTML_TYPES):  # XML that is no feed, or a feed item
        raise LoadError(page.url, f"content type {page.content_type} is not a web page")
    if not page.body.strip():
        raise LoadError(page.url, "empty page")
    text = _decoded(page)
    if not page.content_type and not text.lstrip().startswith("<"):
        raise LoadError(page.url, "the server sent no content type and this is not HTML")
    try:
        return load_text(text, source=page.url, fmt="html", offsets_in="html", url=page.url)
    except (ValueError, RecursionError) as error:  # trafilatura choking on odd markup
        raise LoadError(page.url, f"cannot parse html: {error}") from error


def _decoded(page: Page) -> str:
    """The body as text: the charset the server declared, else the file decoder's guess."""
    from ingest.load import decode

    if page.charset:
        try:
            return page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: judge the bytes themselves
    return decode(page.body, page.url)[0]
