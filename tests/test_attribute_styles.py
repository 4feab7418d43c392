"""Political reporting in the house styles of other outlets, one row of invented text each.

US wire style ("Sen. Ada Vance, R-Ohio"), newspaper honorifics ("Mr. Vance"), UK style
("the prime minister told MPs"), programme titles, posts, capitals speaking for their
governments. Each row: the quote holding ``fragment`` goes to ``speaker`` with ``kind``
(not checked when None) and, when ``opens`` is given, open with those words (the cue's
"in a statement", "on NBC's ..." are not what was said). No text here is taken from any article.
"""

from __future__ import annotations

import pytest
from test_attribute_constructions import quote_with

from ingest.attribute import attribute_text


def row(
    text: str,
    fragment: str,
    speaker: str,
    kind: str | None,
    *,
    id: str,
    opens: str = "",
    xfail: str = "",
):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, fragment, speaker, kind, opens, id=id, marks=marks)


ROWS = [
    # party-state abbreviations are neither the speaker nor part of the name
    row(
        'Republicans vowed to block the measure. "This bill is dead on arrival in the '
        'Senate," said Sen. Ada Vance, R-Ohio.',
        "dead on arrival",
        "Ada Vance",
        "direct",
        id="said_senator_party_state_after",
    ),
    row(
        "Rep. Tom Hale, D-Calif., said the budget deal would gut funding for wildfire "
        "prevention across the West.",
        "gut funding",
        "Tom Hale",
        "indirect",
        id="representative_party_state_before_said",
    ),
    # after a hyphenated surname the parser takes the tag for the subject, the name for
    # its modifier: the name before the tag speaks
    row(
        "Sen. Carla Ortiz-Bramwell, D-Tacoma, whose district includes the depot, said the "
        "late buses had to come back by spring.",
        "late buses",
        "Carla Ortiz-Bramwell",
        "indirect",
        id="party_state_after_a_hyphenated_surname",
    ),
    row(
        '"We will not be bullied into a bad deal," Rep. Tom Hale, D-Calif., said on Tuesday.',
        "bullied",
        "Tom Hale",
        "direct",
        id="trailing_cue_party_state_inside",
    ),
    row(
        '"This is a gift to the drug companies," said Sen. Ada Vance (R-Ohio).',
        "gift to the drug",
        "Ada Vance",
        "direct",
        id="party_state_in_brackets",
    ),
    row(
        '"The American people are tired of the gridlock," said Senate Majority Leader '
        "Tom Reyes, D-N.Y.",
        "tired of the gridlock",
        "Tom Reyes",
        "direct",
        id="long_title_and_party_state",
    ),
    row(
        'Rep. Carla Diaz, a Democrat from Texas, said the new maps "carve up communities '
        'that have voted together for decades."',
        "carve up communities",
        "Carla Diaz",
        "mixed",
        id="party_described_after_name",
    ),
    row(
        '"It was a good day for the country," said Rep. Tom Hale, a California Democrat.',
        "good day for the country",
        "Tom Hale",
        "direct",
        id="said_name_state_party_description",
    ),
    # briefings, statements, anonymous officials
    row(
        "White House press secretary Jo Park told reporters Tuesday that the president "
        "would veto any bill that cut veterans' benefits.",
        "veto any bill",
        "Jo Park",
        "indirect",
        id="press_secretary_told_reporters_weekday_that",
        opens="the president",
    ),
    row(
        'The State Department said in a statement that it was "deeply concerned" by the '
        "arrests of opposition leaders.",
        "deeply concerned",
        "The State Department",
        "mixed",
        id="department_said_in_a_statement_that",
        opens="it was",
    ),
    row(
        'The White House said in a statement that the president had "full confidence" in '
        "the envoy.",
        "full confidence",
        "The White House",
        "mixed",
        id="white_house_statement",
        opens="the president",
    ),
    row(
        '"We have been clear with them about the consequences," a senior administration '
        "official said, speaking on condition of anonymity to discuss private talks.",
        "clear with them",
        "a senior administration official",
        "direct",
        id="anonymous_official",
    ),
    row(
        "The vote could slip to next week, according to a senior Democratic aide.",
        "vote could slip",
        "a senior Democratic aide",
        "indirect",
        id="according_to_an_aide",
    ),
    row(
        '"Nobody wants to be the one to say it out loud," said one Republican senator, who '
        "asked not to be named.",
        "say it out loud",
        "one Republican senator",
        "direct",
        id="unnamed_senator_who_asked_not_to_be_named",
    ),
    # broadcasts, interviews, posts: the outlet or programme is not the speaker
    row(
        "Governor Lena Ortiz told CNN that the state would sue to stop the new rule within days.",
        "sue to stop",
        "Lena Ortiz",
        "indirect",
        id="told_a_network_that",
        opens="the state",
    ),
    row(
        'Sen. Marcus Bell said on NBC\'s "Meet the Press" that he would not support the '
        "nominee under any circumstances.",
        "not support the nominee",
        "Marcus Bell",
        "indirect",
        id="said_on_a_programme_in_quotes_that",
        opens="he would",
    ),
    row(
        '"I will not support this nominee, period," Sen. Marcus Bell said on NBC\'s "Meet '
        'the Press."',
        "period",
        "Marcus Bell",
        "direct",
        id="programme_title_after_trailing_cue",
    ),
    row(
        '"Nobody is shutting down the government on my watch," House Speaker Dan Kerr said '
        "on Fox News Sunday.",
        "shutting down",
        "Dan Kerr",
        "direct",
        id="said_on_a_sunday_show",
    ),
    row(
        '"We were never consulted, not once," state Sen. Mark Olsen told The Associated '
        "Press on Wednesday.",
        "never consulted",
        "Mark Olsen",
        "direct",
        id="told_a_wire_service",
    ),
    row(
        '"We are going to win this seat back, and it won\'t be close," Karen Voss said in an '
        "interview with The Times.",
        "win this seat back",
        "Karen Voss",
        "direct",
        id="said_in_an_interview_with_a_paper",
    ),
    row(
        "Attorney General Raj Mehta said at a news conference that his office had opened an "
        "investigation into the donations.",
        "opened an investigation",
        "Raj Mehta",
        "indirect",
        id="said_at_a_news_conference_that",
        opens="his office",
    ),
    row(
        'Former governor Dale Ruiz wrote on Twitter that the ruling was "a victory for every '
        'taxpayer in this state."',
        "victory for every taxpayer",
        "Dale Ruiz",
        "mixed",
        id="wrote_on_twitter_that",
        opens="the ruling",
    ),
    row(
        '"Shameful. The voters deserve better than this," Rep. Nia Cole posted on X shortly '
        "after the vote.",
        "voters deserve better",
        "Nia Cole",
        "direct",
        id="posted_on_x",
    ),
    row(
        "Mayor Ben Adler tweeted that the city would open three more cooling centres before "
        "the heat wave.",
        "cooling centres",
        "Ben Adler",
        "indirect",
        id="tweeted_that",
    ),
    row(
        'Rep. Nia Cole said in a post on X that the vote was "a betrayal of working families."',
        "betrayal of working",
        "Nia Cole",
        "mixed",
        id="said_in_a_post_that",
        opens="the vote",
    ),
    row(
        "The foreign secretary, Ian Crowe, told BBC Radio 4's Today programme that talks "
        "would resume after the summit.",
        "talks would resume",
        "Ian Crowe",
        "indirect",
        id="told_a_radio_programme_that",
        opens="talks would",
    ),
    row(
        "RIVERTON, Miss. (AP) — Mississippi Gov. Lena Ortiz on Thursday signed a law banning "
        'ranked-choice voting, calling it "confusing and unnecessary."',
        "confusing and unnecessary",
        "Lena Ortiz",
        None,
        id="wire_dateline_then_subject_calling_it",
    ),
    # weekdays after the verb
    row(
        "Gov. Lena Ortiz said Sunday that the National Guard would remain in the city "
        "through the weekend.",
        "National Guard",
        "Lena Ortiz",
        "indirect",
        id="said_weekday_that",
        opens="the National",
    ),
    row(
        '"The National Guard will remain as long as it is needed," Gov. Lena Ortiz said Sunday.',
        "long as it is needed",
        "Lena Ortiz",
        "direct",
        id="trailing_said_weekday",
    ),
    # honorifics and titles resolving to the full name given earlier
    row(
        "Senator Paul Vance of Ohio has opposed the treaty for months.\n\n"
        '"It gives away far too much and asks for nothing in return," Mr. Vance said.',
        "gives away far too much",
        "Paul Vance",
        "direct",
        id="mr_surname_later",
    ),
    row(
        "The mayor, Dana Whitfield, faces a recall vote next month.\n\n"
        "Critics say she mishandled the flood response.\n\n"
        '"I have nothing to apologize for," Ms. Whitfield said in an interview.',
        "nothing to apologize",
        "Dana Whitfield",
        "direct",
        id="ms_surname_two_paragraphs_later",
    ),
    row(
        'Sen. Ada Vance, R-Ohio, voted against the bill.\n\n"It is a bad deal," Sen. Vance said.',
        "bad deal",
        "Ada Vance",
        "direct",
        id="abbreviated_title_and_surname_later",
    ),
    row(
        "Sen. Ada Vance spent the weekend in her home state.\n\n"
        '"People here want lower prices, not more speeches," the senator said.',
        "lower prices",
        "Ada Vance",
        "direct",
        id="the_senator_after_sen",
    ),
    row(
        "Rep. Nia Cole introduced the measure last spring.\n\n"
        '"It is long past time," the congresswoman said.',
        "long past time",
        "Nia Cole",
        "direct",
        id="the_congresswoman_after_rep",
    ),
    row(
        "Gov. Lena Ortiz signed the order on Friday.\n\n"
        '"We will not wait for Washington to act," the governor said.',
        "wait for Washington",
        "Lena Ortiz",
        "direct",
        id="the_governor_after_gov",
    ),
    row(
        "Rep. Tom Hale, D-Calif., has pushed the bill for years.\n\n"
        '"It is about basic fairness," the lawmaker said.',
        "basic fairness",
        "Tom Hale",
        "direct",
        id="the_lawmaker_after_rep",
    ),
    row(
        "Sen. Ada Vance, R-Ohio, has long opposed the measure.\n\n"
        '"It will raise costs for every family," the Ohio Republican said.',
        "raise costs",
        "Ada Vance",
        "direct",
        id="the_state_party_description",
    ),
    row(
        "President Alma Reyes arrived in Berlin on Monday.\n\n"
        '"Our alliance has never been stronger," the president said.',
        "never been stronger",
        "Alma Reyes",
        "direct",
        id="the_president_later",
    ),
    row(
        "House Speaker Dan Kerr met with the president on Monday.\n\n"
        '"We had a good conversation," the speaker said.',
        "good conversation",
        "Dan Kerr",
        "direct",
        id="the_speaker_after_capitalised_title_unparsed",
    ),
    row(
        "Secretary of State Alan Brooks arrived in Brussels on Monday.\n\n"
        '"We are united as never before," the secretary said.',
        "united as never",
        "Alan Brooks",
        "direct",
        id="the_secretary_later",
    ),
    row(
        'Sen. Marcus Bell, D-Ga., said Democrats had been "far too patient."\n\n'
        "He said the party would block every nominee until the funds were released.",
        "block every nominee",
        "Marcus Bell",
        "indirect",
        id="he_said_next_paragraph_after_senator",
    ),
    row(
        "Senator Paul Vance and Representative Gina Torres sparred over the bill on Sunday."
        '\n\n"This is reckless," Mr. Vance said. Ms. Torres said the senator was '
        '"fearmongering" and had not read the text.',
        "fearmongering",
        "Gina Torres",
        "mixed",
        id="ms_surname_of_a_name_the_ner_missed_after_a_title",
        xfail="the NER misses 'Gina Torres' after 'Representative': only 'Torres' is known",
    ),
    row(
        "Representative Gina Torres met donors in Miami on Sunday.\n\n"
        '"We are going to flip this district," the congresswoman said.',
        "flip this district",
        "Gina Torres",
        "direct",
        id="the_congresswoman_after_representative",
    ),
    row(
        "Democratic state Rep. Carl Weeks voted against the bill on Tuesday.\n\n"
        '"Nobody in my district asked for this," Weeks said in a phone interview.',
        "Nobody in my district",
        "Carl Weeks",
        "direct",
        id="surname_the_tagger_reads_as_a_date",
    ),
    # UK style
    row(
        "Prime Minister Helen Marsh defended the plan in the Commons.\n\n"
        '"We will not mend the roads by shutting the libraries," the prime minister '
        "told MPs.",
        "shutting the libraries",
        "Helen Marsh",
        "direct",
        id="the_prime_minister_told_mps",
    ),
    row(
        '"This budget is a con trick on working families," Labour\'s shadow chancellor, '
        "Ruth Gale, said.",
        "con trick",
        "Ruth Gale",
        "direct",
        id="party_possessive_shadow_title",
    ),
    row(
        '"The prime minister has full confidence in the home secretary," a Downing Street '
        "spokesperson said.",
        "full confidence",
        "a Downing Street spokesperson",
        "direct",
        id="downing_street_spokesperson",
    ),
    row(
        '"Our constituents are sick of being ignored," said Tom Birch, the Tory MP for Eastfield.',
        "sick of being ignored",
        "Tom Birch",
        "direct",
        id="said_name_tory_mp_for",
    ),
    row(
        'Tom Birch, the Conservative MP for Eastfield, said the closure was "a hammer blow" '
        "for the town.",
        "hammer blow",
        "Tom Birch",
        "mixed",
        id="name_mp_for_said_mixed",
    ),
    row(
        'Number 10 said the prime minister had been "kept informed" throughout the talks.',
        "kept informed",
        "Number 10",
        "mixed",
        id="number_10_said",
    ),
    row(
        'The chancellor, Rishi Bhatt, told the BBC that taxes would "have to rise" to fund '
        "the health service.",
        "have to rise",
        "Rishi Bhatt",
        "mixed",
        id="title_comma_name_told_the_bbc",
        opens="taxes",
    ),
    row(
        "Tom Birch, the Conservative MP for Eastfield, has campaigned against the closure."
        '\n\n"It is a disgrace," the Tory MP said.',
        "a disgrace",
        "Tom Birch",
        "direct",
        id="the_tory_mp_is_a_description_not_a_name",
    ),
    row(
        "The home secretary, Priya Nandy, faced questions on Monday.\n\n"
        '"We are taking back control," the home secretary said.',
        "taking back control",
        "Priya Nandy",
        "direct",
        id="the_home_secretary_later",
    ),
    row(
        'State media quoted the foreign minister as saying the country would "respond '
        'firmly" to any provocation.',
        "respond firmly",
        "the foreign minister",
        "mixed",
        id="media_quoted_someone_as_saying",
    ),
    row(
        "Speaking on BBC Breakfast, the health secretary, Mark Dyer, said nurses would get "
        '"a fair deal."',
        "a fair deal",
        "Mark Dyer",
        "mixed",
        id="speaking_on_a_programme_title_comma_name_said",
        opens="nurses",
    ),
    row(
        'The MP for Northfield, Amira Khan, said constituents had been "left in the dark" '
        "for weeks.",
        "left in the dark",
        "Amira Khan",
        "mixed",
        id="the_mp_for_place_comma_name_said",
    ),
    row(
        'Sources close to the chancellor said she was "relaxed" about the forecasts.',
        "relaxed",
        "Sources close to the chancellor",
        "mixed",
        id="sources_close_to",
    ),
    row(
        "'We will not be lectured by the party that crashed the economy,' the prime minister said.",
        "will not be lectured",
        "the prime minister",
        "direct",
        id="british_single_marks_unnamed_prime_minister",
    ),
    row(
        "Sen. Ada Vance, R-Ohio, has pushed back.\n\n"
        '"It is a terrible idea," the GOP senator said.',
        "terrible idea",
        "Ada Vance",
        "direct",
        id="the_gop_senator_later",
    ),
    row(
        "The Conservative MP for Eastfield, Tom Birch, broke ranks on Wednesday, telling Sky "
        'News that the party should "stop pretending everything is fine".',
        "stop pretending",
        "Tom Birch",
        "mixed",
        id="telling_a_channel_that_the_channel_listens",
    ),
    # spokespeople: who speaks is the one named at the cue
    row(
        '"The senator has no plans to resign," Vance\'s spokesman, Eli Ward, said in an email.',
        "no plans to resign",
        "Eli Ward",
        "direct",
        id="possessive_spokesman_named",
    ),
    row(
        '"The senator has always paid his taxes in full," said Eli Ward, a spokesman for '
        "Mr. Vance.",
        "paid his taxes",
        "Eli Ward",
        "direct",
        id="said_name_spokesman_for",
    ),
    row(
        'Senator Paul Vance, through a spokesman, said he had "no intention of stepping aside."',
        "no intention",
        "Paul Vance",
        None,
        id="through_a_spokesman",
    ),
    row(
        '"We will subpoena every document if we have to," said Rep. Linda Shore, who chairs '
        "the oversight committee.",
        "subpoena every document",
        "Linda Shore",
        "direct",
        id="said_name_who_chairs",
    ),
    # organisations, campaigns and capitals
    row(
        'Vance\'s campaign said in a statement that the advertisement was "false and defamatory."',
        "false and defamatory",
        "Vance's campaign",
        "mixed",
        id="campaign_said_in_a_statement",
        opens="the advertisement",
    ),
    row(
        "The Kremlin said on Monday that it had no plans to withdraw its troops from the "
        "border region.",
        "no plans to withdraw",
        "Kremlin",
        "indirect",
        id="the_kremlin_said",
        opens="it had",
    ),
    row(
        "Moscow said the sanctions were illegal and would only hurt ordinary Europeans.",
        "sanctions were illegal",
        "Moscow",
        "indirect",
        id="capital_for_government",
    ),
    row(
        '"The attack targeted civilians sleeping in their homes," Kyiv said in a statement.',
        "civilians sleeping",
        "Kyiv",
        "direct",
        id="capital_said_in_a_statement",
    ),
    row(
        "The Pentagon said Thursday that two more warships would be sent to the region.",
        "two more warships",
        "Pentagon",
        "indirect",
        id="pentagon_said_weekday_that",
        opens="two more",
    ),
    # a rural municipality's head ("reeve") set off after a name is tagged a present verb
    row(
        "Bea Lund, reeve of the municipality, said the ferry would stop running in October.",
        "ferry",
        "Bea Lund",
        "indirect",
        id="reeve_set_off_after_a_name",
    ),
    row(
        "Library board chair Nina Holt, reeve of the County of Elmsdale, said the branch "
        "would open on Sundays.",
        "branch",
        "Nina Holt",
        "indirect",
        id="reeve_set_off_after_a_titled_name",
        opens="the branch",
    ),
    # a present verb inserted with its own subject is the writer's aside, not a role
    row(
        "Ola Berg, I think, said the grader would be sold in June.",
        "grader",
        "Ola Berg",
        "indirect",
        id="aside_set_off_after_a_name",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "kind", "opens"), ROWS)
def test_house_style(text: str, fragment: str, speaker: str, kind: str | None, opens: str) -> None:
    q = quote_with(text, fragment)
    assert q.text.startswith(opens)
    assert q.speaker == speaker
    if kind is not None:
        assert q.kind == kind


NOT_SPEECH = [
    pytest.param(
        "Rep. Gina Torres, a Democrat from Florida who wrote the House version, said she "
        "had spoken with the senator on Monday night.",
        "the House version",
        id="relative_clause_wrote_a_thing",
    ),
    pytest.param(
        "Sen. Tom Reyes, who confirmed the nomination of three judges last year, said the "
        "court needed more money.",
        "three judges",
        id="relative_clause_confirmed_a_thing",
    ),
]


@pytest.mark.parametrize(("text", "words"), NOT_SPEECH)
def test_a_speech_verb_naming_a_thing_reports_nothing(text: str, words: str) -> None:
    """ "who wrote the House version": the object of a speech verb is no quotation."""
    assert not [q for q in attribute_text(text) if words in q.text]
