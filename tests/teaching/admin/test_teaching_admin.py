import pytest
from django.urls import reverse

from teaching.models import Assignment, Submission, User
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["user", "classroom", "lesson", "assignment", "submission"])
def test_admin_changelists_and_change_pages_load(admin_client, submission, model):
    objects = {
        "user": submission.student,
        "classroom": submission.assignment.classroom,
        "lesson": submission.assignment.lesson,
        "assignment": submission.assignment,
        "submission": submission,
    }
    assert admin_client.get(reverse(f"admin:teaching_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:teaching_{model}_change", args=[objects[model].pk])).status_code == 200


def test_admin_creates_a_teacher_with_the_role_field(admin_client):
    page = admin_client.get(reverse("admin:teaching_user_add"))
    assert 'name="role"' in page.text
    response = admin_client.post(
        reverse("admin:teaching_user_add"),
        {
            "username": "mrs_ito",
            "role": "teacher",
            "first_name": "Kei",
            "last_name": "Ito",
            "usable_password": "true",
            "password1": "harbor-maple-55",
            "password2": "harbor-maple-55",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    ito = User.objects.get(username="mrs_ito")
    assert ito.is_teacher and not ito.is_staff
    assert ito.check_password("harbor-maple-55")


def test_admin_user_list_filters_by_role(admin_client, teacher, student):
    response = admin_client.get(reverse("admin:teaching_user_changelist"), {"role__exact": "teacher"})
    shown = {u.username for u in response.context["cl"].result_list}
    assert shown == {"ms_okafor"}


def test_admin_lesson_shows_articles_in_order(admin_client, lesson):
    second = factories.ArticleFactory(title="Second report")
    factories.LessonArticleFactory(lesson=lesson, article=second, position=2)
    response = admin_client.get(reverse("admin:teaching_lesson_change", args=[lesson.pk]))
    inline = response.context["inline_admin_formsets"][0]
    assert [f.instance.position for f in inline.forms if f.instance.pk] == [1, 2]


def test_admin_assignment_categories_are_checkboxes_and_required(admin_client, classroom, lesson):
    url = reverse("admin:teaching_assignment_add")
    page = admin_client.get(url)
    assert page.text.count('type="checkbox" name="categories"') == 3
    data = {"classroom": classroom.pk, "lesson": lesson.pk, "instructions": "", "due_at_0": "", "due_at_1": ""}
    response = admin_client.post(url, {**data, "categories": []})
    assert response.status_code == 200 and not Assignment.objects.exists()
    response = admin_client.post(url, {**data, "categories": ["numbers", "rhetoric"]})
    assert response.status_code == 302
    assert Assignment.objects.get().categories == ["rhetoric", "numbers"]


def test_admin_submission_is_read_only(admin_client, submission):
    assert admin_client.get(reverse("admin:teaching_submission_add")).status_code == 403
    url = reverse("admin:teaching_submission_change", args=[submission.pk])
    admin_client.post(url, {"status": "returned", "feedback": "hacked"})
    submission.refresh_from_db()
    assert (submission.status, submission.feedback) == (Submission.Status.IN_PROGRESS, "")
    assert admin_client.get(reverse("admin:teaching_submission_delete", args=[submission.pk])).status_code == 403


def test_admin_is_closed_to_teachers(client, teacher):
    client.force_login(teacher)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
