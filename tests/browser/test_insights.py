"""The teacher sees the class on the text (hover and keyboard say how many) and sorts the key-item table."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.reading_helpers import article_at, assert_fits_the_screen, launch_assignment

pytestmark = pytest.mark.browser

CLASS_SIZE = 6


@pytest.fixture
def class_work(classroom):
    assignment = launch_assignment(classroom)
    article = article_at(assignment, 3)
    key = factories.ReferenceKeyFactory(lesson=assignment.lesson)
    factories.key_item_for(key, article, "approximately 300 troops", "numbers", explanation="Other reports: 200.")
    factories.key_item_for(key, article, "verified reports indicate", "sourcing", explanation="Verified by whom?")
    factories.key_item_for(key, article, "troubling disconnect", "rhetoric", explanation="Charged words.")
    for i in range(CLASS_SIZE):
        student = factories.EnrollmentFactory(classroom=classroom).student
        sub = factories.SubmissionFactory(assignment=assignment, student=student, status="submitted")
        factories.annotation_for(sub, article, "approximately 300 troops", "numbers")
        if i % 3 == 0:
            factories.annotation_for(sub, article, "verified reports indicate", "sourcing")
            factories.annotation_for(sub, article, "300 troops", "rhetoric")
    return {"assignment": assignment, "article": article}


def _heatmap(page, live_server, assignment, query=""):
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/class/articles/3/{query}")
    page.wait_for_selector("#heatmap-page[data-ready=true]")


def test_heatmap_hover_and_focus_say_how_many(live_server, page, login_as, teacher, class_work):
    login_as(teacher)
    _heatmap(page, live_server, class_work["assignment"])
    text = page.evaluate("document.getElementById('article-text').textContent")
    assert text == class_work["article"].body_text
    tip = page.locator("#heat-tip")
    # "approximately" is marked by all six, as numbers only
    everyone = page.locator("#article-text mark.hl-heat-5").first
    everyone.hover()
    expect(tip).to_be_visible()
    expect(tip).to_have_text(re.compile(r"^6 of 6 students — 6 as numbers"))
    expect(tip).to_contain_text("In your key (numbers)")
    # "300 troops" is marked by all six as numbers and two of them as rhetoric; reach it by keyboard
    both = page.locator("#article-text mark[tabindex='0']", has_text="300 troops").first
    both.focus()
    expect(tip).to_have_text(re.compile(r"6 of 6 students — 2 as rhetoric, 6 as numbers"))
    described = both.get_attribute("aria-describedby")
    assert page.locator(f"#{described}").text_content() == "6 of 6 students — 2 as rhetoric, 6 as numbers"
    page.keyboard.press("Tab")
    expect(tip).to_be_visible()  # the next passage
    # key items are outlined, even where nobody highlighted
    expect(page.locator("#article-text mark.hl-key", has_text="troubling disconnect")).to_have_count(1)


def test_heatmap_category_filter(live_server, page, login_as, teacher, class_work):
    login_as(teacher)
    _heatmap(page, live_server, class_work["assignment"])
    page.get_by_role("link", name="Sourcing", exact=True).click()
    page.wait_for_selector("#heatmap-page[data-ready=true]")
    expect(page.get_by_role("link", name="Sourcing", exact=True)).to_have_attribute("aria-current", "true")
    marks = page.locator("#article-text mark.heat[tabindex='0']")
    expect(marks).to_have_count(1)
    marks.first.focus()
    expect(page.locator("#heat-tip")).to_have_text(re.compile(r"^2 of 6 students — 2 as sourcing"))
    expect(page.locator(".agreement-list")).to_contain_text("which words are sourcing")


def test_key_item_table_sorts(live_server, page, login_as, teacher, class_work):
    login_as(teacher)
    page.goto(f"{live_server.url}/assignments/{class_work['assignment'].pk}/key-items/")
    quotes = page.locator("td.quote q")
    expect(quotes).to_have_text(["troubling disconnect", "verified reports indicate", "approximately 300 troops"])
    expect(page.locator("tr.is-missed-by-most")).to_have_count(2)
    page.get_by_role("link", name=re.compile("^Found by")).click()
    expect(quotes).to_have_text(["approximately 300 troops", "verified reports indicate", "troubling disconnect"])
    expect(page.locator("th[aria-sort]")).to_have_attribute("aria-sort", "descending")
    page.get_by_role("link", name=re.compile("^Key item")).click()
    expect(page.locator("th[aria-sort]")).to_contain_text("Key item")
    expect(quotes.first).to_have_text("approximately 300 troops")


def test_screenshots_class_views(live_server, page, login_as, teacher, class_work, screenshot_dir):
    login_as(teacher)
    for width, height, name in [(1280, 900, "desktop"), (390, 844, "phone")]:
        page.set_viewport_size({"width": width, "height": height})
        _heatmap(page, live_server, class_work["assignment"])
        mark = page.locator("#article-text mark.hl-heat-5").first
        mark.scroll_into_view_if_needed()
        mark.hover()
        assert_fits_the_screen(page)
        page.screenshot(path=f"{screenshot_dir}/heatmap-{name}.png")
        page.locator(".reading-panel").scroll_into_view_if_needed()
        page.screenshot(path=f"{screenshot_dir}/heatmap-{name}-panel.png")
        page.goto(f"{live_server.url}/assignments/{class_work['assignment'].pk}/key-items/")
        assert_fits_the_screen(page)
        page.screenshot(path=f"{screenshot_dir}/key-items-{name}.png", full_page=True)
        page.goto(f"{live_server.url}/assignments/{class_work['assignment'].pk}/review/")
        assert_fits_the_screen(page)
        page.screenshot(path=f"{screenshot_dir}/review-scores-{name}.png", full_page=True)


@pytest.mark.parametrize("path", ["class/articles/3/", "key-items/"])
def test_class_views_have_no_axe_violations(live_server, page, login_as, teacher, class_work, path):
    from axe_playwright_python.sync_playwright import Axe

    login_as(teacher)
    page.goto(f"{live_server.url}/assignments/{class_work['assignment'].pk}/{path}")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()
