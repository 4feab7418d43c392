"""The chat as a person uses it, in headless Debian Chromium (never a downloaded browser)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from app_server import REPO_ROOT, app_url
from chromium import CHROMIUM, FLAGS

ARTIFACTS = REPO_ROOT / "artifacts"
ANSWER_TIMEOUT_MS = 120_000  # a generous ceiling for a slow CI machine, not a speed check

# The chat's progress indicator hides once the streamed answer is complete; clicking a source
# before that would be undone by the final update.
ANSWER_DONE = (
    "() => document.querySelector('#chat [data-testid=status-tracker]')?.classList.contains('hide')"
)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed")


@dataclass
class Session:
    """The open page and every URL it requested."""

    page: Any
    requested: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    sync_api = pytest.importorskip("playwright.sync_api")
    # playwright gives the browser a fresh temporary profile itself
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        opened = Session(page)
        page.on("request", lambda request: opened.requested.append(request.url))
        page.goto(app_url())
        yield opened
        browser.close()


def ask(page: Any, question: str, answers_so_far: int) -> str:
    """Type a question, wait until its streamed answer is complete; the chat's text after it."""
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    page.locator("#chat").get_by_text("Source 1:").nth(answers_so_far).wait_for(
        timeout=ANSWER_TIMEOUT_MS
    )
    page.wait_for_function(ANSWER_DONE, timeout=ANSWER_TIMEOUT_MS)
    return page.locator("#chat").inner_text().rsplit(question, 1)[-1]


def test_chat_shows_speaker_marked_passage_and_follows_up(session: Session) -> None:
    page = session.page
    answer = ask(page, "who said the cold war will go on?", answers_so_far=0)
    assert "Tavrovsky" in answer

    page.locator("#chat").get_by_text("Source 1:").first.click()  # sources arrive collapsed
    mark = page.locator("#chat mark").first
    mark.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert mark.inner_text() == "A cold war will go on."
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser-chat.png"), animations="disabled")

    follow_up = ask(page, "what else did he say?", answers_so_far=1)
    assert "Tavrovsky" in follow_up
    assert "A cold war will go on." not in follow_up


def test_verify_view_shows_verdict_diff_and_claimreview(session: Session) -> None:
    page = session.page
    page.get_by_role("tab", name="Verify").click()
    page.locator("#verify-quote textarea").fill("A cold war will not go on.")
    page.locator("#verify-button").click()

    page.locator("#verdict h2", has_text="Altered").wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert "negation" in page.locator("#verdict").inner_text()
    assert page.locator("#diff").get_by_text("not", exact=True).first.is_visible()
    assert page.locator("#claimreview").get_by_text("claimreview-altered-").first.is_visible()


def test_library_view_adds_an_uploaded_article(session: Session, tmp_path: Path) -> None:
    article = tmp_path / "bridge-reopens.txt"
    article.write_text(
        "Old bridge reopens after repairs\n\n"
        '"We built it to last another century," said Ilse Brandvold, who led the works.\n',
        encoding="utf-8",
    )
    page = session.page
    page.get_by_role("tab", name="Library").click()
    page.locator("#uploads input[type=file]").set_input_files(str(article))
    page.locator("#add").click()

    page.get_by_text("1 added").first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    row = page.locator("#articles").get_by_text("Old bridge reopens after repairs")
    row.filter(visible=True).first.wait_for(timeout=ANSWER_TIMEOUT_MS)


class Tracker(BaseHTTPRequestHandler):
    """The address a hostile article names: records every request that reaches it."""

    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def tracker() -> Iterator[str]:
    """A loopback HTTP server standing in for a tracking host; its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Tracker)
    Tracker.hits = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def hostile_record(host: str) -> dict[str, str]:
    """An article whose metadata carries markup: a tracking pixel and a link."""
    return {
        "title": f'Ferry strike ends <img src="{host}/title.png"> tonight',
        "author": f'<img src="{host}/author.png">Mira Tolk',
        "outlet": f'<a href="{host}/outlet">Harbour Post</a>',
        "published": "2024-03-02",
        "text": "The ferry strike ended on Saturday after talks.\n"
        '"The boats will sail again from Monday morning," said Ansel Verrow, the union chair.',
    }


def test_markup_in_stored_articles_shows_as_text_and_fetches_nothing(
    session: Session, tmp_path: Path, tracker: str
) -> None:
    page = session.page
    upload = tmp_path / "hostile.json"
    upload.write_text(json.dumps(hostile_record(tracker)), encoding="utf-8")
    page.get_by_role("tab", name="Library").click()
    page.locator("#uploads input[type=file]").set_input_files(str(upload))
    page.locator("#add").click()
    page.get_by_text("1 added").first.wait_for(timeout=ANSWER_TIMEOUT_MS)

    page.get_by_role("tab", name="Chat").click()
    earlier = page.locator("#chat").get_by_text("Source 1:").count()
    ask(page, "who said the boats will sail again from Monday morning?", answers_so_far=earlier)
    header = page.locator("#chat").get_by_text("Source 1: Ferry strike ends").last
    header.click()
    chat = page.locator("#chat").inner_text()
    assert f'<img src="{tracker}/title.png">' in chat
    assert f'<a href="{tracker}/outlet">Harbour Post</a>' in chat

    page.get_by_role("tab", name="Verify").click()
    page.locator("#verify-quote textarea").fill("The boats will sail again from Monday morning.")
    page.locator("#verify-button").click()
    page.locator("#verdict h2", has_text="Verified").wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert f'<img src="{tracker}/title.png">' in page.locator("#verdict").inner_text()

    page.wait_for_timeout(1000)  # time for any image the page did create to be fetched
    assert page.locator(f'img[src^="{tracker}"], a[href^="{tracker}"]').count() == 0
    assert Tracker.hits == []
    remove_article(upload.name)


def remove_article(file_name: str) -> None:
    """Leave the shared app's library as the other tests expect it."""
    from gradio_client import Client

    client = Client(app_url(), verbose=False)
    for article in client.predict(api_name="/articles"):
        if article["source"].endswith(file_name):
            client.predict(article["id"], api_name="/delete")


def test_the_page_loads_nothing_from_outside(session: Session) -> None:
    """Runs last, so it covers every request the views above made."""
    app_host = urlsplit(app_url()).netloc
    outside = [
        url
        for url in session.requested
        if urlsplit(url).scheme in ("http", "https", "ws", "wss")
        and urlsplit(url).netloc != app_host
    ]
    assert session.requested and outside == []
