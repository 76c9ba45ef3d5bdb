"""What a new student and a teacher do in Chromium: sign up with a join link, log in, manage the class code."""

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Classroom, Submission, User
from tests import factories

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def shoot(page, screenshot_dir, name):
    for label, size in SIZES.items():
        page.set_viewport_size(size)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.screenshot(path=f"{screenshot_dir}/classroom-{name}-{label}.png", full_page=True)
    page.set_viewport_size(SIZES["desktop"])


def test_new_student_signs_up_from_the_join_link_and_sees_the_assignment(
    live_server, page, classroom, assignment, screenshot_dir
):
    code = classroom.join_code
    page.goto(f"{live_server.url}/join/?code={code.lower()}")
    # The link's code is checked first: the page goes straight to the account, for this class.
    expect(page.locator(".signup-class")).to_contain_text("You’re joining Year 10 Media")
    expect(page.locator("input[name=join_code]")).to_have_value(code)
    page.get_by_label("Choose a username").type("nia_k")
    page.get_by_label("First name (optional)").type("Nia")
    page.get_by_label("Choose a password").type("plum-ocean-73")
    page.get_by_label("Type the password again").type("plum-ocean-73")
    shoot(page, screenshot_dir, "signup")
    page.get_by_role("button", name="Create account and join").click()

    expect(page).to_have_url(f"{live_server.url}/assignments/")
    expect(page.locator(".whoami")).to_contain_text("Nia")
    expect(page.locator(".whoami")).to_contain_text("Student")
    expect(page.get_by_role("status")).to_contain_text("You’ve joined “Year 10 Media”")
    card = page.locator(".assignment-card")
    expect(card).to_contain_text(assignment.lesson.title)
    expect(card.locator(".status")).to_have_text("Not started")
    expect(card.get_by_role("link", name=re.compile("^Start"))).to_be_visible()
    assert User.objects.get(username="nia_k").classrooms_joined.get() == classroom
    shoot(page, screenshot_dir, "dashboard")


def test_signup_asks_for_the_class_code_before_any_password(live_server, page, classroom, screenshot_dir):
    page.goto(f"{live_server.url}/join/")
    expect(page.get_by_label("Choose a password")).to_have_count(0)
    page.get_by_label("Class code").type("WRONG123")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("No class has the code “WRONG123”")).to_be_visible()
    expect(page.get_by_label("Class code")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Choose a password")).to_have_count(0)  # nothing else asked, nothing to retype
    shoot(page, screenshot_dir, "signup-wrong-code")
    assert User.objects.count() == 1  # the teacher only: nothing was created

    page.get_by_label("Class code").fill(f"{classroom.join_code[:4].lower()} {classroom.join_code[4:]}")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".signup-class")).to_contain_text("You’re joining Year 10 Media")
    shoot(page, screenshot_dir, "signup-account-step")
    page.get_by_label("Choose a username").type("nia_k")
    page.get_by_label("Choose a password").type("plum-ocean-73")
    page.get_by_label("Type the password again").type("plum-ocean-74")
    page.get_by_role("button", name="Create account and join").click()
    # A mistake in the second step stays in the second step, for the same class.
    expect(page.get_by_text("The two passwords don’t match")).to_be_visible()
    expect(page.locator(".signup-class")).to_contain_text("Year 10 Media")
    page.get_by_label("Choose a password").fill("plum-ocean-73")
    page.get_by_label("Type the password again").fill("plum-ocean-73")
    page.get_by_role("button", name="Create account and join").click()
    expect(page).to_have_url(f"{live_server.url}/assignments/")
    assert User.objects.get(username="nia_k").classrooms_joined.get() == classroom


def test_dashboard_without_a_class_offers_the_join_form(live_server, page, login_as, screenshot_dir, classroom):
    login_as(factories.StudentFactory(username="newcomer"))
    page.goto(f"{live_server.url}/assignments/")
    expect(page.get_by_role("heading", name="You’re not in a class yet")).to_be_visible()
    shoot(page, screenshot_dir, "dashboard-empty")
    page.get_by_label("Class code").type(classroom.join_code.lower())
    page.get_by_role("button", name="Join class").click()
    expect(page.get_by_role("heading", name="Nothing to do yet")).to_be_visible()


def test_teacher_logs_in_opens_the_class_and_regenerates_the_code(
    live_server, page, teacher, classroom, student, other_student, screenshot_dir
):
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    shoot(page, screenshot_dir, "login")
    page.get_by_label("Username").type("ms_okafor")
    page.get_by_label("Password").type(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(f"{live_server.url}/classes/")
    expect(page.locator(".whoami")).to_contain_text("Ada Okafor")
    expect(page.locator(".whoami")).to_contain_text("Teacher")
    expect(page.locator(".classroom-card")).to_contain_text("2")
    shoot(page, screenshot_dir, "list")
    page.get_by_role("link", name="Year 10 Media").click()

    old = classroom.join_code
    code = page.get_by_test_id("join-code")
    expect(code).to_have_text(old)
    expect(page.get_by_label("Join link")).to_have_value(f"{live_server.url}/join/?code={old}")
    expect(page.locator("#roster")).to_contain_text("riya")
    page.wait_for_function("window.htmx !== undefined")
    shoot(page, screenshot_dir, "detail")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Regenerate code").click()
    expect(code).not_to_have_text(old)
    expect(page.get_by_text("The old code no longer works")).to_be_visible()
    new = Classroom.objects.get(pk=classroom.pk).join_code
    assert new != old
    expect(code).to_have_text(new)
    expect(page.get_by_label("Join link")).to_have_value(f"{live_server.url}/join/?code={new}")
    # htmx swapped only the code: the page was not reloaded and the button kept focus
    expect(page.get_by_role("button", name="Regenerate code")).to_be_focused()

    page.get_by_role("button", name="Copy").click()
    expect(page.locator("#copy-status")).not_to_be_empty()


def test_teacher_creates_an_assignment_and_reviews_it(
    live_server, page, login_as, teacher, classroom, lesson, article, student, other_student, screenshot_dir
):
    login_as(teacher)
    page.goto(f"{live_server.url}/classes/{classroom.pk}/")
    page.get_by_role("link", name="Create assignment").click()
    page.get_by_label("Lesson").select_option(label=f"{lesson.title} (1 article)")
    page.get_by_label("Instructions (optional)").type("Find every number and check who said it.")
    page.get_by_label("Due (optional)").fill("2099-03-14T15:30")
    page.get_by_role("checkbox", name=re.compile("Rhetoric")).uncheck()
    shoot(page, screenshot_dir, "assignment-form")
    page.get_by_role("button", name="Create assignment").click()

    expect(page.get_by_role("status")).to_contain_text(f"Set “{lesson.title}”")
    assignment = classroom.assignments.get()
    assert assignment.categories == ["sourcing", "numbers"]
    for i in range(6):
        factories.EnrollmentFactory(
            classroom=classroom,
            student=factories.StudentFactory(username=f"pupil{i}", first_name=f"Pupil {i}", last_name="Example"),
        )
    sub = factories.SubmissionFactory(assignment=assignment, student=student, status=Submission.Status.SUBMITTED)
    factories.annotation_for(sub, article, "300", category="numbers")
    factories.annotation_for(sub, article, "according to the general staff", category="sourcing")
    factories.SubmissionFactory(assignment=assignment, student=other_student)

    page.get_by_role("link", name=re.compile("^Review")).click()
    expect(page.locator(".review-summary")).to_contain_text("1 of 8 submitted")
    expect(page.get_by_role("row", name=re.compile("^sam"))).to_contain_text("Submitted")
    expect(page.get_by_role("columnheader", name="Rhetoric")).to_have_count(0)
    shoot(page, screenshot_dir, "assignment-review")


@pytest.mark.parametrize(
    ("who", "path"),
    [
        (None, "/accounts/login/"),
        (None, "/join/"),
        ("student", "/assignments/"),
        ("teacher", "/classes/"),
        ("teacher", "/classes/{classroom}/"),
        ("teacher", "/classes/{classroom}/assignments/new/"),
        ("teacher", "/assignments/{assignment}/review/"),
    ],
)
def test_pages_have_no_wcag_aa_violations(live_server, page, login_as, request, submission, who, path):
    from axe_playwright_python.sync_playwright import Axe

    if who:
        login_as(request.getfixturevalue(who))
    assignment = submission.assignment
    page.goto(live_server.url + path.format(classroom=assignment.classroom_id, assignment=assignment.pk))
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()
