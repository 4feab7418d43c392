"""Each construction the attribution engine must handle, on small hand-written texts."""

from __future__ import annotations

import random

import pytest

from ingest.attribute import attribute, attribute_text
from quotedesk.models import Article, Quote


def quotes_of(text: str, **kwargs) -> list[Quote]:
    found = attribute_text(text, **kwargs)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
    return found


def find(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert hits, f"no quote containing {words!r} in {[q.text for q in found]}"
    return hits[0]


def test_direct_quote_with_straight_marks_and_trailing_cue():
    found = quotes_of('"We have seen fewer cases every week since March," Hugh Hill said.')
    q = find(found, "fewer cases")
    assert q.text == "We have seen fewer cases every week since March"
    assert (q.speaker, q.kind, q.mention_kind, q.cue) == ("Hugh Hill", "direct", "named", "said")


def test_curly_marks_and_quote_split_around_the_cue():
    text = (
        "\u201cIt was awful,\u201d she said. "
        "\u201cWe left the house at once and never looked back.\u201d"
    )
    found = quotes_of("Maria Gomez lost her home in the flood.\n\n" + text)
    first, second = find(found, "awful"), find(found, "never looked back")
    assert first.speaker == second.speaker == "Maria Gomez"
    assert first.mention == "she" and first.mention_kind == "pronoun"


def test_quote_running_over_several_paragraphs_keeps_its_speaker():
    text = (
        '"Our children have lost far too much time already," Mayor Jane Doe said. '
        '"They need their teachers back.\n\n'
        '"Every week in a classroom matters for them.\n\n'
        '"We will not sit through another delay."\n'
    )
    found = quotes_of(text)
    for words in ("teachers back", "Every week", "another delay"):
        assert find(found, words).speaker == "Jane Doe"


def test_nested_quote_belongs_to_the_subject_of_the_reporting_verb():
    text = (
        "Chinese President Xi Jinping met Russian President Vladimir Putin on Wednesday.\n"
        "Xi said that the Russian president \"strongly supported China's efforts to protect "
        'key national interests," and Putin declared bilateral relations "a proper example '
        'of interstate cooperation in the 21st century."'
    )
    found = quotes_of(text)
    assert find(found, "strongly supported").speaker == "Xi Jinping"
    assert find(found, "proper example").speaker == "Vladimir Putin"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Marlow said that the relationship with police needs work.",
            "relationship",
            "Marlow",
        ),
        (
            "The relationship with police needs a lot of work, Marlow said.",
            "relationship",
            "Marlow",
        ),
        (
            "According to Dr. Amy Chan, the virus spreads mostly indoors.",
            "spreads mostly",
            "Amy Chan",
        ),
        (
            "Jorge Ruiz told Reuters the talks would resume next week.",
            "talks would resume",
            "Jorge Ruiz",
        ),
        (
            "Jorge Ruiz wrote in his blog that the talks had collapsed again.",
            "collapsed",
            "Jorge Ruiz",
        ),
        (
            "Senator Ann Lee tweeted that the vote was a disgrace for the state.",
            "disgrace",
            "Ann Lee",
        ),
    ],
)
def test_indirect_speech(text: str, words: str, speaker: str):
    q = find(quotes_of(text), words)
    assert q.speaker == speaker
    assert q.kind == "indirect"
    assert "said" not in q.text and "according" not in q.text.lower()


def test_added_and_colon_intro():
    text = (
        'Ann Lee spoke to the council on Monday. "We cannot keep raising fares every year," '
        "she said, adding that the subsidy had to grow.\n\n"
        'The minister wrote on Facebook: "We will appeal this decision in the highest court."\n'
    )
    found = quotes_of(text)
    assert find(found, "raising fares").speaker == "Ann Lee"
    assert find(found, "highest court").speaker == "The minister"
    assert find(found, "highest court").mention_kind == "nominal"


def test_mixed_quote_spans_the_reported_clause():
    q = find(quotes_of('Ann Lee said the ruling was "a victory for working families."'), "victory")
    assert q.kind == "mixed"
    assert q.text.startswith("the ruling was")
    assert q.speaker == "Ann Lee"


def test_question_then_quote_has_context_speaker_or_none():
    text = (
        "What did Okafor make of the late tackle?\n\n"
        '"I only saw the ball and went for it, it was instinct more than anything."\n'
    )
    q = find(quotes_of(text), "saw the ball")
    assert q.speaker in (None, "Okafor")


def test_unattributed_quote_far_from_any_speaker_is_unknown():
    q = find(quotes_of('"Nobody here knows what will happen to the old mill next year."'), "mill")
    assert q.speaker is None
    assert q.mention_kind == "none"


def test_scare_quotes_and_titles_are_not_statements():
    text = (
        'The so-called "Summit for Democracy" sorted countries into "good" and "bad" ones.\n'
        'The film "Gone Girl" was shown at the festival on Friday.\n'
    )
    assert quotes_of(text) == []


def test_apposition_title_pronoun_and_surname_resolve_to_the_full_name():
    text = (
        "Erik van Sebille, an oceanographer at Utrecht University, said most plastic "
        "stays in the ocean for decades.\n\n"
        '"It never really goes away, it just breaks into smaller pieces," van Sebille said.\n\n'
        '"Nobody can clean the whole ocean with nets and boats," he added.\n'
    )
    found = quotes_of(text)
    for words in ("most plastic", "never really goes away", "clean the whole ocean"):
        q = find(found, words)
        assert q.speaker == "Erik van Sebille"
        assert q.speaker_title == "an oceanographer at Utrecht University"
    assert find(found, "never really").mention == "van Sebille"


def test_nominal_mentions_resolve_to_people_and_organisations():
    text = (
        "The mayor, Jane Doe, opened the new bridge on Saturday.\n\n"
        '"This bridge connects two halves of the city at last," the mayor said.\n\n'
        "Amtrak said in a statement that train service would resume on Monday.\n\n"
        '"Trains will run on a reduced schedule for a few days," the company said.\n\n'
        "Lt. David Lelevier said officers had made three arrests overnight.\n"
    )
    found = quotes_of(text)
    assert find(found, "two halves").speaker == "Jane Doe"
    assert find(found, "reduced schedule").speaker == "Amtrak"
    lelevier = find(found, "three arrests")
    assert lelevier.speaker == "David Lelevier"
    assert lelevier.speaker_title == "Lt."


def test_names_that_are_ordinary_words():
    text = (
        "Paul Expert, a spokesman for the fishermen's union, "
        "said the nets were full of plastic.\n\n"
        '"We will not stop fishing because of this mess," Expert said.\n'
    )
    found = quotes_of(text)
    assert find(found, "nets were full").speaker == "Paul Expert"
    assert find(found, "stop fishing").speaker == "Paul Expert"


def test_section_headers_give_their_paragraphs_to_the_expert():
    text = (
        "Two economists weigh in on the rate cut.\n"
        "Jane Roe, a professor of economics at Dalhousie University\n"
        "Lower rates will help first-time buyers most.\n"
        "Savers, however, will lose out again.\n"
        "Tom Bay, head of research at the Harbour Institute\n"
        "The cut came too late to matter this year.\n"
    )
    found = quotes_of(text, author="Daily Example")
    roe = find(found, "first-time buyers")
    assert (roe.speaker, roe.kind) == ("Jane Roe", "section")
    assert roe.speaker_title == "a professor of economics at Dalhousie University"
    assert find(found, "Savers").speaker == "Jane Roe"
    assert find(found, "too late").speaker == "Tom Bay"
    assert find(found, "Two economists").speaker == "Daily Example"


@pytest.mark.parametrize(
    "byline",
    [
        "Jane Roe, The Associated Press",
        "By Tom Bell, Chief Sports Writer",
        "BY TOM BELL, SENIOR HEALTH CORRESPONDENT",
    ],
)
def test_byline_is_not_a_section_header(byline: str):
    text = f"{byline}\n\nMarkets rose on Thursday as oil prices fell.\n"
    assert quotes_of(text) == []


def test_news_narration_is_not_a_quote_but_opinion_narration_is_the_authors():
    text = "Markets rose on Thursday as oil prices fell for a third day in a row.\n"
    news = Article(id="n1", title="t", text=text, source="s", content_hash="h", author="Ann Lee")
    opinion = Article(
        id="o1",
        title="t",
        text=text,
        source="s",
        content_hash="h",
        author="Ann Lee",
        categories=("OPINION",),
    )
    assert attribute(news) == []
    (q,) = attribute(opinion)
    assert (q.speaker, q.kind, q.id, q.article_id) == ("Ann Lee", "section", "o1:q0", "o1")


def test_unbalanced_marks_are_bounded_by_the_paragraph():
    text = (
        '"This quote never closes, said nobody in particular on Monday\n\n'
        'Jorge Ruiz said the bridge would open in May. "It is ready," he said.\n'
    )
    found = quotes_of(text)
    assert all("\n" not in q.text for q in found)
    assert find(found, "bridge would open").speaker == "Jorge Ruiz"


def test_random_quote_marks_never_crash():
    base = (
        'Jorge Ruiz said the bridge would open in May. "It is ready for traffic," he said.\n\n'
        "According to the city, the repairs cost $4 million. 'We are proud,' the mayor said.\n"
    )
    rng = random.Random(7)
    marks = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
    for _ in range(25):
        chars = list(base)
        for _ in range(rng.randint(1, 6)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(marks))
        text = "".join(chars)
        for q in quotes_of(text):
            assert q.start < q.end
            assert q.start == 0 or "\n" not in text[q.start : q.end]


def test_quotes_are_sorted_and_ids_follow_the_article():
    text = (
        '"We will not stop," Ann Lee said.\n\n'
        "Jorge Ruiz said the strike would end on Friday at the latest.\n"
    )
    article = Article(id="a1", title="t", text=text, source="s", content_hash="h")
    found = attribute(article)
    assert [q.id for q in found] == [f"a1:q{i}" for i in range(len(found))]
    assert [q.start for q in found] == sorted(q.start for q in found)


def test_organisation_mentioned_by_its_initials_gets_its_full_name():
    text = (
        "Northern Harbour Authority declined to comment on the dispute on Monday.\n\n"
        "NHA said the dredging bill was the biggest it had faced.\n"
    )
    q = find(quotes_of(text), "dredging bill")
    assert q.speaker == "Northern Harbour Authority"
    assert q.mention == "NHA"


def test_they_can_refer_to_a_group_named_by_a_plural_noun():
    text = (
        "Republican senators met at the Capitol on Tuesday, an aide told reporters.\n\n"
        "They said the bill would not pass without changes to the spending plan.\n"
    )
    q = find(quotes_of(text), "bill would not pass")
    assert q.speaker == "Republican senators"
    assert q.mention_kind == "pronoun"


def test_double_close_typed_as_two_single_marks_ends_the_quote():
    text = (
        "Maria Lopez opened the print shop on King Street last spring. "
        "\u201cWe sell only comics by local artists,\u2019\u2019 says the 41-year-old "
        "owner of Inkwell Comics, which recently turned two."
    )
    quote = find(quotes_of(text), "comics by local artists")
    assert quote.text == "We sell only comics by local artists"
    assert quote.speaker == "Maria Lopez"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Acme Corp. said on Monday that Globex Corp. had cut its rates. "
            "But the company said it would not lower its own prices this winter.",
            "not lower its own prices",
            "Acme Corp.",
        ),
        (
            "Tom Baker said Mark Little had blocked the driveway for a week. "
            "He said he called the city three times before anyone came out.",
            "three times",
            "Tom Baker",
        ),
    ],
)
def test_later_mention_means_the_sentence_subject_not_the_reported_one(text, words, speaker):
    assert find(quotes_of(text), words).speaker == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The Harbour Trust has warned about rising water for years. A study by the "
            "Coastal Research Council found that the seawall is failing. The report said "
            "repairs would cost at least $40 million over the next decade.",
            "repairs would cost",
            "Coastal Research Council",
        ),
        (
            "Officials in Ottawa met on Monday. A statement from the Fisheries Council said "
            "the quota would be cut by a third starting next spring.",
            "quota would be cut",
            "Fisheries Council",
        ),
    ],
)
def test_a_document_speaks_for_whoever_issued_it(text, words, speaker):
    assert speaker in find(quotes_of(text), words).speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The Harbour Trust has warned about rising water for years.\n\n"
            "Ferry traffic fell by a third last winter, according to figures released on "
            "Monday by the Coastal Shipping Federation.",
            "Ferry traffic fell",
            "Coastal Shipping Federation",
        ),
        (
            "The school board voted to close two libraries on Tuesday.\n\n"
            "A statement e-mailed to parents by Owen Pratt, who chairs the board, said "
            '"no final decision on staffing has been made."',
            "final decision",
            "Owen Pratt",
        ),
    ],
)
def test_a_document_speaks_for_whoever_released_it(text, words, speaker):
    assert speaker in find(quotes_of(text), words).speaker


def test_a_link_to_another_story_is_not_part_of_the_article():
    text = (
        "Coach Daniel Ortiz spoke to reporters after the game on Saturday.\n\n"
        "READ MORE: Premier Alan Brooks says the new arena will open in 2021\n\n"
        '"We played our best hockey of the season tonight," he said.'
    )
    found = quotes_of(text)
    assert find(found, "best hockey").speaker == "Daniel Ortiz"
    assert not [q for q in found if "arena" in q.text]


def test_an_embedded_post_is_its_posters_words():
    # the signature names Whitfield just before "he said": it must not make her a "he"
    text = (
        "Opposition critic Dana Whitfield has been outspoken about the delays.\n\n"
        "Mayor Tom Keller defended the budget at Tuesday's council meeting.\n\n"
        "Three weeks and still no plan for the bridge. Residents deserve answers, not "
        "excuses. pic.twitter.com/AbC123xyZ \u2014 Dana Whitfield (@danawhit) March 3, 2019\n\n"
        '"We have a plan and we are sticking to it," he said.'
    )
    found = quotes_of(text)
    post = find(found, "Residents deserve answers")
    assert post.text == (
        "Three weeks and still no plan for the bridge. Residents deserve answers, not excuses."
    )
    assert post.speaker == "Dana Whitfield"
    assert find(found, "sticking to it").speaker == "Tom Keller"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Rosa and Miguel Ferreira opened their bakery on Queen Street in 2009.\n\n"
            "The couple said rising rents have forced them to look for a new location.",
            "rising rents",
        ),
        (
            "In a joint statement, the owners, Rosa and Miguel Ferreira, said they respected "
            "the vote.\n\n"
            '"Our staff deserve a safe and fair workplace," they said.',
            "safe and fair",
        ),
    ],
)
def test_two_people_named_together_speak_as_one_group(text, words):
    assert find(quotes_of(text), words).speaker == "Rosa and Miguel Ferreira"


@pytest.mark.parametrize("surname", ["Holland", "Chester"])
def test_a_surname_the_ner_takes_for_a_place_or_company_is_a_person(surname):
    text = (
        "Former pitcher Dan Mercer has played in the celebrity event for years.\n\n"
        f"When asked which was harder, {surname} didn't hesitate.\n\n"
        '"Golf is harder, and I still get nervous on the first tee," he said.'
    )
    assert find(quotes_of(text), "first tee").speaker == surname


SPLIT_CASES = [
    pytest.param(
        "Dr. Alan Pierce runs three addiction clinics.\n\n"
        "More often than not, he says, patients leave the emergency room with more pills.",
        ["More often than not", "patients leave the emergency room with more pills."],
        "Alan Pierce",
        id="cue-inserted-in-the-words",
    ),
    pytest.param(
        "Former premier Ruth Calloway announced on Monday that she will leave the party's top "
        "job in the spring, saying younger members should lead the campaign.",
        [
            "she will leave the party's top job in the spring",
            "younger members should lead the campaign",
        ],
        "Ruth Calloway",
        id="participle-cue-takes-over",
    ),
]


@pytest.mark.parametrize(("text", "parts", "speaker"), SPLIT_CASES)
def test_reported_words_split_where_another_cue_comes_in(text, parts, speaker):
    found = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert [q.text for q in found] == parts
    assert {q.speaker for q in found} == {speaker}


def test_a_short_quoted_sentence_of_its_own_is_a_statement():
    text = (
        "Nora Quinn won her first world fencing title in Montreal.\n\n"
        '"My partner did the hard work in our first season," she said. "I was brand new."'
    )
    found = quotes_of(text)
    assert find(found, "I was brand new").speaker == "Nora Quinn"
    assert find(found, "I was brand new").text == "I was brand new."


def test_an_embedded_videos_blurb_is_not_part_of_the_article():
    text = (
        "Irene Marsh lost her son to an overdose in 2016.\n\n"
        "Why sleeping pills and painkillers do not mix. Our reporter Ravi Patel explains "
        "the risks. 3:12\n\n"
        "After the funeral, she urged detectives to find the man who sold the pills."
    )
    found = quotes_of(text)
    assert not [q for q in found if "risks" in q.text]
    assert find(found, "sold the pills").speaker == "Irene Marsh"


def test_a_clause_hung_on_the_statement_is_what_was_said():
    text = (
        "Health official Mira Santos announced the plan on Tuesday.\n\n"
        "She said in a statement that the night clinic would take patients from early June."
    )
    found = find(quotes_of(text), "take patients")
    assert found.speaker == "Mira Santos"


# Who speaks, case by case: each names the construction it checks; ``exact`` compares the
# whole speaker, otherwise the expected name only has to be part of it (a title may lead).
SPEAKER_CASES = [
    pytest.param(
        "The Hawks beat the Owls 3-1 on Saturday night.\n\n"
        "Brannigan has scored in four straight games. The 24-year-old centre said "
        "the new line is finally starting to click.",
        "finally starting",
        "Brannigan",
        True,
        id="role_description_after_a_bare_surname_subject",
    ),
    pytest.param(
        "Tom Keller has run the bakery on Main Street for thirty years.\n\n"
        "Priya Nandal/The Daily Courier\n\n"
        "He said the rent has doubled since the new tower went up next door.",
        "rent has doubled",
        "Tom Keller",
        True,
        id="photo_credit_is_not_an_antecedent",
    ),
    pytest.param(
        "Mark Dunn ordered Ann Reyes to hide under his bed.\n\n"
        "Mark Dunn was arrested two days later when he returned home.\n\n"
        "She told officers the house had been silent for hours.",
        "silent for hours",
        "Ann Reyes",
        True,
        id="pronoun_after_a_name_in_object_position_does_not_set_its_gender",
    ),
    pytest.param(
        "Northgate Shipping said on Monday that the new berths will cost $40 million.\n\n"
        "The Daily Courier A crane is shown at the harbour on Monday.\n\n"
        "The company said the berths would open to cargo ships in the spring.",
        "open to cargo ships",
        "Northgate Shipping",
        True,
        id="credit_run_into_a_caption_is_not_an_antecedent",
    ),
    pytest.param(
        "Lena Ostrova won the regional spelling bee on Saturday.\n\n"
        '"We never expected her to get this far so soon," says her uncle, Tavish.',
        "never expected",
        "Tavish",
        True,
        id="a_relative_named_in_apposition_is_the_speaker",
    ),
    pytest.param(
        "Governor Ella Marsh toured the flooded coast on Sunday.\n\n"
        "Roman, a local resident who runs boat tours to the island, said the sea had "
        'been calm all morning.\n\n"Then the water just came at us," he said.',
        "came at us",
        "Roman",
        True,
        id="someone_described_as_a_person_is_a_person_whatever_ner_says",
    ),
    pytest.param(
        "Inspector Alan Reyes described the raid at a news conference.\n\n"
        "But Harbourview said he did not see anything threatening in the camp that morning.\n\n"
        '"We were standing there with our hands up," he said.',
        "hands up",
        "Harbourview",
        True,
        id="a_name_that_says_he_is_a_person_whatever_ner_says",
    ),
    pytest.param(
        "Transport Minister Ruth Calloway toured the rail yard on Monday.\n\n"
        "In a statement, her office said the inspection schedule would be doubled next year.",
        "inspection schedule",
        "Ruth Calloway's office",
        True,
        id="an_office_speaks_for_its_owner_not_as_them",
    ),
    pytest.param(
        "Senators returned to Washington on Monday.\n\n"
        "One Republican, Utah Sen. Mark Holloway, said Sunday that the shutdown had gone on "
        "far too long for federal workers.",
        "shutdown",
        "Mark Holloway",
        True,
        id="a_party_word_with_the_person_in_apposition_is_that_person",
    ),
    pytest.param(
        "Senate Majority Leader Tom Whitcomb blamed the governors for the delay.\n\n"
        "The Ohio Republican said the states had months to prepare and chose not to.",
        "months to prepare",
        "Tom Whitcomb",
        True,
        id="the_party_member_description_means_the_person_named_before",
    ),
    pytest.param(
        "A provincial judge said the accused posed a serious risk to the public.\n\n"
        "Maria Ortega, a provincial court judge since 2012, denied bail on Friday.",
        "serious risk",
        "Maria Ortega",
        True,
        id="a_role_noun_can_be_named_just_after",
    ),
    pytest.param(
        "Judge Maria Ortega has sat on the provincial court since 2012.\n\n"
        "The judge said the accused posed a serious risk to the public.",
        "serious risk",
        "Maria Ortega",
        True,
        id="a_title_before_a_name_in_a_plain_paragraph_gives_the_role",
    ),
    pytest.param(
        "Northern Pacific Railway runs freight across the prairies.\n\n"
        "Spokesman Tom Reed said the trains would keep running through the storm.\n\n"
        "The Winnipeg-based railway said crews would clear the tracks overnight.",
        "clear the tracks",
        "Northern Pacific Railway",
        True,
        id="the_railway_means_the_railway_not_its_spokesman",
    ),
    pytest.param(
        "Police arrested Mark Dunn at his home in Red Deer on Friday.\n\n"
        "The Alberta judge said the bail hearing would resume on Monday morning.",
        "bail hearing",
        "The Alberta judge",
        True,
        id="an_office_named_by_place_is_not_the_last_man_mentioned",
    ),
    pytest.param(
        "The Harbour Authority opened the new pier on Monday.\n\n"
        "Environmental organizations said the pier would harm the salmon run for years.",
        "salmon run",
        "Environmental organizations",
        True,
        id="a_plural_group_is_not_the_organisation_named_before",
    ),
    pytest.param(
        "Omar Haddad arrived in Halifax with his family in 2016. Karim Nasser came a "
        "year later.\n\n"
        "Like Karim Nasser, he has not found steady work yet, but he keeps looking. "
        '"I will take any job that pays the rent," he said.',
        "pays the rent",
        "Omar Haddad",
        True,
        id="a_name_in_a_fronted_phrase_is_not_the_one_who_speaks_next",
    ),
    pytest.param(
        "Police in three cities received bomb threats by e-mail on Thursday.\n\n"
        "Director, threat research at security firm Norvale, Paul Haldane, said the "
        "threats came from a single group of senders.",
        "single group",
        "Paul Haldane",
        True,
        id="a_name_closing_a_described_subject_is_the_speaker",
    ),
    pytest.param(
        "Maria Lopez has run her shelter on Main Street for ten years.\n\n"
        "Volunteer Chris Adair set up the extra beds on Monday night.\n\n"
        "The shelter was full by ten.\n\n"
        '"We never turn anyone away, whatever the weather," she said.',
        "turn anyone away",
        "Maria Lopez",
        True,
        id="a_passer_by_of_unknown_gender_is_not_the_she_who_speaks",
    ),
    pytest.param(
        "Ellen Marsh has campaigned for safer streets since 2016.\n\n"
        "Tyler Marsh, her son, was hurt in a crash in May, and she demanded that the city "
        "install a stop sign at the corner.",
        "stop sign",
        "Ellen Marsh",
        True,
        id="a_family_title_gives_the_gender",
    ),
    pytest.param(
        "Dorothy Kessler has written twelve cookbooks.\n\n"
        "Her husband, Martin Kessler, tests every recipe at home.\n\n"
        "Kessler said she still cooks dinner every night, even on book tours.",
        "cooks dinner",
        "Dorothy Kessler",
        True,
        id="a_shared_surname_means_the_person_introduced_first",
    ),
    pytest.param(
        "Lena Haddad heard on Friday from Housing, Infrastructure and Communities Canada, "
        "and the federal department has questions about her grant.\n\n"
        'The department added that "a second review may be needed in some cases."',
        "second review",
        "Communities Canada",
        False,
        id="a_description_tagged_as_a_name_is_not_an_organisation",
    ),
    pytest.param(
        "Harbour Mining reported a loss for the year.\n\n"
        "\u201cOur fuel costs doubled in a single quarter,\u201d Nadia Ferrante, the "
        "firm\u2019s chief financial officer, mentioned in a 2015 interview.",
        "fuel costs",
        "Nadia Ferrante",
        True,
        id="a_trailing_cue_after_a_name_and_its_description",
    ),
    pytest.param(
        "Maple Hall, a non-profit agency that runs shelters, said on Monday that it is "
        "studying why people avoid them.\n\n"
        "Nina Patel, lead researcher at Maple Hall, says the project began last year. "
        "Maple Hall has worked with homeless people since 1990.\n\n"
        '"People told us they feel safer in smaller rooms," she says.',
        "smaller rooms",
        "Nina Patel",
        True,
        id="a_name_described_as_an_agency_is_an_organisation",
    ),
    pytest.param(
        "Flooding closed the coastal highway on Sunday.\n\n"
        "A transport ministry official in the northern district named Budi told reporters "
        "the road would reopen within a week.",
        "reopen within a week",
        "Budi",
        True,
        id="a_description_that_names_its_person_is_that_person",
    ),
    pytest.param(
        "Mayor Tom Reid has lobbied for the bridge since 2015.\n\n"
        "Ottawa has promised $2 billion for the project, to be spent in Ottawa and "
        "nearby towns.\n\n"
        '"It is not enough, and everyone knows it," he said.',
        "not enough",
        "Tom Reid",
        True,
        id="a_place_the_article_also_puts_people_in_stays_a_place",
    ),
    pytest.param(
        "Councillor Rita Okafor wants a rent freeze.\n\n"
        "Okafor said all three levels of government must act together, even though "
        "Premier Alan Brooks has cut rent control.\n\n"
        '"Tenants cannot wait another winter for this to be fixed."',
        "another winter",
        "Rita Okafor",
        False,
        id="a_person_named_inside_reported_speech_does_not_take_the_next_quote",
    ),
    pytest.param(
        "Paramedic union head Dana Reyes has warned about delays for months.\n\n"
        '"We answer most calls on time," Emergency Health Services chief Tom Keller '
        "said on Monday.\n\n"
        "According to the agency, nine in ten calls are answered within the hour, but Reyes "
        "says that is not what crews see.\n\n"
        '"Some nights a call waits 45 minutes for an ambulance."',
        "45 minutes",
        "Dana Reyes",
        True,
        id="a_speaker_inside_another_frames_clause_still_takes_the_next_quote",
    ),
    pytest.param(
        "Zelnik would not say if it had accepted the regulator's terms.\n\n"
        'Zelnik told its staff it is "doing everything it can" to restore the app.\n\n'
        "Its chief executive, Dana Whitfield, was travelling on Friday.\n\n"
        "It also said the outage had no effect on its customers.",
        "no effect",
        "Zelnik",
        True,
        id="a_name_the_text_calls_it_is_an_organisation",
    ),
    pytest.param(
        "Peter Vance, an office manager, was on the fourth floor when the shooting began.\n\n"
        "Marco Reyes and two colleagues hid under their desks, he said, while another "
        "worker ran to the roof.",
        "hid under their desks",
        "Peter Vance",
        True,
        id="he_is_not_the_person_named_in_what_he_reports",
    ),
    pytest.param(
        "Dan Mercer won his fight earlier in the night.\n\n"
        "The arena watched yet another historic performance by Jordan, the fearless "
        'fighter who calls herself "The Hammer of the North."',
        "Hammer",
        "Jordan",
        True,
        id="a_description_set_beside_a_name_speaks_for_that_name",
    ),
    pytest.param(
        "Owen Pratt leads the group of members who want a new board.\n\n"
        "Mr. Pratt argued that the decision weakened his members' case, noting the "
        "league's office often phones its members at home.",
        "phones its members",
        "Owen Pratt",
        True,
        id="a_participle_hung_inside_the_reported_clause_keeps_the_speaker",
    ),
    pytest.param(
        "OTTAWA \u2014 NDP Leader Martin Kessler says Premier Ann Ross is the least trusted "
        "premier in the country.",
        "least trusted",
        "Martin Kessler",
        True,
        id="a_dateline_is_not_the_reported_clause",
    ),
    pytest.param(
        "Maria Lopez says the walking program changed her life.\n\n"
        "Regular exercise also produced results for Toronto businesswoman Priya Sandhu, 50. "
        '"I finally built a habit that sticks," she says.',
        "habit that sticks",
        "Priya Sandhu",
        True,
        id="a_person_introduced_just_before_a_quote_is_who_speaks",
    ),
    pytest.param(
        "Ann Ross is running in the Westside by-election.\n\n"
        "Ross has said she plans to spend the next month knocking on doors in the riding, "
        "so she can tick \u201celected\u201d off her list.",
        "knocking on doors",
        "Ann Ross",
        True,
        id="a_quoted_word_outside_the_reported_clause_leaves_the_clause_reported",
    ),
    pytest.param(
        "Civic group director Nadia Ferrante presented the study on Tuesday.\n\n"
        "That is not only a problem for the riders who are left waiting, but for the whole "
        "region, argued Ferrante.",
        "left waiting",
        "Nadia Ferrante",
        False,
        id="an_inverted_cue_whose_name_was_parsed_as_an_object",
    ),
    pytest.param(
        "The Coastal Paramedics Union has tracked ambulance delays since 2017.\n\n"
        "Nova Health Corp. disputes the figures.\n\n"
        "When too few ambulances are free in a zone, the union posts an alert. On Monday, "
        "it said only one unit was free in the whole city.",
        "only one unit",
        "Coastal Paramedics Union",
        False,
        id="the_organisation_noun_as_subject_keeps_that_organisation_in_view",
    ),
    pytest.param(
        "Northern Rail Freight runs four trains a day through the pass.\n\n"
        "Harbour Logistics Inc. has also asked for more track time.\n\n"
        "The rail company said on Monday that it would cut train lengths in extreme cold.",
        "train lengths",
        "Northern Rail Freight",
        True,
        id="a_modifier_names_the_organisation_a_noun_stands_for",
    ),
    pytest.param(
        "A study by the Coastal Research Council found that the seawall is failing. "
        "The Harbour Trust has asked for a second opinion, and a memo circulated on Friday. "
        "The report said repairs would cost at least $40 million over the next decade.",
        "repairs would cost",
        "Coastal Research Council",
        False,
        id="a_document_without_an_issuer_does_not_hide_the_one_that_has_one",
    ),
    pytest.param(
        "A report by the Coastal Shipping Federation said ferry traffic fell by a third "
        "last winter.\n\n"
        '"This is a serious challenge for every coastal town."',
        "serious challenge",
        "Coastal Shipping Federation",
        False,
        id="a_bare_quote_after_reported_speech_continues_that_speaker",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "exact"), SPEAKER_CASES)
def test_who_speaks(text: str, fragment: str, speaker: str, exact: bool) -> None:
    found = find(quotes_of(text), fragment).speaker
    assert found == speaker if exact else speaker in (found or "")
