"""Site-wide behaviour: health check, settings from the environment, error pages."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from teaching.views import errors

ROOT = Path(__file__).resolve().parents[1]


def _python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "teaching.settings"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)


def test_healthz_answers_without_session_or_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "Set-Cookie" not in response.headers


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off():
    result = _python("import django; django.setup()")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_settings_debug_is_off_unless_set():
    result = _python("from django.conf import settings; print(settings.DEBUG)", SECRET_KEY="x")
    assert result.stdout.strip() == "False"
    result = _python("from django.conf import settings; print(settings.DEBUG)", DEBUG="1")
    assert result.stdout.strip() == "True"


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    code = (
        "import django; django.setup()\n"
        "from django.db import connection\n"
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]);\n"
        "print(connection.settings_dict['OPTIONS']['transaction_mode'])\n"
        "print(connection.settings_dict['CONN_MAX_AGE'])"
    )
    result = _python(code, SECRET_KEY="x", SQLITE_PATH=str(tmp_path / "db.sqlite3"))
    assert result.returncode == 0, result.stderr
    # Connections are kept between requests (opening one was a fifth of a save), as on PostgreSQL.
    assert result.stdout.split() == ["wal", "IMMEDIATE", "60"]


def test_database_url_selects_postgresql():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = _python(code, SECRET_KEY="x", DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_unknown_page_shows_friendly_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"We couldn\xe2\x80\x99t find that page" in response.content


def test_server_error_page_is_friendly_and_needs_no_context():
    response = errors.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"Your saved work is safe" in response.content


@pytest.mark.parametrize("path", ["/"])
def test_pages_need_login(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_csrf_failure_answers_json_on_the_api(db, student):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    response = client.post("/api/assignments/1/annotations/", data="{}", content_type="application/json")
    assert response.status_code == 403
    assert response.json()["errors"]["csrf"][0].startswith("Your page was open too long")


def test_csrf_failure_shows_people_what_to_do(db, student):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    response = client.post("/classes/join/", {"code": "ABCD2345"})
    assert response.status_code == 403
    assert b"Please reload the page" in response.content
    assert b"your saved work is safe" in response.content


def test_background_request_after_logout_gets_401_not_a_login_page(client, db, submission, article):
    """fetch follows redirects: a 302 to the login page would look like a successful save."""
    url = f"/assignments/{submission.assignment_id}/articles/1/annotations/"
    response = client.post(url, {"category": "numbers"}, headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert "Log in again" in response.content.decode()
    plain = client.post(url, {"category": "numbers"})
    assert plain.status_code == 302  # a person's own navigation still goes to the login page


@pytest.mark.parametrize("value", ["²", "٣x", "-1", "1e3", ""])
def test_odd_digits_in_numeric_fields_never_500(client, student, submission, value):
    client.force_login(student)
    base = f"/assignments/{submission.assignment_id}"
    for response in (
        client.post(f"{base}/submit/", {"position": value}),
        client.get(f"{base}/ledger/", {"scope": value}),
        client.get(f"{base}/compare/", {"left": value, "right": value}),
    ):
        assert response.status_code < 500
