"""Score quote extraction and speaker attribution against hand-checked gold quotes.

The measure follows the Gender Gap Tracker evaluation so numbers are comparable:
a gold quote is found when an extracted quote shares at least 30% of the gold
quote's words (lower-cased word tokens, one-to-one, best overlaps first). Speaker
accuracy is end to end: the gold quote is found *and* the speakers agree, where
"Putin" and "Vladimir Putin" agree but "Xi" and "Putin" do not.

GGT articles are split by a fixed rule on their id into a "tune" part (rules may be
tuned on it) and a "held-out" part (only ever measured), so the numbers reported for
held-out show how attribution does on news it was never tuned on. Gold sets in the
project's own format may name each article's part (``"part": "tune"`` or
``"heldout"``) and are then scored the same way, part by part.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from quotedesk.models import SPEAKER_CERTAIN, Article, Quote
from quotedesk.text import word_set, words

MIN_OVERLAP = 0.3
_PRONOUNS = word_set("he she they it we i him her them his their its")
_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_SPEAKER_NOISE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
# Last hex digit of sha256(article id): 12 of 16 values tune, the other 4 are held out.
_TUNE_DIGITS = "0123456789ab"
_PART_NAMES = {"tune": "tune", "heldout": "held-out"}
# Confidence buckets of the calibration table: (label, low, high), low inclusive.
_BUCKETS = (
    ("<0.5", 0.0, 0.5),
    (f"0.5-{SPEAKER_CERTAIN}", 0.5, SPEAKER_CERTAIN),
    (f"{SPEAKER_CERTAIN}-0.9", SPEAKER_CERTAIN, 0.9),
    (">=0.9", 0.9, float("inf")),
)
CERTAIN_LINE = f">={SPEAKER_CERTAIN}"


@dataclass(frozen=True)
class GoldQuote:
    quote: str
    speaker: str | None
    kind: str  # direct | indirect | mixed | section
    mention: str  # named | pronoun | nominal | none


@dataclass(frozen=True)
class GoldArticle:
    """A gold article as ingest would store it, with its hand-checked quotes."""

    article: Article
    quotes: tuple[GoldQuote, ...]
    part: str | None = None  # "tune" | "heldout" in a split set
    corpus: str = "GGT"  # how a split set's parts are labelled: "GGT tune"


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    speaker_ok: int = 0

    def add(self, found: bool, speaker_ok: bool) -> None:
        self.gold += 1
        self.found += found
        self.speaker_ok += found and speaker_ok

    def to_dict(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "recall": _ratio(self.found, self.gold),
            "speaker_accuracy": _ratio(self.speaker_ok, self.gold),
        }


@dataclass
class Share:
    """Found quotes in one confidence bucket and how many have the right speaker."""

    quotes: int = 0
    right: int = 0

    def add(self, right: bool) -> None:
        self.quotes += 1
        self.right += right

    def to_dict(self) -> dict[str, float | int]:
        return {"quotes": self.quotes, "right_speaker": _ratio(self.right, self.quotes)}


def _calibration() -> dict[str, Share]:
    return {label: Share() for label, _, _ in _BUCKETS} | {CERTAIN_LINE: Share()}


def _calibrate(table: dict[str, Share], confidence: float, right: bool) -> None:
    """Count one found quote in its bucket and, when certain, in the certain line."""
    for label, low, high in _BUCKETS:
        if low <= confidence < high:
            table[label].add(right)
    if confidence >= SPEAKER_CERTAIN:
        table[CERTAIN_LINE].add(right)


@dataclass
class Miss:
    """One error to look at: a gold quote missed or given the wrong speaker."""

    article_id: str
    quote: str
    gold_speaker: str | None
    found_speaker: str | None = None
    found_text: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return self.__dict__.copy()


@dataclass
class Report:
    name: str
    articles: int = 0
    extracted: int = 0
    matched: int = 0
    # Gold quotes with no words, or whose words are not in the article text, so no
    # extractor can find them (gold-data faults, e.g. an article stored without its
    # body). They still count as missed.
    absent: int = 0
    overall: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=dict)
    by_mention: dict[str, Tally] = field(default_factory=dict)
    calibration: dict[str, Share] = field(default_factory=_calibration)
    misses: list[Miss] = field(default_factory=list)
    wrong_speaker: list[Miss] = field(default_factory=list)
    spurious: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.extracted)

    @property
    def f1(self) -> float:
        recall = _ratio(self.overall.found, self.overall.gold)
        total = self.precision + recall
        return 2 * self.precision * recall / total if total else 0.0

    def to_dict(self) -> dict:
        return {
            "set": self.name,
            "articles": self.articles,
            "extracted": self.extracted,
            "absent_from_text": self.absent,
            "precision": self.precision,
            "f1": self.f1,
            **self.overall.to_dict(),
            "by_kind": {k: t.to_dict() for k, t in sorted(self.by_kind.items())},
            "by_mention": {k: t.to_dict() for k, t in sorted(self.by_mention.items())},
            "calibration": {k: s.to_dict() for k, s in self.calibration.items()},
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def gold_kind(quote: str) -> str:
    """GGT marks direct quotes by keeping their quotation marks in the gold text."""
    stripped = quote.strip().rstrip(".,")
    if stripped[:1] in _MARKS and stripped[-1:] in _MARKS:
        return "direct"
    return "mixed" if any(ch in quote for ch in _MARKS) else "indirect"


def gold_mention(mention: str) -> str:
    mention = mention.strip()
    if not mention:
        return "none"
    if mention.lower() in _PRONOUNS:
        return "pronoun"
    first = mention.split()[0]
    if first[0].islower() or first.lower() in ("the", "a", "an"):
        return "nominal"
    return "named"


def _article(id_: str, raw: str, **metadata) -> Article:
    """Run the loader on gold text so offsets and cleaning match a real ingest."""
    from ingest.load import load_text

    return load_text(raw, source=id_, fmt="text", **metadata)


def gold_part(article_id: str) -> str:
    """The fixed GGT split: ``tune`` or ``heldout``, from a hash so no one can pick it."""
    digit = hashlib.sha256(article_id.encode()).hexdigest()[-1]
    return "tune" if digit in _TUNE_DIGITS else "heldout"


def _ggt_article(row: dict) -> GoldArticle:
    quotes = tuple(
        GoldQuote(
            quote=q["quote"],
            speaker=q.get("speaker") or None,
            kind=gold_kind(q["quote"]),
            mention=gold_mention(q.get("speaker_mention") or ""),
        )
        for q in row["quotes"]
    )
    article_id = str(row["id"])
    return GoldArticle(_article(article_id, row["text"]), quotes, gold_part(article_id))


def _dev_article(row: dict, gold_file: Path) -> GoldArticle:
    """The project's own format: inline text or an article file, kind and mention explicit."""
    if "path" in row:
        from ingest.load import load_text

        text = (gold_file.parent / row["path"]).read_text(encoding="utf-8")
        article = load_text(text, source=row["id"])
    else:
        article = _article(
            row["id"],
            row["text"],
            author=row.get("author"),
            categories=row.get("categories"),
        )
    quotes = tuple(
        GoldQuote(q["quote"], q.get("speaker"), q["kind"], q.get("mention", "named"))
        for q in row["quotes"]
    )
    return GoldArticle(article, quotes, row.get("part"), corpus=gold_file.stem)


def load_gold(path: Path) -> list[GoldArticle]:
    """Gold articles from a JSONL file in either GGT's format or ours (``kind`` per quote)."""
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        ours = any("kind" in q for q in row.get("quotes", ()))
        articles.append(_dev_article(row, path) if ours else _ggt_article(row))
    return articles


def same_speaker(gold: str | None, found: str | None) -> bool:
    """Tolerant match: same words, one name inside the other, or the same surname."""
    if not gold or not found:
        return gold is None and found is None
    a = _SPEAKER_NOISE.sub("", gold.strip()).lower()
    b = _SPEAKER_NOISE.sub("", found.strip()).lower()
    if a == b or a in b or b in a:
        return True
    wa, wb = words(a), words(b)
    return bool(wa and wb) and wa[-1] == wb[-1]


def _overlap(gold: Counter, found: Counter) -> tuple[float, float]:
    """Share of the gold words found; the share of the found words that are gold breaks ties."""
    common = sum((gold & found).values())
    g, f = sum(gold.values()), sum(found.values())
    return (common / g if g else 0.0, common / f if f else 0.0)


def match(gold: Iterable[str], found: Iterable[str]) -> dict[int, int]:
    """Greedy one-to-one pairing of gold to extracted quotes by word overlap."""
    gold_bags = [Counter(words(g)) for g in gold]
    found_bags = [Counter(words(f)) for f in found]
    pairs = []
    for i, g in enumerate(gold_bags):
        for j, f in enumerate(found_bags):
            score = _overlap(g, f)
            if score[0] >= MIN_OVERLAP:
                pairs.append((score, -i, -j))
    result: dict[int, int] = {}
    used: set[int] = set()
    for _, neg_i, neg_j in sorted(pairs, reverse=True):
        i, j = -neg_i, -neg_j
        if i not in result and j not in used:
            result[i] = j
            used.add(j)
    return result


def _absent(gold: GoldArticle) -> int:
    """Gold quotes too few of whose words (or none) are in the article for any slice to match."""
    text = Counter(words(gold.article.text))
    return sum(_overlap(Counter(words(q.quote)), text)[0] < MIN_OVERLAP for q in gold.quotes)


def score(
    name: str,
    articles: Iterable[GoldArticle],
    extract: Callable[[GoldArticle], list[Quote]],
) -> Report:
    """Run ``extract`` on every article and tally recall, precision and speaker accuracy."""
    report = Report(name)
    for article in articles:
        found = extract(article)
        article_id = article.article.source
        pairs = match([q.quote for q in article.quotes], [q.text for q in found])
        report.articles += 1
        report.extracted += len(found)
        report.matched += len(pairs)
        report.absent += _absent(article)
        for i, gold in enumerate(article.quotes):
            hit = found[pairs[i]] if i in pairs else None
            ok = hit is not None and same_speaker(gold.speaker, hit.speaker)
            for tally in (
                report.overall,
                report.by_kind.setdefault(gold.kind, Tally()),
                report.by_mention.setdefault(gold.mention, Tally()),
            ):
                tally.add(hit is not None, ok)
            if hit is None:
                report.misses.append(Miss(article_id, gold.quote, gold.speaker))
                continue
            _calibrate(report.calibration, hit.confidence, ok)
            if not ok:
                report.wrong_speaker.append(
                    Miss(article_id, gold.quote, gold.speaker, hit.speaker, hit.text)
                )
        matched = set(pairs.values())
        report.spurious.extend(
            Miss(article_id, q.text, None, q.speaker)
            for j, q in enumerate(found)
            if j not in matched
        )
    return report


def attribute_gold(gold: GoldArticle) -> list[Quote]:
    from ingest.attribute import attribute

    return attribute(gold.article)


# invented house styles, each written by colleagues who never read the rules
STYLE_BATCHES = tuple(f"styles{n}" for n in ("", *range(2, 20)))


def default_gold() -> dict[str, Path]:
    """The packaged sets (dev and every batch of invented house styles in ``STYLE_BATCHES``),
    plus GGT when ../shared is present."""
    from quotedesk.evaluation.paths import shared_dir
    from quotedesk.resources import DATA_DIR

    sets = {name: DATA_DIR / "gold" / f"{name}.jsonl" for name in ("dev", *STYLE_BATCHES)}
    ggt = shared_dir() / "benchmarks" / "ggt" / "articles.jsonl"
    if ggt.is_file():
        sets["ggt"] = ggt
    return sets


def split(name: str, articles: list[GoldArticle]) -> list[tuple[str, list[GoldArticle]]]:
    """A gold set as scored: a split set by part ("GGT tune", "GGT held-out"), others whole."""
    whole = [a for a in articles if a.part is None]
    parts = [(name, whole)] if whole else []
    for part, label in _PART_NAMES.items():
        chosen = [a for a in articles if a.part == part]
        if chosen:
            parts.append((f"{chosen[0].corpus} {label}", chosen))
    return parts


def run(gold: list[Path] | None = None) -> list[Report]:
    """Score every gold set (``--gold`` paths replace the defaults)."""
    sets = {p.stem: p for p in gold} if gold else default_gold()
    return [
        score(part, articles, attribute_gold)
        for name, path in sets.items()
        for part, articles in split(name, load_gold(path))
    ]
