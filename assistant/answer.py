"""Extractive answers: sentences built around citations, no model involved.

Every quoted string in the text comes from a Citation (sliced from the stored
article); the prose around it only names speakers, titles, outlets and dates.
"""

from __future__ import annotations

from assistant.align import elision_note
from assistant.citations import where
from assistant.evidence import Evidence
from assistant.verify import explain
from quotedesk.models import Answer, Citation, DiffOp, SearchTrace

NEAREST_SHOWN = 3  # near misses listed under a "no answer"


def who(c: Citation) -> str:
    """ "Name (title)", or a plain statement that the article attributes it to no one."""
    if not c.speaker:
        return "no quoted speaker (the article's own words)"
    name = f"{c.speaker} ({c.speaker_title})" if c.speaker_title else c.speaker
    return f"{name} (speaker uncertain)" if c.speaker_uncertain else name


def source_line(c: Citation) -> str:
    """Where it is: title, outlet/author, date, offsets."""
    by = " / ".join(x for x in dict.fromkeys((c.outlet, c.author)) if x) or "unknown outlet"
    day = (c.published or "undated")[:10]
    place = {"article": f"\u201c{c.title}\u201d", "transcript": f"said {c.where()}"}
    return f"{place.get(c.medium, c.where())}, {by}, {day} [{where(c, c.source)}]"


def quoted(c: Citation) -> str:
    return f"\u201c{c.quote.strip()}\u201d"


def _cited(c: Citation, n: int | None = None, *, named: bool = True) -> str:
    lead = f"{n}. " if n is not None else ""
    speaker = f"{who(c)}: " if named else ""
    return f"{lead}{speaker}{quoted(c)}\n   \u2014 {source_line(c)}"


def describe_trace(trace: SearchTrace | None) -> str:
    """What was searched, so a "not found" shows its work."""
    if trace is None:
        return ""
    parts = []
    if trace.queries:
        parts.append("Searched for: " + "; ".join(f"\u201c{q}\u201d" for q in trace.queries))
    if trace.filters:
        parts.append("Filters: " + ", ".join(f"{k}={v}" for k, v in trace.filters.items()))
    if trace.candidates:
        # no scores or ids: relative ranks read as certainty, ids mean nothing to a reader
        parts.append("Nearest wording in the library, none close enough to answer:")
        parts.extend(
            f"  - \u201c{' '.join(c.text.split())}\u201d" for c in trace.candidates[:NEAREST_SHOWN]
        )
    return "\n".join(parts)


def _diff_line(diff: tuple[DiffOp, ...], lead: str = "Changes from the source") -> str:
    changes = []
    for d in diff:
        if d.op == "equal":
            continue
        flag = f" ({d.flag})" if d.flag else ""
        if d.op == "insert":
            changes.append(f"added \u201c{d.claim}\u201d{flag}")
        elif d.op == "delete":
            changes.append(f"dropped \u201c{d.source}\u201d{flag}")
        else:
            changes.append(f"\u201c{d.source}\u201d became \u201c{d.claim}\u201d{flag}")
    return f"{lead}: " + "; ".join(changes) if changes else ""


def compose(evidence: Evidence) -> Answer:
    """The extractive answer for any kind of question."""
    q = evidence.question
    if evidence.summary is not None:
        return Answer(evidence.summary, trace=evidence.trace)
    if evidence.verification is not None:
        return _verdict(evidence)
    if not evidence.citations:
        text = f"I found no answer in the library: {evidence.problem or 'nothing matched'}."
        detail = describe_trace(evidence.trace)
        return Answer(f"{text}\n{detail}" if detail else text, trace=evidence.trace)
    lead = evidence.citations[0]
    if q.intent == "who_said":
        lines = [
            _who_said_head(evidence),
            _list(evidence.citations, numbered=len(evidence.citations) > 1),
        ]
        if evidence.diff and not evidence.elided:
            lines.append(_diff_line(evidence.diff, "Your words differ from the source"))
        return Answer(
            "\n".join(lines),
            speaker=lead.speaker,
            citations=evidence.citations,
            trace=evidence.trace,
        )
    if q.intent == "what_said":
        body = _list(evidence.citations, numbered=True)
        return Answer(
            f"{_what_said_head(evidence)}\n{body}",
            speaker=lead.speaker,
            citations=evidence.citations,
            trace=evidence.trace,
        )
    head = f"The closest passages in the library for \u201c{q.search_text}\u201d:"
    body = _list(evidence.citations, numbered=True)
    return Answer(f"{head}\n{body}", citations=evidence.citations, trace=evidence.trace)


def _who_said_head(evidence: Evidence) -> str:
    """Who said it, saying plainly when the stored words are not the asked ones."""
    lead = evidence.citations[0]
    differs = ", ".join(evidence.changes)
    if evidence.elided:
        dropped = elision_note(evidence.elided)
        if differs:
            return f"{who(lead)} said these words{dropped}, which changes the meaning ({differs}):"
        return f"{who(lead)} said it{dropped}:"
    if not evidence.exact:
        return f"No stored quote has these exact words; the closest statement is by {who(lead)}" + (
            f" (its meaning differs: {differs}):" if differs else ":"
        )
    if evidence.diff:
        return f"{who(lead)} said something close to this, but not in these exact words:"
    speakers = list(dict.fromkeys(c.speaker for c in evidence.citations))
    if len(evidence.citations) == 1:
        return f"{who(lead)} said it:"
    if len(speakers) == 1:
        return f"{who(lead)} said it, in {_places(evidence)} (earliest first):"
    return (
        f"{len(speakers)} speakers said similar things; the closest match is "
        f"{who(lead)}. Matches in {_places(evidence)}, earliest first:"
    )


def _what_said_head(evidence: Evidence) -> str:
    """How many quotes are listed, and whether they are about the topic at all."""
    q, lead = evidence.question, evidence.citations[0]
    if not evidence.on_topic:
        return (
            f"None of the stored quotes by {who(lead)} is about {q.topic}. "
            f"The closest ones, which are not about it:"
        )
    about = f" about {q.topic}" if q.topic else ""
    more = "other " if q.exclude else ""
    shown = len(evidence.citations)
    count = f"{shown} of {evidence.total}" if evidence.total > shown else f"{shown}"
    return f"{count} {more}quote(s) by {who(lead)}{about}, earliest first:"


def _places(evidence: Evidence) -> str:
    shown = len(evidence.citations)
    if evidence.total > shown:
        return f"{evidence.total} places ({shown} shown)"
    return f"{shown} places"


def _list(citations: tuple[Citation, ...], *, numbered: bool) -> str:
    """One citation plainly, or all of them numbered earliest first."""
    if not numbered:
        return _cited(citations[0], named=False)
    ordered = sorted(citations, key=lambda c: (c.published is None, c.published or ""))
    return "\n".join(_cited(c, i) for i, c in enumerate(ordered, 1))


_REPLY = {"verified": "Yes. ", "words_verified": "Not confirmed. "}


def _verdict(evidence: Evidence) -> Answer:
    v = evidence.verification
    assert v is not None
    lines = [_REPLY.get(v.verdict, "No. ") + explain(v)]
    if v.verdict == "not_found":
        detail = describe_trace(v.trace)
        return Answer("\n".join([*lines, detail] if detail else lines), trace=v.trace)
    if v.citation:
        lines.append("Source: " + _cited(v.citation))
    if v.diff and not v.elided:  # explain() already names what an ellipsis drops
        lines.append(_diff_line(v.diff))
    if len(v.appearances) > 1:
        lines.append(f"Appears in {len(v.appearances)} articles; first appearance:")
        lines.append(_cited(v.appearances[0]))
    return Answer("\n".join(lines), speaker=v.speaker, citations=evidence.citations, trace=v.trace)
