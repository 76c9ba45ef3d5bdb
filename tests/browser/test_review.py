"""A teacher reviews one student's highlights: marks save at once, highlights and entries are linked."""

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation, Submission
from tests import factories
from tests.browser.reading_helpers import article_at, assert_fits_the_screen, launch_assignment, mark_texts, wait_ready
from tests.browser.test_save_reliability import log_out_in_another_tab

pytestmark = pytest.mark.browser

PHRASE = "approximately 300 troops"


@pytest.fixture
def submitted(classroom, student):
    assignment = launch_assignment(classroom)
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    article = article_at(assignment, 3)
    annotations = [
        factories.annotation_for(submission, article, PHRASE, comment="Other reports say 200 or 125–250."),
        factories.annotation_for(submission, article, "300 troops now operating inside the city", category="rhetoric"),
        factories.annotation_for(
            submission, article, "verified reports indicate", category="sourcing", comment="Who verified?"
        ),
        factories.annotation_for(submission, article, "troubling disconnect", category="rhetoric"),
    ]
    Submission.objects.filter(pk=submission.pk).update(status="submitted")
    return {"submission": submission, "article": article, "annotations": annotations, "assignment": assignment}


def _open(page, live_server, login_as, teacher, submission, position=3):
    login_as(teacher)
    page.goto(f"{live_server.url}/submissions/{submission.pk}/articles/{position}/")
    wait_ready(page)


def test_teacher_marks_a_highlight_at_once(live_server, page, login_as, teacher, submitted):
    _open(page, live_server, login_as, teacher, submitted["submission"])
    first = submitted["annotations"][0]
    assert mark_texts(page, first.pk) == PHRASE
    entry = page.locator(f'#annotation-list li[data-id="{first.pk}"]')
    expect(entry).to_contain_text("Other reports say 200 or 125–250.")
    entry.get_by_label("Comment for the student").fill("Yes: compare the time windows too.")
    entry.get_by_role("button", name="Good catch").click()
    expect(entry.locator(".save-state")).to_have_text("Saved ✓")
    expect(entry.get_by_role("button", name="Good catch")).to_have_attribute("aria-pressed", "true")
    expect(entry.get_by_role("button", name="Good catch")).to_be_focused()  # htmx kept focus after the swap
    first.refresh_from_db()
    assert (first.teacher_mark, first.teacher_comment) == ("good", "Yes: compare the time windows too.")

    second = submitted["annotations"][3]
    other = page.locator(f'#annotation-list li[data-id="{second.pk}"]')
    other.get_by_role("button", name="Look again").click()
    expect(other.locator(".save-state")).to_have_text("Saved ✓")
    assert Annotation.objects.get(pk=second.pk).teacher_mark == "again"


def test_clicking_a_highlight_focuses_its_entry(live_server, page, login_as, teacher, submitted):
    _open(page, live_server, login_as, teacher, submitted["submission"])
    sourcing = submitted["annotations"][2]
    page.locator(f'#article-text mark[data-annotation-ids="{sourcing.pk}"]').first.click()
    expect(page.locator(f'#annotation-list li[data-id="{sourcing.pk}"]')).to_be_focused()


def test_mark_save_failure_is_visible(live_server, page, login_as, teacher, submitted):
    _open(page, live_server, login_as, teacher, submitted["submission"])
    page.route("**/mark/", lambda route: route.abort())
    first = submitted["annotations"][0]
    entry = page.locator(f'#annotation-list li[data-id="{first.pk}"]')
    entry.get_by_role("button", name="Look again").click()
    # transport.js's wording, the same as the reading view's
    expect(entry.locator(".save-state")).to_have_text(
        "Not saved — the connection was lost. Check your connection and try again."
    )
    assert Annotation.objects.get(pk=first.pk).teacher_mark == ""


def test_mark_after_logout_says_so_in_the_reading_views_words(live_server, page, login_as, teacher, submitted):
    _open(page, live_server, login_as, teacher, submitted["submission"])
    log_out_in_another_tab(page, live_server)
    first = submitted["annotations"][0]
    entry = page.locator(f'#annotation-list li[data-id="{first.pk}"]')
    entry.get_by_role("button", name="Look again").click()
    expect(entry.locator(".save-state")).to_contain_text("Not saved — Your session has ended.")
    assert Annotation.objects.get(pk=first.pk).teacher_mark == ""


def test_return_to_student_with_feedback(live_server, page, login_as, teacher, submitted):
    _open(page, live_server, login_as, teacher, submitted["submission"])
    page.get_by_label("Overall feedback").fill("Sharp on numbers; look again at who is quoted.")
    page.get_by_role("button", name="Return to student").click()
    page.get_by_role("button", name="Yes, return it").click()
    expect(page.locator(".messages")).to_contain_text("Returned to sam")
    submission = Submission.objects.get(pk=submitted["submission"].pk)
    assert (submission.status, submission.feedback) == ("returned", "Sharp on numbers; look again at who is quoted.")
    expect(page.get_by_role("link", name=re.compile("All submissions"))).to_be_visible()


def test_screenshots_teacher_review(live_server, page, login_as, teacher, submitted, screenshot_dir):
    first = submitted["annotations"][0]
    Annotation.objects.filter(pk=first.pk).update(
        teacher_mark="good", teacher_comment="Yes — and compare time windows."
    )
    for width, height, name in [(1280, 900, "review-desktop"), (390, 844, "review-phone")]:
        page.set_viewport_size({"width": width, "height": height})
        _open(page, live_server, login_as, teacher, submitted["submission"])
        assert_fits_the_screen(page)
        page.screenshot(path=f"{screenshot_dir}/{name}.png")
        page.locator("#reading-panel").scroll_into_view_if_needed()
        page.locator(f'#annotation-list li[data-id="{first.pk}"]').scroll_into_view_if_needed()
        page.screenshot(path=f"{screenshot_dir}/{name}-panel.png")


def test_review_has_no_axe_violations(live_server, page, login_as, teacher, submitted):
    from axe_playwright_python.sync_playwright import Axe

    _open(page, live_server, login_as, teacher, submitted["submission"])
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()
