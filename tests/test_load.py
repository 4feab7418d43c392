"""load / load_text / make_article: every format, every bad input, deterministic identity."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ingest.load import load, load_text, make_article
from quotedesk.errors import LoadError
from quotedesk.models import Article
from quotedesk.text import normalize

DATA = Path(__file__).resolve().parent / "data" / "loader"


def load_all(*paths: str | Path, **kwargs) -> list[Article | LoadError]:
    return list(load(paths, **kwargs))


def only_error(*paths: str | Path, **kwargs) -> LoadError:
    [result] = load_all(*paths, **kwargs)
    assert isinstance(result, LoadError), result
    return result


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- the reference header format ----------------------------------------------------


@pytest.fixture(scope="module")
def reference(sample_article_path: Path) -> Article:
    [article] = load_all(sample_article_path)
    assert isinstance(article, Article)
    return article


def test_reference_header_fields(reference: Article, sample_article_path: Path) -> None:
    assert reference.title == (
        "China-Russia entente is motivated by larger issues than rivalry with the West"
    )
    assert reference.published == "2021-12-16"
    assert reference.categories == ("OPINION", "VIEWPOINT")
    assert reference.author == "Global Times"
    assert reference.author_title is None and reference.author_description is None
    assert reference.source == str(sample_article_path)
    assert reference.text.startswith("Editor's Note: Chinese President Xi Jinping")
    assert "Published Time" not in reference.text and "Title:" not in reference.text
    assert reference.text.count("Editor's Note") == 1
    assert "body repeated 2 times; stored once" in reference.cleaning_notes


def test_identity_is_deterministic_and_metadata_counts(reference: Article) -> None:
    expected_id = hashlib.sha256(normalize(reference.text).encode()).hexdigest()[:16]
    assert reference.id == expected_id
    again = load_text(reference.text, source="elsewhere.txt", fmt="text", title=reference.title)
    assert again.id == reference.id
    retitled = make_article(text_raw=reference.text, source="x", title="Another title")
    same = make_article(text_raw=reference.text, source="y", title="Another title")
    assert retitled.id == reference.id
    assert retitled.content_hash != reference.content_hash
    assert same.content_hash == retitled.content_hash  # the source is not content
    assert len(reference.content_hash) == 64


def test_header_format_detected_whatever_the_extension(tmp_path: Path) -> None:
    text = (
        "Published Time: 2021-12-16 08:30:00\nTitle: Port strike ends\n"
        "Category 1: NEWS\nAuthor: Sam Lee\nAuthor title: Reporter\n"
        "Author description: Author details not found\nText: \n"
        'Dock workers returned on Friday. "We won," said union head Ida Moss.\n'
    )
    for name in ("story.txt", "story.md", "story.html"):
        [article] = load_all(write(tmp_path, name, text))
        assert isinstance(article, Article), article
        assert article.title == "Port strike ends"
        assert article.published == "2021-12-16T08:30:00"
        assert article.categories == ("NEWS",)
        assert article.author == "Sam Lee" and article.author_title == "Reporter"
        assert article.author_description is None
        assert article.text.startswith("Dock workers returned on Friday.")


# --- other formats ------------------------------------------------------------------


def test_plain_text_headline_becomes_title(tmp_path: Path) -> None:
    path = write(
        tmp_path, "a.txt", "Council approves harbour plan\n\nThe council voted 7-2 on Monday.\n"
    )
    [article] = load_all(path)
    assert article.title == "Council approves harbour plan"
    assert article.text.startswith("Council approves harbour plan\n\nThe council voted")


def test_plain_text_without_headline_gets_the_file_name(tmp_path: Path) -> None:
    body = (
        "HALIFAX - Both pilots on the harbour ferry were asked to explain their choice of "
        "route to the inspectors on Friday.\n\nThey gave different answers."
    )
    [article] = load_all(write(tmp_path, "ferry_pilots.txt", body))
    assert article.title == "Ferry pilots"


def test_markdown_front_matter_and_markup() -> None:
    [article] = load_all(DATA / "feature.md")
    assert article.title == "Harbour plan wins council vote"
    assert article.author == "Ana Ruiz, Tom Hale"
    assert article.published == "2024-03-05"
    assert article.url == "https://news.example/harbour"
    assert article.text.startswith("The harbour plan passed on Monday after a long debate.")
    assert '"We waited ten years for this," said Mayor Lena Ortiz.' in article.text
    assert "\nReaction\n" in article.text
    for markup in ("**", "](", "# ", "> ", "`", "crane.jpg", "- Shop"):
        assert markup not in article.text, markup


def test_markdown_heading_title_without_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path, "c.md", "# Rain returns\n\nIt rained *all* day.\n\n## More\n\nMuch more."
    )
    [article] = load_all(path)
    assert article.title == "Rain returns"
    assert article.text == "It rained all day.\n\nMore\n\nMuch more."


def test_html_main_text_and_metadata() -> None:
    [article] = load_all(DATA / "page.html")
    assert article.title == "Bridge to reopen in May"
    assert article.author == "Priya Shah"
    assert article.outlet == "Riverside Daily"
    assert article.published == "2024-04-02"
    assert article.url == "https://riverside.example/bridge-reopens"
    assert article.text.startswith("The Old Mill bridge will reopen")
    assert '"The work is ahead of schedule and under budget," said chief engineer' in article.text
    assert "Copyright" not in article.text and "Sport" not in article.text


@pytest.mark.parametrize(
    "page",
    [
        '<html><head><title>Portal</title></head><body><nav><a href="/">Home</a> '
        '<a href="/x">X</a></nav></body></html>',
        '<!doctype html><html><body><div><a href="/">Home</a></div>'
        '<div><a href="/news">News</a></div></body></html>',
    ],
)
def test_html_page_without_an_article_is_refused(tmp_path: Path, page: str) -> None:
    error = only_error(write(tmp_path, "portal.html", page))
    assert error.reason.startswith("no article text")


def test_jsonl_good_lines_load_and_bad_lines_are_named() -> None:
    path = DATA / "records.jsonl"
    results = load_all(path)
    by_source = {r.source: r for r in results}
    assert list(by_source) == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7)]
    first = by_source[f"{path}:1"]
    assert isinstance(first, Article)
    assert first.title == "Library extends hours"
    assert first.author == "Jo Park, Lee Chan"
    assert first.outlet == "Town Crier" and first.published == "2023-01-10"
    assert first.url == "https://crier.example/library"
    assert isinstance(by_source[f"{path}:2"], Article)  # "body" field
    assert isinstance(by_source[f"{path}:7"], Article)  # "content" field
    assert "invalid JSON" in by_source[f"{path}:4"].reason
    assert by_source[f"{path}:5"].reason.startswith("record has no text")
    assert by_source[f"{path}:6"].reason.startswith("record is a JSON array, expected an object")


def test_json_single_record_and_list(tmp_path: Path) -> None:
    one = write(tmp_path, "one.json", '{"title": "Solo", "text": "Just one record here."}')
    [article] = load_all(one)
    assert article.title == "Solo" and article.source == str(one)
    many = write(
        tmp_path,
        "many.json",
        '[{"text": "First record text."}, {"title": "empty"}, {"text": "Third record text."}]',
    )
    results = load_all(many)
    assert [r.source for r in results] == [f"{many}[0]", f"{many}[1]", f"{many}[2]"]
    assert [type(r) for r in results] == [Article, LoadError, Article]


def test_load_text_metadata_overrides_and_empty_text() -> None:
    article = load_text(
        "Body sentence here.", source="mem", title="Given", published="March 5, 2024"
    )
    assert article.title == "Given" and article.published == "2024-03-05"
    with pytest.raises(LoadError, match="no article text"):
        load_text("   \n  ", source="mem")
    odd = make_article(text_raw="Some text.", source="mem", published="sometime soon")
    assert odd.published is None
    assert any("could not read the date" in note for note in odd.cleaning_notes)


# --- bad input ----------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    error = only_error(tmp_path / "nope.txt")
    assert error.reason == "no such file or directory"


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    assert only_error(write(tmp_path, "e.txt", content)).reason == "empty file"


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04\x00\x00binary\x00zip", bytes(range(1, 32)) * 40],
)
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    assert only_error(write(tmp_path, "x.txt", content)).reason == "binary file, not text"


def test_windows_1252_fallback_is_noted(tmp_path: Path) -> None:
    raw = "Caf\u00e9 owner said \u201cwe\u2019re open\u201d on Monday.".encode("cp1252")
    [article] = load_all(write(tmp_path, "w.txt", raw))
    assert article.text == "Caf\u00e9 owner said \u201cwe\u2019re open\u201d on Monday."
    assert any("cp1252" in note for note in article.cleaning_notes)


def test_utf8_bom_and_utf16(tmp_path: Path) -> None:
    [bom] = load_all(write(tmp_path, "bom.txt", "\ufeffPlain words here.".encode()))
    assert bom.text == "Plain words here."
    [wide] = load_all(write(tmp_path, "wide.txt", "Wide words here.".encode("utf-16")))
    assert wide.text == "Wide words here."


@pytest.mark.parametrize(("encoding", "order"), [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_utf16_without_a_byte_order_mark_is_read_and_noted(
    tmp_path: Path, encoding: str, order: str
) -> None:
    body = "Ferry timetable changes\n\n\u201cWe sail at nine,\u201d said Oona Brask."
    [article] = load_all(write(tmp_path, "wide.txt", body.encode(encoding)))
    assert article.text.endswith("\u201cWe sail at nine,\u201d said Oona Brask.")
    note = f"UTF-16 ({order}-endian) without a byte-order mark"
    assert any(note in n for n in article.cleaning_notes)


def test_utf16_without_a_byte_order_mark_that_does_not_decode_is_named(tmp_path: Path) -> None:
    raw = "Odd length".encode("utf-16-le") + b"!"
    error = only_error(write(tmp_path, "wide.txt", raw))
    assert "UTF-16 (little-endian) without a byte-order mark" in error.reason


def test_undecodable_text(tmp_path: Path) -> None:
    raw = b"Mostly text but \x81\x8d\x8f\x90\x9d bytes no codepage defines."
    error = only_error(write(tmp_path, "u.txt", raw))
    assert error.reason.startswith("cannot decode as UTF-8")


def test_oversized_file_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: instant, no disk use
    error = only_error(path)
    assert error.reason == "file is 50.0 MB, over the 10 MB limit (QUOTEDESK_MAX_FILE_MB)"
    medium = write(tmp_path, "medium.txt", "Words and more words.\n" * 30_000)
    error = only_error(medium, max_bytes=512 * 1024)
    assert error.reason == "file is 0.6 MB, over the 0.5 MB limit (QUOTEDESK_MAX_FILE_MB)"
    [article] = load_all(medium)
    assert isinstance(article, Article)


def test_unknown_extension_given_directly(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, "notes.docx", "words"))
    assert error.reason.startswith("unsupported format .docx (supported: ")
    assert ".jsonl" in error.reason


def test_malformed_json(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, "bad.json", '{"text": "unclosed'))
    assert error.reason.startswith("malformed JSON")


def test_directory_with_a_mix(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    write(root, "b.txt", "Second file body.")
    write(root, "a.txt", "First file body.")
    write(root, "sub/c.md", "# Sub title\n\nNested body.")
    write(root, "sub/empty.txt", "")
    write(root, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(root, ".hidden.txt", "Hidden body.")
    write(root, ".git/config.txt", "Hidden folder body.")
    results = load_all(root)
    summary = [(Path(r.source).relative_to(root).as_posix(), type(r).__name__) for r in results]
    assert summary == [
        ("a.txt", "Article"),
        ("b.txt", "Article"),
        ("image.png", "LoadError"),
        ("sub/c.md", "Article"),
        ("sub/empty.txt", "LoadError"),
    ]
    assert results[2].reason.startswith("unsupported format .png")


def test_skipped_symbolic_links_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    write(root, "a.txt", "First file body.")
    write(tmp_path, "elsewhere/b.txt", "Linked file body.")
    (root / "b.txt").symlink_to(tmp_path / "elsewhere" / "b.txt")
    (root / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "up").symlink_to(root)
    results = load_all(root)
    reasons = {Path(r.source).name: getattr(r, "reason", "read") for r in results}
    assert reasons == {
        "a.txt": "read",
        "b.txt": "read",
        "gone.txt": "broken symbolic link (its target does not exist); skipped",
        "loop.txt": "symbolic link loop; skipped",
        "up": "symbolic link to a directory, not followed; give that directory itself to read it",
    }
    assert only_error(root / "loop.txt").reason == "symbolic link loop; skipped"


def test_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "void").mkdir()
    assert only_error(tmp_path / "void").reason == "directory has no files"


def test_load_keeps_going_after_failures(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "A good article body.")
    results = load_all(tmp_path / "missing.txt", write(tmp_path, "e.txt", ""), good)
    assert [type(r) for r in results] == [LoadError, LoadError, Article]


def test_news_corpus_loads(news_dir: Path) -> None:
    results = load_all(news_dir)
    assert len(results) == 12
    assert all(isinstance(r, Article) for r in results)
    assert len({r.id for r in results}) == 12


def test_lone_surrogate_escapes_in_json_are_replaced_and_the_file_goes_on(
    tmp_path: Path,
) -> None:
    lines = [
        '{"title": "Broken \\ud800 title", "text": "Half a pair \\udc00 here."}',
        '{"text": "The next record is fine."}',
    ]
    first, second = load_all(write(tmp_path, "feed.jsonl", "\n".join(lines)))
    assert (first.title, first.text) == ("Broken \ufffd title", "Half a pair \ufffd here.")
    assert any("lone surrogate" in note for note in first.cleaning_notes)
    assert second.text == "The next record is fine."


def test_odd_record_values_do_not_break_loading() -> None:
    article = load_text(
        '{"text": "Hello there.", "categories": 5, "published": {"day": 1}, "title": 7}',
        source="mem",
        fmt="json",
    )
    assert article.categories == ("5",) and article.title == "7"
    assert article.published is None


@pytest.mark.parametrize(
    "written, stored",
    [
        ("March 3, 2024", "2024-03-03"),
        ("Mar. 3, 2024", "2024-03-03"),
        ("3 March 2024", "2024-03-03"),
        ("Sunday, March 3, 2024 4:15 PM", "2024-03-03T16:15:00"),
        ("2024/03/03", "2024-03-03"),
        ("Sunday", None),  # a weekday, a month or a year alone is no date to store
        ("March 2024", None),
        ("2024", None),
        ("no date here", None),
    ],
)
def test_dates_are_read_in_many_styles_but_never_completed_by_guessing(
    written: str, stored: str | None
) -> None:
    from ingest.load import iso_date

    assert iso_date(written) == stored


def test_a_legacy_code_page_beyond_cp1252_is_detected_and_noted(tmp_path: Path) -> None:
    text = "Тестовый заголовок\n\n«Мост откроют в июне», — сказала Анна Петрова, мэр города.\n"
    path = tmp_path / "most.txt"
    path.write_bytes((text * 3).encode("cp1251"))
    (article,) = load([path])
    assert "Анна Петрова" in article.text
    assert any("cp1251" in note for note in article.cleaning_notes)


def test_a_greek_code_page_is_detected_too(tmp_path: Path) -> None:
    text = "Νέα γέφυρα\n\n«Η γέφυρα ανοίγει τον Ιούνιο», είπε η δήμαρχος της πόλης.\n"
    path = write(tmp_path, "gefyra.txt", (text * 3).encode("cp1253"))
    (article,) = load_all(path)
    assert "δήμαρχος" in article.text
