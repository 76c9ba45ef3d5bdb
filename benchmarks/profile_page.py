"""Where a page's time goes: pyinstrument over a few requests, on the benchmark's seeded class.

    .venv/bin/python benchmarks/profile_page.py [--students 160] [--page review heatmap …]

Seeds a temporary SQLite database exactly as `make bench` does (benchmarks/pages.py), then sends the
page's request through Django's test client (production settings, logged in as the benchmark's
teacher or busiest student) a few times to warm up and profiles the next ones. Prints pyinstrument's
call tree; nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=160)
    parser.add_argument("--page", nargs="+", default=["review"])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--churn",
        action="store_true",
        help="before each request, the busiest student saves a highlight and deletes it (as in `make bench`)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="a folder to seed once and reuse on later runs (left in place; delete it when done)",
    )
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="crosscheck-profile-"))
    folder.mkdir(parents=True, exist_ok=True)
    seeded = folder / "seed.json"
    os.environ.update(
        {
            "SQLITE_PATH": str(folder / "profile.sqlite3"),
            "STATIC_ROOT": str(folder / "static"),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "testserver",
            "LOG_LEVEL": "ERROR",
        }
    )
    for name in ("DEBUG", "DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    try:
        if args.keep and seeded.exists():
            info = json.loads(seeded.read_text())
        else:
            out = subprocess.run(
                [sys.executable, str(ROOT / "benchmarks" / "pages.py"), "--seed-only", str(args.students)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            info = json.loads(out.stdout.strip().splitlines()[-1])
            seeded.write_text(json.dumps(info))
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teaching.settings")
        import django

        django.setup()
        from django.test import Client
        from pyinstrument import Profiler

        from teaching.models import User

        pk, position = info["assignment"], info["position"]
        teacher, student = Client(), Client()
        teacher.force_login(User.objects.get(username=info["teacher"]))
        student.force_login(User.objects.get(username=info["many"]["username"]))
        spans = iter(info["save_spans"] * 10)

        def save():
            start, end, exact = next(spans)
            return student.post(
                f"/assignments/{pk}/articles/{position}/annotations/",
                {"category": "numbers", "start": start, "end": end, "exact": exact},
                headers={"HX-Request": "true"},
            )

        def api_save():
            start, end, exact = next(spans)
            body = {
                "type": "Annotation",
                "body": [{"type": "TextualBody", "purpose": "tagging", "value": "numbers"}],
                "target": {
                    "source": f"http://testserver{info['article_url']}",
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": exact},
                        {"type": "TextPositionSelector", "start": start, "end": end},
                    ],
                },
            }
            return student.post(
                f"/api/assignments/{pk}/annotations/", json.dumps(body), content_type="application/ld+json"
            )

        pages = {
            "review": lambda: teacher.get(f"/assignments/{pk}/review/"),
            "heatmap": lambda: teacher.get(f"/assignments/{pk}/class/articles/{position}/"),
            "key-items": lambda: teacher.get(f"/assignments/{pk}/key-items/"),
            "scores": lambda: teacher.get(f"/submissions/{info['scored']}/scores/"),
            "reading": lambda: student.get(f"/assignments/{pk}/articles/{position}/"),
            "api": lambda: student.get(f"/api/assignments/{pk}/annotations/"),
            "save": save,
            "api-save": api_save,
        }

        def churned(call):
            from teaching.models import Annotation

            def run():
                save()
                last = Annotation.objects.filter(submission_id=info["many"]["submission"]).latest("pk")
                student.delete(f"/api/annotations/{last.pk}/")
                return call()

            return run

        for name in args.page:
            call = churned(pages[name]) if args.churn else pages[name]
            for _ in range(3):
                assert call().status_code in (200, 201)
            profiler = Profiler(interval=0.0005)
            profiler.start()
            for _ in range(args.repeat):
                call()
            profiler.stop()
            print(f"{name} at {args.students} students, {args.repeat} requests:")
            print(profiler.output_text(unicode=True, color=False, show_all=False))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
