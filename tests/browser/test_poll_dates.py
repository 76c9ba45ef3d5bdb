"""In Chromium: a student links the dates of a poll story that two reports give differently (3 January and
5 January) as contradicting, and the ledger, reading them as dates, agrees with the student (issue 9)."""

import os

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation, Comparison, Submission
from tests import factories
from tests.browser.test_claims import highlight_as_numbers, link_in_the_ledger, settled

pytestmark = pytest.mark.browser

REPORT_ONE = (
    "A poll of 22 953 people, carried out on 3 January 2005, found that almost 23 000 of them backed the plan.\n\n"
    "The fieldwork ran from 15 November 2004 to 3 January 2005, the polling company said."
)
REPORT_TWO = (
    "The poll was carried out on 5 January 2005, according to the newspaper that paid for it, "
    "and asked 22 953 people what they thought."
)


def poll_assignment(classroom):
    lesson = factories.LessonFactory(title="A poll, reported twice")
    for position, (title, body) in enumerate(
        [("Most back the plan, poll finds", REPORT_ONE), ("Poll backs the plan", REPORT_TWO)], start=1
    ):
        article = factories.ArticleFactory(title=title, body_markdown=body)
        factories.LessonArticleFactory(lesson=lesson, article=article, position=position)
    return factories.AssignmentFactory(classroom=classroom, lesson=lesson)


def test_contradicting_poll_dates_are_borne_out_by_the_ledger(
    page, live_server, login_as, classroom, student, screenshot_dir
):
    assignment = poll_assignment(classroom)
    login_as(student)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/")  # starts the submission
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/compare/1/2/")
    page.wait_for_selector("#compare-page[data-ready=true]")
    page.wait_for_function("window.htmx !== undefined")

    highlight_as_numbers(page, "article-text-left", "3 January 2005")
    highlight_as_numbers(page, "article-text-right", "5 January 2005")
    submission = Submission.objects.get(student=student, assignment=assignment)
    left, right = Annotation.objects.filter(submission=submission).order_by("pk")
    assert (left.exact, right.exact) == ("3 January 2005", "5 January 2005")

    for annotation in (left, right):
        card = page.locator(f"#claim-{annotation.pk}")
        expect(card).to_contain_text("Reads as")
        expect(card).to_contain_text("(date; as stated)")
        card.get_by_label("What is counted").fill("the day the poll was carried out")
        card.get_by_role("button", name="Save").click()
        expect(page.locator("#ledger-status")).to_have_text("Claim saved.")
        settled(page)
    link_in_the_ledger(page, left, right, "One report says the 3rd, the other the 5th.")
    comparison = Comparison.objects.get()
    assert comparison.relation == "contradict"

    page.goto(f"{live_server.url}/assignments/{assignment.pk}/ledger/")
    row = page.locator(f"#comparison-{comparison.pk}")
    expect(row.locator(".ledger-values")).to_contain_text("3 January 2005")
    expect(row.locator(".ledger-values")).to_contain_text("5 January 2005")
    expect(row.locator(".verdict")).to_have_text("Disagree")
    expect(row.locator(".verdict-reason")).to_have_text(
        "These are different dates: 5 January 2005 is after 3 January 2005."
    )
    expect(row.locator(".relation")).to_have_text("Contradict")
    expect(row.locator(".ledger-settled")).to_have_text("The numbers bear this out")
    expect(row.locator(".ledger-question")).to_have_count(0)
    row.scroll_into_view_if_needed()
    page.screenshot(path=os.path.join(screenshot_dir, "poll-dates-ledger-1280.png"), full_page=True)


def test_a_date_the_reader_cannot_be_sure_of_leaves_the_students_verdict_alone(
    page, live_server, login_as, classroom, student, screenshot_dir
):
    from teaching import services

    lesson = factories.LessonFactory(title="Two dates")
    one = factories.ArticleFactory(title="Poll on 03/01/2005", body_markdown="The poll was taken on 03/01/2005.")
    two = factories.ArticleFactory(title="Poll on 5 January", body_markdown="The poll was taken on 5 January 2005.")
    factories.LessonArticleFactory(lesson=lesson, article=one, position=1)
    factories.LessonArticleFactory(lesson=lesson, article=two, position=2)
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=lesson)
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    a = factories.annotation_for(submission, one, "03/01/2005", counted="poll day")
    b = factories.annotation_for(submission, two, "5 January 2005", counted="poll day")
    comparison = services.create_comparison(
        submission=submission, annotations=[a, b], relation="agree", note="", by=student
    )
    login_as(student)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/ledger/")
    row = page.locator(f"#comparison-{comparison.pk}")
    expect(row.locator(".verdict")).to_have_text("Not read for sure")
    expect(row.locator(".verdict-reason")).to_contain_text("3 January in Britain but 1 March in America")
    expect(row.locator(".ledger-question")).to_have_count(0)
    expect(row).to_contain_text("your verdict stands")
    expect(page.locator(f"#claim-{a.pk} [data-claim-doubts]")).to_contain_text("Not read for sure")
    page.screenshot(path=os.path.join(screenshot_dir, "poll-dates-unsure-1280.png"), full_page=True)
