"""In Chromium: the text annotations point into (Article.body_text) is exactly what the browser
sees as the text of the rendered article, for the launch lesson and for tricky and hostile input."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from teaching.models import Lesson
from tests.articles.test_rendering import HOSTILE

pytestmark = pytest.mark.browser

TRICKY = (
    "# “Tricky” – a headline with *emphasis* & an entity &amp; &lt;tag&gt;\n\n"
    "Curly ‘single’ and “double” quotes, en – and em — dashes, an ellipsis… and non\u00a0breaking spaces.\n\n"
    "Cyrillic: Покровськ, Київ, Мирноград. An emoji 🙂 and a flag 🇺🇦 and a family 👨‍👩‍👧.\n\n"
    "Nested **bold with *italic inside* and `code`** and ***both at once***.\n\n"
    "Entities: &copy; &#169; &#x2013; &nbsp;x &notit; &amp &lt;b&gt; 5 < 6 > 4 & 3.\n\n"
    "Backslashes \\\\ and escaped \\*stars\\* and \\_underscores\\_.\n\n"
    "## A sub-heading\n\n"
    "- first item with [a link](https://example.com/a?b=1&c=2)\n"
    "- second item\n"
    "    - nested item\n\n"
    "1. ordered\n"
    "2. list\n\n"
    "> A quotation  \n> with a hard break.\n\n"
    "A caption line, with a credit (Photo: Agency)\n"
    "{: .caption }\n\n"
    "Subscribe to our free newsletter.\n"
    "{: .promo }\n\n"
    "Members are reading: something else.\n"
    "{: .promo }\n\n"
    "    indented code block\n\n"
    "Raw <b>HTML</b> and <script>alert(1)</script> stay as typed.\n\n"
    "Tabs\tand   multiple   spaces.\n"
)


def text_content(page, live_server, article) -> str:
    page.goto(live_server.url + reverse("articles:article_preview", args=[article.pk]))
    return page.evaluate("document.getElementById('article-text').textContent")


@pytest.fixture
def launch_articles(transactional_db):
    call_command("load_launch_lesson", stdout=StringIO())
    return list(Lesson.objects.get().articles.order_by("lesson_articles__position"))


def test_launch_lesson_text_matches_the_dom(live_server, page, login_as, admin_user, launch_articles):
    login_as(admin_user)
    assert len(launch_articles) == 4
    for article in launch_articles:
        assert text_content(page, live_server, article) == article.body_text, article.title


def test_tricky_sample_text_matches_the_dom(live_server, page, login_as, admin_user, screenshot_dir):
    article = Article.objects.create(title="Tricky sample", body_markdown=TRICKY)
    login_as(admin_user)
    assert text_content(page, live_server, article) == article.body_text
    # The CSS labels are visible but not part of the text.
    assert "Photo caption" not in article.body_text
    label = page.evaluate("getComputedStyle(document.querySelector('#article-text .caption'), '::before').content")
    assert label == '"Photo caption"'
    assert page.evaluate("window.__xss === undefined && document.querySelectorAll('#article-text script').length") == 0
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(Path(screenshot_dir) / "article-preview-tricky.png"), full_page=True)


def test_hostile_samples_text_matches_the_dom_and_nothing_runs(live_server, page, login_as, admin_user):
    articles = [
        Article.objects.create(title=f"Hostile {i}", body_markdown=f"Sample {i}\n\n{source}")
        for i, (source, _html) in enumerate(HOSTILE)
    ]
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login_as(admin_user)
    for article in articles:
        assert text_content(page, live_server, article) == article.body_text, article.body_markdown
        assert page.evaluate("document.querySelectorAll('#article-text script, #article-text iframe').length") == 0
    assert dialogs == []


@pytest.mark.parametrize(("width", "height", "viewport"), [(1280, 900, "desktop"), (390, 844, "phone")])
def test_preview_screenshots(
    live_server, page, login_as, admin_user, launch_articles, screenshot_dir, width, height, viewport
):
    login_as(admin_user)
    page.set_viewport_size({"width": width, "height": height})
    for article in (launch_articles[0], launch_articles[2]):
        page.goto(live_server.url + reverse("articles:article_preview", args=[article.pk]))
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        key = "000" if article is launch_articles[0] else "002"
        page.screenshot(path=str(Path(screenshot_dir) / f"article-preview-{key}-{viewport}.png"), full_page=True)
        page.screenshot(path=str(Path(screenshot_dir) / f"article-preview-{key}-{viewport}-top.png"))
