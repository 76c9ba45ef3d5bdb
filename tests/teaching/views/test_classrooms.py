import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from teaching.models import Assignment, Classroom, Submission, User
from teaching.views.classrooms import NEW_STUDENT_SESSION_KEY
from tests import factories

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def _detail(classroom):
    return reverse("teaching:classroom_detail", args=[classroom.pk])


# Class list --------------------------------------------------------------------------


def test_classroom_list_empty_state_offers_to_create_the_first_class(teacher_client):
    response = teacher_client.get(reverse("teaching:classroom_list"))
    assert "No classes yet" in response.text
    assert "Create your first class" in response.text


def test_classroom_list_shows_own_classes_with_counts(teacher_client, classroom, student, other_student, lesson):
    factories.AssignmentFactory(classroom=classroom, lesson=lesson)  # open: no due date
    factories.AssignmentFactory(classroom=classroom, lesson=lesson, due_at=timezone.now() + datetime.timedelta(days=1))
    factories.AssignmentFactory(classroom=classroom, lesson=lesson, due_at=timezone.now() - datetime.timedelta(days=1))
    factories.ClassroomFactory(name="Not mine")
    response = teacher_client.get(reverse("teaching:classroom_list"))
    (listed,) = response.context["classrooms"]
    assert listed == classroom
    assert (listed.student_count, listed.open_assignment_count) == (2, 2)
    assert "Not mine" not in response.text


@pytest.mark.parametrize("size", [1, 12])
def test_classroom_list_query_count_is_constant(teacher_client, teacher, lesson, size, django_assert_num_queries):
    for _ in range(size):
        c = factories.ClassroomFactory(teacher=teacher)
        factories.EnrollmentFactory(classroom=c)
        factories.AssignmentFactory(classroom=c, lesson=lesson)
    with django_assert_num_queries(3):  # session, user, classes with counts
        response = teacher_client.get(reverse("teaching:classroom_list"))
    assert len(response.context["classrooms"]) == size


# Create a class --------------------------------------------------------------------------


def test_classroom_create_redirects_to_the_new_class(teacher_client, teacher):
    response = teacher_client.post(reverse("teaching:classroom_create"), {"name": "Year 11 Politics"}, follow=True)
    classroom = Classroom.objects.get(name="Year 11 Politics")
    assert classroom.teacher == teacher
    assert response.redirect_chain == [(_detail(classroom), 302)]
    assert "Created “Year 11 Politics”" in response.text


def test_classroom_create_without_a_name_shows_the_error(teacher_client):
    response = teacher_client.post(reverse("teaching:classroom_create"), {"name": ""})
    assert response.status_code == 200
    assert "This field is required" in response.text
    assert not Classroom.objects.exists()


# Class detail ------------------------------------------------------------------------------


def test_classroom_detail_shows_roster_code_link_and_assignments(teacher_client, classroom, student, assignment):
    factories.SubmissionFactory(assignment=assignment, student=student, status=Submission.Status.SUBMITTED)
    response = teacher_client.get(_detail(classroom))
    text = response.text
    assert f'<p class="join-code" data-testid="join-code">{classroom.join_code}</p>' in text
    assert f"http://testserver/join/?code={classroom.join_code}" in text
    assert "<code>sam</code>" in text
    assert reverse("teaching:assignment_review", args=[assignment.pk]) in text
    assert "1 / 1" in text
    assert reverse("teaching:classroom_join_code_regenerate", args=[classroom.pk]) in text


def test_classroom_detail_escapes_student_names(teacher_client, classroom):
    factories.EnrollmentFactory(
        classroom=classroom, student=factories.StudentFactory(first_name="<script>alert(1)</script>")
    )
    response = teacher_client.get(_detail(classroom))
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


@pytest.mark.parametrize("size", [2, 20])
def test_classroom_detail_query_count_is_constant(teacher_client, classroom, lesson, size, django_assert_num_queries):
    for _ in range(size):
        s = factories.EnrollmentFactory(classroom=classroom).student
        a = factories.AssignmentFactory(classroom=classroom, lesson=lesson)
        factories.SubmissionFactory(assignment=a, student=s)
    # session, user, classroom, roster, assignments with counts
    with django_assert_num_queries(5):
        response = teacher_client.get(_detail(classroom))
    assert len(response.context["roster"]) == size


# Regenerate the code ------------------------------------------------------------------------


def test_regenerate_code_with_htmx_swaps_only_the_code_panel(teacher_client, classroom):
    old = classroom.join_code
    url = reverse("teaching:classroom_join_code_regenerate", args=[classroom.pk])
    response = teacher_client.post(url, headers=HTMX)
    classroom.refresh_from_db()
    assert response.status_code == 200
    assert classroom.join_code != old
    assert f'data-testid="join-code">{classroom.join_code}</p>' in response.text
    assert "The old code no longer works" in response.text
    assert "<html" not in response.text and "Add a student" not in response.text


def test_regenerate_code_without_js_redirects_back_and_old_code_fails(client, teacher_client, classroom):
    old = classroom.join_code
    url = reverse("teaching:classroom_join_code_regenerate", args=[classroom.pk])
    response = teacher_client.post(url, follow=True)
    classroom.refresh_from_db()
    assert response.redirect_chain == [(_detail(classroom), 302)]
    assert f"New class code: {classroom.join_code}" in response.text
    client.logout()
    signup = client.post(
        reverse("teaching:student_signup"),
        {"join_code": old, "username": "late", "password": "plum-ocean-73", "password_confirm": "plum-ocean-73"},
    )
    assert "No class has the code" in signup.text
    assert not User.objects.filter(username="late").exists()


def test_regenerate_code_is_post_only(teacher_client, classroom):
    url = reverse("teaching:classroom_join_code_regenerate", args=[classroom.pk])
    old = classroom.join_code
    assert teacher_client.get(url).status_code == 405
    classroom.refresh_from_db()
    assert classroom.join_code == old


# Add a student ---------------------------------------------------------------------------


def test_add_student_shows_the_generated_password_once(teacher_client, classroom):
    url = reverse("teaching:classroom_student_add", args=[classroom.pk])
    response = teacher_client.post(url, {"username": "lee", "first_name": "Lee", "last_name": "Park"}, follow=True)
    assert response.redirect_chain == [(_detail(classroom) + "#roster", 302)]
    password = re.search(r"Temporary password</dt><dd><code>([^<]+)</code>", response.text).group(1)
    lee = User.objects.get(username="lee")
    assert lee.check_password(password)
    assert classroom.students.filter(pk=lee.pk).exists()
    assert "Added Lee Park" in response.text
    again = teacher_client.get(_detail(classroom))
    assert password not in again.text
    assert NEW_STUDENT_SESSION_KEY not in teacher_client.session


def test_add_student_with_typed_password_shows_no_credentials_panel(teacher_client, classroom):
    url = reverse("teaching:classroom_student_add", args=[classroom.pk])
    response = teacher_client.post(url, {"username": "lee", "password": "violet-harbor-12"}, follow=True)
    assert "Temporary password" not in response.text
    assert User.objects.get(username="lee").check_password("violet-harbor-12")


def test_generated_password_is_not_shown_on_another_class(teacher_client, teacher, classroom):
    second = factories.ClassroomFactory(teacher=teacher)
    teacher_client.post(reverse("teaching:classroom_student_add", args=[classroom.pk]), {"username": "lee"})
    assert "Temporary password" not in teacher_client.get(_detail(second)).text
    assert "Temporary password" in teacher_client.get(_detail(classroom)).text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"username": "sam"}, "The username “sam” is already taken"),
        ({"username": ""}, "This field is required"),
        ({"username": "lee", "password": "123"}, "too short"),
    ],
)
def test_add_student_bad_input_rerenders_with_the_error(teacher_client, classroom, student, data, message):
    users_before = User.objects.count()
    response = teacher_client.post(reverse("teaching:classroom_student_add", args=[classroom.pk]), data)
    assert response.status_code == 200
    assert message in response.text
    assert User.objects.count() == users_before


# Create an assignment ------------------------------------------------------------------------


def test_assignment_create_form_lists_lessons_with_article_counts(teacher_client, classroom, lesson):
    factories.LessonArticleFactory(lesson=lesson, position=2)
    factories.LessonFactory(title="Empty lesson")
    response = teacher_client.get(reverse("teaching:assignment_create", args=[classroom.pk]))
    assert f"{lesson.title} (2 articles)" in response.text
    assert "Empty lesson" not in response.text
    assert 'type="datetime-local"' in response.text
    assert response.text.count('type="checkbox" name="categories"') == 3
    assert response.text.count("checked") == 4  # the three categories and the default feedback timing


def test_assignment_create_saves_and_returns_to_the_class(teacher_client, classroom, lesson):
    due = (timezone.localtime() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    response = teacher_client.post(
        reverse("teaching:assignment_create", args=[classroom.pk]),
        {
            "lesson": lesson.pk,
            "instructions": "Compare the figures.",
            "due_at": due.strftime("%Y-%m-%dT%H:%M"),
            "categories": ["numbers", "sourcing"],
        },
        follow=True,
    )
    assignment = Assignment.objects.get()
    assert response.redirect_chain == [(_detail(classroom) + "#assignments", 302)]
    assert (assignment.classroom, assignment.lesson) == (classroom, lesson)
    assert assignment.categories == ["sourcing", "numbers"]
    assert assignment.due_at == due
    assert f"Set “{lesson.title}”" in response.text


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"categories": []}, "Choose at least one thing for students to highlight"),
        ({"lesson": ""}, "Choose the lesson students will read"),
        ({"due_at": "2020-01-01T09:00"}, "That date has already passed"),
        ({"due_at": "next tuesday"}, "Enter a date and time"),
    ],
)
def test_assignment_create_bad_input_changes_nothing(teacher_client, classroom, lesson, overrides, message):
    data = {"lesson": lesson.pk, "instructions": "", "due_at": "", "categories": ["numbers"], **overrides}
    response = teacher_client.post(reverse("teaching:assignment_create", args=[classroom.pk]), data)
    assert response.status_code == 200
    assert message in response.text
    assert not Assignment.objects.exists()


def test_assignment_create_without_lessons_explains_what_to_do(teacher_client, classroom):
    response = teacher_client.get(reverse("teaching:assignment_create", args=[classroom.pk]))
    assert "There are no lessons with articles yet" in response.text
