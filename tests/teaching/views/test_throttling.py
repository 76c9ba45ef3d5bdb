"""Guessing is throttled: the login (site and admin), the sign-up and the join-code forms.

Each limit is counted per username (or account) and per address; only failures count; once a count is
reached the form is refused with 429 — even with the right password — and the message says how long to wait.
"""

import re
import time

import pytest
from django.urls import reverse

from teaching import throttle
from teaching.models import Enrollment, User
from tests import factories
from tests.factories import PASSWORD

LOGIN = reverse("login")
ADMIN_LOGIN = reverse("admin:login")
SIGNUP = reverse("teaching:student_signup")
JOIN = reverse("teaching:classroom_join")


def _limit(action: str, name: str) -> int:
    return int(next(limit for limit in throttle.ACTIONS[action] if limit.name == name).rate.split("/")[0])


def _login(client, username, password, address="10.0.0.1", url=LOGIN):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def _wait_minutes(response) -> int:
    return int(re.search(r"please wait (\d+) minutes?", response.content.decode()).group(1))


def test_login_locks_a_username_after_its_failures_even_with_the_right_password(client, student):
    """The audit's finding: 120 wrong passwords all answered 200, then the right one logged in."""
    for _ in range(_limit("login", "login-username")):
        assert _login(client, "sam", "wrong-guess").status_code == 200
    response = _login(client, "sam", PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(client)
    html = response.content.decode()
    assert "Too many failed logins from this username" in html
    assert 1 <= _wait_minutes(response) <= 15
    assert 0 < int(response["Retry-After"]) <= 15 * 60


def test_the_username_lock_ignores_case_and_spaces_and_spares_other_accounts(client, student, other_student):
    for typed in ["sam", "SAM", " Sam "] * 4:
        _login(client, typed, "wrong-guess")
    assert _login(client, "sam", PASSWORD).status_code == 429
    assert _login(client, "riya", PASSWORD).status_code == 302  # a classmate on the same computer logs in
    assert _logged_in(client)


def test_login_locks_an_address_after_many_failures_across_usernames(client, student):
    for n in range(_limit("login", "login-address")):
        _login(client, f"nobody{n}", "wrong-guess", address="10.0.0.9")
    response = _login(client, "sam", PASSWORD, address="10.0.0.9")
    assert response.status_code == 429
    assert "Too many failed logins from this network" in response.content.decode()
    assert _login(client, "sam", PASSWORD, address="10.0.0.10").status_code == 302  # another network is not held


def test_successful_logins_do_not_count(client, student):
    for _ in range(3 * _limit("login", "login-username")):
        assert _login(client, "sam", PASSWORD).status_code == 302
        client.post(reverse("logout"))
    assert _login(client, "sam", PASSWORD).status_code == 302


def test_the_lock_ends_with_its_window(client, student, monkeypatch):
    for _ in range(_limit("login", "login-username")):
        _login(client, "sam", "wrong-guess")
    assert _login(client, "sam", PASSWORD).status_code == 429
    later = time.time() + 16 * 60
    monkeypatch.setattr("django_ratelimit.core.time.time", lambda: later)
    assert _login(client, "sam", PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_too(client, admin_user):
    for _ in range(_limit("login", "login-username")):
        assert _login(client, "admin", "wrong-guess", url=ADMIN_LOGIN).status_code == 200
    response = _login(client, "admin", PASSWORD, url=ADMIN_LOGIN)
    assert "Too many failed logins from this username" in response.content.decode()
    assert not _logged_in(client)


def _signup(client, code, username="newkid", address="10.0.0.1"):
    data = {"join_code": code, "username": username, "password": "otter-maple-47", "password_confirm": "otter-maple-47"}
    return client.post(SIGNUP, data, REMOTE_ADDR=address)


def test_signup_locks_an_address_that_guesses_class_codes(client, classroom):
    for n in range(_limit("signup", "signup-address")):
        response = _signup(client, f"WRNG{n:04d}", username=f"kid{n}")
        assert response.status_code == 200
        assert "No class has the code" in response.content.decode()
    response = _signup(client, classroom.join_code)  # now even the right code waits
    assert response.status_code == 429
    assert "Too many wrong class codes from this network" in response.content.decode()
    assert not User.objects.filter(username="newkid").exists()
    assert _signup(client, classroom.join_code, address="10.0.0.2").status_code == 302


def _strip_token(html: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "", html)  # the CSRF tokens, different on every page


def test_signup_with_a_wrong_code_answers_the_same_for_taken_and_free_usernames(client, student):
    taken = _strip_token(_signup(client, "NOPE2345", username="sam").content.decode())
    free = _strip_token(_signup(client, "NOPE2345", username="sam_not_taken").content.decode())
    assert "already taken" not in taken
    assert taken.replace("sam_not_taken", "sam") == free.replace("sam_not_taken", "sam")


def test_signup_wrong_username_or_password_does_not_count_as_guessing(client, classroom, student):
    for _ in range(_limit("signup", "signup-address") + 5):
        assert "already taken" in _signup(client, classroom.join_code, username="sam").content.decode()
    assert _signup(client, classroom.join_code).status_code == 302


def test_join_locks_an_account_that_guesses_class_codes(client, student, other_teacher):
    other = factories.ClassroomFactory(teacher=other_teacher)
    client.force_login(student)
    for n in range(_limit("join", "join-account")):
        assert client.post(JOIN, {"join_code": f"WRNG{n:04d}"}, REMOTE_ADDR=f"10.0.1.{n}").status_code == 200
    response = client.post(JOIN, {"join_code": other.join_code}, REMOTE_ADDR="10.0.2.1")
    assert response.status_code == 429
    assert "Too many wrong class codes from your account" in response.content.decode()
    assert not Enrollment.objects.filter(classroom=other, student=student).exists()


def test_join_locks_an_address_that_guesses_class_codes(client, other_teacher):
    other = factories.ClassroomFactory(teacher=other_teacher)
    for n in range(_limit("join", "join-address")):
        if n % 5 == 0:  # a classroom of accounts, each well under its own limit
            client.force_login(factories.StudentFactory(username=f"kid{n}"))
        assert client.post(JOIN, {"join_code": f"WRNG{n:04d}"}, REMOTE_ADDR="10.0.0.7").status_code == 200
    client.force_login(factories.StudentFactory(username="fresh"))
    response = client.post(JOIN, {"join_code": other.join_code}, REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 429
    assert "from this network" in response.content.decode()


def test_a_counter_that_cannot_be_reached_lets_people_in(client, student, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("teaching.throttle.get_usage", broken)
    assert _login(client, "sam", PASSWORD).status_code == 302
    assert "could not reach its cache" in caplog.text


@pytest.mark.parametrize(
    "path",
    ["/accounts/password_reset/", "/accounts/password_reset/done/", "/accounts/reset/MQ/set-password/"],
)
def test_password_reset_is_switched_off(client, db, path):
    """The site sends no mail: a reset link would never arrive. The admin sets a new password instead."""
    assert client.get(path).status_code == 404


def test_login_page_says_who_resets_a_forgotten_password(client, db):
    html = client.get(LOGIN).content.decode()
    assert "Forgot your password? Tell your teacher" in html
    assert "password_reset" not in html


def test_an_all_digit_password_is_refused(client, classroom):
    data = {
        "join_code": classroom.join_code,
        "username": "digits",
        "password": "48213975",
        "password_confirm": "48213975",
    }
    response = client.post(SIGNUP, data)
    assert "entirely numeric" in response.content.decode()
    assert not User.objects.filter(username="digits").exists()
