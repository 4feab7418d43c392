"""Reading a person's name and title from the words around it, and what they say of gender.

Articles write titles before a name ("Sen. Ada Vance", "Cork North TD Ann Roe"), after
it ("Ana Ruiz, the mayor,") or both, and the NER often takes a title into the name. The
registry keeps the name and the title apart, because a later mention may use either
("Vance", "the senator"): ``split_name`` separates leading titles, ``title_of`` reads an
apposition or the words before a name, ``name_tokens`` gives a name's comparable words,
and ``title_gender`` / ``PRONOUN_GENDER`` the gender a title or pronoun states.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ingest.attribute.cues import FEMALE_NOUNS, MALE_NOUNS, ORG_NOUNS
from ingest.attribute.names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from ingest.attribute.nlp import text_of
from ingest.sentences import TITLE_ABBREVIATIONS
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
    # other languages' honorifics, kept by English-language papers
    "herr": "male",
    "frau": "female",
    "monsieur": "male",
    "mme": "female",
    "mme.": "female",
    "mlle": "female",
    "señor": "male",
    "señora": "female",
    "senhor": "male",
    "senhora": "female",
}


# Titles written before a name: kept as the speaker's title, never as part of the name.
NAME_PREFIX_TITLES = (
    TITLE_ABBREVIATIONS
    | {abbreviation + "." for abbreviation in TITLE_ABBREVIATIONS}
    | word_set(
        """
        professor president vice senator governor st. judge justice mayor premier minister
        chancellor king queen prince princess pope chief coach officer constable secretary
        ambassador chairman chairwoman ceo cfo coo cto cmo mp mla sheriff deputy speaker leader
        representative congressman congresswoman councillor councilor councilman councilwoman
        alderman assemblyman assemblywoman assemblymember treasurer mpp msp mna mha mep td
        commissioner
        taoiseach tánaiste tanaiste archbishop archdeacon rabbi imam
        datuk datin dato dato' dato’ alhaji alhaja hajia hajiya cde acp dci
        chairperson
        """
    )
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
    "mna": "lawmaker legislator",
    "mha": "lawmaker legislator",
    "mep": "lawmaker legislator",
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
    "cst": "constable",
    "brig": "brigadier",
    "cmdre": "commodore",
    "ald": "alderman alderwoman alderperson",
    "coun": "councillor councilor",
    "cllr": "councillor councilor",
    "atty": "attorney lawyer",
    "amb": "ambassador envoy",
    "pres": "president",
    "fr": "father priest",
    "msgr": "monsignor priest",
    "pvt": "private soldier",
}


# Posts a newsroom writes as initials ("the GM said", "the team's GM"), which the NER
# reads as a company or a place ("GM" is General Motors too, "MD" Maryland)
POST_INITIALS = {
    "gm": "general manager",
    "md": "managing director",
    "vp": "vice president",
    "pm": "prime minister",
    "da": "district attorney",
    "ag": "attorney general",
    "rn": "registered nurse",
    # a member of the Senedd: in capitals no honorific ("Ms"), "the Plaid MS Ana Ruiz"
    "ms": "member of the senedd",
}


_TITLE_HEAD_ENDS = word_set("of for at with in from to who whose and , ;")


# What a court title ending in these words is called later: "Justice Ann Roe" is "the
# judge", "Crown attorney Ann Roe" "the prosecutor"; "Justice Minister Ann Roe" is neither.
_COURT_ROLES = {
    ("justice",): "judge",
    ("crown", "attorney"): "prosecutor",
    ("crown", "counsel"): "prosecutor",
    ("district", "attorney"): "prosecutor",
}


# Words no post's initials take ("Minister of Health" is no "MOH" to write)
_NOT_INITIALS = frozenset({"the", "a", "an", "of", "and", "for", "his", "her", "their"})


_POSSESSIVE_END = re.compile(r"['\u2019]s$")


def role_words(title: str) -> set[str]:
    """The words a title lets the story call its holder, abbreviations spelled out. An
    employer's possessive counts as its bare name: "Corvel's finance director" is later
    "the Corvel director"."""
    ordered = tuple(
        _POSSESSIVE_END.sub("", w.strip(".,")).lower() for w in title.replace("-", " ").split()
    )
    words = set(ordered)
    court = {role for end, role in _COURT_ROLES.items() if ordered[-len(end) :] == end}
    # "general manager" is later "the GM", and "GM Ana Ruiz" "the general manager"
    posts = {initials for initials, post in POST_INITIALS.items() if post in " ".join(ordered)}
    spelled = (TITLE_ROLES.get(w, POST_INITIALS.get(w, "")).split() for w in words)
    return words.union(court, posts, _initials(ordered), *spelled)


_WORKPLACE_OPENERS = word_set("at for with")


def workplace_words(title: str | None) -> set[str]:
    """ "a forecaster at the centre", "the trust's treasurer": the words of a title that
    name where its holder works, not what they are ("the centre said" is no forecaster)."""
    words = (title or "").replace(",", " , ").lower().split()
    opener = next((at for at, word in enumerate(words) if word in _WORKPLACE_OPENERS), None)
    after = set() if opener is None else set(words[opener + 1 :])
    owners = {_POSSESSIVE_END.sub("", w) for w in words if _POSSESSIVE_END.search(w)}
    return after | owners


def _initials(words: tuple[str, ...]) -> set[str]:
    """ "chief financial officer" is "the CFO", "Cabinet Secretary" "the CS": the initials
    of a run of two or more title words ending in a word for a person's post."""
    found = set()
    for at, word in enumerate(words):
        if not person_noun(word):
            continue
        start = at
        while start and words[start - 1].isalpha() and words[start - 1] not in _NOT_INITIALS:
            start -= 1
            found.add("".join(w[0] for w in words[start : at + 1]))
    return found


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


# Offices written before a name that are surnames too ("Reeve Ann Roe", "Tom Reeve"):
# a title only before more words of a name, so a lone "Reeve said" stays a surname.
_SURNAME_OFFICES = word_set("reeve bishop cardinal sheikh pastor")


# Malaysian styles of two words ("Tan Sri", "Puan Sri", "Datuk Seri", "Dato' Sri"): "Tan"
# is a surname and "Sri" a first name on their own, so each is a title only beside the other
_PAIRED_STYLES = {"tan": "sri", "puan": "sri"}
_STYLE_SECONDS = word_set("sri seri")


_TITLE_WORDS = HONORIFICS.keys() | NAME_PREFIX_TITLES | _NOUN_GENDER.keys() | _SURNAME_OFFICES


def split_name(span: Span) -> tuple[Span, str | None, str | None]:
    """Separate leading titles ("Lt.", "Mr.") from a name span: (name, title, gender)."""
    start = span.start
    if start < span.end - 1 and _mood_opening(span, start):
        start += 1  # "Furious Ruiz": the mood is neither name nor title
    gender = None
    titles = []
    # "Grandmother Rosa Diaz", "Uncle Tavish": a role noun the NER took into the name
    while start < span.end - 1 and (
        span.doc[start].lower_ in _TITLE_WORDS
        or _role_opening(span, start)
        or written_as_role(span.doc[start])
        or _initials_opening(span, start)
        or _style_opening(span, start, titles)
    ):
        word = span.doc[start].lower_
        gender = gender or HONORIFICS.get(word) or _NOUN_GENDER.get(word)
        titles.append(span.doc[start].text)
        start += 1
    inner = inner_title(span, start)
    if inner is not None:  # "Cork North TD Ann Roe": the words up to the title are its
        titles = [span.doc[span.start : inner + 1].text]
        start = inner + 1
    name = span.doc[start : span.end]
    if gender is None and span.start > 0:  # "Mr. Peter Vance" with "Mr." outside the entity
        before = span.doc[span.start - 1].lower_
        gender = HONORIFICS.get(before) or _NOUN_GENDER.get(before)
    return name, " ".join(titles) or None, gender


def _style_opening(span: Span, at: int, titles: list[str]) -> bool:
    """ "Tan Sri Ahmad Faizal", "Datuk Seri Lim Kok Wah": a word of a two-word style, read
    before its second word or after a title."""
    doc = span.doc
    word, following = doc[at].lower_, doc[at + 1].lower_
    # the first word may be outside the name the NER found ("Dato' | Sri Hasnah Ali")
    after_title = bool(titles) or at == span.start > 0 and doc[at - 1].lower_ in _TITLE_WORDS
    return _PAIRED_STYLES.get(word) == following or after_title and word in _STYLE_SECONDS


def post_initials(token: Token) -> bool:
    """Is ``token`` a post written as its initials, in capitals ("GM", "VP")?"""
    return token.lower_ in POST_INITIALS and token.text.isupper()


def _initials_opening(span: Span, at: int) -> bool:
    """ "GM Ana Ruiz said": a post's initials opening a person's name (or a name the NER
    missed), before at least two more words of it; before one ("GM Korea") or in an
    organisation's name they are a company's."""
    words = sum(not t.is_punct for t in span.doc[at + 1 : span.end])
    return span.label_ in ("PERSON", "") and words >= 2 and post_initials(span.doc[at])


def inner_title(span: Span, start: int) -> int | None:
    """ "Cork North TD Ann Roe", "Labour MP Jo Bell", "the ministry's spokesman Li Wei": a
    title word inside a name span, after a party, place or office and before a name of at
    least one capitalised word, ends the title. The last such word counts. So do a post's
    initials ("Jets GM Ana Ruiz"), though bare they may be a company's."""
    found = None
    for i in range(start + 1, span.end - 1):
        word = span.doc[i].lower_
        titled = word in _INNER_TITLES or _opens_name(span.doc[i]) or post_initials(span.doc[i])
        if titled and span.doc[i + 1].lower_.strip(".") not in _NAME_SUFFIXES:
            found = i
    if found is None or not span.doc[found + 1].text[:1].isupper():
        return None
    return found


_NAME_SUFFIXES = word_set("jr sr ii iii iv")


def _opens_name(token: Token) -> bool:
    """ "Leader of the House in the council Mr Ivo Brandt": an honorific inside what the NER
    read as one organisation opens the name after the post. In capitals it is a member's
    initials ("the Plaid MS"), which end a title as "MP" does, not an honorific."""
    return token.lower_ in HONORIFICS and not token.text.isupper()


def title_ended(span: Span) -> bool:
    """ "the Labour TD", "Independent Senator": words the NER read as a name that end in
    a title describe someone, they do not name them ("Office of the Mayor" is a name)."""
    words = [t.lower_ for t in span]
    last = words[-1].strip(".")
    if last in PARTY_MEMBERS and len(words) == 1:
        return True  # "the Conservative said": one of the party, not the party
    if last not in _INNER_TITLES or last in _SURNAME_TITLES or "of" in words:
        return False
    return len(words) == 1 or words[-2] not in FIRST_NAMES


FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES


# a member of a party, capitalised as its name is: "the Conservative", "the Democrat"
PARTY_MEMBERS = word_set("democrat republican conservative liberal tory socialist")


# Titles that are surnames too often to end a description: "Carole King", "Mike Judge".
_SURNAME_TITLES = word_set("king queen prince princess pope judge justice chancellor")


# Endings of nouns for what a person does: "striker", "economist", "historian".
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")
# words that end so and name no one who does anything: "however", "government"
_NOT_AGENTS = word_set("however together later earlier never either rather further")


def agent_noun(word: str) -> bool:
    """Does ``word`` end as nouns for what a person does ("rancher", "economist",
    "consultant")? Not a first name ("Peter", "Vincent"), an adverb ("however") or a
    noun in "-ment" ("government"), which only look so."""
    word = word.lower()
    if not word.endswith(_AGENT_ENDINGS) or word.endswith("ment"):
        return False
    return word not in _NOT_AGENTS and word not in FIRST_NAMES


def _role_opening(span: Span, at: int) -> bool:
    """ "Striker Leo Marsh scored": a role noun opening the sentence is capitalised like
    the name after it, and the NER takes it in. A word for a person's role or work (not a
    first name) before at least two more words of the name is a title."""
    token = span.doc[at]
    # the hyphen of "Baker-Lind" is no word of a name after a title
    words = sum(not t.is_punct for t in span.doc[at : span.end])
    if at != span.start or words < 3 or not _opens_sentence(token):
        return False
    word = token.lower_
    if person_noun(word) or word in _ROLE_OPENERS:
        return True
    return agent_noun(word)


def _opens_sentence(token: Token) -> bool:
    """Does ``token`` open its sentence? In a paragraph left unparsed ("... since the floods.
    Nurse Ola Berg still keeps"), when the word before it ends in a full stop, a question or
    an exclamation mark."""
    if token.i == 0 or token.is_sent_start:
        return True
    unparsed = not token.doc.has_annotation("SENT_START")
    return unparsed and token.nbor(-1).text[-1] in ".!?"


def written_as_role(token: Token) -> bool:
    """ "spokesperson Hu Jun": a role noun in lower case the NER took into the name is
    written as no name's word is."""
    return token.text.islower() and person_noun(token.lower_)


def _mood_opening(span: Span, at: int) -> bool:
    """ "Furious Ruiz slams ruling": a headline's word for the speaker's mood opens the
    sentence capitalised like the name after it, and the NER takes it in."""
    token = span.doc[at]
    return _opens_sentence(token) and token.lower_ in _MOODS


# Moods headlines put before a surname; none is a first name or a common surname
_MOODS = word_set(
    "furious angry delighted defiant emotional frustrated relieved gutted stunned fuming"
    " livid elated bullish upbeat dejected"
)


# Words for a person's work with no agent ending that open a sentence before a name
# ("Landlord Tom Fry said", "Nurse Ola Berg said"); surnames too, so only before a name
_ROLE_OPENERS = word_set(
    "landlord landlady nurse midwife medic paramedic chef cook pilot clerk guard pupil"
    " rabbi imam pastor priest bishop vicar nun monk"
)


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
    if office is not None:  # "Deputy Prime Minister for ...": the words that qualify the post
        qualifiers = [t.i for t in office.lefts if t.dep_ == "compound" and t.text[:1].isupper()]
        return token.doc[min(qualifiers, default=office.i) : name.start].text
    head = token.head
    # "the Majority Leader, Ann Roe,": the parser may join the two as a list
    beside = apposed_after_comma(token, head)
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
        words = token.doc[_after_quotation(token.doc, first, name.start) : name.start]
        text = words.text.strip(" ,")
        return text or None
    return _rank_before(name)


def office_holder(post: Token) -> Span | None:
    """ "Deputy Prime Minister for Recovery Ilse Marno said", "Labour TD for Dublin West Ann
    Brady said": the parser makes the name the object of the office's "for" or "of", glued
    to the portfolio or the seat, and the NER often reads the whole as one name or none.
    The holder is the words after the portfolio: from a known first name, else the last
    two when they are shaped as a name and the portfolio has a word of its own."""
    word = post.lemma_.lower()
    named_post = post.lower_ in NAME_PREFIX_TITLES or post.text.isupper()
    if post.pos_ != "PROPN" or not (named_post or person_noun(word) or agent_noun(word)):
        return None
    prep = post.doc[post.i + 1] if post.i + 1 < len(post.doc) else None
    if prep is None or prep.head != post or prep.lower_ not in ("for", "of"):
        return None  # "Judge Ana Ruiz of the District Court": the name came first
    words = _glued_words(prep)
    first = next((i for i, w in enumerate(words) if w[0].lower_ in FIRST_NAMES), None)
    if first is None and len(words) >= 3 and all(map(_name_shaped, words[-2:])):
        first = len(words) - 2
    if not first:  # none, or no portfolio before the name: "Minister for Ana Ruiz"
        return None
    return post.doc[words[first][0].i : words[-1][-1].i + 1]


def _glued_words(prep: Token) -> list[list[Token]]:
    """The capitalised words of the preposition's object, written as one flat name; a
    hyphened word ("North-Central") is one."""
    obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
    if obj is None or obj.right_edge != obj or obj.left_edge.i != prep.i + 1:
        return []
    words: list[list[Token]] = []
    for token in prep.doc[prep.i + 1 : obj.i + 1]:
        if words and not token.nbor(-1).whitespace_:
            words[-1].append(token)
        elif token.text[:1].isupper():
            words.append([token])
        else:
            return []
    return words


def _name_shaped(word: list[Token]) -> bool:
    """A first name or a surname: one token, no place, body or portfolio word."""
    token = word[0]
    body = token.lemma_.lower() in ORG_NOUNS or token.lower_ in _PORTFOLIO_WORDS
    return len(word) == 1 and not body and token.ent_type_ not in ("GPE", "LOC", "FAC", "NORP")


# what a ministry or a committee is for: "Minister for Foreign Affairs", "Secretary of State
# for Northern Ireland Affairs"; a portfolio, never a name
_PORTFOLIO_WORDS = word_set(
    """
    affairs development safety health education trade finance defence defense justice
    transport transportation environment energy housing industry security services
    relations resources infrastructure agriculture fisheries labour labor employment
    """
)


def _after_quotation(doc, first: int, stop: int) -> int:
    """ "'...,' engineer Ama Boateng said": the parser may hang the quotation before a role
    on the role, so the role's phrase would open inside the quotation; it opens after the
    quotation's closing mark."""
    closing = [t.i for t in doc[first:stop] if t.is_quote and t.i > 0 and doc[t.i - 1].is_punct]
    return closing[-1] + 1 if closing else first


def _rank_before(name: Span) -> str | None:
    """ "said Const. Tom Lee": an abbreviated rank right before a name, which the parser
    may read as punctuation and hang on the verb, is still the name's title."""
    rank = name.doc[name.start - 1] if name.start > 0 else None
    if rank is None or not rank.text.endswith(".") or rank.lower_[:-1] not in TITLE_ABBREVIATIONS:
        return None
    return rank.text


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


def apposed_after_comma(token: Token, head: Token) -> bool:
    """Does ``token``'s phrase follow ``head`` after a comma alone ("the mayor, Ana Ruiz")?"""
    return token.left_edge.i == head.i + 2 and token.doc[head.i + 1].text == ","


def _titled(token: Token) -> bool:
    """ "The Tánaiste, Ann Roe": a title the tagger reads as a proper noun. So is a
    capitalised post the NER calls nothing ("The District Fire Officer, Mr Ato Mensah"),
    whose words or initials ("the DFO") the story later calls its holder by."""
    word = token.lower_
    post = not token.ent_type_ and (person_noun(word) or agent_noun(word))
    return word in NAME_PREFIX_TITLES or post and word not in FIRST_NAMES


def _phrase(token: Token, stop: int | None = None) -> str:
    """The noun phrase headed by ``token``, cut before a following clause or name."""
    tokens = [t for t in token.subtree if stop is None or t.i < stop]
    tokens = [t for t in tokens if t.dep_ not in ("relcl", "punct") or t.i < token.i]
    while tokens and tokens[0].is_punct:  # the closing mark of '"...," Vale's coach, Ana'
        tokens.pop(0)
    if not tokens:
        return token.text
    first, last = tokens[0].i, tokens[-1].i
    text = token.doc[first : last + 1].text
    return text.strip(" ,")


PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}


# Role nouns only a person holds: "Marcus Reed, the majority leader," is someone.
PERSON_ROLES = (
    NAME_PREFIX_TITLES
    | _NOUN_GENDER.keys()
    | word_set("leader spokesperson lawmaker candidate adviser advisor aide official whip")
)


# Other nouns for a person who may speak unnamed: "a lawyer for the family said".
_PERSON_NOUNS = word_set(
    "lawyer attorney officer witness resident analyst economist expert diplomat source executive"
    # nouns only a person is, though they end as no agent noun does ("the advocate added")
    " advocate boss rookie veteran prefect magistrate delegate captain bureaucrat"
)


# Role words that end a title written inside a name span ("Labour MP Jo Bell"); not the
# words for kin or sex ("Aunt", "King" are names' first words too often)
_INNER_TITLES = NAME_PREFIX_TITLES | word_set(
    "spokesman spokeswoman spokesperson lawmaker adviser advisor aide official whip"
)


def person_noun(word: str) -> bool:
    """Is ``word`` a noun for a person's role or kind ("minister", "lawyer", "aide")?"""
    return word in PERSON_ROLES or word in _PERSON_NOUNS


_MINOR = ("of", "and", "the", "for", "on")


def spelled_out(acronym: str, text: str) -> str | None:
    """ "PBO" -> "Parliamentary Budget Officer": the capitalised words of ``text`` whose
    initials the acronym is ("of", "and", "the", "for" may sit between them). A minor word
    can have a letter of its own: "TfL" is "Transport for London", "CDOT" the "Chicago
    Department of Transportation"."""
    acronym = acronym.removeprefix("the ").removeprefix("The ")
    if not (2 <= len(acronym) <= 6 and acronym.isalpha()):
        return None
    capped = acronym[0].isupper() and acronym[-1].isupper()
    if not capped or not all(map(_letter_of_a_word, acronym)):
        return None
    first, *inner, last = acronym
    words = [rf"{first}[a-z]+", *map(_word_for, inner), rf"{last}[a-z]+"]
    skipped = r"\s+(?:(?:" + "|".join(_MINOR) + r")\s+)?"
    found = re.search(r"\b" + skipped.join(words) + r"\b", text)
    return found.group(0) if found else None


def _letter_of_a_word(letter: str) -> bool:
    """A capital stands for a word; a small letter only for a minor one ("TfL", "MoD")."""
    return letter.isupper() or any(word[0] == letter for word in _MINOR)


def _word_for(letter: str) -> str:
    """The pattern of a word a letter inside an acronym can stand for: a capitalised
    word, or a minor word that begins with it ("of" for the O of "CDOT", "for" for the f
    of "TfL"). The first and the last letter stand for capitalised words only."""
    minors = [word for word in _MINOR if word[0] == letter.lower()]
    capitalised = [rf"{letter}[a-z]+"] if letter.isupper() else []
    return "(?:" + "|".join(capitalised + minors) + ")"


# Words that end the run of role words before a name: "met with", "by the", "said".
_NOT_ROLES = word_set(
    """
    the a an of for to in on at by with from and or but as than that who whom which whose
    when while after before about like including said says told tells added according
    """
)


def role_words_before(ent: Span) -> list[str]:
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


# "Ana Ruiz, chief economist at the bank," / "Ana Ruiz, director of the museum,": a
# title set off without an article, its role word before the workplace
_BARE_TITLE_AFTER = re.compile(
    r",\s+((?:[\w'’-]+\s+){0,3}?(?P<role>[a-z]+)(?P<place>\s+(?:of|at|for|with)\s+[^,.;:]{2,70}?)?)"
    r"\s*(?:,|\.|;|$)"
)


def _bare_title_after(text: str, end: int) -> re.Match | None:
    """A title after a name's comma that no article opens: its role word must be one only
    a person holds, or, with a workplace after it ("owner of the bakery", "chair of the
    board"), a word ending as agent nouns do or a post's head; so "Ruiz, however," and
    "Ruiz, Lee and Chen" give none."""
    found = _BARE_TITLE_AFTER.match(text, end)
    if found is None:
        return None
    role = found.group("role")
    placed = found.group("place") is not None and (agent_noun(role) or role in POST_HEADS)
    return found if person_noun(role) or placed else None


# the head of a body, named by the word for its place at the table: "chair of the board"
POST_HEADS = word_set("chair head")


def title_in_text(ent: Span) -> str | None:
    """Apposition titles in text that was not parsed: "Jane Doe, the mayor," / "the mayor, Jane"."""
    text = text_of(ent.doc)
    office = office_before(ent)  # "Minister for Co-operation Ann Roe"
    if office is not None:
        return ent.doc[office.i : ent.start].text
    after = _TITLE_AFTER.match(text, ent.end_char) or _bare_title_after(text, ent.end_char)
    if after:
        return after.group(1)
    before = _TITLE_BEFORE.search(text[: ent.start_char])
    if before:
        return before.group(1)
    previous = ent.doc[ent.start - 1] if ent.start > 0 else None  # "Judge Maria Ortega"
    return previous.text if previous is not None and previous.lower_ in NAME_PREFIX_TITLES else None
