"""The guarantee every import path gives: the article's words are the source's words, only the breaks differ.

For each path the words students will read (``body_text``, rendered and sanitised) are compared with
the source's own words, taken independently of our conversion: the text itself for text and Markdown,
the page's main text as trafilatura's tree holds it for web pages, mammoth's raw text for .docx.
"""

import io
from pathlib import Path

import mammoth
import pytest
from django.conf import settings

from articles.importing import draft_from_file, draft_from_html, draft_from_markdown, draft_from_text, web
from articles.rendering import render
from tests.articles.docx_files import REPORT, make_docx
from tests.page_server import NEWS_PAGE

MB = 1024 * 1024
LAUNCH = Path(settings.BASE_DIR) / "fixtures" / "pokrovsk"
SOURCES = sorted((LAUNCH / "sources").glob("*.txt"))
MARKDOWN = sorted(LAUNCH.glob("*.md"))
TRICKY = (
    "Headline with *stars* & <tags>\n"
    "A line with [brackets](x), back\\slashes, `ticks`, _under_scores_ and &amp; entities.\n"
    "# not a heading, > not a quote, 1. not a list, {: .caption } not an attribute\n"
    "- a real list item\n- another one\n"
    "Numbers: 3.5 per cent, £97m, 8–12 tanks, 5:1, “quoted.” Mr. Hask said so. Then more.\n"
)


def words(text: str) -> list[str]:
    return text.split()


def body_words(draft) -> list[str]:
    return words(render(draft.body_markdown)[1])


def expected_text_words(source: str, draft) -> list[str]:
    """The source's words; "- " at the start of a line is list markup, not wording; a headline printed
    twice at the top is kept once (as the launch lesson has it)."""
    source_words = words("\n".join(line.strip().removeprefix("- ") for line in source.splitlines()))
    if draft.title_found_in in {"first line", "repeated"}:
        headline = words(draft.title)
        n = len(headline)
        if source_words[:n] == headline and source_words[n : 2 * n] == headline:
            return source_words[n:]
    return source_words


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
@pytest.mark.parametrize("shape", ["as received", "one line", "lines without blank lines"])
def test_pasted_text(path, shape):
    source = path.read_text(encoding="utf-8")
    if shape == "one line":
        source = " ".join(source.split())
    elif shape == "lines without blank lines":
        source = "\n".join(line for line in source.splitlines() if line.strip())
    draft = draft_from_text(source)
    assert body_words(draft) == expected_text_words(source, draft)


def test_pasted_text_with_a_typed_title_glued_to_the_first_sentence():
    source = " ".join(SOURCES[3].read_text(encoding="utf-8").split())
    title = SOURCES[3].read_text(encoding="utf-8").splitlines()[0]
    draft = draft_from_text(source, title=title)
    assert render(draft.body_markdown)[0].startswith("<h1>")
    assert body_words(draft) == words(source)


def test_pasted_text_with_markdown_characters():
    draft = draft_from_text(TRICKY)
    assert body_words(draft) == expected_text_words(TRICKY, draft)


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: p.name)
@pytest.mark.parametrize("shape", ["as written", "without blank lines"])
def test_pasted_markdown(path, shape):
    original = path.read_text(encoding="utf-8")
    source = original
    if shape == "without blank lines":
        source = "\n".join(line for line in original.splitlines() if line.strip())
    draft = draft_from_markdown(source)
    # The article as written (with its blank lines) is the reference: a paragraph per line adds breaks, not words.
    assert body_words(draft) == words(render(original)[1])


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_uploaded_text_files(suffix):
    source = SOURCES[0] if suffix == ".txt" else MARKDOWN[0]
    data = source.read_bytes()
    draft = draft_from_file(data, filename="report" + suffix, max_text_bytes=MB, max_file_bytes=5 * MB)
    text = data.decode("utf-8")
    expected = expected_text_words(text, draft) if suffix == ".txt" else words(render(text)[1])
    assert body_words(draft) == expected


def _page_main_words(html: bytes) -> list[str]:
    document = web._extract(html, url=None)
    return words(" ".join(document.body.itertext()))


@pytest.mark.parametrize("how", ["uploaded", "parsed"])
def test_web_page(how):
    data = NEWS_PAGE.read_bytes()
    if how == "uploaded":
        draft = draft_from_file(data, filename="page.html", max_text_bytes=MB, max_file_bytes=5 * MB)
    else:
        draft = draft_from_html(data, max_text_bytes=MB)
    assert body_words(draft) == _page_main_words(data)


def test_web_page_whose_text_is_one_long_paragraph():
    long_paragraph = " ".join(
        f"Sentence number {n} of the report says that the figure was {n * 7} and not {n * 3}." for n in range(60)
    )
    page = f"<html><body><article><h1>Long</h1><p>{long_paragraph}</p></article></body></html>".encode()
    draft = draft_from_html(page, max_text_bytes=MB)
    assert render(draft.body_markdown)[0].count("<p>") > 5
    assert body_words(draft) == _page_main_words(page)


def test_docx():
    data = make_docx(REPORT)
    draft = draft_from_file(data, filename="report.docx", max_text_bytes=MB, max_file_bytes=5 * MB)
    assert body_words(draft) == words(mammoth.extract_raw_text(io.BytesIO(data)).value)
