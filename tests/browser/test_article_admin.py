"""In Chromium: an admin imports an article from a file, sees a clear error for a bad one,
and finds the preview link on the article's page."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article

pytestmark = pytest.mark.browser


def test_admin_imports_a_text_file_and_previews_it(live_server, page, login_as, admin_user, tmp_path, screenshot_dir):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"%PDF-1.7\x00\x00binary")
    good = tmp_path / "report.txt"
    good.write_text("Troops enter Pokrovsk\n\nAbout 300 troops – “inside”.\n", encoding="utf-8")
    login_as(admin_user)

    page.goto(live_server.url + reverse("admin:articles_article_changelist"))
    page.get_by_role("link", name="Import from a .txt or .md file").click()
    page.get_by_label("Text file").set_input_files(str(bad))
    page.get_by_role("button", name="Import article").click()
    # expect() waits for the next page; is_visible() answered for whichever page was there (flaky under load).
    expect(page.get_by_text("This is not a text file")).to_be_visible()
    expect(page.get_by_text("Nothing has been saved.")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(Path(screenshot_dir) / "admin-article-import-error.png"), full_page=True)
    assert Article.objects.count() == 0

    page.get_by_label("Text file").set_input_files(str(good))
    page.get_by_label("Outlet").fill("The Daily")
    page.get_by_role("button", name="Import article").click()
    expect(page.get_by_text("Imported “Troops enter Pokrovsk”")).to_be_visible()
    article = Article.objects.get()
    assert page.url.endswith(reverse("admin:articles_article_change", args=[article.pk]))
    page.screenshot(path=str(Path(screenshot_dir) / "admin-article-change.png"), full_page=True)

    with page.context.expect_page() as new_tab:
        page.get_by_role("link", name="Preview as students see it").click()
    preview = new_tab.value
    preview.wait_for_load_state()
    assert preview.evaluate("document.getElementById('article-text').textContent") == article.body_text
    assert preview.locator(".reading-meta").inner_text().count("unknown") == 2  # author and date; outlet given
