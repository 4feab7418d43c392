"""Regenerate the README screenshots of each view: ``python docs/screenshots/capture.py``.

Starts the app over a temporary library (the bundled sample article, plus a small article
and one event as a transcript, a web page and a PDF, uploaded through the Library view)
and photographs each view in headless Debian Chromium
(``/usr/bin/chromium``; never a downloaded browser).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests"))  # the Chromium flags the tests use

from chromium import CHROMIUM, FLAGS  # noqa: E402
from speaker_library import ferry_event  # noqa: E402

from assistant import QuoteDesk  # noqa: E402
from quotedesk.config import Settings  # noqa: E402
from quotedesk.web import app  # noqa: E402

WAIT_MS = 120_000
UPLOAD = """Harbour town approves sea wall

The council voted on Tuesday to build a new sea wall along the old harbour.
"The sea does not negotiate with us, so we have to be ready," said Marta Quillfeather, \
the council's chief engineer.
"""
DRAFT = """"A cold war will go on," Vladimir Putin said on Wednesday.
Yury Tavrovsky said: "Russia and China are getting closer because their national interests \
often coincide and create a synergy in fields like security."
"This is enough to drive a wedge between China and Russia," Tavrovsky added.
"""

ELIDED = "Russia and China are getting closer ... and create a synergy in fields like security."


def capture(url: str, workdir: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1150})
        page.goto(url)

        def shoot(name: str) -> None:
            page.screenshot(path=str(HERE / f"{name}.png"), animations="disabled")

        page.locator("#question textarea").fill("who said the cold war will go on?")
        page.locator("#ask").click()
        source = page.locator("#chat").get_by_text("Source 1:")
        source.wait_for(timeout=WAIT_MS)
        page.wait_for_function(
            "() => document.querySelector('#chat [data-testid=status-tracker]')"
            "?.classList.contains('hide')"
        )
        source.click()
        page.locator("#chat mark").first.wait_for()
        shoot("chat")

        page.get_by_role("tab", name="Verify").click()
        page.locator("#verify-quote textarea").fill("A cold war will not go on.")
        page.locator("#verify-speaker textarea").fill("Yury Tavrovsky")
        page.locator("#verify-button").click()
        page.locator("#verdict h2", has_text="Altered").wait_for(timeout=WAIT_MS)
        shoot("verify")

        page.locator("#verify-quote textarea").fill(ELIDED)
        page.locator("#verify-button").click()
        page.locator("#verdict").get_by_text("the ellipsis stands for").first.wait_for(
            timeout=WAIT_MS
        )
        shoot("verify-elided")

        page.locator("#verify-quote textarea").fill("A cold war will go on.")
        page.locator("#verify-speaker textarea").fill("")
        page.locator("#verify-button").click()
        page.locator("#verdict").get_by_text("speaker not checked").first.wait_for(timeout=WAIT_MS)
        shoot("verify-unchecked")

        page.get_by_role("tab", name="Library").click()
        article = workdir / "harbour-sea-wall.txt"
        article.write_text(UPLOAD, encoding="utf-8")
        page.locator("#uploads input[type=file]").set_input_files(str(article))
        page.locator("#add").click()
        page.get_by_text("1 added").first.wait_for(timeout=WAIT_MS)
        page.locator("#articles").get_by_text("Harbour town approves sea wall").filter(
            visible=True
        ).first.wait_for()
        shoot("library")

        page.get_by_role("tab", name="Draft check").click()
        page.locator("#draft textarea").fill(DRAFT)
        page.locator("#check-draft").click()
        page.locator("#draft-table").get_by_text("Misattributed").filter(
            visible=True
        ).first.wait_for(timeout=WAIT_MS)
        shoot("draft")

        page.get_by_role("tab", name="Library").click()
        page.locator("#uploads input[type=file]").set_input_files(
            [str(path) for path in ferry_event(workdir)]
        )
        page.locator("#add").click()
        page.get_by_text("3 added").first.wait_for(timeout=WAIT_MS)
        page.get_by_role("tab", name="Speakers").click()
        mayor = page.locator("#speakers").get_by_text("Ines Calloway")
        mayor.filter(visible=True).first.click(timeout=WAIT_MS)
        page.locator("#speaker-quotes").get_by_text("Every boat on the new route").filter(
            visible=True
        ).first.wait_for(timeout=WAIT_MS)
        shoot("speakers")
        browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        desk = QuoteDesk(settings=Settings(db_path=Path(tmp) / "db"))
        app.seed_sample(desk)
        demo = app.serve(desk, "127.0.0.1", None, prevent_thread_lock=True, quiet=True)
        try:
            capture(demo.local_url, Path(tmp))
        finally:
            demo.close()


if __name__ == "__main__":
    main()
