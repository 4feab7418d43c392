"""``quotedesk eval`` on the packaged dev set and, when present, the GGT benchmark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotedesk.cli import main
from quotedesk.commands.evaluate import _print
from quotedesk.evaluation.attribution import (
    STYLE_BATCHES,
    GoldArticle,
    GoldQuote,
    gold_part,
    match,
    same_speaker,
    score,
)
from quotedesk.models import SPEAKER_CERTAIN, Article, Quote
from quotedesk.resources import DATA_DIR

DEV = DATA_DIR / "gold" / "dev.jsonl"


def test_overlap_matching_is_one_to_one():
    gold = ["the plan will fail badly", "we are not going anywhere"]
    found = ["we are not going anywhere soon", "I think the plan will fail badly", "unrelated"]
    assert match(gold, found) == {0: 1, 1: 0}
    assert match(["a b c d e f g h i j"], ["a b"]) == {}


def test_speaker_match_is_tolerant_of_name_forms():
    assert same_speaker("Vladimir Putin", "Putin")
    assert same_speaker("the company", "Company")
    assert not same_speaker("Xi Jinping", "Vladimir Putin")
    assert not same_speaker("Xi Jinping", None)


def test_ggt_split_is_a_fixed_rule_on_the_article_id():
    # last hex digit of the id's sha256: "0".."b" tune, "c".."f" are held out
    assert gold_part("article-46") == "tune"  # ...b
    assert gold_part("article-14") == "heldout"  # ...c
    assert gold_part("article-6") == "heldout"  # ...f
    ids = [f"article-{n}" for n in range(400)]
    held_out = sum(gold_part(i) == "heldout" for i in ids)
    assert 60 < held_out < 140  # about a quarter


def test_our_gold_format_is_scored_part_by_part(tmp_path: Path, capsys):
    rows = [
        {
            "id": f"story-{part}",
            "text": f'"The {part} road stays shut," said Ada Moss.',
            "part": part,
            "quotes": [
                {"quote": f'"The {part} road stays shut,"', "speaker": "Ada Moss", "kind": "direct"}
            ],
        }
        for part in ("tune", "heldout")
    ]
    gold = tmp_path / "towns.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--json"]) == 0
    parts = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    assert [(r["set"], r["gold"], r["speaker_accuracy"]) for r in parts] == [
        ("towns tune", 1, 1.0),
        ("towns held-out", 1, 1.0),
    ]


def _quote(text: str, speaker: str, confidence: float) -> Quote:
    return Quote(text, 0, len(text), speaker, "direct", confidence)


def test_calibration_counts_found_quotes_by_confidence():
    article = Article("a", "t", "", "a", "h")
    gold = GoldArticle(
        article,
        tuple(
            GoldQuote(text, "Ada Moss", "direct", "named")
            for text in ("the bridge opens in spring", "tolls will stay low", "we lost the vote")
        ),
    )
    found = [
        _quote("the bridge opens in spring", "Ada Moss", 0.95),
        _quote("tolls will stay low", "Ben Oake", SPEAKER_CERTAIN),
        _quote("we lost the vote", "Ada Moss", 0.3),
    ]
    table = score("t", [gold], lambda _: found).to_dict()["calibration"]
    assert table[">=0.9"] == {"quotes": 1, "right_speaker": 1.0}
    assert table[f"{SPEAKER_CERTAIN}-0.9"] == {"quotes": 1, "right_speaker": 0.0}
    assert table["<0.5"] == {"quotes": 1, "right_speaker": 1.0}
    assert table[f">={SPEAKER_CERTAIN}"] == {"quotes": 2, "right_speaker": 0.5}


def test_gold_quotes_missing_from_the_article_text_are_counted(capsys):
    article = Article("a", "t", "The bridge opens in spring, Ada Moss said.", "a", "h")
    quotes = ("the bridge opens in spring", "tolls will stay low for a decade")
    gold = GoldArticle(
        article, tuple(GoldQuote(q, "Ada Moss", "indirect", "named") for q in quotes)
    )
    report = score("t", [gold], lambda _: [_quote(quotes[0], "Ada Moss", 0.9)])
    result = report.to_dict()
    assert result["absent_from_text"] == 1
    assert result["recall"] == 0.5  # still a miss: the number is reported, not excused
    _print("t", report, 0)
    assert "1 gold quotes are not in their article's text" in capsys.readouterr().out


def test_eval_on_the_dev_set(capsys):
    assert main(["eval", "--set", "attribution", "--gold", str(DEV), "--json"]) == 0
    (line,) = capsys.readouterr().out.strip().splitlines()
    result = json.loads(line)
    assert result["set"] == "dev"
    assert result["gold"] >= 60
    assert result["recall"] >= 0.95
    assert result["speaker_accuracy"] >= 0.9
    assert result["by_kind"]["section"]["speaker_accuracy"] == 1.0
    assert 0.0 <= result["precision"] <= 1.0


def test_eval_table(capsys):
    assert main(["eval", "--gold", str(DEV)]) == 0
    out = capsys.readouterr().out
    assert "quote recall" in out and "speaker accuracy" in out
    assert "confidence calibration" in out and f">={SPEAKER_CERTAIN}" in out


def test_missing_gold_file_is_a_usage_error(tmp_path: Path, capsys):
    assert main(["eval", "--gold", str(tmp_path / "none.jsonl")]) == 2
    assert "none.jsonl" in capsys.readouterr().err


def test_eval_on_ggt(ggt_path: Path, capsys):
    assert main(["eval", "--gold", str(ggt_path), "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    parts = {r["set"]: r for r in map(json.loads, lines)}
    assert list(parts) == ["GGT tune", "GGT held-out"]
    assert sum(r["gold"] for r in parts.values()) > 1000
    # measured: tune recall 0.950, precision 0.886, speaker accuracy 0.879;
    # held-out 0.937, 0.892, 0.881 (minus a margin)
    for result in parts.values():
        assert result["recall"] >= 0.92
        assert result["precision"] >= 0.86
        assert result["speaker_accuracy"] >= 0.85
    # the line: a speaker given with confidence >= SPEAKER_CERTAIN is right >= 95%
    # measured: 12 gold quotes (one article stored without its body, one empty quote);
    # more would mean loading or cleaning dropped article text
    assert sum(r["absent_from_text"] for r in parts.values()) <= 12
    certain = parts["GGT held-out"]["calibration"][f">={SPEAKER_CERTAIN}"]
    assert certain["right_speaker"] >= 0.95


# measured (recall, precision, speaker accuracy) per part, minus a margin of about 3
# points: a regression on other house styles fails here even without ../shared
STYLES_FLOORS = {
    "styles tune": (0.93, 0.95, 0.89),
    "styles held-out": (0.90, 0.88, 0.79),
    "styles2 tune": (0.94, 0.93, 0.89),
    "styles2 held-out": (0.94, 0.92, 0.89),
    "styles3 tune": (0.92, 0.89, 0.85),
    "styles3 held-out": (0.93, 0.93, 0.86),
    "styles4 tune": (0.95, 0.91, 0.78),
    "styles4 held-out": (0.93, 0.91, 0.80),
    "styles5 tune": (0.94, 0.91, 0.89),
    "styles5 held-out": (0.94, 0.89, 0.81),
    "styles6 tune": (0.89, 0.88, 0.76),
    "styles6 held-out": (0.94, 0.92, 0.85),
    "styles7 tune": (0.93, 0.93, 0.85),
    "styles7 held-out": (0.94, 0.91, 0.86),
    "styles8 tune": (0.93, 0.93, 0.89),
    "styles8 held-out": (0.95, 0.94, 0.87),
    "styles9 tune": (0.95, 0.87, 0.92),
    "styles9 held-out": (0.94, 0.88, 0.87),
    "styles10 tune": (0.94, 0.92, 0.85),
    "styles10 held-out": (0.94, 0.93, 0.84),
    "styles11 tune": (0.95, 0.90, 0.87),
    "styles11 held-out": (0.94, 0.91, 0.83),
    "styles12 tune": (0.92, 0.94, 0.87),
    "styles12 held-out": (0.93, 0.94, 0.88),
    "styles13 tune": (0.94, 0.95, 0.88),
    "styles13 held-out": (0.95, 0.93, 0.91),
    "styles14 tune": (0.95, 0.95, 0.92),
    "styles14 held-out": (0.96, 0.95, 0.94),
    "styles15 tune": (0.94, 0.94, 0.88),
    "styles15 held-out": (0.93, 0.96, 0.87),
    "styles16 tune": (0.95, 0.97, 0.91),
    "styles16 held-out": (0.95, 0.96, 0.89),
    "styles17 tune": (0.95, 0.96, 0.90),
    "styles17 held-out": (0.95, 0.95, 0.90),
    "styles18 tune": (0.92, 0.92, 0.86),
    "styles18 held-out": (0.93, 0.95, 0.85),
    "styles19 tune": (0.93, 0.94, 0.89),
    "styles19 held-out": (0.95, 0.91, 0.88),
}


def test_every_batch_of_invented_house_styles_has_floors() -> None:
    parts = [f"{batch} {part}" for batch in STYLE_BATCHES for part in ("tune", "held-out")]
    assert list(STYLES_FLOORS) == parts


# one case per batch, so that parallel test workers share the eval out between them
@pytest.mark.parametrize("batch", STYLE_BATCHES)
def test_eval_on_invented_house_styles(batch: str, capsys) -> None:
    assert main(["eval", f"--gold={DATA_DIR / 'gold' / batch}.jsonl", "--json"]) == 0
    parts = {r["set"]: r for r in map(json.loads, capsys.readouterr().out.strip().splitlines())}
    assert list(parts) == [f"{batch} tune", f"{batch} held-out"]
    for name, result in parts.items():
        recall, precision, speaker = STYLES_FLOORS[name]
        assert result["absent_from_text"] == 0  # every gold quote is the article's own words
        assert result["recall"] >= recall, name
        assert result["precision"] >= precision, name
        assert result["speaker_accuracy"] >= speaker, name
        if name.endswith("held-out"):
            assert result["calibration"][f">={SPEAKER_CERTAIN}"]["right_speaker"] >= 0.95
