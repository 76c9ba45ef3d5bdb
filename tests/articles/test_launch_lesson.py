"""The launch lesson fixtures (fixtures/pokrovsk/) and manage.py load_launch_lesson."""

import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article
from teaching.models import Lesson, LessonArticle
from tests import factories

LAUNCH = Path(settings.BASE_DIR) / "fixtures" / "pokrovsk"
NOTES = LAUNCH / "notes.md"  # the teacher's notes the key was built from
SOURCES = LAUNCH / "sources"  # the four reports exactly as received
FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "pokrovsk"
SPEC = json.loads((FIXTURES / "lesson.json").read_text(encoding="utf-8"))
FILE_BY_KEY = {item["source"][:3]: item for item in SPEC["articles"]}


def key_quotes() -> list[tuple[str, str]]:
    """(article key, quote) for every backticked quote in the reference-key tables."""
    quotes = []
    for line in NOTES.read_text(encoding="utf-8").splitlines():
        row = re.match(r"^\| (\d{3}) \| (.*?) \|", line)
        if row:
            found = re.findall(r"`([^`]+)`", row.group(2))
            assert found, line
            quotes.extend((row.group(1), quote) for quote in found)
    return quotes


# The cross-article comparisons and the notes column quote in plain double quotes (one with a
# straight apostrophe where the article has a curly one); listed here, checked against the notes below.
COMPARISON_QUOTES = [
    ("000", "have held their ground"),
    ("000", "almost entirely surrounded"),
    ("000", "two million casualties"),
    ("000", "kill millions"),
    ("001", "It is neither"),
    ("001", "Kremlin’s own documents"),
    ("002", "near-encirclement on three sides"),
    ("003", "We have not been encircled"),
]


@pytest.fixture
def loaded(db):
    call_command("load_launch_lesson", stdout=StringIO())
    lesson = Lesson.objects.get(title=SPEC["title"])
    return {la.position: la.article for la in lesson.lesson_articles.select_related("article")}


def article_for(loaded, key: str) -> Article:
    position = SPEC["articles"].index(FILE_BY_KEY[key]) + 1
    return loaded[position]


def test_notes_have_quotes_for_every_article():
    quotes = key_quotes()
    assert len(quotes) >= 40
    assert {key for key, _ in quotes} == {"000", "001", "002", "003"}


def test_comparison_quotes_are_the_notes_own():
    notes = NOTES.read_text(encoding="utf-8").replace("'", "’")
    for _key, quote in COMPARISON_QUOTES:
        assert f'"{quote}"' in notes


@pytest.mark.parametrize(("key", "quote"), key_quotes() + COMPARISON_QUOTES)
def test_every_reference_quote_is_in_its_article_text(loaded, key, quote):
    assert quote in article_for(loaded, key).body_text


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("key", ["000", "001", "002", "003"])
def test_article_text_keeps_the_source_wording(loaded, key):
    source_lines = (SOURCES / FILE_BY_KEY[key]["source"]).read_text(encoding="utf-8").splitlines()
    non_empty = [line for line in source_lines if line.strip()]
    if key == "000":
        assert non_empty[0] == non_empty[1]  # the headline, printed twice in the source
        non_empty = non_empty[1:]
    # "- " list markers are markup, not wording
    expected = " ".join(line.removeprefix("- ") for line in non_empty)
    assert _words(article_for(loaded, key).body_text) == _words(expected)


@pytest.mark.parametrize(
    ("key", "title", "editorial", "headline_in_body"),
    [
        ("000", "How Putin’s war hinges on Ukraine’s bloodiest battle for ‘prized jewel’ that could rage on for "
         "4 years & kill millions", False, True),
        ("001", "Opinion: a military commentator on what Russia gains and loses at Pokrovsk", True, False),
        ("002", "Newsletter analysis: infiltration and information war in Pokrovsk", True, False),
        ("003", "The Smoke and the Rails: Pokrovsk at the Edge of Night", False, True),
    ],
)  # fmt: skip
def test_articles_titles_and_unknown_metadata(loaded, key, title, editorial, headline_in_body):
    article = article_for(loaded, key)
    assert (article.title, article.title_is_editorial, article.headline_in_body) == (title, editorial, headline_in_body)
    assert (article.outlet, article.author, article.published_on, article.original_url) == ("", "", None, "")
    if headline_in_body:
        assert article.body_text.startswith(title + "\n")
        assert article.body_text.count(title) == 1


@pytest.mark.parametrize(
    ("key", "fragment"),
    [
        ("000", '<p class="caption">A man in a green jacket standing over a large map'),
        ("000", '<p class="caption">DONETSK OBLAST, UKRAINE - SEP 9:'),
        ("000", '<p class="caption">Ukrainian soldiers firing a 120mm mortar.</p>'),
        ("001", "<h2>A dynamic tactical situation</h2>"),
        ("001", "<h2>What after Pokrovsk?</h2>"),
        ("002", "<h2>The mechanics of infiltration warfare</h2>"),
        ("002", '<p class="promo">Members are reading:'),
        ("002", '<p class="promo">Subscribe to our free newsletter to unlock direct links'),
        ("002", '<p class="promo">We believe you deserve to verify everything we write.'),
        ("003", "<h1>The Smoke and the Rails: Pokrovsk at the Edge of Night</h1>"),
        ("003", "<h2>Numbers behind the headlines</h2>"),
        ("003", "<ul>\n<li>Pre-war population of Pokrovsk: more than 60,000</li>"),
    ],
)
def test_quirks_are_marked_up(loaded, key, fragment):
    assert fragment in article_for(loaded, key).body_html


@pytest.mark.parametrize(("key", "captions", "promos"), [("000", 12, 0), ("001", 0, 0), ("002", 0, 3), ("003", 0, 0)])
def test_caption_and_promo_counts(loaded, key, captions, promos):
    html = article_for(loaded, key).body_html
    assert (html.count('class="caption"'), html.count('class="promo"')) == (captions, promos)


def test_fixture_files_have_no_trailing_blank_lines():
    for item in SPEC["articles"]:
        text = (FIXTURES / item["file"]).read_text(encoding="utf-8")
        assert text.endswith("\n") and not text.endswith("\n\n")


def test_lesson_has_introduction_and_order(loaded):
    lesson = Lesson.objects.get()
    assert lesson.title == "Pokrovsk: four reports"
    assert lesson.introduction == SPEC["introduction"]
    assert [loaded[p].title for p in sorted(loaded)] == [item["title"] for item in SPEC["articles"]]


def test_loading_twice_changes_nothing(loaded):
    before = list(Article.objects.order_by("pk").values())
    out = StringIO()
    call_command("load_launch_lesson", stdout=out)
    assert "are up to date" in out.getvalue()
    assert (Article.objects.count(), Lesson.objects.count(), LessonArticle.objects.count()) == (4, 1, 4)
    assert list(Article.objects.order_by("pk").values()) == before


def test_loading_again_keeps_admin_metadata_and_follows_a_rename(loaded):
    article = loaded[2]
    Article.objects.filter(pk=article.pk).update(title="Renamed by an admin", outlet="Kyiv Post")
    call_command("load_launch_lesson", stdout=StringIO())
    article.refresh_from_db()
    assert (article.title, article.outlet) == (SPEC["articles"][1]["title"], "Kyiv Post")
    assert Article.objects.count() == 4


def test_loading_again_restores_a_changed_body_when_unannotated(loaded):
    article = loaded[1]
    Article.objects.filter(pk=article.pk).update(body_markdown="Edited.", body_text="Edited.")
    call_command("load_launch_lesson", stdout=StringIO())
    article.refresh_from_db()
    assert article.body_markdown == (FIXTURES / SPEC["articles"][0]["file"]).read_text(encoding="utf-8")


def test_loading_a_corrected_fixture_revises_an_annotated_body_and_places_the_highlights(loaded, tmp_path, submission):
    article = loaded[4]
    sourcing = factories.annotation_for(submission, article, "DeepState", category="sourcing")
    number = factories.annotation_for(submission, article, "1,200 souls")
    folder = tmp_path / "pokrovsk"
    shutil.copytree(FIXTURES, folder)
    changed = folder / SPEC["articles"][3]["file"]
    changed.write_text(changed.read_text(encoding="utf-8").replace("1,200 souls", "1,300 souls"), encoding="utf-8")
    out = StringIO()
    call_command("load_launch_lesson", "--dir", str(folder), stdout=out)
    assert (
        "“The Smoke and the Rails: Pokrovsk at the Edge of Night”: Saved as revision 2. "
        "1 highlight stayed on the same words, 0 moved with the text, 1 could not be placed." in out.getvalue()
    )
    article.refresh_from_db()
    assert "1,300 souls" in article.body_text
    revision = article.current_revision
    assert (revision.number, revision.created_by, revision.note) == (2, None, f"Loaded from {changed.name}")
    sourcing.refresh_from_db()
    number.refresh_from_db()
    assert article.body_text[sourcing.start : sourcing.end] == "DeepState"
    # The highlighted figure itself was corrected: set aside for the teacher, never put on "1,300 souls".
    assert (number.anchor_status, number.exact) == ("orphaned", "1,200 souls")
    assert Article.objects.count() == 5  # the four, plus the `article` fixture behind `submission`


def test_every_loaded_article_has_revision_one(loaded):
    for article in loaded.values():
        assert [(r.number, r.body_text) for r in article.revisions.all()] == [(1, article.body_text)]
