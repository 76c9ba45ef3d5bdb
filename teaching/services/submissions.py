"""A submission's life: started by the student's first save, submitted by the student, returned by the teacher.

Status changes are conditional UPDATEs (``... WHERE status IN (...)``) so two concurrent requests
cannot both succeed: the second one finds no row in the expected state and gets a clear message.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from teaching import permissions
from teaching.models import Annotation, Assignment, Submission, User
from teaching.services.spans import check_span

__all__ = [
    "MAX_FEEDBACK_CHARS",
    "mark_annotation",
    "return_submission",
    "start_submission",
    "submit_submission",
]

MAX_FEEDBACK_CHARS = 5000
MAX_TEACHER_COMMENT_CHARS = 2000


def start_submission(*, assignment: Assignment, student: User) -> Submission:
    """The student's submission for this assignment, created by their first write (never by opening a page)."""
    if not permissions.is_enrolled(student.pk, assignment.classroom_id):
        raise PermissionDenied("You are not in the class this assignment was set for.")
    submission, _ = Submission.objects.get_or_create(assignment=assignment, student=student)
    submission.assignment = assignment  # the caller's, already read (a write locks the submission with it)
    return submission


def submit_submission(*, submission: Submission, by: User) -> Submission:
    if not permissions.owns_submission(by, submission):
        raise PermissionDenied("This is not your work.")
    if not permissions.is_enrolled(submission.student_id, submission.assignment.classroom_id):
        raise PermissionDenied(permissions.REMOVED_MESSAGE)
    now = timezone.now()
    changed = Submission.objects.filter(
        pk=submission.pk, status__in=[Submission.Status.IN_PROGRESS, Submission.Status.RETURNED]
    ).update(status=Submission.Status.SUBMITTED, submitted_at=now, updated_at=now)
    if not changed:
        raise ValidationError("You have already submitted this work. Your teacher will return it.")
    submission.refresh_from_db()
    return submission


def _check_reviewer(submission: Submission, by: User) -> None:
    if not permissions.can_review(by, submission):
        raise PermissionDenied("Only the teacher of this class can review this work.")


@transaction.atomic
def mark_annotation(*, annotation: Annotation, mark: str, comment: str = "", by: User) -> Annotation:
    """Record the teacher's verdict on one highlight; an empty ``mark`` clears it."""
    submission = (
        Submission.objects.select_for_update().select_related("assignment__classroom").get(pk=annotation.submission_id)
    )
    _check_reviewer(submission, by)
    if submission.status == Submission.Status.IN_PROGRESS:
        raise ValidationError("The student has not submitted this work yet.")
    if mark not in Annotation.Mark.values and mark != "":
        raise ValidationError({"mark": "Choose “Good catch” or “Look again”."})
    comment = (comment or "").strip()
    if len(comment) > MAX_TEACHER_COMMENT_CHARS:
        raise ValidationError({"comment": f"A comment can be at most {MAX_TEACHER_COMMENT_CHARS} characters."})
    annotation.teacher_mark = mark
    annotation.teacher_comment = comment
    check_span(annotation)
    annotation.save(update_fields=["teacher_mark", "teacher_comment", "updated_at"])
    return annotation


def return_submission(*, submission: Submission, feedback: str, by: User) -> Submission:
    _check_reviewer(submission, by)
    feedback = (feedback or "").strip()
    if len(feedback) > MAX_FEEDBACK_CHARS:
        raise ValidationError({"feedback": f"Feedback can be at most {MAX_FEEDBACK_CHARS} characters."})
    now = timezone.now()
    changed = Submission.objects.filter(pk=submission.pk, status=Submission.Status.SUBMITTED).update(
        status=Submission.Status.RETURNED, feedback=feedback, returned_at=now, updated_at=now
    )
    if not changed:
        raise ValidationError("This work is not waiting for review: it is still in progress or already returned.")
    submission.refresh_from_db()
    return submission
