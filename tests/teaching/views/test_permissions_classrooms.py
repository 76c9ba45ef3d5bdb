"""Who may open which page: one table over (page, role, expected status)."""

import pytest
from django.urls import reverse

from tests import factories
from tests.access import access_cases, assert_access

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(teacher, classroom, student, assignment, submission, other_teacher, removed_student):
    """The class and assignment belong to `teacher`; `other_teacher` has a class of their own; the removed
    student has work in the class."""
    factories.SubmissionFactory(assignment=assignment, student=removed_student)
    theirs = factories.ClassroomFactory(teacher=other_teacher)
    their_assignment = factories.AssignmentFactory(classroom=theirs, lesson=assignment.lesson)
    return {
        "classroom": classroom.pk,
        "assignment": assignment.pk,
        "their_classroom": theirs.pk,
        "their_assignment": their_assignment.pk,
    }


ROLES = ["anonymous", "student", "outsider", "removed_student", "teacher", "other_teacher", "admin_user"]

# Expected status by role (anonymous must log in): student pages refuse teachers and admins, teacher pages
# students and admins; another teacher's class or assignment is a 404, as if it did not exist.
STUDENT_PAGE = {
    "student": 200,
    "outsider": 200,
    "removed_student": 200,
    "teacher": 403,
    "other_teacher": 403,
    "admin_user": 403,
}
TEACHER_PAGE = {
    "student": 403,
    "outsider": 403,
    "removed_student": 403,
    "teacher": 200,
    "other_teacher": 200,
    "admin_user": 403,
}
OWNER = {**TEACHER_PAGE, "other_teacher": 404}  # the class and assignment of `teacher`
THEIR_OWNER = {**TEACHER_PAGE, "teacher": 404}  # those of `other_teacher`

# (method, url name, kwargs key → world key, {role: expected status})
PAGES = [
    ("get", "teaching:dashboard", None, STUDENT_PAGE),
    ("get", "teaching:classroom_join", None, STUDENT_PAGE),
    ("get", "teaching:classroom_list", None, TEACHER_PAGE),
    ("get", "teaching:classroom_create", None, TEACHER_PAGE),
    ("get", "teaching:classroom_detail", "classroom", OWNER),
    ("get", "teaching:classroom_detail", "their_classroom", THEIR_OWNER),
    ("post", "teaching:classroom_join_code_regenerate", "classroom", {**OWNER, "teacher": 302}),
    ("post", "teaching:classroom_student_add", "classroom", OWNER),
    ("get", "teaching:assignment_create", "classroom", OWNER),
    ("post", "teaching:assignment_create", "classroom", OWNER),
    ("get", "teaching:assignment_review", "assignment", OWNER),
    ("get", "teaching:assignment_review", "their_assignment", THEIR_OWNER),
]

CASES = access_cases(PAGES, ROLES)


@pytest.mark.parametrize(("method", "name", "key", "role", "expected"), CASES)
def test_page_access(client, request, world, method, name, key, role, expected):
    assert_access(client, request, world, method, name, key, role, expected)


def test_other_teachers_regenerate_attempt_leaves_the_code_alone(client, other_teacher, classroom):
    old = classroom.join_code
    client.force_login(other_teacher)
    client.post(reverse("teaching:classroom_join_code_regenerate", args=[classroom.pk]))
    classroom.refresh_from_db()
    assert classroom.join_code == old


def test_other_teacher_cannot_add_a_student_to_my_class(client, other_teacher, classroom):
    client.force_login(other_teacher)
    client.post(reverse("teaching:classroom_student_add", args=[classroom.pk]), {"username": "intruder"})
    assert not classroom.students.filter(username="intruder").exists()


def test_signup_page_is_open_to_anonymous_visitors(client, db):
    assert client.get(reverse("teaching:student_signup")).status_code == 200


def test_forbidden_page_explains_itself(client, student):
    client.force_login(student)
    response = client.get(reverse("teaching:classroom_list"))
    assert response.status_code == 403
    assert "This page isn’t for your account" in response.text
    assert "It is a page for teachers." in response.text
