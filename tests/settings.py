"""Test settings: the production settings (DEBUG off) with a throwaway secret key."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-production")

from teaching.settings import *  # noqa: E402,F401,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Live-server threads must not keep connections open past a test: PostgreSQL refuses to drop a test
# database that another session still uses.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Import tests serve saved pages from a local http.server; production never fetches from loopback.
ARTICLE_FETCH_ALLOW_LOOPBACK = True

# The manifest storage (teaching/staticfiles.py) refuses any {% static %} name missing from a manifest
# written by collectstatic: every page test would depend on a fresh collectstatic run, and a static file
# edited without re-collecting would fail tests far from the cause. Tests use the plain storage (the
# live server serves files through the finders); tests/test_static.py collects with the real storage
# into a temporary folder and checks the hashed names, the compressed copies and the cache headers.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405

# Production keeps sessions in the cache, written through to the database (cached_db, teaching/settings.py).
# Tests read them from the database only, so the query counts pinned across the suite do not depend on
# what an earlier test left in the process's cache; tests/test_deployment_settings.py checks the real setting.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# A test that needs two connections writing at once on SQLite runs itself in a child pytest on a database
# file (the in-memory test database answers "table is locked" instead of waiting); see
# tests/teaching/services/test_correction_batches.py.
if os.environ.get("SQLITE_TEST_FILE") and DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": os.environ["SQLITE_TEST_FILE"]}  # noqa: F405
