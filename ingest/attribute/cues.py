"""Words that mark reported speech: the verbs, the "according to" frame, pronouns.

Kept as data so the rules in ``engine`` read as rules. The verb list covers how
news writes speech ("said", "told", "tweeted", "argued", "wrote") and leaves out
verbs of thought or perception that rarely introduce a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quotedesk.text import word_set

# "dismissed it as", "accused him of", "branded": a verdict on something; speech only
# with a quotation attached (without one it is the reporter's summary, see QUOTE_ONLY)
VERDICT_VERBS = word_set(
    "dismiss brand label accuse slam hail blast decry denounce deride criticize criticise"
)

SPEECH_VERBS = VERDICT_VERBS | word_set(
    """
    say tell add write tweet post explain note argue claim declare state insist ask
    announce warn suggest admit acknowledge allege assert caution comment complain
    concede conclude confirm contend deny describe emphasize emphasise estimate
    exclaim maintain mention observe point predict proclaim promise quip recall
    remark repeat reply respond reiterate reveal shout stress testify urge vow
    joke lament blurt chant advise remind report recount reckon write tout
    boast brag counter question wonder yell scream whisper muse concur agree
    disagree reply retort rule order demand pledge threaten recommend propose call express
    voice opine inform assure
    """
)

# Verbs of saying only with their particle ("he went on, ...", "she shot back that ..."):
# alone, "went" or "shot" says nothing.
PHRASAL_CUES = (("go", "on"), ("shoot", "back"), ("fire", "back"), ("hit", "back"), ("chime", "in"))

# Irregular past tense and participle forms; every other form follows the spelling rules.
_IRREGULAR = {
    "say": "said",
    "tell": "told",
    "write": "wrote written",
    "speak": "spoke spoken",
    "think": "thought",
    "go": "went gone",
    "shoot": "shot",
    "hit": "hit",
}
# Verbs of two or more syllables stressed on the last one, which double a final consonant
# like one-syllable verbs do ("admitted", "concurred"; but "countered", "edited").
_FINAL_STRESS = word_set("admit commit concur confer defer omit permit prefer rebut refer regret")


def _doubles(verb: str) -> bool:
    """Does ``verb`` double its last consonant before -ed/-ing ("quip" -> "quipped")?"""
    letters = verb.replace("qu", "q")  # the u of "qu" is not a vowel: "quip" is q-i-p
    if not re.search(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$", letters):
        return False  # "blurt", "tweet": no single vowel before one final consonant
    return len(re.findall("[aeiou]+", letters)) == 1 or verb in _FINAL_STRESS


def finite_forms(verb: str) -> frozenset[str]:
    """The forms that can follow a subject: base, -s and past ("they say", "Lee quipped").

    Regex prefilters and surface patterns match words, not lemmas, so each form they may
    meet is generated from the one verb list here rather than written out by hand.
    """
    doubled = verb + verb[-1] if _doubles(verb) else verb
    consonant_y = re.search("[^aeiou]y$", verb) is not None  # "reply", not "convey"
    if verb in _IRREGULAR:
        past = _IRREGULAR[verb].split()
    elif verb.endswith("e"):
        past = [verb + "d"]
    else:
        past = [verb[:-1] + "ied" if consonant_y else doubled + "ed"]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = verb + "es"
    else:
        third = verb[:-1] + "ies" if consonant_y else verb + "s"
    return frozenset({verb, third, *past})


def _gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return (verb + verb[-1] if _doubles(verb) else verb) + "ing"


def verb_forms(verbs: Iterable[str]) -> frozenset[str]:
    """Every form of every verb in ``verbs``: the finite forms and -ing."""
    return frozenset(form for verb in verbs for form in finite_forms(verb) | {_gerund(verb)})


def phrasal_forms() -> frozenset[str]:
    """ "went on", "shoots back": every form of every phrasal cue, as written."""
    return frozenset(
        f"{form} {particle}"
        for verb, particle in PHRASAL_CUES
        for form in finite_forms(verb) | {_gerund(verb)}
    )


# '"...," Lee added' where the parse lost the verb or the name: verbs the plain surface
# pattern after a closing mark may take as the cue.
TRAILING_CUE_VERBS = word_set(
    "say add tell write state explain note ask continue recall insist argue mention"
)

# Verbs whose following words are the reported clause even when the parse says otherwise.
CLAUSE_VERBS = word_set(
    """
    say tell add explain note argue claim insist warn suggest state write acknowledge admit
    confirm believe predict contend maintain allege stress report announce urge remind
    advise caution recommend promise vow pledge deny reveal recall observe testify
    """
)

# Verbs of perception, and of remembering what was seen: "saw the driver climb out,
# shouting that ...", "remembers her brother crossing the line, yelling ...": a participle
# after what was seen may be the seen person's act as well as the seer's.
PERCEPTION_VERBS = word_set("see watch hear notice spot witness glimpse remember")

# Verbs of telling whose reported words follow the listener and a "that" ("assured voters
# that ..."), however the parser hung the clause; with no "that" their object is no words
# ("did little to reassure owners of the cabins").
LISTENER_THAT_VERBS = word_set("inform assure")

# When or how the words were said, written between the cue and a reported clause with no
# "that" ("said later the plan was dead"), where the parser hangs them on the clause.
SAYING_ADVERBS = word_set(
    "later earlier afterward afterwards privately publicly previously separately subsequently"
)

# Cue verbs that also report a quantity gained ("the index added 10 points", "Brent crude
# added 30 cents"): followed by a number or a price they say nothing.
QUANTITY_VERBS = word_set("add")

# Verbs that need a that-clause or a quotation to count as speech ("he added
# a room" is not speech); the rest count whenever they have a speaker subject.
NEEDS_CONTENT = word_set(
    "add post ask note point call describe report question order agree rule inform assure"
)

# "called X a disgrace", "described it as", and every verdict verb: speech only when a
# quotation is attached (a verdict without one is the reporter's summary), except the
# judgement in "called the pier the weakest link" (see reported._judgement).
QUOTE_ONLY = VERDICT_VERBS | word_set("call describe express voice")

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
    assessment
    """
)

# "a statement released by the ministry", "figures published by the agency": the agent
# of these participles wrote what the document says (unlike "a memo obtained by").
PUBLISH_VERBS = word_set(
    "release issue publish send mail email e-mail post write produce prepare compile file submit"
)

# "Ruiz read a statement saying ...", "delivered a message saying": whoever reads the
# document out speaks its words (only as the document's verb, never "a memo read by")
READ_OUT_VERBS = word_set("read deliver")

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
