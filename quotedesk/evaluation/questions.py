"""Score the assistant: who-said answers and verify verdicts over a freshly built library.

Three sources of cases: hand-written questions about the reference article
(``quotedesk/data/questions/reference.jsonl``), and cases generated at run time from
GGT gold quotes (never stored in the repository): "who said <gold quote>?" must name
the gold speaker *and* cite the place the gold quote sits; verify cases take a gold
quote as it is (verified), negated or with a number changed (altered), given to
another speaker of the same article (misattributed), or scrambled (not found).
The news corpus is ingested too, as distractors.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotedesk.evaluation.attribution import GoldArticle, load_gold, same_speaker
from quotedesk.resources import DATA_DIR, SAMPLE_ARTICLE
from quotedesk.text import words

QUESTIONS = DATA_DIR / "questions" / "reference.jsonl"
PER_ARTICLE = 3  # generated who-said cases per GGT article (spread over the set)
_AUX = re.compile(
    r"\b(is|are|was|were|will|would|can|could|should|has|have|had|do|does|did|must)\b", re.I
)
_NUMBER = re.compile(r"\b\d+\b")
_MARKS = "\"'\u201c\u201d\u2018\u2019 ,."


@dataclass(frozen=True)
class AskCase:
    question: str
    speaker: str
    article_source: str  # which stored article holds the gold passage
    passage: str  # gold words; a citation must overlap where they are


@dataclass(frozen=True)
class VerifyCase:
    quote: str
    speaker: str | None
    verdict: str
    origin: str  # how the case was made: as-is, negated, number, swapped, scrambled


@dataclass
class Score:
    total: int = 0
    right: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += ok

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"cases": self.total, "accuracy": round(self.accuracy, 4)}


@dataclass
class QuestionReport:
    """Who-said accuracy and verdict accuracy for one case source."""

    name: str
    who_said: Score = field(default_factory=Score)
    verdicts: dict[str, Score] = field(default_factory=dict)
    ask_ms: list[float] = field(default_factory=list)
    verify_ms: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    false_verified: int = 0  # "verified" for an altered, misattributed or invented quote
    words_only: int = 0  # verbatim words whose speaker could not be confirmed

    @property
    def verdict_total(self) -> Score:
        total = Score()
        for score in self.verdicts.values():
            total.total += score.total
            total.right += score.right
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "who_said": self.who_said.to_dict(),
            "verdict": self.verdict_total.to_dict(),
            "by_verdict": {k: s.to_dict() for k, s in sorted(self.verdicts.items())},
            "false_verified": self.false_verified,
            "words_verified": self.words_only,
            "ask_ms_p50": _p50(self.ask_ms),
            "verify_ms_p50": _p50(self.verify_ms),
        }

    def render(self, misses: int = 0) -> None:
        from rich.console import Console
        from rich.table import Table

        data = self.to_dict()
        table = Table(title=f"questions / {self.name}")
        for column in ("measure", "cases", "accuracy"):
            table.add_column(column, justify="left" if column == "measure" else "right")
        table.add_row("who-said (speaker + gold citation)", *_row(data["who_said"]))
        table.add_row("verdict", *_row(data["verdict"]))
        for verdict, row in data["by_verdict"].items():
            table.add_row(f"  expected {verdict}", *_row(row))
        console = Console()
        console.print(table)
        console.print(
            f"false 'verified': {data['false_verified']}; "
            f"words verified, speaker unconfirmed: {data['words_verified']}",
            highlight=False,
        )
        console.print(
            f"median latency: ask {data['ask_ms_p50']:.0f} ms, "
            f"verify {data['verify_ms_p50']:.0f} ms",
            highlight=False,
        )
        for miss in self.misses[:misses]:
            console.print(f"  {miss}", markup=False)


def _row(score: dict) -> tuple[str, str]:
    return str(score["cases"]), f"{100 * score['accuracy']:5.1f}"


def _p50(values: list[float]) -> float:
    return round(sorted(values)[len(values) // 2], 1) if values else 0.0


# -- case generation -------------------------------------------------------------


def _bare(quote: str) -> str:
    return quote.strip().strip(_MARKS).strip()


def negate(quote: str) -> str | None:
    """Add or drop "not" after the first auxiliary verb; None when there is none."""
    m = _AUX.search(quote)
    if not m:
        return None
    after = quote[m.end() :]
    if after.lower().startswith(" not "):
        return quote[: m.end()] + after[4:]
    return f"{quote[: m.end()]} not{after}"


def change_number(quote: str) -> str | None:
    m = _NUMBER.search(quote)
    if not m:
        return None
    return f"{quote[: m.start()]}{int(m.group()) + 7}{quote[m.end() :]}"


def scramble(quote: str, rng: random.Random) -> str:
    tokens = quote.split()
    rng.shuffle(tokens)
    return " ".join(tokens)


def ggt_cases(
    gold: list[GoldArticle], rng: random.Random
) -> tuple[list[AskCase], list[VerifyCase]]:
    """Who-said and verify cases from gold quotes, with programmatic variants."""
    asks: list[AskCase] = []
    verifies: list[VerifyCase] = []
    for article in gold:
        usable = [q for q in article.quotes if q.speaker and 8 <= len(words(q.quote)) <= 60]
        speakers = sorted({q.speaker for q in usable if q.speaker})
        for q in rng.sample(usable, min(PER_ARTICLE, len(usable))):
            text = _bare(q.quote)
            asks.append(AskCase(f"who said {text}?", q.speaker, article.article.source, text))
            verifies.append(VerifyCase(text, q.speaker, "verified", "as-is"))
            if (negated := negate(text)) is not None:
                verifies.append(VerifyCase(negated, q.speaker, "altered", "negated"))
            if (changed := change_number(text)) is not None:
                verifies.append(VerifyCase(changed, q.speaker, "altered", "number"))
            others = [s for s in speakers if not same_speaker(s, q.speaker)]
            if others:
                verifies.append(VerifyCase(text, rng.choice(others), "misattributed", "swapped"))
            verifies.append(VerifyCase(scramble(text, rng), q.speaker, "not_found", "scrambled"))
    return asks, verifies


def reference_cases(path: Path = QUESTIONS) -> tuple[list[AskCase], list[VerifyCase]]:
    asks, verifies = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["type"] == "ask":
            asks.append(AskCase(row["question"], row["speaker"], "", row["passage"]))
        else:
            verifies.append(VerifyCase(row["quote"], row.get("speaker"), row["verdict"], "written"))
    return asks, verifies


# -- scoring ----------------------------------------------------------------------


def _cites_gold(desk: Any, answer: Any, case: AskCase) -> bool:
    """Does a citation overlap the place in its article where the gold words are?"""
    from assistant.align import align

    for c in answer.citations:
        article = desk.retriever.article(c.article_id)
        if article is None or (case.article_source and article.source != case.article_source):
            continue
        where = align(case.passage, article.text)
        if where and where.similarity >= 0.6 and where.start < c.end and c.start < where.end:
            return True
    return False


def score(desk: Any, name: str, asks: list[AskCase], verifies: list[VerifyCase]) -> QuestionReport:
    report = QuestionReport(name)
    for case in asks:
        started = time.perf_counter()
        answer = desk.ask(case.question)
        report.ask_ms.append(1000 * (time.perf_counter() - started))
        ok = same_speaker(case.speaker, answer.speaker) and _cites_gold(desk, answer, case)
        report.who_said.add(ok)
        if not ok:
            report.misses.append(
                f"ask {case.question[:90]!r}: {answer.speaker!r} != {case.speaker!r}"
            )
    for case in verifies:
        started = time.perf_counter()
        v = desk.verify(case.quote, case.speaker)
        report.verify_ms.append(1000 * (time.perf_counter() - started))
        report.verdicts.setdefault(case.verdict, Score()).add(v.verdict == case.verdict)
        report.false_verified += v.verdict == "verified" and case.verdict != "verified"
        report.words_only += v.verdict == "words_verified"
        if v.verdict != case.verdict:
            report.misses.append(
                f"verify[{case.origin}] {case.quote[:70]!r} ({case.speaker}): "
                f"{v.verdict} != {case.verdict}"
            )
    return report


def _library(gold: list[GoldArticle]) -> Iterator[Any]:
    """A temporary library: the reference article, the news corpus and the gold articles."""
    from assistant import QuoteDesk
    from ingest.pipeline import ingest, process
    from quotedesk.config import Settings
    from quotedesk.evaluation.paths import shared_dir

    folder = Path(tempfile.mkdtemp(prefix="quotedesk-eval-"))
    try:
        desk = QuoteDesk(settings=Settings.from_env(env={}, db_path=folder))
        news = shared_dir() / "corpus" / "news"
        ingest(desk.store, [SAMPLE_ARTICLE] + ([news] if news.is_dir() else []))
        with desk.store.writing():
            for item in gold:
                done = process(item.article)
                desk.store.put(item.article, done.passages, done.quotes)
        yield desk
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(gold: list[Path] | None = None) -> list[QuestionReport]:
    """Score the reference questions and the cases generated from GGT (or ``--gold``) gold."""
    from quotedesk.evaluation.attribution import default_gold

    paths = list(gold) if gold else [p for n, p in default_gold().items() if n == "ggt"]
    gold_articles = [a for path in paths for a in load_gold(path)]
    rng = random.Random(7)
    reports = []
    for desk in _library(gold_articles):
        reports.append(score(desk, "reference", *reference_cases()))
        if gold_articles:
            name = "+".join(p.stem for p in paths)
            reports.append(score(desk, name, *ggt_cases(gold_articles, rng)))
    return reports
