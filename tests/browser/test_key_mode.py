"""A teacher builds the reference key in Chromium: a real mouse selection, the toolbar, suggestions."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from teaching.models import DismissedSuggestion, KeyItem
from tests.browser.reading_helpers import article_at, drag_select, launch_assignment, mark_texts, wait_ready

pytestmark = pytest.mark.browser

PHRASE = "verified reports indicate"
EXPLANATION = "Verified by whom? The report never says who checked."


@pytest.fixture
def key_setup(classroom):
    assignment = launch_assignment(classroom, own_copy=True)
    return {"assignment": assignment, "lesson": assignment.lesson, "article": article_at(assignment, 3)}


def _open(page, live_server, login_as, teacher, lesson, position=3):
    login_as(teacher)
    page.goto(f"{live_server.url}/lessons/{lesson.pk}/key/articles/{position}/")
    wait_ready(page)


def test_teacher_builds_key_with_mouse_and_suggestions(live_server, page, login_as, teacher, key_setup, screenshot_dir):
    article = key_setup["article"]
    login_as(teacher)
    page.goto(f"{live_server.url}/assignments/{key_setup['assignment'].pk}/review/")
    page.get_by_role("link", name=re.compile("Reference key")).first.click()
    wait_ready(page)
    page.get_by_role("link", name=re.compile("Article 3")).click()
    wait_ready(page)
    assert page.locator("#annotation-list li[data-id]").count() == 0

    drag_select(page, PHRASE)
    toolbar = page.locator("#annotate-toolbar")
    expect(toolbar).to_be_visible()
    expect(toolbar.locator("[data-toolbar-quote]")).to_have_text(f"“{PHRASE}”")
    toolbar.get_by_role("button", name=re.compile("Sourcing")).click()
    expect(toolbar.locator("[data-toolbar-state]")).to_have_text("Saved as Sourcing")
    toolbar.get_by_label("Explanation").fill(EXPLANATION)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=f"{screenshot_dir}/key-mode-toolbar-1280.png")
    toolbar.get_by_role("button", name="Save explanation").click()
    expect(toolbar).to_be_hidden()
    items = page.locator("#annotation-list li[data-id]")
    expect(items).to_have_count(1)
    expect(items.first.locator(".item-comment")).to_have_text(EXPLANATION)
    item = KeyItem.objects.get()
    assert (item.exact, item.category, item.explanation) == (PHRASE, "sourcing", EXPLANATION)
    assert article.body_text[item.start : item.end] == PHRASE

    # Accept the first number suggestion as it is offered (numbers pre-selected) ...
    numbers = page.locator('.suggestion-list[data-kind="numbers"] .suggestion-item')
    first_number = numbers.first
    start, end = int(first_number.get_attribute("data-start")), int(first_number.get_attribute("data-end"))
    expect(first_number.get_by_label(re.compile("Category for"))).to_have_value("numbers")
    first_number.get_by_role("button", name="Accept").click()
    expect(items).to_have_count(2)
    expect(page.locator("#save-status")).to_have_text("Suggestion added to the key")
    accepted = KeyItem.objects.get(start=start, end=end)
    assert accepted.category == "numbers"
    # ... and dismiss a quotation.
    quotation = page.locator('.suggestion-list[data-kind="quotation"] .suggestion-item').first
    q_start, q_end = int(quotation.get_attribute("data-start")), int(quotation.get_attribute("data-end"))
    quotation.get_by_role("button", name=re.compile("Dismiss")).click()
    expect(page.locator("#save-status")).to_have_text("Suggestion dismissed")
    expect(page.locator(f"#suggestion-{q_start}-{q_end}-quotation")).to_have_count(0)
    assert DismissedSuggestion.objects.filter(start=q_start, end=q_end, kind="quotation").exists()

    page.reload()
    wait_ready(page)
    expect(items).to_have_count(2)
    assert mark_texts(page, item.pk) == PHRASE
    assert mark_texts(page, accepted.pk) == article.body_text[start:end]
    expect(page.locator(f"#suggestion-{q_start}-{q_end}-quotation")).to_have_count(0)
    expect(page.locator(f"#suggestion-{start}-{end}-numbers")).to_have_count(0)
    expect(page.locator(f'[data-article-count-for="{article.pk}"]')).to_contain_text("2")
    assert page.locator("mark.hl-suggestion").count() > 0

    # Screenshots with items, suggestions and the toolbar open.
    drag_select(page, "Mad Max")
    expect(toolbar).to_be_visible()
    page.screenshot(path=f"{screenshot_dir}/key-mode-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    wait_ready(page)
    drag_select(page, "Mad Max")
    expect(toolbar).to_be_visible()
    page.screenshot(path=f"{screenshot_dir}/key-mode-390.png")
    page.locator("#suggestions").scroll_into_view_if_needed()
    page.screenshot(path=f"{screenshot_dir}/key-mode-390-suggestions.png")


def test_click_key_item_change_category_edit_explanation_delete(live_server, page, login_as, teacher, key_setup):
    from teaching.services import get_or_create_key
    from tests import factories

    key = get_or_create_key(key_setup["lesson"])
    first = factories.key_item_for(key, key_setup["article"], "approximately 300 troops", category="numbers")
    second = factories.key_item_for(key, key_setup["article"], "Video footage confirms", category="sourcing")
    _open(page, live_server, login_as, teacher, key_setup["lesson"])

    page.locator(f'mark[data-annotation-ids~="{first.pk}"]').first.click()
    editor = page.locator("#annotation-editor")
    expect(editor).to_be_visible()
    expect(editor.get_by_label("Explanation")).to_have_value(first.explanation)
    editor.get_by_label("Rhetoric").check()
    editor.get_by_label("Explanation").fill("“approximately” hides a guess")
    editor.get_by_role("button", name="Save").click()
    expect(editor).to_be_hidden()
    first.refresh_from_db()
    assert (first.category, first.explanation) == ("rhetoric", "“approximately” hides a guess")

    page.locator(f"#key-item-{second.pk}").get_by_role("button", name=re.compile("Delete")).click()
    expect(editor.get_by_text("Delete this key item?")).to_be_visible()
    editor.get_by_role("button", name="Yes, delete").click()
    expect(page.locator("#annotation-list li[data-id]")).to_have_count(1)
    assert not KeyItem.objects.filter(pk=second.pk).exists()


def test_key_mode_has_no_axe_violations(live_server, page, login_as, teacher, classroom, screenshot_dir):
    from axe_playwright_python.sync_playwright import Axe

    from teaching.services import copy_lesson

    launch = launch_assignment(classroom).lesson
    call_command("load_launch_key", stdout=io.StringIO())
    _open(page, live_server, login_as, teacher, copy_lesson(lesson=launch, by=teacher))  # the teacher's own copy
    expect(page.locator("#annotation-list li[data-id]").first).to_be_visible()
    page.screenshot(path=f"{screenshot_dir}/key-mode-launch-key-1280.png")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=f"{screenshot_dir}/key-mode-launch-key-390.png")
