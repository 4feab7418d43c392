"""Every number the attribution rules use: confidences first, then thresholds.

A confidence says how often a speaker found that way is right, so a reader (and the
verifier) can tell a sure attribution from a guess. The line that matters is 0.8
(``quotedesk.models.SPEAKER_CERTAIN``): on
the held-out part of GGT, quotes at or above it have the right speaker at least 95% of
the time, so only resolutions that are that reliable may sit there. Anything inferred
from context (a pronoun reaching into an earlier paragraph, a description matched by
role, a speaker carried over to a cue-less quote) stays below it.

Thresholds are lengths and reaches measured in words, characters or paragraphs; each
says what it guards against.
"""

from __future__ import annotations

# --- confidence of a speaker, by how it was found ------------------------------------
# A name written at the cue.
NAMED_KNOWN = 0.9  # ... that the article named before (fullest name known)
NAMED_NEW = 0.85  # ... seen first at this cue (the parse found it)
NAMED_BY_PATTERN = 0.85  # ... after a closing mark ('"...," Lee said'), known already
NAMED_BY_PATTERN_NEW = 0.75  # ... after a closing mark, never seen before: may be a misread
SHARED_FIRST_NAME = 0.6  # "Joseph said" when the story names two Josephs: either
POSTER = 0.85  # the signature of an embedded post
SIGNED = 0.85  # a dash signing a quotation ('"..." ― Ana Ruiz'): as sure as a post's
# a pull quote set without marks and signed with a bare name ('... for good. Ana Ruiz'):
# the name is the story's, but the paragraph could still be a caption or narration
SIGNED_UNMARKED = 0.75
SECTION_EXPERT = 0.9  # text under an expert's header in a round-up
# an answer labelled with the name of someone the story names ('RUIZ: The port is next.'):
# the label says who, as a signature does
LABELLED_TURN = 0.85

# A pronoun at the cue.
PRONOUN_NEAR = 0.8  # antecedent named in the same paragraph
PRONOUN_FAR = 0.7  # antecedent only in an earlier paragraph: often someone else
# another person of the pronoun's gender (or of none known) named within about a
# sentence before it: the nearest fitting subject is a guess between two
PRONOUN_AMBIGUOUS = 0.65
PRONOUN_BY_PATTERN = 0.75  # pronoun after a closing mark, same paragraph
FIRST_PERSON_AUTHOR = 0.5  # "I said" / "we said" in an opinion piece: the author

# A description at the cue ("the director", "the company", "the report").
DESCRIPTION_RESOLVED = 0.75  # a role or organisation noun the article names earlier
DESCRIPTION_OF_RECENT = 0.6  # "the veteran goalie": the latest he or she, by elimination
DOCUMENT_ISSUER_PENALTY = 0.1  # a document speaks for its issuer: a little less sure
# "the report" whose issuer only an earlier document gave ("a study by X ... the report
# said"): the article may have moved on to another report
EARLIER_DOCUMENT_PENALTY = 0.2
DOCUMENT_AS_IT = 0.5  # a document whose issuer is only the latest "it"
OFFICE_OF = 0.6  # "his office": the owner's office, owner resolved
OFFICE_UNKNOWN = 0.5  # "his office" whose owner is unknown
PLURAL_GROUP = 0.6  # "Aid groups said": the group as written
UNRESOLVED_GROUP = 0.4  # "Some in the community said": no one in particular
UNRESOLVED_DESCRIPTION = 0.5  # "the director" whom the article never names
# a participle after a verb of perception's object ("Ruiz saw the driver climb out,
# shouting that ..."): the seer by the parse, the one seen as likely; a guess between two
SEEN_OR_SEER = 0.6
# a participle after a clause of time with a subject of its own ("The council erupted as
# residents marched in, demanding that ..."): the main subject by the parse, the nearer one
# as likely; a guess between two
NEARER_OR_MAIN = 0.6
# "According to Reuters, the governor said ...": a source passing on someone else's words;
# the one who speaks or the one who reports, a guess between two
RELAYED_SOURCE = 0.6

# No cue at all.
# A bare quote continuing the last speaker: in the same or the next paragraph that is
# right about 9 times in 10 (GGT tune), yet still a guess from context, so below 0.8;
# two paragraphs on, someone else has often taken over (about 6 in 10 right).
FOLLOW_ON_NEXT = 0.75
FOLLOW_ON_LAST = 0.55
# a quotation opening its paragraph, given to the speaker whose cue opens the next
# sentence ('"..." Baker said the governor misread it.'): likely, not certain
CUED_AFTER = 0.6
FOLLOW_ON_NEWER = 0.45  # a bare quote given to someone introduced just before it
# a bare quotation right after a question put to someone the article names ('"Will you
# resign?" a reporter asked Okafor.' / '"..."'): their answer, as a rule, but still a guess
ANSWERED = 0.65
# a paragraph of bare quotation after two people's question and answer ('"Will you
# resign?" Kemp asked.' / '"No," Pratt said.' / '"Then why ...?"'): the next turn, a guess
EXCHANGE_TURN = 0.6
# a bare quotation no earlier speaker can own, given to the first person the next
# paragraph names ('"We will not back down."' / 'That was the message from Gov. Ruiz ...')
INTRODUCED_AFTER = 0.5
AUTHOR_NARRATION = 0.6  # an opinion piece's own sentences
UNKNOWN = 0.3  # no speaker

# --- thresholds ------------------------------------------------------------------------
MIN_QUOTE_WORDS = 5  # shorter quoted phrases without a cue are scare quotes or titles
# reported words beside a quotation that make it a mixed quote: two are a reported
# subject and its quoted predicate ('that the proposal "doesn't go far enough"')
MIXED_EXTRA_WORDS = 2
# characters of a cue that interrupts a quotation ('"This," said Sen. Keith Hall, R-Texas,
# "is chaos."'): further apart, the two quotations are two statements
SPLIT_CUE_CHARS = 100
MIN_CONTENT_WORDS = 3  # a reported clause shorter than this is a fragment, not speech
MIN_SIDE_WORDS = 2  # each side of a cue inserted in reported words ("X, he said, Y")
# characters between the commas of a description after a quotation ('"...," Ruiz, a lawyer,
# said'): fewer is no description, more is a clause of its own
DESCRIPTION_CHARS = (3, 80)
# "..., the country's state news agency said.": a speaker named after the last comma is
# at most this many tokens, and at most TRAILING_CUE_AFTER words ("on Monday") follow
# the verb; longer stretches are clauses of their own, not a cue.
TRAILING_SPEAKER_TOKENS = 10
TRAILING_CUE_AFTER = 4
# "said on NBC's 'Meet the Press' that ...": at most this many tokens of the cue's own
# phrases (where, to whom, in what) stand between the verb and the "that" opening what was
# said; further on, a "that" belongs to the reported words themselves.
CUE_ADJUNCT_TOKENS = 9
FOLLOW_ON_PARAGRAPHS = 2  # how far a speaker carries over to cue-less quotes
ASKING_VERBS = frozenset({"ask"})  # put a question to the verb's object, who answers next
FOLLOW_ON_CHARS = 600  # how far back a newly introduced person can own a cue-less quote
PRONOUN_WINDOW = 1500  # how far back (characters) a pronoun looks for its antecedent
# How far back past an embedded subject ("Google said Apple had ...") a pronoun still
# prefers the sentence's own subject: about one sentence.
MAIN_SUBJECT_REACH = 250
# "The senator's chief of staff, Ana Ruiz, said": a name set off by commas this many tokens
# into its sentence, after a possessed noun opening it, is the sentence's subject
OWNED_SUBJECT_TOKENS = 8
NAMED_LATER_REACH = 800  # how far ahead a role noun with no earlier match ("a judge said")
# may find its name
