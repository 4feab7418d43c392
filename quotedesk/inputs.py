"""What a user types (a question, a quote, a draft) is checked before any work is done.

Retrieval and word alignment cost grows with the length of the text, so every input has
a limit (``quotedesk.config``) and a longer one is refused at once with the limit and
the variable that raises it. Text that is not valid Unicode (a lone surrogate: from a
terminal with invalid UTF-8 in the arguments, or a JSON ``"\\ud800"`` escape) would
fail deep inside the embedder or the store, so it is refused here with its position.
"""

from __future__ import annotations

import re

from quotedesk.errors import InputError

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: Python decodes a byte that is not UTF-8 in a command-line argument to U+DC80..U+DCFF
_ESCAPED_BYTE = range(0xDC80, 0xDD00)


def checked(text: str, *, what: str, limit: int, variable: str) -> str:
    """``text`` stripped, or an ``InputError`` saying why it cannot be used.

    ``what`` names the input in the message ("question"); ``variable`` is the setting
    that raises ``limit``. The message never repeats the text: it may not be printable.
    """
    text = text.strip()
    bad = LONE_SURROGATE.search(text)
    if bad:
        point = ord(bad.group())
        cause = (
            f"the byte 0x{point - 0xDC00:02x}, which is not UTF-8"
            if point in _ESCAPED_BYTE
            else f"U+{point:04X}, half of a surrogate pair"
        )
        raise InputError(
            f"the {what} is not valid text: character {bad.start() + 1} is {cause}; "
            "type it again or save it as UTF-8"
        )
    if len(text) > limit:
        raise InputError(
            f"the {what} is {len(text):,} characters long, over the limit of {limit:,} "
            f"({variable}); shorten it"
        )
    return text


def printable(text: str) -> str:
    """``text`` with lone surrogates shown as U+FFFD, for echoing what a user typed."""
    return LONE_SURROGATE.sub("\ufffd", text)
