"""Admin paths that could hide or delete students' work refuse to."""

import pytest
from django.db.models import ProtectedError

from teaching.models import Annotation, Classroom, LessonArticle, User
from tests import factories


def _lesson_change_data(lesson, rows, delete_ids=()):
    data = {
        "title": lesson.title,
        "introduction": lesson.introduction,
        "lesson_articles-TOTAL_FORMS": str(len(rows)),
        "lesson_articles-INITIAL_FORMS": str(sum(1 for r in rows if r.get("id"))),
        "lesson_articles-MIN_NUM_FORMS": "0",
        "lesson_articles-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data[f"lesson_articles-{i}-id"] = row.get("id", "")
        data[f"lesson_articles-{i}-lesson"] = lesson.pk
        data[f"lesson_articles-{i}-position"] = row["position"]
        data[f"lesson_articles-{i}-article"] = row["article"]
        if row.get("id") in delete_ids:
            data[f"lesson_articles-{i}-DELETE"] = "on"
    return data


def test_two_articles_cannot_share_a_position(client, admin_user, lesson, article):
    other = factories.ArticleFactory(title="Second report")
    link = lesson.lesson_articles.get()
    client.force_login(admin_user)
    data = _lesson_change_data(
        lesson, [{"id": link.pk, "position": 1, "article": article.pk}, {"position": 1, "article": other.pk}]
    )
    response = client.post(f"/admin/teaching/lesson/{lesson.pk}/change/", data)
    assert response.status_code == 200
    assert "Please correct the duplicate data for position" in response.content.decode()
    assert LessonArticle.objects.filter(lesson=lesson).count() == 1


def test_new_lesson_rows_start_after_the_last_position(client, admin_user, lesson):
    client.force_login(admin_user)
    response = client.get(f"/admin/teaching/lesson/{lesson.pk}/change/")
    assert 'name="lesson_articles-1-position" value="2"' in response.content.decode()


def test_an_annotated_article_cannot_leave_its_lesson(client, admin_user, submission, article):
    factories.annotation_for(submission, article, "approximately 300 troops")
    lesson = submission.assignment.lesson
    link = lesson.lesson_articles.get()
    client.force_login(admin_user)
    data = _lesson_change_data(lesson, [{"id": link.pk, "position": 1, "article": article.pk}], delete_ids=(link.pk,))
    response = client.post(f"/admin/teaching/lesson/{lesson.pk}/change/", data)
    assert response.status_code == 200
    assert "cannot leave this lesson" in response.content.decode()
    assert LessonArticle.objects.filter(pk=link.pk).exists()


def test_assignment_lesson_is_fixed_once_students_started(client, admin_user, submission):
    client.force_login(admin_user)
    response = client.get(f"/admin/teaching/assignment/{submission.assignment_id}/change/")
    assert 'name="lesson"' not in response.content.decode()


def test_assignment_lesson_is_editable_before_anyone_started(client, admin_user, assignment):
    client.force_login(admin_user)
    response = client.get(f"/admin/teaching/assignment/{assignment.pk}/change/")
    assert 'name="lesson"' in response.content.decode()


@pytest.mark.parametrize("victim", ["classroom", "assignment", "student"])
def test_deleting_what_holds_work_is_refused(submission, article, victim):
    factories.annotation_for(submission, article, "approximately 300 troops")
    target = {
        "classroom": lambda: Classroom.objects.get(pk=submission.assignment.classroom_id),
        "assignment": lambda: submission.assignment,
        "student": lambda: User.objects.get(pk=submission.student_id),
    }[victim]()
    with pytest.raises(ProtectedError):
        target.delete()
    assert Annotation.objects.count() == 1
