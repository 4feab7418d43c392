"""Words that mark reported speech: the verbs, the "according to" frame, pronouns.

Kept as data so the rules in ``engine`` read as rules. The verb list covers how
news writes speech ("said", "told", "tweeted", "argued", "wrote") and leaves out
verbs of thought or perception that rarely introduce a quotation.
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A set from a whitespace-separated word list (keeps long lists readable)."""
    return frozenset(words.split())


SPEECH_VERBS = word_set(
    """
    say tell add write tweet post explain note argue claim declare state insist ask
    announce warn suggest admit acknowledge allege assert caution comment complain
    concede conclude confirm contend deny describe emphasize emphasise estimate
    exclaim maintain mention observe point predict proclaim promise quip recall
    remark repeat reply respond reiterate reveal shout stress testify urge vow
    joke lament blurt chant advise remind report recount reckon write tout
    boast brag counter question wonder yell scream whisper muse concur agree
    disagree reply retort rule order demand pledge threaten recommend propose call express
    """
)

# Verbs whose following words are the reported clause even when the parse says otherwise.
CLAUSE_VERBS = word_set(
    """
    say tell add explain note argue claim insist warn suggest state write acknowledge admit
    confirm believe predict contend maintain allege stress report announce urge remind
    advise caution recommend promise vow pledge deny reveal recall observe testify
    """
)

# Verbs that need a that-clause or a quotation to count as speech ("he added
# a room" is not speech); the rest count whenever they have a speaker subject.
NEEDS_CONTENT = word_set("add post ask note point call describe report question order agree rule")

# "called X a disgrace", "described it as": speech only when a quotation is attached.
QUOTE_ONLY = word_set("call describe express")

PERSON_PRONOUNS = {"he": "male", "she": "female", "him": "male", "her": "female"}
GROUP_PRONOUNS = frozenset({"they", "it", "we"})
FIRST_PERSON = frozenset({"i", "we"})

# Nominal speakers that stand for an organisation named earlier.
ORG_NOUNS = word_set(
    """
    company firm airline agency organization organisation group union ministry department
    government city province council board commission office bank network party
    club team league association university school hospital police service court
    committee campaign coalition utility retailer carrier railway railroad automaker
    insurer broadcaster newspaper institute foundation charity regulator watchdog
    manufacturer publisher startup bureau corporation
    """
)

# Written sources stand in for whoever issued them ("a statement said", "her letter").
DOCUMENT_NOUNS = word_set(
    """
    statement report release document paper study survey letter email e-mail post tweet
    memo data filing submission complaint lawsuit analysis review notice message note
    """
)

# "a statement released by the ministry", "figures published by the agency": the agent
# of these participles wrote what the document says (unlike "a memo obtained by").
PUBLISH_VERBS = word_set(
    "release issue publish send mail email e-mail post write produce prepare compile file submit"
)

# Role nouns that say who someone is: "her son Tom", "Ann Lee, mother of three".
MALE_NOUNS = word_set(
    """
    son father brother husband boyfriend grandfather grandson uncle nephew dad man boy
    spokesman chairman businessman congressman policeman fireman sportsman actor king
    prince widower stepfather stepson fiance
    """
)
FEMALE_NOUNS = word_set(
    """
    daughter mother sister wife girlfriend grandmother granddaughter aunt niece mom mum
    woman girl spokeswoman chairwoman businesswoman congresswoman policewoman actress
    queen princess widow stepmother stepdaughter fiancee
    """
)

# What two people named together are called next: "the couple said".
PAIR_NOUNS = word_set("couple pair duo")
