import os
import shutil
import time
from io import StringIO

import pytest

# Playwright's sync API runs an event loop; Django's ORM refuses to run inside one unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from django.core.management import call_command  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # noqa: E402

from teaching.models import Lesson  # noqa: E402
from tests import factories  # noqa: E402
from tests.page_server import page_server  # noqa: E402,F401 — a local web server for the import tests


def _find_chromium() -> str | None:
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/lib/chromium/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.path.exists(candidate):
            return candidate
    return None  # fall back to Playwright's own download where one was installed


CHROMIUM = _find_chromium()
SCREENSHOTS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "screenshots")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {
        **browser_type_launch_args,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
    if CHROMIUM:
        args["executable_path"] = CHROMIUM
    return args


# Every page a browser test opens is checked against the Content-Security-Policy: the page reports each
# violation to the console (as Chromium does itself), and the test fails at teardown if there was one.
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline code"}`
    + ` at ${e.sourceFile || document.location.pathname}:${e.lineNumber}`);
});
"""


def _wait_without_eval(page) -> None:
    """Playwright's ``wait_for_function`` polls by eval-ing the expression inside the page, which the CSP
    rightly refuses (an EvalError whenever the condition is not true at once). Poll from outside instead:
    ``page.evaluate`` goes through the DevTools protocol, which the page's CSP does not govern."""

    def wait_for_function(expression, *, arg=None, timeout=None, polling=None):
        deadline = time.monotonic() + (30_000 if timeout is None else timeout) / 1000
        while True:
            value = page.evaluate(expression, arg)
            if value:
                return value
            if time.monotonic() > deadline:
                raise PlaywrightTimeoutError(f"wait_for_function: {expression!r} still false")
            page.wait_for_timeout(polling if isinstance(polling, (int, float)) else 50)

    page.wait_for_function = wait_for_function


@pytest.fixture(autouse=True)
def _no_csp_violations(request):
    """Automatic for every test that uses Playwright's ``page`` or ``context``: none may break the CSP."""
    if not {"page", "context"} & set(request.fixturenames):
        yield
        return
    context = request.getfixturevalue("context")
    violations: list[str] = []

    def on_console(message):
        text = message.text
        if message.type == "error" and ("CSP violation" in text or "Content Security Policy" in text):
            violations.append(f"{message.page.url if message.page else '?'}: {text}")

    context.add_init_script(script=_REPORT_CSP_VIOLATIONS)
    context.on("console", on_console)
    context.on("page", _wait_without_eval)
    yield violations
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def screenshot_dir() -> str:
    os.makedirs(SCREENSHOTS, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Each test starts with no failed logins or wrong class codes counted (teaching/throttle.py), and
    nothing kept in the default cache by another test (ids repeat once a test's rows are rolled back)."""
    from django.core.cache import caches

    caches["throttle"].clear()
    caches["default"].clear()


# Personas -------------------------------------------------------------------


@pytest.fixture
def teacher(db):
    return factories.TeacherFactory(username="ms_okafor", first_name="Ada", last_name="Okafor")


@pytest.fixture
def other_teacher(db):
    return factories.TeacherFactory(username="mr_novak")


@pytest.fixture
def admin_user(db):
    return factories.AdminFactory(username="admin")


@pytest.fixture
def classroom(teacher):
    return factories.ClassroomFactory(teacher=teacher, name="Year 10 Media")


@pytest.fixture
def student(classroom):
    s = factories.StudentFactory(username="sam")
    factories.EnrollmentFactory(classroom=classroom, student=s)
    return s


@pytest.fixture
def other_student(classroom):
    s = factories.StudentFactory(username="riya")
    factories.EnrollmentFactory(classroom=classroom, student=s)
    return s


@pytest.fixture
def removed_student(classroom):
    """A student the class no longer has (their enrolment ended). Their work stays — the teacher still sees
    it and an admin can enrol them again — but they may not open the class's material or change anything."""
    s = factories.StudentFactory(username="rami")
    factories.EnrollmentFactory(classroom=classroom, student=s).delete()
    return s


@pytest.fixture
def outsider(db):
    """A student in no class at all."""
    return factories.StudentFactory(username="outsider")


@pytest.fixture
def pokrovsk(db):
    """The launch lesson, loaded as `manage.py load_launch_lesson` loads it."""
    call_command("load_launch_lesson", stdout=StringIO())
    return Lesson.objects.get(title="Pokrovsk: four reports")


@pytest.fixture
def article(db):
    return factories.ArticleFactory()


@pytest.fixture
def lesson(article, teacher):
    """`teacher`'s own lesson (so its key is theirs to edit)."""
    lesson = factories.LessonFactory(owner=teacher)
    factories.LessonArticleFactory(lesson=lesson, article=article, position=1)
    return lesson


@pytest.fixture
def assignment(classroom, lesson):
    return factories.AssignmentFactory(classroom=classroom, lesson=lesson)


@pytest.fixture
def submission(assignment, student):
    return factories.SubmissionFactory(assignment=assignment, student=student)


# Logged-in test clients (pytest-django's own `admin_client` logs in the `admin_user` above) ---------


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


@pytest.fixture
def student_client(client, student):
    client.force_login(student)
    return client


# Browser helpers --------------------------------------------------------------


@pytest.fixture
def login_as(live_server, context, client):
    """Log `user` into the Playwright browser context without typing (for tests not about logging in)."""
    from django.conf import settings

    def _login(user):
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
        return user

    return _login


@pytest.fixture(scope="session", autouse=True)
def _release_test_database(request, django_db_setup, django_db_blocker):
    """On PostgreSQL, end sessions that live-server request threads still hold before the test database is
    dropped: daemon threads can outlive a browser test's page by a moment, and DROP DATABASE refuses while
    anyone is connected. (SQLite's test database is in memory; nothing to do.)"""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
