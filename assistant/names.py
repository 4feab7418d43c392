"""Is the claimed speaker the stored speaker? Tolerant of titles and partial names.

Users write "Putin", "President Putin", "Fire Chief Dana Ortiz" or "Dana Ortiz, fire
chief"; articles store the fullest name they give. Titles and roles typed before the
name (up to the last title word) or after a comma are dropped, and a surname (or any one
name part, since some names put the family name first) is enough.
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
    "commissioner", "director", "officer", "inspector", "sergeant", "sgt", "lieutenant", "lt",
    "detective", "det", "sheriff", "superintendent", "councillor", "councilor", "councilman",
    "councilwoman", "alderman", "ambassador", "attorney", "prosecutor", "chair", "chairperson",
    "mp", "mpp", "mla", "congressman", "congresswoman", "commander", "admiral", "coach",
    "manager", "bishop", "cardinal", "rabbi", "imam", "leader", "head", "founder",
    "economist", "analyst", "lawyer", "constable", "cst", "corporal",
}  # fmt: skip
_SUFFIXES = {"jr", "sr", "ii", "iii"}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def name_parts(name: str | None) -> list[str]:
    """Lower-cased, accent-free name words without titles ("President Putin" -> ["putin"])."""
    if not name:
        return []
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.split(r"[,(]", folded)[0]  # "Dana Ortiz, fire chief": the role follows
    words = [re.sub(r"'s$", "", w) for w in _WORD.findall(folded)]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    if all(w in _TITLES for w in words):  # "the minister": a description, no name
        return []
    # everything up to the last title word before the name is a role ("Fire Chief ...")
    role = max((i for i, w in enumerate(words[:-1]) if w in _TITLES), default=-1)
    return words[role + 1 :]


def same_person(claimed: str | None, actual: str | None) -> bool:
    """True when ``claimed`` plausibly names ``actual`` (surname, title and initial variants)."""
    c, a = name_parts(claimed), name_parts(actual)
    if not c or not a:
        return False
    if c == a or set(c) <= set(a) or (len(a) > 1 and c[-len(a) :] == a):
        return True  # the stored full name ends what was typed: "Olympic champion Dana Ortiz"
    if c[-1] != a[-1]:
        return False
    # Same surname: the other claimed parts must be initials or parts of the stored name.
    return all(w in a or (len(w) == 1 and any(x.startswith(w) for x in a)) for w in c[:-1])


def title_of(form: str) -> str | None:
    """The title words a name form starts with ("Ms. Ortiz" -> "Ms.", "Ortiz" -> None)."""
    lead = []
    for word in form.split()[:-1]:
        if word.strip(".,").lower() not in _TITLES:
            break
        lead.append(word)
    return " ".join(lead) or None


def matching_names(claimed: str, names: Iterable[str]) -> list[str]:
    """The stored speaker names ``claimed`` could refer to."""
    return [n for n in names if same_person(claimed, n)]


_PARTICLES = {"de", "van", "von", "der", "den", "al", "bin", "la", "le", "du", "da", "di", "del"}


def looks_like_name(speaker: str) -> bool:
    """A proper name ("Ana Ruiz"), not a description ("the minister", "officials")."""
    tokens = speaker.split()
    if not tokens or tokens[0].lower() in ("the", "a", "an"):
        return False
    return all(t[:1].isupper() for t in tokens if t.lower() not in _PARTICLES)
