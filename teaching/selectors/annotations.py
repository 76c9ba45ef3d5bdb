"""Annotations as the W3C API and the exports read them: who asks decides what comes back."""

from __future__ import annotations

from django.db.models import F
from django.http import Http404

from articles.models import Article
from teaching import permissions
from teaching import rows as rows_sql
from teaching.models import Annotation, Assignment, LessonArticle, Submission, User
from teaching.selectors.submissions import (
    assignment_with_class,
    get_annotation_for_student,
    get_annotation_for_teacher,
    get_assignment_for_student,
)

__all__ = [
    "AnnotationRow",
    "get_annotation_for_reader",
    "get_annotation_record",
    "get_assignment_for_reader",
    "lesson_positions",
    "list_assignment_annotations",
]


def get_assignment_for_reader(user, pk: int) -> tuple[Assignment, bool]:
    """(assignment, asked by its teacher). Students must be enrolled, teachers must teach the class."""
    if permissions.is_teacher(user):
        found = assignment_with_class(pk, teacher_id=user.pk)
        if found is None:
            raise Http404("No such assignment.")
        return found, True
    if permissions.is_student(user):
        return get_assignment_for_student(user, pk), False
    raise Http404("No such assignment.")


# What a W3C record or an export row reads of an annotation: building only these fields is most of
# what a collection costs.
_RECORD_FIELDS = (
    "id",
    "submission_id",
    "article_id",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "category",
    "comment",
    "created_at",
    "updated_at",
    "teacher_mark",
    "teacher_comment",
    "anchor_status",
    "revision_id",
)


class AnnotationRow:
    """An annotation as a page of many reads it, built from one row of values (``names``): a model instance per
    annotation (its fields set one by one through their descriptors) was most of what a W3C collection or a
    reading view of 200 cost. What it derives is the model's own code on these fields (``is_orphaned``,
    ``is_being_moved``, the display of its category and mark); a field not read is an AttributeError, never a
    query."""

    AnchorStatus = Annotation.AnchorStatus
    is_orphaned = Annotation.is_orphaned
    is_being_moved = Annotation.is_being_moved
    _CATEGORIES = dict(Annotation._meta.get_field("category").flatchoices)
    _MARKS = dict(Annotation.Mark.choices)

    def __init__(self, names: tuple[str, ...], values: tuple, submission: Submission | None = None) -> None:
        # One update of the instance's dict, not a setattr per field: 200 rows of 17 fields each add up.
        self.__dict__.update(zip(names, values, strict=True))
        self.submission = submission

    @property
    def pk(self) -> int:
        return self.id

    def get_category_display(self) -> str:
        return str(self._CATEGORIES.get(self.category, self.category))

    def get_teacher_mark_display(self) -> str:
        return str(self._MARKS.get(self.teacher_mark, self.teacher_mark))


def list_assignment_annotations(
    assignment: Assignment, *, student=None, with_titles: bool = False, rows: bool = False
) -> list[Annotation] | list[AnnotationRow]:
    """Every annotation of the assignment (one student's when ``student`` is given), with what a W3C
    document or an export row needs (``with_titles``: the article's title too), by student name, article
    and place: two queries whatever their number (three with titles; one more unless ``assignment`` was
    read with its class's teacher).

    The submissions (with their students), the assignment (with its class and teacher) and the articles
    (titles only) are read once and shared by every row: joining them into each row made a collection of
    200 spend most of its time building the same objects again for every annotation.
    """
    if rows:  # the W3C collection
        return _annotation_rows(assignment, student)
    submissions = Submission.objects.filter(assignment=assignment).select_related("student").defer("feedback")
    if student is not None:
        submissions = submissions.filter(student=student)
    by_pk = {s.pk: s for s in submissions}
    if not by_pk:
        return []
    _teacher = assignment.classroom.teacher  # read once here, shared by every row below
    for submission in by_pk.values():
        submission.assignment = assignment
    rows = list(
        Annotation.objects.filter(submission_id__in=list(by_pk))
        .only(*_RECORD_FIELDS)
        .annotate(text_revision_id=F("article__text_revision_id"))  # is_being_moved
        .order_by("article_id", "start", "end", "id")
    )
    for row in rows:
        row.submission = by_pk[row.submission_id]
    if with_titles:
        ids = {r.article_id for r in rows}
        articles = {a.pk: a for a in Article.objects.filter(pk__in=ids).only("id", "title")}
        for row in rows:
            row.article = articles[row.article_id]

    return sorted(rows, key=_by_student)  # stable: article and place order kept within a student


def _annotation_rows(assignment: Assignment, student) -> list[AnnotationRow]:
    """``list_assignment_annotations(rows=True)``: the same two queries, in SQL written here, and rows of values
    (``AnnotationRow``), not model instances. The ORM's iteration over 200 rows of values (its converters called
    through a generator per row) and building its two queries cost more than the rows themselves."""
    submissions, users = Submission._meta.db_table, User._meta.db_table
    sql = (
        f'SELECT {rows_sql.columns(Submission)}, {rows_sql.columns(User)} FROM "{submissions}" '  # noqa: S608
        f'INNER JOIN "{users}" ON "{users}"."id" = "{submissions}"."student_id" '
        f'WHERE "{submissions}"."assignment_id" = %s'
    )
    params = [assignment.pk]
    if student is not None:
        sql += f' AND "{submissions}"."student_id" = %s'
        params.append(student.pk)
    found = rows_sql.fetchall(sql, params)
    if not found:
        return []
    _teacher = assignment.classroom.teacher  # read once here, shared by every row below
    by_pk = {}
    for row in found:
        submission, owner = rows_sql.instances(row, Submission, User)
        submission.student, submission.assignment = owner, assignment
        by_pk[submission.pk] = submission
    table, articles = Annotation._meta.db_table, Article._meta.db_table
    sql = (
        f'SELECT {rows_sql.columns(Annotation, _RECORD_FIELDS)}, "{articles}"."text_revision_id" '  # noqa: S608
        f'FROM "{table}" INNER JOIN "{articles}" ON "{articles}"."id" = "{table}"."article_id" '
        f'WHERE "{table}"."submission_id" IN ({", ".join(["%s"] * len(by_pk))}) '
        f'ORDER BY "{table}"."article_id", "{table}"."start", "{table}"."end", "{table}"."id"'
    )
    found = rows_sql.fetchall(sql, list(by_pk))
    names, submission_at = (*_RECORD_FIELDS, "text_revision_id"), _RECORD_FIELDS.index("submission_id")
    convert = rows_sql.converter(Annotation, _RECORD_FIELDS)
    made = [AnnotationRow(names, convert(values), by_pk[values[submission_at]]) for values in found]
    if len(by_pk) == 1:  # one student's (the student's own collection): already in article and place order
        return made
    return sorted(made, key=_by_student)  # stable: article and place order kept within a student


def _by_student(row: Annotation | AnnotationRow) -> tuple[str, str, str]:
    s = row.submission.student
    return (s.last_name, s.first_name, s.username)


def get_annotation_for_reader(user, pk: int) -> tuple[Annotation, bool]:
    """(annotation, asked by the class's teacher): a student's own, or one of the teacher's classes."""
    if permissions.is_student(user):
        return get_annotation_for_student(user, pk), False
    if permissions.is_teacher(user):
        return get_annotation_for_teacher(user, pk), True
    raise Http404("No such annotation.")


def lesson_positions(assignment: Assignment) -> dict[int, int]:
    """article id → its position in the assignment's lesson."""
    return dict(LessonArticle.objects.filter(lesson_id=assignment.lesson_id).values_list("article_id", "position"))


def get_annotation_record(pk: int) -> Annotation:
    """An annotation with what its W3C record needs (creator, class teacher), re-read after a write."""
    return (
        Annotation.objects.select_related("submission__student", "submission__assignment__classroom__teacher")
        .annotate(text_revision_id=F("article__text_revision_id"))  # is_being_moved
        .get(pk=pk)
    )
