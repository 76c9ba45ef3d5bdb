"""The article page objects (teaching/selectors/article_page.py): one for every mode and one for side by side,
each refusing who may not see it and saying what the user may do."""

import pytest
from django.http import Http404

from teaching import selectors
from teaching.selectors.article_page import Mode
from tests import factories


@pytest.mark.parametrize("mode", [Mode.READ, Mode.REVIEW, Mode.KEY])
def test_the_page_object_refuses_who_may_not_see_it(submission, lesson, other_student, other_teacher, mode):
    owner = lesson if mode == Mode.KEY else submission
    who = other_teacher if mode != Mode.READ else other_student
    with pytest.raises(Http404):
        selectors.get_article_page(user=who, owner=owner, position=1, mode=mode)


def test_the_page_object_says_what_the_user_may_do(submission, article, teacher, student):
    read = selectors.get_article_page(user=student, owner=submission, position=1, mode=Mode.READ)
    review = selectors.get_article_page(user=teacher, owner=submission, position=1, mode=Mode.REVIEW)
    assert (read.permissions.can_edit, read.permissions.marks_visible, read.permissions.can_mark) == (
        True,
        False,
        False,
    )
    assert (review.permissions.can_edit, review.permissions.marks_visible, review.permissions.can_mark) == (
        False,
        True,
        True,
    )
    assert read.navigation.previous is None and read.navigation.next is None and read.article == article


def test_compare_page_object_is_the_students_own(pk_submission, other_student, removed_student, student):
    page = selectors.get_compare_page(user=student, owner=pk_submission, left=3, right=4)
    assert [(p.side, p.position, p.is_compare) for p in page.panes] == [("left", 3, True), ("right", 4, True)]
    assert page.permissions.can_edit and not page.permissions.can_mark
    removed = factories.SubmissionFactory(assignment=pk_submission.assignment, student=removed_student)
    for user, owner in ((other_student, pk_submission), (removed_student, removed)):
        with pytest.raises(Http404):
            selectors.get_compare_page(user=user, owner=owner, left=3, right=4)


def test_the_reading_views_own_sql_reads_what_the_orm_reads(submission, lesson, article, other_student):
    """lesson_articles_with_counts and the own-submission read are SQL written by hand: the same as the ORM's."""
    from teaching.selectors import submissions as reads

    second = factories.ArticleFactory(title="A second report")
    factories.LessonArticleFactory(lesson=lesson, article=second, position=2)
    factories.seed_highlights(submission, article, 7, seed=3)
    factories.seed_highlights(submission, second, 2, seed=4)
    orm = list(reads.list_lesson_articles(submission))
    sql = reads.lesson_articles_with_counts(submission)
    assert [(la.pk, la.position, la.article_id, la.highlight_count) for la in sql] == [
        (la.pk, la.position, la.article_id, la.highlight_count) for la in orm
    ]
    assert [la.highlight_count for la in sql] == [7, 2]
    assert [la.article.title for la in sql] == [la.article.title for la in orm]
    assert sql[0].article.get_deferred_fields() == orm[0].article.get_deferred_fields() != set()
    assert [
        la.highlight_count
        for la in reads.lesson_articles_with_counts(
            factories.SubmissionFactory(assignment=submission.assignment, student=other_student)
        )
    ] == [0, 0]

    own = reads.get_work_for_student(submission.student, submission.assignment_id)
    assert own.pk == submission.pk and own.assignment.lesson.pk == lesson.pk
    assert own.assignment.classroom.pk == submission.assignment.classroom_id
    assert {f.attname: getattr(own, f.attname) for f in own._meta.concrete_fields} == {
        f.attname: getattr(submission, f.attname) for f in own._meta.concrete_fields
    }


def _fields(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_the_lesson_article_read_in_sql_is_the_orms(submission, lesson, article):
    """get_lesson_article (with the texts) is SQL written by hand: the instances select_related("article") reads;
    a position the lesson does not have, or no column can hold, is a 404."""
    from teaching.models import LessonArticle
    from teaching.selectors import submissions as reads

    second = factories.ArticleFactory(title="A second report")
    factories.LessonArticleFactory(lesson=lesson, article=second, position=2)
    for position in (1, 2):
        sql = reads.get_lesson_article(lesson.pk, position)
        orm = LessonArticle.objects.select_related("article").get(lesson_id=lesson.pk, position=position)
        assert _fields(sql) == _fields(orm) and _fields(sql.article) == _fields(orm.article)
        assert sql.article.get_deferred_fields() == set() and sql.article.body_html
    for position in (3, 0, 2**31, 2**70):
        with pytest.raises(Http404):
            reads.get_lesson_article(lesson.pk, position)


def test_the_reading_views_set_aside_highlights_are_the_orms(submission, article, orphaned, student):
    """The reading view reads the highlights on the words and those a correction set aside in one query: the same
    set-aside ones as list_orphaned_annotations, shown as its list shows them."""
    placed = factories.annotation_for(submission, article, "300 troops")
    page = selectors.get_article_page(user=student, owner=submission, position=1, mode=Mode.READ)
    orm = list(selectors.list_orphaned_annotations(submission=submission, article=article))
    assert [o.pk for o in page.orphaned] == [o.pk for o in orm] == [orphaned.pk]
    shown = ("pk", "category", "exact", "comment", "get_category_display")
    for sql, read in zip(page.orphaned, orm, strict=True):
        assert [getattr(sql, name)() if name.startswith("get_") else getattr(sql, name) for name in shown] == [
            getattr(read, name)() if name.startswith("get_") else getattr(read, name) for name in shown
        ]
    assert [h.pk for h in page.highlights] == [placed.pk]
    assert (page.counts.in_article, page.counts.anchored) == (2, 1)


def test_the_reading_view_asks_for_enrolment_once(submission, student, removed_student, django_assert_num_queries):
    """The submission the reading view reads is read under the enrolment rule, and the page's own check trusts
    that read (no query); a submission fetched any other way is checked again, and a removed student's refused."""
    from teaching.models import Submission

    own = selectors.get_work_for_student(student, submission.assignment_id)
    assert own.enrolled_when_read
    with django_assert_num_queries(0):
        selectors.article_page._check(student, own, Mode.READ)
    fetched = Submission.objects.select_related("assignment").get(pk=submission.pk)
    with django_assert_num_queries(1):
        selectors.article_page._check(student, fetched, Mode.READ)
    removed = factories.SubmissionFactory(assignment=submission.assignment, student=removed_student)
    with pytest.raises(Http404):
        selectors.get_work_for_student(removed_student, submission.assignment_id)
    with pytest.raises(Http404):
        selectors.get_article_page(user=removed_student, owner=removed, position=1, mode=Mode.READ)
