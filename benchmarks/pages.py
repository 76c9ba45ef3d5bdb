"""Crosscheck under a realistic class: every figure of issue 13 with its target, met or missed.

`make bench` runs this. For each class size (40, then 160 students) it seeds a fresh SQLite database
in a temporary folder — the launch lesson (four Pokrovsk reports), its reference key, one teacher, the
class, and 60 highlights per student per article on real words (bulk_create, valid selectors), except
two students still at work: one with 200 highlights in the longest article, one with 5 — then serves
the app under gunicorn with production settings (DEBUG off, a random SECRET_KEY, 2 workers, 127.0.0.1
on a free port), logs the students and the teacher in through the real login form (CSRF and all), and
times each page in interleaved rounds: the reading view and the API collection with 200 highlights,
a save by the browser's path (htmx POST) and by the JSON API at 5 and at 200 highlights (each saved
highlight is deleted again, untimed, so the counts stay put), the teacher's review, the heatmap, the
key-item table and a student's scores. It prints the median and p95 in milliseconds, each median as a
multiple of /healthz's from the same run (so machines can be compared) with its target, and the growth
from 40 to 160 students. With the first size it also opens the reading view in headless Chromium
(Playwright): bytes transferred cold and whether every text response is compressed, and the time from
navigation until the text and all 200 highlights are painted, warm. Then re-anchoring 1,000 highlights
(benchmarks/reanchor.py). It stops the server and removes the folder. Loopback only; nothing outside
the temporary folder is touched.

    .venv/bin/python benchmarks/pages.py [--sizes 40 160] [--requests 30] [--per-article 60] [--browser-loads 15]
                                         [--only save,reading,collection,…]

`--only` measures just the parts named, comma-separated (save, reading, collection, review, heatmap,
key-items, scores, browser, reanchor, corrections); /healthz is always timed in the same rounds, so
the ratios stay honest.
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
import sqlite3
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
    from django.urls import reverse

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
    call_command("collectstatic", "--noinput", verbosity=0, stdout=quiet)
    call_command("load_launch_lesson", stdout=quiet)
    lesson = Lesson.objects.get(title="Pokrovsk: four reports")
    lesson_articles = list(lesson.lesson_articles.select_related("article").order_by("position"))
    longest = max(lesson_articles, key=lambda la: len(la.article.body_text))
    teacher = User.objects.create(
        username="bench_teacher", role=User.Role.TEACHER, password=make_password(PASSWORD), first_name="Ada"
    )
    key_source = _load_key(call_command, quiet, lesson, lesson_articles, teacher, ReferenceKey, KeyItem, select)

    rng = random.Random(20240611)
    hashed = make_password(PASSWORD)  # one hash for everybody: seeding 160 PBKDF2 hashes would take minutes
    words = {}
    for la in lesson_articles:
        text = la.article.body_text
        words[la.article_id] = (text, [m.span() for m in re.finditer(r"[^\W_]+(?:[’'.,:-][^\W_]+)*", text)])
    long_text, long_words = words[longest.article_id]
    # Saves during the run go on words 10, 13, 16, …: never a span a seeded highlight already has.
    save_spans = [(s, e, long_text[s:e]) for s, e in long_words[10:130:3]]
    taken = {(s, e) for s, e, _ in save_spans}

    def random_highlight(sub, la) -> Annotation:
        text, spans = words[la.article_id]
        while True:
            first = rng.randrange(len(spans))
            last = min(len(spans) - 1, first + rng.randint(0, 7))
            start, end = spans[first][0], spans[last][1]
            if (start, end) not in taken:
                break
        sel = select(text, start, end, text[start:end])
        return Annotation(
            submission=sub,
            article=la.article,
            revision=la.article.current_revision,
            category=rng.choice(category_defs.VALUES),
            start=sel.start,
            end=sel.end,
            exact=sel.exact,
            prefix=sel.prefix,
            suffix=sel.suffix,
        )

    with transaction.atomic():
        classroom = Classroom.objects.create(name="Bench class", teacher=teacher)
        users = User.objects.bulk_create(
            [User(username=f"bench_s{i:03d}", role=User.Role.STUDENT, password=hashed) for i in range(students)]
        )
        Enrollment.objects.bulk_create([Enrollment(classroom=classroom, student=u) for u in users])
        assignment = Assignment.objects.create(
            classroom=classroom, lesson=lesson, categories=list(category_defs.VALUES), instructions="Benchmark."
        )
        # Two students are still working (so they can save): the first has 200 highlights in the longest
        # article, the second 5; everybody else has submitted, with `per_article` in every article.
        submissions = Submission.objects.bulk_create(
            [
                Submission(assignment=assignment, student=u, status="in_progress" if n < 2 else "submitted")
                for n, u in enumerate(users)
            ]
        )
        batch = [random_highlight(submissions[0], longest) for _ in range(200)]
        batch += [random_highlight(submissions[1], longest) for _ in range(5)]
        for sub in submissions[2:]:
            for la in lesson_articles:
                batch += [random_highlight(sub, la) for _ in range(per_article)]
            if len(batch) > 5000:
                Annotation.objects.bulk_create(batch)
                batch = []
        Annotation.objects.bulk_create(batch)
    return {
        "assignment": assignment.pk,
        "position": longest.position,
        "article": longest.article_id,
        "article_title": longest.article.title,
        "article_url": reverse("articles:article_detail", args=[longest.article_id]),
        "many": {"username": users[0].username, "submission": submissions[0].pk, "highlights": 200},
        "few": {"username": users[1].username, "submission": submissions[1].pk, "highlights": 5},
        "scored": submissions[2].pk,
        "teacher": teacher.username,
        "annotations": Annotation.objects.count(),
        "key_items": KeyItem.objects.count(),
        "key_source": key_source,
        "save_spans": save_spans,
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

    def request(
        self,
        path: str,
        data: dict | None = None,
        headers: dict | None = None,
        *,
        json_body: dict | None = None,
        method: str | None = None,
    ) -> tuple[int, bytes]:
        headers = dict(headers or {})
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/ld+json"
        req = urllib.request.Request(self.base + path, data=body, headers=headers, method=method)
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


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# --- targets (issue 13): every figure is printed with its target and whether it is met ---------------

# page name → the largest median allowed, as a multiple of /healthz's median in the same run
TARGET_X = {
    "student reading view (200)": 15,
    "API collection (200)": 8,
    "save, browser path (5 in article)": 6,
    "save, browser path (200 in article)": 6,
    "save, API (5 in article)": 6,
    "save, API (200 in article)": 6,
    "teacher review": 25,
    "heatmap": 25,
    "key-item table": 25,
    "a student's scores": 25,
}
CLASS_PAGES = ["teacher review", "heatmap", "key-item table", "a student's scores"]
MAX_GROWTH = 1.3  # 40 → 160 students, and a save at 200 highlights against one at 5
BROWSER_PAINT_MS = 150
BROWSER_COLD_KB = 300
REANCHOR_MS = 100


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "MISSED")


class Row:
    def __init__(self, name: str, times: list[float]):
        self.name, self.times = name, times
        self.median, self.p95 = statistics.median(times), p95(times)


def timed_rounds(pages: list[tuple[str, object]], count: int) -> list[Row]:
    """Interleaved rounds (every page once per round), so a burst of load on the shared machine touches
    every page alike and the ratios to /healthz stay fair. The first WARMUP rounds are not counted."""
    times: dict[str, list[float]] = {name: [] for name, _ in pages}
    for n in range(WARMUP + count):
        for name, call in pages:
            elapsed, status = call()
            if status not in (200, 201):
                raise Failed(f"{name}: HTTP {status}")
            if n >= WARMUP:
                times[name].append(elapsed)
    return [Row(name, times[name]) for name, _ in pages]


def clock(request) -> tuple[float, int]:
    t0 = time.perf_counter()
    status = request()
    return (time.perf_counter() - t0) * 1000, status


# --- the browser: the reading view with 200 highlights in Chromium -----------------------------------

PAINTED_JS = """async (expected) => {
  const ids = () => {
    const seen = new Set();
    for (const el of document.querySelectorAll('[data-annotation-ids], [data-annotation-id]')) {
      const value = el.dataset.annotationIds || el.dataset.annotationId || '';
      for (const id of value.split(' ')) if (id) seen.add(id);
    }
    return seen.size;
  };
  while (ids() < expected) await new Promise((resolve) => setTimeout(resolve, 1));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return performance.now();
}"""

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/ld+json", "image/svg+xml")


def find_chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/lib/chromium/chromium", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def measure_browser(base: str, session: dict[str, str], path: str, expected: int, warm_loads: int) -> dict:
    """Cold: bytes over the wire for the first visit (fresh cache), and which responses were not compressed.
    Warm: ms from navigation start until the text and every highlight are painted (two frames after the
    last mark exists), median of ``warm_loads`` reloads with the cache filled, each started once the one
    before has loaded. No request routing: it would
    turn Playwright's HTTP cache off."""
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    launch = {
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ]
    }
    if chromium:
        launch["executable_path"] = chromium
    with sync_playwright() as pw:
        browser = pw.chromium.launch(**launch)
        try:
            context = browser.new_context()
            context.add_cookies([{"name": k, "value": v, "url": base} for k, v in session.items()])
            page = context.new_page()
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.goto(base + path, wait_until="load")
            page.evaluate(PAINTED_JS, expected)
            page.wait_for_load_state("networkidle")
            total, uncompressed = 0, []
            for response in responses:
                sizes = response.request.sizes()
                total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
                kind = (response.headers.get("content-type") or "").split(";")[0]
                encoding = response.headers.get("content-encoding", "")
                if sizes["responseBodySize"] > 0 and kind.startswith(COMPRESSIBLE) and encoding not in ("gzip", "br"):
                    uncompressed.append(f"{urllib.parse.urlsplit(response.url).path} ({kind})")
            cold = {"requests": len(responses), "bytes": total, "uncompressed": uncompressed}
            warm, warm_requests = [], []
            for _ in range(WARMUP + warm_loads):
                responses.clear()
                page.goto(base + path, wait_until="commit")
                painted = page.evaluate(PAINTED_JS, expected)
                # The page may show its highlights before it has finished loading (they come drawn in the
                # HTML): let it finish before the next load, so no load is measured while the previous one's
                # leftover work (the rest of the page, its scripts) still holds the renderer.
                page.wait_for_load_state("load")
                warm.append(painted)
                warm_requests.append(len(responses))
            warm = warm[WARMUP:]
            return {
                "cold": cold,
                "warm_median": statistics.median(warm),
                "warm_p95": p95(warm),
                "warm_requests": statistics.median(warm_requests[WARMUP:]),
            }
        finally:
            browser.close()


# --- one class size ----------------------------------------------------------------------------------


def start_server(env: dict, port: int) -> subprocess.Popen:
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
                return server
        except OSError:
            pass
        if time.time() > deadline or server.poll() is not None:
            raise SystemExit(
                "gunicorn did not start:\n" + (server.stderr.read().decode()[-3000:] if server.stderr else "")
            )
        time.sleep(0.2)


# --only: which pages each part names (/healthz is always measured)
PARTS = {
    "reading": ["student reading view (200)"],
    "collection": ["API collection (200)"],
    "save": [
        "save, browser path (5 in article)",
        "save, browser path (200 in article)",
        "save, API (5 in article)",
        "save, API (200 in article)",
    ],
    "review": ["teacher review"],
    "heatmap": ["heatmap"],
    "key-items": ["key-item table"],
    "scores": ["a student's scores"],
}
OTHER_PARTS = ("browser", "reanchor", "corrections")


def parse_only(value: str | None) -> set[str] | None:
    if not value:
        return None
    parts = {part.strip() for part in value.split(",") if part.strip()}
    unknown = parts - set(PARTS) - set(OTHER_PARTS)
    if unknown:
        raise SystemExit(
            f"--only: unknown part(s) {', '.join(sorted(unknown))}; known: {', '.join([*PARTS, *OTHER_PARTS])}"
        )
    return parts


def run_size(students: int, per_article: int, count: int, browser_loads: int, only: set[str] | None = None) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="crosscheck-bench-"))
    database = folder / "bench.sqlite3"
    env = {
        **os.environ,
        "SQLITE_PATH": str(database),
        "STATIC_ROOT": str(folder / "static"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(ROOT),
    }
    for name in ("DEBUG", "DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
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
            f"({info['key_source']}); seeded in {time.perf_counter() - t0:.1f} s.\n"
            f"  Reading view, saves and API on “{info['article_title']}” (the longest launch article): one student "
            f"with 200 highlights in it, one with 5; everybody else {per_article} per article."
        )
        port = free_port()
        server = start_server(env, port)
        base = f"http://127.0.0.1:{port}"
        db = sqlite3.connect(database, timeout=20)
        pk, position = info["assignment"], info["position"]
        teacher, anonymous = Browser(base), Browser(base)
        teacher.login(info["teacher"])
        students_by_load = {}
        for load in ("many", "few"):
            browser = Browser(base)
            browser.login(info[load]["username"])
            students_by_load[load] = browser
        spans = info["save_spans"]
        turn = {"n": 0}

        def next_span():
            turn["n"] += 1
            return spans[turn["n"] % len(spans)]

        def forget(submission: int, start: int, end: int, student: Browser) -> None:
            """Delete the highlight just saved (untimed, through the API) so the count stays at 5 or 200."""
            row = db.execute(
                'SELECT id FROM teaching_annotation WHERE submission_id = ? AND start = ? AND "end" = ?',
                (submission, start, end),
            ).fetchone()
            if row is None:
                raise Failed(f"the highlight saved at {start}–{end} is not in the database")
            status, _ = student.request(
                f"/api/annotations/{row[0]}/", headers={"X-CSRFToken": student.cookie("csrftoken")}, method="DELETE"
            )
            if status != 204:
                raise Failed(f"deleting highlight {row[0]}: HTTP {status}")

        def browser_save(load: str):
            student, submission = students_by_load[load], info[load]["submission"]

            def call():
                start, end, exact = next_span()
                result = clock(
                    lambda: student.request(
                        f"/assignments/{pk}/articles/{position}/annotations/",
                        {
                            "category": "numbers",
                            "start": start,
                            "end": end,
                            "exact": exact,
                            "client_key": secrets.token_hex(8),
                        },
                        {"X-CSRFToken": student.cookie("csrftoken"), "HX-Request": "true", "Referer": base + "/"},
                    )[0]
                )
                forget(submission, start, end, student)
                return result

            return call

        def api_save(load: str):
            student, submission = students_by_load[load], info[load]["submission"]

            def call():
                start, end, exact = next_span()
                body = {
                    "@context": "http://www.w3.org/ns/anno.jsonld",
                    "type": "Annotation",
                    "motivation": "highlighting",
                    "body": [{"type": "TextualBody", "purpose": "tagging", "value": "numbers"}],
                    "target": {
                        "source": base + info["article_url"],
                        "selector": [
                            {"type": "TextQuoteSelector", "exact": exact},
                            {"type": "TextPositionSelector", "start": start, "end": end},
                        ],
                    },
                }
                result = clock(
                    lambda: student.request(
                        f"/api/assignments/{pk}/annotations/",
                        json_body=body,
                        headers={"X-CSRFToken": student.cookie("csrftoken")},
                    )[0]
                )
                forget(submission, start, end, student)
                return result

            return call

        many = students_by_load["many"]
        pages = [
            ("/healthz", lambda: clock(lambda: anonymous.request("/healthz")[0])),
            (
                "student reading view (200)",
                lambda: clock(lambda: many.request(f"/assignments/{pk}/articles/{position}/")[0]),
            ),
            ("API collection (200)", lambda: clock(lambda: many.request(f"/api/assignments/{pk}/annotations/")[0])),
            ("save, browser path (5 in article)", browser_save("few")),
            ("save, browser path (200 in article)", browser_save("many")),
            ("save, API (5 in article)", api_save("few")),
            ("save, API (200 in article)", api_save("many")),
            ("teacher review", lambda: clock(lambda: teacher.request(f"/assignments/{pk}/review/")[0])),
            (
                "heatmap",
                lambda: clock(lambda: teacher.request(f"/assignments/{pk}/class/articles/{position}/")[0]),
            ),
            ("key-item table", lambda: clock(lambda: teacher.request(f"/assignments/{pk}/key-items/")[0])),
            (
                "a student's scores",
                lambda: clock(lambda: teacher.request(f"/submissions/{info['scored']}/scores/")[0]),
            ),
        ]
        if only is not None:
            wanted = {"/healthz"} | {name for part in only & set(PARTS) for name in PARTS[part]}
            pages = [(name, call) for name, call in pages if name in wanted]
        try:
            rows = timed_rounds(pages, count)
        except Failed as error:
            server.send_signal(signal.SIGTERM)
            log = server.stderr.read().decode(errors="replace")[-4000:]
            raise SystemExit(f"{error}\n{log}") from None
        health = rows[0].median
        print(f"  {'page':<38}{'median ms':>10}{'p95 ms':>9}{'× /healthz':>12}{'target':>10}  verdict")
        for row in rows:
            limit = TARGET_X.get(row.name)
            ratio = row.median / health
            shown = f"≤ {limit}×" if limit else ""
            print(
                f"  {row.name:<38}{row.median:>10.1f}{row.p95:>9.1f}{ratio:>12.1f}{shown:>10}  "
                f"{verdict(ratio <= limit if limit else None)}"
            )
        by_name = {row.name: row for row in rows}
        for path in ("browser path", "API"):
            if f"save, {path} (5 in article)" not in by_name:
                continue
            few, lots = by_name[f"save, {path} (5 in article)"], by_name[f"save, {path} (200 in article)"]
            ratio = lots.median / few.median
            print(
                f"  save ({path}) at 200 highlights ÷ at 5: × {ratio:.2f} "
                f"(target ≤ {MAX_GROWTH}: the cost does not grow with the highlights) — {verdict(ratio <= MAX_GROWTH)}"
            )
        result = {"rows": rows, "health": health}
        if browser_loads:
            session = {"sessionid": many.cookie("sessionid"), "csrftoken": many.cookie("csrftoken")}
            try:
                found = measure_browser(
                    base, session, f"/assignments/{pk}/articles/{position}/", 200, warm_loads=browser_loads
                )
            except Exception as error:  # noqa: BLE001 — a missing Chromium must not hide the HTTP figures
                print(f"\n  Browser measurement failed: {type(error).__name__}: {str(error)[:300]}")
            else:
                result["browser"] = found
                print_browser(found)
        return result
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        shutil.rmtree(folder, ignore_errors=True)


def print_browser(found: dict) -> None:
    cold, kb = found["cold"], found["cold"]["bytes"] / 1024
    print("\n  In Chromium (headless, Playwright; the reading view with 200 highlights):")
    print(
        f"    warm: text and all 200 highlights painted {found['warm_median']:.0f} ms after navigation "
        f"(median; p95 {found['warm_p95']:.0f} ms; {found['warm_requests']:.0f} requests) — "
        f"target ≤ {BROWSER_PAINT_MS} ms — {verdict(found['warm_median'] <= BROWSER_PAINT_MS)}"
    )
    print(
        f"    cold: {kb:.0f} KB transferred in {cold['requests']} requests — target ≤ {BROWSER_COLD_KB} KB — "
        f"{verdict(kb <= BROWSER_COLD_KB)}"
    )
    if cold["uncompressed"]:
        print(f"    not compressed ({len(cold['uncompressed'])}): " + ", ".join(cold["uncompressed"][:8]) + " — MISSED")
    else:
        print("    every text response compressed (gzip or br) — met")


def run_reanchor() -> None:
    """benchmarks/reanchor.py, with its median held against the target."""
    print("\nRe-anchoring (benchmarks/reanchor.py):")
    out = subprocess.run(
        [PYTHON, str(ROOT / "benchmarks" / "reanchor.py")], cwd=ROOT, capture_output=True, text=True, check=False
    )
    print(out.stdout.rstrip() or out.stderr[-2000:])
    found = re.search(r"median ([\d.]+) ms", out.stdout)
    if found:
        ms = float(found.group(1))
        print(f"  target ≤ {REANCHOR_MS} ms for 1,000 highlights — {verdict(ms <= REANCHOR_MS)}")
    else:
        print("  target ≤ 100 ms — not measured")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[40, 160], help="class sizes to measure")
    parser.add_argument("--requests", type=int, default=30, help="timed rounds per page (after 3 warm-ups)")
    parser.add_argument("--per-article", type=int, default=60, help="highlights per student per article")
    parser.add_argument("--browser-loads", type=int, default=15, help="warm loads in Chromium (0: skip)")
    parser.add_argument(
        "--only",
        help="comma-separated parts to measure (default: all): " + ",".join([*PARTS, *OTHER_PARTS]),
    )
    parser.add_argument("--seed-only", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_only is not None:
        print(json.dumps(seed(args.seed_only, args.per_article)))
        return
    print(
        f"Crosscheck benchmark: gunicorn, 2 workers, production settings, SQLite; {args.requests} timed rounds, "
        f"each page once per round (sequential, 127.0.0.1). Targets are medians as multiples of /healthz's."
    )
    only = parse_only(args.only)
    browser_loads = args.browser_loads if only is None or "browser" in only else 0
    results = {}
    for n, size in enumerate(args.sizes):
        # The browser figures do not depend on the class: measured once, with the first size.
        results[size] = run_size(size, args.per_article, args.requests, browser_loads if n == 0 else 0, only)
    if len(args.sizes) > 1:
        small, large = args.sizes[0], args.sizes[-1]
        print(f"\nGrowth from {small} to {large} students (median, × {large / small:.0f} the class):")
        print(f"  {'page':<38}{small:>6} →{large:>6} ms{'growth':>9}{'target':>9}  verdict")
        a_rows = {r.name: r for r in results[small]["rows"]}
        for row in results[large]["rows"]:
            a = a_rows[row.name]
            growth = row.median / a.median
            limit = MAX_GROWTH if row.name in CLASS_PAGES else None
            shown = f"≤ {limit}×" if limit else ""
            print(
                f"  {row.name:<38}{a.median:>6.1f} →{row.median:>6.1f}   × {growth:<5.2f}{shown:>9}  "
                f"{verdict(growth <= limit if limit else None)}"
            )
    if only is None or "reanchor" in only:
        run_reanchor()
    if only is not None and "corrections" not in only:
        return
    # Corrections through the service, with their writes, at 1,000 and 20,000 highlights.
    subprocess.run([PYTHON, str(ROOT / "benchmarks" / "corrections.py")], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
