"""A small web site on loopback for the URL and feed tests: article pages, an RSS and an
Atom feed whose items a test chooses, and every way a download goes wrong."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!doctype html><html><head><title>{title}</title>
<meta name="author" content="Ola Brekke"></head><body><nav>Home | World</nav>
<article><h1>{title}</h1>
<p>"{words}," said Harbour Master Ines Kalvik on Monday.</p>
<p>The board met for three hours before the vote was taken by a show of hands.</p>
<p>Residents had asked for a second crossing for more than ten years.</p>
</article></body></html>"""
PAGES = {
    "/ferry.html": ("Ferry route saved", "The night ferry will keep sailing all winter"),
    "/bridge.html": ("Bridge repairs start", "We will close the old bridge for six weeks"),
    "/pier.html": ("Pier reopens", "The north pier is safe to walk on again"),
}
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour news</title>
<link>{base}/</link><description>local</description>{items}</channel></rss>"""
RSS_ITEM = "<item><title>{path}</title><link>{base}{path}</link></item>"
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour news</title>
<id>urn:harbour</id><updated>2024-05-01T00:00:00Z</updated>{items}</feed>"""
ATOM_ENTRY = """<entry><title>{path}</title><id>urn:{path}</id>
<updated>2024-05-01T00:00:00Z</updated><link href="{path}"/></entry>"""

LIMIT = 64 * 1024


class Site(BaseHTTPRequestHandler):
    """Pages, a feed whose items the test chooses, and every way a download goes wrong."""

    feed_items: list[str] = []
    requested: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.requested.append(self.path)
        base = f"http://{self.headers['Host']}"
        if self.path in PAGES:
            title, words = PAGES[self.path]
            self._send(200, "text/html; charset=utf-8", PAGE.format(title=title, words=words))
        elif self.path == "/feed.rss":
            items = "".join(RSS_ITEM.format(base=base, path=p) for p in self.feed_items)
            self._send(200, "application/rss+xml", RSS.format(base=base, items=items))
        elif self.path == "/feed.atom":  # relative links, resolved against the feed's URL
            items = "".join(ATOM_ENTRY.format(path=p) for p in self.feed_items)
            self._send(200, "application/atom+xml", ATOM.format(items=items))
        elif self.path == "/logo.png":
            self._send(200, "image/png", "\x89PNG\r\n")
        elif self.path == "/huge.html":  # no Content-Length: only the streamed cap stops it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"word " * (LIMIT // 2) + b"</p>")
        elif self.path == "/slow.html":
            time.sleep(3)
            self._send(200, "text/html", "<p>too late</p>")
        else:
            self._send(404, "text/html", "<p>no such page</p>")

    def _send(self, code: int, content_type: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        """Quiet: the test output is the report."""


@contextmanager
def serve() -> Iterator[str]:
    """The site's base URL while it runs; a new site starts with two feed items."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    Site.feed_items = ["/ferry.html", "/bridge.html"]
    Site.requested = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
