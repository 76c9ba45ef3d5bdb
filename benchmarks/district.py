"""`make district`: Crosscheck as a district runs it — in miniature, on this machine's loopback.

PostgreSQL (the machine's, a database of our own), Redis (the machine's, a db number of our own) as the
shared cache and session store, three gunicorn app servers (deploy/gunicorn.conf.py) and nginx in front
(Debian's; installed if missing, as `make chromium` does; run in the foreground with a config, pid and
logs of our own in var/district/). Then a headless locust run (benchmarks/district_locustfile.py):
300 students log in, read and save 20 highlights each while the teacher reloads the review; one app
server is killed mid-run and restarted. It prints requests, errors and p50/p95 per page, which 5xx
answers came from the killed server's requests in flight, and checks the database: every highlight a
client was told was saved is there exactly once. Then it stops everything it started, drops its
database and empties its Redis db. Bounded: the load stops after --max-minutes whatever happens.

    .venv/bin/python benchmarks/district.py [--students 300] [--saves 20] [--port 8170]
        [--database crosscheck_district] [--redis redis://127.0.0.1:6379/0]

Logins use the fast (MD5) password hasher: the run measures the app, not 300 PBKDF2 hashes on a
two-core laptop (about 0.3 s of CPU each). Real deployments keep PBKDF2.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
PASSWORD = "district-password-42"
PREFIX = "district_s"
# A request in flight when a server is killed fails at once (connection reset): nginx logs its 502 then.
IN_FLIGHT_SECONDS = 5


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- seeding (a child process with the district's settings) ------------------------------------------


def seed(students: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teaching.settings")
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction

    from teaching import categories as category_defs
    from teaching.models import Assignment, Classroom, Enrollment, Lesson, User

    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("load_launch_lesson", stdout=quiet)
    call_command("load_launch_key", stdout=quiet)
    lesson = Lesson.objects.get(title="Pokrovsk: four reports")
    hashed = make_password(PASSWORD)
    with transaction.atomic():
        teacher = User.objects.create(username="district_teacher", role=User.Role.TEACHER, password=hashed)
        classroom = Classroom.objects.create(name="District class", teacher=teacher)
        users = User.objects.bulk_create(
            [User(username=f"{PREFIX}{i:03d}", role=User.Role.STUDENT, password=hashed) for i in range(students)]
        )
        Enrollment.objects.bulk_create([Enrollment(classroom=classroom, student=u) for u in users])
        assignment = Assignment.objects.create(
            classroom=classroom, lesson=lesson, categories=list(category_defs.VALUES), instructions="District run."
        )
    spans = {}
    for la in lesson.lesson_articles.select_related("article").order_by("position"):
        text = la.article.body_text
        words = [m.span() for m in re.finditer(r"[^\W_]+(?:[’'.,:-][^\W_]+)*", text)]
        # Two-word spans on every third word: distinct, on real words, like a student's selection.
        spans[str(la.position)] = [
            (words[i][0], words[i + 1][1], text[words[i][0] : words[i + 1][1]]) for i in range(0, len(words) - 1, 3)
        ]
    return {
        "assignment": assignment.pk,
        "teacher": teacher.username,
        "password": PASSWORD,
        "prefix": PREFIX,
        "students": students,
        "categories": list(category_defs.VALUES),
        "spans": spans,
    }


def check(saved_file: Path) -> dict:
    """Every confirmed save is in the database exactly once; nothing is there twice."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teaching.settings")
    import django

    django.setup()
    from django.db.models import Count

    from teaching.models import Annotation

    confirmed = [json.loads(line) for line in saved_file.read_text().splitlines() if line.strip()]
    rows = Annotation.objects.filter(submission__student__username__startswith=PREFIX)
    by_key = {}
    for username, key, start, end, category in rows.values_list(
        "submission__student__username", "client_key", "start", "end", "category"
    ):
        by_key.setdefault((username, key), []).append((start, end, category))
    lost = [c for c in confirmed if (c["student"], c["client_key"]) not in by_key]
    wrong = [
        c
        for c in confirmed
        if (c["student"], c["client_key"]) in by_key
        and by_key[(c["student"], c["client_key"])] != [(c["start"], c["end"], c["category"])]
    ]
    duplicated = (
        rows.values("submission_id", "article_id", "start", "end", "category").annotate(n=Count("id")).filter(n__gt=1)
    )
    told = {(c["student"], c["client_key"]) for c in confirmed}
    return {
        "confirmed": len(confirmed),
        "retried": sum(1 for c in confirmed if c["attempts"] > 1),
        "in_database": rows.count(),
        "lost": len(lost),
        "wrong": len(wrong),
        "duplicated": duplicated.count(),
        "unconfirmed_but_saved": sum(1 for k in by_key if k not in told),
    }


# --- the services -----------------------------------------------------------------------------------


def find_nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if found:
        return found
    if shutil.which("apt-get") and os.geteuid() == 0:
        log("nginx is not installed: installing Debian's package…")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=True, env=env, stdout=subprocess.DEVNULL)
        return "/usr/sbin/nginx"
    raise SystemExit("nginx is needed (Debian: apt-get install nginx) and could not be installed as this user.")


def postgres_ready(admin_url: str) -> None:
    import psycopg

    try:
        psycopg.connect(admin_url, connect_timeout=3).close()
        return
    except psycopg.OperationalError:
        pass
    clusters = shutil.which("pg_ctlcluster")
    if not clusters:
        raise SystemExit(f"PostgreSQL does not answer at {admin_url} and pg_ctlcluster is not installed.")
    log("PostgreSQL is not running: starting the machine's cluster on 127.0.0.1…")
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run([clusters, version, "main", "start", "-o", "-c listen_addresses=127.0.0.1"], check=True)
    psycopg.connect(admin_url, connect_timeout=10).close()


def recreate_database(admin_url: str, name: str, *, drop_only: bool = False) -> None:
    import psycopg

    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SystemExit(f"Refusing a database name like {name!r}.")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if not drop_only:
            conn.execute(f"CREATE DATABASE {name}")


def flush_redis(url: str) -> None:
    import redis

    client = redis.Redis.from_url(url, socket_timeout=3)
    client.ping()
    client.flushdb()
    client.close()


def wait_for(url: str, seconds: float) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


class Processes:
    """Everything this run starts, each in its own process group, stopped in reverse order at the end."""

    def __init__(self):
        self.running: dict[str, subprocess.Popen] = {}

    def start(self, name: str, command: list[str], *, env: dict, log_file: Path) -> subprocess.Popen:
        out = open(log_file, "ab")  # noqa: SIM115
        process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.running[name] = process
        return process

    def kill(self, name: str) -> None:
        process = self.running.pop(name, None)
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop(self, name: str, sig=signal.SIGTERM, grace: float = 15) -> None:
        process = self.running.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_all(self) -> None:
        for name in reversed(list(self.running)):
            self.stop(name, signal.SIGQUIT if name == "nginx" else signal.SIGTERM)


NGINX_CONF = """worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 2048; }}
http {{
    include /etc/nginx/mime.types;
    log_format timing '$msec $status $request_method $uri "$upstream_addr" "$upstream_status" $request_time';
    access_log {folder}/nginx-access.log timing;
    client_body_temp_path {folder}/tmp/body;
    proxy_temp_path {folder}/tmp/proxy;
    fastcgi_temp_path {folder}/tmp/fastcgi;
    uwsgi_temp_path {folder}/tmp/uwsgi;
    scgi_temp_path {folder}/tmp/scgi;
    upstream crosscheck {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        # Static files straight from disk: hashed names, cached for good.
        location /static/ {{
            alias {static}/;
            expires max;
            gzip_static on;
            access_log off;
        }}
        location / {{
            proxy_pass http://crosscheck;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Real-IP $remote_addr;
            # A server that refuses the connection is skipped (a POST too: it was never sent), and after
            # three refusals left alone for 5 s. A slow answer is not a failure: counting read timeouts
            # (`timeout` here) took every server out at once under a burst ("no live upstreams": a 502 for
            # every request for 5 s, a thousand in one run). A POST already sent is never replayed here: the
            # browser's outbox retries it, idempotently.
            proxy_next_upstream error;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;
        }}
    }}
}}
"""


def percentile_rows(stats_csv: Path) -> list[dict]:
    with open(stats_csv, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--port", type=int, default=int(os.environ.get("DISTRICT_PORT", "8170")))
    parser.add_argument("--database", default=os.environ.get("DISTRICT_DB", "crosscheck_district"))
    parser.add_argument("--postgres", default=os.environ.get("DISTRICT_PG", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--redis", default=os.environ.get("DISTRICT_REDIS", "redis://127.0.0.1:6379/0"))
    parser.add_argument("--spawn-rate", type=float, default=10, help="students logging in per second")
    parser.add_argument("--think", type=float, nargs=2, default=[8, 20], help="seconds between a student's saves")
    parser.add_argument("--kill-after", type=float, default=75, help="seconds into the load to kill app server 1")
    parser.add_argument("--down-for", type=float, default=10, help="seconds before it is restarted")
    parser.add_argument("--max-minutes", type=float, default=7, help="the load stops after this, done or not")
    parser.add_argument("--keep-database", action="store_true")
    parser.add_argument("--seed-only", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--check-only", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_only is not None:
        print(json.dumps(seed(args.seed_only)))
        return
    if args.check_only:
        print(json.dumps(check(Path(args.check_only))))
        return

    folder = ROOT / "var" / "district"
    shutil.rmtree(folder, ignore_errors=True)
    for sub in ("tmp", "static"):
        (folder / sub).mkdir(parents=True)
    ports = [args.port + n for n in (1, 2, 3)]
    admin_url = f"{args.postgres}/postgres"
    env = {
        **os.environ,
        "DATABASE_URL": f"{args.postgres}/{args.database}",
        "REDIS_URL": args.redis,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{args.port}",
        "STATIC_ROOT": str(folder / "static"),
        "FAST_PASSWORD_HASHER": "1",
        "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",  # throttling counts clients, not nginx (as in the README)
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
        # One process per app server here (two cores for everything); 8 threads each.
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "8",
    }
    env.pop("DEBUG", None)
    env.pop("SQLITE_PATH", None)
    processes = Processes()
    began = time.time()
    try:
        nginx = find_nginx()
        postgres_ready(admin_url)
        recreate_database(admin_url, args.database)
        flush_redis(args.redis)
        log(f"PostgreSQL database {args.database}, Redis {args.redis}: empty and ready.")
        for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([PYTHON, "manage.py", *command], env=env, cwd=ROOT, check=True)
        out = subprocess.run(
            [PYTHON, __file__, "--seed-only", str(args.students)], env=env, cwd=ROOT, capture_output=True, text=True
        )
        if out.returncode:
            raise SystemExit("Seeding failed:\n" + out.stderr[-3000:])
        info = json.loads(out.stdout.strip().splitlines()[-1])
        info["think_min"], info["think_max"] = args.think
        (folder / "info.json").write_text(json.dumps(info))
        log(f"Seeded the launch lesson and its key, a teacher and {args.students} students.")

        def start_app(n: int) -> None:
            app_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{ports[n]}"}
            command = [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "teaching.wsgi"]
            processes.start(f"app{n + 1}", command, env=app_env, log_file=folder / f"app{n + 1}.log")

        for n in range(3):
            start_app(n)
        for n in range(3):
            if not wait_for(f"http://127.0.0.1:{ports[n]}/healthz", 60):
                raise SystemExit(f"App server {n + 1} did not start: see {folder}/app{n + 1}.log")
        servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=3 fail_timeout=5s;" for p in ports)
        conf = folder / "nginx.conf"
        conf.write_text(NGINX_CONF.format(folder=folder, servers=servers, port=args.port, static=folder / "static"))
        processes.start(
            "nginx",
            [nginx, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
            env=env,
            log_file=folder / "nginx.log",
        )
        if not wait_for(f"http://127.0.0.1:{args.port}/healthz", 20):
            raise SystemExit(f"nginx did not start: see {folder}/nginx-error.log")
        log(f"Three app servers on 127.0.0.1:{ports[0]}–{ports[-1]} behind nginx on 127.0.0.1:{args.port}.")

        minutes = args.max_minutes
        locust_env = {
            **env,
            "DISTRICT_INFO": str(folder / "info.json"),
            "DISTRICT_OUT": str(folder / "saved.jsonl"),
            "DISTRICT_SAVES": str(args.saves),
        }
        log(
            f"Load: {args.students} students ({args.spawn_rate:g}/s logging in), {args.saves} saves each, "
            f"{args.think[0]:g}–{args.think[1]:g} s apart; the teacher reloads the review every 3–6 s."
        )
        load_started = time.time()
        locust = processes.start(
            "locust",
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "benchmarks" / "district_locustfile.py"),
                "--headless",
                "--users",
                str(args.students + 1),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                f"{int(minutes * 60)}s",
                "--stop-timeout",
                "20",
                "--host",
                f"http://127.0.0.1:{args.port}",
                "--csv",
                str(folder / "locust"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=locust_env,
            log_file=folder / "locust.log",
        )
        killed_at = restarted_at = None
        while locust.poll() is None:
            elapsed = time.time() - load_started
            if killed_at is None and elapsed >= args.kill_after:
                processes.kill("app1")
                killed_at = time.time()
                log(f"Killed app server 1 (127.0.0.1:{ports[0]}) with SIGKILL, {elapsed:.0f} s into the load.")
            if killed_at and restarted_at is None and time.time() - killed_at >= args.down_for:
                start_app(0)
                ok = wait_for(f"http://127.0.0.1:{ports[0]}/healthz", 60)
                restarted_at = time.time()
                log(f"Restarted app server 1: {'answering' if ok else 'NOT answering'} again.")
            if elapsed > minutes * 60 + 60:
                log("The load did not stop by itself: stopping it.")
                processes.stop("locust", signal.SIGINT, grace=30)
                break
            time.sleep(0.5)
        load_seconds = time.time() - load_started
        log(f"Load finished in {load_seconds:.0f} s.")
        # The figures depend on what else the machine was doing: say so with them.
        busy = os.getloadavg()
        log(f"Machine: {os.cpu_count()} cores; load average {busy[0]:.1f} (1 min), {busy[1]:.1f} (5 min).")
        report(folder, args, ports, killed_at, load_seconds, env)
    finally:
        processes.stop_all()
        try:
            flush_redis(args.redis)
            if not args.keep_database:
                recreate_database(admin_url, args.database, drop_only=True)
        except Exception as error:  # noqa: BLE001
            log(f"Cleanup: {error}")
        log(f"Stopped everything this run started ({time.time() - began:.0f} s in all); logs in {folder}.")


def report(folder: Path, args, ports, killed_at, load_seconds, env) -> None:
    rows = percentile_rows(folder / "locust_stats.csv")
    print(f"\nRequests through nginx (locust, {load_seconds:.0f} s):")
    print(f"  {'page':<20}{'requests':>9}{'errors':>8}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}")
    save_p95 = None
    for row in rows:
        name = row["Name"]
        print(
            f"  {name:<20}{int(row['Request Count']):>9}{int(row['Failure Count']):>8}"
            f"{float(row['50%']):>8.0f}{float(row['95%']):>8.0f}{float(row['Max Response Time']):>8.0f}"
        )
        if name == "save a highlight":
            save_p95 = float(row["95%"])
    # 5xx answers as nginx logged them, with the upstream that gave them.
    killed = f"127.0.0.1:{ports[0]}"
    fivexx_killed = fivexx_other = 0
    others = []
    for line in (folder / "nginx-access.log").read_text().splitlines():
        parts = line.split(" ")
        if len(parts) < 7 or not parts[1].startswith("5"):
            continue
        stamp, upstream = float(parts[0]), parts[4]
        in_window = killed_at is not None and killed_at - 1 <= stamp <= killed_at + IN_FLIGHT_SECONDS
        if killed in upstream and in_window:
            fivexx_killed += 1
        else:
            fivexx_other += 1
            others.append(line)
    print(
        f"\n5xx answers: {fivexx_killed} from app server 1's requests in flight when it was killed "
        f"(the clients retried them with the same key); {fivexx_other} otherwise."
    )
    for line in others[:10]:
        print(f"  {line}")
    out = subprocess.run(
        [PYTHON, __file__, "--check-only", str(folder / "saved.jsonl")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        print("Database check failed to run:\n" + out.stderr[-3000:])
        return
    found = json.loads(out.stdout.strip().splitlines()[-1])
    print(
        f"\nDatabase check: {found['confirmed']:,} saves confirmed to the clients ({found['retried']} after a retry); "
        f"{found['in_database']:,} highlights in the database."
    )
    expected = args.students * args.saves
    print(
        f"  lost: {found['lost']} · on other words than confirmed: {found['wrong']} · duplicated: {found['duplicated']}"
        f" · saved but never confirmed (the client gave up): {found['unconfirmed_but_saved']}"
    )
    print("\nTargets:")
    for label, ok in [
        ("one app server killed and restarted mid-run", killed_at is not None),
        (f"every save confirmed ({found['confirmed']:,} of {expected:,})", found["confirmed"] == expected),
        ("0 lost", found["lost"] == 0 and found["wrong"] == 0),
        ("0 duplicated", found["duplicated"] == 0),
        ("0 5xx outside the killed server's requests in flight", fivexx_other == 0),
        (
            f"p95 of a save ≤ 250 ms ({save_p95:.0f} ms)" if save_p95 is not None else "p95 of a save ≤ 250 ms",
            save_p95 is not None and save_p95 <= 250,
        ),
    ]:
        print(f"  {label}: {'met' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
