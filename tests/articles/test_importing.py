"""The pure text → Markdown importer (articles.importing): no database needed."""

import pytest

from articles.importing import (
    ImportedArticle,
    ImportProblem,
    escape_text,
    import_file,
    prepare,
    text_to_markdown,
)
from articles.rendering import render

MAX = 1024


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        # paragraphs separated by single newlines: each line is a paragraph
        ("One.\nTwo.\nThree.", "One.\n\nTwo.\n\nThree.\n"),
        # paragraphs separated by blank lines: hard-wrapped lines stay one paragraph
        ("One line\nwrapped.\n\nTwo.", "One line\nwrapped.\n\nTwo.\n"),
        # newlines, BOM, trailing blank lines and trailing spaces
        ("\ufeffOne.\r\nTwo.  \r\n\r\n\n\n", "One.\n\nTwo.\n"),
        ("One.\rTwo.", "One.\n\nTwo.\n"),
        ("   indented four spaces\n\tand a tab", "indented four spaces\n\nand a tab\n"),
        # bullet lines stay a list, next to paragraphs
        ("Numbers:\n- one\n- two\nAfter.", "Numbers:\n\n- one\n- two\n\nAfter.\n"),
        ("Intro\n\n- one\n- two\n\nEnd", "Intro\n\n- one\n- two\n\nEnd\n"),
        # leading block markers are escaped
        ("# not a heading", "\\# not a heading\n"),
        ("## nor this", "\\## nor this\n"),
        ("> not a quote", "\\> not a quote\n"),
        ("+ not a list", "\\+ not a list\n"),
        ("* not a list", "\\* not a list\n"),
        ("1. not a list", "1\\. not a list\n"),
        ("2025. A year", "2025\\. A year\n"),
        ("-5 degrees", "\\-5 degrees\n"),
        ("---", "\\---\n"),
        ("===", "&#61;==\n"),
        # inline markup characters
        ("a *starred* and _under_ word", "a \\*starred\\* and \\_under\\_ word\n"),
        ("snake_case_name", "snake\\_case\\_name\n"),
        ("C:\\temp\\new", "C:\\\\temp\\\\new\n"),
        ("`code`", "\\`code\\`\n"),
        ("[link](http://x) and ![img](y)", "\\[link\\](http://x) and \\!\\[img\\](y)\n"),
        ("[ref]: http://x", "\\[ref\\]: http://x\n"),
        ("text {: .caption }", "text \\{: .caption \\}\n"),
        ("<b>bold</b> and <http://x.example>", "&lt;b>bold&lt;/b> and &lt;http://x.example>\n"),
        ("Tom &amp; Jerry & co &#169; &copy", "Tom &amp;amp; Jerry & co &amp;#169; &copy\n"),
        # ordinary news text is left readable
        ("“Quoted” – 8-12 tanks, 5:1, Київ 🙂", "“Quoted” – 8-12 tanks, 5:1, Київ 🙂\n"),
        ("", ""),
        ("\n\n  \n", ""),
    ],
)
def test_text_to_markdown(text, markdown):
    assert text_to_markdown(text) == markdown


WORDING_SAMPLES = [
    "# Not a heading\n> not a quote\n1. not a list\n* not a bullet\n+ nor this",
    "a *b* _c_ **d** __e__ `f` \\g \\* [h](i) ![j](k) <l> <http://m.example> &amp; &#169; {: .n }",
    "Line one\n---\nLine two\n===",
    "Tom & Jerry < 3 > 2 — “quotes” ‘single’ … Київ 🙂",
    "Numbers behind the headlines\n- Pre-war population: more than 60,000\n- *Current*: roughly 1,200",
]


@pytest.mark.parametrize("text", WORDING_SAMPLES)
def test_text_to_markdown_keeps_the_wording(text):
    _html, rendered = render(text_to_markdown(text))
    expected = [line.removeprefix("- ") for line in text.split("\n")]
    assert rendered.split() == " ".join(expected).split()


@pytest.mark.parametrize("line", ["# h", "## h", "*a*", "1. x", "<i>", "\\", "{: .caption }", "[x]: y", "_u_"])
def test_escape_text_renders_literally(line):
    _html, rendered = render(escape_text(line))
    assert rendered == line


@pytest.mark.parametrize(
    ("text", "suffix", "title", "expected"),
    [
        # .txt without a title: the first line is the headline, kept as the body's heading
        (
            "Headline *here*\nBody.",
            ".txt",
            None,
            ImportedArticle("Headline *here*", "# Headline \\*here\\*\n\nBody.\n"),
        ),
        # a headline repeated on the next line is kept once
        ("Head\n\nHead\n\nBody.", ".txt", None, ImportedArticle("Head", "# Head\n\nBody.\n")),
        # with a title, the whole text is the body
        (
            "First line.\nSecond.",
            ".txt",
            "Editor's title",
            ImportedArticle("Editor's title", "First line.\n\nSecond.\n"),
        ),
        # Markdown is kept as is (newlines normalised, trailing blank lines dropped)
        ("# Head\r\n\r\n*Body*\r\n\r\n\r\n", ".md", None, ImportedArticle("Head", "# Head\n\n*Body*\n")),
        ("# Head \\*1\\* #\n\nBody", ".md", None, ImportedArticle("Head *1*", "# Head \\*1\\* #\n\nBody\n")),
        ("Body only", ".md", "Given", ImportedArticle("Given", "Body only\n")),
    ],
)
def test_prepare(text, suffix, title, expected):
    assert prepare(text, suffix=suffix, title=title) == expected


@pytest.mark.parametrize(
    ("text", "suffix", "message"),
    [
        ("  \n\n", ".txt", "The file is empty"),
        ("Only a headline\n\n\n", ".txt", "has a headline but no article text"),
        ("Not a heading\n\nBody", ".md", "start the Markdown file with its headline"),
        ("## Second-level\n\nBody", ".md", "start the Markdown file with its headline"),
    ],
)
def test_prepare_refuses(text, suffix, message):
    with pytest.raises(ImportProblem, match=message):
        prepare(text, suffix=suffix)


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"text", "article.docx", "Only .txt and .md files can be imported, and this file has \u201c.docx\u201d"),
        (b"text", "article", "this file has no extension"),
        (b"", "a.txt", "The file is empty"),
        (b"\n  \n", "a.txt", "The file is empty"),
        (b"\xef\xbb\xbf", "a.txt", "The file is empty"),
        (b"x" * (MAX + 1), "a.txt", "The file is 1,025 bytes, over the limit of 1 KB \\(1,024 bytes\\)"),
        (b"%PDF-1.7\n\x00\x01\x02binary", "a.txt", "This is not a text file"),
        (b"\x89PNG\r\n\x1a\n", "a.md", "not UTF-8 text"),
        (b"GIF89a\x01\x02\x03\x04", "a.md", "control characters"),
        ("Caf\u00e9".encode("latin-1"), "a.txt", "not UTF-8 text \\(unreadable byte at position 3\\)"),
        ("Headline".encode("utf-16"), "a.txt", "saved as UTF-16"),
    ],
)
def test_import_file_refuses_bad_files(data, filename, message):
    with pytest.raises(ImportProblem, match=message):
        import_file(data, filename=filename, max_bytes=MAX)


def test_import_file_accepts_utf8_with_bom_and_uppercase_suffix():
    data = "\ufeffHeadline – Київ\r\nBody 🙂\r\n".encode()
    assert import_file(data, filename="REPORT.TXT", max_bytes=MAX) == ImportedArticle(
        "Headline – Київ", "# Headline – Київ\n\nBody 🙂\n"
    )


def test_import_file_accepts_exactly_the_limit():
    data = b"H\n" + b"x" * (MAX - 2)
    assert import_file(data, filename="a.txt", max_bytes=MAX).title == "H"
