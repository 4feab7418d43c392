"""The people quoted in the library: one ``Speaker`` per person, however articles name them.

Articles store the fullest name they give, so one person is stored as "Dana Ortiz" in
one article and "Ortiz" in another that never gives her first name. Stored names are
grouped fullest first with ``same_person``: a shorter name joins a person only when
exactly one person fits it, so a bare "Ortiz" stays apart when two Ortizes are quoted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from assistant.citations import cite_quote
from assistant.evidence import is_about, names_topic
from assistant.names import looks_like_name, name_parts, same_person, title_of
from assistant.retrieve import Filters, Retriever
from quotedesk.errors import InputError
from quotedesk.models import Citation, Quote, Speaker

Parts = tuple[str, ...]


@dataclass
class _Person:
    """A person being gathered: the name parts others are matched against, their quotes."""

    parts: Parts
    quotes: list[Quote] = field(default_factory=list)


def _owners(names: list[str]) -> dict[str, Parts]:
    """Each stored speaker name -> the name parts of the person it belongs to."""
    by_parts: dict[Parts, list[str]] = {}
    for name in names:
        parts = tuple(name_parts(name))
        if parts and looks_like_name(name):  # "the minister" names nobody
            by_parts.setdefault(parts, []).append(name)
    people: list[Parts] = []
    owner: dict[Parts, Parts] = {}
    # fullest names first, so "Ortiz" meets "Dana Ortiz" before deciding where it goes
    for parts in sorted(by_parts, key=lambda p: (-len(p), -len("".join(p)), p)):
        fits = [p for p in people if same_person(" ".join(parts), " ".join(p))]
        if len(fits) == 1:
            owner[parts] = fits[0]
        else:  # a new person, or a short name that more than one person fits
            owner[parts] = parts
            people.append(parts)
    return {name: owner[parts] for parts, names in by_parts.items() for name in names}


def _gather(retriever: Retriever) -> list[_Person]:
    """Every person with their stored quotes (earliest article first)."""
    quotes = [q for q in retriever.quotes_matching(Filters()) if q.speaker and q.speaker_resolved]
    owners = _owners(sorted({q.speaker for q in quotes if q.speaker}))
    people: dict[Parts, _Person] = {}
    for q in quotes:
        parts = owners.get(q.speaker or "")
        if parts is not None:
            people.setdefault(parts, _Person(parts)).quotes.append(q)
    return list(people.values())


def _iso(day: int) -> str | None:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}" if day else None


def _distinct(names: list[str]) -> tuple[str, ...]:
    """Names in order, once each whatever the case or a title: transcript labels are in
    capitals ("MAYOR ANA RUIZ" is the "Ana Ruiz" an article names)."""
    first: dict[str, str] = {}
    for name in names:
        shouted = name.isupper() and any(name_parts(name) == name_parts(f) for f in first.values())
        if not shouted:
            first.setdefault(name.casefold(), name)
    return tuple(first.values())


def _speaker(retriever: Retriever, person: _Person) -> Speaker:
    """The person as shown: their most used full stored name, forms, titles and dates."""
    stored = Counter(q.speaker for q in person.quotes if q.speaker)
    full = [n for n in stored if tuple(name_parts(n)) == person.parts] or list(stored)
    name = max(full, key=lambda n: (stored[n], -len(n)))
    mentions = [q.mention for q in person.quotes if q.mention_kind == "named" and q.mention]
    forms = _distinct([*sorted(stored, key=lambda n: -stored[n]), *mentions])
    titles = [q.speaker_title for q in person.quotes if q.speaker_title]
    titles += [t for t in map(title_of, forms) if t]
    days = [d for d in (retriever.published_day(q.article_id) for q in person.quotes) if d]
    return Speaker(
        name=name,
        forms=forms,
        titles=_distinct(titles),
        quotes=len(person.quotes),
        uncertain=sum(q.speaker_uncertain for q in person.quotes),
        first=_iso(min(days, default=0)),
        last=_iso(max(days, default=0)),
    )


def speakers(retriever: Retriever) -> list[Speaker]:
    """Everyone quoted, most quoted first."""
    retriever.refresh()  # the library may have changed since the last question
    found = [_speaker(retriever, p) for p in _gather(retriever)]
    return sorted(found, key=lambda s: (-s.quotes, s.name))


def _person(retriever: Retriever, name: str) -> _Person | None:
    """The one person ``name`` names: a listed name, a form seen, else the one it fits.

    ``InputError`` when it fits several ("Ortiz" with two Ortizes quoted): answering for
    one of them would be a guess.
    """
    people = [(p, _speaker(retriever, p)) for p in _gather(retriever)]
    wanted = name.strip().casefold()
    listed = [(p, s) for p, s in people if s.name.casefold() == wanted]  # picked in a list
    seen = [(p, s) for p, s in people if wanted in {f.casefold() for f in s.forms}]
    found = listed or seen or [(p, s) for p, s in people if same_person(name, s.name)]
    if len(found) > 1:
        names = ", ".join(sorted(s.name for _p, s in found))
        raise InputError(f'"{name}" may be any of: {names}; give the full name')
    return found[0][0] if found else None


def quotes_by(retriever: Retriever, name: str, about: str | None = None) -> list[Citation]:
    """The person's quotes, newest first, sliced from the stored articles; with ``about``
    only those about the topic (naming it, or very close in meaning, as answers do)."""
    retriever.refresh()
    person = _person(retriever, name)
    if person is None:
        return []
    quotes = person.quotes
    if about:
        names = tuple(sorted({q.speaker for q in quotes if q.speaker}))
        hits, _trace = retriever.search(about, filters=Filters(speakers=names), kinds=("quote",))
        close = {h.quote.id for h in hits if h.quote and is_about(about, h)}
        quotes = [q for q in quotes if q.id in close or names_topic(about, q.text)]

    def newest(q: Quote) -> tuple[bool, int, str, int]:
        day = retriever.published_day(q.article_id)
        return day == 0, -day, q.article_id, q.start  # undated last

    cited = (cite_quote(retriever, q) for q in sorted(quotes, key=newest))
    return [c for c in cited if c]
