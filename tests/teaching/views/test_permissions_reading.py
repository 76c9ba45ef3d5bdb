"""Who may see and change what in the reading view and the review: everything else is a 404."""

import pytest
from django.test import Client
from django.urls import reverse

from teaching.models import Annotation, Submission
from tests import factories

PHRASE = "approximately 300 troops"


@pytest.fixture
def work(submission, article):
    """Sam's submitted work with one highlight."""
    annotation = factories.annotation_for(submission, article, PHRASE, comment="mine")
    Submission.objects.filter(pk=submission.pk).update(status="submitted")
    return {"submission": submission, "annotation": annotation, "assignment": submission.assignment}


def _as(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("who", "method", "url_name", "target", "data"),
    [
        ("other_student", "post", "teaching:annotation_update", "annotation", {"comment": "hacked"}),
        ("other_student", "post", "teaching:annotation_delete", "annotation", {}),
        ("other_teacher", "get", "teaching:submission_review", "submission", None),
        ("other_teacher", "get", "teaching:submission_review_article", "submission+1", None),
        ("other_teacher", "post", "teaching:annotation_mark", "annotation", {"mark": "good"}),
        ("other_teacher", "post", "teaching:submission_return", "submission", {"feedback": "x"}),
        ("student", "get", "teaching:submission_review_article", "submission+1", None),
        ("student", "post", "teaching:annotation_mark", "annotation", {"mark": "good"}),
        ("student", "post", "teaching:submission_return", "submission", {"feedback": "x"}),
        ("teacher", "post", "teaching:annotation_update", "annotation", {"comment": "teacher edit"}),
        ("teacher", "get", "teaching:assignment_read", "assignment", None),
    ],
)
def test_outsiders_get_404_and_change_nothing(client, request, work, who, method, url_name, target, data):
    other_student = request.getfixturevalue("other_student")
    factories.SubmissionFactory(assignment=work["assignment"], student=other_student)  # enrolled and started
    objects = {"assignment": work["assignment"], "submission": work["submission"], "annotation": work["annotation"]}
    name, _, extra = target.partition("+")
    args = [objects[name].pk] + ([int(extra)] if extra else [])
    url = reverse(url_name, args=args)
    response = getattr(_as(client, request.getfixturevalue(who)), method)(url, data or {})
    assert response.status_code == 404
    annotation = Annotation.objects.get(pk=work["annotation"].pk)
    assert (annotation.comment, annotation.teacher_mark) == ("mine", "")
    assert Submission.objects.get(pk=work["submission"].pk).status == "submitted"


def test_classmate_reading_the_same_assignment_sees_only_own_highlights(client, work, other_student):
    factories.SubmissionFactory(assignment=work["assignment"], student=other_student)
    response = _as(client, other_student).get(reverse("teaching:article_read", args=[work["assignment"].pk, 1]))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-id="{work["annotation"].pk}"' not in html
    assert "No highlights here yet" in html


def test_student_outside_the_class_cannot_open_or_post(client, assignment, article):
    outsider = factories.StudentFactory()
    _as(client, outsider)
    assert client.get(reverse("teaching:assignment_read", args=[assignment.pk])).status_code == 404
    assert client.get(reverse("teaching:article_read", args=[assignment.pk, 1])).status_code == 404
    start = article.body_text.index(PHRASE)
    data = {"category": "numbers", "start": start, "end": start + len(PHRASE), "exact": PHRASE}
    response = client.post(reverse("teaching:annotation_create", args=[assignment.pk, 1]), data)
    assert response.status_code == 404
    assert not Submission.objects.exists() and not Annotation.objects.exists()


def test_student_cannot_create_in_another_students_submission_by_assignment(client, other_student, submission, article):
    """Writes go to the caller's own submission; there is no way to name someone else's."""
    factories.SubmissionFactory(assignment=submission.assignment, student=other_student)
    start = article.body_text.index(PHRASE)
    data = {"category": "numbers", "start": start, "end": start + len(PHRASE), "exact": PHRASE}
    _as(client, other_student).post(reverse("teaching:annotation_create", args=[submission.assignment.pk, 1]), data)
    assert not Annotation.objects.filter(submission=submission).exists()
    assert Annotation.objects.filter(submission__student=other_student).count() == 1


def test_csrf_is_enforced_on_writes(student, submission, article):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(student)
    start = article.body_text.index(PHRASE)
    data = {"category": "numbers", "start": start, "end": start + len(PHRASE), "exact": PHRASE}
    url = reverse("teaching:annotation_create", args=[submission.assignment.pk, 1])
    assert csrf_client.post(url, data, headers={"HX-Request": "true"}).status_code == 403
    assert not Annotation.objects.exists()
    # With the token the page gives, the same write goes through.
    csrf_client.get(reverse("teaching:article_read", args=[submission.assignment.pk, 1]))
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(url, data, headers={"HX-Request": "true", "X-CSRFToken": token})
    assert response.status_code == 200
    assert Annotation.objects.count() == 1


# --- A student removed from the class -------------------------------------------------------------------


@pytest.fixture
def removed_work(assignment, article, removed_student):
    """Rami's work, made while he was in the class, still in progress (so only his removal stops him)."""
    submission = factories.SubmissionFactory(assignment=assignment, student=removed_student)
    annotation = factories.annotation_for(submission, article, PHRASE, comment="mine")
    return {"submission": submission, "annotation": annotation, "assignment": assignment}


@pytest.mark.parametrize(
    ("method", "url_name", "target", "data"),
    [
        ("get", "teaching:assignment_read", "assignment", None),
        ("get", "teaching:article_read", "assignment+1", None),
        ("post", "teaching:annotation_create", "assignment+1", {"category": "rhetoric"}),
        ("post", "teaching:annotation_update", "annotation", {"comment": "changed"}),
        ("post", "teaching:annotation_delete", "annotation", {}),
        ("post", "teaching:submission_submit", "assignment", {}),
        ("get", "teaching:numbers_ledger", "assignment", None),
        ("get", "teaching:article_compare_pick", "assignment", None),
        ("get", "teaching:submission_feedback_start", "assignment", None),
        ("get", "teaching:export_my_work_csv", "assignment", None),
    ],
)
def test_removed_student_can_neither_read_nor_change(
    client, removed_student, removed_work, method, url_name, target, data
):
    name, _, extra = target.partition("+")
    args = [removed_work[name].pk] + ([int(extra)] if extra else [])
    response = getattr(_as(client, removed_student), method)(reverse(url_name, args=args), data or {})
    assert response.status_code == 404
    annotation = Annotation.objects.get(pk=removed_work["annotation"].pk)
    assert annotation.comment == "mine"
    assert Annotation.objects.count() == 1
    assert Submission.objects.get(pk=removed_work["submission"].pk).status == "in_progress"


def test_removed_students_work_is_kept_for_the_teacher(client, teacher, removed_work):
    _as(client, teacher)
    review = client.get(reverse("teaching:assignment_review", args=[removed_work["assignment"].pk]))
    assert removed_work["submission"].student.username in review.content.decode()
    page = client.get(reverse("teaching:submission_review_article", args=[removed_work["submission"].pk, 1]))
    assert page.status_code == 200
    assert "mine" in page.content.decode()


def test_enrolling_the_student_again_gives_the_work_back(client, classroom, removed_student, removed_work):
    factories.EnrollmentFactory(classroom=classroom, student=removed_student)
    response = _as(client, removed_student).get(
        reverse("teaching:article_read", args=[removed_work["assignment"].pk, 1])
    )
    assert response.status_code == 200
    assert f'data-id="{removed_work["annotation"].pk}"' in response.content.decode()
