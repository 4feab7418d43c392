"""How political reporting writes speech: mixed quotes, indirect speech, its verbs.

Invented sentences in the house styles of US and UK wire services and newspapers. Each
row: the quote holding ``fragment`` must be attributed to ``speaker``, be of ``kind``
(direct, mixed or indirect) and, when ``words`` is given, be exactly those words: the
reported words, neither the cue nor the narration after them.
"""

from __future__ import annotations

import pytest
from test_attribute_constructions import quote_with

from ingest.attribute import attribute_text
from quotedesk.models import SPEAKER_CERTAIN


def case(
    text: str,
    fragment: str,
    speaker: str | None,
    kind: str,
    words: str | None = None,
    *,
    id: str,
    xfail: str | None = None,
):
    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(text, fragment, speaker, kind, words, id=id, marks=marks)


# GGT never counts "signalled that" as speech: the verb made 3 quotes on its tuning part
# that the gold does not hold, and found none it does
_SIGNAL = "'signal' is not a cue verb: it cost GGT precision"

CASES = [
    # --- a quoted phrase inside the reporter's sentence: one mixed quote, or the phrase
    # the verb takes as its object's description
    case(
        'Senator Maria Delgado called the bill "a disgrace to this chamber."',
        "disgrace",
        "Maria Delgado",
        "direct",
        "a disgrace to this chamber.",
        id="called_the_bill_a_quoted_verdict",
    ),
    case(
        'The party\'s leader, Mina Sato, called the result "a wake-up call" for the government.',
        "wake-up call",
        "Mina Sato",
        "direct",
        "a wake-up call",
        id="called_the_object_a_quoted_phrase_then_narration",
    ),
    case(
        'Gov. Tom Harlan described the deal as "deeply flawed" and said he would not sign it.',
        "deeply flawed",
        "Tom Harlan",
        "mixed",
        'the deal as "deeply flawed"',
        id="described_as_a_quoted_phrase",
    ),
    # the words after the closing mark stay in the judgement; a comma there ends it
    case(
        'Ruiz described the season as "the worst in memory" for families on the islands, '
        "a view the board shares.",
        "worst in memory",
        "Ruiz",
        "mixed",
        'the season as "the worst in memory" for families on the islands',
        id="described_the_object_as_a_quotation_and_its_phrase",
    ),
    case(
        'President Frank Dorsey dismissed the report as "fake news" on Tuesday.',
        "fake news",
        "Frank Dorsey",
        "mixed",
        'the report as "fake news"',
        id="dismissed_as_a_quoted_phrase",
    ),
    # the parse ends the reported clause on the opening mark after its comma: the
    # quotation goes on with the clause, one mixed quote (the clause had been dropped)
    case(
        "Ines Varga said the timetable was late, \u201cbut we will fix it by spring.\u201d",
        "fix it by spring",
        "Ines Varga",
        "mixed",
        "the timetable was late, \u201cbut we will fix it by spring.\u201d",
        id="reported_clause_ending_on_the_opening_mark",
    ),
    case(
        'Speaker Joe Malone accused Democrats of "playing politics with people\'s paychecks."',
        "playing politics",
        "Joe Malone",
        "direct",
        id="accused_someone_of_a_quoted_charge",
    ),
    case(
        'The Conservative MP Nadia Frost branded the policy "an act of economic self-harm."',
        "self-harm",
        "Nadia Frost",
        "direct",
        id="branded_the_policy_a_quoted_verdict",
    ),
    case(
        'Senator Cole Barrett slammed the proposal as "a giveaway to Wall Street."',
        "giveaway",
        "Cole Barrett",
        "mixed",
        'the proposal as "a giveaway to Wall Street."',
        id="slammed_as_a_quoted_verdict",
    ),
    case(
        'Attorney General Nora Quist vowed to "fight this in every court in the land."',
        "every court",
        "Nora Quist",
        "direct",
        id="vowed_to_a_quoted_promise",
    ),
    case(
        'Sen. Jim Castle told reporters the plan was "dead on arrival" and that he would '
        "vote against it.",
        "dead on arrival",
        "Jim Castle",
        "mixed",
        'the plan was "dead on arrival" and that he would vote against it',
        id="told_reporters_a_mixed_clause_and_a_second_that_clause",
    ),
    case(
        'Mr. Grayson said he had "no regrets" about the vote.',
        "no regrets",
        "Grayson",
        "mixed",
        'he had "no regrets" about the vote',
        id="said_a_clause_holding_a_quoted_phrase",
    ),
    case(
        "Sen. Irene Castell, who chairs the intelligence committee, said the briefing had been "
        '"deeply alarming."',
        "deeply alarming",
        "Irene Castell",
        "mixed",
        'the briefing had been "deeply alarming."',
        id="relative_clause_before_the_cue_then_a_mixed_clause",
    ),
    case(
        'Mr. Hollis said the plan was unworkable, adding that it would cost "billions we '
        'simply do not have."',
        "billions",
        "Hollis",
        "mixed",
        'it would cost "billions we simply do not have."',
        id="quoted_phrase_in_the_clause_of_adding_not_said",
    ),
    case(
        'Mr. Hollis said the plan was unworkable, adding that it would cost "billions we '
        'simply do not have."',
        "unworkable",
        "Hollis",
        "indirect",
        "the plan was unworkable",
        id="said_keeps_its_own_clause_beside_an_adding_quote",
    ),
    case(
        "The prime minister's spokesman, Ravi Patel, told reporters the government \"will "
        'not be lectured" by its neighbours.',
        "lectured",
        "Ravi Patel",
        "mixed",
        'the government "will not be lectured" by its neighbours',
        id="told_reporters_a_clause_whose_verb_is_quoted",
    ),
    # --- indirect speech after the verbs political reporting uses
    case(
        "Rep. Alan Brooks warned that the shutdown would hurt veterans and farmers first.",
        "shutdown",
        "Alan Brooks",
        "indirect",
        "the shutdown would hurt veterans and farmers first",
        id="warned_that",
    ),
    case(
        "The museum's chief curator, Nora Quell, insisted the painting had never left the vault.",
        "never left the vault",
        "Nora Quell",
        "indirect",
        "the painting had never left the vault",
        id="insisted_without_that",
    ),
    case(
        "Prime Minister Helen Rourke denied that her government had misled parliament.",
        "misled parliament",
        "Helen Rourke",
        "indirect",
        "her government had misled parliament",
        id="denied_that",
    ),
    case(
        "Sen. Rachel Kim urged lawmakers to pass the measure before the August recess.",
        "pass the measure",
        "Rachel Kim",
        "indirect",
        id="urged_lawmakers_to",
    ),
    case(
        "The opposition leader, Paul Ashby, argued the tax cut would mostly benefit the wealthy.",
        "tax cut",
        "Paul Ashby",
        "indirect",
        "the tax cut would mostly benefit the wealthy",
        id="argued_after_a_role_and_name_in_apposition",
    ),
    case(
        "Treasury Secretary Linda Moss acknowledged that inflation had proved more stubborn "
        "than expected.",
        "stubborn",
        "Linda Moss",
        "indirect",
        "inflation had proved more stubborn than expected",
        id="acknowledged_that",
    ),
    case(
        "Mayor Carl Jensen conceded the city had been slow to respond to the flooding.",
        "slow to respond",
        "Carl Jensen",
        "indirect",
        "the city had been slow to respond to the flooding",
        id="conceded",
    ),
    case(
        "Pollster Anne Fairley predicted the race would tighten in the final weeks.",
        "tighten",
        "Anne Fairley",
        "indirect",
        "the race would tighten in the final weeks",
        id="predicted",
    ),
    case(
        "Gov. Priya Nair pledged to veto any bill that cut school funding.",
        "veto",
        "Priya Nair",
        "indirect",
        id="pledged_to",
    ),
    case(
        "Sen. Mark Ellison suggested the committee had overstepped its authority.",
        "overstepped",
        "Mark Ellison",
        "indirect",
        "the committee had overstepped its authority",
        id="suggested",
    ),
    case(
        "Ms. Greta Halvorsen noted that turnout had fallen in every district since 2016.",
        "turnout",
        "Greta Halvorsen",
        "indirect",
        "turnout had fallen in every district since 2016",
        id="noted_that",
    ),
    case(
        "The minister, Ruth Okafor, maintained that the contracts were awarded fairly.",
        "awarded fairly",
        "Ruth Okafor",
        "indirect",
        "the contracts were awarded fairly",
        id="maintained_that",
    ),
    case(
        "The central bank's chairman, Owen Pratt, signaled that rates could rise again in June.",
        "rates could rise",
        "Owen Pratt",
        "indirect",
        "rates could rise again in June",
        id="signaled_that",
        xfail=_SIGNAL,
    ),
    case(
        "The central bank governor, Ewan Kerr, signalled that rates would stay on hold "
        "until the spring.",
        "on hold",
        "Ewan Kerr",
        "indirect",
        "rates would stay on hold until the spring",
        id="signalled_with_the_british_double_l",
        xfail=_SIGNAL,
    ),
    case(
        "In a statement, Rep. Lydia Park said the ruling was a victory for voters.",
        "victory for voters",
        "Lydia Park",
        "indirect",
        "the ruling was a victory for voters",
        id="in_a_statement_then_the_cue",
    ),
    case(
        "Defence Secretary Ian Shaw said that troops would remain in the region and that "
        "more would be sent.",
        "more would be sent",
        "Ian Shaw",
        "indirect",
        "troops would remain in the region and that more would be sent",
        id="two_that_clauses_one_speaker",
    ),
    case(
        "Sen. Beth Carver, who has opposed the pipeline for years, said the decision was "
        "long overdue.",
        "long overdue",
        "Beth Carver",
        "indirect",
        "the decision was long overdue",
        id="relative_clause_before_the_cue",
    ),
    case(
        "The vote was delayed until next week, Majority Leader Sam Rowe said, adding that "
        "talks would continue over the weekend.",
        "talks would continue",
        "Sam Rowe",
        "indirect",
        "talks would continue over the weekend",
        id="trailing_cue_then_adding_that",
    ),
    case(
        "The vote was delayed until next week, Majority Leader Sam Rowe said, adding that "
        "talks would continue over the weekend.",
        "delayed",
        "Sam Rowe",
        "indirect",
        "The vote was delayed until next week",
        id="trailing_cue_reports_only_what_precedes_it",
    ),
    case(
        "Gov. Ellen Marsh says the state cannot afford another special session.",
        "cannot afford",
        "Ellen Marsh",
        "indirect",
        "the state cannot afford another special session",
        id="present_tense_says",
    ),
    case(
        "Sen. Dora Quill said the party loses ground when Democrats dismiss the worries of "
        "rural voters out of hand.",
        "loses ground",
        "Dora Quill",
        "indirect",
        "the party loses ground when Democrats dismiss the worries of rural voters out of hand",
        id="a_verdict_verb_without_a_quotation_inside_reported_words",
    ),
    case(
        "It was confirmed by Senator Ada Lyle on Friday that she would not seek re-election.",
        "re-election",
        "Ada Lyle",
        "indirect",
        "she would not seek re-election",
        id="passive_cue_whose_agent_speaks",
    ),
    case(
        "Ms. Warren, a Democrat from Massachusetts, said in an interview that the proposal "
        '"doesn\'t go nearly far enough."',
        "far enough",
        "Warren",
        "mixed",
        'the proposal "doesn\'t go nearly far enough."',
        id="two_reported_words_then_a_quoted_predicate",
    ),
    case(
        'Rep. Carla Vance said the agreement was "a betrayal of working families" and '
        "promised to oppose it.",
        "betrayal",
        "Carla Vance",
        "mixed",
        'the agreement was "a betrayal of working families"',
        id="mixed_clause_stops_at_the_speakers_second_verb_of_saying",
    ),
    # an organisation's name or "it" for the clause's subject is no person either
    case(
        'Ana Ruiz said the Harbour Alliance had "lost its nerve" on the pier and warned that '
        "the ferry would stop in June.",
        "lost its nerve",
        "Ana Ruiz",
        "mixed",
        'the Harbour Alliance had "lost its nerve" on the pier',
        id="second_verb_of_saying_after_an_organisations_clause",
    ),
    case(
        "The harbour board noted that it had not finished its review and said it was "
        "working with engineers.",
        "finished its review",
        "The harbour board",
        "indirect",
        "it had not finished its review",
        id="second_verb_of_saying_after_a_clause_whose_subject_is_it",
    ),
    # ... and that second verb's quotation is the same speaker's, not the clause subject's
    case(
        'Ana Ruiz said the ministry "strongly opposes" the plan and called it "a betrayal" of '
        "voters.",
        "a betrayal",
        "Ana Ruiz",
        "direct",
        "a betrayal",
        id="quotation_of_the_speakers_second_verb_of_saying",
    ),
    case(
        'Ana Ruiz, the minister, told the committee the plan was "reckless" and warned of '
        '"serious consequences" for the port.',
        "serious consequences",
        "Ana Ruiz",
        "direct",
        "serious consequences",
        id="quotation_of_the_speakers_second_verb_after_told",
    ),
    case(
        'Labour leader Keir Fenwick said the government had "lost control of the borders" '
        "and should resign.",
        "lost control",
        "Keir Fenwick",
        "mixed",
        'the government had "lost control of the borders" and should resign',
        id="mixed_clause_runs_on_over_a_second_verb_that_is_not_a_cue",
    ),
    # another speaker's cue set off inside the reported clause ends it
    case(
        'Democrats said the bill was "a giveaway to insurers," while Republicans argued it '
        "would lower premiums.",
        "giveaway",
        "Democrats",
        "mixed",
        'the bill was "a giveaway to insurers,"',
        id="mixed_clause_stops_at_a_rival_speakers_cue",
    ),
    case(
        "Campaigners said the closure was \u2018a betrayal\u2019, while unions warned of "
        "strikes across the sector.",
        "betrayal",
        "Campaigners",
        "mixed",
        "the closure was \u2018a betrayal\u2019",
        id="mixed_clause_stops_at_a_rival_cue_british_marks",
    ),
    # one cue, two reported clauses joined by ", and that": both are reported
    case(
        "Sen. Ada Voss said she was \u201cdeeply troubled by the report,\u201d and that it was "
        "\u201chard to believe\u201d anyone in the agency had read it.",
        "hard to believe",
        "Ada Voss",
        "mixed",
        "she was \u201cdeeply troubled by the report,\u201d and that it was \u201chard to "
        "believe\u201d anyone in the agency had read it",
        id="two_reported_clauses_joined_by_and_that",
    ),
    # "what X call": a term inside the speaker's own reported words
    case(
        'Sen. Ada Voss said that what Republicans call "reform" is a tax hike on the middle class.',
        "reform",
        "Ada Voss",
        "mixed",
        'what Republicans call "reform" is a tax hike on the middle class',
        id="what_others_call_a_term_inside_reported_words",
    ),
    # a cue inserted in the reported words: the side holding the quotation is mixed
    case(
        "Ada Voss spoke first. The state, she went on, had become \u201ca laughing "
        "stock\u201d under the governor.",
        "laughing",
        "Ada Voss",
        "mixed",
        "had become \u201ca laughing stock\u201d under the governor.",
        id="mixed_quote_on_one_side_of_an_inserted_cue",
    ),
    # "criticized ... as" and "voiced" are verdicts: speech with a quotation attached
    case(
        'Senator Ada Voss criticized the plan as "reckless and cruel."',
        "reckless",
        "Ada Voss",
        "mixed",
        'the plan as "reckless and cruel."',
        id="criticized_as_a_quoted_verdict",
    ),
    case(
        'Forward Leo Marsh, 24, voiced his "frustration and anger" on social media.',
        "frustration",
        "Leo Marsh",
        "direct",
        "frustration and anger",
        id="voiced_a_quoted_feeling",
    ),
    case(
        "Shadow chancellor Priya Lal accused ministers of \u201csleepwalking\u201d into a crisis.",
        "sleepwalking",
        "Priya Lal",
        "direct",
        "sleepwalking",
        id="accused_the_object_of_a_quoted_charge",
    ),
    case(
        "Sen. Ada Voss told NBC's \u201cMeet the Press\u201d on Sunday that the shutdown "
        "could last weeks.",
        "shutdown",
        "Ada Voss",
        "indirect",
        "the shutdown could last weeks.",
        id="told_a_programme_in_quotes_that",
    ),
    # the cue's own phrase before "that": a "that" after its noun the parser reads as a
    # relative pronoun, and a participle describing one of its nouns, are still the cue's
    case(
        "Kessler said after the race that she had spoken to the coach twice.",
        "coach",
        "Kessler",
        "indirect",
        "she had spoken to the coach twice.",
        id="that_after_the_cues_phrase_misread_as_a_relative_pronoun",
    ),
    case(
        "The Ministry of Fisheries said in a notice posted during the summit that 12 new "
        "licences had been granted.",
        "licences",
        "The Ministry of Fisheries",
        "indirect",
        "12 new licences had been granted.",
        id="participle_in_the_cues_phrase_before_that",
    ),
    case(
        "The pier inspector admitted under questioning that the alarm had been switched off.",
        "alarm",
        "The pier inspector",
        "indirect",
        "the alarm had been switched off.",
        id="under_questioning_that",
    ),
    case(
        "Senator Hal Dunn's statement said the nominee was unfit for office.",
        "unfit",
        "Hal Dunn",
        "indirect",
        "the nominee was unfit for office",
        id="possessive_statement_said",
    ),
    # a charge worded as a verb phrase holding a quotation is reported whole
    case(
        "The shadow minister, Tom Ruiz, accused the ministry of planning a \u2018quiet "
        "raid\u2019 on pensioners through frozen allowances.",
        "quiet",
        "Tom Ruiz",
        "mixed",
        "planning a \u2018quiet raid\u2019 on pensioners through frozen allowances",
        id="accused_of_a_charge_holding_a_quotation",
    ),
    # a second cue joined to a passive reported clause whose subject is no person ends it;
    # the subject of the second clause the parser took for the cue's object is reported
    case(
        "Ana Ruiz spoke next. She said school budgets in the valley had already been "
        "\u2018stretched to breaking\u2019 and warned further savings would mean larger classes.",
        "stretched to breaking",
        "Ana Ruiz",
        "mixed",
        "school budgets in the valley had already been \u2018stretched to breaking\u2019",
        id="passive_reported_clause_stops_at_a_second_cue",
    ),
    case(
        "Ana Ruiz spoke next. She said school budgets in the valley had already been "
        "\u2018stretched to breaking\u2019 and warned further savings would mean larger classes.",
        "larger classes",
        "Ana Ruiz",
        "indirect",
        "further savings would mean larger classes",
        id="clause_subject_parsed_as_the_cues_object",
    ),
    # cues of other house styles
    case(
        "The economist Dr. Ana Ruiz opined that fishing quotas were at best a stopgap.",
        "stopgap",
        "Ana Ruiz",
        "indirect",
        "fishing quotas were at best a stopgap",
        id="opined_that",
    ),
    case(
        "Tom Ruiz, the harbour minister, informed the House that no boat would be seized "
        "while its owner's claim was pending.",
        "no boat",
        "Tom Ruiz",
        "indirect",
        "no boat would be seized while its owner's claim was pending",
        id="informed_the_house_that",
    ),
    case(
        "The harbour master, Lina Okafor, assured the public that the breakwater would be "
        "repaired before winter.",
        "breakwater",
        "Lina Okafor",
        "indirect",
        "the breakwater would be repaired before winter",
        id="assured_the_listeners_that",
    ),
    # the parser hung the that-clause on the listener, as a clause describing it
    case(
        "The ferry captain, Ola Brandt, assured passengers that the crossing would be calm.",
        "crossing would",
        "Ola Brandt",
        "indirect",
        "the crossing would be calm.",
        id="assured_the_listeners_that_a_clause_hung_on_them",
    ),
    # "call" with an object and what it is said to be reports that judgement, quoted or not
    case(
        "Harbour master Lena Ortiz called the old breakwater the weakest point of the port.",
        "weakest point",
        "Lena Ortiz",
        "indirect",
        "the weakest point of the port",
        id="called_the_object_a_judgement_without_quotation_marks",
    ),
    # --- a body named in the clause a cue is set off in: the cue's speaker reports what
    # the body did, as after "He said the trust has warned ..."
    case(
        "Chidi Okafor leads the residents' group.\n\n"
        "The Harbour Trust, he said, has warned farmers that the dam will open in May.",
        "dam will open",
        "Chidi Okafor",
        "indirect",
        id="a_body_in_the_clause_of_an_inserted_cue_speaks_through_its_speaker",
    ),
    case(
        "Chidi Okafor leads the residents' group.\n\n"
        "The Lakeview District, he said, has warned farmers that the dam will open in May.",
        "dam will open",
        "Chidi Okafor",
        "indirect",
        id="a_place_in_the_clause_of_an_inserted_cue_speaks_through_its_speaker",
    ),
    case(
        "Chidi Okafor leads the residents' group.\n\n"
        "Tomas Reyes, he said, has warned farmers that the dam will open in May.",
        "dam will open",
        "Tomas Reyes",
        "indirect",
        id="a_person_in_the_clause_of_an_inserted_cue_still_speaks",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "kind", "words"), CASES)
def test_reported_speech(
    text: str, fragment: str, speaker: str | None, kind: str, words: str | None
) -> None:
    quote = quote_with(text, fragment)
    assert quote.speaker == speaker
    assert quote.cue is not None  # found at its cue, not guessed from the sentence before
    assert quote.kind == kind
    if words is not None:
        assert quote.text == words


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        pytest.param(
            'Critics have warned of the so-called "deep state" for years.',
            "deep state",
            id="so_called_after_a_cue_verb",
        ),
        pytest.param(
            'Sen. Vera Holt said the so-called "war on motorists" was over.',
            "war on motorists",
            id="so_called_inside_reported_words",
        ),
        # "calls the" before the quotation makes the quoted words a thing's name
        pytest.param(
            'The council set aside $4 million for what planners call the "housing cliff," '
            "the gap between rents and wages.",
            "housing cliff",
            id="what_they_call_the_phrase",
        ),
        pytest.param(
            "Senator Ada Moss has filed a bill she calls the \u201cHarbour Jobs Act,\u201d which "
            "would fund two new cranes.",
            "Harbour Jobs Act",
            id="a_bill_she_calls_the_title",
        ),
    ],
)
def test_a_so_called_phrase_is_no_one_s_quotation(text: str, phrase: str) -> None:
    assert not [q for q in attribute_text(text) if q.text == phrase or q.kind == "mixed"]


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Ada Voss criticized the governor over the budget.",
        "Sen. Ada Voss called the harbour office twice on Monday.",  # a call, no judgement
        "Sen. Ada Voss called her new boat Marigold.",  # a name given, no judgement
        "The late goal assured the rowing club a place in the final.",  # assured: no words
        "Rest assured, the ferry will run on Sunday.",
        # a listener with no "that" after it: no words
        "Captain Ola Brandt assured the crew of a bonus before the winter season began.",
    ],
)
def test_a_verdict_without_a_quotation_reports_nothing(text: str) -> None:
    assert attribute_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ferry deal, announced Friday, adds two sailings a day to the island run.",
        "The housing plan, unveiled Tuesday at a Regina shelter, builds 300 new units.",
    ],
    ids=["day_after_a_participle", "day_and_place_after_a_participle"],
)
def test_a_day_after_a_verb_of_announcing_is_no_speaker(text: str) -> None:
    """The parser reads the day as the name after an inverted cue ('..., argued Ruiz.'):
    the day had been stored as the speaker of the whole sentence at 0.85."""
    assert all(q.speaker is None or q.confidence < 0.8 for q in attribute_text(text))
    assert not any(q.speaker in ("Friday", "Tuesday") for q in attribute_text(text))


# A clause of time or cause before a cue whose quotation opens a sentence of its own: the
# circumstance of the saying, not words reported beside the quotation
@pytest.mark.parametrize(
    "text",
    [
        'Once the mill burned down, Ida Voss said, "The valley lost its last employer."',
        'Because the snow came early, the ranger told hikers, "Stay below the tree line."',
        'While the choir rehearsed, Ida Voss said, "Nobody wanted to leave."',
    ],
)
def test_a_clause_opening_the_sentence_of_a_quotation_is_not_reported(text: str) -> None:
    assert [q.kind for q in attribute_text(text)] == ["direct"]


def test_a_reported_clause_before_the_cue_of_a_quotation_stays_reported() -> None:
    text = 'The mill will reopen in autumn, Ida Voss said, "The orders are back."'
    assert [q.kind for q in attribute_text(text)] == ["indirect", "direct"]


def test_a_programme_the_speaker_told_is_no_quotation() -> None:
    text = "Rep. Dan Mills told \u201cFox News Sunday\u201d that the tariffs would be lifted."
    found = attribute_text(text)
    assert [q.text for q in found if "Fox" in q.text] == []
    assert [q.speaker for q in found if "tariffs" in q.text] == ["Dan Mills"]


@pytest.mark.parametrize(
    ("text", "sure"),
    [
        # someone seen doing something may be the one shouting as well as the seer
        ("Ana Ruiz saw the driver climb out, shouting that the brakes had failed.", False),
        ("Tomas Vale watched his son cross the line, yelling that the race was rigged.", False),
        ("Ana Ruiz heard him, saying that the brakes had failed.", False),
        ("Tomas Vale remembers his son crossing the line, yelling that the race was fixed.", False),
        # a thing seen says nothing: the participle is the seer's
        ("Ana Ruiz saw the wreck, saying that the brakes had failed.", True),
        ("Tomas Vale watched the vote from the gallery, saying that the race was rigged.", True),
        ("Tomas Vale remembers the final well, saying that the race was rigged.", True),
    ],
    ids=[
        "seen_acting",
        "seen_acting_owned",
        "seen_person",
        "remembered_acting",
        "seen_thing",
        "watched_event",
        "remembered_event",
    ],
)
def test_a_participle_after_someone_seen_acting_is_a_guess(text: str, sure: bool) -> None:
    """The parse gives the participle the seer's subject; the sentence reads as well with
    the one seen speaking, so the seer had been stored at 0.9."""
    (quote,) = [q for q in attribute_text(text) if "brakes" in q.text or "race was" in q.text]
    assert quote.speaker in ("Ana Ruiz", "Tomas Vale")
    assert (quote.confidence >= SPEAKER_CERTAIN) is sure


@pytest.mark.parametrize(
    ("text", "sure"),
    [
        # a source passing on the words of someone it names: either may be credited
        ("According to Reuters, Tomas Vale said the mill would shut in June.", False),
        (
            "On Friday, Tomas Vale went on a morning radio show, voicing his fear that the mill "
            "would shut in June, according to Reuters.",
            False,
        ),
        # the source's own words, or people it does not name: the source's alone
        ("According to Tomas Vale, the mill will shut in June and 80 jobs will go.", True),
        ("According to Tomas Vale, some of the workers said the mill would shut in June.", True),
    ],
    ids=["named_after_source", "participle_after_source", "source_alone", "unnamed_after_source"],
)
def test_a_source_passing_on_a_named_speakers_words_is_a_guess(text: str, sure: bool) -> None:
    """ "According to X, Y said": the outlet that reports and the person who speaks both
    stand in the sentence; the source had been stored at 0.9."""
    (quote,) = [q for q in attribute_text(text) if "mill" in q.text]
    assert (quote.confidence >= SPEAKER_CERTAIN) is sure


@pytest.mark.parametrize(
    ("text", "sure"),
    [
        # a participle after a clause of time with its own subject: either subject may speak
        (
            "The Halifax Regional Council erupted in shouting as residents marched to the "
            "front, demanding that the ferry vote be delayed.",
            False,
        ),
        (
            "Tomas Vale left the hall as the crowd jeered, saying that the ferry plan was dead.",
            False,
        ),
        # no clause between, or one with no one doing anything in it: the main subject's
        ("Tomas Vale left the hall, saying that the ferry plan was dead.", True),
        ("Tomas Vale spoke after the vote, warning that the ferry plan was dead.", True),
        (
            "Ana Ruiz resigned in March after the audit was published, saying that the ferry "
            "plan was dead.",
            True,
        ),
    ],
    ids=["residents_marched", "crowd_jeered", "no_clause", "noun_after", "passive_clause"],
)
def test_a_participle_after_a_clause_of_time_is_a_guess(text: str, sure: bool) -> None:
    """ "X did A as Y did B, V-ing that ...": the parse gives the participle the main
    subject, which had been stored at 0.9; the nearer one reads as well."""
    (quote,) = [q for q in attribute_text(text) if "ferry" in q.text]
    assert (quote.confidence >= SPEAKER_CERTAIN) is sure


@pytest.mark.parametrize(
    ("text", "speaker", "sure"),
    [
        # a document's participle after the names of those it is from: the document speaks
        (
            "The coach waved away a letter from fans of Rovers saying that the club should "
            "sell its stadium.",
            "fans of Rovers",
            False,
        ),
        (
            "The chairman brushed aside reports from fan clubs such as Northend and Kopites "
            "saying that the club should sell its stadium.",
            "fan clubs such as Northend",
            False,
        ),
        # a name the participle is said of, or a letter written by someone: unchanged
        (
            "Crowds cheered Tomas Vale saying that the club should sell its stadium.",
            "Tomas Vale",
            True,
        ),
        (
            "Ana Ruiz wrote a letter to Tomas Vale saying that the club should sell its stadium.",
            "Ana Ruiz",
            True,
        ),
    ],
    ids=["letter_from_fans", "reports_from_a_list", "name_saying", "letter_written"],
)
def test_a_name_ending_a_documents_source_does_not_speak_for_it(
    text: str, speaker: str, sure: bool
) -> None:
    """ "a letter from fans of Rovers saying ...": the name right before the participle had
    been taken for its subject (0.85), though the parse hangs the participle on the
    document, which speaks for those it is from."""
    (quote,) = [q for q in attribute_text(text) if "stadium" in q.text]
    assert quote.speaker == speaker
    assert (quote.confidence >= SPEAKER_CERTAIN) is sure
