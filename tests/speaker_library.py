"""Invented articles quoting one fire chief under several forms of her name, a coach who
shares her surname, and one event as a transcript, a PDF and a web page (no shared data).
Built once per test session; ``docs/screenshots/capture.py`` uploads the event files."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

HYDRANTS = """---
title: "Hydrant checks begin across the north end"
author: Mara Quill
date: 2023-03-01
outlet: The Harbor Bulletin
---

Crews started inspecting every hydrant in the north end on Monday.

Dana Ortiz, the city's fire chief, said the checks were overdue. "Half of these hydrants \
have not been opened in a decade," Ortiz said.
"""

TRUCKS = """---
title: "Fire department asks for two new trucks"
author: Omar Bell
date: 2024-06-15
outlet: The Harbor Bulletin
---

The fire department asked the council for two new ladder trucks on Thursday.

"Our oldest truck is older than most of the firefighters who drive it," said Fire Chief \
Dana Ortiz.
"""

BURN_BAN = """---
title: "Summer burn ban takes effect"
author: Mara Quill
date: 2025-07-04
outlet: The Harbor Bulletin
---

A ban on open fires started on Friday as the dry weather continued.

"One spark in a dry field can reach the houses in minutes," Ms. Ortiz said.
"""

REGATTA = """---
title: "Harbor rowing club wins the regatta"
author: Omar Bell
date: 2024-08-10
outlet: The Harbor Bulletin
---

The harbor rowing club won the autumn regatta on Saturday.

"These rowers trained through every storm of the winter," said coach Luis Ortiz.
"""

FERRY_TRANSCRIPT = """Ferry terminal opening ceremony

MAYOR INES CALLOWAY: Welcome, everyone. From Monday the ferry runs every hour, day and night.
HARBOUR MASTER OTTO BRENNAN: The new pier can take two boats at once.
CALLOWAY: And the fares stay at two dollars for every rider under eighteen.
"""

FERRY_PAGE = """<html><head><title>New ferry terminal opens on the east quay</title>
<meta property="article:published_time" content="2025-05-02"></head>
<body><article><h1>New ferry terminal opens on the east quay</h1>
<p>The new ferry terminal opened on the east quay on Friday with a short ceremony.</p>
<p>"This terminal took nine years of arguing and one year of building," Mayor Calloway told
the crowd.</p>
</article></body></html>
"""

FERRY_RELEASE = [
    "Press release: ferry terminal opening",
    '"Every boat on the new route is electric," said Mayor Ines Calloway.',
    "The terminal cost forty million dollars.",
]


def ferry_event(folder: Path) -> list[Path]:
    """The ferry terminal opening as a transcript, a web page and a PDF press release."""
    from test_sources import make_pdf

    files = [folder / "ferry-ceremony.txt", folder / "ferry-terminal.html"]
    files[0].write_text(FERRY_TRANSCRIPT, encoding="utf-8")
    files[1].write_text(FERRY_PAGE, encoding="utf-8")
    files.append(folder / "ferry-release.pdf")
    files[2].write_bytes(make_pdf([FERRY_RELEASE], title="Ferry terminal press release"))
    return files


CHIEF = {"hydrants.md": HYDRANTS, "trucks.md": TRUCKS, "burn-ban.md": BURN_BAN}


@cache
def speaker_desk(with_coach: bool = False):
    """A QuoteDesk over the fire chief's articles (and the coach's, when asked)."""
    from assistant import QuoteDesk
    from quotedesk.config import Settings

    folder = Path(tempfile.mkdtemp(prefix="quotedesk-speakers-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    files = {**CHIEF, **({"regatta.md": REGATTA} if with_coach else {})}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    desk = QuoteDesk(settings=Settings.from_env(env={}, db_path=folder / "db"))
    report = desk.ingest([folder / name for name in files])
    assert report.ok, report.to_dict()
    return desk


@cache
def event_desk():
    """A QuoteDesk over the ferry event's transcript, web page and PDF."""
    from assistant import QuoteDesk
    from quotedesk.config import Settings

    folder = Path(tempfile.mkdtemp(prefix="quotedesk-event-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    desk = QuoteDesk(settings=Settings.from_env(env={}, db_path=folder / "db"))
    report = desk.ingest(ferry_event(folder))
    assert report.ok, report.to_dict()
    return desk
