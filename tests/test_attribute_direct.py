"""Direct quotes without a cue of their own: who they are given and how sure that is.

Every sentence here is invented.
"""

from __future__ import annotations

import pytest

from ingest.attribute import attribute_text
from quotedesk.models import SPEAKER_CERTAIN

LEAD = (
    "Harbour master Lena Cole spoke at the pier on Monday.\n\n"
    '"We will reopen the pier before the summer," Lena Cole said.\n\n'
)
BARE = '"The boats have waited long enough for this work."'


def _bare(text: str):
    return next(q for q in attribute_text(text) if q.text.startswith("The boats"))


def test_a_bare_quote_continues_the_last_speaker_surer_when_near() -> None:
    """Right about 9 times in 10 in the next paragraph, about 6 in 10 two paragraphs on."""
    near = _bare(LEAD + BARE)
    far = _bare(LEAD + "The pier has been shut since the storm in March.\n\n" + BARE)
    assert near.speaker == far.speaker == "Lena Cole"
    assert far.confidence < near.confidence < SPEAKER_CERTAIN


def test_a_bare_quote_is_never_surer_than_the_attribution_it_continues() -> None:
    text = (
        "Harbour master Lena Cole spoke at the pier on Monday.\n\n"
        "The pier has been shut since the storm in March.\n\n"
        '"We will reopen the pier before the summer," she said.\n\n' + BARE
    )
    found = attribute_text(text)
    cued = next(q for q in found if q.text.startswith("We will"))
    bare = next(q for q in found if q.text.startswith("The boats"))
    assert cued.speaker == bare.speaker == "Lena Cole"
    assert bare.confidence <= cued.confidence


# A bare quotation given by its context, never at the certain line:
# (text, start of the bare quotation, who said it)
BY_CONTEXT = [
    # opening its paragraph, before a cue that reports other words: not the last speaker
    pytest.param(
        '"We will fight this in every court," Governor Ana Ruiz said on Tuesday.\n\n'
        '"This bill is a gift to the insurers and nothing else." Senator Tom Baker said'
        " the governor had misread it.",
        "This bill",
        "Tom Baker",
        id="cued_later_political",
    ),
    pytest.param(
        '"The verdict is a relief for the whole family," said Maria Sousa, the victim\'s aunt.\n\n'
        '"He lied to the jury from the first day to the last." Prosecutor Neil Hart told'
        " reporters outside the courthouse that he would not appeal.",
        "He lied",
        "Neil Hart",
        id="cued_later_court",
    ),
    # right after a question put to someone named (interviews, courts): their answer,
    # not more of the asker's words nor no one's
    pytest.param(
        '"Will you resign over the contracts?" a reporter asked the minister, David Okafor,'
        " on Monday.\n\n"
        '"Absolutely not. I have done nothing wrong and I will say so to the committee."',
        "Absolutely not",
        "David Okafor",
        id="answer_to_a_reporter",
    ),
    pytest.param(
        '"Do you regret the vote?" the host asked Senator Tom Baker on Sunday.\n\n'
        '"Not for a second. I would cast it again tomorrow."',
        "Not for a second",
        "Tom Baker",
        id="answer_to_a_host",
    ),
    pytest.param(
        "The judge asked the witness, Carla Mendes, whether she had seen the driver's face.\n\n"
        '"Only for a moment, but I am sure it was him."',
        "Only for a moment",
        "Carla Mendes",
        id="answer_to_an_indirect_question",
    ),
    pytest.param(
        "At a town hall in Dayton, one worker asked Governor Ana Ruiz whether the plant"
        ' would close. "Not while I am governor."',
        "Not while",
        "Governor Ana Ruiz",
        id="answer_by_a_name_the_ner_missed",
    ),
    # a quotation opening the story, before anyone is named: the first person named after
    pytest.param(
        '"I never thought I would see this day."\n\n'
        "Maria Sousa, 71, has waited four decades for the pier to reopen.",
        "I never thought",
        "Maria Sousa",
        id="quote_lede_profile",
    ),
    pytest.param(
        '"We will not back down, not now and not ever."\n\n'
        "Governor Ana Ruiz repeated the line three times at a rally in Dayton on Tuesday.",
        "We will not",
        "Ana Ruiz",
        id="quote_lede_political",
    ),
    # a sentence whose subject is someone unnamed, then a quotation with no cue: theirs
    pytest.param(
        '"The budget is sound," Finance Minister Carl Weeks said.\n\n'
        'A senior aide to the premier was blunter. "Nobody in cabinet believes a word of it."',
        "Nobody in cabinet",
        "A senior aide to the premier",
        id="unnamed_lead_then_bare_quote",
    ),
    pytest.param(
        "Ana Ruiz, the opposition leader, called the plan a fraud.\n\n"
        'One backbench MP on the government side was more cautious. "We will wait for the '
        'detail before we judge it."',
        "We will wait",
        "One backbench MP on the government side",
        id="unnamed_lead_counted_with_one",
    ),
    # two people's question and answer, then bare quotations: the exchange goes on in turns
    pytest.param(
        '"Will you resign?" Kemp asked.\n\n"No," Pratt said. "I have done nothing wrong."\n\n'
        '"Then why did you delete the emails?"\n\n"I deleted nothing. It is all archived."',
        "Then why",
        "Kemp",
        id="exchange_question_after_the_answer",
    ),
    pytest.param(
        '"Will you resign?" Kemp asked.\n\n"No," Pratt said. "I have done nothing wrong."\n\n'
        '"Then why did you delete the emails?"\n\n"I deleted nothing. It is all archived."',
        "I deleted nothing",
        "Pratt",
        id="exchange_answer_after_the_question",
    ),
]


@pytest.mark.parametrize(("text", "opening", "speaker"), BY_CONTEXT)
def test_a_bare_quote_given_by_its_context(text: str, opening: str, speaker: str) -> None:
    quote = next(q for q in attribute_text(text) if q.text.startswith(opening))
    assert quote.speaker == speaker
    assert quote.confidence < SPEAKER_CERTAIN


def test_a_question_to_no_one_named_leaves_the_speaker_continued() -> None:
    """ "she asked reporters": a rhetorical question; the speaker goes on."""
    text = (
        '"We will fight this," Ana Ruiz, the mayor, said.\n\n'
        '"Who is paying for all this?" she asked reporters.\n\n'
        '"Not the taxpayers of this city, I promise you that."'
    )
    quote = next(q for q in attribute_text(text) if q.text.startswith("Not the"))
    assert quote.speaker == "Ana Ruiz"


# A short quoted phrase is a quotation when a cue of its own sentence takes it as an
# argument: text -> (the phrase, who said it)
CREDITED_PHRASES = {
    # the first of two one-word quotations, parsed as an adjective after the noun
    'Senator Ruth Kagame called the plan "risky" and "unfair."': ("risky", "Ruth Kagame"),
    # the cue of a relative clause, though the main cue's clause holds the phrase
    'Tom Baker, who called the bill "a fantasy," said he would vote against it.': (
        "a fantasy",
        "Tom Baker",
    ),
}


@pytest.mark.parametrize("text", CREDITED_PHRASES)
def test_a_short_phrase_a_cue_takes_is_quoted(text: str) -> None:
    phrase, speaker = CREDITED_PHRASES[text]
    found = [q.speaker for q in attribute_text(text) if q.text.rstrip(".,") == phrase]
    assert found == [speaker]


# Where the words were said, in capitals after a possessive or "on": no one's quotation
PROGRAMMES = [
    '"We will not close the shipyard," Senator Ruth Kagame said on KWBS\' "Voice of the Valley."',
    '"We will not close the shipyard," Kagame told WKTV\'s "Noon Desk" on Sunday.',
    '"We will not close the shipyard," Kagame said in an interview on "Coast Week."',
]


@pytest.mark.parametrize("text", PROGRAMMES)
def test_a_programme_title_is_no_quotation(text: str) -> None:
    assert [q.text for q in attribute_text(text)] == ["We will not close the shipyard"]


# The name of a bill, plan or slogan in capitals, after "titled" or set off by commas
NAMED_TITLES = [
    'The bill, formally titled the "Harbour Consolidation and Safety Act," would merge two '
    "ferry agencies.",
    "Ana Ruiz went further, describing the city's housing plan, \u201cHomes for All\u201d, as "
    "a plan for a few.",
    'The plan, which city officials have branded "Greener Grafton," would close two depots.',
]


@pytest.mark.parametrize(
    "text",
    NAMED_TITLES,
    ids=["titled_the_act", "set_off_after_a_noun", "branded"],
)
def test_a_named_title_is_no_quotation(text: str) -> None:
    assert attribute_text(text) == []


# Short quotations a cue owns however few their words: text -> [(words, kind)], all by Hall
SHORT_BUT_CUED = {
    # the rest of a quotation its cue interrupts
    '"This," said Keith Hall, "is chaos."': [("This", "direct"), ("is chaos.", "direct")],
    '"Not now," said Keith Hall, "and not ever."': [
        ("Not now", "direct"),
        ("and not ever.", "direct"),
    ],
    # a sentence of its own after a colon is a statement, not a scare quote
    'Keith Hall put it simply: "Enough."': [("Enough.", "direct")],
    'Senator Keith Hall\'s reply was short: "Never again."': [("Never again.", "direct")],
    # a short answer whose full stop became the comma before its cue
    '"No, your honour," Keith Hall replied.': [("No, your honour", "direct")],
    # all that "according to" reports is the quotation
    '"This is chaos," according to Keith Hall.': [("This is chaos", "direct")],
}


@pytest.mark.parametrize("text", SHORT_BUT_CUED)
def test_a_short_quotation_its_cue_owns_is_direct(text: str) -> None:
    found = attribute_text(text)
    assert [(q.text, q.kind) for q in found] == SHORT_BUT_CUED[text]
    assert all(q.speaker and q.speaker.endswith("Hall") for q in found)


CONTINUED_FROM_A_DESCRIPTION = (
    '"We will not pass the bill this week," a senior aide to the governor said.\n\n'
    '"Nobody in this building believes that deadline, and nobody should."'
)


def test_a_bare_quote_given_to_someone_unnamed_stays_unresolved() -> None:
    """A description no one was named for is never passed off as a name."""
    found = attribute_text(CONTINUED_FROM_A_DESCRIPTION)
    quote = next(q for q in found if q.text.startswith("Nobody"))
    assert quote.speaker is not None and quote.speaker.startswith("a senior aide")
    assert not quote.speaker_resolved


# A name and a colon introduce the quotation after the colon: the quotation before them,
# in the sentence just ahead, is never that name's for sure
LABEL_AFTER = [
    'The inquiry sat late.\n\nSoto: "The ledger was kept in pencil." Grant said: "I never saw '
    'a ledger."',
    '"The ledger was kept in pencil." Paul Grant: "I never saw a ledger."',
    '"The ledger was kept in pencil." Paul Grant -- "I never saw a ledger."',
]


@pytest.mark.parametrize("text", LABEL_AFTER)
def test_a_label_is_not_sure_of_the_quotation_before_it(text: str) -> None:
    quote = next(q for q in attribute_text(text) if q.text.startswith("The ledger"))
    later = quote.speaker is not None and quote.speaker.endswith("Grant")
    assert not later or quote.confidence < SPEAKER_CERTAIN


# A quotation after a colon whose lead-in the parse gave no speaker: someone else's turn
# may open there, so the paragraph's earlier speaker is only a guess
OWN_LEAD_IN = [
    'Nora Fink chaired the panel: "The tender was rushed." The engineer: "We had no choice."',
    'Nora Fink chaired the panel: "The tender was rushed." A voice at the back: "We had no '
    'choice."',
    # an interview's turn marker is no one's name
    'Nora Fink chaired the panel: "The tender was rushed." Q: "We had no choice?"',
]


@pytest.mark.parametrize("text", OWN_LEAD_IN)
def test_a_quotation_after_its_own_colon_is_not_surely_the_earlier_speaker(text: str) -> None:
    quote = next(q for q in attribute_text(text) if q.text.startswith("We had"))
    assert quote.speaker != "Q"
    assert quote.speaker != "Nora Fink" or quote.confidence < SPEAKER_CERTAIN
