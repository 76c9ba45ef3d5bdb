"""Downloads of annotations: a teacher's whole assignment, a student's own work; CSV and W3C JSON-LD.

Who may download what follows the API (``teaching.views.api``): a teacher only their own classes'
assignments, a student only their own work in a class they are in; anyone else gets a 404.
"""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from teaching import selectors
from teaching.models import Annotation, Assignment
from teaching.text import exports, w3c
from teaching.views import records


def _ordered(assignment: Assignment, annotations) -> list[Annotation]:
    """By student, then in the lesson's article order, then by position in the article."""
    positions = selectors.lesson_positions(assignment)

    def key(a: Annotation):
        s = a.submission.student
        return (s.last_name.lower(), s.first_name.lower(), s.username, positions.get(a.article_id, 0), a.start, a.pk)

    return sorted(annotations, key=key)


def _row(annotation: Annotation, *, for_teacher: bool, key_match: str = "") -> exports.ExportRow:
    submission = annotation.submission
    show_marks = for_teacher or submission.marks_visible
    return exports.ExportRow(
        student=submission.student.display_name,
        username=submission.student.username,
        article=annotation.article.title,
        category=annotation.get_category_display(),
        quote=annotation.exact,
        comment=annotation.comment,
        teacher_mark=annotation.get_teacher_mark_display() if show_marks and annotation.teacher_mark else "",
        teacher_comment=annotation.teacher_comment if show_marks else "",
        start=annotation.start,
        end=annotation.end,
        status=submission.get_status_display(),
        key_match=key_match,
    )


def _attachment(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content.encode("utf-8"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _teacher_assignment(request, pk: int) -> Assignment:
    assignment, for_teacher = selectors.get_assignment_for_reader(request.user, pk)
    if not for_teacher:
        raise Http404("No such assignment.")
    return assignment


def _student_assignment(request, pk: int) -> Assignment:
    assignment, for_teacher = selectors.get_assignment_for_reader(request.user, pk)
    if for_teacher:
        raise Http404("No such assignment.")
    return assignment


def _csv(request, assignment: Assignment, *, student, filename: str) -> HttpResponse:
    annotations = _ordered(
        assignment, selectors.list_assignment_annotations(assignment, student=student, with_titles=True)
    )
    for_teacher = student is None
    # Students get the key column only when the app would show them their feedback.
    labels = None
    if for_teacher or (annotations and annotations[0].submission.feedback_visible):
        labels = selectors.key_match_labels(assignment, annotations)
    rows = [_row(a, for_teacher=for_teacher, key_match=str((labels or {}).get(a.pk, ""))) for a in annotations]
    return _attachment(exports.to_csv(rows, with_key_match=labels is not None), exports.CSV_CONTENT_TYPE, filename)


def _jsonld(request, assignment: Assignment, *, student, filename: str) -> HttpResponse:
    annotations = _ordered(assignment, selectors.list_assignment_annotations(assignment, student=student))
    links = records.Links(request)
    document = w3c.to_collection(
        iri=links.collection(assignment.pk),
        label=f"{assignment.lesson.title} — {assignment.classroom.name}",
        records=[records.annotation_record(request, a, for_teacher=student is None, links=links) for a in annotations],
    )
    return _attachment(json.dumps(document, ensure_ascii=False, indent=2), w3c.CONTENT_TYPE, filename)


@require_GET
@login_required
def assignment_csv(request, pk: int):
    assignment = _teacher_assignment(request, pk)
    filename = exports.safe_filename(assignment.lesson.title, assignment.classroom.name, "highlights", extension="csv")
    return _csv(request, assignment, student=None, filename=filename)


@require_GET
@login_required
def assignment_jsonld(request, pk: int):
    assignment = _teacher_assignment(request, pk)
    filename = exports.safe_filename(
        assignment.lesson.title, assignment.classroom.name, "annotations", extension="jsonld"
    )
    return _jsonld(request, assignment, student=None, filename=filename)


@require_GET
@login_required
def my_work_csv(request, pk: int):
    assignment = _student_assignment(request, pk)
    filename = exports.safe_filename(assignment.lesson.title, request.user.username, "my-work", extension="csv")
    return _csv(request, assignment, student=request.user, filename=filename)


@require_GET
@login_required
def my_work_jsonld(request, pk: int):
    assignment = _student_assignment(request, pk)
    filename = exports.safe_filename(assignment.lesson.title, request.user.username, "my-work", extension="jsonld")
    return _jsonld(request, assignment, student=request.user, filename=filename)
