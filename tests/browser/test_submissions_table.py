"""The teacher's submissions table at a laptop's width: every column, "Open" included, fits without clipping;
students who have not started show no counts (not zeros)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from teaching import services
from tests import factories
from tests.browser.reading_helpers import article_at, launch_assignment

pytestmark = pytest.mark.browser


@pytest.fixture
def review(classroom, student):
    assignment = launch_assignment(classroom, own_copy=True)  # all three categories, and a key of the teacher's
    article = article_at(assignment, 3)
    key = services.get_or_create_key(assignment.lesson)
    factories.key_item_for(key, article, "approximately 300 troops", "numbers")
    student.first_name, student.last_name = "Samantha-Josephine", "Okonkwo-Vandermeer"
    student.save()
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    factories.annotation_for(submission, article, "approximately 300 troops", "numbers")
    services.submit_submission(submission=submission, by=student)
    for n in range(3):
        pupil = factories.StudentFactory(
            username=f"pupil_with_a_long_name_{n}", first_name="Maximilian", last_name="Featherstonehaugh"
        )
        factories.EnrollmentFactory(classroom=classroom, student=pupil)
    return assignment


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_the_submissions_table_fits_and_open_is_not_clipped(
    live_server, page, login_as, teacher, review, screenshot_dir, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    login_as(teacher)
    page.goto(f"{live_server.url}/assignments/{review.pk}/review/")
    table = page.locator("table.review-table")
    expect(table).to_be_visible()
    page.screenshot(path=f"{screenshot_dir}/submissions-table-{width}.png", full_page=True)
    box = page.evaluate(
        """() => { const s = document.querySelector('.review-table').closest('.table-scroll');
                   return {scroll: s.scrollWidth, client: s.clientWidth}; }"""
    )
    if width >= 1280:
        assert box["scroll"] <= box["client"], f"the table is {box['scroll'] - box['client']} px too wide"
        open_button = table.get_by_role("link", name="Open").first
        right = page.evaluate("(e) => e.getBoundingClientRect().right", open_button.element_handle())
        assert right <= box["client"] + table.bounding_box()["x"], "Open is clipped"
    # Students who have not started: a dash, not zeros counted as their work.
    row = table.locator("tr", has_text="pupil_with_a_long_name_0")
    expect(row.locator(".status")).to_have_text("Not started")
    expect(row.locator("td.num").first).to_have_text("—")
