"""Primary sources: transcripts (labelled text, Q:/A:, WebVTT, SRT) and PDFs.

Every sentence here is invented. PDFs are written by a tiny generator below (one
Helvetica text block per page, or an image with no text layer), encrypted with pypdf.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assistant import QuoteDesk
from assistant.verify import explain
from ingest.load import load
from ingest.pipeline import process
from quotedesk.cli import main
from quotedesk.errors import LoadError
from quotedesk.models import Article
from quotedesk.web.ui_format import byline

TOWN_HALL = """Town hall on harbour housing

MAYOR LENA OSTROVA: Good evening. We will build four hundred homes on the old ferry yard.
Construction starts in the spring.
COUNCILLOR BRAM VELDT: The budget for that has never been approved by this council.
OSTROVA: It was approved in March, and the minutes say so.
AUDIENCE MEMBER: What about the fishing sheds?
"""

INTERVIEW = """Interview with Priya Andersen, head of the lighthouse trust
Interviewer: Tomas Reyes

Q: Why close the lighthouse museum?
A: Because the roof is failing and we refuse to put visitors under it.
Q: When will it reopen?
A: Not before the harbour festival of next year.
"""

FAQ = """Q: Where do I park?
A: Behind the library.
Q: Is it free?
A: Yes, after six.
"""

VTT = """WEBVTT - Harbour committee hearing

NOTE recorded by the clerk

1
00:12:31.000 --> 00:12:34.500
<v Lena Ostrova>The ferry yard will house four hundred families.

2
00:12:34.500 --> 00:12:38.000
<v Lena Ostrova>Nobody will be moved out of the sheds.

3
00:12:38.000 --> 00:12:41.000
<v.loud Bram Veldt>That promise is not in the plan &amp; you know it.
"""

SRT = """1
00:00:05,000 --> 00:00:08,000
MAYOR OSTROVA: The harbour bridge opens in June.

2
00:00:08,000 --> 00:00:11,000
<i>We paid for it without new taxes.</i>

3
00:00:11,500 --> 00:00:13,000
BRAM VELDT: We will see the invoices first.

4
00:00:13,000 --> 00:00:15,000
>> Where is the money going?
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def one(path: Path) -> Article | LoadError:
    [item] = list(load([path]))
    return item


def quotes_of(article: Article) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in process(article).quotes]


# --- labelled text ----------------------------------------------------------------------


def test_labelled_transcript_turns_are_quotes_with_full_names(tmp_path: Path) -> None:
    article = one(write(tmp_path, "town-hall.txt", TOWN_HALL))
    assert isinstance(article, Article) and article.kind == "transcript"
    assert article.title == "Town hall on harbour housing"
    quotes = process(article).quotes
    assert [(q.speaker, q.confidence) for q in quotes] == [
        ("Lena Ostrova", 1.0),
        ("Bram Veldt", 1.0),
        ("Lena Ostrova", 1.0),  # "OSTROVA" alone is the mayor named above
    ]
    assert quotes[0].speaker_title == "Mayor"
    assert quotes[0].text == (
        "Good evening. We will build four hundred homes on the old ferry yard. "
        "Construction starts in the spring."
    )
    assert all(q.text == article.text[q.start : q.end] for q in quotes)
    # the audience member's words are stored, but nobody is named: no quote
    assert "What about the fishing sheds?" in article.text
    assert all("fishing" not in q.text for q in quotes)


def test_interview_answers_belong_to_the_interviewee_named_in_the_header(tmp_path) -> None:
    article = one(write(tmp_path, "interview.txt", INTERVIEW))
    assert isinstance(article, Article) and article.kind == "transcript"
    assert quotes_of(article) == [
        ("Tomas Reyes", "Why close the lighthouse museum?"),
        ("Priya Andersen", "Because the roof is failing and we refuse to put visitors under it."),
        ("Tomas Reyes", "When will it reopen?"),
        ("Priya Andersen", "Not before the harbour festival of next year."),
    ]


def test_q_and_a_without_a_named_interviewee_stays_an_ordinary_text(tmp_path) -> None:
    article = one(write(tmp_path, "faq.txt", FAQ))
    assert isinstance(article, Article) and article.kind == "article"


DIGEST = """Markets at midday

GRAIN: Wheat futures slipped after a wet week in the plains.
SHIPPING: Freight rates held steady on the northern routes.
METALS: Copper edged up on talk of new smelter limits.
"""


HEADER_ARTICLE = "Title: Harbour night\nAuthor: Ada Lind\nText:\n" + TOWN_HALL


@pytest.mark.parametrize(
    "text",
    [DIGEST, HEADER_ARTICLE],
    ids=["section heads of a digest", "an article in the header format keeps its header"],
)
def test_labels_that_never_take_turns_are_not_a_transcript(tmp_path: Path, text: str) -> None:
    article = one(write(tmp_path, "digest.txt", text))
    assert isinstance(article, Article) and article.kind == "article"


def test_an_ordinary_article_is_not_taken_for_a_transcript(sample_article_path: Path) -> None:
    article = one(sample_article_path)
    assert isinstance(article, Article) and article.kind == "article"


def test_labelled_lines_may_carry_their_time(tmp_path: Path) -> None:
    text = (
        "[00:41:07] LENA OSTROVA: The yard stays public land.\n"
        "Bram Veldt (41:15): Then say so in the contract.\n"
        "[00:41:20] LENA OSTROVA: We will.\n"
    )
    article = one(write(tmp_path, "debate.txt", text))
    assert isinstance(article, Article)
    assert [(q.speaker, article.time_at(q.start)) for q in process(article).quotes] == [
        ("Lena Ostrova", "00:41:07"),
        ("Bram Veldt", "00:41:15"),
        ("Lena Ostrova", "00:41:20"),
    ]


# --- WebVTT and SRT ---------------------------------------------------------------------


def test_webvtt_voices_and_cue_times(tmp_path: Path) -> None:
    article = one(write(tmp_path, "hearing.vtt", VTT))
    assert isinstance(article, Article) and article.kind == "transcript"
    assert article.title == "Harbour committee hearing"
    assert quotes_of(article) == [
        (
            "Lena Ostrova",
            "The ferry yard will house four hundred families. "
            "Nobody will be moved out of the sheds.",
        ),
        ("Bram Veldt", "That promise is not in the plan & you know it."),
    ]
    nobody = article.text.index("Nobody")
    assert article.time_at(nobody) == "00:12:34"
    assert article.time_at(nobody - 3) == "00:12:31"
    assert article.time_at(article.text.index("That promise")) == "00:12:38"


def test_srt_labels_carry_over_to_unlabelled_cues(tmp_path: Path) -> None:
    article = one(write(tmp_path, "bridge.srt", SRT))
    assert isinstance(article, Article)
    assert article.title == "bridge (transcript)"
    assert quotes_of(article) == [
        ("Ostrova", "The harbour bridge opens in June. We paid for it without new taxes."),
        ("Bram Veldt", "We will see the invoices first."),
    ]
    assert article.time_at(article.text.index("We paid")) == "00:00:08"
    # ">>" marks a new, unnamed speaker: stored, but nobody's quote
    assert "Where is the money going?" in article.text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.vtt", "WEBVTT\n", "no cues"),
        ("nohead.vtt", "00:00:01.000 --> 00:00:02.000\nHello there.\n", "first line must be"),
        (
            "badcue.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFine.\n\n00:0x:01 -> later\nBroken.\n",
            "malformed cue at line 6",
        ),
        ("badcue.srt", "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\nno timing\n", "line 5"),
        ("silent.srt", "1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n", "no spoken text"),
    ],
)
def test_bad_caption_files_are_named(tmp_path: Path, name: str, content: str, reason: str) -> None:
    error = one(write(tmp_path, name, content))
    assert isinstance(error, LoadError)
    assert reason in error.reason


# --- PDFs -------------------------------------------------------------------------------


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(pages: list[list[str]], *, title: str | None = None) -> bytes:
    """A minimal PDF: each page draws its lines in Helvetica; an empty page draws a 1x1
    image instead (no text layer, as a scan)."""
    objects: list[bytes] = []
    kids = []
    for lines in pages:
        page_no = len(objects) + 5
        if lines:
            shown = " T* ".join(f"{_pdf_string(line)} Tj" for line in lines)
            stream = f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET".encode()
        else:
            stream = b"q 100 0 0 100 72 600 cm /Im1 Do Q"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_no + 1} 0 R "
            "/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(f"{page_no} 0 R")
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
    ]
    info = [f"<< /Title {_pdf_string(title)} >>".encode()] if title else []
    body = head + objects + info
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(body, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (n, obj))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(body) + 1))
    out.writelines(b"%010d 00000 n \n" % o for o in offsets)
    trailer = f"trailer\n<< /Size {len(body) + 1} /Root 1 0 R"
    trailer += f" /Info {len(body)} 0 R" if info else ""
    out.write(f"{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


STATEMENT = [
    ["Statement of the harbour trust", "The trust will not sell the ferry yard."],
    [],
    ["The board voted on the matter twice.", "Both votes were unanimous, the chair said."],
]


def test_pdf_text_per_page_with_page_offsets(tmp_path: Path) -> None:
    path = write(tmp_path, "statement.pdf", make_pdf(STATEMENT, title="Harbour trust statement"))
    article = one(path)
    assert isinstance(article, Article) and article.kind == "pdf"
    assert article.title == "Harbour trust statement"
    assert article.page_at(article.text.index("will not sell")) == 1
    assert article.page_at(article.text.index("Both votes")) == 3
    assert "no text on page(s) 2 (scanned?)" in article.cleaning_notes


def test_pages_stay_right_when_a_repeated_footer_is_dropped(tmp_path: Path) -> None:
    footer = [
        "Harbour trust, registered charity, all rights reserved in every harbour.",
        "Printed on paper from the trust's own recycling programme at the yard.",
    ]
    pages = [[*footer, "The yard is not for sale."], [*footer, "The sheds will be repaired."]]
    article = one(write(tmp_path, "footer.pdf", make_pdf(pages)))
    assert isinstance(article, Article)
    assert article.text.count("registered charity") == 1  # the cleaner kept one copy
    assert article.page_at(article.text.index("not for sale")) == 1
    assert article.page_at(article.text.index("sheds will")) == 2


def test_scanned_encrypted_and_broken_pdfs_are_refused_with_the_reason(tmp_path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(STATEMENT)))
    writer.encrypt(user_password="harbour", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    cases = {
        "scan.pdf": (make_pdf([[], []]), "no text layer"),
        "locked.pdf": (locked.getvalue(), "encrypted"),
        "broken.pdf": (b"%PDF-1.4\nthis is not a pdf body", "not a readable PDF"),
    }
    for name, (content, reason) in cases.items():
        error = one(write(tmp_path, name, content))
        assert isinstance(error, LoadError), name
        assert reason in error.reason, (name, error.reason)


# --- end to end -------------------------------------------------------------------------


def test_one_library_of_transcripts_and_pdfs_cites_times_and_pages(tmp_path: Path, capsys) -> None:
    good = [
        write(tmp_path, "hearing.vtt", VTT),
        write(tmp_path, "statement.pdf", make_pdf(STATEMENT, title="Harbour trust statement")),
        write(tmp_path, "town-hall.txt", TOWN_HALL),
    ]
    bad = [
        write(tmp_path, "broken.vtt", "WEBVTT\n\nnot a cue\nwords\n"),
        write(tmp_path, "scan.pdf", make_pdf([[]])),
    ]
    desk = QuoteDesk(db_path=tmp_path / "db")
    report = desk.ingest([*good, *bad])
    assert [r.status for r in report.results] == ["added"] * 3 + ["failed"] * 2
    assert "malformed cue" in (report.results[3].reason or "")
    assert "no text layer" in (report.results[4].reason or "")

    for result, path in zip(report.results, good[:2], strict=False):
        # a transcript's turns and times, a PDF's pages survive the store
        assert desk.store.get_article(result.article_id or "") == one(path)

    v = desk.verify("Nobody will be moved out of the sheds.", speaker="Lena Ostrova")
    assert v.verdict == "verified"
    assert v.citation is not None and v.citation.timestamp == "00:12:34"
    assert "transcript" in explain(v) and "at 00:12:34" in explain(v)
    assert v.to_dict()["citation"]["timestamp"] == "00:12:34"
    assert "transcript, at 00:12:34" in byline(v.citation)  # the app's source line

    answer = desk.ask("who said that both votes were unanimous?")
    pdf_cites = [c for c in answer.citations if c.medium == "pdf"]
    assert pdf_cites and pdf_cites[0].page == 3
    assert "on p. 3 of \u201cHarbour trust statement\u201d" in answer.answer

    quote = "The ferry yard will house four hundred families."
    code = main(["verify", quote, "--speaker", "Lena Ostrova", "--db", str(tmp_path / "db")])
    out = " ".join(capsys.readouterr().out.split())
    assert code == 0
    assert "Verified against a transcript" in out and "at 00:12:31" in out
