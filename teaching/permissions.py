"""Small predicates about who may do what. Selectors and services build on them."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from teaching.models import Classroom, Enrollment, Lesson, Submission, User

REMOVED_MESSAGE = "You are no longer in this class, so this work can’t be changed. Ask your teacher."


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


# --- A student's own work, while they are in the class -------------------------------------------------
# The one rule for everything a student reads or changes of their own work (submission, highlights,
# claims, comparisons, feedback, exports, API): it is theirs AND they are still enrolled in its class.
# A student removed from a class keeps their work — the teacher still sees it, an admin can enrol them
# again and it is all there — but until then they cannot open the class's material or change anything.


def own_work_in_class(user: User, submission_path: str = "") -> Q:
    """Filter for rows (a Submission, or what ``submission_path`` leads to one) the student may work on."""
    p = f"{submission_path}__" if submission_path else ""
    if not is_student(user):
        return Q(pk__in=[])
    return Q(**{f"{p}student_id": user.pk, f"{p}assignment__classroom__enrollments__student_id": user.pk})


def still_enrolled(submission_path: str = "") -> Exists:
    """For annotating a queryset of submissions (or rows leading to one): is its student still in the class?"""
    p = f"{submission_path}__" if submission_path else ""
    return Exists(
        Enrollment.objects.filter(
            classroom_id=OuterRef(f"{p}assignment__classroom_id"), student_id=OuterRef(f"{p}student_id")
        )
    )


def enrolled_sql(classroom_column: str, student: str = "%s") -> str:
    """``still_enrolled`` for SQL written by hand: is the student (a quoted column, or a parameter) in the class
    whose id is ``classroom_column`` (a quoted, table-qualified column)?"""
    table = Enrollment._meta.db_table
    return (
        f'EXISTS (SELECT 1 FROM "{table}" e WHERE e."classroom_id" = {classroom_column} AND e."student_id" = {student})'
    )


def is_enrolled(student_id: int, classroom_id: int) -> bool:
    return Enrollment.objects.filter(classroom_id=classroom_id, student_id=student_id).exists()
