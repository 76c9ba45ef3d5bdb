"""Crosscheck under a realistic class: response times of the pages that grow with the class.

`make bench` runs this. For each class size (40, then 160 students) it seeds a fresh SQLite database
in a temporary folder — the launch lesson (four Pokrovsk reports), its reference key, one teacher, the
class, and 60 highlights per student per article on real words (bulk_create, valid selectors) — then
serves the app under gunicorn with production settings (DEBUG off, a random SECRET_KEY, 2 workers,
127.0.0.1 on a free port), logs a student and the teacher in through the real login form (CSRF and
all), and times a bounded number of requests per page. It prints the median and p95 in milliseconds
and each median as a multiple of /healthz's from the same run (so machines can be compared), stops
the server and removes the folder. Loopback only; nothing outside the temporary folder is touched.

    .venv/bin/python benchmarks/pages.py [--sizes 40 160] [--requests 30] [--per-article 60]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PASSWORD = "bench-password-42"
WARMUP = 3


# --- seeding (runs in a child process with the benchmark's database) --------------------------------


def seed(students: int, per_article: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teaching.settings")
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction

    from teaching import categories as category_defs
    from teaching.models import (
        Annotation,
        Assignment,
        Classroom,
        Enrollment,
        KeyItem,
        Lesson,
        ReferenceKey,
        Submission,
        User,
    )
    from teaching.text.anchoring import select

    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("migrate", verbosity=0, stdout=quiet)
    call_command("load_launch_lesson", stdout=quiet)
    lesson = Lesson.objects.get(title="Pokrovsk: four reports")
    lesson_articles = list(lesson.lesson_articles.select_related("article").order_by("position"))
    teacher = User.objects.create(
        username="bench_teacher", role=User.Role.TEACHER, password=make_password(PASSWORD), first_name="Ada"
    )
    key_source = _load_key(call_command, quiet, lesson, lesson_articles, teacher, ReferenceKey, KeyItem, select)

    rng = random.Random(20240611)
    hashed = make_password(PASSWORD)  # one hash for everybody: seeding 160 PBKDF2 hashes would take minutes
    with transaction.atomic():
        classroom = Classroom.objects.create(name="Bench class", teacher=teacher)
        users = User.objects.bulk_create(
            [User(username=f"bench_s{i:03d}", role=User.Role.STUDENT, password=hashed) for i in range(students)]
        )
        Enrollment.objects.bulk_create([Enrollment(classroom=classroom, student=u) for u in users])
        assignment = Assignment.objects.create(
            classroom=classroom, lesson=lesson, categories=list(category_defs.VALUES), instructions="Benchmark."
        )
        # The first student is still working (so they can save); everybody else has submitted.
        submissions = Submission.objects.bulk_create(
            [
                Submission(assignment=assignment, student=u, status="in_progress" if n == 0 else "submitted")
                for n, u in enumerate(users)
            ]
        )
        words = {}
        for la in lesson_articles:
            text = la.article.body_text
            words[la.article_id] = (text, [m.span() for m in re.finditer(r"[^\W_]+(?:[’'.,:-][^\W_]+)*", text)])
        batch = []
        for sub in submissions:
            for la in lesson_articles:
                text, spans = words[la.article_id]
                revision = la.article.current_revision
                for _ in range(per_article):
                    first = rng.randrange(len(spans))
                    last = min(len(spans) - 1, first + rng.randint(0, 7))
                    start, end = spans[first][0], spans[last][1]
                    sel = select(text, start, end, text[start:end])
                    batch.append(
                        Annotation(
                            submission=sub,
                            article=la.article,
                            revision=revision,
                            category=rng.choice(category_defs.VALUES),
                            start=sel.start,
                            end=sel.end,
                            exact=sel.exact,
                            prefix=sel.prefix,
                            suffix=sel.suffix,
                        )
                    )
            if len(batch) > 5000:
                Annotation.objects.bulk_create(batch)
                batch = []
        Annotation.objects.bulk_create(batch)
    first_text, first_words = words[lesson_articles[0].article_id]
    return {
        "assignment": assignment.pk,
        "position": lesson_articles[0].position,
        "student": users[0].username,
        "teacher": teacher.username,
        "annotations": Annotation.objects.count(),
        "key_items": KeyItem.objects.count(),
        "key_source": key_source,
        "save_spans": [(s, e, first_text[s:e]) for s, e in first_words[10:200:3]],
    }


def _load_key(call_command, quiet, lesson, lesson_articles, teacher, ReferenceKey, KeyItem, select) -> str:
    """The launch key if its command exists; otherwise one built from the suggester (same scale)."""
    from django.core.management import get_commands

    if "load_launch_key" in get_commands():
        call_command("load_launch_key", stdout=quiet)
        if KeyItem.objects.filter(key__lesson=lesson).exists():
            return "launch key (load_launch_key)"
    from teaching.text.suggestions import suggest

    key, _ = ReferenceKey.objects.get_or_create(lesson=lesson)
    category_of = {"numbers": "numbers", "sourcing": "sourcing", "quotation": "rhetoric"}
    items = []
    for la in lesson_articles:
        text = la.article.body_text
        for s in suggest(text)[:25]:
            sel = select(text, s.start, s.end, text[s.start : s.end])
            items.append(
                KeyItem(
                    key=key,
                    article=la.article,
                    revision=la.article.current_revision,
                    category=category_of.get(s.kind, "numbers"),
                    start=sel.start,
                    end=sel.end,
                    exact=sel.exact,
                    prefix=sel.prefix,
                    suffix=sel.suffix,
                    explanation=s.label or "Suggested.",
                    created_by=teacher,
                )
            )
    KeyItem.objects.bulk_create(items)
    return "built from the suggester (load_launch_key not available yet)"


# --- serving and timing -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects (each request is timed alone)."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), self._NoRedirect)

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.jar if c.name == name), "")

    def request(self, path: str, data: dict | None = None, headers: dict | None = None) -> tuple[int, bytes]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(req, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def login(self, username: str) -> None:
        status, page = self.request("/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        status, _ = self.request(
            "/accounts/login/",
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            {"Referer": self.base + "/accounts/login/"},
        )
        if status != 302 or not self.cookie("sessionid"):
            raise SystemExit(f"Login failed for {username} (HTTP {status}).")


class Failed(Exception):
    pass


def timed(name: str, call, count: int) -> list[float]:
    out = []
    for n in range(WARMUP + count):
        t0 = time.perf_counter()
        status = call()
        elapsed = (time.perf_counter() - t0) * 1000
        if status != 200:
            raise Failed(f"{name}: HTTP {status}")
        if n >= WARMUP:
            out.append(elapsed)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run_size(students: int, per_article: int, count: int) -> list[tuple[str, float, float]]:
    folder = Path(tempfile.mkdtemp(prefix="crosscheck-bench-"))
    env = {
        **os.environ,
        "SQLITE_PATH": str(folder / "bench.sqlite3"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DEBUG", None)
    env.pop("DATABASE_URL", None)
    server = None
    try:
        t0 = time.perf_counter()
        out = subprocess.run(
            [PYTHON, __file__, "--seed-only", str(students), "--per-article", str(per_article)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode:
            raise SystemExit(f"Seeding failed:\n{out.stderr[-3000:]}")
        info = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"\n{students} students: {info['annotations']:,} highlights, {info['key_items']} key items "
            f"({info['key_source']}); seeded in {time.perf_counter() - t0:.1f} s"
        )
        port = free_port()
        gunicorn = str(Path(PYTHON).with_name("gunicorn"))
        server = subprocess.Popen(
            [
                gunicorn,
                "teaching.wsgi:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "error",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 30
        while True:
            try:
                if Browser(base).request("/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit(
                    "gunicorn did not start:\n" + (server.stderr.read().decode()[-3000:] if server.stderr else "")
                )
            time.sleep(0.2)

        pk, position = info["assignment"], info["position"]
        student, teacher, anonymous = Browser(base), Browser(base), Browser(base)
        student.login(info["student"])
        teacher.login(info["teacher"])
        spans = iter(info["save_spans"] * 3)

        def save():
            start, end, exact = next(spans)
            status, _ = student.request(
                f"/assignments/{pk}/articles/{position}/annotations/",
                {"category": "numbers", "start": start, "end": end, "exact": exact},
                {"X-CSRFToken": student.cookie("csrftoken"), "HX-Request": "true", "Referer": base + "/"},
            )
            return status

        pages = [
            ("/healthz", lambda: anonymous.request("/healthz")[0]),
            ("student reading view", lambda: student.request(f"/assignments/{pk}/articles/{position}/")[0]),
            ("save a highlight (POST)", save),
            ("teacher review", lambda: teacher.request(f"/assignments/{pk}/review/")[0]),
            ("heatmap", lambda: teacher.request(f"/assignments/{pk}/class/articles/{position}/")[0]),
            ("key-item table", lambda: teacher.request(f"/assignments/{pk}/key-items/")[0]),
        ]
        results = []
        for name, call in pages:
            try:
                times = timed(name, call, count)
            except Failed as error:
                server.send_signal(signal.SIGTERM)
                log = server.stderr.read().decode(errors="replace")[-4000:]
                raise SystemExit(f"{error}\n{log}") from None
            results.append((name, statistics.median(times), p95(times)))
        health = results[0][1]
        print(f"  {'page':<26}{'median ms':>10}{'p95 ms':>9}{'× /healthz':>12}")
        for name, median, high in results:
            print(f"  {name:<26}{median:>10.1f}{high:>9.1f}{median / health:>12.1f}")
        return results
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[40, 160], help="class sizes to measure")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (after 3 warm-ups)")
    parser.add_argument("--per-article", type=int, default=60, help="highlights per student per article")
    parser.add_argument("--seed-only", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_only is not None:
        print(json.dumps(seed(args.seed_only, args.per_article)))
        return
    print(
        f"Crosscheck HTTP benchmark: gunicorn, 2 workers, production settings, SQLite; "
        f"{args.requests} timed requests per page, sequential, on 127.0.0.1."
    )
    all_results = {size: run_size(size, args.per_article, args.requests) for size in args.sizes}
    if len(args.sizes) > 1:
        small, large = args.sizes[0], args.sizes[-1]
        print(f"\nGrowth from {small} to {large} students (median, × {large / small:.0f} the class):")
        for (name, a, _), (_, b, _) in zip(all_results[small], all_results[large], strict=True):
            print(f"  {name:<26}{a:>8.1f} → {b:>7.1f} ms  (× {b / a:.1f})")
    reanchor = ROOT / "benchmarks" / "reanchor.py"
    if reanchor.exists():
        print("\nRe-anchoring (benchmarks/reanchor.py):")
        sys.stdout.flush()
        subprocess.run([PYTHON, str(reanchor)], cwd=ROOT, check=False)
    else:
        print("\nbenchmarks/reanchor.py is not there yet: re-anchoring figures skipped.")


if __name__ == "__main__":
    main()
