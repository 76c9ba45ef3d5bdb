"""Writes about classes: creating them, joining them, adding students, setting assignments."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from teaching import categories as category_defs
from teaching import permissions
from teaching.models import Assignment, Classroom, Enrollment, Lesson, User, new_join_code
from teaching.text import passphrases

__all__ = [
    "add_student_to_classroom",
    "create_assignment",
    "create_classroom",
    "generate_temporary_password",
    "join_classroom",
    "normalise_join_code",
    "register_student",
    "regenerate_join_code",
    "UNKNOWN_CODE",
    "classroom_for_join_code",
]

UNKNOWN_CODE = "unknown_code"  # the ValidationError code of a class code that matches no class (throttled)


def normalise_join_code(code: str) -> str:
    """Students type codes from a projector: ignore case, spaces and dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def generate_temporary_password() -> str:
    """A readable password such as ``otter-maple-quilt-river-47`` (about 43 bits: teaching/text/passphrases.py)."""
    return passphrases.passphrase()


def classroom_for_join_code(code: str) -> Classroom:
    """The class a code opens (typed as a student types it), or a ValidationError on ``join_code`` that says
    why; an unknown code carries the code ``UNKNOWN_CODE`` (the throttle counts those)."""
    normalised = normalise_join_code(code)
    if not normalised:
        raise ValidationError({"join_code": "Enter the class code your teacher gave you."})
    classroom = Classroom.objects.filter(join_code=normalised).select_related("teacher").first()
    if classroom is None:
        raise ValidationError(
            {
                "join_code": ValidationError(
                    f"No class has the code “{normalised}”. Check it with your teacher — "
                    "codes can change when a teacher makes a new one.",
                    code=UNKNOWN_CODE,
                )
            }
        )
    return classroom


def _new_student(*, username: str, password: str, first_name: str, last_name: str) -> User:
    """Validate and build (unsaved, password not yet hashed) a student account; errors are keyed by form field."""
    username = (username or "").strip()
    user = User(
        username=username,
        first_name=(first_name or "").strip(),
        last_name=(last_name or "").strip(),
        role=User.Role.STUDENT,
    )
    errors: dict[str, list[str]] = {}
    try:
        user.full_clean(exclude=["password"], validate_unique=False)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if username and User.objects.filter(username__iexact=username).exists():
        errors.setdefault("username", []).append(
            f"The username “{username}” is already taken. Try adding a number or your initials."
        )
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)
    return user


def _save_new_student(user: User, password: str) -> None:
    # Hashing costs a quarter of a second on purpose: only for an account that is really being created.
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # someone took the name between the check and the save
        raise ValidationError({"username": f"The username “{user.username}” is already taken."}) from exc


def create_classroom(*, teacher: User, name: str) -> Classroom:
    if not permissions.is_teacher(teacher):
        raise PermissionDenied("Only teachers can create classes.")
    classroom = Classroom(teacher=teacher, name=(name or "").strip())
    classroom.full_clean()
    classroom.save()
    return classroom


def regenerate_join_code(*, classroom: Classroom, by: User) -> Classroom:
    """Give the class a fresh code; the old one stops working at once."""
    if not permissions.is_teacher_of(by, classroom):
        raise PermissionDenied("Only the class's teacher can change its code.")
    old = classroom.join_code
    code = new_join_code()
    while code == old or Classroom.objects.filter(join_code=code).exists():
        code = new_join_code()
    classroom.join_code = code
    classroom.save(update_fields=["join_code"])
    return classroom


@transaction.atomic
def register_student(
    *, join_code: str, username: str, password: str, first_name: str = "", last_name: str = ""
) -> tuple[User, Classroom]:
    """A student signs up with a class code: the account and the enrolment, or neither.

    The code is checked first and alone: until it is right the answer is the same whether the username is
    taken or free, and no password is hashed (someone guessing codes learns nothing else, and cheaply).
    """
    classroom = classroom_for_join_code(join_code)
    user = _new_student(username=username, password=password, first_name=first_name, last_name=last_name)
    _save_new_student(user, password)
    Enrollment.objects.create(classroom=classroom, student=user)
    return user, classroom


@transaction.atomic
def join_classroom(*, student: User, join_code: str) -> Enrollment:
    if not permissions.is_student(student):
        raise PermissionDenied("Only student accounts can join a class with a code.")
    classroom = classroom_for_join_code(join_code)
    if Enrollment.objects.filter(classroom=classroom, student=student).exists():
        raise ValidationError({"join_code": f"You are already in “{classroom.name}”."})
    return Enrollment.objects.create(classroom=classroom, student=student)


@transaction.atomic
def add_student_to_classroom(
    *,
    classroom: Classroom,
    by: User,
    username: str,
    first_name: str = "",
    last_name: str = "",
    password: str = "",
) -> tuple[User, str | None]:
    """A teacher creates a student account in their class.

    Without a password a readable temporary one is generated and returned (the only time it is
    known in clear); with one, ``None`` is returned because the teacher already knows it.
    """
    if not permissions.is_teacher_of(by, classroom):
        raise PermissionDenied("Only the class's teacher can add students to it.")
    temporary = None if password else generate_temporary_password()
    user = _new_student(username=username, password=password or temporary, first_name=first_name, last_name=last_name)
    _save_new_student(user, password or temporary)
    Enrollment.objects.create(classroom=classroom, student=user)
    return user, temporary


def create_assignment(
    *,
    classroom: Classroom,
    lesson: Lesson,
    by: User,
    categories: list[str],
    instructions: str = "",
    due_at: datetime | None = None,
    feedback_timing: str = Assignment.FeedbackTiming.ON_SUBMIT,
) -> Assignment:
    if not permissions.is_teacher_of(by, classroom):
        raise PermissionDenied("Only the class's teacher can set assignments for it.")
    if not lesson.lesson_articles.exists():
        raise ValidationError({"lesson": "This lesson has no articles yet, so students would have nothing to read."})
    if not categories:
        raise ValidationError({"categories": "Choose at least one thing for students to highlight."})
    if due_at is not None and due_at < timezone.now():
        raise ValidationError({"due_at": "That date has already passed. Choose a later one, or leave it empty."})
    unknown = [c for c in categories if c not in category_defs.BY_VALUE]
    if unknown:
        raise ValidationError({"categories": f"Unknown category: {', '.join(map(str, unknown))}."})
    assignment = Assignment(
        classroom=classroom,
        lesson=lesson,
        instructions=(instructions or "").strip(),
        due_at=due_at,
        categories=category_defs.ordered(categories),
        feedback_timing=feedback_timing,
    )
    assignment.full_clean()
    assignment.save()
    return assignment
