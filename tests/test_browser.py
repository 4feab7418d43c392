"""The chat as a person uses it, in headless Debian Chromium (never a downloaded browser)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from app_server import REPO_ROOT, app_url

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO_ROOT / "artifacts"
#: flags that run here without a GPU, sandbox or any background traffic
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ANSWER_TIMEOUT_MS = 120_000  # a generous ceiling for a slow CI machine, not a speed check

# The chat's progress indicator hides once the streamed answer is complete; clicking a source
# before that would be undone by the final update.
ANSWER_DONE = (
    "() => document.querySelector('#chat [data-testid=status-tracker]')?.classList.contains('hide')"
)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed")


@pytest.fixture(scope="module")
def page() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    # playwright gives the browser a fresh temporary profile itself
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(app_url())
        yield page
        browser.close()


def test_asking_the_seed_question_shows_speaker_and_marked_passage(page) -> None:
    page.locator("#question textarea").fill("who said the cold war will go on?")
    page.locator("#ask").click()

    source = page.locator("#chat").get_by_text("Source 1:")
    source.wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_function(ANSWER_DONE, timeout=ANSWER_TIMEOUT_MS)
    assert "Tavrovsky" in page.locator("#chat").inner_text()

    source.click()  # sources arrive collapsed; open the first one
    mark = page.locator("#chat mark").first
    mark.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert mark.inner_text() == "A cold war will go on."

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser-chat.png"), animations="disabled")
