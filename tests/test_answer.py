"""Extractive answers: the speaker, not the byline; verbatim citations; honest not-found."""

from __future__ import annotations

import re

import pytest
from assistant_library import NEWS_DIR, open_desk
from invented_library import invented_desk


@pytest.fixture(scope="module")
def desk():
    return open_desk()


def _sliced(desk, citation) -> bool:
    """The quote is the original text at the offsets the citation gives."""
    article = desk.store.get_article(citation.article_id)
    return article.original()[citation.file_start : citation.file_end] == citation.quote


def test_who_said_names_the_speaker_with_title_not_the_byline(desk) -> None:
    answer = desk.ask("who said the cold war will go on?")
    assert answer.speaker == "Yury Tavrovsky"
    assert "Yury Tavrovsky" in answer.answer
    assert "Izborsk Club" in answer.answer  # the speaker's title
    c = answer.citations[0]
    assert c.quote == "A cold war will go on."
    assert _sliced(desk, c)
    assert c.quote in c.passage
    assert c.published.startswith("2021-12-16")
    assert c.title.startswith("China-Russia entente")
    assert f"characters {c.file_start}-{c.file_end} of sample_article.txt" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Who thinks that a cold war will go on?",
        "who is quoted saying a cold war will go on",
        "“A cold war will go on” - who said it?",
    ],
)
def test_who_said_phrasings_find_the_same_speaker(desk, question: str) -> None:
    assert desk.ask(question).speaker == "Yury Tavrovsky"


def test_verify_question_reports_the_negation(desk) -> None:
    answer = desk.ask("did Bochkov say a military confrontation is likely?")
    assert answer.answer.startswith("No.")
    assert "negation" in answer.answer
    assert answer.speaker == "Danil Bochkov"
    assert "not likely" in answer.citations[0].quote


def test_what_did_someone_say_about_a_topic(desk) -> None:
    answer = desk.ask("What did Putin say about cooperation?")
    assert answer.speaker == "Vladimir Putin"
    assert answer.citations
    assert all(c.speaker == "Vladimir Putin" for c in answer.citations)
    assert any("cooperation" in c.quote for c in answer.citations)
    assert all(_sliced(desk, c) for c in answer.citations)


def test_follow_up_lists_other_quotes_by_the_same_speaker(desk) -> None:
    first = desk.ask("what did Tavrovsky say?")
    assert first.speaker == "Yury Tavrovsky"
    more = desk.ask("what else did he say?", history=[("what did Tavrovsky say?", first)])
    assert more.speaker == "Yury Tavrovsky"
    shown = {(c.article_id, c.start) for c in first.citations}
    assert more.citations
    assert not shown & {(c.article_id, c.start) for c in more.citations}


def test_nothing_found_says_so_and_shows_what_was_searched(desk) -> None:
    answer = desk.ask("who said that purple elephants dance on the moon every Tuesday?")
    assert answer.speaker is None
    assert not answer.citations
    assert "no answer" in answer.answer.lower()
    assert "Searched for" in answer.answer
    assert "purple elephants" in answer.answer
    assert answer.trace is not None and answer.trace.candidates


def test_unknown_speaker_is_reported(desk) -> None:
    answer = desk.ask("what did Zebulon Quackenbush say?")
    assert not answer.citations
    assert "Zebulon Quackenbush" in answer.answer


def test_library_question_counts_articles(desk) -> None:
    stats = desk.stats()
    answer = desk.ask("how many articles are in the library?")
    assert f"{stats['articles']} articles" in answer.answer


def test_answer_to_dict_has_exactly_the_documented_keys(desk) -> None:
    data = desk.ask("who said the cold war will go on?").to_dict()
    assert set(data) == {"answer", "speaker", "citations"}
    assert set(data["citations"][0]) == {
        "article_id",
        "title",
        "author",
        "outlet",
        "published",
        "speaker",
        "quote",
        "passage",
        "start",
        "end",
        "source",
        "file_start",
        "file_end",
        "offsets_in",
        "speaker_confidence",
        "speaker_uncertain",
        "medium",  # article, transcript or pdf
        "page",
        "timestamp",
    }


@pytest.mark.skipif(not NEWS_DIR.is_dir(), reason="../shared news corpus absent")
def test_who_said_finds_stored_news_quotes_by_their_words(desk) -> None:
    """Questions built from the library's own direct quotes (no corpus text in the repo)."""
    sample = {a.id for a in desk.articles() if a.source.endswith("sample_article.txt")}
    quotes = [
        q
        for q in desk.store.all_quotes()
        if q.article_id not in sample
        and q.kind == "direct"
        and q.speaker
        and 6 <= len(q.text.split()) <= 30
    ][:8]
    assert quotes
    right = 0
    for q in quotes:
        answer = desk.ask(f"who said {q.text.strip(chr(34))}?")
        right += any(c.speaker == q.speaker for c in answer.citations[:3])
        assert all(_sliced(desk, c) for c in answer.citations)
    assert right >= len(quotes) - 1


def test_who_said_with_changed_meaning_says_the_wording_differs(desk) -> None:
    answer = desk.ask("who said a military confrontation is likely?")
    assert answer.speaker == "Danil Bochkov"
    assert "exact words" in answer.answer and "negation" in answer.answer
    assert "not likely" in answer.citations[0].quote


def test_empty_question_is_answered_without_searching(desk) -> None:
    answer = desk.ask("  ?  ")
    assert not answer.citations
    assert "no words" in answer.answer


def test_who_said_with_words_left_out_finds_the_quote(desk) -> None:
    answer = desk.ask("who said the summit is very important for relations with the US?")
    assert answer.speaker == "Danil Bochkov"
    assert "as it happened at a crucial time" in answer.citations[0].quote


def test_terminal_sources_show_the_quote_inside_its_passage() -> None:
    """The CLI's sources panel shows the surrounding words, not the quote a second time."""
    from rich.console import Console

    from quotedesk.commands.render import render_answer
    from quotedesk.models import Answer, Citation

    passage = "The vote was close. We will build the bridge by spring. Critics doubt it."
    quote = "We will build the bridge by spring."
    citation = Citation(
        article_id="a1",
        title="Bridge vote",
        author=None,
        outlet="The Daily",
        published="2024-05-01",
        speaker="Jane Roe",
        quote=quote,
        passage=passage,
        start=20,
        end=55,
        source="bridge.txt",
    )
    console = Console(record=True, width=200)
    render_answer(Answer(answer=f"Jane Roe said it: “{quote}”", citations=(citation,)), console)
    shown = console.export_text()
    assert passage in shown
    assert "The Daily · 2024-05-01 · characters 20-55 of the stored text of bridge.txt" in shown


@pytest.fixture(scope="module")
def invented():
    return invented_desk()


@pytest.mark.parametrize(
    "name, stored",
    [
        ("Fire Chief Dana Ortiz", "Dana Ortiz"),
        ("Dana Ortiz, the fire chief,", "Dana Ortiz"),
        ("Chief Ortiz", "Dana Ortiz"),
        ("Sen. Warrington", "Elizabeth Warrington"),
        ("Mr. Haddad", "Amir Haddad"),  # "Councillor" is his title, not part of his name
        ("Councillor Haddad", "Amir Haddad"),
    ],
)
def test_speakers_are_found_with_the_titles_users_type(invented, name: str, stored: str) -> None:
    answer = invented.ask(f"what did {name} say?")
    assert answer.speaker == stored
    assert answer.citations and all(c.speaker == stored for c in answer.citations)


def test_what_did_someone_say_about_a_topic_none_of_their_quotes_is_about(desk) -> None:
    answer = desk.ask("what did Putin say about NATO?")
    assert "None of the stored quotes by Vladimir Putin" in answer.answer
    assert "not about it" in answer.answer
    assert "quote(s) by" not in answer.answer  # no count of quotes "about NATO"
    assert all("NATO" not in c.quote for c in answer.citations)


def test_what_said_about_a_topic_lists_only_quotes_that_name_it(invented) -> None:
    answer = invented.ask("what did Brightwater say about fares?")
    assert answer.citations
    assert all("fares" in c.quote for c in answer.citations)
    assert "about fares" in answer.answer


def test_what_said_about_a_topic_nobody_mentioned_says_so(invented) -> None:
    answer = invented.ask("what did Brightwater say about the library?")
    assert answer.answer.startswith("None of the stored quotes by Lena Brightwater")
    assert all("library" not in c.quote for c in answer.citations)


def test_no_answer_shows_no_scores_and_no_internal_ids(invented) -> None:
    answer = invented.ask("asdf qwerty")
    assert "no answer" in answer.answer.lower()
    assert not re.search(r"\b[01]\.\d\d\b", answer.answer)  # "1.00" reads as certainty
    assert all(a.id not in answer.answer for a in invented.articles())


def test_who_said_with_a_word_replaced_says_the_words_differ(invented) -> None:
    answer = invented.ask("who said we will not raise train fares this year?")
    assert answer.speaker == "Lena Brightwater"
    assert "said it" not in answer.answer
    assert "not in these exact words" in answer.answer
    assert "\u201cbus\u201d became \u201ctrain\u201d" in answer.answer


def test_meaning_notes_only_for_changes_the_diff_holds(invented) -> None:
    """Twelve is 12: the answer shows the wording change without calling it a number change."""
    answer = invented.ask("who said ridership grew by twelve percent in the spring?")
    assert "\u201c12\u201d became \u201ctwelve\u201d" in answer.answer
    assert "number" not in answer.answer


def test_who_said_with_an_ellipsis_names_the_elided_words(invented) -> None:
    answer = invented.ask("who said the tunnel plan is ambitious … the money is not there yet?")
    assert answer.speaker == "Lena Brightwater"
    assert "said it; the ellipsis stands for \u201cbut\u201d" in answer.answer


def test_what_said_finds_quotes_naming_the_topic_beyond_the_top_hits(invented) -> None:
    """With one hit per signal, the nearest quote to "years" is about a depot; the quote
    that says "this year" is still found, because every quote of the speaker is read."""
    from assistant.answer import compose
    from assistant.evidence import gather
    from assistant.query import parse_question
    from assistant.retrieve import Retriever

    narrow = Retriever(invented.store, k=1)
    answer = compose(gather(narrow, parse_question("what did Brightwater say about years?")))
    assert [c.quote for c in answer.citations] == ["We will not raise bus fares this year"]
    assert "about years" in answer.answer


def test_did_x_say_an_elided_quote_answers_yes_and_names_the_elided_words_once(invented) -> None:
    answer = invented.ask(
        "did Brightwater say the tunnel plan is ambitious … the money is not there yet?"
    )
    assert answer.answer.startswith("Yes.")
    assert answer.answer.count("\u201cbut\u201d") == 1


@pytest.mark.parametrize(
    "confidence, uncertain",
    [(0.55, True), (0.79, True), (0.8, False), (0.95, False), (None, False)],
)
def test_a_speaker_stored_below_the_certain_line_is_shown_as_uncertain(
    confidence: float | None, uncertain: bool
) -> None:
    """Answers name a low-confidence stored speaker only as "speaker uncertain"."""
    from assistant.answer import who
    from quotedesk.models import Citation
    from quotedesk.web.ui_format import source_markdown

    citation = Citation(
        article_id="a1",
        title="Ferry strike",
        author=None,
        outlet="The Harbour Post",
        published="2024-03-03",
        speaker="Ines Marek",
        quote="The boats stay in port until Monday.",
        passage="The boats stay in port until Monday.",
        start=0,
        end=36,
        source="ferry.txt",
        speaker_confidence=confidence,
    )
    assert ("(speaker uncertain)" in who(citation)) is uncertain
    assert ("speaker uncertain" in source_markdown(citation)) is uncertain
    assert citation.to_dict()["speaker_uncertain"] is uncertain
