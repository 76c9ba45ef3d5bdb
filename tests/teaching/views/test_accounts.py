import pytest
from django.urls import reverse

from teaching.models import Enrollment, User
from tests import factories

pytestmark = pytest.mark.django_db

SIGNUP = reverse("teaching:student_signup")
JOIN = reverse("teaching:classroom_join")


def _signup_data(code, **overrides):
    return {
        "join_code": code,
        "username": "newkid",
        "first_name": "Nia",
        "last_name": "",
        "password": "plum-ocean-73",
        "password_confirm": "plum-ocean-73",
        **overrides,
    }


def test_signup_prefills_the_code_from_the_link_normalised(client, classroom):
    code = classroom.join_code
    response = client.get(SIGNUP, {"code": f" {code[:4].lower()} {code[4:].lower()}"})
    assert response.status_code == 200
    assert response.context["form"]["join_code"].value() == code
    assert f'value="{code}"' in response.text


def test_signup_creates_student_logs_in_and_lands_on_dashboard(client, classroom):
    response = client.post(SIGNUP, _signup_data(classroom.join_code.lower()), follow=True)
    assert response.redirect_chain == [(reverse("teaching:dashboard"), 302)]
    user = User.objects.get(username="newkid")
    assert response.context["user"] == user
    assert Enrollment.objects.filter(classroom=classroom, student=user).exists()
    assert "You’ve joined “Year 10 Media”" in response.text
    assert "Nia" in response.text and "Student" in response.text  # header: who and which role


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"join_code": "ZZZZ9999"}, "No class has the code “ZZZZ9999”"),
        ({"username": "sam"}, "The username “sam” is already taken"),
        ({"password_confirm": "plum-ocean-74"}, "The two passwords don’t match"),
        ({"password": "12345678", "password_confirm": "12345678"}, "too common"),
        ({"username": ""}, "This field is required"),
    ],
)
def test_signup_bad_input_shows_a_clear_error_and_creates_nothing(client, classroom, student, overrides, message):
    users_before = User.objects.count()
    data = _signup_data(classroom.join_code, **overrides)
    response = client.post(SIGNUP, data)
    assert response.status_code == 200
    assert message in response.text
    assert User.objects.count() == users_before
    assert "_auth_user_id" not in client.session


def test_signup_escapes_what_was_typed(client, db):
    response = client.post(SIGNUP, _signup_data("<b>x</b>"))
    assert "<b>x</b>" not in response.text
    assert "&lt;b&gt;x&lt;/b&gt;" in response.text


def test_logged_in_student_following_a_join_link_is_sent_to_join_with_the_code(client, student):
    client.force_login(student)
    response = client.get(SIGNUP, {"code": "abcd2345"})
    assert response.status_code == 302
    assert response["Location"] == f"{JOIN}?code=abcd2345"


def test_logged_in_teacher_on_signup_goes_home(client, teacher):
    client.force_login(teacher)
    response = client.get(SIGNUP)
    assert response["Location"] == reverse("home")


def test_classroom_join_prefills_and_joins(client, student, other_teacher):
    second = factories.ClassroomFactory(teacher=other_teacher, name="Debate club")
    client.force_login(student)
    page = client.get(JOIN, {"code": second.join_code.lower()})
    assert page.context["form"]["join_code"].value() == second.join_code
    response = client.post(JOIN, {"join_code": second.join_code.lower()}, follow=True)
    assert response.redirect_chain == [(reverse("teaching:dashboard"), 302)]
    assert "You’ve joined “Debate club”" in response.text
    assert student.classrooms_joined.filter(pk=second.pk).exists()


@pytest.mark.parametrize(
    ("code", "message"),
    [("NOPE2345", "No class has the code “NOPE2345”"), ("", "Enter the class code")],
)
def test_classroom_join_unknown_code_changes_nothing(client, student, code, message):
    client.force_login(student)
    response = client.post(JOIN, {"join_code": code})
    assert response.status_code == 200
    assert message in response.text
    assert student.enrollments.count() == 1


def test_classroom_join_already_a_member(client, student, classroom):
    client.force_login(student)
    response = client.post(JOIN, {"join_code": classroom.join_code})
    assert "You are already in “Year 10 Media”" in response.text


@pytest.mark.parametrize(
    ("persona", "target"),
    [
        ("teacher", reverse("teaching:classroom_list")),
        ("student", reverse("teaching:dashboard")),
        ("admin_user", reverse("admin:index")),
    ],
)
def test_login_form_sends_each_role_to_its_start_page(client, request, persona, target):
    user = request.getfixturevalue(persona)
    response = client.post(reverse("login"), {"username": user.username, "password": factories.PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == target
    assert response.context["user"] == user


def test_login_page_renders_with_signup_link_and_wrong_password_message(client, student):
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert "Log in to Crosscheck" in page.text
    assert SIGNUP in page.text
    response = client.post(reverse("login"), {"username": "sam", "password": "wrong"})
    assert "Please enter a correct username and password" in response.text


def test_anonymous_home_goes_to_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_password_change_flow(client, student):
    client.force_login(student)
    page = client.get(reverse("password_change"))
    assert page.status_code == 200 and "Change your password" in page.text
    response = client.post(
        reverse("password_change"),
        {"old_password": factories.PASSWORD, "new_password1": "tulip-raven-88", "new_password2": "tulip-raven-88"},
        follow=True,
    )
    assert "Password changed" in response.text
    student.refresh_from_db()
    assert student.check_password("tulip-raven-88")


def test_password_change_wrong_old_password_keeps_the_old_one(client, student):
    client.force_login(student)
    response = client.post(
        reverse("password_change"),
        {"old_password": "nope", "new_password1": "tulip-raven-88", "new_password2": "tulip-raven-88"},
    )
    assert "Your old password was entered incorrectly" in response.text
    student.refresh_from_db()
    assert student.check_password(factories.PASSWORD)


@pytest.mark.parametrize(
    ("persona", "label"), [("teacher", "Teacher"), ("student", "Student"), ("admin_user", "Admin")]
)
def test_every_page_says_who_is_logged_in_and_their_role(client, request, persona, label):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.get(reverse("password_change"))
    assert f'<span class="whoami-name">{user.display_name}</span>' in response.text
    assert f">{label}</span>" in response.text


def test_logout_is_a_post_and_returns_to_login(client, student):
    client.force_login(student)
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session


def test_signup_starts_with_the_class_code_alone(client, classroom):
    page = client.get(SIGNUP).content.decode()
    assert 'name="code"' in page and 'type="password"' not in page and "Step 1 of 2" in page


def test_signup_wrong_code_is_refused_before_any_password_is_asked(client, classroom):
    response = client.get(SIGNUP, {"code": "zzzz 9999"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "No class has the code “ZZZZ9999”" in text
    assert 'type="password"' not in text and 'aria-invalid="true"' in text
    assert User.objects.filter(role=User.Role.STUDENT).count() == 0


def test_signup_right_code_asks_for_the_account_of_that_class(client, classroom):
    text = client.get(SIGNUP, {"code": classroom.join_code.lower()}).content.decode()
    assert "Step 2 of 2" in text and "You’re joining <strong>Year 10 Media</strong>" in text
    assert f'<input type="hidden" name="join_code" value="{classroom.join_code}"' in text
    assert 'type="password"' in text


def test_signup_mistake_in_the_account_step_stays_on_that_step(client, classroom):
    response = client.post(SIGNUP, _signup_data(classroom.join_code, password_confirm="other-words-12"))
    text = response.content.decode()
    assert "The two passwords don’t match" in text and "You’re joining <strong>Year 10 Media</strong>" in text
