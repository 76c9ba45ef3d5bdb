"""Test settings: the production settings (DEBUG off) with a throwaway secret key."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-production")

from teaching.settings import *  # noqa: E402,F401,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
