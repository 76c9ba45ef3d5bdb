"""The deployment's settings: a shared cache through REDIS_URL, sessions that outlive any one app server.

Read from teaching/settings.py in a fresh interpreter (the test settings change sessions, see there).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOW = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'cache': settings.CACHES['default'], 'sessions': settings.SESSION_ENGINE}))"
)


def _settings(**env) -> dict:
    clean = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "x" * 50, "DJANGO_SETTINGS_MODULE": "teaching.settings", **env}
    out = subprocess.run([sys.executable, "-c", SHOW], cwd=ROOT, env=clean, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({"REDIS_URL": "redis://127.0.0.1:6379/3"}, "django.core.cache.backends.redis.RedisCache"),
        ({}, "django.core.cache.backends.locmem.LocMemCache"),
    ],
)
def test_cache_is_shared_through_redis_when_configured(env, backend):
    found = _settings(**env)
    assert found["cache"]["BACKEND"] == backend
    if env:
        assert found["cache"]["LOCATION"] == env["REDIS_URL"]
    # Written through to the database: a flushed or lost cache logs nobody out, and any app server reads it.
    assert found["sessions"] == "django.contrib.sessions.backends.cached_db"


def test_gunicorn_config_is_sized_for_a_class_and_shares_no_control_socket():
    config: dict = {}
    exec((ROOT / "deploy" / "gunicorn.conf.py").read_text(), config)  # noqa: S102
    assert config["workers"] * config["threads"] >= 8
    assert config["control_socket_disable"] is True


def test_the_wsgi_application_freezes_what_starting_made():
    """teaching/wsgi.py leaves what starting the app made out of the garbage collector's full collections."""
    import gc
    import importlib

    import teaching.wsgi

    gc.unfreeze()
    try:
        importlib.reload(teaching.wsgi)
        assert gc.get_freeze_count() > 10_000
        assert callable(teaching.wsgi.application)
    finally:
        gc.unfreeze()
