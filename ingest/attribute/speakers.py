"""Who is who in one article: people and organisations, their fullest names and titles.

An article names someone in full once ("Erik van Sebille, an oceanographer at ...")
and then by surname, pronoun or role ("van Sebille", "he", "the scientist"). The
registry records every named mention in reading order so a later mention can be
resolved to the canonical (fullest) name with the article's own context.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ingest.attribute.cues import (
    DOCUMENT_NOUNS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    ORG_NOUNS,
    PAIR_NOUNS,
    PERSON_PRONOUNS,
    PUBLISH_VERBS,
    SPEECH_VERBS,
)
from ingest.attribute.names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, first_name_gender
from ingest.attribute.nlp import is_parsed, text_of
from ingest.attribute.tuning import (
    ASKING_VERBS,
    MAIN_SUBJECT_REACH,
    NAMED_LATER_REACH,
    OWNED_SUBJECT_TOKENS,
    PRONOUN_WINDOW,
)
from quotedesk.text import word_set

HONORIFICS = {
    "mr": "male",
    "mr.": "male",
    "sir": "male",
    "mrs": "female",
    "mrs.": "female",
    "ms": "female",
    "ms.": "female",
    "miss": "female",
    "madam": "female",
    "dame": "female",
}
# Titles written before a name: kept as the speaker's title, never as part of the name.
NAME_PREFIX_TITLES = word_set(
    """
    dr dr. prof prof. professor president vice sen sen. senator rep rep. gov gov.
    governor lt lt. col col. gen gen. sgt sgt. capt capt. cmdr cmdr. adm adm. maj maj.
    st. rev rev. hon hon. judge justice mayor premier minister chancellor king queen
    prince princess pope chief coach officer constable const. cpl cpl. insp insp. det det.
    supt supt. secretary ambassador chairman chairwoman ceo mp mla sheriff deputy
    speaker leader representative congressman congresswoman councillor councilor councilman
    councilwoman alderman assemblyman assemblywoman assemblymember treasurer mpp msp td
    taoiseach tánaiste tanaiste
    """
)
# What an abbreviated or specific title is called later in the story: "Sen. Ada Vance"
# is "the senator" and "the lawmaker", "Gov. Lena Ortiz" is "the governor".
TITLE_ROLES = {
    "sen": "senator lawmaker legislator",
    "senator": "lawmaker legislator",
    "rep": "representative congressman congresswoman lawmaker legislator",
    "representative": "congressman congresswoman lawmaker legislator",
    "congressman": "lawmaker legislator",
    "congresswoman": "lawmaker legislator",
    "mp": "lawmaker legislator",
    "mla": "lawmaker legislator",
    "mpp": "lawmaker legislator",
    "msp": "lawmaker legislator",
    "td": "deputy lawmaker legislator",
    "assemblyman": "lawmaker legislator",
    "assemblywoman": "lawmaker legislator",
    "assemblymember": "lawmaker legislator",
    "gov": "governor",
    "lt": "lieutenant",
    "col": "colonel",
    "gen": "general",
    "sgt": "sergeant",
    "capt": "captain",
    "cmdr": "commander",
    "adm": "admiral",
    "maj": "major",
    "prof": "professor",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "cpl": "corporal",
    "const": "constable",
}


_MINOR_WORDS = word_set("of and the for")
_ARTICLES = word_set("the a an")


_POSSESSIVE_END = re.compile(r"['\u2019]s?$")
_DANGLING = re.compile(r"(?:\s+(?:of|and|for|the|at|in))+$", re.IGNORECASE)


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

    def has_role(self, word: str) -> bool:
        """'the mayor' fits "Surrey mayor" and "then-Surrey mayoral candidate"."""
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
            if tokens[0] == initials:
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

    def paragraph_start(self, pos: int) -> int:
        at = bisect.bisect_right(self.paragraphs, pos)
        return self.paragraphs[at - 1] if at else 0

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
            entity.roles.update(_role_words(title))
        gender = gender or (title_gender(title) if title else None)
        if gender and entity.named_gender and gender == entity.gender:
            entity.named_gender = False  # the text confirms what the name said
        if gender and not entity.gender:
            entity.gender = gender
        elif kind == "person" and not entity.gender:
            entity.gender = first_name_gender(name)
            entity.named_gender = entity.gender is not None
        self.mentions.append(Mention(pos, entity, subject, main and subject, inferred))
        self.mentions.sort(key=lambda m: m.pos)
        return entity

    def _find(self, tokens: tuple[str, ...], kind: str, pos: int) -> Entity | None:
        """The most recent entity before ``pos`` whose name contains the mention.

        A bare surname two people share ("her husband, Martin Kessler") means the one
        the story introduced first: writers name the other one in full or by first name.
        A first name two people share means neither of them surely: it is someone of
        its own.
        """
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
            if skip is not None:  # a company may name itself, a person does not
                named = {id(m.entity) for m in self.mentions if skip[0] <= m.pos < skip[1]}
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
        subjects = [m for m in candidates if m.subject]
        if not subjects:
            return candidates[-1].entity if candidates else None
        latest = subjects[-1]
        for mention in reversed(subjects):
            if latest.pos - mention.pos > MAIN_SUBJECT_REACH:
                break
            if mention.main:
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
            if m.entity is entity and m.main and since <= m.pos < pos:
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
            m.subject and max(start, mention.pos - MAIN_SUBJECT_REACH) <= m.pos
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

    def last_named(self, entity: Entity, pos: int) -> int:
        """Where ``entity`` was last mentioned before ``pos`` (-1 if never)."""
        return max((m.pos for m in self.mentions if m.entity is entity and m.pos < pos), default=-1)

    def inferred_last(self, entity: Entity, pos: int) -> bool:
        """Was ``entity`` last mentioned before ``pos`` only by a resolved description?"""
        last = [m for m in self.mentions if m.entity is entity and m.pos < pos]
        return bool(last) and last[-1].inferred

    def named_since(self, entity: Entity, start: int, pos: int) -> bool:
        """Is ``entity`` mentioned in ``[start, pos)``?"""
        return any(m.entity is entity and start <= m.pos < pos for m in self.mentions)

    def _named_twice(self, entity: Entity) -> bool:
        return sum(m.entity is entity for m in self.mentions) > 1

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

    def resolve_nominal(
        self, head: str, pos: int, *, new: bool = False, modifiers: frozenset[str] = frozenset()
    ) -> Entity | None:
        """'the director' -> the person introduced with that title; 'the airline' -> an org.

        Of several holders of the role, the latest whose titles hold every ``modifiers``
        word ("the Labour MP" is the Labour one), else the latest. A ``new`` description
        ("a minister", "one MP") introduces someone: never a person named before."""
        word = head.lower()
        earlier = [m.entity for m in reversed(self.mentions) if m.pos < pos]
        holders = [e for e in earlier if word not in ORG_NOUNS and e.has_role(word) and not new]
        fitting = [e for e in holders if modifiers <= e.roles]
        if holders:
            return (fitting or holders)[0]
        if word in ORG_NOUNS:
            for entity in earlier:
                if entity.kind == "org" and word in entity.name.lower().split():
                    return entity
            return self.resolve_pronoun("it", pos)
        # "A Superior Court judge chastised ... Judge Jane Roe wrote": named just after
        later = [m.entity for m in self.mentions if pos <= m.pos < pos + NAMED_LATER_REACH]
        return next((e for e in later if e.kind == "person" and e.has_role(word)), None)


_NOT_IN_PHRASE = ("relcl", "acl", "appos", "punct", "cc", "conj")


def noun_phrase(token: Token) -> str:
    """The words naming a nominal speaker: "A spokeswoman for the city", not its clauses."""
    keep = [token]
    stack = list(token.children)
    while stack:
        child = stack.pop()
        if child.dep_ in _NOT_IN_PHRASE or _set_off(child):
            continue
        keep.append(child)
        stack.extend(child.children)
    first = min(t.i for t in keep)
    last = max(t.i for t in keep)
    return token.doc[first : last + 1].text


def _set_off(token: Token) -> bool:
    """ "Voss, in a letter to colleagues, said": a phrase between commas is an aside on
    how the words were said, no part of who said them."""
    return token.dep_ == "prep" and token.i > 0 and token.nbor(-1).text == ","


_TITLE_HEAD_ENDS = word_set("of for at with in from to who whose and , ;")


def _role_words(title: str) -> set[str]:
    """The words a title lets the story call its holder, abbreviations spelled out."""
    words = {w.strip(".,").lower() for w in title.replace("-", " ").split()}
    return words.union(*(TITLE_ROLES.get(w, "").split() for w in words))


def title_head(title: str) -> str | None:
    """The noun a title is about: "son" in "her son", "group" in "the British aid group"."""
    head = None
    for word in title.replace(",", " , ").lower().split():
        if word in _TITLE_HEAD_ENDS:
            break
        head = word
    return head


def title_gender(title: str) -> str | None:
    """ "her son", "father of two", "a spokeswoman for the city": the title's head noun
    can say whether the person is a he or a she."""
    head = title_head(title)
    if head in MALE_NOUNS:
        return "male"
    return "female" if head in FEMALE_NOUNS else None


def name_tokens(name: str) -> tuple[str, ...]:
    """Comparable words of a name: lower-cased, honorifics and possessives dropped."""
    words = [w.strip(".,").lower() for w in name.replace("\u2019", "'").split()]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return tuple(w for w in words if w and w not in HONORIFICS and w not in NAME_PREFIX_TITLES)


_NOUN_GENDER = {**dict.fromkeys(MALE_NOUNS, "male"), **dict.fromkeys(FEMALE_NOUNS, "female")}
_TITLE_WORDS = HONORIFICS.keys() | NAME_PREFIX_TITLES | _NOUN_GENDER.keys()


def split_name(span: Span) -> tuple[Span, str | None, str | None]:
    """Separate leading titles ("Lt.", "Mr.") from a name span: (name, title, gender)."""
    start = span.start
    gender = None
    titles = []
    # "Grandmother Rosa Diaz", "Uncle Tavish": a role noun the NER took into the name
    while start < span.end - 1 and (
        span.doc[start].lower_ in _TITLE_WORDS or _role_opening(span, start)
    ):
        word = span.doc[start].lower_
        gender = gender or HONORIFICS.get(word) or _NOUN_GENDER.get(word)
        titles.append(span.doc[start].text)
        start += 1
    inner = _inner_title(span, start)
    if inner is not None:  # "Cork North TD Ann Roe": the words up to the title are its
        titles = [span.doc[span.start : inner + 1].text]
        start = inner + 1
    name = span.doc[start : span.end]
    if gender is None and span.start > 0:  # "Mr. Peter Vance" with "Mr." outside the entity
        before = span.doc[span.start - 1].lower_
        gender = HONORIFICS.get(before) or _NOUN_GENDER.get(before)
    return name, " ".join(titles) or None, gender


def _inner_title(span: Span, start: int) -> int | None:
    """ "Cork North TD Ann Roe", "Labour MP Jo Bell", "the ministry's spokesman Li Wei": a
    title word inside a name span, after a party, place or office and before a name of at
    least one capitalised word, ends the title. The last such word counts."""
    found = None
    for i in range(start + 1, span.end - 1):
        word = span.doc[i].lower_
        if word in _INNER_TITLES and span.doc[i + 1].lower_.strip(".") not in _NAME_SUFFIXES:
            found = i
    if found is None or not span.doc[found + 1].text[:1].isupper():
        return None
    return found


_NAME_SUFFIXES = word_set("jr sr ii iii iv")


def title_ended(span: Span) -> bool:
    """ "the Labour TD", "Independent Senator": words the NER read as a name that end in
    a title describe someone, they do not name them ("Office of the Mayor" is a name)."""
    words = [t.lower_ for t in span]
    last = words[-1].strip(".")
    if last not in _INNER_TITLES or last in _SURNAME_TITLES or "of" in words:
        return False
    return len(words) == 1 or words[-2] not in _FIRST_NAMES


_FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES

# Titles that are surnames too often to end a description: "Carole King", "Mike Judge".
_SURNAME_TITLES = word_set("king queen prince princess pope judge justice chancellor")


# Endings of nouns for what a person does: "striker", "economist", "historian".
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")


def _role_opening(span: Span, at: int) -> bool:
    """ "Striker Leo Marsh scored": a role noun opening the sentence is capitalised like
    the name after it, and the NER takes it in. A word for a person's role or work (not a
    first name) before at least two more words of the name is a title."""
    token = span.doc[at]
    if at != span.start or span.end - at < 3 or not (token.i == 0 or token.is_sent_start):
        return False
    word = token.lower_
    if person_noun(word):
        return True
    return word.endswith(_AGENT_ENDINGS) and word not in _FIRST_NAMES


def title_of(token: Token, name: Span) -> str | None:
    """The role the text gives a name: an apposition or the words just before it."""
    for child in token.children:
        appos = child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN")
        if appos and child.i >= name.end and child.ent_type_ != "PERSON":
            return _phrase(child)
    return title_before(token, name)


def title_before(token: Token, name: Span) -> str | None:
    """The role written before a name: "the mayor, Ana Ruiz", "harbour master Ana Ruiz"
    (an honorific between them is the name's: "His aide, Mrs. Ruiz")."""
    stop = name.start
    while stop > 0 and token.doc[stop - 1].lower_ in HONORIFICS:
        stop -= 1
    office = office_before(name)
    if office is not None:
        return token.doc[office.i : name.start].text
    head = token.head
    # "the Majority Leader, Ann Roe,": the parser may join the two as a list
    beside = _set_beside(token, head)
    set_beside = token.dep_ == "appos" or token.dep_ == "conj" and beside
    if set_beside and head.i < stop and (head.pos_ == "NOUN" or _titled(head)):
        return _phrase(head, stop=stop)
    left = [
        t
        for t in token.lefts
        if t.i < name.start and t.dep_ in ("compound", "amod", "nmod") and t.ent_type_ != "PERSON"
    ]
    if left:
        first = min(t.left_edge.i for t in left)
        words = token.doc[first : name.start]
        text = words.text.strip(" ,")
        return text or None
    return None


def office_before(name: Span) -> Token | None:
    """ "Minister for Co-operation Ann Roe", "Secretary of State for Health Ann Roe": the
    title word opening an office named just before a name (the parser hangs the name on
    the office's department, so no arc says so)."""
    doc = name.doc
    for i in range(name.start - 2, max(name.start - _OFFICE_TOKENS, 0) - 1, -1):
        if doc[i].lower_ in NAME_PREFIX_TITLES and doc[i].text[:1].isupper():
            between = text_of(doc)[doc[i].idx + len(doc[i]) : name.start_char]
            return doc[i] if _OFFICE.fullmatch(between) else None
    return None


_OFFICE_TOKENS = 9  # "Minister of State for Foreign Affairs and Trade": the longest office
_OFFICE_WORD = r"[A-Z][\w'\u2019&-]*"
_OFFICE = re.compile(
    rf"\s+(?:of|for)\s+(?:the\s+)?{_OFFICE_WORD}(?:\s+(?:(?:and|of|for|the)\s+)*{_OFFICE_WORD})*\s+"
)


def _set_beside(token: Token, head: Token) -> bool:
    """Does ``token``'s phrase follow ``head`` after a comma alone ("the mayor, Ana Ruiz")?"""
    return token.left_edge.i == head.i + 2 and token.doc[head.i + 1].text == ","


def _titled(token: Token) -> bool:
    """ "The Tánaiste, Ann Roe": a title the tagger reads as a proper noun."""
    return token.lower_ in NAME_PREFIX_TITLES


def _phrase(token: Token, stop: int | None = None) -> str:
    """The noun phrase headed by ``token``, cut before a following clause or name."""
    tokens = [t for t in token.subtree if stop is None or t.i < stop]
    tokens = [t for t in tokens if t.dep_ not in ("relcl", "punct") or t.i < token.i]
    if not tokens:
        return token.text
    first, last = tokens[0].i, tokens[-1].i
    text = token.doc[first : last + 1].text
    return text.strip(" ,")


_PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}


_REGISTERED = ("PERSON", "ORG", "GPE", "NORP")


def _add_nationality(registry: Registry, ent: Span, base: int, quoted) -> Entity | None:
    """ "Schulze is aware ...": the NER sometimes reads a surname as a nationality; it is
    the person when the article has already named someone so. "The Greens believe ...":
    a party or a people as a clause's subject is a group a later "they" may mean."""
    at = base + ent.start_char
    subject, main = _roles(ent, at, quoted)
    known = registry.resolve_name(ent.text, at)
    if known is not None and known.kind == "person":
        return registry.add(known.name, "person", at, subject=subject, main=main)
    if subject and _plural_subject(ent.root):
        registry.add(ent.text, "group", at, subject=True, main=main)
    return None


def _plural_subject(token: Token) -> bool:
    return token.dep_ == "nsubj" and token.tag_ in ("NNPS", "NNS")


def _in_quotes(at: int, quoted) -> bool:
    """Is offset ``at`` inside one of the ``quoted`` spans (quotations, captions)?"""
    return any(start <= at < end for start, end in quoted)


def _roles(ent: Span, at: int, quoted) -> tuple[bool, bool]:
    """Is the name its clause's subject, and the sentence's own subject? A name opening
    its sentence almost always is, even when the parse (or a sentence split at "lbs.")
    loses the arc; a name inside a quotation is never a subject."""
    in_quote = _in_quotes(at, quoted)
    opens = ent.start - (ent.sent.start if is_parsed(ent.doc) else 0) <= 2 and not _fronted(ent)
    opens = (opens and not _after_verb(ent)) or _named_after_owner(ent)
    root = _named_subject(ent.root)
    if not in_quote and _asked(root):
        return True, True  # "Host Dana Ruiz asked Sen. Mark Ochoa whether ...": he answers
    subject = not in_quote and (opens or root.dep_ in ("nsubj", "nsubjpass"))
    return subject, opens or is_main_subject(root)


def _after_verb(ent: Span) -> bool:
    """ "Pike told Lind ...": a name after its sentence's verb is its object, however
    near the sentence's start."""
    before = ent.doc[ent.sent.start : ent.start] if is_parsed(ent.doc) else []
    return any(t.pos_ in ("VERB", "AUX") for t in before)


_POSSESSIVE_MARKS = ("'s", "\u2019s", "'", "\u2019")


def _named_after_owner(ent: Span) -> bool:
    """ "Keller's neighbor, Dana Holt, runs ...": the name set off after a possessed noun
    that opens the sentence is its subject, whether or not the paragraph was parsed."""
    start = ent.sent.start if is_parsed(ent.doc) else 0
    owner = ent.doc[start : ent.start]
    before, after = ent.doc[ent.start - 1 : ent.start], ent.doc[ent.end : ent.end + 1]
    commas = before.text == "," and after.text == ","
    return (
        commas
        and ent.start - start <= OWNED_SUBJECT_TOKENS
        and any(t.lower_ in _POSSESSIVE_MARKS for t in owner)
    )


def _named_subject(root: Token) -> Token:
    """The subject a name stands in: "The senator's wife, Ellen Marsh, spoke" names the
    subject, so the name is that clause's subject too."""
    if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
        return root.head
    return root


def _asked(token: Token) -> bool:
    """Is ``token`` the person a question is put to ("asked Ochoa whether ...")? The
    answer is theirs, so they are the likeliest next "he" or "she"."""
    asking = token.head.lemma_.lower() in ASKING_VERBS and token.head.pos_ == "VERB"
    return asking and token.dep_ in ("dobj", "dative")


def _asked_pronoun(token: Token, base: int, quoted) -> bool:
    """Is this "him" or "her" the one a question is put to ("'...?' the host asked him")?"""
    at = base + token.idx
    in_quote = _in_quotes(at, quoted)
    return is_parsed(token.doc) and _asked(token) and not in_quote


def _add_answerer(registry: Registry, token: Token, base: int) -> None:
    """The person an asked "him" or "her" means answers next, so they are named there as a
    sentence's subject; never the asker, whom the pronoun cannot mean."""
    at = base + token.idx
    asker = other_subject(token)
    if asker is None:
        return
    pronoun = "he" if _PRONOUN_GENDER[token.lower_] == "male" else "she"
    entity = registry.resolve_pronoun(pronoun, at, skip=(base + asker.left_edge.idx, at))
    if entity is not None:
        registry.add(entity.name, entity.kind, at, subject=True, main=True)


def other_subject(token: Token) -> Token | None:
    """Another subject of the verb ``token`` hangs on: the asker when ``token`` is the one
    asked, the real speaker when the parser gave the cue a second subject."""
    return next(
        (c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") and c != token),
        None,
    )


def build_registry(docs: list, bases: list[int], quoted: list[tuple[int, int]]) -> Registry:
    """Every person and organisation the article names, in reading order.

    Names inside quotation marks are recorded but never as subjects: the person a
    speaker talks about is a poor antecedent for the next "he said".
    """
    registry = Registry(paragraphs=list(bases))
    # a photo caption names the people pictured, like a quotation names those talked
    # about: the story's next "he says" is rarely theirs
    quoted = list(quoted) + [
        (base, base + len(text_of(doc)))
        for doc, base in zip(docs, bases, strict=True)
        if _caption(doc)
    ]
    # (sentence number, kind, payload) in reading order, for learning genders
    events: list[tuple[int, str, object]] = []
    places: set[str] = set()
    registry.text = "\n".join(text_of(doc) for doc in docs)
    asked: list[tuple[Token, int]] = []  # "... the host asked him": a pronoun asked
    sentence = 0
    for doc, base in zip(docs, bases, strict=True):
        if byline(text_of(doc)):
            continue
        # "Cork North TD Ann Roe" is a person whatever label the NER gave it
        ents = {
            ent.start: ent
            for ent in doc.ents
            if ent.label_ in _REGISTERED or _inner_title(ent, ent.start) is not None
        }
        for sent in doc.sents if is_parsed(doc) else [doc[:]]:
            sentence += 1
            for token in sent:
                ent = ents.get(token.i)
                if ent is not None and _contrasted(ent):
                    events.append((sentence, "bystander", None))
                    continue
                if ent is not None and ent.label_ == "GPE" and not _person_read_as_place(ent):
                    if ent.start > 0 and doc[ent.start - 1].pos_ == "ADP":
                        places.add(ent.text.lower())  # "in Ottawa": a place after all
                    entity = _add_place_subject(registry, ent, base, quoted)
                    if entity is not None and entity.kind == "maybe":
                        events.append((sentence, "maybe", entity))
                elif ent is not None and ent.label_ == "NORP":
                    entity = _add_nationality(registry, ent, base, quoted)
                    if entity is not None:
                        events.append((sentence, _gender_role(ent, base, quoted), entity))
                elif ent is not None:
                    entity = _add_entity(registry, ent, base, quoted)
                    if entity is not None and entity.kind == "person":
                        events.append((sentence, _gender_role(ent, base, quoted), entity))
                        _add_pair(registry, ent, doc.ents, base, quoted)
                    elif entity is not None and _surname_like(entity, ent, base, quoted):
                        events.append((sentence, "maybe", entity))
                elif _unnamed_subject(token, base, quoted):
                    entity = _add_proper_subject(registry, token, base)
                    if entity.kind == "person":
                        events.append((sentence, "person", entity))
                elif (surnamed := _known_surname(registry, token, base, quoted)) is not None:
                    events.append((sentence, "person", surnamed))
                elif _described_newcomer(token):
                    entity = registry.add(
                        token.text,
                        "person",
                        base + token.idx,
                        subject=True,
                        main=True,
                        title=_title_in_text(token.doc[token.i : token.i + 1]),
                    )
                    events.append((sentence, "person", entity))
                elif _org_noun_subject(token, base, quoted):
                    _add_org_noun(registry, token, base + token.idx)
                elif _unnamed_lead_subject(token, base, quoted):
                    entity = add_description(registry, token, noun_phrase(token), base + token.idx)
                    if entity is not None and entity.kind == "person":
                        events.append((sentence, "person", entity))
                elif _group_subject(token, base, quoted):
                    at = base + token.idx
                    registry.add(
                        noun_phrase(token), "group", at, subject=True, main=is_main_subject(token)
                    )
                elif token.lemma_.lower() in DOCUMENT_NOUNS and token.pos_ == "NOUN":
                    registry.documents.append((base + token.idx, token, document_issuer(token)))
                elif token.lower_ in _PRONOUN_GENDER and not token.ent_type_:
                    if _asked_pronoun(token, base, quoted):
                        asked.append((token, base))  # who "him" means: once genders are known
                        events.append((sentence, "bystander", None))
                    elif _in_quotes(base + token.idx, quoted):
                        # "Tom Ashby spoke. 'Her report was thorough,' he said": a speaker
                        # talks of a third person, the one just named or anyone else
                        events.append((sentence, "bystander", None))
                    elif _gender_evidence(token):
                        events.append((sentence, "pronoun", _PRONOUN_GENDER[token.lower_]))
                elif token.lower_ in ("it", "its"):
                    events.append((sentence, "pronoun", "it"))
    _learn_genders([e for e in events if e[1] != "maybe" or e[2].name.lower() not in places])
    for token, base in asked:
        _add_answerer(registry, token, base)
    return registry


# "... at the station in 1999. (THE CANADIAN PRESS FILE PHOTO)", "(Jane Roe/Daily Star)"
_CAPTION_CREDIT = re.compile(r"\([^()]*(?:/|\bphoto\b|\bimages\b|\barchives\b)[^()]*\)\s*$", re.I)


def _caption(doc) -> bool:
    """Is this paragraph a photo caption, ending in the picture's credit?"""
    return _CAPTION_CREDIT.search(text_of(doc)) is not None


def byline(paragraph: str) -> bool:
    """ "By JANE ROE", "Jane Roe, Political Correspondent", "SKETCH | Jane Roe": the line
    naming the writer names no one in the story, so no later "he" or "the official" means
    them."""
    line = paragraph.split("\n", 1)[0].strip()
    if not line or len(line.split()) > _BYLINE_WORDS or line[-1] in '.!?:"\u201d':
        return False
    return line.startswith("By ") or "|" in line or _WRITER_ROLE.search(line) is not None


_BYLINE_WORDS = 10  # a writer's name and role; a longer line is a headline or prose
_WRITER_ROLE = re.compile(
    r",\s+(?:[A-Z]\w+\s+)*(?:Correspondent|Reporter|Editor|Writer|Columnist)$", re.IGNORECASE
)


_ISSUER_PREPS = ("by", "from")
_NOT_ISSUERS = word_set("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY")


def published_by(token: Token) -> Token | None:
    """Whoever a participle says put the words out: "figures released by the agency",
    "a statement e-mailed to reporters by the chair"."""
    for clause in token.children:
        if clause.dep_ != "acl" or clause.lemma_.lower() not in PUBLISH_VERBS:
            continue
        for agent in clause.children:
            if agent.dep_ == "agent":
                objects = [c for c in agent.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def document_issuer(token: Token) -> Token | None:
    """The issuer a document noun names: "her statement", "the Civic Action study",
    "a report by the railway company", "a statement from the EU", "released by"."""
    published = published_by(token)
    if published is not None:
        return published
    for child in token.children:
        if child.ent_type_ in _NOT_ISSUERS:  # "a study from August"
            continue
        if child.dep_ == "poss":
            return child
        if child.dep_ == "compound" and (
            child.ent_type_ in ("ORG", "PERSON") or child.pos_ == "PROPN"
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in _ISSUER_PREPS:
            objects = [
                c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in _NOT_ISSUERS
            ]
            if objects:
                return objects[0]
    return _writer_of(token)


def _writer_of(token: Token) -> Token | None:
    """ "The aide's lawyers argued in a filing that ...": a document someone speaks in is
    theirs, so "the filing said" later is them."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _lone_subject(ent: Span, base: int, quoted) -> bool:
    """A one-word name that is the subject of its sentence, outside quotation marks."""
    at = base + ent.start_char
    if len(ent) != 1 or not is_parsed(ent.doc):
        return False
    if _in_quotes(at, quoted):
        return False
    # "Roustan was unmoved": the parser may read a copula with a participle as a passive
    return ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.dep_ == "ROOT"


def _surname_like(entity: Entity, ent: Span, base: int, quoted) -> bool:
    """ "Chester didn't hesitate. '...,' he said.": a one-word 'organisation' subject may
    be a surname, as a following he or she will show (``_learn_genders``)."""
    return entity.kind == "org" and len(entity.tokens) == 1 and _lone_subject(ent, base, quoted)


def _add_place_subject(registry: Registry, ent: Span, base: int, quoted) -> Entity | None:
    """A one-word 'place' that is a sentence's subject: a known person's surname, or a
    "maybe" the next he or she settles; places elsewhere name no one."""
    if not _lone_subject(ent, base, quoted) or dateline(ent):
        return None
    at = base + ent.start_char
    known = registry.resolve_name(ent.text, at)
    if known is not None and known.kind == "person":
        return registry.add(known.name, "person", at, subject=True, main=True)
    return registry.add(ent.text, "maybe", at, subject=True, main=True)


def _person_read_as_place(ent: Span) -> bool:
    """ "Renzi's spokesperson, Inês Borralho, said": a name of two words or more that the
    NER read as a place but the text sets right after a person noun and a comma is that
    person (a lone word is left to the he or she that follows)."""
    if len(ent) < 2 or not is_parsed(ent.doc):
        return False
    root = ent.root
    beside = root.dep_ == "appos" and _set_beside(root, root.head)
    return beside and person_noun(root.head.lemma_.lower())


def _add_pair(registry: Registry, ent: Span, ents, base: int, quoted) -> None:
    """ "Rosa and Miguel Ferreira opened a bakery": two people named together are also one
    group, the "they" or "the couple" that speaks next."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "and":
        return
    other = next((e for e in ents if e.start == ent.end + 1 and e.label_ == "PERSON"), None)
    at = base + ent.start_char
    if other is None or any(start <= at < stop for start, stop in quoted):
        return
    root = ent.root
    if is_parsed(doc):
        head = root.head if root.dep_ == "appos" else root  # "the owners, Kim and Lee,"
        speaks, main = head.dep_ == "nsubj", is_main_subject(head)
    else:
        speaks = main = ent.start <= 2
    group = registry.add(doc[ent.start : other.end].text, "group", at, subject=speaks, main=main)
    group.roles.update(PAIR_NOUNS)


def _org_noun_subject(token: Token, base: int, quoted) -> bool:
    """ "the council is struggling with what it calls ...": a definite organisation noun
    as subject is an organisation the next "it" may mean."""
    if token.dep_ != "nsubj" or token.tag_ != "NN" or token.lemma_.lower() not in ORG_NOUNS:
        return False
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    at = base + token.idx
    return definite and not _in_quotes(at, quoted)


def _add_org_noun(registry: Registry, token: Token, at: int) -> None:
    """A new mention of the organisation named earlier whose name holds the noun ("the
    union" after "the Harbour Workers Union")."""
    known = registry.org_named(token.lemma_.lower(), at)
    if known is not None:
        registry.add(known.name, "org", at, subject=True, main=is_main_subject(token))


def _group_subject(token: Token, base: int, quoted) -> bool:
    """ "Republican senators said" / "Officials warned": a later "they" may mean them."""
    if token.tag_ != "NNS" or token.dep_ != "nsubj" or token.ent_type_:
        return False
    at = base + token.idx
    return not _in_quotes(at, quoted)


def _unnamed_subject(token: Token, base: int, quoted) -> bool:
    """ "Niederreiter has four goals": a proper-noun subject the NER missed is still a
    person the next "he" or "the right wing" may mean; so is one set beside a subject
    title ("The Tánaiste, Ann Roe, said")."""
    if token.pos_ != "PROPN" or token.ent_type_:
        return False
    if token.dep_ != "nsubj" and not _titled_subject(token):
        return False
    if _named_thing(token.doc[token.i : token.i + 1]):  # "the Roads and Ports Bill"
        return False
    if not token.text[:1].isupper() or token.lower_ in NAME_PREFIX_TITLES | HONORIFICS.keys():
        return False
    at = base + token.idx
    return not _in_quotes(at, quoted)


def _known_surname(registry: Registry, token: Token, base: int, quoted) -> Entity | None:
    """ "Vale, 31, was a nurse": a capitalised word the NER missed that is the surname of
    someone the article has named in full, as its clause's subject (opening its sentence
    in a paragraph left unparsed), is that person and a likely antecedent."""
    if token.ent_type_ or not token.is_alpha or not token.text.istitle() or token.is_stop:
        return None
    if token.lower_ in NAME_PREFIX_TITLES or token.lower_ in HONORIFICS:
        return None
    at = base + token.idx
    owners = [
        e
        for e in registry.entities
        if e.kind == "person" and len(e.tokens) > 1 and e.tokens[-1] == token.lower_
    ]
    if len(owners) != 1 or _in_quotes(at, quoted):
        return None
    if is_parsed(token.doc):
        subject, main = token.dep_ in ("nsubj", "nsubjpass"), is_main_subject(token)
    else:
        opens = token.i == 0 or token.doc[token.i - 1].text in (".", "!", "?")
        subject = main = opens and _verb_follows(token)
    if not subject:  # "who like Dorn was born abroad": a name in passing is no antecedent
        return None
    return registry.add(owners[0].name, "person", at, subject=True, main=main)


def _verb_follows(token: Token) -> bool:
    """ "Vale, 31, was", "Vale said": in a paragraph left untagged, a surname opening a
    sentence is its subject when a comma or a common verb follows ("Young voters" is no
    Mr. Young)."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and (after.text == "," or after.lower_ in _COMMON_VERBS)


_COMMON_VERBS = word_set(
    """
    is was has had said says told tells added adds also would will could can did does
    wrote writes believes thinks knows wants
    """
)


def _described_newcomer(token: Token) -> bool:
    """ "Yuni, a resident of the coast, was ...": a capitalised word opening a paragraph
    left unparsed and described at once is a person the NER missed (single names often
    are)."""
    doc = token.doc
    if is_parsed(doc) or token.i != 0 or token.ent_type_ or len(doc) < 4:
        return False
    word = token.text
    if not word.istitle() or token.is_stop or word.lower().endswith("ly"):
        return False
    return doc[1].text == "," and doc[2].lower_ in ("a", "an") and doc[3].is_lower


def _titled_subject(token: Token) -> bool:
    """ "The Tánaiste, Ann Roe, said": a name set right after a subject's title (not one
    past a clause or a colon, as a book's title is)."""
    head = token.head
    titled = person_noun(head.lower_)
    beside = _set_beside(token, head)
    return token.dep_ == "appos" and titled and beside and head.dep_ in ("nsubj", "nsubjpass")


def _add_proper_subject(registry: Registry, token: Token, base: int) -> Entity:
    parts = [t for t in token.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
    span = token.doc[min([t.i for t in parts] + [token.i]) : token.i + 1]
    name, prefix, gender = split_name(span)  # "Labour TD Ann Roe": the title is no name
    at = base + name.start_char
    main = is_main_subject(token.head if token.dep_ == "appos" else token)
    found = registry.resolve_name(name.text, at)
    if found is not None:
        return registry.add(found.name, found.kind, at, subject=True, main=main)
    title = title_of(token, name) or prefix
    return registry.add(
        name.text, "person", at, subject=True, main=main, title=title, gender=gender
    )


def is_main_subject(token: Token) -> bool:
    """The subject of the sentence's own verb, not of a clause reported inside it."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"


# "The Daily Planet A crane is shown ...": a caption whose credit runs into its first words
_RUN_ON_CAPTION = re.compile(r" (?:A|An|The) [a-z]")


def _fronted(ent: Span) -> bool:
    """ "Unlike Karim Nasser, he ...": a name in a fronted phrase is not
    the sentence's subject."""
    return ent.start > 0 and ent.doc[ent.start - 1].pos_ in ("ADP", "SCONJ")


def _topic(ent: Span) -> bool:
    """ "For Ana Ruiz, the vote was a turning point": a name in a phrase opening its
    sentence is what the sentence is about, not someone introduced to speak next."""
    return _fronted(ent) and is_parsed(ent.doc) and ent.start - 1 == ent.sent.start


def _contrasted(ent: Span) -> bool:
    """ "Unlike Ortiz, she has never held office": a name set against the subject is the
    one person the pronouns around it do not mean, so it is no antecedent at all."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in _CONTRASTS


_CONTRASTS = word_set("unlike like")


def _eponym(ent: Span) -> bool:
    """ "Hodgkin's lymphoma", "a Crohn disease clinic": an illness named after someone
    names no one in the story."""
    after = [t.lower_ for t in ent.doc[ent.end : ent.end + 2]]
    if after and after[0] in ("'s", "\u2019s"):
        after = after[1:]
    return bool(after) and after[0] in _ILLNESSES


_ILLNESSES = word_set("disease lymphoma syndrome palsy")


def dateline(ent: Span) -> bool:
    """ "HALDEN, Ont. -- The ...", "RIVERTON (AP) —": the place a story was filed from,
    in capitals at the head of a paragraph, names no speaker."""
    first = ent[0].text
    head = text_of(ent.doc)[: ent.start_char + _DATELINE_REACH]
    return (
        not text_of(ent.doc)[: ent.start_char].strip()
        and len(first) > 2
        and first.isupper()
        and _DATELINE_DASH.search(head, ent.end_char) is not None
    )


_DATELINE_REACH = 40  # a dateline's place, province and agency fit in this many characters
_DATELINE_DASH = re.compile(r"\s(?:--|—|–|-)\s")


def capitalised(ent: Span) -> bool:
    """ "the federal agency", "the veteran goalie": the NER sometimes tags a
    description as a name; a name has a capitalised word past its article."""
    return any(t.text[:1].isupper() for t in ent if t.lower_ not in ("the", "a", "an"))


# Last words of a company's name: "Halvorsen Mining", "Northwind Air", "Ferro Holdings".
_ORG_NAME_ENDS = word_set(
    """
    inc inc. corp corp. co co. ltd ltd. llc plc ag gmbh mining air airlines airways
    energy holdings industries motors foods pharmaceuticals technologies systems
    """
)


def _named_as_organisation(name: Span) -> bool:
    """ "Halvorsen Mining said": a name ending in a word only organisations end in is
    one, even when the NER reads it as a person."""
    last = name[-1].lower_
    return len(name) > 1 and (last in _ORG_NAME_ENDS or last in ORG_NOUNS)


def _described_as_organisation(ent: Span) -> bool:
    """ "Harbour House, a non-profit agency that runs shelters": a name the text describes
    with an organisation noun is an organisation, whatever the NER says."""
    return is_parsed(ent.doc) and any(
        c.dep_ == "appos" and c.lemma_.lower() in ORG_NOUNS and c.left_edge.i == ent.end + 1
        for c in ent.root.children
    )


def _titled_as_organisation(title: str, ent: Span) -> bool:
    """ "the aid group Ama", "Ama, a relief charity": a name whose title is an
    organisation noun is an organisation. A title written just before the name ends in
    its head: "former Bank of Canada governor David Dodge" is a governor, not a bank."""
    before = text_of(ent.doc)[: ent.start_char].rstrip()
    head = title.split()[-1].lower() if before.endswith(title) else title_head(title)
    return head in ORG_NOUNS


def add_description(registry: Registry, token: Token, phrase: str, at: int) -> Entity | None:
    """ "A ministry spokesman said ... he added": an unnamed speaker described by a person
    or organisation noun is who a later "he" or "it" most likely means."""
    head = token.lemma_.lower()
    if token.tag_ != "NN" or token.pos_ == "PROPN":
        return None
    if head in ORG_NOUNS:
        kind = "org"
    elif _describes_a_person(token):
        kind = "person"
    else:
        return None
    known = registry.resolve_name(phrase, at) is not None
    main = is_main_subject(token)
    gender = title_gender(phrase) or _own_pronoun_gender(token)
    entity = registry.add(phrase, kind, at, subject=True, main=main, gender=gender)
    entity.described = entity.described or not known
    return entity


def _unnamed_lead_subject(token: Token, base: int, quoted) -> bool:
    """ "A second diplomat, from a southern state, was less charitable. He said ...":
    someone unnamed leading a sentence with any verb is who its next "he" or "she" most
    likely means, as a speaker's description would be (not one a name is set beside, nor
    one in words a cue before it reports: "He said as police arrived, one person ...")."""
    if not is_main_subject(token) or not someone_unnamed(token):
        return False
    if token.left_edge.i != token.sent.start or token.head.lemma_.lower() in SPEECH_VERBS:
        return False  # a speaker's description is the cue's to resolve
    named = any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children)
    return not named and not _in_quotes(base + token.idx, quoted)


def someone_unnamed(token: Token) -> bool:
    """ "A senior aide", "One veteran MP", "a nurse ..., who ...": an indefinite noun for
    a person the story does not name."""
    indefinite = token.left_edge.lower_ in ("a", "an", "another", "one")
    return _describes_a_person(token) and indefinite and token.ent_type_ != "PERSON"


def _describes_a_person(token: Token) -> bool:
    """A noun for a person: a role, a person noun, a noun for what someone does, or any
    noun a "who" clause follows ("a nurse, who spoke on condition of anonymity,")."""
    head = token.lemma_.lower()
    return person_noun(head) or head.endswith(_SPEAKER_ENDINGS) or _who_clause(token) is not None


def _who_clause(token: Token) -> Token | None:
    """The relative clause "who ..." set after ``token`` or its phrase ("a nurse at the
    county hospital, who ..."; the parser may hang it on the last noun), if any."""
    for clause in token.subtree:
        if clause.dep_ == "relcl" and any(c.lower_ == "who" for c in clause.children):
            return clause
    return None


# "An FAA inspector said", "a physician said": a speaker named by what they do ("the
# paper said" is no person, so not the ending "er")
_SPEAKER_ENDINGS = ("or", "ist", "ian")


def _own_pronoun_gender(token: Token) -> str | None:
    """ "An inspector, who spoke on condition that he not be named, said": the gender a
    he or she inside the description itself gives, before any other name there."""
    for word in token.subtree:
        if word.ent_type_ == "PERSON":
            return None
        if word.i > token.i and word.lower_ in ("he", "she"):
            return _PRONOUN_GENDER[word.lower_]
    return None


def _credit(ent: Span) -> bool:
    """ "Jane Roe/The Canadian Press": a photo credit names no one in the story."""
    text = text_of(ent.doc)
    after = text[ent.end_char : ent.end_char + 3].lstrip(" ")
    run_on = ent.start_char == 0 and _RUN_ON_CAPTION.match(text, ent.end_char) is not None
    return "/" in ent.text or after.startswith("/") or run_on


# Role nouns only a person holds: "Marcus Reed, the majority leader," is someone.
_PERSON_ROLES = (
    NAME_PREFIX_TITLES
    | _NOUN_GENDER.keys()
    | word_set("leader spokesperson lawmaker candidate adviser advisor aide official whip")
)
# Other nouns for a person who may speak unnamed: "a lawyer for the family said".
_PERSON_NOUNS = word_set(
    "lawyer attorney officer witness resident analyst economist expert diplomat source"
)
# Role words that end a title written inside a name span ("Labour MP Jo Bell"); not the
# words for kin or sex ("Aunt", "King" are names' first words too often)
_INNER_TITLES = NAME_PREFIX_TITLES | word_set(
    "spokesman spokeswoman spokesperson lawmaker adviser advisor aide official whip"
)


def person_noun(word: str) -> bool:
    """Is ``word`` a noun for a person's role or kind ("minister", "lawyer", "aide")?"""
    return word in _PERSON_ROLES or word in _PERSON_NOUNS


def _described_as_person(ent: Span) -> bool:
    """ "Dr. Na'moks", "Roman, a resident who ...", "Na'moks said he ...": an
    'organisation' the text titles, describes or refers back to as a person."""
    titles = NAME_PREFIX_TITLES | HONORIFICS.keys()
    if ent[0].lower_ in titles or (ent.start > 0 and ent.doc[ent.start - 1].lower_ in titles):
        return True
    if _inner_title(ent, ent.start) is not None:  # "Cork North TD Ann Roe" read as an ORG
        return True
    if not is_parsed(ent.doc):
        return False
    root = ent.root
    described = any(
        child.dep_ == "appos"
        and child.pos_ == "NOUN"
        and (any(t.lower_ == "who" for t in child.subtree) or child.lower_ in _PERSON_ROLES)
        for child in root.children
    )
    says_he = root.dep_ == "nsubj" and any(
        clause.dep_ == "ccomp"
        and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in clause.children)
        for clause in root.head.children
    )
    return described or says_he


def spelled_out(acronym: str, text: str) -> str | None:
    """ "PBO" -> "Parliamentary Budget Officer": the capitalised words of ``text`` whose
    initials the acronym is ("of", "and", "the", "for" may sit between them)."""
    acronym = acronym.removeprefix("the ").removeprefix("The ")
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return None
    minor = r"\s+(?:(?:of|and|the|for|on)\s+)?"
    found = re.search(r"\b" + minor.join(rf"{c}[a-z]+" for c in acronym) + r"\b", text)
    return found.group(0) if found else None


def _named_thing(ent: Span) -> bool:
    """ "the Regional Roads and Resilience Bill": words the NER took for a name that open
    the name of a law, a fund or a plan name no one (nor do those that end one)."""
    ends = ent[-1].text in _THING_NOUNS
    return ends or _THING_NAME.match(text_of(ent.doc), ent.end_char) is not None


_THING_NOUNS = word_set(
    "Bill Act Amendment Fund Plan Strategy Agreement Treaty Accord Scheme Programme Program"
    " Initiative"
)
_THING_NAME = re.compile(
    r"(?:\s+(?:and|of|for|&))?(?:\s+[A-Z][\w'\u2019-]*){0,4}?\s+(?:"
    + "|".join(sorted(_THING_NOUNS))
    + r")\b"
)


def _add_entity(registry: Registry, ent: Span, base: int, quoted) -> Entity | None:
    if _credit(ent) or not capitalised(ent) or dateline(ent) or _eponym(ent):
        return None
    if title_ended(ent) or ent.label_ == "PERSON" and _named_thing(ent):
        return None
    ent = _possessed_name(ent)
    at = base + ent.start_char
    subject, main = _roles(ent, at, quoted)
    if _topic(ent):
        registry.topics.add(at)
    person = _described_as_person(ent)
    if ent.label_ == "ORG" and not person and registry.resolve_name(ent.text, at) is None:
        return registry.add(ent.text, "org", at, subject=subject, main=main)
    if ent.label_ == "ORG" and not person:  # NER often reads a lone surname as an organisation
        found = registry.resolve_name(ent.text, at)
        name = found.name if found else ent.text
        return registry.add(name, found.kind, at, subject=subject, main=main)
    name, prefix, gender = split_name(ent)
    if not name_tokens(name.text):
        return None
    title = (title_of(ent.root, name) if is_parsed(ent.doc) else _title_in_text(ent)) or prefix
    # once described as an organisation, the same name stays one ("Harbour House says")
    known = registry.resolve_name(name.text, at)
    same_org = known is not None and known.kind == "org" and known.tokens == name_tokens(name.text)
    titled_org = title is not None and _titled_as_organisation(title, ent)
    if same_org or titled_org or _described_as_organisation(ent) or _named_as_organisation(name):
        return registry.add(ent.text, "org", at, subject=subject, main=main)
    fresh = _introduced_by_first_name(registry, ent, at)
    entity = registry.add(
        name.text, "person", at, subject=subject, main=main, title=title, gender=gender, fresh=fresh
    )
    # "the Majority Leader, Ann Roe, a Republican from ...": each title is a role of hers
    before = title_before(ent.root, name) if is_parsed(ent.doc) else None
    for other in (before, prefix):
        if other and other != title:
            entity.roles.update(_role_words(other))
    if not is_parsed(ent.doc):
        entity.roles.update(_role_words_before(ent))
    return entity


def _possessed_name(ent: Span) -> Span:
    """ "Harbour First's Paul Kearney", "Labour's Ann Smith" read as one name: the person a
    party or an outlet owns is the words after the possessive, when a first name opens
    them."""
    for token in ent[:-1]:
        first = token.nbor()
        named = first.lower_ in _FIRST_NAMES
        if token.lower_ in ("'s", "\u2019s") and named:
            return Span(ent.doc, first.i, ent.end, label="PERSON")
    return ent


def _introduced_by_first_name(registry: Registry, ent: Span, at: int) -> bool:
    """ "His father, Joseph, says": a lone first name set beside a noun introduces that
    person, even when the story named someone else with the same first name before."""
    if len(ent) != 1 or not is_parsed(ent.doc):
        return False
    if ent.root.dep_ != "appos" or ent.root.head.pos_ != "NOUN":
        return False
    known = registry.resolve_name(ent.text, at)
    word = ent.text.lower()
    return known is not None and len(known.tokens) > 1 and known.tokens[0] == word


# Words that end the run of role words before a name: "met with", "by the", "said".
_NOT_ROLES = word_set(
    """
    the a an of for to in on at by with from and or but as than that who whom which whose
    when while after before about like including said says told tells added according
    """
)


def _role_words_before(ent: Span) -> list[str]:
    """ "Museum director Sofia Reyes" in a paragraph left unparsed: the lower-case words
    just before the name, so "the director" can find her later. Only matched against a
    later description, never shown as her title: without a parse they may be anything."""
    found = []
    for token in reversed(ent.doc[max(ent.start - 3, 0) : ent.start]):
        if not token.is_alpha or not token.is_lower or token.lower_ in _NOT_ROLES:
            break
        found.append(token.lower_)
    return found


_TITLE_AFTER = re.compile(r",\s+((?:an?|the)\s+[^,.;:]{3,80}?)\s*(?:,|\.|;|\swho\s|$)")
# "the mayor, Jane", "her husband, Luis,": a possessive opens a title as "the" does
_TITLE_BEFORE = re.compile(r"\b((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+[a-z][\w -]{2,40}),\s+$")


def _title_in_text(ent: Span) -> str | None:
    """Apposition titles in text that was not parsed: "Jane Doe, the mayor," / "the mayor, Jane"."""
    text = text_of(ent.doc)
    office = office_before(ent)  # "Minister for Co-operation Ann Roe"
    if office is not None:
        return ent.doc[office.i : ent.start].text
    after = _TITLE_AFTER.match(text, ent.end_char)
    if after:
        return after.group(1)
    before = _TITLE_BEFORE.search(text[: ent.start_char])
    if before:
        return before.group(1)
    previous = ent.doc[ent.start - 1] if ent.start > 0 else None  # "Judge Maria Ortega"
    return previous.text if previous is not None and previous.lower_ in NAME_PREFIX_TITLES else None


def _gender_role(ent: Span, base: int, quoted) -> str:
    """ "ordered Ann to hide under his bed": a name that is not its clause's subject is
    a poor owner for the next pronoun, so it blocks the vote without casting one; so is
    a name inside a quotation or a post's signature."""
    at = base + ent.start_char
    if _in_quotes(at, quoted):
        return "bystander"
    if is_parsed(ent.doc) and _named_subject(ent.root).dep_ not in ("nsubj", "nsubjpass"):
        return "bystander"
    return "person"


def _gender_evidence(token: Token) -> bool:
    """Can this he/she/his/her show the gender of the name before it? Not as the object
    of a verb that has its own subject ("Whitley told her"): a plain pronoun object
    never means its clause's subject."""
    if token.dep_ in _OBJECTS and token.lower_ not in _REFLEXIVE:
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.head.children)
    return True


_OBJECTS = ("dobj", "dative", "iobj")
_REFLEXIVE = ("himself", "herself")


def _sentence_pronouns(events: list[tuple[int, str, object]], n: int) -> set[object]:
    """The genders of the pronouns that come before event ``n`` in its own sentence."""
    sentence = events[n][0]
    found = set()
    for earlier_sentence, kind, payload in reversed(events[:n]):
        if earlier_sentence != sentence:
            break
        if kind == "pronoun":
            found.add(payload)
    return found


def _lead_genders(events: list[tuple[int, str, object]], n: int) -> set[object]:
    """The known genders of the other people named before event ``n`` in its sentence: a
    pronoun of one of them most likely means that earlier person, not this one."""
    sentence, _, entity = events[n]
    return {
        payload.gender
        for earlier_sentence, kind, payload in events[:n]
        if earlier_sentence == sentence
        and kind == "person"
        and payload is not entity
        and payload.gender
    }


def _learn_genders(events: list[tuple[int, str, object]]) -> None:
    """The pronoun that follows a name before anyone else is named usually refers to it.

    Each named mention votes with the first he/she/his/her after it in the same or the
    next sentence; honorifics ("Ms.") already set a gender and are not overruled.
    """
    votes: dict[int, Counter] = {}
    people: dict[int, Entity] = {}
    for n, (sentence, kind, payload) in enumerate(events):
        if kind not in ("person", "maybe"):
            continue
        people[id(payload)] = payload
        tally = votes.setdefault(id(payload), Counter())
        topic = _sentence_pronouns(events, n)
        leads = _lead_genders(events, n)
        for later_sentence, later_kind, later in events[n + 1 :]:
            if later_kind in ("person", "bystander") or later_sentence > sentence + 1:
                break
            if later_kind == "pronoun" and later in leads:
                break  # "Laura Kemp pressed Owen Pratt. She asked": Kemp's, no one else's
            if later_kind == "maybe" or (later == "it" and later_sentence > sentence):
                continue
            if later_sentence == sentence and later in topic:
                continue  # "She nursed where Brill was treated, so she saw him": her topic
            tally[later] += 1
            if later != "it":
                break
    for key, counter in votes.items():
        entity = people[key]
        gendered = Counter({g: c for g, c in counter.items() if g != "it"})
        if counter["it"] >= 2 and counter["it"] > sum(gendered.values()):
            # "Zelnik did not say whether it agreed": a company the NER took for a person
            if entity.kind == "person" and entity.gender is None and entity.title is None:
                entity.kind = "org"
            continue
        if not gendered:
            continue
        if entity.kind != "person":  # a surname the NER took for a place or a company
            entity.kind = "person"
        if entity.gender is None:
            entity.gender = gendered.most_common(1)[0][0]
        elif entity.named_gender and gendered.most_common(1)[0][0] == entity.gender:
            entity.named_gender = False  # the text confirms what the first name said
