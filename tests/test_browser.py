"""The chat as a person uses it, in headless Debian Chromium (never a downloaded browser)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
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
