"""Embedded tweets: a paragraph of someone's own words signed "— Name (@handle) Date".

News pages embed posts as plain text followed by the poster's signature. The words are
the poster's, with no quotation marks and no speech verb, and the signature is a credit,
not a mention of someone in the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.attribute.marks import Paragraph

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_SIGNATURE = re.compile(
    rf"\s*[\u2014\u2013-]+\s*(?P<name>[^\u2014\u2013()@]{{2,60}}?)\s*\(@\w+\)\s*"
    rf"{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*$"
)
# a link the page leaves at the end of the post: "pic.twitter.com/...", "https://t.co/..."
_TRAILING_LINK = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")
_MIN_WORDS = 3


@dataclass(frozen=True)
class Tweet:
    start: int  # the post's words, without the signature or a trailing link
    end: int
    name: str  # as signed
    paragraph: Paragraph


def find_tweets(text: str, paras: list[Paragraph]) -> list[Tweet]:
    """Every paragraph that is an embedded post, with the words and who signed them."""
    tweets = []
    for para in paras:
        line = text[para.start : para.end]
        signature = _SIGNATURE.search(line)
        if signature is None:
            continue
        body = line[: signature.start()]
        link = _TRAILING_LINK.search(body)
        if link is not None:
            body = body[: link.start()]
        body = body.rstrip()
        if len(body.split()) < _MIN_WORDS:
            continue
        start = para.start + len(body) - len(body.lstrip())
        tweets.append(Tweet(start, para.start + len(body), signature.group("name"), para))
    return tweets
