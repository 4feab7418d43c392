"""Where the stored (cleaned) text sits in the original text an article was read from.

Cleaning collapses whitespace, drops repeated copies and splits glued sentences, so
offsets into ``Article.text`` are not offsets into the user's file. ``Tracked`` rewrites
text while remembering each character's position in the original; ``edits_between``
turns that into a short edit list, stored with the article, that rebuilds the original
exactly. ``original_span`` and ``original_text`` read it back, so a citation can give
the span (and the very characters) of the original text.

An edit ``(start, end, original)`` says: stored ``text[start:end]`` stands where the
original has the string ``original``; everything between edits is identical.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

Edit = tuple[int, int, str]
#: the origin of a character the cleaner inserted (a space between glued sentences)
INSERTED = -1


class Tracked:
    """Text being rewritten, with the original position of each of its characters."""

    def __init__(self, text: str, origin: Sequence[int] | None = None) -> None:
        self.text = text
        self.origin = list(range(len(text))) if origin is None else list(origin)

    def edit(self, changes: Iterable[Edit]) -> Tracked:
        """Replace ``text[start:end]`` by a new string, for sorted, disjoint spans.

        A replacement of the same length keeps the replaced characters' origins (a tab
        became a space); one found inside the replaced span keeps those characters'
        origins ("  " -> " ", "[words](url)" -> "words"); anything else is inserted.
        """
        changes = list(changes)
        if not changes:
            return self  # most patterns find nothing: no need to copy
        parts: list[str] = []
        origin: list[int] = []
        last = 0
        for start, end, new in changes:
            parts.append(self.text[last:start])
            origin.extend(self.origin[last:start])
            parts.append(new)
            origin.extend(self._origin_of(start, end, new))
            last = end
        parts.append(self.text[last:])
        origin.extend(self.origin[last:])
        return Tracked("".join(parts), origin)

    def _origin_of(self, start: int, end: int, new: str) -> list[int]:
        if len(new) == end - start:
            return self.origin[start:end]
        at = self.text.find(new, start, end) if new else -1
        if at >= 0:
            return self.origin[at : at + len(new)]
        return [INSERTED] * len(new)

    def sub(self, pattern: re.Pattern[str], replacement: str) -> Tracked:
        """``pattern.sub(replacement, text)`` (backreferences allowed), tracked."""
        return self.edit(
            (m.start(), m.end(), m.expand(replacement)) for m in pattern.finditer(self.text)
        )

    def select(self, spans: Iterable[tuple[int, int]]) -> Tracked:
        """The concatenation of ``text[start:end]`` for each span, in order."""
        text: list[str] = []
        origin: list[int] = []
        for start, end in spans:
            text.append(self.text[start:end])
            origin.extend(self.origin[start:end])
        return Tracked("".join(text), origin)

    def within(self, origin: Sequence[int]) -> Tracked:
        """This text placed in an outer one: ``origin`` maps our original into it."""
        return Tracked(self.text, [INSERTED if o < 0 else origin[o] for o in self.origin])


def joined(pieces: Sequence[Tracked], separator: str) -> Tracked:
    """``separator.join`` of tracked pieces; the separators count as inserted."""
    origin: list[int] = []
    for n, piece in enumerate(pieces):
        origin.extend([INSERTED] * len(separator) if n else ())
        origin.extend(piece.origin)
    return Tracked(separator.join(piece.text for piece in pieces), origin)


def edits_between(tracked: Tracked, original: str) -> tuple[Edit, ...]:
    """The edits that turn ``tracked.text`` back into ``original`` (its origins index it).

    Works run by run (characters with consecutive origins), comparing whole slices:
    a run that matches the original costs one comparison, not one per character.
    """
    text = tracked.text
    edits: list[Edit] = []
    done = [0, 0]  # text and original before these are accounted for

    def matched(i: int, o: int, length: int) -> None:
        if text[done[0] : i] != original[done[1] : o]:
            edits.append((done[0], i, original[done[1] : o]))
        done[:] = [i + length, o + length]

    for a, b in _runs(tracked.origin):
        o = tracked.origin[a]
        if o >= done[1] and text[a:b] == original[o : o + b - a]:
            matched(a, o, b - a)
            continue
        for i in range(a, b):  # a run with a changed character (a tab became a space)
            o = tracked.origin[i]
            if o >= done[1] and text[i] == original[o]:
                matched(i, o, 1)
    if text[done[0] :] != original[done[1] :]:
        edits.append((done[0], len(text), original[done[1] :]))
    return tuple(edits)


def _runs(origin: Sequence[int]) -> Iterator[tuple[int, int]]:
    """``[a, b)`` spans of consecutive origins (an inserted character is a run alone)."""
    import numpy as np

    if not origin:
        return iter(())
    steps = np.diff(np.asarray(origin, dtype=np.int64))
    bounds = [0, *(np.flatnonzero(steps != 1) + 1).tolist(), len(origin)]
    return zip(bounds, bounds[1:], strict=False)


def original_span(edits: Sequence[Sequence], start: int, end: int) -> tuple[int, int]:
    """The original span of stored ``text[start:end]``: from the original of its first
    character to the original of its last."""
    return _position(edits, start, True), _position(edits, end, False)


def _position(edits: Sequence[Sequence], at: int, starting: bool) -> int:
    """Where the boundary ``at`` of the stored text falls in the original text.

    Original text the stored text left out at ``at`` (a header, a dropped copy) is
    outside a span: after a span's start, before its end.
    """
    shift = 0
    for start, end, original in edits:
        if end < at or (end == at and start < at):
            shift += len(original) - (end - start)
        elif start > at or (start == at and (end > at or not starting)):
            break
        else:
            # inside this edit's span, or (a start) just after text only the original has
            return start + shift + (len(original) if start == end or not starting else 0)
    return at + shift


def original_text(text: str, edits: Sequence[Sequence]) -> str:
    """The original text rebuilt from the stored text and its edits."""
    parts: list[str] = []
    last = 0
    for start, end, original in edits:
        parts.append(text[last:start])
        parts.append(original)
        last = end
    parts.append(text[last:])
    return "".join(parts)
