"""Small predicates about who may do what. Selectors and services build on them."""

from __future__ import annotations

from teaching.models import Classroom, Submission, User


def is_teacher(user) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_teacher", False))


def is_student(user) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_student", False))


def is_teacher_of(user: User, classroom: Classroom) -> bool:
    return is_teacher(user) and classroom.teacher_id == user.pk


def owns_submission(user: User, submission: Submission) -> bool:
    return user.is_authenticated and submission.student_id == user.pk


def can_review(user: User, submission: Submission) -> bool:
    return is_teacher(user) and submission.assignment.classroom.teacher_id == user.pk
