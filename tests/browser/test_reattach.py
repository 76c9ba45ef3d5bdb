"""In Chromium: an admin corrects an article, a highlight is set aside, its teacher re-attaches it with the mouse."""

import os
import re

import pytest
from playwright.sync_api import expect

from teaching import services
from teaching.models import Annotation
from tests import factories
from tests.browser.reading_helpers import drag_select

pytestmark = pytest.mark.browser

OLD = "Critics called it a “modern-day Stalingrad” – a claim no one could check."
NEW = "Critics likened it to Stalingrad – a claim no one could check."


@pytest.fixture
def orphaned(submission, article):
    annotation = factories.annotation_for(
        submission, article, "modern-day Stalingrad", category="rhetoric", comment="Loaded comparison"
    )
    factories.annotation_for(submission, article, "a claim no one could check", category="sourcing")
    services.revise_article(
        article=article, body_markdown=article.body_markdown.replace(OLD, NEW), by=factories.AdminFactory()
    )
    annotation.refresh_from_db()
    assert annotation.is_orphaned
    return annotation


def test_teacher_reattaches_an_orphan_with_a_mouse_selection(
    live_server, page, login_as, teacher, orphaned, screenshot_dir
):
    login_as(teacher)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/annotations/{orphaned.pk}/reattach/")
    expect(page.locator("#orphan-quote mark")).to_have_text("modern-day Stalingrad")
    expect(page.locator("#reattach-selected")).to_have_text("No words selected yet.")
    page.screenshot(path=os.path.join(screenshot_dir, "reattach-before.png"), full_page=True)

    drag_select(page, "likened it to Stalingrad")
    expect(page.locator("#reattach-selected")).to_contain_text("Selected: “likened it to Stalingrad”")
    text = orphaned.article.body_text
    start = text.index("likened it to Stalingrad")
    assert page.input_value('input[name="start"]') == str(start)
    assert page.input_value('input[name="end"]') == str(start + len("likened it to Stalingrad"))
    page.screenshot(path=os.path.join(screenshot_dir, "reattach-selected.png"), full_page=True)

    page.get_by_role("button", name="Re-attach").click()
    page.wait_for_url(re.compile(r"/submissions/\d+/articles/1/"))
    orphaned.refresh_from_db()
    assert (orphaned.anchor_status, orphaned.exact, orphaned.comment) == (
        "anchored",
        "likened it to Stalingrad",
        "Loaded comparison",
    )
    assert text[orphaned.start : orphaned.end] == "likened it to Stalingrad"
    expect(page.locator(".messages")).to_contain_text("Re-attached the highlight to “likened it to Stalingrad”.")


def test_typed_words_work_without_a_selection_and_ambiguity_is_explained(
    live_server, page, login_as, teacher, orphaned, screenshot_dir
):
    login_as(teacher)
    page.goto(f"{live_server.url}/annotations/{orphaned.pk}/reattach/")
    page.get_by_label("Or type the exact words").fill("the")
    page.get_by_role("button", name="Re-attach").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("These words appear 3 times in the article.")
    expect(alert).to_be_focused()
    expect(alert).to_be_in_viewport()
    expect(page.locator("#id_words_error")).to_contain_text("These words appear 3 times in the article.")
    expect(page.get_by_label("Or type the exact words")).to_have_value("the")
    page.screenshot(path=os.path.join(screenshot_dir, "reattach-ambiguous.png"), full_page=True)
    assert Annotation.objects.get(pk=orphaned.pk).is_orphaned
    page.get_by_label("Or type the exact words").fill("to Stalingrad")
    page.get_by_role("button", name="Re-attach").click()
    page.wait_for_url(re.compile(r"/submissions/\d+/articles/1/"))
    assert Annotation.objects.get(pk=orphaned.pk).exact == "to Stalingrad"


def test_admin_sees_counts_diff_and_orphans_after_a_correction(
    live_server, page, login_as, admin_user, submission, article, screenshot_dir
):
    factories.annotation_for(submission, article, "modern-day Stalingrad", category="rhetoric", comment="Loaded")
    factories.annotation_for(submission, article, "300 troops")
    factories.annotation_for(submission, article, "general staff", category="sourcing")
    login_as(admin_user)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    body = page.locator("#id_body_markdown")
    body.fill(body.input_value().replace(OLD, NEW).replace("300 troops", "3,000 troops"))
    page.get_by_label("What changed (optional)").fill("Corrected the number; quoted the critics exactly")
    page.locator('input[name="_continue"]').click()
    message = page.locator(".messagelist .warning")
    expect(message).to_contain_text(
        # "300 troops" became "3,000 troops": its words changed, so it is set aside too.
        "Saved as revision 2. 0 highlights stayed on the same words, 1 moved with the text, 2 could not be placed"
    )
    page.screenshot(path=os.path.join(screenshot_dir, "admin-revision-saved.png"), full_page=True)

    page.get_by_role("link", name="What changed").click()
    expect(page.locator("ins.diff-ins").first).to_be_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "admin-revision-diff.png"), full_page=True)

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.locator(".messagelist a, .readonly a", has_text="could not be placed").first.click()
    expect(page.locator("#content-main table")).to_contain_text("modern-day Stalingrad")
    page.screenshot(path=os.path.join(screenshot_dir, "admin-orphans.png"), full_page=True)
