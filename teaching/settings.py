"""Crosscheck settings, driven by the environment (see .env.example)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "articles",
    "teaching",
]

MIDDLEWARE = [
    # Security headers first, so static files (WhiteNoise) and /healthz answer with them too.
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "teaching.middleware.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "teaching.middleware.HealthCheckMiddleware",
    "teaching.middleware.BackgroundLoginMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and JSON go out gzipped (WhiteNoise serves static files precompressed above this line).
    # Django's GZipMiddleware at level 3 (not 6); it still pads each response against BREACH-style length guessing.
    "teaching.middleware.FastGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "teaching.middleware.RefuseUndecodableFormsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "teaching.sessions.StudentSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "teaching.urls"
WSGI_APPLICATION = "teaching.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # {% url %} keeps each URL it reversed (teaching/templatetags/cached_url.py).
            "builtins": ["teaching.templatetags.cached_url"],
        },
    },
]

SQLITE_PATH = os.environ.get("SQLITE_PATH", str(BASE_DIR / "var" / "db.sqlite3"))
DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{SQLITE_PATH}", conn_max_age=60)}
# A kept connection that the server dropped (PostgreSQL restarted, failed over, or ended it) is noticed at
# the start of the next request and replaced, instead of failing that request with a 500.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a student saves; IMMEDIATE takes the write lock at the
    # start of every atomic() so read-then-write blocks never fail with "database is locked".
    # Connections are kept between requests (CONN_MAX_AGE above), as on PostgreSQL: opening one per request
    # (connect, the PRAGMAs below, SQLite reading the schema again, an empty page cache) was about a fifth of
    # a save and of the API's collection. Each thread keeps its own; autocommit between requests holds no
    # snapshot, so every request reads what the others committed.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "teaching.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if env_flag("FAST_PASSWORD_HASHER")
    else ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
)

# The caches: shared by every app server through Redis when REDIS_URL is set (e.g. redis://127.0.0.1:6379/0);
# otherwise each process keeps its own, which is fine for one machine. Nothing another app server would
# need lives only in a process: sessions are written through to the database (cached_db, above), so a
# cache that is flushed or unreachable logs nobody out.
# Throttles against guessing (teaching/throttle.py) count in the "throttle" cache. With REDIS_URL every app
# process and machine shares the counts; without it each process counts on its own (fine for one server).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "crosscheck"}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    "throttle": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "throttle"}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"}
    ),
}
RATELIMIT_USE_CACHE = "throttle"
# Behind a proxy the client's address is in a header the proxy sets (e.g. nginx: X-Real-IP → HTTP_X_REAL_IP).
RATELIMIT_IP_META_KEY = os.environ.get("CLIENT_IP_HEADER") or None

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "teaching.staticfiles.StaticStorage"},  # hashed, gzipped, cached for good
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Uploaded article files are read in memory and refused above this size (see articles/admin.py).
ARTICLE_UPLOAD_MAX_BYTES = 1024 * 1024  # text: a pasted report, a .txt or .md file, the text taken from a page
# Teachers' imports (articles.importing): a saved or fetched web page or a .docx carries markup around the text.
ARTICLE_PAGE_MAX_BYTES = 5 * 1024 * 1024
ARTICLE_FETCH_TIMEOUT = 10  # seconds for the whole fetch, redirects included
ARTICLE_FETCH_MAX_REDIRECTS = 5
# Fetching from 127.0.0.1/::1 — only the tests turn this on, to serve saved pages from a local server.
ARTICLE_FETCH_ALLOW_LOOPBACK = False
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024

CSRF_FAILURE_VIEW = "teaching.views.errors.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Teachers and admins stay logged in for two weeks; students until the browser closes or a school day
# without a request (teaching/sessions.py).
SESSION_COOKIE_AGE = 14 * 24 * 3600
STUDENT_SESSION_IDLE_SECONDS = int(os.environ.get("STUDENT_SESSION_IDLE_SECONDS", str(8 * 3600)))

# HTTPS, switched on from the environment in production (see .env.example and the README): redirect plain
# HTTP, send cookies only over HTTPS, and tell browsers to insist on HTTPS (HSTS).
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers poll over plain HTTP
SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES")
CSRF_COOKIE_SECURE = env_flag("SECURE_COOKIES")
if env_flag("BEHIND_TLS_PROXY"):
    # Absolute URLs (W3C annotation ids, join links) must say https when a proxy terminates TLS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_flag("HSTS_PRELOAD")
# Preloading HSTS is a decision for whoever owns the school's whole domain, not for one site on it.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Scripts and styles only from our own files: no inline <script>, style="…", on…= handlers or eval
# (htmx is told the same in base.html). Django 5.2's admin needs nothing more.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
# Powerful browser features the site never uses are switched off for it and anything it might embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
