"""Admin paths that could hide or delete students' work refuse to."""

import pytest
from django.db.models import ProtectedError

from teaching.models import Annotation, Classroom, KeyComparison, KeyItem, LessonArticle, User
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


def _repoint(client, lesson, link, to):
    data = _lesson_change_data(lesson, [{"id": link.pk, "position": link.position, "article": to.pk}])
    return client.post(f"/admin/teaching/lesson/{lesson.pk}/change/", data)


def test_an_annotated_lesson_row_cannot_be_pointed_at_another_article(client, admin_user, submission, article):
    """Repointing would hide the highlights from the reading view and the review (the audit's finding)."""
    factories.annotation_for(submission, article, "approximately 300 troops")
    lesson = submission.assignment.lesson
    link = lesson.lesson_articles.get()
    client.force_login(admin_user)
    response = _repoint(client, lesson, link, factories.ArticleFactory(title="Another report"))
    assert response.status_code == 200
    assert "cannot be replaced by another article" in response.content.decode()
    assert LessonArticle.objects.get(pk=link.pk).article_id == article.pk


def test_a_lesson_row_with_key_items_cannot_be_pointed_at_another_article(client, admin_user, lesson, article):
    key = factories.ReferenceKeyFactory(lesson=lesson)
    factories.key_item_for(key, article, "approximately 300 troops")
    link = lesson.lesson_articles.get()
    client.force_login(admin_user)
    response = _repoint(client, lesson, link, factories.ArticleFactory(title="Another report"))
    assert "reference key has 1 item(s) on it" in response.content.decode()
    assert LessonArticle.objects.get(pk=link.pk).article_id == article.pk


def test_a_lesson_row_nobody_has_used_can_be_pointed_at_another_article(client, admin_user, lesson):
    link = lesson.lesson_articles.get()
    other = factories.ArticleFactory(title="Another report")
    client.force_login(admin_user)
    response = _repoint(client, lesson, link, other)
    assert response.status_code == 302
    assert LessonArticle.objects.get(pk=link.pk).article_id == other.pk


def test_deleting_a_reference_key_keeps_its_items_and_comparisons(lesson, article):
    key = factories.ReferenceKeyFactory(lesson=lesson)
    one = factories.key_item_for(key, article, "approximately 300 troops")
    two = factories.key_item_for(key, article, "modern-day Stalingrad", category="rhetoric")
    comparison = KeyComparison.objects.create(key=key, title="Troops", relation="agree", explanation="Same count.")
    comparison.items.set([one, two])
    with pytest.raises(ProtectedError):
        key.delete()
    KeyComparison.objects.filter(pk=comparison.pk).delete()
    with pytest.raises(ProtectedError):
        key.delete()  # still its items
    assert KeyItem.objects.count() == 2


def test_the_admin_refuses_to_delete_a_key_with_items(client, admin_user, lesson, article):
    key = factories.ReferenceKeyFactory(lesson=lesson)
    factories.key_item_for(key, article, "approximately 300 troops")
    client.force_login(admin_user)
    response = client.post(f"/admin/teaching/referencekey/{key.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in response.content.decode()
    assert KeyItem.objects.filter(key=key).count() == 1
