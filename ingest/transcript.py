"""Transcripts as sources: speaker-labelled text, Q:/A: interviews, WebVTT and SRT.

A transcript names who speaks, so its turns are its quotes, with confidence 1: no
attribution engine guesses. The stored text is rebuilt as one ``Label: words``
paragraph per turn, so each turn's words are a slice of it, and each timed cue's start
is kept as an offset (``Article.times``) so a citation can say "at 00:12:31".

Who a label is: all-caps labels read in title case ("JANE DOE" -> "Jane Doe"), courtesy
titles dropped ("MS. DOE" -> "Doe"), and a surname alone becomes the full name another
label or the header gives. Labels that name no one ("AUDIENCE MEMBER", "SPEAKER 2",
"UNIDENTIFIED MALE") keep their words in the text but make no quote: the speaker is
unknown. In a ``Q:``/``A:`` interview, ``A`` is the interviewee a header line names
("Interviewee: NAME", "Interview with NAME"); without one the file is not a transcript.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from ingest.clean import clean_text
from quotedesk.errors import LoadError
from quotedesk.models import Article, Quote, Turn

# "JANE DOE", "Jane Doe", "MS. DOE", "Sen. Jane Doe-Smith", "Q"
_NAME = r"[A-Z][\w'\u2019.\-]*(?: [A-Z][\w'\u2019.\-]*){0,4}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"
_LABEL_LINE = re.compile(
    rf"^(?:[\[(](?P<time>{_TIME})[\])]\s*)?(?P<label>{_NAME})"
    rf"(?:\s*\((?P<note>[^)]*)\))?\s*:\s+(?P<words>\S.*)$"
)
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{1,20}):\s*(?P<value>\S.*)$")
_INTERVIEW_WITH = re.compile(r"^(?:An? )?interview with (?P<name>" + _NAME + ")", re.I)
_HEADER_KEYS = {
    "title": "title",
    "date": "published",
    "published": "published",
    "interviewee": "A",
    "guest": "A",
    "interviewer": "Q",
    "host": "Q",
}
# words that open a "Label: text" line without naming a speaker
_NOT_SPEAKERS = frozenset((
    "note", "update", "source", "photo", "photo credit", "editor's note", "correction",
    "related", "read more", "follow", "email", "phone", "tel", "fax", "text", "title",
    "published", "author", "date", "category", "tags",
))  # fmt: skip
_UNNAMED = re.compile(
    r"^(?:audience(?: member)?|unidentified\b.*|unknown\b.*|speaker ?\d*|participant ?\d*|"
    r"voice|crowd|caller|reporter|question|questioner|male|female|man|woman|"
    r"(?:male|female) (?:voice|speaker)|off[- ]camera|interpreter|announcer|narrator)$",
    re.I,
)
_COURTESY = re.compile(r"^(?:mr|mrs|ms|miss|mx)\.?\s+", re.I)
_TITLE = re.compile(
    r"^(?:deputy |vice |prime )?(?:mayor|councill?or|senator|sen\.|representative|rep\.|"
    r"governor|gov\.|president|minister|secretary|chair(?:man|woman)?|judge|justice|"
    r"commissioner|chief|ambassador|professor|prof\.|dr\.?)(?=\s+\S)",
    re.I,
)
_MIN_LABELLED_LINES = 3
_MIN_LABELLED_SHARE = 1 / 3

_VTT_TIMING = re.compile(r"^(?P<start>(?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+\S+")
_SRT_TIMING = re.compile(r"^(?P<start>\d{1,2}:\d{2}:\d{2}[,.]\d{1,3})\s*-->\s*\S+")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)*\s+([^>]+)>")
_TAG = re.compile(r"</?[^>\s][^>]*>|\{\\[^}]*\}")  # cue markup, SRT's {\an8}
_DASH = re.compile(r"^(?:[-\u2013\u2014]\s+|>>\s*)")  # broadcast captions: a new speaker


@dataclass(frozen=True)
class Segment:
    """Words of one label at one moment: a cue, or a turn of labelled text."""

    label: str | None  # None: nobody is named for these words
    words: str
    time: str | None = None


# --- detection and entry point ----------------------------------------------------------


def looks_like_transcript(raw: str) -> bool:
    """Speaker-labelled text: enough lines open with a label, and speakers take turns (a
    label comes back), which section heads of a news digest ("ENERGY: ...") never do."""
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    labels = [m["label"] for m in map(_LABEL_LINE.match, lines) if m and _is_label(m["label"])]
    if len(labels) < _MIN_LABELLED_LINES or len(labels) < _MIN_LABELLED_SHARE * len(lines):
        return False
    names = set(labels)
    if names <= {"Q", "A"}:
        return _header(lines)[1].get("A") is not None
    people = [label.split()[-1].upper() for label in labels]  # "MAYOR DOE" then "DOE"
    return len(names) >= 2 and len(set(people)) < len(people)


def read_transcript(raw: str, source: str, fmt: str, notes: Sequence[str] = ()) -> Article:
    """The Article of a transcript file (``fmt``: "webvtt", "srt" or "text")."""
    from ingest.load import make_article

    parse = {"webvtt": parse_webvtt, "srt": parse_srt, "text": parse_labelled}[fmt]
    title, header, segments = parse(raw.replace("\r\n", "\n").replace("\r", "\n"), source)
    names = _speaker_names([s.label for s in segments if s.label], header)
    paragraphs = _paragraphs(segments)
    body = "\n\n".join(p.text for p in paragraphs)
    if not body.strip():
        raise LoadError(source, "the transcript has no spoken text")
    article = make_article(
        text_raw=body,
        source=source,
        title=title or _title_from(source),
        notes=notes,
        published=header.get("published"),
    )
    turns, times = _place(paragraphs, article.text, names)
    shape = repr((turns, times)).encode()
    digest = hashlib.sha256(article.content_hash.encode() + shape).hexdigest()
    return replace(article, kind="transcript", turns=turns, times=times, content_hash=digest)


def turn_quotes(article: Article) -> list[Quote]:
    """A transcript's quotes: each turn is what its speaker said (confidence 1)."""
    return [
        Quote(
            text=article.text[t.start : t.end],
            start=t.start,
            end=t.end,
            speaker=t.speaker,
            kind="direct",
            confidence=1.0,
            speaker_title=title_of(t.label),
            mention=t.label,
            mention_kind="named",
            article_id=article.id,
            id=f"{article.id}:q{i}",
        )
        for i, t in enumerate(article.turns)
    ]


# --- formats ---------------------------------------------------------------------------

Parsed = tuple[str | None, dict[str, str], list[Segment]]


def parse_labelled(raw: str, source: str) -> Parsed:
    """``NAME: words`` lines; unlabelled lines continue the turn above them."""
    lines = raw.split("\n")
    first = next((i for i, line in enumerate(lines) if _is_turn(line.strip())), len(lines))
    intro, header = _header([line.strip() for line in lines[:first] if line.strip()])
    segments = [Segment(None, line) for line in intro]
    for line in (line.strip() for line in lines[first:]):
        match = _label_match(line)
        if match:
            time = match["time"] or _time_in(match["note"])
            segments.append(Segment(match["label"], match["words"], _clock(time)))
        elif line and segments:
            segments[-1] = replace(segments[-1], words=f"{segments[-1].words} {line}")
    return header.get("title"), header, segments


def parse_webvtt(raw: str, source: str) -> Parsed:
    """WebVTT: ``<v Name>`` voice tags (or ``NAME:`` prefixes) and cue start times."""
    raw = raw.lstrip("\ufeff")
    head, _, rest = raw.partition("\n")
    if not head.startswith("WEBVTT"):
        raise LoadError(source, "not a WebVTT file: the first line must be WEBVTT")
    title = head[len("WEBVTT") :].strip(" -\t") or None
    cues = []
    for line_no, block in _blocks(rest, first_line=2):
        if block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timed = next((i for i, line in enumerate(block[:2]) if "-->" in line), None)
        match = _VTT_TIMING.match(block[timed]) if timed is not None else None
        if match is None:
            raise _malformed(source, line_no, block, "00:01:02.000 --> 00:01:05.000")
        cues.append((_clock(match["start"]), block[timed + 1 :]))
    return title, {}, _cue_segments(cues, source)


def parse_srt(raw: str, source: str) -> Parsed:
    """SRT: numbered cues with start times; ``NAME:`` prefixes say who speaks."""
    cues = []
    for line_no, block in _blocks(raw.lstrip("\ufeff"), first_line=1):
        timed = 1 if block[0].strip().isdigit() and len(block) > 1 else 0
        match = _SRT_TIMING.match(block[timed])
        if match is None:
            raise _malformed(source, line_no, block, "00:01:02,000 --> 00:01:05,000")
        cues.append((_clock(match["start"]), block[timed + 1 :]))
    return None, {}, _cue_segments(cues, source)


def _blocks(text: str, *, first_line: int) -> Iterator[tuple[int, list[str]]]:
    """Blank-line separated blocks with the line number each starts on."""
    block: list[str] = []
    start = first_line
    for number, line in enumerate(text.split("\n"), start=first_line):
        if line.strip():
            if not block:
                start = number
            block.append(line.strip())
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _malformed(source: str, line_no: int, block: list[str], example: str) -> LoadError:
    return LoadError(
        source, f"malformed cue at line {line_no}: {block[0][:60]!r} has no timing like {example}"
    )


def _cue_segments(cues: list[tuple[str | None, list[str]]], source: str) -> list[Segment]:
    """Cue lines as segments; a speaker stays current until a voice tag or label changes it."""
    if not cues:
        raise LoadError(source, "no cues: the file has no timed text ('start --> end')")
    segments: list[Segment] = []
    label: str | None = None
    for time, lines in cues:
        for line in lines:
            voice = _VOICE.search(line)
            words = html.unescape(_TAG.sub("", line)).strip()
            if voice:
                label = voice.group(1).strip()
            elif _DASH.match(words):  # another speaker, unnamed unless a label follows
                label, words = None, _DASH.sub("", words)
            match = _label_match(words)
            if match:
                label, words = match["label"], match["words"]
            if words:
                segments.append(Segment(label, words, time))
                time = None  # a cue's time marks where its first words start
    return segments


# --- labels, names, header -------------------------------------------------------------


def _is_turn(line: str) -> bool:
    """A labelled line that is not a header line such as "Interviewer: Tomas Reyes"."""
    return _label_match(line) is not None and _header_field(line) is None


def _header_field(line: str) -> tuple[str, str] | None:
    """(field, value) of a header line; a person's value must read as a name, so a
    radio transcript's "HOST: Welcome back." stays a turn."""
    match = _HEADER_LINE.match(line)
    key = _HEADER_KEYS.get(match["key"].strip().lower()) if match else None
    if match is None or key is None:
        return None
    value = match["value"].strip()
    if key in ("Q", "A") and (value[-1] in ".?!" or len(value.split()) > 6):
        return None
    return key, value


def _label_match(line: str) -> re.Match[str] | None:
    match = _LABEL_LINE.match(line)
    return match if match and _is_label(match["label"]) else None


def _is_label(label: str) -> bool:
    return label.lower() not in _NOT_SPEAKERS and (label.isupper() or len(label.split()) <= 4)


def _header(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Lines before the first turn: known ``Key: value`` lines become the header, the rest
    stays as text; "Interview with NAME" names the interviewee."""
    header: dict[str, str] = {}
    kept: list[str] = []
    for line in lines:
        field = _header_field(line)
        if field:
            header.setdefault(*field)
            continue
        interview = _INTERVIEW_WITH.match(line)
        if interview:
            header.setdefault("A", interview["name"])
        header.setdefault("title", line)
        kept.append(line)
    return kept, header


def _speaker_names(labels: list[str], header: dict[str, str]) -> dict[str, str | None]:
    """Each label's speaker: a full name, or None when the label names no one."""
    names: dict[str, str | None] = {}
    for label in dict.fromkeys(labels):
        if label in ("Q", "A"):
            names[label] = _person(header[label]) if header.get(label) else None
        else:
            names[label] = _person(label)
    full = [n for n in names.values() if n and " " in n]
    for label, name in names.items():
        if name and " " not in name:  # a surname alone: the fuller name it belongs to
            longer = [f for f in full if f.split()[-1] == name]
            names[label] = longer[0] if len(longer) == 1 else name
    return names


def _person(label: str) -> str | None:
    """ "MS. JANE DOE" -> "Jane Doe"; None for labels that name no one."""
    name = " ".join(label.split()).strip(" .")
    if _UNNAMED.match(name):
        return None
    name = _COURTESY.sub("", name)
    title = _TITLE.match(name)
    name = name[title.end() :].strip() if title else name
    return name.title() if name.isupper() else name


def title_of(label: str) -> str | None:
    """The office a label gives its speaker ("MAYOR LENA OSTROVA" -> "Mayor")."""
    title = _TITLE.match(" ".join(label.split()))
    if title is None:
        return None
    return title.group().title() if title.group().isupper() else title.group()


def _time_in(note: str | None) -> str | None:
    return note if note and re.fullmatch(_TIME, note.strip()) else None


def _clock(time: str | None) -> str | None:
    """Cue and label times as hh:mm:ss ("1:02.5" -> "00:01:02")."""
    if not time:
        return None
    parts = re.split(r"[.,]", time.strip())[0].split(":")
    hours, minutes, seconds = ([0] * (3 - len(parts)) + [int(p) for p in parts])[-3:]
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"


def _title_from(source: str) -> str:
    stem = re.split(r"[/\\]", source)[-1].rsplit(".", 1)[0]
    return f"{' '.join(re.split(r'[-_ ]+', stem)).strip() or 'Untitled'} (transcript)"


# --- text and offsets ------------------------------------------------------------------


@dataclass(frozen=True)
class _Paragraph:
    """One turn's paragraph as planned: its text and offsets inside it."""

    text: str
    label: str | None
    words_at: int  # where the words start (after "Label: ")
    times: tuple[tuple[int, str], ...]


def _paragraphs(segments: list[Segment]) -> list[_Paragraph]:
    """Consecutive segments of one label joined into a ``Label: words`` paragraph."""
    out = []
    for label, group in groupby(segments, key=lambda s: s.label):
        prefix = f"{label}: " if label else ""
        text, times = prefix, []
        for segment in group:
            words = " ".join(clean_text(segment.words).text.split())
            if not words:
                continue
            if text != prefix:
                text += " "
            if segment.time:
                times.append((len(text), segment.time))
            text += words
        if text != prefix:
            out.append(_Paragraph(text, label, len(prefix), tuple(times)))
    return out


def _place(
    paragraphs: list[_Paragraph], text: str, names: dict[str, str | None]
) -> tuple[tuple[Turn, ...], tuple[tuple[int, str], ...]]:
    """Turns and times at their offsets in the stored text (found in order, so a paragraph
    the cleaner dropped as a repeat is skipped instead of misplaced)."""
    turns, times, cursor = [], [], 0
    for p in paragraphs:
        at = text.find(p.text, cursor)
        if at < 0:
            continue
        cursor = at + len(p.text)
        times.extend((at + offset, time) for offset, time in p.times)
        speaker = names.get(p.label) if p.label else None
        if speaker:
            turns.append(Turn(at + p.words_at, cursor, speaker, p.label or ""))
    return tuple(turns), tuple(times)
