"""Verify: verdicts, word diffs with meaning flags, speaker variants, ClaimReview."""

from __future__ import annotations

import pytest
from assistant_library import open_desk
from invented_library import invented_desk

from assistant.align import align, flag_edit
from assistant.names import same_person
from assistant.verify import explain, to_claimreview
from quotedesk.resources import SAMPLE_ARTICLE

TEXT = SAMPLE_ARTICLE.read_text(encoding="utf-8")


def _edits(claim: str) -> list[tuple[str, str, str, str | None]]:
    found = align(claim, TEXT)
    assert found is not None
    return [(d.op, d.source, d.claim, d.flag) for d in found.ops if d.op != "equal"]


def test_dropped_negation_is_flagged() -> None:
    assert _edits("a military confrontation is likely") == [("delete", "not", "", "negation")]


def test_added_negation_number_change_and_antonym_are_flagged() -> None:
    assert ("insert", "", "not", "negation") in _edits("Putin will not reciprocate")
    assert [e[3] for e in _edits("the Olympic Games of 1984 in Moscow")] == ["number"]
    assert [e[3] for e in _edits("a military confrontation is not unlikely")] == ["antonym"]


def test_alignment_spans_two_sentences_and_slices_the_source() -> None:
    claim = (
        "But Russophobia and Sinophobia in Western elites are much stronger. A cold war will go on."
    )
    found = align(claim, TEXT)
    assert found is not None and found.exact
    assert TEXT[found.start : found.end].endswith("A cold war will go on")


@pytest.mark.parametrize("claimed", ["Putin", "President Putin", "Vladimir Putin", "V. Putin"])
def test_speaker_variants_match(claimed: str) -> None:
    assert same_person(claimed, "Vladimir Putin")


def test_different_people_do_not_match() -> None:
    assert not same_person("Xi Jinping", "Vladimir Putin")
    assert not same_person("Joe Biden", "Hunter Biden")
    assert not same_person("Maria Ortiz", "Dana Ortiz")
    assert not same_person("Fire Chief Maria Ortiz", "Dana Ortiz")
    assert not same_person("John King", "Martin Luther King Jr.")  # a surname, not a title


@pytest.mark.parametrize(
    "claimed",
    [
        "Fire Chief Dana Ortiz",
        "fire chief dana ortiz",
        "Chief Ortiz",
        "Ms. Ortiz",
        "Dana Ortiz, the city's fire chief",
        "Olympic champion Dana Ortiz",  # a role not in any list: the full name still ends it
    ],
)
def test_titles_and_roles_around_a_name_match_the_stored_speaker(claimed: str) -> None:
    assert same_person(claimed, "Dana Ortiz")


@pytest.mark.parametrize(
    "source, claim",
    [(["12"], ["twelve"]), (["inform"], ["form"]), (["discover"], ["cover"]), (["12"], [])],
)
def test_edits_that_keep_the_meaning_are_not_flagged(source, claim) -> None:
    expected = "number" if not claim else None  # a number dropped outright is a change
    assert flag_edit(source, claim) == expected


def test_prefix_antonyms_of_adjectives_are_still_flagged() -> None:
    assert flag_edit(["legal"], ["illegal"]) == "antonym"
    assert flag_edit(["likely"], ["unlikely"]) == "antonym"


def test_ellipsis_pieces_out_of_order_are_not_an_elision() -> None:
    text = "The road is long, but the view is worth it, and we will climb."
    assert align("The road is long … and we will climb", text).elided == (
        "but the view is worth it",
    )
    assert align("and we will climb … The road is long", text).elided == ()


@pytest.fixture(scope="module")
def invented():
    return invented_desk()


def test_elided_quote_is_verified_with_the_dropped_words_shown(invented) -> None:
    v = invented.verify("The tunnel plan is ambitious … the money is not there yet", "Brightwater")
    assert v.verdict == "verified"
    assert v.speaker == "Lena Brightwater"
    assert v.elided == ("but",)
    assert ("delete", "but", None) in [(d.op, d.source, d.flag) for d in v.diff]
    assert "ellipsis stands for \u201cbut\u201d" in explain(v)
    assert v.to_dict()["elided"] == ["but"]


@pytest.mark.parametrize(
    "claim, dropped, flag",
    [
        ("The tunnel plan is ambitious, but the money is ... there yet", "not", "negation"),
        ("Ridership grew by … percent in the spring", "12", "number"),
        ("The tunnel will [...] help commuters who live downtown", "only", "qualifier"),
    ],
)
def test_elision_that_drops_what_changes_the_meaning_is_altered(
    invented, claim: str, dropped: str, flag: str
) -> None:
    v = invented.verify(claim)
    assert v.verdict == "altered"
    assert v.elided == (dropped,)
    assert ("delete", dropped, flag) in [(d.op, d.source, d.flag) for d in v.diff]
    assert f"\u201c{dropped}\u201d" in explain(v) and flag in explain(v)


@pytest.fixture(scope="module")
def desk():
    return open_desk()


def test_exact_quote_by_the_right_speaker_is_verified(desk) -> None:
    v = desk.verify("A cold war will go on.", "Tavrovsky")
    assert v.verdict == "verified"
    assert v.speaker == "Yury Tavrovsky"
    assert v.similarity == 1.0
    assert v.speaker_check == "confirmed"
    article = desk.store.get_article(v.citation.article_id)
    assert article.text[v.citation.start : v.citation.end] == v.citation.quote


@pytest.mark.parametrize("claimed", ["Putin", "President Putin", "Vladimir Putin"])
def test_direct_quote_inside_an_expert_section_keeps_its_own_speaker(desk, claimed) -> None:
    v = desk.verify("a new model of cooperation has been formed between our countries", claimed)
    assert v.verdict == "verified"
    assert v.speaker == "Vladimir Putin"


def test_someone_elses_words_are_misattributed_and_name_the_real_speaker(desk) -> None:
    v = desk.verify("A cold war will go on.", "Vladimir Putin")
    assert v.verdict == "misattributed"
    assert v.speaker == "Yury Tavrovsky"
    assert v.claimed_speaker == "Vladimir Putin"


def test_negated_quote_is_altered_with_a_negation_flag(desk) -> None:
    v = desk.verify("a military confrontation is likely", "Bochkov")
    assert v.verdict == "altered"
    assert v.speaker == "Danil Bochkov"
    assert 0.6 <= v.similarity < 1.0
    assert [(d.op, d.source, d.flag) for d in v.diff if d.op != "equal"] == [
        ("delete", "not", "negation")
    ]
    assert "not likely" in v.citation.quote


def test_fragment_of_a_long_quote_verifies(desk) -> None:
    v = desk.verify("could foster bilateral cooperation in the areas raised", "Danil Bochkov")
    assert v.verdict == "verified"


def test_unknown_words_are_not_found_and_say_what_was_searched(desk) -> None:
    v = desk.verify("The moon is made of green cheese and nobody disputes it", "Someone")
    assert v.verdict == "not_found"
    assert v.citation is None
    assert v.trace is not None and v.trace.queries
    assert v.to_dict()["citation"] is None


def test_words_without_a_claimed_speaker_are_never_verified(desk) -> None:
    v = desk.verify("A cold war will go on.")
    assert v.verdict == "words_verified"
    assert v.speaker_check == "not_claimed"
    assert v.speaker == "Yury Tavrovsky"
    assert explain(v).startswith("Words verified, speaker not checked")
    review = to_claimreview(v)["reviewRating"]
    assert review["ratingValue"] < review["bestRating"]


def test_to_dict_has_exactly_the_documented_keys(desk) -> None:
    data = desk.verify("A cold war will go on.").to_dict()
    assert set(data) == {
        "verdict",
        "speaker_check",
        "speaker",
        "claimed_speaker",
        "similarity",
        "diff",
        "citation",
        "appearances",
        "elided",
    }
    assert data["appearances"][0]["published"].startswith("2021-12-16")


def test_claimreview_json_ld(desk) -> None:
    review = to_claimreview(desk.verify("a military confrontation is likely", "Bochkov"))
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "a military confrontation is likely"
    assert review["itemReviewed"]["author"]["name"] == "Bochkov"
    assert review["itemReviewed"]["firstAppearance"]["datePublished"].startswith("2021-12-16")
    rating = review["reviewRating"]
    assert rating["worstRating"] <= rating["ratingValue"] < rating["bestRating"]
    assert rating["alternateName"] == "Altered quote"


def test_quote_with_words_silently_left_out_is_altered(desk) -> None:
    v = desk.verify("The summit is very important for relations with the US", "Bochkov")
    assert v.verdict == "altered"
    assert ("delete", "as it happened at a crucial time") in [(d.op, d.source) for d in v.diff]
