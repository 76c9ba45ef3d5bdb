import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from teaching import services
from teaching.models import Assignment, Classroom, Enrollment, User
from teaching.text import passphrases
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ABCD2345", "ABCD2345"),
        ("abcd2345", "ABCD2345"),
        ("  abcd 2345 ", "ABCD2345"),
        ("ab-cd-23-45", "ABCD2345"),
        ("", ""),
    ],
)
def test_normalise_join_code_ignores_case_spaces_and_dashes(typed, expected):
    assert services.normalise_join_code(typed) == expected


def test_generate_temporary_password_is_readable_and_passes_validators(student):
    from django.contrib.auth import password_validation

    password = services.generate_temporary_password()
    *words, number = password.split("-")
    assert len(words) == 4 and all(w.isalpha() and w.islower() for w in words) and number.isdigit()
    password_validation.validate_password(password, student)


def test_generated_passwords_have_at_least_40_bits_and_differ():
    assert passphrases.entropy_bits() >= 40
    assert len(set(passphrases.WORDS)) == len(passphrases.WORDS) >= 512
    assert len({services.generate_temporary_password() for _ in range(200)}) == 200


# create_classroom ----------------------------------------------------------------


def test_create_classroom_belongs_to_teacher_and_has_a_code(teacher):
    classroom = services.create_classroom(teacher=teacher, name="  Year 9 News  ")
    assert classroom.teacher == teacher
    assert classroom.name == "Year 9 News"
    assert len(classroom.join_code) == 8


def test_create_classroom_refuses_students(student):
    with pytest.raises(PermissionDenied):
        services.create_classroom(teacher=student, name="Sneaky")
    assert not Classroom.objects.filter(name="Sneaky").exists()


def test_create_classroom_requires_a_name(teacher):
    with pytest.raises(ValidationError) as exc:
        services.create_classroom(teacher=teacher, name="   ")
    assert "name" in exc.value.message_dict


# regenerate_join_code ------------------------------------------------------------


def test_regenerate_join_code_makes_the_old_code_stop_working(classroom, teacher):
    old = classroom.join_code
    services.regenerate_join_code(classroom=classroom, by=teacher)
    classroom.refresh_from_db()
    assert classroom.join_code != old
    newcomer = factories.StudentFactory()
    with pytest.raises(ValidationError) as exc:
        services.join_classroom(student=newcomer, join_code=old)
    assert "No class has the code" in exc.value.message_dict["join_code"][0]
    services.join_classroom(student=newcomer, join_code=classroom.join_code.lower())
    assert Enrollment.objects.filter(classroom=classroom, student=newcomer).exists()


@pytest.mark.parametrize("who", ["other_teacher", "student", "admin_user"])
def test_regenerate_join_code_only_by_the_classs_teacher(request, classroom, who):
    user = request.getfixturevalue(who)
    old = classroom.join_code
    with pytest.raises(PermissionDenied):
        services.regenerate_join_code(classroom=classroom, by=user)
    classroom.refresh_from_db()
    assert classroom.join_code == old


# register_student -------------------------------------------------------------------


def _register(code, **overrides):
    data = {"join_code": code, "username": "newkid", "password": "plum-ocean-73", "first_name": "New", "last_name": ""}
    return services.register_student(**{**data, **overrides})


@pytest.mark.parametrize("spelling", [lambda c: c, str.lower, lambda c: f" {c[:4].lower()} {c[4:]} "])
def test_register_student_creates_an_enrolled_student(classroom, spelling):
    user, joined = _register(spelling(classroom.join_code))
    assert joined == classroom
    assert user.role == User.Role.STUDENT and not user.is_staff
    assert user.check_password("plum-ocean-73")
    assert list(classroom.students.all()) == [user]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"join_code": "ZZZZ9999"}, "join_code", "No class has the code “ZZZZ9999”"),
        ({"join_code": "  "}, "join_code", "Enter the class code"),
        ({"username": "sam"}, "username", "already taken"),
        ({"username": "SAM"}, "username", "already taken"),
        ({"username": "bad name!"}, "username", "Enter a valid username"),
        ({"password": "short"}, "password", "too short"),
        ({"password": "password123"}, "password", "too common"),
    ],
)
def test_register_student_rejects_bad_input_and_creates_nothing(classroom, student, overrides, field, message):
    users_before = User.objects.count()
    code = overrides.pop("join_code", classroom.join_code)
    with pytest.raises(ValidationError) as exc:
        _register(code, **overrides)
    assert any(message in m for m in exc.value.message_dict[field])
    assert User.objects.count() == users_before
    assert Enrollment.objects.filter(classroom=classroom).count() == 1


@pytest.mark.parametrize("username", ["sam", "somebody_new"])
def test_register_student_with_a_wrong_code_says_only_that_and_hashes_nothing(student, monkeypatch, username):
    """Until the code is right, a taken and a free username get the same answer, and no password is hashed
    (hashing takes a quarter of a second on purpose: it must not be spent on guesses)."""
    hashed = []
    monkeypatch.setattr(User, "set_password", lambda self, raw: hashed.append(raw))
    with pytest.raises(ValidationError) as exc:
        _register("NOPE2345", username=username)
    assert exc.value.message_dict == {
        "join_code": [
            "No class has the code “NOPE2345”. Check it with your teacher — codes can change when a "
            "teacher makes a new one."
        ]
    }
    assert hashed == []


def test_register_student_hashes_the_password_only_for_the_account_it_creates(classroom, student, monkeypatch):
    hashed = []
    real = User.set_password
    monkeypatch.setattr(User, "set_password", lambda self, raw: hashed.append(raw) or real(self, raw))
    with pytest.raises(ValidationError):
        _register(classroom.join_code, username="sam")  # right code, taken name: refused before hashing
    assert hashed == []
    _register(classroom.join_code, username="newkid")
    assert hashed == ["plum-ocean-73"]


# join_classroom --------------------------------------------------------------------


def test_join_classroom_adds_an_existing_student_to_a_second_class(student, other_teacher):
    second = factories.ClassroomFactory(teacher=other_teacher)
    enrollment = services.join_classroom(student=student, join_code=second.join_code)
    assert enrollment.classroom == second
    assert student.classrooms_joined.count() == 2


def test_join_classroom_twice_is_a_clear_error(student, classroom):
    with pytest.raises(ValidationError) as exc:
        services.join_classroom(student=student, join_code=classroom.join_code)
    assert "already in “Year 10 Media”" in exc.value.message_dict["join_code"][0]
    assert Enrollment.objects.filter(student=student).count() == 1


@pytest.mark.parametrize("who", ["teacher", "admin_user"])
def test_join_classroom_is_for_students_only(request, classroom, who):
    with pytest.raises(PermissionDenied):
        services.join_classroom(student=request.getfixturevalue(who), join_code=classroom.join_code)


# add_student_to_classroom ------------------------------------------------------------


def test_add_student_generates_a_temporary_password_that_works(classroom, teacher):
    student, temporary = services.add_student_to_classroom(
        classroom=classroom, by=teacher, username="lee", first_name="Lee", last_name="Park"
    )
    assert temporary and student.check_password(temporary)
    assert student.is_student and student.get_full_name() == "Lee Park"
    assert classroom.students.filter(pk=student.pk).exists()


def test_add_student_with_a_typed_password_returns_no_temporary_one(classroom, teacher):
    student, temporary = services.add_student_to_classroom(
        classroom=classroom, by=teacher, username="lee", password="violet-harbor-12"
    )
    assert temporary is None
    assert student.check_password("violet-harbor-12")


def test_add_student_with_a_taken_username_changes_nothing(classroom, teacher, other_student):
    with pytest.raises(ValidationError) as exc:
        services.add_student_to_classroom(classroom=classroom, by=teacher, username="Riya")
    assert "already taken" in exc.value.message_dict["username"][0]
    assert User.objects.filter(username__iexact="riya").count() == 1


def test_add_student_only_into_own_class(classroom, other_teacher):
    with pytest.raises(PermissionDenied):
        services.add_student_to_classroom(classroom=classroom, by=other_teacher, username="lee")
    assert not User.objects.filter(username="lee").exists()


# create_assignment ---------------------------------------------------------------------


def test_create_assignment_stores_categories_in_canonical_order(classroom, teacher, lesson):
    due = timezone.now() + datetime.timedelta(days=3)
    assignment = services.create_assignment(
        classroom=classroom,
        lesson=lesson,
        by=teacher,
        categories=["numbers", "rhetoric"],
        instructions="  Focus on the casualty figures. ",
        due_at=due,
    )
    assert assignment.categories == ["rhetoric", "numbers"]
    assert assignment.instructions == "Focus on the casualty figures."
    assert assignment.due_at == due


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"categories": []}, "categories"),
        ({"categories": ["gossip"]}, "categories"),
        ({"due_at": timezone.now() - datetime.timedelta(hours=1)}, "due_at"),
    ],
)
def test_create_assignment_rejects_bad_input(classroom, teacher, lesson, overrides, field):
    kwargs = {"classroom": classroom, "lesson": lesson, "by": teacher, "categories": ["rhetoric"], **overrides}
    with pytest.raises(ValidationError) as exc:
        services.create_assignment(**kwargs)
    assert field in exc.value.message_dict
    assert not Assignment.objects.exists()


def test_create_assignment_refuses_a_lesson_without_articles(classroom, teacher):
    empty = factories.LessonFactory()
    with pytest.raises(ValidationError) as exc:
        services.create_assignment(classroom=classroom, lesson=empty, by=teacher, categories=["numbers"])
    assert "no articles" in exc.value.message_dict["lesson"][0]


def test_create_assignment_only_for_own_class(classroom, other_teacher, lesson):
    with pytest.raises(PermissionDenied):
        services.create_assignment(classroom=classroom, lesson=lesson, by=other_teacher, categories=["numbers"])
    assert not Assignment.objects.exists()
