"""A student submits and learns at once what they found and missed, with the teacher's reasons."""

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Submission
from tests import factories
from tests.browser.reading_helpers import article_at, assert_fits_the_screen, launch_assignment

pytestmark = pytest.mark.browser

MISSED_WHY = "A charged phrase: it asks you to feel, not to check."


@pytest.fixture
def feedback_setup(classroom, student):
    assignment = launch_assignment(classroom)  # feedback right after submitting (the default)
    article = article_at(assignment, 3)
    key = factories.ReferenceKeyFactory(lesson=assignment.lesson)
    factories.key_item_for(key, article, "approximately 300 troops", "numbers", explanation="Other reports: 200.")
    factories.key_item_for(key, article, "verified reports indicate", "sourcing", explanation="Verified by whom?")
    missed = factories.key_item_for(key, article, "troubling disconnect", "rhetoric", explanation=MISSED_WHY)
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    factories.annotation_for(submission, article, "300 troops", "numbers")
    factories.annotation_for(submission, article, "verified reports indicate", "sourcing")
    factories.annotation_for(submission, article, "Pokrovsk", "rhetoric", comment="Named twice?")
    return {"assignment": assignment, "submission": submission, "missed": missed, "article": article}


def _submit_and_open_feedback(page, live_server, assignment):
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/articles/3/")
    page.wait_for_selector("#annotate-page[data-ready=true]")
    page.get_by_role("button", name="Submit to my teacher").click()
    page.get_by_role("button", name="Yes, submit").click()
    # Feedback comes at submission for this assignment: submitting takes the student straight to it.
    page.wait_for_selector("#feedback-page[data-ready=true]")
    expect(page.locator(".messages")).to_contain_text("Here is what you found and what you missed")


def test_student_submits_and_sees_found_and_missed(live_server, page, login_as, student, feedback_setup):
    login_as(student)
    _submit_and_open_feedback(page, live_server, feedback_setup["assignment"])
    assert Submission.objects.get(pk=feedback_setup["submission"].pk).status == "submitted"
    page.get_by_role("link", name=re.compile("Article 3")).click()
    page.wait_for_selector("#feedback-page[data-ready=true]")
    expect(page.locator(".summary-lede")).to_contain_text("you found 2 of 3")
    found = page.locator(".fb-found")
    expect(found).to_have_count(2)
    expect(found.filter(has_text="300 troops")).to_contain_text("Other reports: 200.")
    missed_entry = page.locator(".fb-missed")
    expect(missed_entry).to_have_count(1)
    expect(missed_entry).to_contain_text(MISSED_WHY)
    expect(page.locator(".fb-extra")).to_contain_text("Named twice?")
    expect(page.get_by_text("Your teacher will look at these.").first).to_be_visible()

    # the missed item is drawn in the text in its own style; clicking it explains it
    key_id = f"k{feedback_setup['missed'].pk}"
    missed_mark = page.locator(f'#article-text mark.hl-missed[data-annotation-ids~="{key_id}"]').first
    expect(missed_mark).to_have_text("troubling disconnect")
    missed_mark.click()
    expect(page.locator("#text-note")).to_be_visible()
    expect(page.locator("#text-note")).to_contain_text(MISSED_WHY)
    page.keyboard.press("Escape")
    expect(page.locator("#text-note")).to_be_hidden()

    # keyboard: the missed item is a tab stop that says why (note + aria-describedby)
    missed_mark.focus()
    expect(page.locator("#text-note")).to_contain_text(MISSED_WHY)
    assert missed_mark.get_attribute("aria-describedby") == f"desc-{key_id}"
    # "Show in the text" from the list goes to it too
    page.locator("body").click(position={"x": 5, "y": 5})
    missed_entry.get_by_role("button", name="Show in the text").click()
    expect(missed_mark).to_be_focused()

    # the text is untouched by the drawing
    text = page.evaluate("document.getElementById('article-text').textContent")
    assert text == feedback_setup["article"].body_text


def test_on_return_keeps_feedback_until_returned(live_server, page, login_as, student, feedback_setup):
    feedback_setup["assignment"].feedback_timing = "on_return"
    feedback_setup["assignment"].save()
    login_as(student)
    page.goto(f"{live_server.url}/assignments/{feedback_setup['assignment'].pk}/articles/3/")
    page.get_by_role("button", name="Submit to my teacher").click()
    page.get_by_role("button", name="Yes, submit").click()
    expect(page.locator(".banner-submitted")).to_be_visible()
    expect(page.get_by_role("link", name="See your feedback")).to_have_count(0)
    page.goto(f"{live_server.url}/assignments/{feedback_setup['assignment'].pk}/feedback/articles/3/")
    expect(page.locator(".messages")).to_contain_text(
        "Your teacher will share the feedback when they return your work."
    )


def test_screenshots_student_feedback(live_server, page, login_as, student, feedback_setup, screenshot_dir):
    Submission.objects.filter(pk=feedback_setup["submission"].pk).update(status="submitted")
    login_as(student)
    for width, height, name in [(1280, 900, "feedback-desktop"), (390, 844, "feedback-phone")]:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{live_server.url}/assignments/{feedback_setup['assignment'].pk}/feedback/articles/3/")
        page.wait_for_selector("#feedback-page[data-ready=true]")
        assert_fits_the_screen(page)
        page.screenshot(path=f"{screenshot_dir}/{name}.png")
        mark = page.locator("#article-text mark.hl-missed").first
        mark.scroll_into_view_if_needed()
        mark.click()
        assert_fits_the_screen(page)
        page.screenshot(path=f"{screenshot_dir}/{name}-missed.png")
        page.locator(".feedback-panel").scroll_into_view_if_needed()
        page.screenshot(path=f"{screenshot_dir}/{name}-panel.png")


def test_feedback_has_no_axe_violations(live_server, page, login_as, student, feedback_setup):
    from axe_playwright_python.sync_playwright import Axe

    Submission.objects.filter(pk=feedback_setup["submission"].pk).update(status="submitted")
    login_as(student)
    page.goto(f"{live_server.url}/assignments/{feedback_setup['assignment'].pk}/feedback/articles/3/")
    page.wait_for_selector("#feedback-page[data-ready=true]")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()
