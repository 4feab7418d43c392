"""Indirect speech and mixed quotes: what a cue reports and where it stops.

Invented text, one row per construction: the quote holding ``fragment`` must be exactly
``words`` and be attributed to ``speaker``.
"""

from __future__ import annotations

import pytest

from ingest.attribute import attribute_text


def case(text: str, fragment: str, words: str, speaker: str | None, *, id: str):
    return pytest.param(text, fragment, words, speaker, id=id)


CASES = [
    # an age set off after a surname is no speaker, whatever the parser made of it
    case(
        "The engineer, Omar Pike, spoke first. Pike, 46, said the tunnel was six months "
        "behind schedule.",
        "tunnel",
        "the tunnel was six months behind schedule",
        "Omar Pike",
        id="an_age_after_a_surname_is_no_speaker",
    ),
    # a second cue in the -s form the tagger read as a plural noun still reports its clause
    case(
        "Ida Moss runs the shelter. She says the council took a step forward, but notes that "
        "the waiting list keeps growing.",
        "waiting list",
        "the waiting list keeps growing",
        "Ida Moss",
        id="a_second_cue_tagged_as_a_plural_noun_reports_its_clause",
    ),
    # when the words were said, between the cue and a clause with no "that", is the cue's
    case(
        "Mayor Lena Hart said Tuesday the swing bridge would reopen in May.",
        "swing bridge",
        "the swing bridge would reopen in May",
        "Lena Hart",
        id="a_day_between_the_cue_and_the_clause_is_the_cues",
    ),
    case(
        "Mayor Lena Hart said later the swing bridge would reopen in May.",
        "swing bridge",
        "the swing bridge would reopen in May",
        "Lena Hart",
        id="later_between_the_cue_and_the_clause_is_the_cues",
    ),
    # ... but a date that is the clause's subject, part of it, or how often, is said
    case(
        "Fire chief Nils Berg said Monday night could be worse.",
        "could be worse",
        "Monday night could be worse",
        "Nils Berg",
        id="a_day_that_is_the_clauses_subject_is_said",
    ),
    case(
        "Fire chief Nils Berg said today's vote was a test of the new rules.",
        "vote was",
        "today's vote was a test of the new rules",
        "Nils Berg",
        id="a_day_in_the_clauses_subject_is_said",
    ),
    case(
        "The baker Ines Roy says each day she sells more bread to tourists.",
        "sells more",
        "each day she sells more bread to tourists",
        "Ines Roy",
        id="how_often_before_the_clause_is_said",
    ),
    # a reported clause the parser ends mid-phrase runs on to the sentence's end ...
    case(
        "A spokesperson said the Canadian killed was Tom Ruiz, the firm's co-founder.",
        "Canadian killed",
        "the Canadian killed was Tom Ruiz, the firm's co-founder",
        "A spokesperson",
        id="reported_clause_cut_mid_phrase_runs_to_its_end",
    ),
    # ... but stops where another cue or a clause joined to the cue takes over
    case(
        "A spokesperson said the Canadian killed was a ferry pilot and told reporters that "
        "his family had been told.",
        "Canadian killed",
        "the Canadian killed was a ferry pilot",
        "A spokesperson",
        id="reported_clause_stops_at_a_second_cue",
    ),
    # a cue set off inside a clause whose own verb is a cue reports the whole clause: the
    # inner cue's subject is talked about, as after a leading "He noted ..."
    case(
        "Omar Pike coaches the club. The club's owners, he noted, have promised fans that "
        "ticket prices will not rise next season.",
        "ticket prices",
        "have promised fans that ticket prices will not rise next season.",
        "Omar Pike",
        id="a_cue_set_off_in_a_cues_clause_reports_all_of_it",
    ),
    case(
        "Ana Ruiz runs the farm. Omar Pike, she added, told the council that the road was unsafe.",
        "road was",
        "the road was unsafe",
        "Omar Pike",
        id="a_person_named_in_a_clause_with_a_cue_set_off_still_speaks",
    ),
    case(
        "Coach Ivo Brandt said he wanted the job badly and the club was glad to hear it.",
        "wanted the job",
        "he wanted the job badly",
        "Ivo Brandt",
        id="reported_clause_stops_at_a_clause_joined_to_the_cue",
    ),
    # a second speaker's cue the first one's reported words stop short of is its own
    case(
        "Kemp added that the mill would reopen in March, though a steward for the union "
        "said no date had been set.",
        "no date",
        "no date had been set",
        "a steward for the union",
        id="a_second_speakers_cue_past_the_reported_words_reports_its_own",
    ),
    # a "that" that is the reported clause's subject is said, not a conjunction to drop
    case(
        "Harbour master Ana Ruiz says that sounds fair.",
        "sounds fair",
        "that sounds fair",
        "Ana Ruiz",
        id="a_that_the_reported_clause_opens_on_as_its_subject_is_reported",
    ),
    case(
        "Tom Haber said that would cost the town its only ferry.",
        "cost the town",
        "that would cost the town its only ferry",
        "Tom Haber",
        id="a_that_subject_after_the_cue_stays_in_the_reported_words",
    ),
    case(
        "That was never the plan for the pier, Tom Haber said.",
        "never the plan",
        "That was never the plan for the pier",
        "Tom Haber",
        id="a_that_subject_before_a_trailing_cue_stays_in_the_reported_words",
    ),
    # ... while the conjunction "that" is still left out
    case(
        "Tom Haber said that the town would lose its only ferry.",
        "lose its",
        "the town would lose its only ferry",
        "Tom Haber",
        id="the_conjunction_that_after_a_cue_is_left_out",
    ),
    # ... and runs on over ", but"/", and" into a clause in the present of no person
    case(
        "The superintendent says the board has looked at replacing the school for a decade, "
        "but talks with the province have gone back and forth.",
        "gone back",
        "the board has looked at replacing the school for a decade, but talks with the "
        "province have gone back and forth",
        "The superintendent",
        id="reported_clause_runs_on_over_a_joined_clause_in_the_present",
    ),
    # a second cue joined to a passive reported clause shares the first cue's speaker
    case(
        "Coach Ivo Brandt says his players were treated unfairly all season and argues "
        "that the league must change its rules.",
        "league must change",
        "the league must change its rules",
        "Ivo Brandt",
        id="second_cue_joined_to_a_passive_reported_clause",
    ),
    case(
        "Coach Ivo Brandt says his players were treated unfairly all season and argues "
        "that the league must change its rules.",
        "treated unfairly",
        "his players were treated unfairly all season",
        "Ivo Brandt",
        id="first_cue_reports_only_up_to_the_second",
    ),
    # ... or at a second cue in the perfect, whose auxiliary only the speaker can own
    case(
        "The Labour Party says the plan is a gimmick and has promised to scrap it.",
        "gimmick",
        "the plan is a gimmick",
        "The Labour Party",
        id="reported_clause_stops_at_a_second_cue_in_the_perfect",
    ),
    # ... or, after a cue's phrases and "that", at a participle cue set off by a comma
    case(
        'The principal wrote in a letter that the gym was "unsafe for now," adding that '
        "classes would move to the hall.",
        "unsafe for now",
        'the gym was "unsafe for now,"',
        "The principal",
        id="clause_after_a_cues_phrases_stops_at_a_participle_cue",
    ),
    case(
        'The principal wrote in a letter that the gym was "unsafe for now," adding that '
        "classes would move to the hall.",
        "move to the hall",
        "classes would move to the hall",
        "The principal",
        id="a_participle_cue_after_a_cues_phrases_reports_its_own_clause",
    ),
    # a cue completing a passive verb: the passive subject will speak
    case(
        "Gov. Lena Ortiz is expected to argue that the state cannot afford the pipeline.",
        "afford the pipeline",
        "the state cannot afford the pipeline",
        "Lena Ortiz",
        id="cue_completing_a_passive_verb",
    ),
    # a participle set off between the subject and the cue, which the parser takes for the
    # subject's own verb: the cue still has the subject
    case(
        "Harbour master Ivo Brandt, asked about the ferry strike, said the crews would be "
        "back at work by the end of the week.",
        "crews would be",
        "the crews would be back at work by the end of the week",
        "Ivo Brandt",
        id="participle_set_off_before_the_cue",
    ),
    # a relative clause's cue with a speaker the article names reports the rest of it
    case(
        "Ruiz cited the new fees, which Ms. Lee said were the price of keeping the ferry afloat.",
        "price of keeping",
        "were the price of keeping the ferry afloat",
        "Lee",
        id="relative_clause_cue_of_a_named_speaker_reports",
    ),
    # a question is reported when its asker is named: in the passive, the agent asks
    case(
        "Harbour master Ivo Brandt was asked by Senator Ada Lyle whether the ferry would "
        "run again before the winter storms.",
        "ferry would run",
        "whether the ferry would run again before the winter storms",
        "Ada Lyle",
        id="question_asked_by_a_named_agent",
    ),
    # a gerund completing a verb inside the reported clause is no cue of the speaker's
    case(
        "Tom Ruiz said the harbour board would consider writing new rules for the ferries "
        "before the summer.",
        "writing new rules",
        "the harbour board would consider writing new rules for the ferries before the summer",
        "Tom Ruiz",
        id="gerund_completing_a_verb_in_the_reported_clause",
    ),
    # a cue inserted after the reported subject, which the parser made the cue's subject too
    case(
        "The ferry crews were angry. The answer, Harbour master Ivo Brandt insisted at one "
        "point, was already on the public record.",
        "public record",
        "was already on the public record.",
        "Ivo Brandt",
        id="cue_inserted_after_a_subject_the_parser_gave_it",
    ),
    # "was quoted as saying": the passive subject speaks
    case(
        "Ivo Brandt, the lock keeper, spent the night at the gates. He was quoted as saying by "
        "the island weekly that the tide had cracked the old sea wall.",
        "old sea wall",
        "the tide had cracked the old sea wall",
        "Ivo Brandt",
        id="quoted_as_saying",
    ),
    # a cue opening its own clause after a colon is a new statement, not reported words
    case(
        "It wasn't the start Tom Ruiz wanted, but he says he didn't grow up in much of a "
        "sailing family: he notes that his dad uses the boat more as extra storage for "
        "garden tools.",
        "sailing family",
        "he didn't grow up in much of a sailing family",
        "Tom Ruiz",
        id="cues_on_either_side_of_a_colon_are_two_statements",
    ),
    case(
        "Ana Ruiz said: the advert suggests that the ferries will run all winter.",
        "advert suggests",
        "the advert suggests that the ferries will run all winter",
        "Ana Ruiz",
        id="verb_right_after_the_cues_colon_is_reported",
    ),
    # a list of clauses after one cue, parsed as several complements, is reported whole
    case(
        "Ana Ruiz said the pier is unsafe, the ferry is late and the budget is short.",
        "ferry is late",
        "the pier is unsafe, the ferry is late and the budget is short",
        "Ana Ruiz",
        id="list_of_reported_clauses_after_one_cue",
    ),
    case(
        "Gov. Tom Baker said the bridge would close in May, the buses would run twice a day "
        "and tolls would rise.",
        "buses would run",
        "the bridge would close in May, the buses would run twice a day and tolls would rise",
        "Tom Baker",
        id="list_of_reported_clauses_with_modals",
    ),
    # a cue whose subject is all that stands before it is the reported clause's own verb
    case(
        "Ana Ruiz said the harbour board had warned the ministry in May that the pier was unsafe.",
        "pier was unsafe",
        "the harbour board had warned the ministry in May that the pier was unsafe",
        "Ana Ruiz",
        id="reported_clause_headed_by_another_cue",
    ),
    # ... also when that cue's subject is a country or a city: it speaks through her
    case(
        'Ana Ruiz told reporters at the port that Norway expresses "deep concern" over the '
        "catch limits.",
        "deep concern",
        'Norway expresses "deep concern" over the catch limits',
        "Ana Ruiz",
        id="reported_clause_headed_by_a_country_s_cue",
    ),
    case(
        "According to Ana Ruiz, two of the trustees have told her privately that they will "
        "vote no.",
        "vote no",
        "two of the trustees have told her privately that they will vote no.",
        "Ana Ruiz",
        id="according_to_words_headed_by_another_cue",
    ),
    # ... also when the cue's subject has a clause or participle of its own
    case(
        "According to the union, a memo sent to staff warned that the plant would close.",
        "plant would close",
        "a memo sent to staff warned that the plant would close.",
        "the union",
        id="according_to_words_headed_by_a_cue_after_a_participle",
    ),
    case(
        "According to Ana Ruiz, the board she chairs has argued that the pier is unsafe.",
        "pier is unsafe",
        "the board she chairs has argued that the pier is unsafe.",
        "Ana Ruiz",
        id="according_to_words_headed_by_a_cue_after_a_relative_clause",
    ),
    # a participle cue after "<verb> that," shares the verb's subject, however the parser
    # hung the "that"
    case(
        "Coach Ravi Mehta questioned that, telling the Herald the squad had trained harder "
        "than ever.",
        "squad",
        "the squad had trained harder than ever.",
        "Ravi Mehta",
        id="participle_cue_after_a_demonstrative_object_made_a_conjunction",
    ),
    case(
        "Lina Cho disputes that, noting that the kitchen passed every inspection.",
        "kitchen",
        "the kitchen passed every inspection",
        "Lina Cho",
        id="participle_cue_after_a_demonstrative_object_made_its_subject",
    ),
    # a participle cue the parser hung on the verb of a noun's "that" clause is the act of
    # whoever governs the noun, not of that clause's subject (stored at 0.9 before)
    case(
        "Ana Ruiz rejected the suggestion that the Council was lagging, telling the Courier "
        "that all 12 cases had been sent to the auditor.",
        "12 cases",
        "all 12 cases had been sent to the auditor",
        "Ana Ruiz",
        id="participle_cue_hung_on_a_nouns_that_clause",
    ),
    # a "that" after a preposition is no object of a verb: the parse stands
    case(
        "Before that, speaking to reporters, Ana Ruiz said the pier would close in May.",
        "pier",
        "the pier would close in May",
        "Ana Ruiz",
        id="participle_after_a_demonstrative_after_a_preposition",
    ),
]

SET_OFF = [
    # "according to X" set off inside the sentence reports both sides of it
    case(
        "The pension fund, according to state treasurer Mia Colton, lost a fifth of its value "
        "last year.",
        "pension fund",
        "The pension fund",
        "Mia Colton",
        id="according_to_set_off_reports_the_words_before_it",
    ),
    case(
        "Voters were promised a new hospital, according to the opposition leader, Dev Patel, "
        "but the money went to a car park.",
        "car park",
        "the money went to a car park.",
        "Dev Patel",
        id="according_to_set_off_reports_the_words_after_it",
    ),
    # a clause with its own subject set off before an inserted cue is reported too
    case(
        "But while some towns shrink under the weight of debt, Ruiz said, for others, it can "
        "bring new investment.",
        "some towns",
        "But while some towns shrink under the weight of debt",
        "Ruiz",
        id="subordinate_clause_before_an_inserted_cue",
    ),
    case(
        "Although the party won the vote, Ms. Hale said, on the economy, voters still trust "
        "the other side.",
        "party won",
        "Although the party won the vote",
        "Hale",
        id="subordinate_clause_before_an_inserted_cue_then_a_phrase",
    ),
    # a verb with neither words nor a quotation of its own ("has ever written down") does not cut
    # short the words after an inserted cue
    case(
        "Mara Quill has run the bakery for a decade. This winter, she says, the flour bill "
        "is the largest she has ever written down.",
        "flour bill",
        "the flour bill is the largest she has ever written down.",
        "Mara Quill",
        id="a_cue_verb_reporting_nothing_cuts_nothing",
    ),
    # a lone noun before an inserted cue is the subject of the words after it: reported
    case(
        "Tom Ruiz runs the ferry. Crews, he said, refused to sail in the storm.",
        "Crews",
        "Crews",
        "Tom Ruiz",
        id="lone_subject_before_an_inserted_cue",
    ),
    case(
        "Fares, Mia Colton says, have doubled since the spring.",
        "Fares",
        "Fares",
        "Mia Colton",
        id="lone_subject_before_an_inserted_cue_with_a_name",
    ),
    # a participle after the cue's comma reporting a clause whose "that" the parser hung on
    # the clause's subject as a determiner
    case(
        "Ivo Marsh asked the room to stay seated, observing that important zoning items were "
        "outstanding.",
        "zoning items",
        "important zoning items were outstanding.",
        "Ivo Marsh",
        id="participle_reporting_a_clause_whose_that_reads_as_a_determiner",
    ),
    # two absolutes after "with": the parser takes the second one's subject for an object
    # of the first gerund, and the cue for the first gerund's; the noun before the cue speaks
    case(
        "The region is split over the levy, with Mayor Tova Lind leading the opposition and "
        "three river towns saying it would double their costs.",
        "double",
        "it would double their costs",
        "three river towns",
        id="second_absolute_after_with",
    ),
    # no absolute: "with" takes a plain object, and the people toured with are not speakers
    case(
        "Ana Ruiz toured the plant with her deputy and the union president saying the jobs "
        "were safe.",
        "jobs",
        "the jobs were safe",
        "Ana Ruiz",
        id="objects_of_with_before_a_cue_are_not_an_absolute",
    ),
]

TRAILING = [
    # reported words ending in ", <speaker> said." with no quotation marks, where the
    # parser takes a noun of the reported words for the subject
    case(
        "Lind left for the mainland on a night ferry on Tuesday accompanied by his wife, "
        "Mara Olin, and senior port officials, including Ivo Brandt, a veteran pilot, the "
        "island's radio network said.",
        "night ferry",
        "Lind left for the mainland on a night ferry on Tuesday accompanied by his wife, "
        "Mara Olin, and senior port officials, including Ivo Brandt, a veteran pilot",
        "the island's radio network",
        id="reported_words_then_a_long_speaker_and_said",
    ),
    # a past cue after a name and its apposition, which the parser reads as a participle
    # on the name (a sentence with no verb): the cue is the verb, the name its subject
    case(
        "Tova Lind spoke first. The Harbour Riders Club, a ferry users group, posted on "
        'social media after the meeting that the board had "sold the islands down the river."',
        "islands",
        'the board had "sold the islands down the river."',
        "The Harbour Riders Club",
        id="past_cue_after_an_apposition_read_as_a_participle",
    ),
    # a cue set off inside the reported words: both sides are reported
    case(
        "Ferries had three clear goals, Ana Ruiz writes; to carry freight, to carry mail and "
        "to carry people.",
        "carry mail",
        "to carry freight, to carry mail and to carry people.",
        "Ana Ruiz",
        id="cue_between_a_comma_and_a_semicolon_reports_both_sides",
    ),
    # a participle phrase on the trailing speaker, which the parser reads as its verb
    case(
        '"This is our home," residents gathered outside the hall said.',
        "our home",
        "This is our home",
        "residents",
        id="trailing_speaker_with_a_participle_phrase",
    ),
    case(
        "Ana Ruiz chaired the meeting. The ferry will stop running in May, residents gathered "
        "at the pier said.",
        "stop running",
        "The ferry will stop running in May",
        "residents",
        id="trailing_speaker_with_a_participle_phrase_no_marks",
    ),
    # a hyphenated word the parser splits into a "complement" made of a hyphen alone
    case(
        'Marchetti said she would not "re-open the file," but she conceded that she had '
        "asked aides to keep it.",
        "asked aides",
        "she had asked aides to keep it",
        "Marchetti",
        id="a_hyphen_split_off_a_quoted_word_ends_nothing",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "words", "speaker"), CASES + SET_OFF + TRAILING)
def test_reported_words_and_speaker(
    text: str, fragment: str, words: str, speaker: str | None
) -> None:
    found = attribute_text(text)
    hits = [q for q in found if fragment in q.text]
    assert hits, f"no quote containing {fragment!r} in {[q.text for q in found]}"
    assert hits[0].text == words
    assert hits[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "narration"),
    [
        # a cue inside a relative clause: the main sentence after it is narration
        (
            'Rosa Vell, who has advised three governors, was blunt. "Roads first," she said.',
            "blunt",
        ),
        ("Tom Haber, who once advised the port board, now runs a bakery on the quay.", "bakery"),
        # a participle with its agent after a name and apposition is one
        ("Tova Lind, the harbour master, told by the board to keep the ferry in port.", "ferry"),
        # a past-tense clause joined after the reported one is what happened next
        ("Ana Ruiz said the pier would close, and the harbour master left the room.", "left"),
        # "declined to say whether ...": the question nobody answered
        ("Ana Ruiz declined to say whether the pier would close next year.", "pier"),
        ("The harbour board refused to say if the ferry fares would rise in spring.", "fares"),
        # ... and so is a question a negated cue leaves open, or any question word after it
        ("The bakery chain did not say whether it paid the higher rent.", "paid"),
        ("The port board declined to say why it closed the night crossing.", "closed"),
        ("Ana Ruiz won\u2019t say where she\u2019ll go if the shop closes in May.", "closes"),
        # a question put to the speaker by someone unnamed is no one's quotation
        (
            "Asked whether the ferry would run again, Mayor Tom Ruiz said repairs would "
            "take the whole summer.",
            "ferry would run",
        ),
        (
            "Asked what she would tell the council about the bus route, Ana Ruiz says: 'Keep "
            "it. Keep the route running.'",
            "tell the council",
        ),
        (
            "Harbour master Tom Ruiz, asked whether the ferry would run, said repairs would "
            "take the whole summer.",
            "ferry would run",
        ),
        (
            "Ana Lopez came out of the depot at noon. She was asked by a reporter whether the "
            "buses would run on Sunday. 'Only the early ones,' she said.",
            "buses would run",
        ),
        (
            "Asked whether the new fare was a tax on commuters, Ms Lopez replied: "
            "\u201cNo. The old fare never covered the fuel.\u201d",
            "tax on commuters",
        ),
        # a claim about the noun of a relative clause, credited in the writer's words
        (
            "Parents pressed him about a rule that grocers say has emptied dozens of "
            "market stalls.",
            "emptied",
        ),
        # "added" with a number or a price after it is a gain, not words
        ("The island fish price index added 12 points, or 2.5 per cent, to 492.", "12 points"),
        ("Diesel added 4 cents to $1.87 a litre at the island pumps.", "4 cents"),
        # ... and so is a number with a word that says how near it is
        (
            "Lena Park has added more than 300 workers to her Tacoma, Washington, packing "
            "plant since March of this year.",
            "300 workers",
        ),
        # a cue inside a comparison is the writer's measure
        (
            "A claim that the costs of the new pier are lower than the port authority says "
            "they are could make the plan more attractive.",
            "more attractive",
        ),
        # a cue whose object is a plain noun phrase names what was written, not words
        ("Chief Justice Ada Brenner wrote the majority opinion. The vote was 6-3.", "opinion"),
        ("The harbour board announced a new ferry timetable on Tuesday.", "timetable"),
        # ... however long the phrase, with verbs of its own describing the noun
        (
            "The ferry board has denied a request by the island school to replace its "
            "70-year-old pier.",
            "request",
        ),
        (
            "The bakery announced a menu that borrowed heavily from its founder's village.",
            "menu",
        ),
        ("The visitors added one more goal late in the first half when Ruiz headed in.", "goal"),
        # ... and with an adverbial clause of the cue's own after it: when or how, not what
        ("The bakery added a night shift as orders doubled in December.", "night shift"),
        (
            "The museum reported record attendance in July, drawing visitors from three provinces.",
            "record attendance",
        ),
        ("The theatre announced a new season as the old director retired.", "new season"),
        # ... and a participle after the cue's comma, whose object is no inverted speaker
        (
            '"The season is over," the ferry captain wrote, adding a photo of the iced-in dock.',
            "photo of the iced-in dock",
        ),
        ('"We sail at dawn," Ivo Marsh posted, adding the hashtag #IslandRun.', "hashtag"),
        # a phrase a preposition of place heads says where the words were said, not what
        (
            "Lena Ortiz, the port's chief engineer, testified before a harbour committee, "
            "where members pressed her about the delays.",
            "harbour committee",
        ),
        # a cue governed by another verb or a condition: the sentence around it is narration
        (
            "Tom Ruiz did not respond. The port board also declined to comment, citing the "
            "pending appeal.",
            "pending appeal",
        ),
        (
            "Freight rates have doubled since May. The rise, if confirmed, has large "
            "implications for island shops.",
            "implications",
        ),
        (
            "Ada Moss said the fees would rise. The treasurer, writing later in a club "
            "newsletter, insisted that the budget was balanced.",
            "The treasurer",
        ),
        # a lone opener before an inserted cue belongs to the cue
        ("Now, Mia Colton said, the ferries have no spare crews.", "Now"),
        # a relative clause's cue: what stands before it is who, never what was said
        (
            "Two port officials, who asked not to be named because they were not allowed to "
            "speak, said the ferry would be sold.",
            "Two port officials",
        ),
        (
            "Ana Ruiz, a lecturer at the Harbour College who has testified before two "
            "committees on ferries, said the fares were too high.",
            "Harbour College",
        ),
        # a verb describing a noun of a phrase hung on the cue describes, as one describing
        # the object does: the object is still a thing announced
        (
            "Shipping group Norvik announced a wage deal with the union on Thursday on pay for "
            "drivers and loaders hired through the regional staffing agency.",
            "wage deal",
        ),
        # the writer's question about what someone said reports nothing
        ("And why would Ruiz say the pier was safe if she hasn't read the survey yet?", "safe"),
        ("Why did the harbour master say the pier was safe?", "safe"),
    ],
    ids=[
        "relative_clause_before_a_quote",
        "relative_clause_in_narration",
        "participle_with_an_agent_after_an_apposition",
        "past_tense_clause_joined_after_the_reported_one",
        "declined_to_say_whether",
        "refused_to_say_if",
        "did_not_say_whether",
        "declined_to_say_why",
        "wont_say_what",
        "asked_whether_opening_the_sentence",
        "asked_what_opening_the_sentence",
        "asked_whether_set_off_after_the_subject",
        "asked_by_reporters_whether",
        "asked_whether_before_a_colon_lead_in",
        "relative_clause_hedged_by_a_cue",
        "added_a_number",
        "added_a_price",
        "added_a_number_with_a_word_of_nearness",
        "cue_inside_a_comparison",
        "wrote_a_noun_phrase",
        "announced_a_noun_phrase",
        "denied_a_request_to_do_something",
        "announced_a_policy_that_did_something",
        "added_a_goal_when_something_happened",
        "added_a_noun_phrase_before_an_adverbial_clause",
        "reported_a_noun_phrase_before_a_participle",
        "announced_a_noun_phrase_before_an_as_clause",
        "adding_a_noun_phrase_after_the_cues_comma",
        "adding_a_hashtag_after_the_cues_comma",
        "testified_before_a_committee",
        "declined_to_comment_citing",
        "if_confirmed_inserted",
        "set_off_participle_cue_before_the_main_verb",
        "lone_opener_before_an_inserted_cue",
        "relative_clause_cue_set_off_after_the_subject",
        "relative_clause_cue_inside_an_apposition",
        "announced_a_noun_phrase_with_a_described_noun_after_it",
        "the_writers_question_why_someone_said",
        "the_writers_question_with_did",
    ],
)
def test_words_nobody_said_are_not_reported(text: str, narration: str) -> None:
    found = attribute_text(text)
    assert not [q for q in found if narration in q.text], found


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the parser takes "plastic" for the object and "drifts" for a noun
        (
            "Ana Ruiz, an oceanographer, said most plastic drifts in the ocean for decades.",
            "plastic drifts in the ocean",
            "Ana Ruiz",
        ),
        (
            "That is not only a problem for the young, but for the whole town, argued Ruiz.",
            "not only a problem for the young, but for the whole town",
            "Ruiz",
        ),
        # an adverbial clause holding the reported clause the parser hung on it
        (
            "Ana Ruiz warned residents as the storm approached that the river would rise.",
            "the river would rise",
            "Ana Ruiz",
        ),
    ],
    ids=[
        "said_what_parses_as_a_noun_phrase",
        "inverted_cue_after_a_comma",
        "reported_clause_inside_an_adverbial_clause",
    ],
)
def test_a_cue_with_what_looks_like_an_object_still_reports(
    text: str, words: str, speaker: str
) -> None:
    found = attribute_text(text)
    assert [(words in q.text, q.speaker) for q in found] == [(True, speaker)]


def test_saying_the_answer_is_still_speech() -> None:
    found = attribute_text("Ana Ruiz said the pier would close next year.")
    assert [(q.text, q.speaker) for q in found] == [("the pier would close next year", "Ana Ruiz")]


# After a cue inserted in the words, a phrase headed by an "-ing" form says how, or to
# what effect, it was said; a clause with its own verb, or elided words, is still reported.
AFTER_INSERTED_CUE = {
    "the manner of saying": (
        "\u201cWe are sorry. We know sorry fixes nothing,\u201d Mara Lind said, her voice"
        " shaking. \u201cWe will refund every ticket.\u201d",
        "voice shaking",
        False,
    ),
    "the effect of the words": (
        "Thirty boats stayed in port, the coast guard said, raising fears of a longer closure.",
        "raising fears",
        False,
    ),
    "elided words with a noun head": (
        "Paying the fees is hard for some fishers, Lena Vos said, especially those still"
        " recovering from the storm.",
        "especially those still recovering",
        True,
    ),
    "a clause with its own verb": (
        "The ramp, the mayor said, needs fixing before the summer crowds arrive.",
        "needs fixing",
        True,
    ),
}


@pytest.mark.parametrize(
    ("text", "words", "reported"), AFTER_INSERTED_CUE.values(), ids=AFTER_INSERTED_CUE.keys()
)
def test_a_participle_after_an_inserted_cue_is_not_reported(
    text: str, words: str, reported: bool
) -> None:
    assert any(words in q.text for q in attribute_text(text)) == reported
