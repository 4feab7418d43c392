"""A small library of invented articles (no shared data), built once per test session.

Written for the answer and verify tests: a mayor with quotes on several topics, a fire
chief named with her role after her name, a senator and a councillor named with titles,
so elisions, off-topic questions and titled names can be checked against known text.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

TUNNEL = """---
title: "Council splits over the river tunnel"
author: Priya Natarajan
date: 2024-04-02
outlet: The Valley Ledger
---

The city council met on Tuesday to debate the river tunnel.

"The tunnel plan is ambitious, but the money is not there yet, and the council knows it," \
said Mayor Lena Brightwater.

"We will not raise bus fares this year," Brightwater added. "Ridership grew by 12 percent \
in the spring, so the buses pay their way."

Dana Ortiz, the city's fire chief, said crews would need a second exit before anyone rides \
the trains. "Without a second exit, nobody should ride it," Ortiz said.

Senator Elizabeth Warrington said the federal grant could cover half the cost. "If the \
province matches our grant, the tunnel opens in 2027," she said.

Councillor Amir Haddad disagreed. "The tunnel will only help commuters who live downtown, \
and everyone else pays for it," he said.
"""

PARKS = """---
title: "New parks promised for the east side"
author: Tomas Lindqvist
date: 2024-05-10
outlet: The Valley Ledger
---

Mayor Lena Brightwater unveiled a plan for three new parks on Friday.

"Every child in this city deserves a park within a short walk of home," Brightwater said \
at the launch.

She said the parks would be paid for from the sale of an old depot. "Not one dollar of \
this comes from the tunnel budget," Brightwater said.

Local gardener Rosa Feld welcomed the plan. "We have waited a long time for green space \
on this side of the river," Feld said.
"""


@cache
def invented_desk():
    """A QuoteDesk over the two invented articles, in a throwaway folder."""
    from assistant import QuoteDesk
    from quotedesk.config import Settings

    folder = Path(tempfile.mkdtemp(prefix="quotedesk-invented-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for name, text in (("tunnel.md", TUNNEL), ("parks.md", PARKS)):
        (folder / name).write_text(text, encoding="utf-8")
    desk = QuoteDesk(settings=Settings.from_env(env={}, db_path=folder / "db"))
    report = desk.ingest([folder / "tunnel.md", folder / "parks.md"])
    assert report.ok, report.to_dict()
    return desk
