"""Who is who in one article: people and organisations, their fullest names and titles.

An article names someone in full once ("Erik van Sebille, an oceanographer at ...")
and then by surname, pronoun or role ("van Sebille", "he", "the scientist"). The
registry records every named mention in reading order so a later mention can be
resolved to the canonical (fullest) name with the article's own context. This module
holds the records (``Entity``, ``Mention``) and the ``Registry`` that answers "who is
this name, pronoun or role?"; ``mentions.py`` fills it from the parse (``build_registry``),
``titles.py`` reads names and titles, ``descriptions.py`` the people known by a noun.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from ingest.attribute.cues import ORG_NOUNS, PERSON_PRONOUNS
from ingest.attribute.names import first_name_gender
from ingest.attribute.titles import (
    name_tokens,
    role_words,
    spelled_out,
    title_gender,
    workplace_words,
)
from ingest.attribute.tuning import MAIN_SUBJECT_REACH, NAMED_LATER_REACH, PRONOUN_WINDOW
from quotedesk.text import word_set

_MINOR_WORDS = word_set("of and the for")


_ARTICLES = word_set("the a an")


_POSSESSIVE_END = re.compile(r"['\u2019]s?$")


_DANGLING = re.compile(r"(?:\s+(?:of|and|for|the|at|in))+$", re.IGNORECASE)


# a name, then its age set off by a comma: "Ana Ruiz, 52," / "Ana Ruiz, a 52-year-old"
_AGE_AFTER_NAME = re.compile(
    r"(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]*,\s+(?:an?\s+)?(\d{1,3})(?:,|-year-old)"
)


def _age_of(text: str, pos: int) -> str:
    found = _AGE_AFTER_NAME.match(text, pos)
    return found.group(1) if found else ""


@dataclass
class Entity:
    """One person or organisation; ``name`` grows to the fullest form seen."""

    name: str
    kind: str  # "person" | "org"
    title: str | None = None
    gender: str | None = None
    tokens: tuple[str, ...] = ()
    roles: set[str] = field(default_factory=set)  # every role word any title gave them
    # "a spokesman for the ministry": someone the story never names, known by description
    described: bool = False
    named_gender: bool = False  # the gender comes from the first name alone, not the text
    # a name the NER read as an organisation that only a following he or she made a
    # person ("Morgan Stanley said ... He said"): world knowledge may say otherwise
    person_by_pronoun: bool = False

    def has_role(self, word: str) -> bool:
        """'the mayor' fits "Surrey mayor" and "then-Surrey mayoral candidate"; 'the centre'
        does not fit "a forecaster at the centre": that is where they work."""
        if word in workplace_words(self.title):
            return False
        return any(role.startswith(word) for role in self.roles)

    def matches(self, tokens: tuple[str, ...]) -> bool:
        """Same entity when the mention's words appear, in order, inside our name, or
        when an organisation is mentioned by its initials ("IRCC")."""
        if not tokens:
            return False
        if self.kind == "org" and len(tokens) == 1 and len(self.tokens) > 1:
            # every written word counts: "Budget Officer" is "BO" though "officer" is a title
            words = self.name.lower().split()
            initials = "".join(w[0] for w in words if w not in _MINOR_WORDS)
            # "TfL", "CDOT": a minor word can give its letter too
            if tokens[0] in (initials, "".join(w[0] for w in words)):
                return True
        n = len(tokens)
        return any(self.tokens[i : i + n] == tokens for i in range(len(self.tokens) - n + 1))


@dataclass
class Mention:
    pos: int
    entity: Entity
    subject: bool  # the grammatical subject of its clause: a likely antecedent
    main: bool = False  # subject of the sentence itself, or a speaker: the likeliest one
    inferred: bool = False  # known only by a description resolved to them ("the minister")
    # a "he said" resolved to them: where the story keeps them as its subject, no evidence
    # of who a later pronoun means beyond that
    echo: bool = False


@dataclass
class Registry:
    """Named mentions in reading order, and the entities they belong to."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # (offset, issuer) of each document noun: "a report by the railway", "the memo"
    documents: list[tuple[int, Token, Token | None]] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)  # where each paragraph starts
    text: str = ""  # the article's words, to spell out the acronyms it uses
    # where a name opens its sentence after a preposition: "For Ana Ruiz, the vote ..."
    topics: set[int] = field(default_factory=set)
    # where each paragraph left unparsed starts (no cue in it): there a name opening a
    # sentence only probably leads it ("Police arrested Mark Dunn" reads the same)
    unparsed: set[int] = field(default_factory=set)
    # where a name opens a paragraph left unparsed, at most a capitalised title before
    # it ("Rita Gomez owns the bakery", "Biologist Ana Ruiz has"): it surely leads it
    openers: set[int] = field(default_factory=set)

    def paragraph_start(self, pos: int) -> int:
        at = bisect.bisect_right(self.paragraphs, pos)
        return self.paragraphs[at - 1] if at else 0

    def next_paragraph(self, pos: int) -> int | None:
        """Where the paragraph after the one holding ``pos`` starts (None after the last)."""
        at = bisect.bisect_right(self.paragraphs, pos)
        return self.paragraphs[at] if at < len(self.paragraphs) else None

    def add(
        self,
        name: str,
        kind: str,
        pos: int,
        *,
        subject: bool = False,
        main: bool = False,
        title: str | None = None,
        gender: str | None = None,
        fresh: bool = False,
        inferred: bool = False,
        echo: bool = False,
    ) -> Entity:
        """Record a mention at ``pos``; ``fresh`` when the text introduces someone new."""
        if kind == "person":  # "Ana Ruiz’s" when the NER keeps the possessive
            name = _POSSESSIVE_END.sub("", name)
        name = _DANGLING.sub("", name)  # "Animal Rescue Services of": the NER cut it short
        tokens = name_tokens(name)
        entity = None if fresh else self._find(tokens, kind, pos) or self._longer(tokens, kind)
        full = spelled_out(name, self.text) if entity is None else None
        if full is not None:  # "the PBO" is the "Parliamentary Budget Officer" named in full
            return self.add(full, "org", pos, subject=subject, main=main, title=title)
        if entity is None:
            entity = Entity(name=name, kind=kind, tokens=tokens)
            self.entities.append(entity)
        elif len(tokens) > len(entity.tokens):
            entity.name, entity.tokens = name, tokens
        if title:
            entity.title = entity.title or title
            entity.roles.update(role_words(title))
        gender = gender or (title_gender(title) if title else None)
        if gender and entity.named_gender and gender == entity.gender:
            entity.named_gender = False  # the text confirms what the name said
        if gender and not entity.gender:
            entity.gender = gender
        elif kind == "person" and not entity.gender:
            entity.gender = first_name_gender(name)
            entity.named_gender = entity.gender is not None
        self.mentions.append(Mention(pos, entity, subject, main and subject, inferred, echo))
        self.mentions.sort(key=lambda m: m.pos)
        return entity

    def _find(self, tokens: tuple[str, ...], kind: str, pos: int) -> Entity | None:
        """The most recent entity before ``pos`` whose name contains the mention.

        A bare surname two people share ("her husband, Martin Kessler") means the one
        the story introduced first: writers name the other one in full or by first name.
        A first name two people share means neither of them surely: it is someone of
        its own.
        """
        if set(tokens) <= _ARTICLES:
            # "the minister" keeps only its article once the title is dropped: no name
            # holds it as one ("The Harbour Times" is no minister)
            return None
        if len(tokens) == 1 and kind == "person":
            sharing = [
                e
                for e in self.entities
                if e.kind == kind and len(e.tokens) > 1 and e.matches(tokens)
            ]
            if self.shared_first_name(tokens):
                # "Joseph" after Joseph Roe and Joseph Kent: either, or a third Joseph
                return next((e for e in self.entities if e.tokens == tokens), None)
            if len(sharing) > 1:
                return sharing[0]
        for mention in reversed(self.mentions):
            if (
                mention.pos <= pos
                and mention.entity.kind == kind
                and mention.entity.matches(tokens)
            ):
                return mention.entity
        for entity in self.entities:
            if entity.kind == kind and entity.matches(tokens):
                return entity
        return None

    def shared_first_name(self, tokens: tuple[str, ...]) -> bool:
        """Is this one word the first name of two or more people the article names?"""
        if len(tokens) != 1:
            return False
        owners = [
            e
            for e in self.entities
            if e.kind == "person" and len(e.tokens) > 1 and e.tokens[0] == tokens[0]
        ]
        return len(owners) > 1

    def _longer(self, tokens: tuple[str, ...], kind: str) -> Entity | None:
        """An earlier short mention ("Kirby") that this fuller name completes."""
        for entity in self.entities:
            if entity.kind != kind or len(entity.tokens) >= len(tokens):
                continue
            probe = Entity(name="", kind=kind, tokens=tokens)
            if probe.matches(entity.tokens) and entity.tokens[-1] == tokens[-1]:
                return entity
        return None

    def stated_ages(self, pos: int) -> list[tuple[Entity, str]]:
        """Each person the article gave an age before ``pos``, with it: "Ana Ruiz, 52," or
        "Ana Ruiz, a 52-year-old nurse"."""
        found = ((m.entity, _age_of(self.text, m.pos)) for m in self.mentions if m.pos < pos)
        return [(entity, age) for entity, age in found if age and entity.kind == "person"]

    def resolve_name(self, name: str, pos: int) -> Entity | None:
        tokens = name_tokens(name)
        for kind in ("person", "org"):
            found = self._find(tokens, kind, pos)
            if found:
                return found
        return None

    def resolve_pronoun(
        self,
        pronoun: str,
        pos: int,
        window: int = PRONOUN_WINDOW,
        skip: tuple[int, int] | None = None,
    ) -> Entity | None:
        """The most recent compatible antecedent: subjects first, then any mention; no one
        named only inside ``skip``."""
        word = pronoun.lower()
        if word in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[word]
            named = set()
            if skip is not None:  # a company may name itself, a person does not; a
                # pronoun of the words ("She said her son asked whether she ...") names no one
                inside = (m for m in self.mentions if skip[0] <= m.pos < skip[1] and not m.echo)
                named = {id(m.entity) for m in inside}
            candidates = [
                m
                for m in self.mentions
                if pos - window <= m.pos < pos
                and m.entity.kind == "person"
                and m.entity.gender in (None, gender)
                and id(m.entity) not in named
            ]
            if any(
                m.subject and m.entity.gender == gender and not m.entity.named_gender
                for m in candidates
            ):
                # someone named once whose gender the article never shows is a weaker
                # antecedent than a subject the text has already called "she"
                candidates = [
                    m
                    for m in candidates
                    if m.entity.gender == gender or self._named_twice(m.entity)
                ]
        else:
            kinds = ("org", "group") if word == "they" else ("org",)
            candidates = [
                m for m in self.mentions if pos - window <= m.pos < pos and m.entity.kind in kinds
            ]
        if candidates and word in PERSON_PRONOUNS and self._introduced(candidates, pos):
            return candidates[-1].entity
        subjects = [m for m in candidates if m.subject or self._returning_topic(m)]
        if not subjects:
            return candidates[-1].entity if candidates else None
        latest = subjects[-1]
        # "Ortega said ... ¶ It grew tense when Dizon rose. ¶ '...?' he asked": a new
        # paragraph's subject is not passed over for the last paragraph's main one
        since = max(latest.pos - MAIN_SUBJECT_REACH, self.paragraph_start(latest.pos))
        for mention in reversed(subjects):
            if mention.pos < since:
                break
            if mention.main or self._returning_topic(mention):
                return mention.entity
        return latest.entity

    def rival(self, entity: Entity, pronoun: str, pos: int) -> bool:
        """Is someone else the pronoun could as well mean named just before it ("Ed Marsh
        praised the ruling and Rick Dunn called it a disgrace. '...,' he said")? Not
        before the antecedent last spoke or led a sentence: '"...," Bell said. "...," he
        added' is Bell's whoever Bell talked about."""
        gender = PERSON_PRONOUNS.get(pronoun.lower())
        if gender is None:
            return self._rival_thing(entity, pos)
        since = pos - MAIN_SUBJECT_REACH
        for m in self.mentions:
            if m.entity is entity and m.main and not m.echo and since <= m.pos < pos:
                since = m.pos
        return any(
            since < m.pos < pos
            and m.entity is not entity
            and m.entity.kind == "person"
            and m.entity.gender in (None, gender)
            for m in self.mentions
        )

    def _rival_thing(self, entity: Entity, pos: int) -> bool:
        """ "In a memo, Acme told staff it works with Boeing. It also said ...": an "it"
        that lands on an organisation named only in passing while someone else led a
        clause, or past another organisation leading one since, is a guess between two."""
        recent = [
            m
            for m in self.mentions
            if pos - MAIN_SUBJECT_REACH <= m.pos < pos and m.subject and m.entity is not entity
        ]
        led = [m.pos for m in self.mentions if m.entity is entity and m.subject and m.pos < pos]
        if not led or led[-1] < pos - MAIN_SUBJECT_REACH:
            return bool(recent)
        return any(m.pos > led[-1] and m.entity.kind == entity.kind for m in recent)

    def _returning_topic(self, mention: Mention) -> bool:
        """ "Ana Ruiz lost her shop in May. ... For Ruiz, the wait goes on. '...,' she
        said": a sentence opening on someone the story has already named returns to them,
        as likely an antecedent as a subject; a name first given there is only talked
        about."""
        return mention.pos in self.topics and self.last_named(mention.entity, mention.pos) >= 0

    def _introduced(self, candidates: list[Mention], pos: int) -> bool:
        """ "... for Toronto accountant Jane Roe, 50. '...,' she says.": a person named just
        before, in the same paragraph, for the first time within a pronoun's reach (a
        caption far above may name her too), and not as a clause's subject
        ("Baker said Little had blocked it. He said ..." is about Little), speaks next;
        unless a fitting subject just before her is the sentence's topic ("Ron Vance
        criticized Ted Hale. He said ..." is Vance)."""
        mention = candidates[-1]
        if mention.subject or mention.pos in self.topics:
            return False  # "For Ruiz, the loss was personal. '...,' he says": her topic
        # named before only beyond a pronoun's reach (a caption, an earlier section): anew
        seen = any(
            m.entity is mention.entity and mention.pos - PRONOUN_WINDOW <= m.pos < mention.pos
            for m in self.mentions
        )
        start = self.paragraph_start(pos)
        topic = any(
            m.subject and not m.echo and max(start, mention.pos - MAIN_SUBJECT_REACH) <= m.pos
            for m in candidates[:-1]
        )
        return not seen and mention.pos >= start and not topic

    def described_as(self, phrase: str, pos: int) -> Entity | None:
        """The unnamed speaker an earlier description gave these words ("a justice
        official" for "the justice official")."""
        words = tuple(w for w in name_tokens(phrase) if w not in _ARTICLES)
        for mention in reversed(self.mentions):
            tokens = mention.entity.tokens
            if mention.pos < pos and mention.entity.described and tokens[-len(words) :] == words:
                return mention.entity
        return None

    def named_next(self, pos: int) -> Entity | None:
        """ "The owner of the Gulls told the council ...", then "Ana Ruiz, who bought the
        team in 2018, said ...": a story that opens on a description before it names
        anyone names that person as the next paragraph's first subject."""
        if any(m.pos < pos and m.subject and m.entity.kind == "person" for m in self.mentions):
            return None
        start = self.next_paragraph(pos)
        if start is None:
            return None
        end = self.next_paragraph(start)
        for mention in self.mentions:
            inside = start <= mention.pos and (end is None or mention.pos < end)
            if inside and mention.main and mention.entity.kind == "person":
                return mention.entity
        return None

    def led_last(self, pos: int, skip: frozenset[str] = frozenset()) -> Entity | None:
        """The person who led the latest sentence before ``pos`` in its paragraph or the one
        before, when no other person has been a subject since; no one whose name holds a
        ``skip`` word (one named in the description itself: "the Vanderbilt researcher")."""
        start = self.paragraph_start(pos)
        start = self.paragraph_start(start - 1) if start else 0
        for mention in reversed(self.mentions):
            entity = mention.entity
            if mention.pos >= pos or not mention.subject or skip & set(entity.tokens):
                continue
            if mention.pos < start:
                return None
            if mention.main:
                led = entity.kind == "person" and not entity.described
                parsed = self.paragraph_start(mention.pos) not in self.unparsed
                parsed = parsed or mention.pos in self.openers
                return entity if led and parsed else None
            if entity.kind == "person":
                return None  # "Baker said Little had blocked it": either may be meant
        return None

    def last_named(self, entity: Entity, pos: int) -> int:
        """Where ``entity`` was last mentioned before ``pos`` (-1 if never)."""
        return max((m.pos for m in self.mentions if m.entity is entity and m.pos < pos), default=-1)

    def inferred_last(self, entity: Entity, pos: int) -> bool:
        """Was ``entity`` last mentioned before ``pos`` only by a resolved description?"""
        last = [m for m in self.mentions if m.entity is entity and m.pos < pos and not m.echo]
        return bool(last) and last[-1].inferred

    def named_since(self, entity: Entity, start: int, pos: int) -> bool:
        """Is ``entity`` mentioned in ``[start, pos)``?"""
        return any(
            m.entity is entity and start <= m.pos < pos and not m.echo for m in self.mentions
        )

    def _named_twice(self, entity: Entity) -> bool:
        return sum(m.entity is entity and not m.echo for m in self.mentions) > 1

    def document_issuer(self, document: Token, pos: int) -> Token | None:
        """Who issued "the report": whoever issued the last document the article said
        came from someone ("A study by X ... the report said")."""
        earlier = [
            issuer
            for at, token, issuer in self.documents
            if at < pos and token != document and issuer is not None
        ]
        return earlier[-1] if earlier else None

    def recent_subject(
        self, pos: int, window: int, reported: list[tuple[int, int]] = ()
    ) -> tuple[int, Entity] | None:
        """The latest person who was the subject of a clause shortly before ``pos``,
        outside the ``reported`` stretches (what a speaker said names people they talk
        about, not a new speaker)."""
        for mention in reversed(self.mentions):
            if mention.pos < pos - window:
                break
            if any(start <= mention.pos < end for start, end in reported):
                continue
            if mention.pos < pos and mention.subject and mention.entity.kind == "person":
                return mention.pos, mention.entity
        return None

    def org_named(self, word: str, pos: int) -> Entity | None:
        """The latest organisation before ``pos`` whose name holds ``word`` ("the union"
        after "the Harbour Workers Union", "the rail company" after "Northern Rail Freight")."""
        for mention in reversed(self.mentions):
            if mention.pos < pos and mention.entity.kind == "org" and word in mention.entity.tokens:
                return mention.entity
        return None

    def _org_named_after(self, word: str, pos: int) -> Entity | None:
        """ "The union warned on Friday that ... Ana Ruiz of the Harbour Workers Union
        said": a story may call a body by its kind before it gives the name, and a
        name holding that very word, just after, is a surer match than the latest "it"."""
        after = self._named_just_after(pos)
        return next((e for e in after if e.kind == "org" and word in e.tokens), None)

    def _named_just_after(self, pos: int) -> Iterator[Entity]:
        """Entities mentioned from ``pos`` on, within the reach of a role noun no earlier
        name fits ("a judge ... Judge Roe"), in the story's order."""
        return (m.entity for m in self.mentions if pos <= m.pos < pos + NAMED_LATER_REACH)

    def _acting_org(self, pos: int) -> Entity | None:
        """The organisation "the agency" or "the police" may mean when none is named so:
        the latest "it", if it led a clause within a pronoun's reach or has a name of
        several words. A lone word only written as a modifier or after a preposition
        ("the Tolvik flood", "moved to Tolvik") is most often a place the NER took
        for an organisation."""
        found = self.resolve_pronoun("it", pos)
        if found is None or len(found.tokens) > 1:
            return found
        led = any(
            m.entity is found and m.subject and pos - PRONOUN_WINDOW <= m.pos < pos
            for m in self.mentions
        )
        return found if led else None

    def resolve_nominal(
        self,
        head: str,
        pos: int,
        *,
        new: bool = False,
        modifiers: frozenset[str] = frozenset(),
        ahead: bool = True,
    ) -> Entity | None:
        """'the director' -> the person introduced with that title; 'the airline' -> an org.

        Of several holders of the role, the latest whose titles hold every ``modifiers``
        word some holder's title holds ("the Labour MP" is the Labour one, "the finance
        minister" the one titled Finance Minister), else the latest. A ``new`` description
        ("a minister", "one MP") introduces someone: never a person named before. Only
        when ``ahead`` may a holder named just after be meant ("a judge ... Judge Roe")."""
        word = head.lower()
        earlier = [m.entity for m in reversed(self.mentions) if m.pos < pos]
        holders = [e for e in earlier if word not in ORG_NOUNS and e.has_role(word) and not new]
        telling = {m for m in modifiers if any(m in e.roles for e in holders)}
        fitting = [e for e in holders if telling <= e.roles]
        if holders:
            return (fitting or holders)[0]
        if word in ORG_NOUNS:
            for entity in earlier:
                if entity.kind == "org" and word in entity.name.lower().split():
                    return entity
            named = self._org_named_after(word, pos) if ahead else None
            return named or self._acting_org(pos)
        if not ahead:
            return None
        # "A Superior Court judge chastised ... Judge Jane Roe wrote": named just after
        later = self._named_just_after(pos)
        return next((e for e in later if e.kind == "person" and e.has_role(word)), None)
