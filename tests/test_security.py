"""Defence in depth: the same security headers on every response, no inline code, HTTPS switchable, and
`check --deploy` clean under the documented production environment."""

import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def _policy(header: str) -> dict[str, str]:
    return {part.split()[0]: " ".join(part.split()[1:]) for part in header.split(";") if part.strip()}


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
@pytest.mark.parametrize(
    "path", ["/accounts/login/", "/healthz", "/static/css/app.css", "/static/js/annotate.js", "/no-such-page/"]
)
def test_every_response_carries_the_security_headers(client, db, path):
    response = client.get(path)
    response.close()  # a static file is streamed: close it
    assert response.status_code in (200, 404)
    assert _policy(response["Content-Security-Policy"]) == _policy(CSP)
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_admin_has_the_same_policy(admin_client):
    response = admin_client.get(reverse("admin:index"))
    assert _policy(response["Content-Security-Policy"]) == _policy(CSP)


def test_pages_tell_htmx_it_may_not_evaluate_code(client, student):
    client.force_login(student)
    html = client.get(reverse("teaching:dashboard")).content.decode()
    config = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", html).group(1)
    assert '"allowEval": false' in config and '"allowScriptTags": false' in config
    assert '"selfRequestsOnly": true' in config and '"includeIndicatorStyles": false' in config


INLINE_CODE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<style\b", re.I), "a <style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an on…= handler"),
    (re.compile(r"\shx-on", re.I), "hx-on"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


@pytest.mark.parametrize("template", sorted(p.relative_to(ROOT) for p in (ROOT / "templates").rglob("*.html")), ids=str)
def test_templates_have_no_inline_code(template):
    """The CSP refuses inline scripts and styles: each template links its CSS and JS from static/ instead."""
    text = (ROOT / template).read_text()
    found = [what for pattern, what in INLINE_CODE if pattern.search(text)]
    assert not found, f"{template} has {', '.join(found)}"


def test_the_server_error_page_links_its_style(client):
    from django.test import RequestFactory

    from teaching.views import errors

    html = errors.server_error(RequestFactory().get("/")).content.decode()
    assert "<style" not in html and 'rel="stylesheet"' in html


def _documented_production_environment() -> dict[str, str]:
    """The uncommented KEY=value lines of .env.example: what the README tells a school to set."""
    env = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    return env


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path):
    env = _documented_production_environment()
    assert {"SECURE_SSL_REDIRECT", "SECURE_COOKIES", "HSTS_SECONDS"} <= set(env)
    env["SECRET_KEY"] = secrets.token_urlsafe(50)  # .env.example says "change me"; a real key is long
    env["SQLITE_PATH"] = str(tmp_path / "db.sqlite3")
    env["DJANGO_SETTINGS_MODULE"] = "teaching.settings"
    env["PATH"] = "/usr/bin:/bin"
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_https_is_off_unless_switched_on(tmp_path):
    code = "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE)"
    base = {
        "SECRET_KEY": "x",
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        "DJANGO_SETTINGS_MODULE": "teaching.settings",
    }
    off = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True)
    on = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, "SECURE_SSL_REDIRECT": "1", "SECURE_COOKIES": "1"},
        capture_output=True,
        text=True,
    )
    assert (off.stdout.split(), on.stdout.split()) == (["False", "False"], ["True", "True"])


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_but_not_the_health_check(client, db):
    assert client.get("/accounts/login/")["Location"].startswith("https://")
    assert client.get("/healthz").status_code == 200
