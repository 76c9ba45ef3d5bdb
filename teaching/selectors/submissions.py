"""Reads for the reading view and the submission review: only what the asking user may see, else 404."""

from __future__ import annotations

from django.db.models import Count, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from articles.models import Article
from teaching import permissions, rows
from teaching.models import (
    Annotation,
    Assignment,
    Classroom,
    Lesson,
    LessonArticle,
    Submission,
    User,
)

__all__ = [
    "assignment_with_class",
    "category_counts",
    "get_annotation_for_student",
    "get_annotation_for_teacher",
    "get_article_in_assignment",
    "get_assignment_for_student",
    "get_lesson_article",
    "get_submission_for_review",
    "get_submission_for_student",
    "get_work_for_student",
    "lesson_article_text",
    "list_annotations",
    "list_lesson_articles",
    "list_lesson_articles_for_assignment",
    "list_lesson_articles_in",
    "position_in_lesson",
    "position_of_article",
]

_MAX_POSITION = 2**31 - 1  # a PositiveIntegerField's range on every database

# The article list in the lesson navigation needs titles, not bodies.
_HEAVY_ARTICLE_FIELDS = ("article__body_markdown", "article__body_html", "article__body_text")


def get_assignment_for_student(user: User, pk: int) -> Assignment:
    """The assignment (with its lesson, class and the class's teacher), if ``user`` is a student enrolled in its
    class."""
    if not permissions.is_student(user):
        raise Http404
    found = assignment_with_class(pk, student_id=user.pk)
    if found is None:
        raise Http404("No Assignment matches the given query.")
    return found


def assignment_with_class(
    pk: int, *, student_id: int | None = None, teacher_id: int | None = None
) -> Assignment | None:
    """The assignment with its lesson, its class and the class's teacher (what ``select_related("lesson",
    "classroom__teacher")`` reads) if ``student_id`` is enrolled in the class / ``teacher_id`` teaches it.

    One query in SQL written here: the API's every request and the reading view's writes ask it, and the ORM took
    longer to build it (the joins, the enrolment filter, four models' columns) than the database to answer it."""
    assignments, lessons = Assignment._meta.db_table, Lesson._meta.db_table
    classrooms, users = Classroom._meta.db_table, User._meta.db_table
    sql = (
        f"SELECT {rows.columns(Assignment)}, {rows.columns(Lesson)}, {rows.columns(Classroom)}, "  # noqa: S608
        f'{rows.columns(User)} FROM "{assignments}" '
        f'INNER JOIN "{lessons}" ON "{lessons}"."id" = "{assignments}"."lesson_id" '
        f'INNER JOIN "{classrooms}" ON "{classrooms}"."id" = "{assignments}"."classroom_id" '
        f'INNER JOIN "{users}" ON "{users}"."id" = "{classrooms}"."teacher_id" '
        f'WHERE "{assignments}"."id" = %s'
    )
    params = [pk]
    if student_id is not None:
        sql += " AND " + permissions.enrolled_sql(f'"{assignments}"."classroom_id"')
        params.append(student_id)
    if teacher_id is not None:
        sql += f' AND "{classrooms}"."teacher_id" = %s'
        params.append(teacher_id)
    row = rows.fetchone(sql, params)
    if row is None:
        return None
    assignment, lesson, classroom, teacher = rows.instances(row, Assignment, Lesson, Classroom, User)
    classroom.teacher = teacher
    assignment.lesson, assignment.classroom = lesson, classroom
    return assignment


def _own_submission(user: User, assignment_pk: int, *, pages: bool = True) -> Submission | None:
    if not user.is_authenticated:
        raise Http404
    # The pages show the lesson and the class; a write needs the assignment alone.
    if pages:
        return _own_submission_for_pages(user, assignment_pk)
    return (
        Submission.objects.select_related("assignment")
        .filter(permissions.own_work_in_class(user), assignment_id=assignment_pk)
        .first()
    )


def _own_submission_for_pages(user: User, assignment_pk: int) -> Submission | None:
    """``Submission.objects.select_related("assignment__lesson", "assignment__classroom")`` filtered by
    ``permissions.own_work_in_class(user)``, in SQL written here: every reading view asks, and the ORM took longer
    to build the joins than the database to answer (one submission per student and assignment)."""
    if not permissions.is_student(user):
        return None
    submissions, assignments = Submission._meta.db_table, Assignment._meta.db_table
    lessons, classrooms = Lesson._meta.db_table, Classroom._meta.db_table
    enrolled = permissions.enrolled_sql(f'"{assignments}"."classroom_id"')
    sql = (
        f"SELECT {rows.columns(Submission)}, {rows.columns(Assignment)}, {rows.columns(Lesson)}, "  # noqa: S608
        f'{rows.columns(Classroom)} FROM "{submissions}" '
        f'INNER JOIN "{assignments}" ON "{assignments}"."id" = "{submissions}"."assignment_id" '
        f'INNER JOIN "{lessons}" ON "{lessons}"."id" = "{assignments}"."lesson_id" '
        f'INNER JOIN "{classrooms}" ON "{classrooms}"."id" = "{assignments}"."classroom_id" '
        f'WHERE "{submissions}"."student_id" = %s AND "{submissions}"."assignment_id" = %s '
        f"AND {enrolled} "
        f'ORDER BY "{submissions}"."id" LIMIT 1'
    )
    row = rows.fetchone(sql, [user.pk, assignment_pk, user.pk])
    if row is None:
        return None
    submission, assignment, lesson, classroom = rows.instances(row, Submission, Assignment, Lesson, Classroom)
    assignment.lesson, assignment.classroom = lesson, classroom
    submission.assignment = assignment
    submission.enrolled_when_read = True  # the query's own condition (the page's check need not ask again)
    return submission


def get_submission_for_student(user: User, assignment_pk: int) -> Submission | None:
    """The student's own submission for the assignment while they are in its class (404 otherwise);
    None when enrolled but not started yet."""
    submission = _own_submission(user, assignment_pk)
    if submission is None:
        get_assignment_for_student(user, assignment_pk)  # 404 unless enrolled
    return submission


def get_work_for_student(user: User, assignment_pk: int, *, for_write: bool = False) -> Submission:
    """What the reading pages show: the student's submission or, before their first save, an unsaved one —
    opening a page never writes (a link from another site cannot start anyone's work). 404 unless the
    student is in the class. ``for_write``: with its assignment only (not the lesson and the class).

    ``enrolled_when_read`` on the submission says that the query which read it found the student enrolled in
    the class (its condition), so the article page's own check (``article_page._check``) does not ask again."""
    submission = _own_submission(user, assignment_pk, pages=not for_write)
    if submission is None:
        submission = Submission(assignment=get_assignment_for_student(user, assignment_pk), student=user)
        submission.enrolled_when_read = True  # get_assignment_for_student's condition
    return submission


def get_lesson_article(lesson_id: int, position: int, *, texts: bool = True) -> LessonArticle:
    """The lesson's article at ``position`` (with the article), or 404. ``texts=False`` leaves the article's
    texts unread (a write reads the text it checks against under its own lock)."""
    if not texts:
        found = LessonArticle.objects.select_related("article").defer(*_HEAVY_ARTICLE_FIELDS)
        return get_object_or_404(found, lesson_id=lesson_id, position=position)
    # With the texts (every article page asks): in SQL written here, the same instances as the ORM's
    # select_related("article"); building its join cost more than running it.
    lesson_articles, articles = LessonArticle._meta.db_table, Article._meta.db_table
    sql = (
        f'SELECT {rows.columns(LessonArticle)}, {rows.columns(Article)} FROM "{lesson_articles}" '  # noqa: S608
        f'INNER JOIN "{articles}" ON "{articles}"."id" = "{lesson_articles}"."article_id" '
        f'WHERE "{lesson_articles}"."lesson_id" = %s AND "{lesson_articles}"."position" = %s'
    )
    # A position no column can hold is none (the ORM's lookup says so too), not an overflow in the driver.
    row = rows.fetchone(sql, [lesson_id, position]) if 0 <= position <= _MAX_POSITION else None
    if row is None:
        raise Http404("No LessonArticle matches the given query.")
    lesson_article, article = rows.instances(row, LessonArticle, Article)
    lesson_article.article = article
    return lesson_article


def get_article_in_assignment(assignment: Assignment, position: int, *, texts: bool = True) -> Article:
    """The article at ``position`` in the assignment's lesson, or 404. ``texts=False`` (a write, which reads
    the text it checks under its own lock and answers with the article's id alone) reads its id only."""
    if not texts:
        return get_object_or_404(
            Article.objects.only("pk"),
            lesson_articles__lesson_id=assignment.lesson_id,
            lesson_articles__position=position,
        )
    return get_lesson_article(assignment.lesson_id, position).article


def position_in_lesson(lesson_id: int, article_id: int) -> int | None:
    """Where the article sits in the lesson; None when it is not (or no longer) part of it."""
    return LessonArticle.objects.position_of(lesson_id=lesson_id, article_id=article_id)


def lesson_article_text(lesson_id: int, article_id: int, *, text: bool = True) -> str | None:
    """None unless the article is part of the lesson; else its plain text (``text``), or "" (whether it is
    there is all that is asked). One query in SQL written here (the API's every save asks)."""
    lesson_articles, articles = LessonArticle._meta.db_table, Article._meta.db_table
    if text:
        sql = (
            f'SELECT a."body_text" FROM "{lesson_articles}" la INNER JOIN "{articles}" a ON a."id" = la."article_id" '  # noqa: S608
            'WHERE la."lesson_id" = %s AND la."article_id" = %s'
        )
    else:
        sql = f'SELECT \'\' FROM "{lesson_articles}" la WHERE la."lesson_id" = %s AND la."article_id" = %s'  # noqa: S608
    row = rows.fetchone(sql, [lesson_id, article_id])
    return None if row is None else row[0]


def position_of_article(assignment: Assignment, article_id: int) -> int:
    return position_in_lesson(assignment.lesson_id, article_id) or 1


def list_lesson_articles(submission: Submission) -> QuerySet[LessonArticle]:
    """The lesson's articles in order, each with ``highlight_count`` for this submission.

    The count is a subquery on this submission's highlights (the (submission, article) index): a join to every
    highlight of the article would count the whole class's to keep this student's, growing with the class."""
    mine = (
        Annotation.objects.filter(submission_id=submission.pk, article_id=OuterRef("article_id"))
        .order_by()
        .values("article_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        LessonArticle.objects.filter(lesson_id=submission.assignment.lesson_id)
        .select_related("article")
        .defer(*_HEAVY_ARTICLE_FIELDS)
        .annotate(highlight_count=Coalesce(Subquery(mine), 0))
        .order_by("position", "id")
    )


_LIGHT_ARTICLE_FIELDS = tuple(
    f.attname for f in Article._meta.concrete_fields if f"article__{f.name}" not in _HEAVY_ARTICLE_FIELDS
)


def lesson_articles_with_counts(submission: Submission) -> list[LessonArticle]:
    """``list(list_lesson_articles(submission))`` in SQL written here (the reading view asks on every load; the
    ORM took longer to build the join and the subquery than the database to answer): the same instances, each
    article without its texts, each with ``highlight_count``."""
    lesson_articles, articles = LessonArticle._meta.db_table, Article._meta.db_table
    sql = (
        f"SELECT {rows.columns(LessonArticle)}, {rows.columns(Article, _LIGHT_ARTICLE_FIELDS)}, "  # noqa: S608
        f'(SELECT COUNT(*) FROM "{Annotation._meta.db_table}" u '
        f'WHERE u."submission_id" = %s AND u."article_id" = "{lesson_articles}"."article_id") '
        f'FROM "{lesson_articles}" INNER JOIN "{articles}" ON "{articles}"."id" = "{lesson_articles}"."article_id" '
        f'WHERE "{lesson_articles}"."lesson_id" = %s ORDER BY "{lesson_articles}"."position", "{lesson_articles}"."id"'
    )
    found = rows.fetchall(sql, [submission.pk, submission.assignment.lesson_id])
    width = len(LessonArticle._meta.concrete_fields)
    convert_article = rows.converter(Article, _LIGHT_ARTICLE_FIELDS)
    result = []
    for row in found:
        lesson_article = rows.instance(LessonArticle, row[:width])
        lesson_article.article = Article.from_db("default", _LIGHT_ARTICLE_FIELDS, convert_article(row[width:-1]))
        lesson_article.highlight_count = row[-1] or 0
        result.append(lesson_article)
    return result


def list_lesson_articles_in(lesson_id: int) -> QuerySet[LessonArticle]:
    return LessonArticle.objects.filter(lesson_id=lesson_id).order_by("position", "id")


def list_lesson_articles_for_assignment(assignment: Assignment) -> QuerySet[LessonArticle]:
    return list_lesson_articles_in(assignment.lesson_id)


def list_annotations(submission: Submission, article: Article) -> QuerySet[Annotation]:
    # Highlights set aside by a correction have offsets into an older text: never drawn on this one
    # (see teaching.selectors.list_orphaned_annotations for where they are shown).
    # Nor are those a correction is still moving onto the new text (``on_current_text``).
    return (
        Annotation.objects.on_current_text()
        .filter(submission_id=submission.pk, article_id=article.pk)
        .order_by("start", "end", "id")
    )


def category_counts(submission: Submission) -> dict[str, int]:
    """How many highlights of each category the whole submission has."""
    # Written as SQL: the ORM's grouped query cost more to build than to run (the reading view asks on every load).
    sql = (
        f'SELECT "category", COUNT(*) FROM "{Annotation._meta.db_table}" WHERE "submission_id" = %s GROUP BY "category"'  # noqa: S608
    )
    return dict(rows.fetchall(sql, [submission.pk]))


def get_submission_for_review(user: User, pk: int) -> Submission:
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Submission.objects.select_related("assignment__lesson", "assignment__classroom", "student").filter(
            assignment__classroom__teacher_id=user.pk
        ),
        pk=pk,
    )


def get_annotation_for_student(user: User, pk: int) -> Annotation:
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Annotation.objects.select_related("submission__assignment", "article")
        .filter(permissions.own_work_in_class(user, "submission"))
        .annotate(text_revision_id=F("article__text_revision_id")),  # is_being_moved
        pk=pk,
    )


def get_annotation_for_teacher(user: User, pk: int) -> Annotation:
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Annotation.objects.select_related("submission__assignment__classroom", "submission__student")
        .filter(submission__assignment__classroom__teacher_id=user.pk)
        .annotate(text_revision_id=F("article__text_revision_id")),  # is_being_moved
        pk=pk,
    )
