"""Annotations as the W3C API and the exports read them: who asks decides what comes back."""

from __future__ import annotations

from django.http import Http404

from teaching import permissions
from teaching.models import Annotation, Assignment, LessonArticle
from teaching.selectors.submissions import (
    get_annotation_for_student,
    get_annotation_for_teacher,
    get_assignment_for_student,
)

__all__ = [
    "get_annotation_for_reader",
    "get_annotation_record",
    "get_assignment_for_reader",
    "lesson_positions",
    "list_assignment_annotations",
]


def get_assignment_for_reader(user, pk: int) -> tuple[Assignment, bool]:
    """(assignment, asked by its teacher). Students must be enrolled, teachers must teach the class."""
    if permissions.is_teacher(user):
        assignment = Assignment.objects.select_related("lesson", "classroom").filter(pk=pk, classroom__teacher=user)
        found = assignment.first()
        if found is None:
            raise Http404("No such assignment.")
        return found, True
    if permissions.is_student(user):
        return get_assignment_for_student(user, pk), False
    raise Http404("No such assignment.")


def list_assignment_annotations(assignment: Assignment, *, student=None):
    """Every annotation of the assignment (one student's when ``student`` is given), with what a W3C
    document or an export row needs, in one query."""
    annotations = Annotation.objects.filter(submission__assignment=assignment)
    if student is not None:
        annotations = annotations.filter(submission__student=student)
    return (
        annotations.select_related("submission__student", "submission__assignment__classroom__teacher", "article")
        .defer("article__body_markdown", "article__body_html", "article__body_text")
        .order_by(
            "submission__student__last_name",
            "submission__student__first_name",
            "submission__student__username",
            "article_id",
            "start",
            "end",
            "id",
        )
    )


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
    return Annotation.objects.select_related("submission__student", "submission__assignment__classroom__teacher").get(
        pk=pk
    )
