"""Question understanding: what the user wants found, and under which filters.

Rule-based on purpose: a question is short, the phrasings are few ("who said X",
"what did X say about Y", "did X say Y"), and a parser that can be read and tested
beats a model we would have to download. Everything not recognised is a general
question, answered by plain retrieval.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from quotedesk.models import Answer
from quotedesk.text import normalize

Intent = Literal["who_said", "what_said", "verify", "library", "general"]

# Speech and opinion verbs, in the forms questions use them.
_PAST = (
    r"said|called|argued|thought|wrote|tweeted|claimed|stated|told|declared|described|warned|"
    r"insisted|added|noted|believed|suggested|posted|remarked|commented|predicted|promised|"
    r"admitted|explained|dubbed|labell?ed|accused|urged|praised|criticized|criticised|"
    r"blamed|vowed|announced|asserted|maintained|denied|acknowledged|observed"
)
_PRESENT = (
    r"says|calls|argues|thinks|writes|tweets|claims|states|tells|declares|describes|warns|"
    r"insists|notes|believes|suggests|posts|predicts|promises|admits|explains|blames|vows|"
    r"asserts|maintains|denies"
)
_BASE = (
    r"say|call|argue|think|write|tweet|claim|state|tell|declare|describe|warn|insist|note|"
    r"believe|suggest|post|predict|promise|admit|explain|blame|vow|assert|deny|mention|"
    r"comment|announce"
)
_GERUND = (
    r"saying|calling|arguing|claiming|stating|telling|declaring|describing|warning|writing|"
    r"tweeting|insisting|suggesting|predicting|promising"
)
_ADVERB = r"(?:(?:really|actually|ever|originally|first|once|publicly)\s+)?"
_THAT = r"(?:that\s+(?=\S+\s))?"
_PRONOUNS = {"he", "she", "they", "him", "her", "them", "this person"}
_ANYONE = {"anyone", "anybody", "someone", "somebody", "any one", "nobody", "no one"}
_TITLE_WORDS = ("the",)

_WHO_SAID = [
    re.compile(
        rf"^(?:so\s+)?who(?:'s|\s+is|\s+was|\s+were|\s+has\s+been)\s+(?:being\s+)?"
        rf"quoted\s+(?:as\s+)?(?:{_GERUND})\s+{_THAT}(?P<frag>.+)$",
        re.I,
    ),
    re.compile(
        rf"^(?:so\s+)?(?:who|which\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:(?:has|had|did)\s+)?"
        rf"{_ADVERB}(?:{_PAST}|{_PRESENT}|{_BASE})\s+(?:it\s*[:,-]\s*|this\s*[:,-]\s*)?"
        rf"{_THAT}(?P<frag>.+)$",
        re.I,
    ),
    re.compile(r"^who\s+(?:was|is)\s+it\s+(?:that|who)\s+said\s+(?:that\s+)?(?P<frag>.+)$", re.I),
    re.compile(r"^whose\s+(?:words|quote)\s+(?:is|are|was|were)\s+(?P<frag>.+)$", re.I),
    re.compile(r"^who\s+is\s+the\s+source\s+of\s+(?:the\s+quote\s+)?(?P<frag>.+)$", re.I),
    re.compile(r"^(?P<frag>.+?)\s*[-:,]\s*who\s+said\s+(?:it|this|that)$", re.I),
]
_VERIFY = [
    re.compile(
        rf"^(?:is\s+it\s+(?:true|correct|right)|true\s+or\s+false:?|fact[- ]?check:?)"
        rf"\s+(?:that\s+)?(?P<speaker>.+?)\s+{_ADVERB}(?:{_PAST}|{_PRESENT})\s+{_THAT}"
        rf"(?P<frag>.+)$",
        re.I,
    ),
    re.compile(
        rf"^(?:did|does|has|have|had)\s+(?P<speaker>.+?)\s+{_ADVERB}(?:{_BASE}|{_PAST})"
        rf"\s+{_THAT}(?P<frag>.+)$",
        re.I,
    ),
    re.compile(r"^was\s+it\s+(?P<speaker>.+?)\s+who\s+said\s+(?:that\s+)?(?P<frag>.+)$", re.I),
    re.compile(
        r"^(?:verify|check)\s*:?\s+(?P<frag>.+?)(?:\s+(?:by|from)\s+(?P<speaker>[^\"]+))?$", re.I
    ),
]
_WHAT_SAID = [
    re.compile(
        rf"^what\s+(?:else\s+)?(?:did|does|has|have|had|do)\s+(?P<speaker>.+?)\s+"
        rf"(?:else\s+)?(?:{_BASE}|{_PAST})(?:\s+else)?(?:\s+(?:about|on|regarding|"
        rf"concerning|of)\s+(?P<topic>.+))?$",
        re.I,
    ),
    re.compile(
        r"^what\s+(?:else\s+)?(?:is|was|has)\s+(?P<speaker>.+?)\s+(?:been\s+)?quoted\s+"
        r"(?:as\s+)?saying(?:\s+(?:about|on|regarding)\s+(?P<topic>.+))?$",
        re.I,
    ),
    re.compile(
        r"^(?:show|list|give|find|get)\s+(?:me\s+)?(?:all\s+|more\s+|other\s+)?(?:the\s+)?"
        r"(?:quotes?|statements?)\s+(?:from|by|of)\s+(?P<speaker>.+?)"
        r"(?:\s+(?:about|on|regarding)\s+(?P<topic>.+))?$",
        re.I,
    ),
    re.compile(
        r"^(?:all\s+)?(?P<speaker>.+?)'s?\s+(?:quotes?|statements?|remarks?)"
        r"(?:\s+(?:about|on|regarding)\s+(?P<topic>.+))?$",
        re.I,
    ),
    re.compile(
        r"^(?:quotes?|statements?)\s+(?:from|by)\s+(?P<speaker>.+?)"
        r"(?:\s+(?:about|on|regarding)\s+(?P<topic>.+))?$",
        re.I,
    ),
]
# Questions about the library itself, answered from its catalogue, not by search.
_LIBRARY = re.compile(
    r"^(?:how\s+many\s+(?:articles|quotes|quotations|passages|speakers|outlets)"
    r"|(?:which|what)\s+(?:articles|outlets|sources|speakers|people)\b"
    r"|(?:list|show)\s+(?:me\s+)?(?:all\s+)?(?:the\s+)?(?:articles|outlets|speakers)"
    r"|who\s+is\s+quoted\s+(?:the\s+)?most|what(?:'s|\s+is)\s+in\s+the\s+library)",
    re.I,
)
_ANYTHING_ABOUT = re.compile(
    r"^(?:anything|something|much|a\s+lot)\s+(?:about|on|of)\s+(.+)$", re.I
)

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH_RE = "|".join(sorted((m for m in _MONTHS if m), key=len, reverse=True))
_DATE = (
    rf"(?:(?:{_MONTH_RE})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}\s+(?:{_MONTH_RE})\.?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}-\d{2}(?:-\d{2})?|(?:19|20)\d{2})"
)
_DATE_FILTERS = [
    ("between", re.compile(rf"\bbetween\s+(?P<a>{_DATE})\s+and\s+(?P<b>{_DATE})$", re.I)),
    ("from", re.compile(rf"\b(?:since|after|from)\s+(?P<a>{_DATE})$", re.I)),
    ("to", re.compile(rf"\b(?:before|until|till|up\s+to|by)\s+(?P<a>{_DATE})$", re.I)),
    ("in", re.compile(rf"\b(?:in|during|on)\s+(?P<a>{_DATE})$", re.I)),
]


@dataclass(frozen=True)
class Question:
    """A parsed question: the intent, the words to find, and the filters to apply.

    ``relaxed`` keeps the trailing words that were read as filters, so a caller can
    retry when "in 2001" turned out to be part of the quote rather than a date filter.
    """

    text: str
    intent: Intent
    fragment: str | None = None
    speaker: str | None = None
    topic: str | None = None
    outlet: str | None = None
    date_from: int | None = None  # yyyymmdd, inclusive
    date_to: int | None = None  # yyyymmdd, inclusive
    exclude: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    filter_text: str = ""  # the words read as filters, in question order

    @property
    def search_text(self) -> str:
        """What to search for: the quoted fragment, the topic, or the whole question."""
        return self.fragment or self.topic or self.text

    @property
    def has_filters(self) -> bool:
        return bool(self.outlet or self.date_from or self.date_to)

    def filters(self) -> dict[str, object]:
        """The filters in words, for the search trace."""
        out: dict[str, object] = {}
        if self.speaker and self.intent != "verify":
            out["speaker"] = self.speaker
        if self.outlet:
            out["outlet"] = self.outlet
        if self.date_from:
            out["published_from"] = _iso(self.date_from)
        if self.date_to:
            out["published_to"] = _iso(self.date_to)
        return out

    def relaxed(self) -> Question | None:
        """The same question with its filter words read back as part of the fragment."""
        if not self.filter_text or not self.fragment:
            return None
        return replace(
            self,
            fragment=f"{self.fragment} {self.filter_text}",
            outlet=None,
            date_from=None,
            date_to=None,
            filter_text="",
        )


def _iso(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


def _parse_date(text: str) -> tuple[int, int]:
    """The first and last yyyymmdd day a date phrase covers ("2021" -> whole year)."""
    text = text.strip().rstrip(".").lower().replace(",", " ")
    iso = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if iso:
        year, month, day = int(iso[1]), iso[2], iso[3]
    else:
        parts = [p for p in re.split(r"[\s.]+", text) if p]
        year = int(parts[-1])
        month_word = next(p for p in parts if p in _MONTHS)
        month = str(_MONTHS[month_word])
        day_word = next((p for p in parts[:-1] if re.match(r"\d", p)), None)
        day = re.sub(r"\D", "", day_word) if day_word else None
    if month is None:
        return year * 10000 + 101, year * 10000 + 1231
    m = int(month)
    if day is None:
        last = calendar.monthrange(year, m)[1]
        return year * 10000 + m * 100 + 1, year * 10000 + m * 100 + last
    d = year * 10000 + m * 100 + int(day)
    return d, d


def _strip_filters(
    text: str, outlets: Collection[str]
) -> tuple[str, str | None, int | None, int | None, str]:
    """Peel trailing filter phrases ("in Reuters", "since 2021") off the question."""
    outlet = date_from = date_to = None
    removed: list[str] = []
    by_lower = {o.lower(): o for o in outlets if o}
    outlet_re = None
    if by_lower:
        names = "|".join(re.escape(o) for o in sorted(by_lower, key=len, reverse=True))
        outlet_re = re.compile(
            rf"\b(?:in|from|by|on|according\s+to|published\s+(?:in|by))\s+(?:the\s+)?"
            rf"(?P<o>{names})$",
            re.I,
        )
    changed = True
    while changed:
        changed = False
        text = text.rstrip(" ?.!,;")
        if outlet_re and outlet is None and (m := outlet_re.search(text)):
            outlet = by_lower[m["o"].lower()]
            removed.insert(0, text[m.start() :])
            text = text[: m.start()]
            changed = True
            continue
        if date_from is None and date_to is None:
            for kind, pattern in _DATE_FILTERS:
                m = pattern.search(text)
                if not m:
                    continue
                first, last = _parse_date(m["a"])
                if kind == "between":
                    date_from, date_to = first, _parse_date(m["b"])[1]
                elif kind == "from":
                    date_from = first
                elif kind == "to":
                    date_to = first - 1 if first % 100 else first
                else:
                    date_from, date_to = first, last
                removed.insert(0, text[m.start() :])
                text = text[: m.start()]
                changed = True
                break
    return text.strip(), outlet, date_from, date_to, " ".join(removed)


_QUOTED = re.compile(r"\"([^\"]{3,})\"|(?:^|\s)'([^']{3,})'(?=[\s?.!,]|$)")


def _quoted_fragment(text: str) -> str | None:
    """The words inside quote marks, when the user put some there."""
    m = _QUOTED.search(normalize(text))
    if not m:
        return None
    span = m.span(1) if m[1] is not None else m.span(2)
    return text[span[0] : span[1]].strip()


def _clean(fragment: str | None) -> str | None:
    if fragment is None:
        return None
    cleaned = fragment.strip().strip("\"'\u201c\u201d\u2018\u2019 ").rstrip("?").strip()
    cleaned = cleaned.strip("\"'\u201c\u201d\u2018\u2019 ")
    return cleaned or None


def _clean_speaker(speaker: str | None) -> str | None:
    speaker = _clean(speaker)
    if not speaker:
        return None
    speaker = re.sub(r"'s?$", "", speaker.rstrip(",;: "))  # "Dana Ortiz, fire chief,"
    words = speaker.split()
    while words and words[0].lower() in _TITLE_WORDS:
        words = words[1:]
    return " ".join(words) or None


def _last_speaker(history: Sequence[tuple[str, Answer]] | None) -> str | None:
    for _question, answer in reversed(history or ()):
        if answer.speaker:
            return answer.speaker
    return None


def _shown(history: Sequence[tuple[str, Answer]] | None) -> frozenset[tuple[str, int]]:
    return frozenset(
        (c.article_id, c.start) for _q, answer in history or () for c in answer.citations
    )


def parse_question(
    text: str,
    *,
    outlets: Collection[str] = (),
    history: Sequence[tuple[str, Answer]] | None = None,
) -> Question:
    """Read a question into a :class:`Question`.

    ``outlets`` are the outlet names in the library: only those are read as outlet
    filters, so "in Moscow" stays part of the question. ``history`` (earlier
    question/answer turns) resolves "he"/"she" and "what else" follow-ups.
    """
    raw = " ".join(text.split())
    quoted = _quoted_fragment(raw)
    body, outlet, date_from, date_to, filter_text = _strip_filters(raw, outlets)
    if quoted and quoted not in body:  # a filter phrase was inside the quote marks
        body, outlet, date_from, date_to, filter_text = raw.rstrip(" ?.!"), None, None, None, ""
    common = dict(outlet=outlet, date_from=date_from, date_to=date_to, filter_text=filter_text)

    for pattern in _VERIFY:
        if m := pattern.match(body):
            speaker = _clean_speaker(m["speaker"]) if m["speaker"] else None
            fragment = quoted or _clean(m["frag"])
            if speaker and speaker.lower() in _ANYONE:
                return Question(raw, "who_said", fragment=fragment, **common)
            about = _ANYTHING_ABOUT.match(fragment or "")
            if about and speaker:
                return _what_said(raw, speaker, _clean(about[1]), history, common)
            if speaker and speaker.lower() in _PRONOUNS:
                speaker = _last_speaker(history) or speaker
            return Question(raw, "verify", fragment=fragment, speaker=speaker, **common)
    for pattern in _WHO_SAID:
        if m := pattern.match(body):
            return Question(raw, "who_said", fragment=quoted or _clean(m["frag"]), **common)
    for pattern in _WHAT_SAID:
        if m := pattern.match(body):
            return _what_said(
                raw, _clean_speaker(m["speaker"]), _clean(m["topic"]), history, common
            )
    if quoted:
        return Question(raw, "who_said", fragment=quoted, **common)
    if _LIBRARY.match(body):
        return Question(raw, "library", topic=_clean(body), **common)
    return Question(raw, "general", topic=_clean(body), **common)


def _what_said(
    raw: str,
    speaker: str | None,
    topic: str | None,
    history: Sequence[tuple[str, Answer]] | None,
    common: dict,
) -> Question:
    follow_up = speaker is None or speaker.lower() in _PRONOUNS
    if follow_up:
        speaker = _last_speaker(history) or speaker
    exclude = _shown(history) if follow_up or re.search(r"\belse\b", raw, re.I) else frozenset()
    return Question(raw, "what_said", speaker=speaker, topic=topic, exclude=exclude, **common)
