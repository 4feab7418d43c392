"""Is the claimed speaker the stored speaker? Tolerant of titles and partial names.

Users write "Putin", "President Putin" or "Vladimir Putin"; articles store the
fullest name they give. Titles are dropped and a surname (or any one name part,
since some names put the family name first) is enough.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_TITLES = {
    "the", "president", "vice", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir",
    "dame", "lord", "lady", "prime", "minister", "pm", "secretary", "senator", "sen", "rep",
    "representative", "gov", "governor", "mayor", "chancellor", "king", "queen", "prince",
    "princess", "general", "gen", "col", "colonel", "capt", "captain", "chairman", "chairwoman",
    "ceo", "pope", "judge", "justice", "chief", "premier", "former", "foreign", "deputy",
    "spokesman", "spokeswoman", "spokesperson", "st", "rev", "reverend", "sheikh", "jr", "sr",
}  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def name_parts(name: str | None) -> list[str]:
    """Lower-cased, accent-free name words without titles ("President Putin" -> ["putin"])."""
    if not name:
        return []
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [re.sub(r"'s$", "", w) for w in _WORD.findall(folded)]
    return [w for w in words if w not in _TITLES]


def same_person(claimed: str | None, actual: str | None) -> bool:
    """True when ``claimed`` plausibly names ``actual`` (surname, title and initial variants)."""
    c, a = name_parts(claimed), name_parts(actual)
    if not c or not a:
        return False
    if c == a or set(c) <= set(a):
        return True
    if c[-1] != a[-1]:
        return False
    # Same surname: the other claimed parts must be initials or parts of the stored name.
    return all(w in a or (len(w) == 1 and any(x.startswith(w) for x in a)) for w in c[:-1])


def matching_names(claimed: str, names: Iterable[str]) -> list[str]:
    """The stored speaker names ``claimed`` could refer to."""
    return [n for n in names if same_person(claimed, n)]


_PARTICLES = {"de", "van", "von", "der", "den", "al", "bin", "la", "le", "du", "da", "di", "del"}


def looks_like_name(speaker: str) -> bool:
    """A proper name ("Andrew Scheer"), not a description ("the minister", "officials")."""
    tokens = speaker.split()
    if not tokens or tokens[0].lower() in ("the", "a", "an"):
        return False
    return all(t[:1].isupper() for t in tokens if t.lower() not in _PARTICLES)
