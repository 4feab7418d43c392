"""Draft lines in every common house style: the quotation read, the speaker claimed, the verdict.

The library is one invented article; each row is a draft written against it.
"""

from __future__ import annotations

import pytest

from assistant.names import same_person

ARTICLE = """Council approves harbour plan

Mayor Elena Varga defended the harbour plan on Tuesday. "The new harbour will bring two \
thousand jobs to the valley," Varga said.

Tomas Brandt, an economist at the Northfield Institute, was less hopeful. "Ports like this \
one rarely pay for themselves within a decade," he said.

"We will keep the fish market open through the whole construction," said council member \
Priya Nair.

According to harbour master Owen Kessler, "the channel must be dredged before any ship can dock."

The vote passed by six votes to three.

Several residents left before the end of the meeting.

"The tide tables have not changed in forty years, whatever the engineers claim."
"""

V = "The new harbour will bring two thousand jobs to the valley"
B = "Ports like this one rarely pay for themselves within a decade"
N = "We will keep the fish market open through the whole construction"
K = "the channel must be dredged before any ship can dock"
T = "The tide tables have not changed in forty years, whatever the engineers claim"

# (draft, the quotation's words, the speaker the draft claims, verdict)
ROWS = [
    # verified: the words and the speaker, in every style
    (f'"{V}," Varga said.', V, "Varga", "verified"),
    (f'Varga said: "{V}."', V, "Varga", "verified"),
    (f'"{V}," said Mayor Elena Varga.', V, "Elena Varga", "verified"),
    (f'"{V}," said Elena Varga, the mayor.', V, "Elena Varga", "verified"),
    (f'According to Varga, "{V.lower()}."', V.lower(), "Varga", "verified"),
    (f'Varga was upbeat: "{V}."', V, "Varga", "verified"),
    (f"\u201c{V},\u201d Varga said.", V, "Varga", "verified"),
    (f"'{N},' Nair said.", N, "Nair", "verified"),
    (f"\u2018{N},\u2019 Nair said.", N, "Nair", "verified"),
    (f"''{B},'' Brandt said.", B, "Brandt", "verified"),
    (f'Nair spoke after the vote. "{N}," she said.', N, "Nair", "verified"),
    (f'Varga likes to tease him, but Nair put it this way: "{N}."', N, "Nair", "verified"),
    (f'Kessler warned that "{K}."', K, "Kessler", "verified"),
    (f"The institute's economist Tomas Brandt summed it up: \"{B}.\"", B, "Tomas Brandt",
     "verified"),
    (f'Brandt, of the Northfield Institute, was gloomier: "{B}," he said.', B, "Brandt",
     "verified"),
    ('Varga promised "two thousand jobs to the valley" in her speech.',
     "two thousand jobs to the valley", "Varga", "verified"),
    (f'Priya Nair took the floor.\n\nShe was blunt: "{N}."', N, "Priya Nair", "verified"),
    (f'"{B}," said economist Tomas Brandt.', B, "Tomas Brandt", "verified"),
    (f'"{V}," Varga said. "{N}."', V, "Varga", "misattributed"),
    # altered: one word added, changed, negated
    ('Mayor Elena Varga spoke first.\n\nBrandt, of the Northfield Institute, was gloomier: '
     '"Ports like this one rarely ever pay for themselves within a decade," he said.',
     "Ports like this one rarely ever pay for themselves within a decade", "Brandt", "altered"),
    (f'"{V.replace("two", "three")}," Varga said.', V.replace("two", "three"), "Varga", "altered"),
    (f'Varga said: "{V.replace("will", "will not")}."', V.replace("will", "will not"), "Varga",
     "altered"),
    (f"\u201c{N.replace('open', 'closed')},\u201d Nair said.", N.replace("open", "closed"), "Nair",
     "altered"),
    (f'According to Kessler, "{K.replace("any", "any large")}."', K.replace("any", "any large"),
     "Kessler", "altered"),
    (f"'{B.replace('rarely', 'always')},' Brandt said.", B.replace("rarely", "always"), "Brandt",
     "altered"),
    (f'"{N}," Nair said. "{V.replace("valley", "whole country")}."', N, "Nair", "altered"),
    (f'Varga was upbeat: "{V.replace("new ", "")}."', V.replace("new ", ""), "Varga", "altered"),
    # misattributed: someone else's words
    (f"The institute's economist Tomas Brandt summed it up: \"{V}.\"", V, "Tomas Brandt",
     "misattributed"),
    (f'Nair likes to tease her, but Varga put it this way: "{N}."', N, "Varga", "misattributed"),
    (f'"{V}," Brandt said.', V, "Brandt", "misattributed"),
    (f'Brandt said: "{N}."', N, "Brandt", "misattributed"),
    (f'"{B}," said Mayor Elena Varga.', B, "Elena Varga", "misattributed"),
    (f'According to Nair, "{K}."', K, "Nair", "misattributed"),
    (f'Varga stood up. "{B}," she said.', B, "Varga", "misattributed"),
    (f"\u2018{N},\u2019 Kessler said.", N, "Kessler", "misattributed"),
    (f'Kessler was blunt: "{V}."', V, "Kessler", "misattributed"),
    # not found: invented words
    ('"The harbour will be finished before next spring," Varga said.',
     "The harbour will be finished before next spring", "Varga", "not_found"),
    ('Nair said: "Every boat in the bay will get a new mooring for free."',
     "Every boat in the bay will get a new mooring for free.", "Nair", "not_found"),
    ('According to Brandt, "the council has never balanced a budget in its history."',
     "the council has never balanced a budget in its history.", "Brandt", "not_found"),
    ("'Tourists will double within two summers,' said Owen Kessler.",
     "Tourists will double within two summers", "Owen Kessler", "not_found"),
    ('Varga was upbeat: "Our valley will host the national sailing games."',
     "Our valley will host the national sailing games.", "Varga", "not_found"),
    # words verified, speaker unconfirmed: the draft names nobody, or the library is unsure
    (f'"{N}."', f"{N}.", None, "words_verified"),
    (f'"{T}," Kessler said.', T, "Kessler", "words_verified"),
    (f'Kessler put it plainly: "{T}."', T, "Kessler", "words_verified"),
    # a guessed stored speaker cannot refute a claim either
    (f'"{T}," Brandt said.', T, "Brandt", "words_verified"),
]  # fmt: skip


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory):
    from assistant import QuoteDesk
    from quotedesk.config import Settings

    folder = tmp_path_factory.mktemp("draft-styles")
    article = folder / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    opened = QuoteDesk(settings=Settings.from_env(env={}, db_path=folder / "db"))
    assert opened.ingest([article]).ok
    return opened


@pytest.mark.parametrize(("draft", "words", "speaker", "verdict"), ROWS)
def test_draft_line(desk, draft: str, words: str, speaker: str | None, verdict: str) -> None:
    checks = desk.check_draft(draft)
    check = next(c for c in checks if words in c.quote)
    assert draft[check.start : check.end] == check.quote
    if speaker is None:
        assert check.claimed_speaker is None
    else:
        assert same_person(speaker, check.claimed_speaker), check.claimed_speaker
    assert check.verdict == verdict, check.verification
    assert check.ok == (verdict == "verified")


def test_table_covers_every_verdict_and_enough_lines() -> None:
    assert len(ROWS) >= 40
    assert {row[3] for row in ROWS} == {
        "verified",
        "altered",
        "misattributed",
        "not_found",
        "words_verified",
    }
