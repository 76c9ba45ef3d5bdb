"""manage.py import_article."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("import_article", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def test_import_txt_with_headline_and_metadata(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "Troops enter Pokrovsk\r\nAbout 300 troops * inside.\r\n- one\r\n- two\r\n\r\n\r\n", encoding="utf-8"
    )
    out = run(
        path, "--outlet", "Kyiv Post", "--author", "A. Writer", "--date", "2025-11-05", "--url", "https://x.example/a"
    )
    article = Article.objects.get()
    assert "Imported article" in out and "Troops enter Pokrovsk" in out
    assert (article.title, article.title_is_editorial, article.outlet, article.author) == (
        "Troops enter Pokrovsk",
        False,
        "Kyiv Post",
        "A. Writer",
    )
    assert article.published_on == datetime.date(2025, 11, 5)
    assert article.original_url == "https://x.example/a"
    assert article.body_markdown == "# Troops enter Pokrovsk\n\nAbout 300 troops \\* inside.\n\n- one\n- two\n"
    assert article.body_text == "Troops enter Pokrovsk\nAbout 300 troops * inside.\n\none\ntwo\n"


def test_import_md_with_editorial_title(tmp_path):
    path = tmp_path / "column.md"
    path.write_text("First *paragraph*.\n\n## Sub\n", encoding="utf-8")
    run(path, "--title", "Editor's title", "--editorial-title")
    article = Article.objects.get()
    assert (article.title, article.title_is_editorial) == ("Editor's title", True)
    assert article.body_html == "<p>First <em>paragraph</em>.</p>\n<h2>Sub</h2>"


@pytest.mark.parametrize(
    ("name", "content", "args", "message"),
    [
        (None, None, [], "No such file"),
        ("empty.txt", b"", [], "The file is empty"),
        ("blank.md", b"\n\n  \n", ["--title", "T"], "The file is empty"),
        ("scan.txt", b"%PDF\x00\x01", [], "This is not a text file"),
        ("latin.txt", "café".encode("latin-1"), [], "not UTF-8 text"),
        ("huge.txt", b"x" * (1024 * 1024 + 1), [], "over the limit of 1 MB"),
        ("report.docx", b"text", [], "Only .txt and .md files"),
        ("report.txt", b"Body", ["--editorial-title"], "--editorial-title needs --title"),
        ("report.txt", b"Head\nBody", ["--date", "5 Nov 2025"], "--date must be YYYY-MM-DD"),
        ("report.txt", b"Head\nBody", ["--url", "not a url"], "original_url: Enter a valid URL."),
    ],
)
def test_import_refuses_bad_input_and_saves_nothing(tmp_path, name, content, args, message):
    path = tmp_path / (name or "missing.txt")
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(path, *args)
    assert Article.objects.count() == 0
