"""Surface forms of speech: cue verb inflections, quote-mark typography, text that is not speech.

Every sentence here is invented. Each table row is one construction; switching its rule
off makes its row fail.
"""

from __future__ import annotations

import pytest

from ingest.attribute import attribute_text
from ingest.attribute.credits import not_speech
from ingest.attribute.cues import SPEECH_VERBS, finite_forms, verb_forms
from ingest.attribute.marks import paragraphs
from quotedesk.models import Quote


def quotes_of(text: str) -> list[Quote]:
    found = attribute_text(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def quote_with(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert hits, f"no quote containing {words!r} in {[q.text for q in found]}"
    return hits[0]


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("admit", {"admits", "admitted", "admitting"}),
        ("quip", {"quips", "quipped", "quipping"}),
        ("brag", {"brags", "bragged", "bragging"}),
        ("concur", {"concurs", "concurred", "concurring"}),
        ("counter", {"counters", "countered", "countering"}),  # stress first: no doubling
        ("reply", {"replies", "replied", "replying"}),
        ("agree", {"agrees", "agreed", "agreeing"}),
        ("stress", {"stresses", "stressed", "stressing"}),
        ("write", {"writes", "wrote", "written", "writing"}),
    ],
)
def test_every_form_of_a_cue_verb_is_generated(verb: str, forms: set[str]) -> None:
    assert verb in SPEECH_VERBS
    assert verb_forms([verb]) == forms | {verb}
    assert not any(f.endswith("ing") for f in finite_forms(verb))


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Councillor Ada Brennan admitted that the ferry budget ran out in June.",
            "ferry budget ran out",
            "Ada Brennan",
        ),
        (
            "Coach Lionel Okafor quipped that his team plays better in the rain.",
            "plays better in the rain",
            "Lionel Okafor",
        ),
        (
            "Felix Ambrose bragged that he sold every melon before noon.",
            "sold every melon",
            "Felix Ambrose",
        ),
        (
            "Judge Mina Castell concurred that the appeal came far too late.",
            "appeal came far too late",
            "Mina Castell",
        ),
    ],
)
def test_a_paragraph_whose_only_cue_doubles_its_consonant_is_read(
    text: str, words: str, speaker: str
) -> None:
    assert quote_with(quotes_of(text), words).speaker == speaker


RUIZ = "We will rebuild the old pier before the summer"

TYPOGRAPHY = {
    "two apostrophes": f"''{RUIZ},'' Mayor Tom Ruiz said.",
    "backticks and apostrophes": f"``{RUIZ},'' Mayor Tom Ruiz said.",
    "guillemets": f"\u00ab{RUIZ},\u00bb Mayor Tom Ruiz said.",
    "spaced guillemets": f"\u00ab {RUIZ}, \u00bb Mayor Tom Ruiz said.",
    "reversed guillemets": f"\u00bb{RUIZ},\u00ab Mayor Tom Ruiz said.",
    "british singles": f"\u2018{RUIZ},\u2019 Mayor Tom Ruiz said.",
    "horizontal bar credit": f'"{RUIZ}." \u2015 Tom Ruiz',
    "em dash credit with title": f'"{RUIZ}." \u2014 Tom Ruiz, mayor of Port Ellis',
    "en dash credit with title": f'"{RUIZ}." \u2013 Tom Ruiz, mayor of Port Ellis',
    "hyphen credit": f'"{RUIZ}." - Tom Ruiz',
    "credit on the next line": f'"{RUIZ}."\n\u2014 Tom Ruiz, mayor of Port Ellis',
    "single marks credited on the next line": f"\u2018{RUIZ}.\u2019\n\u2015 Tom Ruiz",
    "right marks both ways": f"\u201d{RUIZ},\u201d Mayor Tom Ruiz said.",
    "mark glued to the cue": f'Mayor Tom Ruiz said,"{RUIZ}."',
}


@pytest.mark.parametrize("text", TYPOGRAPHY.values(), ids=TYPOGRAPHY.keys())
def test_quote_marks_and_credits_of_every_typography(text: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.text.rstrip(".") == RUIZ
    assert quote.speaker == "Tom Ruiz"
    assert quote.kind == "direct"


def test_a_credit_gives_the_title_it_writes() -> None:
    (quote,) = quotes_of(TYPOGRAPHY["em dash credit with title"])
    assert quote.speaker_title == "mayor of Port Ellis"


def test_a_description_right_after_the_closing_mark_keeps_no_mark_in_the_title() -> None:
    """The parser hangs the closing mark on the description that follows it."""
    (quote,) = quotes_of("\"She's the best,\" Okafor's old coach, Ana Ruiz, said.")
    assert (quote.speaker, quote.speaker_title) == ("Ana Ruiz", "Okafor's old coach")


def test_double_marks_nested_in_british_single_marks_stay_inside_the_quote() -> None:
    text = (
        "Mayor Tom Ruiz spoke at the harbour on Monday.\n\n"
        "\u2018We won\u2019t keep a pier the council called \u201ca relic\u201d for ten years."
        " It has to go.\u2019"
    )
    quote = quote_with(quotes_of(text), "a relic")
    assert quote.text.startswith("We won\u2019t keep") and quote.text.endswith("It has to go.")
    assert quote.speaker == "Tom Ruiz"


@pytest.mark.parametrize(
    "opening",
    [
        "Mayor Tom Ruiz spoke at the harbour on Monday.\n\n",
        "Mayor Tom Ruiz spoke at the harbour on Monday. He said: ",
    ],
)
def test_a_quote_left_open_continues_into_the_paragraph_that_closes_it(opening: str) -> None:
    text = (
        f'{opening}"{RUIZ}. The boats need it.\n\n'
        'The fishermen have waited long enough for this work."'
    )
    found = quotes_of(text)
    assert quote_with(found, "waited long enough").speaker == "Tom Ruiz"
    assert quote_with(found, "boats need it").speaker == "Tom Ruiz"


STORY = "Mayor Tom Ruiz said the pier will reopen in the spring after repairs.\n"
NOT_SPEECH = {
    "reported from": "Jane Roe reported from Port Ellis, and Tom Li reported from Ottawa.",
    "contributing": "Contributing: Jane Roe said to be in Port Ellis, Tom Li in Ottawa.",
    "with files from": "With files from Jane Roe, who said the ferry was late.",
    "reader comment": (
        "My neighbour said the council let the old pier rot for years and years.\n\u2015 Jim Parker"
    ),
    "signed reader comment": (
        "I think the mayor told us the roads would be fixed first, honestly. \u2015 Lucy Tran"
    ),
}


@pytest.mark.parametrize("line", NOT_SPEECH.values(), ids=NOT_SPEECH.keys())
def test_bylines_and_reader_comments_are_not_speech(line: str) -> None:
    found = quotes_of(STORY + line)
    assert [q.speaker for q in found] == ["Tom Ruiz"]
    assert quote_with(found, "reopen in the spring").end < len(STORY)


HEADLINES = {
    "reported speech": "Librarians say e-book loans doubled during the winter closures",
    "a quoted phrase": "Lighthouse keepers slam 'a reckless gamble' with automated beacons",
    "a quotation first": "\u2018Bring back the night bus\u2019: students petition the council",
}


@pytest.mark.parametrize("line", HEADLINES.values(), ids=HEADLINES.keys())
def test_a_headline_is_nobodys_quote(line: str) -> None:
    found = quotes_of(f"{line}\n\n{STORY}")
    assert [q.speaker for q in found] == ["Tom Ruiz"]
    assert quote_with(found, "reopen in the spring").start > len(line)


def test_a_first_line_that_is_a_sentence_still_reports() -> None:
    text = f"Librarians say e-book loans doubled during the winter closures.\n\n{STORY}"
    assert quote_with(quotes_of(text), "e-book loans").speaker == "Librarians"


# One byline test for speech and for the people a later "she" may mean: each line kind
# was known to only one of the two before, so each row failed on one side.
BYLINES = {
    "by": "By RUTH AMADI",
    "writer's role": "Ruth Amadi, Political Correspondent",
    "kicker and writer": "HARBOUR DIARY | Ruth Amadi",
    "reported from": "Ruth Amadi reported from Port Ellis.",
    "contributing": "Contributing: Ruth Amadi",
    "additional reporting": "Additional reporting by Ruth Amadi in Port Ellis.",
    "signed off with her paper": "\u2014 Ruth Amadi, Port Ellis Star-Tribune",
    "signed off with her station": "\u2014 Ruth Amadi, Coastline News",
    "horizontal bar before files from": "\u2015 With files from Ruth Amadi",
    "dash before files from": "\u2013 With files from Ruth Amadi",
    "wire credits in parentheses": "(Reporting by Ruth Amadi in Port Ellis; Editing by Tom Li)",
}


@pytest.mark.parametrize("line", BYLINES.values(), ids=BYLINES.keys())
def test_a_byline_is_neither_speech_nor_a_later_speaker(line: str) -> None:
    text = (
        f"{line}\n\nTom Ruiz, the harbour master, met the ferry crews on Monday.\n\n"
        '"The pier will open in May," she said.'
    )
    assert not_speech(text, paragraphs(text)) == {paragraphs(text)[0]}
    assert quote_with(quotes_of(text), "open in May").speaker != "Ruth Amadi"


@pytest.mark.parametrize(
    ("sign_off", "signer"),
    [
        ("\u2014 Ruth Amadi, Port Ellis Star-Tribune", None),  # the writer's sign-off
        ("\u2014 Tom Ruiz, harbour master", "Tom Ruiz"),  # a signed quotation
    ],
)
def test_a_sign_off_under_the_last_quotation_signs_nothing(sign_off: str, signer) -> None:
    text = (
        "Tom Ruiz has run the harbour since 2009.\n\n"
        "Asked what he tells new crews, Ruiz grinned.\n\n"
        '"Check the tide table twice."\n\n'
        f"{sign_off}"
    )
    quote = quote_with(quotes_of(text), "tide table")
    assert quote.speaker != "Ruth Amadi"
    if signer is not None:
        assert quote.speaker == signer


@pytest.mark.parametrize(
    "text",
    [
        "Tom Ruiz (Getty Images) said the pier will reopen in the spring after repairs.",
        "Tom Ruiz (AFP/Getty Images) said the pier will reopen in the spring after repairs.",
        "Tom Ruiz (Harbour Museum photo) said the pier will reopen in the spring after repairs.",
        "Tom Ruiz (Port Ellis Archives) said the pier will reopen in the spring after repairs.",
    ],
)
def test_a_photo_credit_is_never_a_speakers_title(text: str) -> None:
    quote = quote_with(quotes_of(text), "reopen in the spring")
    assert quote.speaker == "Tom Ruiz"
    assert quote.speaker_title is None


MARK_PAIRING = {
    "a quote left open ends where the next one opens": (
        "\u201cWhen the boats stopped, people asked me, \u2018Where is the ferry?\u2019 \u2014"
        " it hurt. \u201cWe had no pier. We were just a stop on the map.\u201d",
        [
            "When the boats stopped, people asked me,"
            " \u2018Where is the ferry?\u2019 \u2014 it hurt.",
            "We had no pier. We were just a stop on the map.",
        ],
    ),
    "a decade is no opening mark": (
        "She grew up on the island in the '80s. The pier was busy then and the ferry ran"
        " every hour, she said.",
        [],
    ),
    "a year cut to two digits that no mark closes is no opening mark": (
        "She won the race in 2009 and \u201813 and will run it again next year, the club said.",
        [],
    ),
    "a quotation may open with two digits when a mark closes it": (
        "The union wants \u201850 per cent of the seats\u2019 on the new board.",
        ["50 per cent of the seats"],
    ),
    "a possessive after an abbreviation is no opening mark": (
        "The co-op will buy Harbour Holdings Inc.'s five remaining ferries and two piers,"
        " the mayor said.",
        [],
    ),
    "the mixed two-character mark opens a quote": (
        "Mayor Tom Ruiz spoke on the radio on Sunday.\n\n"
        "\u2018\u2019The ferry is no treat. It is the only road we have.\u201d",
        ["The ferry is no treat. It is the only road we have."],
    ),
}


@pytest.mark.parametrize(("text", "direct"), MARK_PAIRING.values(), ids=MARK_PAIRING.keys())
def test_quotation_marks_pair_as_written(text: str, direct: list[str]) -> None:
    found = [q.text.rstrip(",") for q in quotes_of(text) if q.kind == "direct"]
    assert found == direct


_PIER = (
    "The harbour board met on Monday to discuss the pier.\n\n"
    "Board member Ana Ruiz voted against the new fees. \u201cThe fees will drive the fishers"
    " away. Nobody here can pay them,\u201d she said.\n\n"
)
# A pull quote set without marks, signed with the bare name of someone the story quotes.
UNMARKED_PULL_QUOTES = {
    "signed with a stop": _PIER + "The fees will drive the fishers away. Ana Ruiz.\n",
    "signed without a stop": _PIER
    + "The fees will drive the fishers away. Nobody here can pay them. Ana Ruiz\n",
}


@pytest.mark.parametrize("text", UNMARKED_PULL_QUOTES.values(), ids=UNMARKED_PULL_QUOTES.keys())
def test_an_unmarked_pull_quote_signed_with_a_bare_name_is_the_signers(text: str) -> None:
    pull = text.rindex("The fees will")
    found = [q for q in quotes_of(text) if q.start == pull]
    assert [q.speaker for q in found] == ["Ana Ruiz"]
    assert found[0].confidence < 0.8


_INTERVIEW = (
    "Harbour master Tomas Reyes spoke to the Gazette on Friday about the storm season.\n\n"
    "GAZETTE: Is the breakwater ready?\n\n"
    "REYES: We raised it by a metre in the spring, and it held in October.\n\n"
    "READ MORE: Storm season could be the worst in a decade\n"
)


def test_an_answer_labelled_with_a_name_in_capitals_is_that_persons() -> None:
    """An interview set into a story labels each answer with its speaker's name; the
    unmarked answer had been no quote. A label naming no one in the story (the paper, a
    link's 'READ MORE') labels nothing."""
    found = quotes_of(_INTERVIEW)
    assert [(q.text, q.speaker) for q in found] == [
        ("We raised it by a metre in the spring, and it held in October.", "Tomas Reyes")
    ]
    assert found[0].confidence >= 0.8


# Paragraphs that end on a bare name but quote no one.
NOT_PULL_QUOTES = {
    "a caption with its photographer": _PIER
    + "A cyclist rides past the shuttered fish market on Monday. Ola Brandt\n",
    "narration that ends on a name": _PIER
    + "The board thanked its longest-serving member. Ana Ruiz.\n",
    "a sentence ending on an acronym": _PIER
    + "The vote went ahead after a call with U.S. Senator Tom Hale.\n",
}


@pytest.mark.parametrize("text", NOT_PULL_QUOTES.values(), ids=NOT_PULL_QUOTES.keys())
def test_a_paragraph_ending_on_a_name_without_repeated_words_quotes_no_one(text: str) -> None:
    last = text.rindex("\n\n") + 2
    assert [q.text for q in quotes_of(text) if q.start >= last] == []
