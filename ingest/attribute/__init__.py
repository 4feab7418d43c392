"""Quote attribution: every quotation in an article and who said it.

``attribute(article)`` is what the ingest pipeline calls; ``attribute_text`` works on
bare text (tests, evaluation). Both return ``Quote`` records whose ``text`` is always
the article's own characters ``text[start:end]``.
"""

from __future__ import annotations

from dataclasses import replace

from ingest.attribute.bounds import windows
from ingest.attribute.engine import attribute_text as _engine
from quotedesk.models import Article, Quote

__all__ = ["attribute", "attribute_text"]

_OPINION = ("opinion", "viewpoint", "editorial", "column", "commentary", "op-ed")


def _attribute_text(text: str, *, author: str | None, narrated: bool) -> list[Quote]:
    """The engine over ``text``, window by window when it is too long to take at once."""
    quotes: list[Quote] = []
    for start, end in windows(text):
        found = _engine(text[start:end], author=author, narrated=narrated)
        quotes += [replace(q, start=q.start + start, end=q.end + start) for q in found]
    return quotes


def attribute_text(text: str, *, author: str | None = None) -> list[Quote]:
    """Quotes in bare text; text outside expert sections is the author's when one is given."""
    return _attribute_text(text, author=author, narrated=author is not None)


def attribute(article: Article) -> list[Quote]:
    """Quotes of a stored article, sorted by start, with ids ``{article.id}:q{i}``.

    The author owns narration only in opinion pieces and expert round-ups: in a news
    story the reporter's own sentences are not quotations. A transcript names its
    speakers, so its turns are its quotes and the engine is not asked.
    """
    if article.kind == "transcript":
        from ingest.transcript import turn_quotes

        return turn_quotes(article)
    opinion = any(word in c.lower() for c in article.categories for word in _OPINION)
    quotes = _attribute_text(article.text, author=article.author, narrated=opinion)
    return [
        replace(q, article_id=article.id, id=f"{article.id}:q{i}") for i, q in enumerate(quotes)
    ]
