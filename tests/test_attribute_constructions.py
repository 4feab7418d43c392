"""Speech constructions news writes in many shapes, one row of invented text each.

Each row names its construction: the quote holding ``fragment`` must be attributed to
``speaker`` and, when ``words`` is given, be exactly those words of the text. A speaker
the article never ties to a name (None, or a description as written) is marked unresolved.
"""

from __future__ import annotations

import pytest

from ingest.attribute import attribute_text
from ingest.attribute.patterns import CONSTRUCTIONS
from quotedesk.models import Quote


def quote_with(text: str, fragment: str) -> Quote:
    found = attribute_text(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    hits = [q for q in found if fragment in q.text]
    assert hits, f"no quote containing {fragment!r} in {[q.text for q in found]}"
    return hits[0]


def case(
    text: str,
    fragment: str,
    speaker: str | None,
    words: str | None = None,
    *,
    id: str,
    resolved: bool = True,
):
    return pytest.param(text, fragment, speaker, words, resolved and speaker is not None, id=id)


CASES = [
    # 2. a cue interrupting the reported words: both sides are the speaker's
    case(
        "Chancellor Greta Lindqvist presented the budget on Monday.\n\n"
        "The real problem, the chancellor said, is elsewhere.",
        "elsewhere",
        "Greta Lindqvist",
        "is elsewhere.",
        id="description_cue_between_subject_and_verb",
    ),
    case(
        "The harbour will be dredged next spring, Ana Ruiz said, and the ferries will run "
        "again by June.",
        "ferries will run",
        "Ana Ruiz",
        "the ferries will run again by June.",
        id="named_cue_between_two_clauses_joined_by_and",
    ),
    case(
        "Grape grower Tomas Vidal inspected his fields on Sunday.\n\n"
        "Most of the vines survived the frost, the grower told reporters, but the harvest "
        "will be small.",
        "harvest will be small",
        "Tomas Vidal",
        "the harvest will be small.",
        id="cue_with_a_listener_between_two_clauses_joined_by_but",
    ),
    # 3. a quotation set beside a name by dashes or a bracket is that name's
    case(
        'Several people spoke at the meeting, including Tomas Berg -- "we cannot keep '
        'paying for a bridge nobody uses" -- before the council voted.',
        "bridge nobody uses",
        "Tomas Berg",
        "we cannot keep paying for a bridge nobody uses",
        id="name_then_quote_between_double_hyphens",
    ),
    case(
        "The mayor listened as critics, among them Pavel Novak \u2014 \u201cthe numbers simply "
        "do not add up\u201d \u2014 took the microphone.",
        "do not add up",
        "Pavel Novak",
        id="name_then_quote_between_dashes_not_the_sentence_subject",
    ),
    case(
        'Residents packed the hall, and the loudest of them (Maria Olsen: "this plan ignores '
        'every family on the east side") got a standing ovation.',
        "east side",
        "Maria Olsen",
        id="name_and_quote_in_brackets",
    ),
    # 4. the reported clause runs to its end; a verb inside it attributes nothing
    case(
        "Omar Haddad said he cannot comment because he has not seen the contract.",
        "has not seen",
        "Omar Haddad",
        "he cannot comment because he has not seen the contract",
        id="content_holding_a_speech_verb_with_a_pronoun_subject",
    ),
    case(
        "Lucia Ferraro said the advertisement suggests that the product cures colds.",
        "cures colds",
        "Lucia Ferraro",
        "the advertisement suggests that the product cures colds",
        id="content_whose_subject_suggests_something",
    ),
    # 5. a colon lead-in: the quoted words only, spoken by the lead-in's subject
    case(
        'Ingrid Solberg, a retired ferry captain, was blunt: "Nobody asked the crews what '
        'they think," she said.',
        "Nobody asked",
        "Ingrid Solberg",
        "Nobody asked the crews what they think",
        id="lead_in_with_description_and_a_trailing_cue",
    ),
    # a bare name labelling a turn, as a hearing is written up: the NER took it for a title
    case(
        'The inquiry sat late.\n\nOla Berg: "The ledger was kept in pencil." Ivo Kral: "I '
        'never saw a ledger."',
        "never saw",
        "Ivo Kral",
        id="lead_in_a_bare_name_labelling_a_turn",
    ),
    case(
        'Rafael Ortiz put it plainly: "We are out of money and out of time."',
        "out of money",
        "Rafael Ortiz",
        id="lead_in_without_a_verb_of_saying",
    ),
    case(
        "Opposition critic Tom Reeve said the plan came two years too late.\n\n"
        "Asked whether a freeze would scare off the investors Halifax is courting, Mr. Reeve "
        'was unmoved: "If they are scared of that, they were never partners worth having."',
        "never partners",
        "Tom Reeve",
        id="lead_in_read_as_a_passive_past_a_name_in_the_asked_clause",
    ),
    case(
        'Karin Holm summed up: "The season was a disaster for every farm in the valley."',
        "disaster",
        "Karin Holm",
        id="lead_in_summed_up",
    ),
    case(
        "Jonas Weber often teases him about the old car, but Lena Brandt put it plainly: "
        '"That car will outlive us all."',
        "outlive us all",
        "Lena Brandt",
        id="lead_in_naming_two_people_is_the_last_clauses_subject",
    ),
    # 9. an organisation speaks through its statements and filings
    case(
        "Northwind Air cancelled two hundred flights on Monday.\n\n"
        "The airline released a statement saying all flights would resume on Tuesday.",
        "resume on Tuesday",
        "Northwind Air",
        "all flights would resume on Tuesday",
        id="organisation_releases_a_statement_saying",
    ),
    # whoever reads a statement out speaks it
    case(
        "Tom Baker stood beside her on the courthouse steps. Ana Ruiz read a statement saying "
        "the company would appeal the ruling.",
        "appeal the ruling",
        "Ana Ruiz",
        "the company would appeal the ruling",
        id="speaker_reads_a_statement_saying",
    ),
    case(
        "Gov. Tom Baker delivered a short message saying the vote would go ahead.",
        "vote would go ahead",
        "Tom Baker",
        "the vote would go ahead",
        id="speaker_delivers_a_message_saying",
    ),
    # a document whose words follow a colon is its issuer's ("It read:" stays a sign's)
    case(
        'Tom Baker spoke first. A statement from Northwind Air read: "We will appeal this ruling."',
        "appeal this ruling",
        "Northwind Air",
        id="document_read_before_a_colon",
    ),
    case(
        "Halvorsen Mining reported a loss for the year.\n\n"
        "The company said in a filing that it would close two mines next year.",
        "close two mines",
        "Halvorsen Mining",
        id="company_named_like_a_person_by_the_ner_says_in_a_filing",
    ),
    # 6. a role noun before a name is the title, the name the speaker
    case(
        "The fault line has been quiet for decades, said geologist Ana Ruiz.",
        "quiet for decades",
        "Ana Ruiz",
        id="inverted_cue_role_noun_then_name",
    ),
    case(
        "According to economist Tomas Berg, prices will keep rising through the winter.",
        "keep rising",
        "Tomas Berg",
        id="according_to_role_noun_then_name",
    ),
    case(
        "The bank's chief economist Hannah Keller said rates would stay high until next year.",
        "stay high",
        "Hannah Keller",
        id="possessive_role_then_name",
    ),
    # 7. he/she: the nearest compatible person, gender from honorifics and role nouns
    case(
        "Councillor Maria Olsen spoke first. Then Mr. Peter Vance took the floor for twenty "
        "minutes.\n\nShe said the budget ignores the east side.",
        "east side",
        "Maria Olsen",
        id="she_skips_a_man_named_later_by_an_honorific_outside_the_name",
    ),
    case(
        "Grandmother Rosa Diaz has lived on the street for fifty years. Her neighbour Karl "
        "Olsen moved in last spring.\n\nShe said the noise began in June.",
        "noise began",
        "Rosa Diaz",
        id="role_noun_the_ner_took_into_the_name_gives_gender_not_name",
    ),
    case(
        "Dana Whitfield founded Zelnik in 2010.\n\nThe Zelnik Phone 5 sold well in Ottawa.\n\n"
        "She said the next model would ship in May.",
        "ship in May",
        "Dana Whitfield",
        id="she_skips_a_company_a_product_and_a_place",
    ),
    # 7. a bare pronoun is resolved or left unresolved, never stored as a name
    case(
        "The river rose two metres overnight.\n\nHe said the town must build a higher wall.",
        "higher wall",
        None,
        id="pronoun_with_no_person_before_it_is_unresolved",
    ),
    # 8. a description means the person the article gave that role, however far back
    case(
        "Museum director Sofia Reyes opened the new wing on Friday.\n\n"
        "The exhibition has drawn large crowds.\n\nVisitors came from all over the region.\n\n"
        "The director said the museum will stay open late on Thursdays.",
        "open late",
        "Sofia Reyes",
        id="description_resolved_to_a_role_given_paragraphs_before",
    ),
    # 8. a description nobody in the article carries stays as written, unresolved
    case(
        "The scientist said the samples were spoiled before they reached the lab.",
        "samples were spoiled",
        "The scientist",
        resolved=False,
        id="description_never_named_is_unresolved",
    ),
    # an initialism's period ("a.m.", "U.S.") before a word that opens sentences ends one:
    # the source after the next sentence is not the previous sentence's too
    case(
        "The ferry company cancelled the first sailing at 6 a.m. By noon, three more "
        "crossings had been called off, according to harbour master Ines Duarte.",
        "three more crossings",
        "Ines Duarte",
        "By noon, three more crossings had been called off",
        id="a_sentence_after_an_initialisms_period_is_its_own",
    ),
    # a riding in brackets after a surname is no part of the name, however the NER ran on
    case(
        "Employment Minister Claire Vautrin-Hale opened the job fair on Monday. "
        "Vautrin-Hale (Beauport, Que.) said the apprenticeship program would continue.",
        "apprenticeship program",
        "Claire Vautrin-Hale",
        id="a_bracket_after_a_surname_ends_the_name",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "words", "resolved"), CASES)
def test_construction(
    text: str, fragment: str, speaker: str | None, words: str | None, resolved: bool
) -> None:
    quote = quote_with(text, fragment)
    assert quote.speaker == speaker
    assert quote.speaker_resolved == resolved
    if words is not None:
        assert quote.text == words


def pattern_case(
    name: str, text: str, fragment: str, speaker: str, words: str | None = None, *, id: str = ""
):
    return pytest.param(name, text, fragment, speaker, words, id=id or name)


# The cue constructions of ingest/attribute/patterns.py, by the name each has there.
CUE_PATTERNS = [
    # with no "that", the parser reads the cue as an adjective of the reported subject
    pattern_case(
        "cue_read_as_modifier",
        "Mira Holt rents out two flats. The 41-year-old said rents had doubled since spring.",
        "rents had doubled",
        "Mira Holt",
        "rents had doubled since spring.",
        id="cue_read_as_modifier_after_an_age",
    ),
    pattern_case(
        "cue_read_as_modifier",
        "Okafor, 52, conceded turnout was lower than expected.",
        "turnout",
        "Okafor",
        "turnout was lower than expected.",
        id="cue_read_as_modifier_after_a_set_off_description",
    ),
    pattern_case(
        "cue_read_as_modifier",
        "Tomas Berg, who rowed the whole second leg, acknowledged nerves had been a problem, "
        "but he insisted they would not be on Sunday.",
        "nerves",
        "Tomas Berg",
        "nerves had been a problem",
        id="cue_read_as_modifier_after_a_relative_clause",
    ),
    pattern_case(
        "according_to",
        "According to Pavel Novak, the mine will reopen next year.",
        "mine will reopen",
        "Pavel Novak",
        "the mine will reopen next year.",
    ),
    # reported words end in ", <speaker> said." and the parser takes one of their nouns
    # for the subject
    pattern_case(
        "trailing_cue",
        "Lind left for the mainland on a night ferry on Tuesday accompanied by his wife, Mara "
        "Olin, and senior port officials, including Ivo Brandt, a veteran pilot, the island's "
        "radio network said.",
        "night ferry",
        "the island's radio network",
    ),
    # the parser takes the name after the verb for its object
    pattern_case(
        "inverted_cue",
        "Taxes should fall for the smallest farms, countered Bellucci.",
        "smallest farms",
        "Bellucci",
        "Taxes should fall for the smallest farms",
    ),
    # a cue written verb first, set off by commas inside the words it reports, however the
    # parser hung the words around it
    pattern_case(
        "set_off_inverted_cue",
        "The ferry, insists 19-year-old Lina Park, is the only way off the island.",
        "only way off",
        "Lina Park",
        "is the only way off the island.",
        id="inverted_cue_set_off_with_an_age",
    ),
    pattern_case(
        "set_off_inverted_cue",
        "The walkout, said union steward Pavel Marek, could last weeks.",
        "walkout",
        "Pavel Marek",
        "The walkout",
        id="inverted_cue_set_off_with_a_lower_case_role",
    ),
    pattern_case(
        "set_off_inverted_cue",
        "The new library, says Coun. Rosa Vidal, the chair of the works committee, will open "
        "in April.",
        "open in April",
        "Rosa Vidal",
        "will open in April.",
        id="inverted_cue_set_off_with_an_apposition",
    ),
    pattern_case(
        "set_off_inverted_cue",
        "Treasurer Omar Haddad presented the accounts.\n\nThe ballot, argued the treasurer, "
        "was rigged from the start.",
        "rigged from the start",
        "Omar Haddad",
        "was rigged from the start.",
        id="inverted_cue_set_off_with_a_description",
    ),
    pattern_case(
        "set_off_inverted_cue",
        "The bakery, says Nils Berg, who has baked there since 1990, will close after the "
        "harvest fair.",
        "harvest fair",
        "Nils Berg",
        "will close after the harvest fair.",
        id="inverted_cue_set_off_with_a_relative_clause",
    ),
    pattern_case(
        "verb_and_subject",
        "Ana Ruiz, the harbour master, said the pier will close in March.",
        "pier will close",
        "Ana Ruiz",
        "the pier will close in March",
    ),
    # a verb of saying only with its particle, here set off inside what it reports
    pattern_case(
        "phrasal_cue",
        "It was on the governor's watch, Senator Ada Voss said, that the deficit doubled. And "
        "it was on his watch, Voss went on, that the state lost its credit rating.",
        "credit rating",
        "Ada Voss",
        "the state lost its credit rating.",
    ),
    pattern_case(
        "phrasal_cue",
        "Priya Lal, the shadow chancellor, shot back that the figures were out of date.",
        "out of date",
        "Priya Lal",
        "the figures were out of date",
        id="phrasal_cue_shot_back_that",
    ),
    pattern_case(
        "phrasal_cue",
        "Tom Baker attacked the budget. Governor Ana Lee shot back on Twitter that the "
        "numbers were fine.",
        "numbers were fine",
        "Ana Lee",
        "the numbers were fine",
        id="phrasal_cue_with_a_phrase_before_that",
    ),
    pattern_case(
        "phrasal_cue",
        "Tom Baker attacked the budget. Priya Lal hit back at her critics that the numbers "
        "were fine.",
        "numbers were fine",
        "Priya Lal",
        "the numbers were fine",
        id="phrasal_cue_hit_back_at_critics_that",
    ),
    # "put" is no verb of saying, but "as X put it" names who said the rest
    pattern_case(
        "as_put_it",
        "As Gov. Lena Ortiz put it on Tuesday, the state cannot borrow its way out of the hole.",
        "borrow its way",
        "Lena Ortiz",
        "the state cannot borrow its way out of the hole.",
    ),
    pattern_case(
        "as_put_it",
        "Westminster is not listening, as the first minister, Moira Kerr, put it, and voters "
        "know it.",
        "not listening",
        "Moira Kerr",
        "Westminster is not listening",
        id="as_put_it_set_off_inside_the_sentence",
    ),
    pattern_case(
        "in_words",
        "Mark Dyer led the talks for the nurses' union. In his words, the offer would leave "
        "nurses worse off than before.",
        "worse off",
        "Mark Dyer",
        "the offer would leave nurses worse off than before.",
    ),
    pattern_case(
        "in_words",
        "The merger, in the words of Commissioner Hal Brandt, would leave shoppers with nowhere "
        "else to go.",
        "nowhere else",
        "Hal Brandt",
        "would leave shoppers with nowhere else to go.",
        id="in_the_words_of_set_off_inside_the_sentence",
    ),
    # the parser hangs the name on the verb as an adverb: no subject arc
    pattern_case(
        "name_before",
        "Still, Dimbly said rot spread quickly among the young vines.",
        "rot spread",
        "Dimbly",
    ),
    # after a closing mark, where the tagger reads "notes" as a noun
    pattern_case(
        "name_then_cue",
        '"The bridge was a mistake from the start," Okonkwo notes.',
        "bridge was a mistake",
        "Okonkwo",
        "The bridge was a mistake from the start",
    ),
    pattern_case(
        "name_then_cue",
        '"Then the rain came and the roads washed out," Ana Ruiz, the ferry '
        "operator's chief pilot, continued.",
        "roads washed out",
        "Ana Ruiz",
        id="name_then_cue_with_a_description_between_commas",
    ),
    # "continue" introduces a quotation only right after one
    pattern_case(
        "cue_then_name",
        '"And the school will have to wait another year," continued Haddad.',
        "school will have",
        "Haddad",
    ),
    # a phrasal cue inverted after the quotation
    pattern_case(
        "cue_then_name",
        'Governor Ana Lee defended the plan. "The numbers do not add up," shot back Tom Baker.',
        "numbers do not",
        "Tom Baker",
        id="phrasal_cue_then_name",
    ),
    # a title in lower case before the name, which the parser takes for the verb's object
    pattern_case(
        "cue_then_name",
        'Mayor Jane Holt spoke first.\n\n"Is that legal?" asked defence lawyer Mark Evans.',
        "Is that legal",
        "Mark Evans",
    ),
    pattern_case(
        "cue_then_name",
        '"Is it?" asked councillor Rob Lin. "Then explain the deficit to us."',
        "Is it",
        "Rob Lin",
    ),
    # "was how X put it" looking back on the quotation before it, in its sentence or the next
    pattern_case(
        "how_put_it",
        'Tom Baker opened the hearing. "We are done waiting for the province," was how Ana '
        "Ruiz put it.",
        "done waiting",
        "Ana Ruiz",
        "We are done waiting for the province",
    ),
    pattern_case(
        "how_put_it",
        'Tom Baker opened the hearing. "The bill is dead on arrival." That is how the British '
        "home secretary, Jane Hale, put it on Monday.",
        "dead on arrival",
        "Jane Hale",
        id="how_put_it_in_the_next_sentence_with_a_title",
    ),
    # a noun for the quotation naming its owner after it: "came the reply from", "was the
    # verdict of", in its sentence or the next; without it the asker or the last speaker
    pattern_case(
        "whose_words",
        'Nadia Brook asked whether the orchard would be sold. "Only over my dead body," came '
        "the reply from its owner, Piet Vos.",
        "dead body",
        "Piet Vos",
        id="came_the_reply_from_a_name_beside_a_title",
    ),
    pattern_case(
        "whose_words",
        'Nadia Brook opened the tasting. "The cider is too sweet," she said. "It needs '
        'another winter." Those were the words of judge Piet Vos.',
        "another winter",
        "Piet Vos",
        id="were_the_words_of_in_the_next_sentence",
    ),
    # a lead-in ending its paragraph: the quotation is the next paragraph, and without the
    # lead-in the bare quotation would carry on the last speaker
    pattern_case(
        "lead_in",
        'Lena Park spoke first. "We are here to listen to everyone tonight," Park said. '
        "Then the chair turned to Omar Haddad, the harbour engineer. What did the engineer "
        'say?\n\n"The bridge will stay closed until the repairs have finished."',
        "bridge will stay closed",
        "Omar Haddad",
        "The bridge will stay closed until the repairs have finished.",
    ),
    # a dash signing the quotation on the line after it, with a title
    pattern_case(
        "signature",
        "Tom Ruiz chaired the meeting.\n\n"
        '"We will paint every bench on the promenade before the festival."\n'
        "\u2014 Mira Okafor, head of the parks board",
        "paint every bench",
        "Mira Okafor",
        "We will paint every bench on the promenade before the festival.",
    ),
    # on the same line, the bar glued to the closing mark (one token with it and the name)
    pattern_case(
        "signature",
        '"We will paint every bench on the promenade."\u2015Mira Okafor',
        "paint every bench",
        "Mira Okafor",
        id="signature_glued_to_the_mark",
    ),
]


@pytest.mark.parametrize(("name", "text", "fragment", "speaker", "words"), CUE_PATTERNS)
def test_cue_pattern(name: str, text: str, fragment: str, speaker: str, words: str | None) -> None:
    quote = quote_with(text, fragment)
    assert (quote.speaker, quote.cue is not None) == (speaker, True)
    if words is not None:
        assert quote.text == words


@pytest.mark.parametrize(("name", "text", "fragment", "speaker", "words"), CUE_PATTERNS)
def test_a_cue_pattern_switched_off_loses_its_row(
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    text: str,
    fragment: str,
    speaker: str,
    words: str | None,
) -> None:
    monkeypatch.delitem(CONSTRUCTIONS, name)
    found = [q for q in attribute_text(text) if fragment in q.text]
    assert not found or found[0].speaker != speaker


@pytest.mark.parametrize(
    "text",
    [
        "The tide tables are out of date, said Rosa Vidal, a harbour pilot who has worked "
        "the estuary since 1999.",
        "The levy is fair, said Rosa Vidal, a harbour pilot on the northern estuary.",
    ],
    ids=["description_with_a_relative_clause", "description_ending_the_sentence"],
)
def test_a_description_after_an_inverted_cue_is_no_reported_words(text: str) -> None:
    """A description set off after the name to the end of the sentence is no second side
    of the reported words: one quotation, the words before the cue."""
    quotes = attribute_text(text)
    assert [(q.text, q.speaker) for q in quotes] == [(text.split(", said")[0], "Rosa Vidal")]


def test_a_pronoun_reaching_into_an_earlier_paragraph_is_below_the_sure_line():
    near = "Maria Olsen runs the bakery on the corner. She said business has never been better."
    far = (
        "Maria Olsen runs the bakery on the corner.\n\nThe shop opened in 1998.\n\n"
        "She said business has never been better."
    )
    sure, unsure = quote_with(near, "never been"), quote_with(far, "never been")
    assert sure.speaker == unsure.speaker == "Maria Olsen"
    assert sure.confidence >= 0.8 > unsure.confidence
