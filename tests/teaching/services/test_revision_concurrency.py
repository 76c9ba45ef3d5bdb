"""A correction of an article that carries many highlights does not stall the class saving on it.

A thread saves a student's highlights on the article while ``revise_article`` re-anchors 10,000 others,
with real connections to a real database (SQLite or PostgreSQL, whichever the suite runs on): every save
succeeds and none is lost or miscounted. How long they wait is a figure for ``make bench``
(benchmarks/corrections.py), not a timed test; what the tests pin is the order of things: a student's save
is not held while the correction reads and places, only by its short transactions (the new text with the
reference key, then each batch of highlights: test_correction_batches.py pins that nothing is held between).
"""

import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

from teaching import services
from teaching.models import Annotation
from tests import factories

HIGHLIGHTS = 10_000


@pytest.mark.django_db(transaction=True)
def test_a_students_save_during_a_large_correction_is_not_blocked(submission, article, admin_user):
    if connection.vendor == "sqlite":
        pytest.skip(
            "in-memory SQLite (the test database) cannot have two writers: its shared cache answers 'table is "
            "locked' instead of waiting. SQLite is measured on a file below; this runs on PostgreSQL."
        )
    body = "\n\n".join(
        [article.body_markdown] + [f"Paragraph {i}: officials said {i * 7} people were counted." for i in range(60)]
    )
    services.revise_article(article=article, body_markdown=body, by=admin_user)
    article.refresh_from_db()
    factories.seed_highlights(submission, article, HIGHLIGHTS, seed=4, longest=6)
    text = article.body_text
    # The student saves on words before the edit: the same offsets in the old and the new text.
    free = [m.span() for m in re.finditer(r"[A-Za-z]+", text[: text.index("Paragraph 3:")])]
    corrected = body.replace("Paragraph 2: officials said", "Paragraph 2: officials have said").replace(
        "Paragraph 40:", "Paragraph forty:"
    )

    done, started = threading.Event(), threading.Event()
    waits: list[tuple[float, float]] = []
    errors: list[BaseException] = []

    def save_meanwhile() -> None:
        try:
            n = 0
            while not done.is_set():
                s, e = free[n % len(free)]
                n += 1
                t = time.perf_counter()
                services.create_annotation(
                    submission=submission, article=article, category="numbers", start=s, end=e, exact=text[s:e],
                    by=submission.student, client_key=f"meanwhile-{n}",
                )  # fmt: skip
                waits.append((t, time.perf_counter()))
                started.set()
                time.sleep(0.01)
        except BaseException as error:
            errors.append(error)
            started.set()
        finally:
            connection.close()

    thread = threading.Thread(target=save_meanwhile)
    thread.start()
    started.wait(10)
    t0 = time.perf_counter()
    report = services.revise_article(article=article, body_markdown=corrected, by=admin_user)
    t1 = time.perf_counter()
    time.sleep(0.05)
    done.set()
    thread.join(30)
    assert not errors, errors
    during = [b - a for a, b in waits if b > t0 and a < t1]
    assert during, "no save overlapped the correction"
    # Every highlight is accounted for, including those saved while it ran (saves that end after it
    # committed were made on the new text and are not the correction's to count).
    saved = Annotation.objects.filter(article=article).count()
    before = sum(1 for _, b in waits if b < t0)
    assert HIGHLIGHTS + before <= report.total <= saved
    article.refresh_from_db()
    for a in Annotation.objects.filter(article=article, anchor_status="anchored").iterator():
        assert article.body_text[a.start : a.end] == a.exact


def test_a_save_during_a_large_correction_on_a_sqlite_file_is_not_blocked(tmp_path):
    """The same on SQLite as deployed (a file, WAL, IMMEDIATE transactions), in a child process: the bench's
    measurement at 10,000 highlights, a student saving on the same article throughout."""
    root = Path(__file__).resolve().parents[3]
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "DJANGO_SETTINGS_MODULE": "teaching.settings",
        "SECRET_KEY": "tests-only-secret-key-not-for-production",
    }
    args = [sys.executable, str(root / "benchmarks" / "corrections.py"), "--child", "--sizes", str(HIGHLIGHTS)]
    out = subprocess.run([*args, "--repeat", "1"], cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])["results"][0]
    assert result["saves"] > 0, result  # saves (new highlights and comment edits) succeeded meanwhile


@pytest.mark.django_db(transaction=True)
def test_a_comment_edit_and_a_new_highlight_during_a_correction_are_not_held_by_its_placing(
    submission, article, admin_user, monkeypatch
):
    """Ordering, not timing: while the correction's first transaction is open and it places the reference
    key's items (before it locks the article), a student edits the comment of a highlight it is about to move,
    and saves a new one on the old text; both complete before the correction writes anything, and the new one
    is moved with the others after the text is committed."""
    if connection.vendor == "sqlite":
        pytest.skip(
            "in-memory SQLite (the test database) cannot have two writers; on SQLite every write, the "
            "correction's included, holds the database's one write lock (see the file test above)."
        )
    from teaching.services import revisions

    factories.seed_highlights(submission, article, 2_000, seed=4, longest=6)
    text = article.body_text
    mine = Annotation.objects.filter(article=article).order_by("-start").first()  # after the edit: it moves
    first_word = re.search(r"[A-Za-z]+", text)
    corrected = "A new first sentence.\n\n" + article.body_markdown
    real_plan = revisions._plan_near_edits
    during: list[str] = []

    def student_saves() -> None:
        try:
            services.update_annotation(annotation=mine, comment="Changed my mind", by=submission.student)
            during.append("edited")
            services.create_annotation(
                submission=submission, article=article, category="numbers", start=first_word.start(),
                end=first_word.end(), exact=first_word.group(), by=submission.student, client_key="during",
            )  # fmt: skip
            during.append("created")
        finally:
            connection.close()

    def plan_then_let_the_student_save(*args, **kwargs):
        plan = real_plan(*args, **kwargs)
        if not during and kwargs.get("plan") is None:
            assert connection.in_atomic_block  # inside the correction's transaction
            student = threading.Thread(target=student_saves)
            student.start()
            student.join(60)  # a row or article lock held here would keep it waiting until the correction ends
            during.append("alive" if student.is_alive() else "done")
        return plan

    monkeypatch.setattr(revisions, "_plan_near_edits", plan_then_let_the_student_save)
    report = services.revise_article(article=article, body_markdown=corrected, by=admin_user)
    assert during == ["edited", "created", "done"]
    mine.refresh_from_db()
    article.refresh_from_db()
    assert mine.comment == "Changed my mind"  # the edit is not lost
    assert mine.revision == report.revision and article.body_text[mine.start : mine.end] == mine.exact
    new = Annotation.objects.get(client_key="during")  # saved on the old text, moved with it
    assert new.revision == report.revision and article.body_text[new.start : new.end] == first_word.group()
    assert report.total == Annotation.objects.filter(article=article).count()
