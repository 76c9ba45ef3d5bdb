"""The whole loop: a student highlights and submits, the teacher (at another computer) marks and returns,
the student sees the marks and feedback and can revise."""

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation, Submission
from tests.browser.reading_helpers import drag_select, launch_assignment, login_context, mark_texts, wait_ready

pytestmark = pytest.mark.browser

PHRASE = "approximately 300 troops"


def test_student_teacher_round_trip(live_server, page, browser, login_as, student, teacher, classroom, screenshot_dir):
    assignment = launch_assignment(classroom)

    # The student: opens the assignment, highlights a number with a comment, submits.
    login_as(student)
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/")
    wait_ready(page)
    page.get_by_role("link", name=re.compile("Article 3")).click()
    wait_ready(page)
    drag_select(page, PHRASE)
    toolbar = page.locator("#annotate-toolbar")
    toolbar.get_by_label("Comment").fill("Other reports: about 200.")
    toolbar.get_by_role("button", name=re.compile("Numbers")).click()
    expect(page.locator("#save-status")).to_have_text("Saved")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Submit to my teacher").click()
    page.get_by_role("button", name="Yes, submit").click()
    expect(page.locator(".banner-submitted")).to_be_visible()
    submission = Submission.objects.get(student=student, assignment=assignment)
    annotation = Annotation.objects.get()
    assert annotation.comment == "Other reports: about 200."

    # The teacher, in another browser: sees the highlight and comment, marks it, returns the work.
    teacher_context = browser.new_context(viewport={"width": 1280, "height": 900})
    login_context(live_server, teacher_context, teacher)
    tpage = teacher_context.new_page()
    tpage.goto(f"{live_server.url}/submissions/{submission.pk}/")
    wait_ready(tpage)
    expect(tpage.get_by_text("Reviewing sam")).to_be_visible()
    tpage.get_by_role("link", name=re.compile("Article 3")).click()
    wait_ready(tpage)
    assert mark_texts(tpage, annotation.pk) == PHRASE
    entry = tpage.locator(f'#annotation-list li[data-id="{annotation.pk}"]')
    expect(entry).to_contain_text("Other reports: about 200.")
    entry.get_by_label("Comment for the student").fill("Good — now check which time window each uses.")
    entry.get_by_role("button", name="Good catch").click()
    expect(entry.locator(".save-state")).to_have_text("Saved ✓")
    tpage.get_by_label("Overall feedback").fill("A careful start. Compare the four reports' numbers.")
    tpage.get_by_role("button", name="Return to student").click()
    tpage.get_by_role("button", name="Yes, return it").click()
    expect(tpage.locator(".messages")).to_contain_text("Returned")
    teacher_context.close()

    # The student sees the mark, the comment and the feedback, and can work on.
    page.reload()
    wait_ready(page)
    expect(page.locator(".banner-returned")).to_contain_text("A careful start. Compare the four reports' numbers.")
    student_entry = page.locator(f'#annotation-list li[data-id="{annotation.pk}"]')
    expect(student_entry.locator(".mark-badge")).to_have_text("✓ Good catch")
    expect(student_entry).to_contain_text("Good — now check which time window each uses.")
    expect(page.get_by_role("button", name="Submit again")).to_be_visible()
    page.screenshot(path=f"{screenshot_dir}/returned-desktop.png")
    page.set_viewport_size({"width": 390, "height": 844})
    student_entry.scroll_into_view_if_needed()
    page.screenshot(path=f"{screenshot_dir}/returned-phone.png")

    drag_select(page, "verified reports indicate")
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile("Sourcing")).click()
    expect(page.locator("#save-status")).to_have_text("Saved")
    assert Annotation.objects.count() == 2
