"""The Content-Security-Policy in a real browser: every kind of page opens without a single violation, and the
pages that run JavaScript still work under it (the autouse fixture in tests/conftest.py fails the test on any
violation; these tests make sure each page is opened at least once, the admin's included)."""

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Submission
from tests import factories
from tests.browser.reading_helpers import article_at, launch_assignment, wait_ready

pytestmark = pytest.mark.browser

PHRASE = "approximately 300 troops"


@pytest.fixture
def work(classroom, student):
    assignment = launch_assignment(classroom, own_copy=True)
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    annotation = factories.annotation_for(submission, article_at(assignment, 3), PHRASE, comment="Others say 200")
    key = factories.ReferenceKeyFactory(lesson=assignment.lesson)
    factories.key_item_for(key, article_at(assignment, 3), PHRASE, explanation="Other reports: 200.")
    return {"assignment": assignment, "submission": submission, "annotation": annotation}


def _open(page, url):
    response = page.goto(url)
    assert response.status < 400, url
    assert "script-src 'self'" in response.headers["content-security-policy"], url
    return response


def test_student_pages_run_under_the_policy(live_server, page, login_as, student, work):
    login_as(student)
    base = f"{live_server.url}/assignments/{work['assignment'].pk}"
    for path in ["/assignments/", "/classes/join/", "/accounts/password_change/"]:
        _open(page, live_server.url + path)
    _open(page, f"{base}/articles/3/")
    wait_ready(page)  # annotate.js ran: its modules loaded from our files
    expect(page.locator("#article-text mark.hl")).to_have_count(1)
    _open(page, f"{base}/ledger/")
    _open(page, f"{base}/compare/3/4/")
    page.wait_for_selector("#compare-page[data-ready=true]")
    Submission.objects.filter(pk=work["submission"].pk).update(status="submitted")
    _open(page, f"{base}/feedback/articles/3/")
    expect(page.locator("#article-text mark").first).to_be_visible()


def test_teacher_pages_run_under_the_policy(live_server, page, login_as, teacher, classroom, work):
    Submission.objects.filter(pk=work["submission"].pk).update(status="submitted")
    login_as(teacher)
    assignment, submission = work["assignment"], work["submission"]
    for path in [
        "/classes/",
        f"/classes/{classroom.pk}/",
        f"/assignments/{assignment.pk}/review/",
        f"/submissions/{submission.pk}/articles/3/",
        f"/submissions/{submission.pk}/ledger/",
        f"/submissions/{submission.pk}/scores/",
        f"/assignments/{assignment.pk}/class/articles/3/",
        f"/assignments/{assignment.pk}/key-items/",
        f"/lessons/{assignment.lesson_id}/key/articles/3/",
    ]:
        _open(page, live_server.url + path)
    _open(page, f"{live_server.url}/assignments/{assignment.pk}/key-items/")
    expect(page.locator("meter.share-bar").first).to_be_attached()


def test_login_and_signup_pages_run_under_the_policy(live_server, page, student):
    _open(page, f"{live_server.url}/join/")
    _open(page, f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(student.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/assignments/$"))


def test_the_admin_works_under_the_policy(live_server, page, login_as, admin_user, work, screenshot_dir):
    """Django 5.2's admin has no inline script or style: the same policy serves it, and its JavaScript works."""
    login_as(admin_user)
    lesson = work["assignment"].lesson
    article = article_at(work["assignment"], 1)
    for path in [
        "/admin/",
        "/admin/articles/article/",
        f"/admin/articles/article/{article.pk}/change/",
        f"/admin/articles/article/{article.pk}/revisions/1/",
        "/admin/articles/article/import/",
        "/admin/teaching/user/add/",
        "/admin/teaching/referencekey/",
        f"/admin/teaching/submission/{work['submission'].pk}/change/",
    ]:
        _open(page, live_server.url + path)
    _open(page, f"{live_server.url}/admin/teaching/lesson/{lesson.pk}/change/")
    rows = page.locator("#lesson_articles-group tbody tr.form-row")
    before = rows.count()
    page.get_by_text("Add another Lesson article").click()  # the admin's inlines.js
    expect(rows).to_have_count(before + 1)
    _open(page, f"{live_server.url}/admin/teaching/assignment/add/")
    page.locator("#id_due_at_0").fill("")
    page.locator(".datetimeshortcuts a").first.click()  # "Today": the admin's calendar JavaScript
    expect(page.locator("#id_due_at_0")).not_to_have_value("")
    page.screenshot(path=f"{screenshot_dir}/csp-admin-assignment.png")


def test_the_fixture_catches_inline_script_and_style(live_server, page, _no_csp_violations):
    """The check itself can fail: inline code added to one of our pages is refused and reported."""
    _open(page, f"{live_server.url}/accounts/login/")
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    add_script = "const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s)"
    page.evaluate(f"() => {{ {add_script}; }}")
    page.wait_for_timeout(300)
    assert page.evaluate("window.ran") is None
    caught = " ".join(_no_csp_violations)
    assert "style-src" in caught and "script-src" in caught
    _no_csp_violations.clear()  # these were on purpose
