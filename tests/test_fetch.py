"""`quotedesk ingest URL`: pages and feeds served on loopback, never the internet. A page
is stored under its URL with its quotes; every bad download fails alone with a named
reason; a feed adds only the items the library does not hold yet."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback_site import LIMIT, Site, serve

from ingest.pipeline import ingest
from quotedesk.config import Settings
from quotedesk.models import IngestReport
from quotedesk.store import Store


@pytest.fixture()
def site() -> Iterator[str]:
    with serve() as base:
        yield base


@pytest.fixture()
def store(db_path: Path) -> Store:
    return Store(Settings.from_env().with_(max_file_bytes=LIMIT, fetch_timeout=1.0))


def reasons(report: IngestReport) -> dict[str, str | None]:
    return {r.source: r.reason for r in report.results}


def test_a_page_is_stored_under_its_url_and_its_quote_is_sliced_from_it(
    store: Store, site: str
) -> None:
    url = f"{site}/ferry.html"
    report = ingest(store, [url])
    assert [r.status for r in report.results] == ["added"], report.results
    (article,) = [store.get_article(a.id) for a in store.articles()]
    assert (article.source, article.url, article.title) == (url, url, "Ferry route saved")
    assert "Home | World" not in article.text  # the menu is not article text
    (quote,) = store.quotes_of(article.id)
    assert quote.speaker.endswith("Ines Kalvik")
    assert article.text[quote.start : quote.end] == quote.text


def test_bad_downloads_fail_by_name_while_the_rest_is_stored(
    store: Store, site: str, tmp_path: Path
) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    refused = f"http://127.0.0.1:{closed.getsockname()[1]}/"
    closed.close()
    local = tmp_path / "note.txt"
    local.write_text('"The tide tables are wrong this month," said pilot Aud Strand.\n')
    bad = {
        f"{site}/gone.html": "404 Not Found",
        f"{site}/logo.png": "content type image/png is not a web page",
        f"{site}/huge.html": "over the 0.0625 MB limit",
        f"{site}/slow.html": "timed out after 1 s",
        refused: "connection refused",
    }
    report = ingest(store, [str(local), *bad, f"{site}/bridge.html"])
    assert [r.status for r in report.added] == ["added", "added"]
    for url, reason in bad.items():
        assert reason in (reasons(report)[url] or ""), (url, reasons(report)[url])
    assert store.stats()["articles"] == 2


@pytest.mark.parametrize("feed", ["/feed.rss", "/feed.atom"])
def test_a_feed_adds_only_the_items_not_yet_in_the_library(
    store: Store, site: str, feed: str
) -> None:
    first = ingest(store, [site + feed])
    assert sorted(r.source for r in first.added) == [f"{site}/bridge.html", f"{site}/ferry.html"]
    Site.feed_items = ["/pier.html", *Site.feed_items]
    Site.requested.clear()
    second = ingest(store, [site + feed])
    assert [r.source for r in second.added] == [f"{site}/pier.html"]
    assert len(second.unchanged) == 2
    assert Site.requested == [feed, "/pier.html"]  # stored items are not downloaded again
    assert store.stats()["articles"] == 3


def test_a_url_that_is_neither_page_nor_feed_says_so(store: Store, site: str) -> None:
    report = ingest(store, [f"{site}/logo.png", "https://"])
    assert [r.status for r in report.results] == ["failed", "failed"]
    assert reasons(report)["https://"].startswith("cannot fetch")


def test_a_feed_item_that_fails_is_named_and_the_other_items_are_stored(
    store: Store, site: str
) -> None:
    Site.feed_items = ["/gone.html", "/feed.rss", "/pier.html"]
    report = ingest(store, [f"{site}/feed.rss"])
    assert reasons(report)[f"{site}/gone.html"] == "404 Not Found"
    # an item that is itself a feed is not followed: one level of items only
    assert "is not a web page" in (reasons(report)[f"{site}/feed.rss"] or "")
    assert [r.source for r in report.added] == [f"{site}/pier.html"]


def test_the_cli_mixes_files_and_urls_and_exits_1_naming_the_bad_url(
    site: str, tmp_path: Path
) -> None:
    story = tmp_path / "tide.txt"
    story.write_text('"The tide tables are wrong this month," said pilot Aud Strand.\n')
    env = {**os.environ, "QUOTEDESK_DB": str(tmp_path / "db")}
    env.pop("QUOTEDESK_CHROMA_URL", None)
    quotedesk = Path(sys.executable).parent / "quotedesk"
    urls = [f"{site}/ferry.html", f"{site}/gone.html"]
    run = subprocess.run(
        [str(quotedesk), "ingest", str(story), *urls, "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr
    results = {r["source"]: r for r in json.loads(run.stdout)["results"]}
    assert [results[s]["status"] for s in (str(story), *urls)] == ["added", "added", "failed"]
    assert results[urls[1]]["reason"] == "404 Not Found"
