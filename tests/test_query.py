"""Question understanding: intents, fragments, speakers and filters from plain questions."""

from __future__ import annotations

import pytest

from assistant.query import parse_question
from quotedesk.models import Answer, Citation


@pytest.mark.parametrize(
    "question, fragment",
    [
        ("who said the cold war will go on?", "the cold war will go on"),
        ('Who argued that "a cold war will go on"?', "a cold war will go on"),
        ("who called the summit very important", "the summit very important"),
        ("Who thinks war is unlikely?", "war is unlikely"),
        ("who wrote that Moscow and Beijing are united", "Moscow and Beijing are united"),
        ("who tweeted that the plane is missing", "the plane is missing"),
        ("who claimed the talks failed", "the talks failed"),
        ("Who is quoted saying we stand ready to assist?", "we stand ready to assist"),
        ("which expert said the summit is very important", "the summit is very important"),
        ("“We stand ready to assist” - who said it?", "We stand ready to assist"),
        ('"a cold war will go on"', "a cold war will go on"),
        ("did anyone say the plane crashed?", "the plane crashed"),
    ],
)
def test_who_said_in_any_phrasing(question: str, fragment: str) -> None:
    q = parse_question(question)
    assert q.intent == "who_said"
    assert q.fragment == fragment


def test_what_did_someone_say_with_and_without_topic() -> None:
    q = parse_question("What did Putin say about cooperation?")
    assert (q.intent, q.speaker, q.topic) == ("what_said", "Putin", "cooperation")
    q = parse_question("what has President Xi said?")
    assert (q.intent, q.speaker, q.topic) == ("what_said", "President Xi", None)
    q = parse_question("Putin's quotes on Ukraine")
    assert (q.intent, q.speaker, q.topic) == ("what_said", "Putin", "Ukraine")
    q = parse_question("did Bochkov say anything about the UN?")
    assert (q.intent, q.speaker, q.topic) == ("what_said", "Bochkov", "the UN")


@pytest.mark.parametrize(
    "question, speaker",
    [
        ("what did Fire Chief Dana Ortiz say?", "Fire Chief Dana Ortiz"),
        ("what did Dana Ortiz, the fire chief, say about exits?", "Dana Ortiz, the fire chief"),
        ("what did Sen. Warrington say?", "Sen. Warrington"),
        ("did Mr. Haddad say the tunnel helps everyone?", "Mr. Haddad"),
    ],
)
def test_titles_and_roles_stay_with_the_speaker_name(question: str, speaker: str) -> None:
    """The whole name as typed reaches name matching, which knows titles and roles."""
    assert parse_question(question).speaker == speaker


@pytest.mark.parametrize(
    "question, speaker, fragment",
    [
        (
            "did Bochkov say a military confrontation is likely?",
            "Bochkov",
            "a military confrontation is likely",
        ),
        (
            "Is it true that President Putin said a new model of cooperation has been formed?",
            "President Putin",
            "a new model of cooperation has been formed",
        ),
        (
            "Did Tavrovsky really say that “a cold war will go on”?",
            "Tavrovsky",
            "a cold war will go on",
        ),
        ("was it Xi who said the talks went well?", "Xi", "the talks went well"),
    ],
)
def test_verify_questions_keep_the_claimed_speaker(
    question: str, speaker: str, fragment: str
) -> None:
    q = parse_question(question)
    assert (q.intent, q.speaker, q.fragment) == ("verify", speaker, fragment)


def test_date_filters_become_day_ranges() -> None:
    q = parse_question("who said the cold war will go on in December 2021?")
    assert (q.fragment, q.date_from, q.date_to) == ("the cold war will go on", 20211201, 20211231)
    q = parse_question("what did Putin say since 2021")
    assert (q.speaker, q.date_from, q.date_to) == ("Putin", 20210101, None)
    q = parse_question("who said it is important between 2019 and March 2020?")
    assert (q.date_from, q.date_to) == (20190101, 20200331)
    q = parse_question("what did Putin say before 2020-06-15")
    assert q.date_to == 20200614


def test_outlet_filter_only_for_outlets_in_the_library() -> None:
    q = parse_question("who said the search would be expanded in Reuters?", outlets=["Reuters"])
    assert (q.outlet, q.fragment) == ("Reuters", "the search would be expanded")
    q = parse_question("who said the meeting was held in Moscow", outlets=["Reuters"])
    assert q.outlet is None
    assert q.fragment == "the meeting was held in Moscow"


def test_a_filter_inside_quote_marks_stays_part_of_the_quote() -> None:
    q = parse_question('who said "the SCO was established in 2001"?')
    assert q.fragment == "the SCO was established in 2001"
    assert q.date_from is None


def test_a_trailing_year_can_be_read_back_into_the_fragment() -> None:
    q = parse_question("who said the SCO was established in 2001?")
    assert q.date_from == 20010101
    relaxed = q.relaxed()
    assert relaxed is not None
    assert relaxed.fragment == "the SCO was established in 2001"
    assert relaxed.date_from is None


def test_follow_up_resolves_the_previous_speaker_and_skips_shown_quotes() -> None:
    shown = Citation("a1", "T", None, None, None, "Vladimir Putin", "q", "p", 10, 20, "src")
    history = [("what did Putin say?", Answer("...", "Vladimir Putin", (shown,)))]
    q = parse_question("what else did he say?", history=history)
    assert (q.intent, q.speaker) == ("what_said", "Vladimir Putin")
    assert ("a1", 10) in q.exclude
    q = parse_question("did he say the talks failed?", history=history)
    assert (q.intent, q.speaker) == ("verify", "Vladimir Putin")


def test_library_and_general_questions() -> None:
    assert parse_question("how many articles are there?").intent == "library"
    assert parse_question("which outlets are in the library").intent == "library"
    q = parse_question("search for the missing AirAsia plane")
    assert q.intent == "general"
    assert q.search_text == "search for the missing AirAsia plane"
