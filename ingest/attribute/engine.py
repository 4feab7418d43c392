"""Orchestration: paragraphs -> quotation marks -> speech frames -> attributed quotes.

The engine pairs every quoted stretch with the frame that introduces it, keeps
frames without quotation marks as indirect speech, carries speakers over to
follow-on quotes, and gives section text to the expert whose header it sits under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ingest.attribute.bounds import bounded
from ingest.attribute.bylines import photo_credit
from ingest.attribute.credits import credited, labelled_turns, not_speech, unmarked_credits
from ingest.attribute.cues import verb_forms
from ingest.attribute.descriptions import add_description, noun_phrase, someone_unnamed
from ingest.attribute.frames import Frame, governs, relays, side_of, split_around
from ingest.attribute.marks import MarkedSpan, Paragraph, find_marked_spans, paragraphs
from ingest.attribute.mentions import build_registry
from ingest.attribute.nlp import analyse, is_parsed
from ingest.attribute.patterns import BESIDE_QUOTE, pattern_frames, pattern_signatures
from ingest.attribute.resolve import UNKNOWN, Speaker, resolve, resolve_text
from ingest.attribute.sections import find_sections
from ingest.attribute.speakers import Entity, Registry
from ingest.attribute.subjects import nearer_clause, seen_acting
from ingest.attribute.tuning import (
    ANSWERED,
    ASKING_VERBS,
    AUTHOR_NARRATION,
    CUED_AFTER,
    EXCHANGE_TURN,
    FOLLOW_ON_CHARS,
    FOLLOW_ON_LAST,
    FOLLOW_ON_NEWER,
    FOLLOW_ON_NEXT,
    FOLLOW_ON_PARAGRAPHS,
    INTRODUCED_AFTER,
    MIN_QUOTE_WORDS,
    MIXED_EXTRA_WORDS,
    NEARER_OR_MAIN,
    POSTER,
    RELAYED_SOURCE,
    SECTION_EXPERT,
    SEEN_OR_SEER,
    SPLIT_CUE_CHARS,
    UNRESOLVED_DESCRIPTION,
)
from ingest.attribute.tweets import Tweet, find_tweets
from ingest.sentences import split_sentences
from quotedesk.models import Quote, QuoteKind
from quotedesk.text import words


@dataclass
class _Draft:
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker
    cue: str | None = None
    asked: Speaker | None = None  # the person this question was put to, who answers next


def attribute_text(text: str, *, author: str | None = None, narrated: bool = False) -> list[Quote]:
    """All quotes in ``text`` sorted by start; ids and article ids are left to the caller."""
    paras = bounded(text, paragraphs(text))
    if not paras:
        return []
    tweets = find_tweets(text, paras)
    posted = {t.paragraph for t in tweets} | not_speech(text, paras)
    spans = [s for s in find_marked_spans(text, paras) if not _in_any(s.start, posted)]
    # a post's words and signature name people the way a quotation does: never as subjects
    quoted = [(s.start, s.end) for s in spans] + [(p.start, p.end) for p in posted]
    docs = list(analyse([text[p.start : p.end] for p in paras]))
    bases = [p.start for p in paras]
    registry = build_registry(docs, bases, quoted)
    frames_by_para = [
        [] if para in posted else pattern_frames(doc, para.start, text, spans)
        for doc, para in zip(docs, paras, strict=True)
    ]
    signatures = [
        pattern_signatures(doc, para.start, text, spans)
        for doc, para in zip(docs, paras, strict=True)
    ]
    speakers = {id(f): _speaker(f, registry, author) for fs in frames_by_para for f in fs}
    asked = {id(f): _addressee(f, registry) for fs in frames_by_para for f in fs}

    drafts = [_tweet_draft(tweet, registry) for tweet in tweets]
    reported = _reported(frames_by_para)
    para_of = _paragraph_index(paras)
    last: tuple[int, _Draft] | None = None  # paragraph index and draft of the latest quote
    turns: dict[int, _Draft] = {}  # the last quote of each paragraph
    previous_span: _Draft | None = None
    for span in spans:
        if _named_title(text, span):
            continue
        p = para_of(span.start)
        signer = credited(text, span, paras, p, signatures, registry)
        if signer is not None:
            draft = _Draft(span.start, span.end, "direct", signer, "\u2015")
        else:
            draft = _direct(text, span, frames_by_para[p], speakers, asked)
        if draft is None and previous_span is not None and _resumes(text, previous_span, span):
            draft = _Draft(span.start, span.end, "direct", previous_span.speaker, previous_span.cue)
        if draft is None and span.continued and previous_span is not None:
            draft = _Draft(span.start, span.end, "direct", previous_span.speaker, previous_span.cue)
        if draft is None and p > 0:
            pending = _handed_on(frames_by_para[p - 1])
            if pending is not None:
                draft = _Draft(span.start, span.end, "direct", speakers[id(pending)], pending.cue)
                pending.used = True
        if draft is None and span.open_at == paras[p].start:
            draft = _cued_after(span, frames_by_para[p], speakers, last)
        if draft is None:
            if _phrase_only(text, span):
                continue
            said = _latest_report(span.open_at, p, frames_by_para, speakers, asked)
            if said is not None and (last is None or said[1].start > last[1].start):
                last = said  # "The report said ..." then a bare quote: the report's words
            speaker = _exchange_turn(text, span, paras[p], p, turns)
            if speaker is None:
                speaker = _unnamed_lead(text, span, docs[p], paras[p].start, registry)
            if speaker is None:
                speaker = _follow_on(span.open_at, p, last, registry, reported)
            if speaker is UNKNOWN and p + 1 < len(paras):
                speaker = _introduced_after(paras[p + 1], registry)
            draft = _Draft(span.start, span.end, "direct", speaker)
        _merge(drafts, draft)
        previous_span = draft
        turns[p] = draft
        if draft.speaker.name:
            last = (p, draft)

    credits = unmarked_credits(text, paras, registry) + labelled_turns(text, paras, registry)
    for start, end, signer in credits:
        if not _in_any(start, posted) and not any(d.start < end and start < d.end for d in drafts):
            drafts.append(_Draft(start, end, "direct", signer, "\u2015"))

    sections = find_sections(text, paras)
    # a verdict with no quotation ("... when critics dismiss concerns") reports nothing,
    # nor does a cue with neither words nor quotation ("the most she has ever written"),
    # so neither cuts short the words another cue reports
    cues = sorted(
        f.cue_at
        for fs in frames_by_para
        for f in fs
        if f.used or (not f.quote_only and f.content is not None)
    )
    for frames in frames_by_para:
        for frame in frames:
            # a cue inserted in its words reports each side: one may hold a mixed quote
            if (frame.used and frame.gap is None) or frame.content is None:
                continue
            if any(s.start <= frame.cue_at < s.end for s in sections):
                continue  # reported speech inside an expert's section is the expert's statement
            drafts.extend(
                _Draft(a, b, "indirect", speakers[id(frame)], frame.cue)
                for a, b in split_around(frame, text, cues)
                if not any(d.start < b and a < d.end for d in drafts)
            )

    drafts.extend(_section_drafts(text, paras, sections, drafts, author if narrated else None))
    drafts.sort(key=lambda d: (d.start, d.end))
    return [
        Quote(
            text=text[d.start : d.end],
            start=d.start,
            end=d.end,
            speaker=d.speaker.name,
            kind=d.kind,
            confidence=d.speaker.confidence,
            speaker_title=None if photo_credit(d.speaker.title) else d.speaker.title,
            cue=d.cue,
            mention=d.speaker.mention,
            mention_kind=d.speaker.mention_kind,
        )
        for d in drafts
    ]


def _speaker(frame: Frame, registry: Registry, author: str | None) -> Speaker:
    """Who speaks in ``frame``: its subject resolved, no surer than the parse's attachment
    of it ("Ruiz saw the driver climb out, shouting that ...": she or the driver)."""
    if frame.who:
        return resolve_text(frame.who, frame.cue_at, registry)
    speaker = resolve(frame.subject, frame.cue_at, registry, author, frame.content)
    if frame.verb is not None and seen_acting(frame.verb):
        return replace(speaker, confidence=min(speaker.confidence, SEEN_OR_SEER))
    if frame.verb is not None and nearer_clause(frame.verb):
        return replace(speaker, confidence=min(speaker.confidence, NEARER_OR_MAIN))
    if relays(frame):
        return replace(speaker, confidence=min(speaker.confidence, RELAYED_SOURCE))
    return speaker


def _latest_report(
    at: int, para: int, frames_by_para, speakers, asked
) -> tuple[int, _Draft] | None:
    """The latest reported speech shortly before ``at`` whose speaker was resolved to
    someone the article names (not left as the words of the cue), or that asked a
    question of someone it names, as a draft."""
    for p in range(para, max(para - FOLLOW_ON_PARAGRAPHS, 0) - 1, -1):
        for frame in reversed(frames_by_para[p]):
            speaker = speakers[id(frame)]
            if frame.cue_at >= at or frame.content is None or not speaker.name:
                continue
            unresolved = speaker.mention_kind != "named" and speaker.name == speaker.mention
            if unresolved and asked[id(frame)] is None:
                continue
            start = min(frame.content[0], frame.cue_at)
            return p, _Draft(start, frame.content[1], "indirect", speaker, None, asked[id(frame)])
    return None


def _addressee(frame: Frame, registry: Registry) -> Speaker | None:
    """'"Will you resign?" a reporter asked Okafor' / 'asked Mayor Holt whether ...': the
    person a question was put to, by name; a bare quotation right after it is usually
    their answer, not more of the question."""
    if frame.verb is None or frame.verb.lemma_.lower() not in ASKING_VERBS:
        return None
    at = frame.base + frame.verb.idx
    for child in frame.verb.children:
        if child.dep_ not in ("dobj", "dative"):
            continue
        for token in (child, *(c for c in child.children if c.dep_ == "appos")):
            name = _proper_name(token)
            if name is None:
                continue
            entity = registry.resolve_name(name, at)
            if entity is None:  # a name the NER missed: as written
                return Speaker(name, None, None, "none", ANSWERED)
            if entity.kind == "person":
                return Speaker(entity.name, entity.title, None, "none", ANSWERED)
    return None


def _proper_name(token: Token) -> str | None:
    """The proper name ``token`` heads ("Governor Ana Ruiz"), unless the NER tagged it as
    no person (a party, a country)."""
    if token.pos_ != "PROPN":
        return None
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is not None:
        return ent.text if ent.label_ == "PERSON" else None
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.text for t in (*parts, token))


def _resumes(text: str, previous: _Draft, span: MarkedSpan) -> bool:
    """'"This," said Keith Hall, "is chaos."': the rest of a quotation its cue interrupts,
    however short; it goes on in lower case right after the cue and a comma."""
    gap = text[previous.end : span.open_at]
    return (
        previous.kind == "direct"
        and previous.cue is not None
        and text[span.start].islower()
        and len(gap) <= SPLIT_CUE_CHARS
        and gap.rstrip().endswith(",")
        and previous.cue in gap
    )


def _cued_after(span: MarkedSpan, frames: list[Frame], speakers, last) -> _Draft | None:
    """'"This bill is a gift to insurers." Baker said the governor misread it.': a quotation
    opening its paragraph with no cue of its own is usually the words of the person whose
    cue opens the very next sentence, even when that cue reports other words too.

    Someone who spoke before and speaks again here is simply continued (the follow-on).
    """
    close = span.close_at + 1 if span.close_at is not None else span.end
    frame = next((f for f in frames if f.cue_at >= close), None)
    if frame is None or not 0 <= frame.sentence[0] - close <= 2:
        return None
    speaker = speakers[id(frame)]
    if not speaker.name or (last is not None and last[1].speaker.name == speaker.name):
        return None
    sure = min(CUED_AFTER, speaker.confidence)
    guess = _carried(speaker, sure)
    return _Draft(span.start, span.end, "direct", guess, frame.cue)


def _reported(frames_by_para: list[list[Frame]]) -> list[tuple[int, int]]:
    """What frames report, where no other speech cue sits inside ("..., but Chapman
    says ..." keeps Chapman a speaker)."""
    cues = [f.cue_at for fs in frames_by_para for f in fs]
    return [
        f.content
        for fs in frames_by_para
        for f in fs
        if f.content is not None
        and not any(f.content[0] <= at < f.content[1] and at != f.cue_at for at in cues)
    ]


def _in_any(at: int, paras) -> bool:
    return any(p.start <= at < p.end for p in paras)


def _tweet_draft(tweet: Tweet, registry: Registry) -> _Draft:
    """The poster's words, under the fullest name the article gives them."""
    entity = registry.resolve_name(tweet.name, tweet.start)
    name = entity.name if entity is not None else tweet.name
    title = entity.title if entity is not None else None
    speaker = Speaker(name, title, tweet.name, "named", POSTER)
    return _Draft(tweet.start, tweet.end, "direct", speaker, "tweeted")


def _follow_on(at: int, para: int, last, registry, reported) -> Speaker:
    """A quote with no cue continues the last speaker, unless someone newer was introduced.

    "Dan Marsh has come here for years." followed by a bare quote is Marsh's, even when
    the quote before it was someone else's; a person named inside reported speech ("Lee
    said the premier was wrong") is talked about, not introduced.
    """
    newer = registry.recent_subject(at, window=FOLLOW_ON_CHARS, reported=reported)
    if last is not None and para - last[0] <= FOLLOW_ON_PARAGRAPHS:
        previous = last[1]
        if newer is None or newer[0] <= previous.start or newer[1].name == previous.speaker.name:
            if previous.asked is not None and para - last[0] <= 1:
                return previous.asked  # the answer to the question just put
            # never surer than the attribution it continues
            near = FOLLOW_ON_NEXT if para - last[0] <= 1 else FOLLOW_ON_LAST
            sure = min(near, previous.speaker.confidence)
            return _carried(previous.speaker, sure)
    if newer is not None:
        return _guessed(newer[1], FOLLOW_ON_NEWER)
    return UNKNOWN


def _carried(speaker: Speaker, sure: float) -> Speaker:
    """``speaker`` given to a quote with no cue of its own, ``sure`` as that guess is: a
    description no one was named for ("a senior aide") stays as written and unresolved,
    never passed off as a name."""
    if speaker.mention_kind in ("pronoun", "nominal") and speaker.name == speaker.mention:
        return Speaker(speaker.name, speaker.title, speaker.mention, speaker.mention_kind, sure)
    return Speaker(speaker.name, speaker.title, None, "none", sure)


def _guessed(entity: Entity, sure: float) -> Speaker:
    """Someone the registry knows given a quote with no cue: by name, or as the description
    that is all the story gives of them ("a senior aide"), unresolved."""
    if entity.described:
        return Speaker(entity.name, None, entity.name, "nominal", sure)
    return Speaker(entity.name, entity.title, None, "none", sure)


def _exchange_turn(
    text: str, span: MarkedSpan, para: Paragraph, p: int, turns: dict[int, _Draft]
) -> Speaker | None:
    """'"Will you resign?" Kemp asked.' / '"No," Pratt said.' / '"Then why ...?"': a
    paragraph that is only a quotation with no cue, after two paragraphs of quotes by two
    people of whom one asked the other something, is the next turn of their exchange."""
    if span.open_at != para.start or text[span.end : para.end].strip(" .\"'\u201d\u2019"):
        return None
    first, second = turns.get(p - 2), turns.get(p - 1)
    if first is None or second is None:
        return None
    asker, other = first.speaker, second.speaker
    if not asker.name or not other.name or asker.name == other.name:
        return None
    if not any(_question(text, d) for d in (first, second)):
        return None
    sure = min(EXCHANGE_TURN, asker.confidence)
    return _carried(asker, sure)


def _question(text: str, draft: _Draft) -> bool:
    return text[draft.start : draft.end].rstrip(" \"'\u201d\u2019").endswith("?")


def _unnamed_lead(
    text: str, span: MarkedSpan, doc: Doc, base: int, registry: Registry
) -> Speaker | None:
    """'One veteran MP was less charitable. "..."': a quotation with no cue right after a
    sentence whose subject is someone unnamed is that person's, as a guess; the
    description is who a later "he" or "she" may mean too."""
    if not is_parsed(doc):
        return None
    before = [s for s in doc.sents if base + s.end_char <= span.open_at]
    if not before or text[base + before[-1].end_char : span.open_at].strip():
        return None
    subject = next((c for c in before[-1].root.children if c.dep_ == "nsubj"), None)
    if subject is None or not someone_unnamed(subject):
        return None
    phrase = noun_phrase(subject)
    add_description(registry, subject, phrase, base + subject.idx)
    return Speaker(phrase, None, phrase, "nominal", UNRESOLVED_DESCRIPTION)


def _introduced_after(following: Paragraph, registry: Registry) -> Speaker:
    """'"We will not back down."' / 'That was the message from Governor Ana Ruiz ...': a
    quotation no one before it can own, often a story's opening, is the words of the first
    person the next paragraph names; a guess, kept low."""
    for mention in registry.mentions:
        inside = following.start <= mention.pos < following.end
        if inside and mention.entity.kind == "person":
            return _guessed(mention.entity, INTRODUCED_AFTER)
    return UNKNOWN


def _paragraph_index(paras):
    starts = [p.start for p in paras]

    def index(at: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= at:
                lo = mid
            else:
                hi = mid - 1
        return lo

    return index


def _after_colon(text: str, at: int) -> bool:
    """Whether the last character before ``at`` that is not a space is a colon.

    Walks back from ``at`` rather than slicing the text before it, which copied the
    article up to every quotation.
    """
    at -= 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at >= 0 and text[at] == ":"


def _direct(
    text: str,
    span: MarkedSpan,
    frames: list[Frame],
    speakers: dict[int, Speaker],
    asked: dict[int, Speaker | None],
) -> _Draft | None:
    """Pair a quoted stretch with its frame: mixed when the frame's clause surrounds it."""
    if (_so_called(text, span) or _programme(text, span)) and _phrase_only(text, span):
        return None
    outside = [f for f in frames if not span.open_at <= f.cue_at < span.end]
    close = span.close_at + 1 if span.close_at is not None else span.end
    holding = [f for f in outside if f.scope[0] <= span.open_at and close <= f.scope[1]]
    touching = [f for f in outside if f.sentence[0] <= close and span.open_at <= f.sentence[1]]
    if not touching:  # '"...?" Lena Moss, a strategist, said.' parsed as its own sentence
        # but 'Lee: "..."' introduces the quotation after its colon, not the one before it
        touching = [
            f
            for f in outside
            if 0 <= f.sentence[0] - close <= 2 and f.content is None and f.cue not in BESIDE_QUOTE
        ]
    opened_in = _opened_in(span, outside, holding)
    if opened_in is not None:
        frame = opened_in
    elif holding:
        frame = min(holding, key=lambda f: f.scope[1] - f.scope[0])
    elif touching:
        frame = min(
            touching, key=lambda f: min(abs(f.cue_at - close), abs(f.cue_at - span.open_at))
        )
    else:
        earlier = [f for f in frames if f.cue_at < span.open_at and f.used]
        # 'Berg: "..." Kral: "..."': a colon right before the mark is a lead-in of its own,
        # the parse found no speaker in, not the earlier speaker going on
        if not earlier or _after_colon(text, span.open_at):
            return None
        frame = earlier[-1]
    speaker = speakers[id(frame)]
    if frame.cue in BESIDE_QUOTE:
        _claim_trailing_cues(outside, span, close)
    reported = False  # all the frame reports is this quotation ('"...," according to X')
    if frame.content is not None:
        c_start, c_end = side_of(frame, span.open_at, text)
        extra = len(words(text[c_start : span.open_at])) + len(words(text[close:c_end]))
        # the parse may end the reported words on the opening mark ('said the plan was
        # late, "but ...'): the quotation then goes on with them
        if c_start <= span.open_at and span.start <= c_end and extra >= MIXED_EXTRA_WORDS:
            frame.used = True
            return _Draft(c_start, max(c_end, close), "mixed", speaker, frame.cue, asked[id(frame)])
        reported = c_start <= span.open_at and span.end <= c_end and extra == 0
    phrase = _phrase_only(text, span) and not reported
    if phrase and not governs(frame, span.start, span.end):
        # 'Baker, who called the bill "a fantasy," said ...': another cue of the sentence
        # takes the phrase as its argument, unless it sits in words a cue reports; else
        # a scare quote or a title
        frame = next((f for f in outside if governs(f, span.start, span.end)), None)
        if frame is None or any(_reports(f, span.open_at) for f in frames):
            return None
        speaker = speakers[id(frame)]
    # "Okoro said she aims to ..., so she can tick 'finished' off her chart": a quoted
    # phrase outside the reported clause leaves that clause to be reported too
    frame.used = frame.used or not (phrase and frame.content is not None)
    return _Draft(span.start, span.end, "direct", speaker, frame.cue, asked[id(frame)])


def _opened_in(span: MarkedSpan, outside: list[Frame], holding: list[Frame]) -> Frame | None:
    """ "said the plan was unworkable, adding that it would cost "billions ...": when the
    frames around a quotation report other words, the frame of the same sentence whose
    reported words the quotation opens in, though the parse ends its clause early.

    A quotation some frame around it reports, or one set beside a lead-in or a name
    (frames that report nothing of their own: '..., but Ruiz was blunt: "..."'), keeps
    that frame; so does one whose only reporting cue follows it.
    """
    at = span.open_at
    if not holding or any(f.content is None or _reports(f, at) for f in holding):
        return None
    reporting = [f for f in outside if _reports(f, at) and f.sentence[0] <= f.cue_at < at]
    return min(reporting, key=lambda f: f.content[1] - f.content[0], default=None)


def _reports(frame: Frame, at: int) -> bool:
    return frame.content is not None and frame.content[0] <= at < frame.content[1]


def _claim_trailing_cues(frames: list[Frame], span: MarkedSpan, close: int) -> None:
    """ "Ruiz was blunt: "...," she said.": the cue after the quotation repeats who spoke;
    the lead-in it would report is not a quote of its own."""
    for frame in frames:
        if frame.cue_at >= close and frame.content is not None and frame.content[1] <= span.open_at:
            frame.used = True


def _phrase_only(text: str, span: MarkedSpan) -> bool:
    """A short quoted phrase ('so-called "summit"') rather than a statement.

    A quoted sentence of its own is a statement however short: it opens with a capital
    after the end of a sentence or a colon and closes with its own full stop ('"I was
    super-green."', 'His reply was short: "Never again."'), or with the comma that takes
    the full stop's place before a cue ('"Not once," she answered.').
    """
    if len(words(text[span.start : span.end])) >= MIN_QUOTE_WORDS:
        return False
    before = text[: span.open_at].rstrip()
    own_sentence = not before or before[-1] in '.!?:\u201d"' or before.endswith("\n")
    ends = text[span.end - 1] in ".!?" or text.startswith(",", span.end)
    whole = text[span.start].isupper() and ends
    return not (own_sentence and whole)


def _so_called(text: str, span: MarkedSpan) -> bool:
    """'warned of the so-called "deep state"': the writer holds the phrase at a distance;
    no one is quoted saying it. Nor in 'a fund she calls the "rainy-day pot"': "the" makes
    the quoted words the name of a thing, not a statement."""
    before = text[: span.open_at].rstrip()
    return before.lower().endswith(("so-called", "so called")) or bool(_CALLED_THE.search(before))


def _programme(text: str, span: MarkedSpan) -> bool:
    """'said on KWBS' "Voice of the Valley."', 'told WKTV's "Noon Desk"': a title in capitals
    after a possessive or "on"/"in" names a programme or a paper where the words were said,
    not words anyone said."""
    return _in_capitals(text, span) and bool(_BEFORE_TITLE.search(text, 0, span.open_at))


def _named_title(text: str, span: MarkedSpan) -> bool:
    """'a bill titled the "Harbour Safety Act"', 'described the plan, "Homes for All", as
    ...': a title in capitals after a naming word ("titled", "nicknamed", "branded", "known
    as") or set off by commas after a noun names a bill, plan, group or
    slogan; no one is quoted saying it."""
    if not _in_capitals(text, span):
        return False
    after = text[span.close_at + 1 :].lstrip() if span.close_at is not None else ""
    set_off = bool(_BEFORE_SET_OFF.search(text, 0, span.open_at)) and after.startswith(",")
    return set_off or bool(_BEFORE_NAME.search(text, 0, span.open_at))


def _in_capitals(text: str, span: MarkedSpan) -> bool:
    quoted = re.findall(r"[^\W\d_][\w'\u2019-]*", text[span.start : span.end])
    return bool(quoted) and all(w[0].isupper() or w in _TITLE_SMALL_WORDS for w in quoted)


# lower-case words a title in capitals keeps ("Voice of the Valley", "State of the Union")
_TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"]
)
_BEFORE_TITLE = re.compile(r"(?:\w['\u2019]s?|\b(?:on|in))\s*$")
_CALLED_THE = re.compile(rf"\b(?:{'|'.join(verb_forms(['call']))})\s+the$", re.I)
# the words that give a thing or a group its name: what they put in quotation marks is it
_BEFORE_NAME = re.compile(
    r"\b(?:titled|entitled|(?:re|nick)?named|dubbed|branded|labell?ed|(?:known|billed) as)"
    r"(?:\s+(?:the|a|an))?\s*$",
    re.I,
)
_BEFORE_SET_OFF = re.compile(r"[a-z],\s*$")  # "the plan, "Homes for All", as"


def _handed_on(frames: list[Frame]) -> Frame | None:
    """The lead-in ending a paragraph ("He said:"), unless a quotation took it already."""
    return next((f for f in frames if f.opens_next and not f.used), None)


def _merge(drafts: list[_Draft], draft: _Draft) -> None:
    """Add a draft; a mixed quote that already covers this stretch absorbs it."""
    for existing in drafts:
        if existing.start <= draft.start and draft.end <= existing.end:
            return
    drafts.append(draft)


def _section_drafts(text, paras, sections, drafts, author):
    """Sentences under an expert's header are theirs; the rest the author's when narrated."""
    if not sections and author is None:
        return []
    headers = {(s.header.start, s.header.end) for s in sections}
    result = []
    for para in paras:
        if (para.start, para.end) in headers:
            continue
        owner = next((s for s in sections if s.start <= para.start < s.end), None)
        for sent in split_sentences(text[para.start : para.end]):
            start, end = para.start + sent.start, para.start + sent.end
            if owner is not None:
                speaker = Speaker(
                    owner.speaker, owner.title, owner.speaker, "named", SECTION_EXPERT
                )
            elif author is not None:
                if any(d.start < end and start < d.end for d in drafts):
                    continue
                speaker = Speaker(author, None, None, "none", AUTHOR_NARRATION)
            else:
                continue
            result.append(_Draft(start, end, "section", speaker))
    return result
