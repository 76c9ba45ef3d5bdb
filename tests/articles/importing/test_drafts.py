"""Pasted text and Markdown, and uploaded files, as draft articles (articles.importing)."""

from pathlib import Path

import pytest
from django.conf import settings

from articles import importing
from articles.importing import ImportProblem, draft_from_file, draft_from_markdown, draft_from_text
from articles.rendering import render
from tests.articles.docx_files import REPORT, make_docx

SOURCES = Path(settings.BASE_DIR) / "fixtures" / "pokrovsk" / "sources"
LAUNCH_000 = (SOURCES / "000_6575d206fcadeba1.txt").read_text(encoding="utf-8")
HEADLINE_000 = LAUNCH_000.splitlines()[0]
MB = 1024 * 1024


def one_line(text: str) -> str:
    """A report as it arrives from some apps: everything on one line."""
    return " ".join(text.split())


def upload(data: bytes, filename: str):
    return draft_from_file(data, filename=filename, max_text_bytes=MB, max_file_bytes=5 * MB)


def test_lines_are_paragraphs_and_the_first_line_is_the_headline():
    draft = draft_from_text("Barrier delayed\nThe barrier will not open.\nIt costs £97m.")
    assert (draft.title, draft.title_found_in) == ("Barrier delayed", "first line")
    assert draft.body_markdown == "# Barrier delayed\n\nThe barrier will not open.\n\nIt costs £97m.\n"


def test_a_first_line_that_ends_like_a_sentence_is_not_taken_for_a_headline():
    draft = draft_from_text("The barrier will not open before 2030.\nIt costs £97m.")
    assert (draft.title, draft.title_found_in) == ("", "")
    assert draft.body_markdown == "The barrier will not open before 2030.\n\nIt costs £97m.\n"


def test_a_headline_repeated_on_the_next_line_is_kept_once():
    draft = draft_from_text(LAUNCH_000)
    assert draft.title == HEADLINE_000
    assert render(draft.body_markdown)[1].count(HEADLINE_000) == 1


def test_one_long_line_with_the_headline_repeated_becomes_a_headline_and_paragraphs():
    text = one_line(LAUNCH_000)
    draft = draft_from_text(text)
    assert (draft.title, draft.title_found_in) == (HEADLINE_000, "repeated")
    html, body_text = render(draft.body_markdown)
    assert html.startswith(f"<h1>{HEADLINE_000.replace('&', '&amp;')}</h1>")
    assert html.count("<p>") >= 10
    assert max(len(p) for p in body_text.split("\n")) < 1000
    assert draft.notes and "one line of 7," in draft.notes[0]


def test_one_long_line_with_the_headline_glued_on_takes_the_typed_title_as_its_heading():
    body = one_line(LAUNCH_000).split(HEADLINE_000, 2)[2].strip()
    text = f"{HEADLINE_000} {body}"
    untitled = draft_from_text(text)
    assert untitled.title == ""  # nothing says where the headline ends: no guess
    titled = draft_from_text(text, title=HEADLINE_000)
    assert titled.title_found_in == "typed"
    assert render(titled.body_markdown)[0].startswith("<h1>How Putin’s war")
    assert render(titled.body_markdown)[1].count(HEADLINE_000) == 1


def test_a_typed_title_that_is_not_at_the_start_leaves_the_text_alone():
    draft = draft_from_text("The barrier will not open.\nIt costs £97m.", title="Barrier delayed")
    assert draft.body_markdown.startswith("The barrier will not open.")
    assert draft.title == "Barrier delayed"


def test_plain_text_markup_characters_are_shown_as_typed():
    draft = draft_from_text("Headline\n<script>alert(1)</script> and *stars* and # hash")
    html, text = render(draft.body_markdown)
    assert "<script>" not in html
    assert "<script>alert(1)</script> and *stars* and # hash" in text


def test_markdown_keeps_its_markup_and_takes_its_heading_as_title():
    draft = draft_from_markdown("# Barrier *delayed*\n\nThe **barrier** will not open.\n\n- one\n- two\n")
    assert draft.title == "Barrier *delayed*"
    assert draft.title_found_in == "first line"
    assert "<strong>barrier</strong>" in render(draft.body_markdown)[0]


def test_markdown_without_blank_lines_gets_a_paragraph_per_line():
    draft = draft_from_markdown("# Headline\nFirst paragraph.\nSecond *paragraph*.\n- one\n- two\nAfter.")
    html = render(draft.body_markdown)[0]
    assert html.count("<p>") == 3
    assert "<li>one</li>\n<li>two</li>" in html


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "a.txt", "empty"),
        (b"   \n\n ", "a.md", "empty"),
        (b"%PDF-1.7\x00\x01binary", "a.txt", "not a text file"),
        (b"\xff\xfeH\x00i\x00", "a.txt", "UTF-16"),
        ("Caf\xe9 au lait".encode("latin-1"), "a.txt", "not UTF-8"),
        (b"x" * (MB + 1), "a.txt", "over the limit of 1 MB"),
        (b"x" * (MB + 1), "a.md", "over the limit of 1 MB"),
        (b"PK\x03\x04 not really a zip", "a.docx", "not a Word document"),
        (b"Plain text pretending", "a.docx", "not a Word document"),
        (make_docx([("Normal", "")]), "a.docx", "no text"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "a.html", "could not find an article"),
        (b"", "a.html", "empty"),
        (b"\x00\x01\x02<html>", "a.htm", "not a saved web page"),
        (b"x" * (5 * MB + 1), "a.html", "over the limit of 5 MB"),
        (b"data", "a.pdf", "“.pdf”"),
        (b"data", "noextension", "no extension"),
    ],
)
def test_bad_files_are_refused_with_a_message(data, filename, message):
    with pytest.raises(ImportProblem, match=message):
        upload(data, filename)


def test_text_over_a_megabyte_from_a_document_is_refused():
    paragraphs = [("Normal", "A sentence of filler that repeats. " * 900)] * 36
    with pytest.raises(ImportProblem, match="over the limit of 1 MB"):
        upload(make_docx(paragraphs), "long.docx")


def test_pasted_text_over_a_megabyte_is_refused():
    with pytest.raises(ImportProblem, match="over the limit"):
        importing.check_text_size("é" * (MB // 2 + 1), max_bytes=MB)


def test_a_docx_keeps_headings_and_lists_and_its_first_heading_is_the_title():
    draft = upload(make_docx(REPORT), "report.docx")
    assert (draft.title, draft.title_found_in) == (REPORT[0][1], "document")
    assert (draft.outlet, draft.author, draft.published_on, draft.original_url) == ("", "", None, "")
    html, _text = render(draft.body_markdown)
    assert html.startswith(f"<h1>{REPORT[0][1]}</h1>")
    assert "<h2>What changes</h2>" in html
    assert "<li>Routes 4, 7 and 12: last bus at 8pm (was 11pm)</li>" in html
    assert "<ol>" in html and "<li>Would you pay a higher fare to keep them?</li>" in html


def test_a_docx_without_a_heading_has_no_title():
    draft = upload(make_docx(REPORT[1:3]), "report.docx")
    assert draft.title == ""
