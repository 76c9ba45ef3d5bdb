"""Small predicates about who may do what. Selectors and services build on them."""

from __future__ import annotations

from teaching.models import Classroom, Lesson, Submission, User


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


def can_browse_lessons(user) -> bool:
    """Teachers (and admins) read every lesson of the site: the shared library, to assign or to copy."""
    return bool(user.is_authenticated and (user.is_staff or is_teacher(user)))


def can_edit_lesson(user, lesson: Lesson) -> bool:
    """Admins edit every lesson; a teacher only the lessons they own. The site's lessons (no owner, such as the
    launch lesson) and other teachers' lessons are copied, never edited, by teachers."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return is_teacher(user) and lesson.owner_id is not None and lesson.owner_id == user.pk


def can_edit_key(user, lesson: Lesson) -> bool:
    """A lesson's reference key belongs to the lesson's owner: the same rule as the lesson itself. Setting another
    teacher's lesson for one's class gives no right to its key (that key is the feedback their classes see)."""
    return can_edit_lesson(user, lesson)
