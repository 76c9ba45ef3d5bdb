import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from teaching.models import Submission
from tests import factories

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("teaching:dashboard")


def test_dashboard_without_a_class_explains_and_offers_the_join_form(client, db):
    loner = factories.StudentFactory(username="loner")
    client.force_login(loner)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert "You’re not in a class yet" in response.text
    assert f'action="{reverse("teaching:classroom_join")}"' in response.text
    assert 'name="join_code"' in response.text


def test_dashboard_in_a_class_without_assignments_says_so(client, student):
    client.force_login(student)
    response = client.get(DASHBOARD)
    assert "Nothing to do yet" in response.text
    assert "Year 10 Media" in response.text
    assert "Join another class" in response.text


@pytest.mark.parametrize(
    ("status", "label", "action"),
    [
        (None, "Not started", "Start"),
        (Submission.Status.IN_PROGRESS, "In progress", "Continue"),
        (Submission.Status.SUBMITTED, "Submitted", "View"),
        (Submission.Status.RETURNED, "Returned", "Read your teacher’s marks"),
    ],
)
def test_dashboard_row_shows_status_and_the_next_action(client, student, assignment, status, label, action):
    if status:
        factories.SubmissionFactory(assignment=assignment, student=student, status=status)
    client.force_login(student)
    response = client.get(DASHBOARD)
    (row,) = response.context["rows"]
    assert (row.status_label, row.action_label) == (label, action)
    assert f'class="status status-{row.status}">{label}</span>' in response.text
    href = reverse("teaching:assignment_read", args=[assignment.pk])
    assert f'href="{href}">{action}<span class="visually-hidden">' in response.text
    assert assignment.lesson.title in response.text and "Year 10 Media" in response.text


def test_a_returned_card_names_its_two_feedback_links_apart(client, student, assignment, lesson):
    # The card of returned work links to the key comparison and to the text with the teacher's marks: two
    # places, so two names ("See feedback" beside "See your feedback" read as the same link twice).
    factories.ReferenceKeyFactory(lesson=lesson)
    factories.SubmissionFactory(assignment=assignment, student=student, status=Submission.Status.RETURNED)
    client.force_login(student)
    html = client.get(DASHBOARD).text
    key_feedback = reverse("teaching:submission_feedback_start", args=[assignment.pk])
    marks = reverse("teaching:assignment_read", args=[assignment.pk])
    assert f'href="{key_feedback}">See your feedback<' in html
    assert f'href="{marks}">Read your teacher’s marks<' in html


def test_dashboard_counts_only_the_students_own_highlights(client, student, other_student, assignment, article):
    mine = factories.SubmissionFactory(assignment=assignment, student=student)
    theirs = factories.SubmissionFactory(assignment=assignment, student=other_student)
    factories.annotation_for(mine, article, "300", category="numbers")
    factories.annotation_for(mine, article, "modern-day Stalingrad", category="rhetoric")
    factories.annotation_for(theirs, article, "according to the general staff", category="sourcing")
    client.force_login(student)
    response = client.get(DASHBOARD)
    assert response.context["rows"][0].highlight_count == 2
    assert "2 highlights" in response.text


def test_dashboard_marks_overdue_work_but_not_handed_in_work(client, student, classroom, lesson):
    past = timezone.now() - datetime.timedelta(days=1)
    late = factories.AssignmentFactory(classroom=classroom, lesson=lesson, due_at=past)
    handed_in = factories.AssignmentFactory(classroom=classroom, lesson=factories.LessonFactory(), due_at=past)
    factories.SubmissionFactory(assignment=handed_in, student=student, status=Submission.Status.SUBMITTED)
    client.force_login(student)
    response = client.get(DASHBOARD)
    assert [r.assignment for r in response.context["to_do"]] == [late]
    assert [r.assignment for r in response.context["done"]] == [handed_in]
    assert response.text.count("Overdue — was due") == 1


def test_dashboard_orders_work_to_do_by_due_date(client, student, classroom, lesson):
    now = timezone.now()
    later = factories.AssignmentFactory(classroom=classroom, lesson=lesson, due_at=now + datetime.timedelta(days=5))
    undated = factories.AssignmentFactory(classroom=classroom, lesson=lesson, due_at=None)
    sooner = factories.AssignmentFactory(classroom=classroom, lesson=lesson, due_at=now + datetime.timedelta(days=1))
    client.force_login(student)
    response = client.get(DASHBOARD)
    assert [r.assignment for r in response.context["to_do"]] == [sooner, later, undated]


def test_dashboard_shows_only_assignments_of_the_students_classes(client, student, assignment, other_teacher):
    elsewhere = factories.AssignmentFactory(
        classroom=factories.ClassroomFactory(teacher=other_teacher), lesson=factories.LessonFactory(title="Secret")
    )
    client.force_login(student)
    response = client.get(DASHBOARD)
    assert [r.assignment for r in response.context["rows"]] == [assignment]
    assert "Secret" not in response.text
    assert elsewhere.pk not in [r.assignment.pk for r in response.context["rows"]]


def _populate(student, classroom, n):
    other_class = factories.ClassroomFactory()
    factories.EnrollmentFactory(classroom=other_class, student=student)
    for i in range(n):
        lesson = factories.LessonFactory()
        assignment = factories.AssignmentFactory(classroom=classroom if i % 2 else other_class, lesson=lesson)
        if i % 3:
            factories.SubmissionFactory(assignment=assignment, student=student, status=Submission.Status.SUBMITTED)


@pytest.mark.parametrize("size", [2, 25])
def test_dashboard_query_count_does_not_grow_with_assignments(
    client, student, classroom, size, django_assert_num_queries
):
    _populate(student, classroom, size)
    client.force_login(student)
    # session, user, classes, assignments, own submissions (prefetch)
    with django_assert_num_queries(5):
        response = client.get(DASHBOARD)
    assert len(response.context["rows"]) == size
