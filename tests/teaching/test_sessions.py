"""Shared classroom computers: a student's session ends when the browser closes or after a school day idle;
teachers keep two weeks."""

import pytest
from django.conf import settings
from django.urls import reverse

from teaching import sessions
from tests.factories import PASSWORD


def _log_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response.cookies[settings.SESSION_COOKIE_NAME]


def test_a_students_session_cookie_ends_with_the_browser(client, student):
    cookie = _log_in(client, student)
    assert not cookie["expires"] and not cookie["max-age"]
    assert client.session.get_expire_at_browser_close()


def test_a_teachers_session_lasts_two_weeks(client, teacher):
    cookie = _log_in(client, teacher)
    assert int(cookie["max-age"]) == 14 * 24 * 3600


def _idle(client, seconds):
    session = client.session
    session[sessions.LAST_SEEN] -= seconds
    session.save()


@pytest.mark.parametrize(
    ("idle", "still_in"), [(3600, True), (settings.STUDENT_SESSION_IDLE_SECONDS - 60, True), (9 * 3600, False)]
)
def test_a_student_idle_for_a_school_day_is_logged_out(client, student, idle, still_in):
    _log_in(client, student)
    _idle(client, idle)
    response = client.get(reverse("teaching:dashboard"))
    assert (response.status_code == 200) is still_in
    if not still_in:
        assert response["Location"].startswith(reverse("login"))
        assert "_auth_user_id" not in client.session


def test_using_the_site_keeps_a_student_in(client, student):
    _log_in(client, student)
    for _ in range(3):
        _idle(client, 6 * 3600)  # six hours since the last request, three times: never a whole school day
        assert client.get(reverse("teaching:dashboard")).status_code == 200


def test_a_teacher_is_never_logged_out_for_idling(client, teacher):
    _log_in(client, teacher)
    session = client.session
    session[sessions.LAST_SEEN] = 0  # even if a student's marker were there
    session.save()
    assert client.get(reverse("teaching:classroom_list")).status_code == 200
