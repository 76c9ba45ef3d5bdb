"""A correction commits the new text, then moves the students' highlights onto it in short transactions.

What these pin: between two batches no lock is held (a student saves and edits meanwhile, on SQLite as on
PostgreSQL); a highlight not moved yet is never shown on the new text; a save between batches is on the new
text and left alone; an interrupted correction is finished by ``manage.py settle_corrections`` (or by the
next correction of the article), moving each highlight once; the report counts the rows written.
"""

import os
import re
import subprocess
import sys
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from teaching import selectors, services
from teaching.models import Annotation
from teaching.selectors import article_page
from teaching.services import revisions
from teaching.text import anchoring
from tests import factories

_WHO = ["officials", "the mayor", "a nurse", "volunteers", "the governor", "a teacher", "police", "a priest"]
_SAW = ["counted", "reported", "estimated", "confirmed", "disputed"]
_WHERE = ["the market", "the school", "the station", "the bridge", "the hospital", "the square", "the port"]
PARAGRAPHS = [
    f"Paragraph {i}: {_WHO[i % 8]} {_SAW[i % 5]} {i * 7} people near {_WHERE[i % 7]} in district {i}."
    for i in range(40)
]


def _body(article) -> str:
    return "\n\n".join([article.body_markdown, *PARAGRAPHS])


def _corrected(body: str) -> str:
    """A sentence added before everything (every highlight moves), a word changed in paragraph 20 (the
    highlights on it are set aside)."""
    return "A new first sentence.\n\n" + body.replace("Paragraph 20: the governor", "Paragraph 20: the general")


def _render(markdown: str) -> str:
    from articles.rendering import render

    return render(markdown)[1]


@pytest.fixture
def long_article(article, admin_user):
    services.revise_article(article=article, body_markdown=_body(article), by=admin_user)
    article.refresh_from_db()
    return article


def _assert_on_their_words(article, rows) -> None:
    text = article.body_text
    for a in rows:
        assert text[a.start : a.end] == a.exact, a.pk
        assert text[max(0, a.start - len(a.prefix)) : a.start] == a.prefix, a.pk


class Batches:
    """Wraps the write of each batch: counts them, and runs ``between`` once after batch ``after``."""

    def __init__(self, monkeypatch, *, after: int = 0, between=None, fail_at: int | None = None):
        self.calls, self.after, self.between, self.fail_at = 0, after, between, fail_at
        self.events: list[str] = []
        real = revisions._write_batch
        depth = len(connection.atomic_blocks)  # the test's own transaction, when it has one

        def write(*args, **kwargs):
            self.calls += 1
            if self.fail_at is not None and self.calls == self.fail_at:
                raise KeyboardInterrupt("the process was killed")  # as a worker killed mid-correction
            written = real(*args, **kwargs)
            self.events.append(f"batch {self.calls}" if written else "superseded")
            if self.calls == self.after and self.between is not None:
                assert len(connection.atomic_blocks) == depth  # between two batches: no transaction, no lock
                self.between()
            return written

        monkeypatch.setattr(revisions, "_write_batch", write)


@pytest.mark.django_db
def test_a_correction_writes_highlights_in_short_batches_and_counts_each_once(
    long_article, submission, admin_user, monkeypatch
):
    monkeypatch.setattr(revisions, "SETTLE_BATCH", 25)
    factories.seed_highlights(submission, long_article, 300, seed=11, longest=5)
    before_text = long_article.body_text
    seeded = list(Annotation.objects.values_list("pk", "start", "end", "exact", "prefix", "suffix"))
    batches = Batches(monkeypatch)
    corrected = _corrected(long_article.body_markdown)
    report = services.revise_article(article=long_article, body_markdown=corrected, by=admin_user)
    assert batches.calls == 12  # 300 highlights, 25 a transaction
    anchored = list(Annotation.objects.filter(article=long_article, anchor_status="anchored"))
    orphaned = Annotation.objects.filter(article=long_article, anchor_status="orphaned")
    # Exactly the anchoring module's verdicts, whether a highlight was moved in bulk or placed on its own.
    reanchorer = anchoring.Reanchorer(before_text, _render(corrected))
    for pk, start, end, exact, prefix, suffix in seeded:
        placement = reanchorer.place(start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)
        row = Annotation.objects.get(pk=pk)
        if placement.is_orphaned:
            assert row.anchor_status == "orphaned" and (row.start, row.end) == (start, end)
        else:
            assert row.anchor_status == "anchored" and (row.start, row.end) == (placement.start, placement.end)
    assert report.moved == len(anchored) and report.kept == 0  # everything after the new first sentence
    assert report.orphaned == orphaned.count() > 0
    assert sorted(report.orphan_ids) == sorted(orphaned.values_list("pk", flat=True))
    assert {a.revision_id for a in anchored} == {report.revision.pk}
    long_article.refresh_from_db()
    assert long_article.text_revision_id == report.revision.pk
    _assert_on_their_words(long_article, anchored)


@pytest.mark.django_db
def test_highlights_not_moved_yet_are_never_shown_on_the_new_text_and_the_command_finishes_the_move(
    long_article, submission, admin_user, monkeypatch, client
):
    monkeypatch.setattr(revisions, "SETTLE_BATCH", 25)
    factories.seed_highlights(submission, long_article, 200, seed=11, longest=5)
    Batches(monkeypatch, fail_at=3)  # killed after two batches
    with pytest.raises(KeyboardInterrupt):
        services.revise_article(
            article=long_article, body_markdown=_corrected(long_article.body_markdown), by=admin_user
        )
    monkeypatch.undo()
    long_article.refresh_from_db()
    assert long_article.body_text.startswith("A new first sentence.")  # the text was committed
    behind = Annotation.objects.filter(article=long_article, anchor_status="anchored").exclude(
        revision_id=long_article.text_revision_id
    )
    assert behind.count() > 100  # not moved yet: offsets into the older text
    shown = list(selectors.list_annotations(submission, long_article))
    assert len(shown) == 200 - behind.count() - Annotation.objects.filter(anchor_status="orphaned").count()
    _assert_on_their_words(long_article, shown)  # only the moved ones, each on its words
    # The reading view's own SQL for its highlights reads exactly what the ORM's ``on_current_text`` does, and
    # for the set-aside ones what ``list_orphaned_annotations`` does.
    fields = article_page._READING_FIELDS
    orm = list(selectors.list_annotations(submission, long_article).values_list(*fields))
    set_aside = list(
        selectors.list_orphaned_annotations(submission=submission, article=long_article).values_list(*fields)
    )
    assert article_page._reading_rows(submission, long_article) == (orm, set_aside) and len(orm) == len(shown)
    assert set_aside  # the correction set some aside
    # The API gives a highlight still being moved without its position (as a set-aside one), never the old one.
    client.force_login(submission.student)
    one = behind.first()
    selector = client.get(reverse("teaching:api_annotation", args=[one.pk])).json()["target"]["selector"]
    assert [s["type"] for s in selector] == ["TextQuoteSelector"]

    out = StringIO()
    call_command("settle_corrections", stdout=out)
    left = behind.count()
    assert left == 0, left
    assert f"Article {long_article.pk}:" in out.getvalue()
    rows = list(Annotation.objects.filter(article=long_article, anchor_status="anchored"))
    _assert_on_their_words(long_article, rows)
    assert len(list(selectors.list_annotations(submission, long_article))) == len(rows)
    orm = list(selectors.list_annotations(submission, long_article).values_list(*fields))
    set_aside = list(
        selectors.list_orphaned_annotations(submission=submission, article=long_article).values_list(*fields)
    )
    assert article_page._reading_rows(submission, long_article) == (orm, set_aside)
    # Again: nothing left to move, nothing written.
    before = sorted(Annotation.objects.values_list("pk", "start", "end", "revision_id", "anchor_status"))
    out = StringIO()
    call_command("settle_corrections", stdout=out)
    assert "Every highlight is on its article's current text." in out.getvalue()
    assert sorted(Annotation.objects.values_list("pk", "start", "end", "revision_id", "anchor_status")) == before


@pytest.mark.django_db
def test_saves_between_batches_are_on_the_new_text_and_the_correction_leaves_them_alone(
    long_article, submission, admin_user, monkeypatch
):
    monkeypatch.setattr(revisions, "SETTLE_BATCH", 25)
    factories.seed_highlights(submission, long_article, 200, seed=11, longest=5)
    last = Annotation.objects.filter(article=long_article).order_by("-pk").first()  # moved in the last batch
    old_text = long_article.body_text
    word = re.search(r"district 3\b", old_text)
    saved = {}

    def student_saves() -> None:
        new_text = type(long_article).objects.get(pk=long_article.pk).body_text
        at = new_text.index("district 3.")
        saved["new"] = services.create_annotation(
            submission=submission, article=long_article, category="numbers", start=at, end=at + len("district 3"),
            exact="district 3", by=submission.student, client_key="between",
        )  # fmt: skip
        with pytest.raises(ValidationError):  # offsets into the old text: refused, the page must be reloaded
            services.create_annotation(
                submission=submission, article=long_article, category="numbers", start=word.start(),
                end=word.end(), exact=word.group(), by=submission.student, client_key="stale",
            )  # fmt: skip
        services.update_annotation(annotation=last, comment="Still thinking", by=submission.student)

    Batches(monkeypatch, after=1, between=student_saves)
    report = services.revise_article(
        article=long_article, body_markdown=_corrected(long_article.body_markdown), by=admin_user
    )
    long_article.refresh_from_db()
    new = Annotation.objects.get(pk=saved["new"].pk)
    assert new.revision_id == report.revision.pk and long_article.body_text[new.start : new.end] == "district 3"
    assert not Annotation.objects.filter(client_key="stale").exists()
    last.refresh_from_db()
    assert last.comment == "Still thinking"  # the edit is kept, and the highlight moved all the same
    assert last.revision_id == report.revision.pk or last.anchor_status == "orphaned"
    assert report.total == 200  # the correction's rows; the one saved on the new text is not one of them
    _assert_on_their_words(long_article, Annotation.objects.filter(article=long_article, anchor_status="anchored"))


@pytest.mark.django_db
def test_a_second_correction_during_the_first_takes_over_the_highlights_it_had_not_moved(
    long_article, submission, admin_user, monkeypatch
):
    monkeypatch.setattr(revisions, "SETTLE_BATCH", 25)
    factories.seed_highlights(submission, long_article, 200, seed=11, longest=5)
    first_body = _corrected(long_article.body_markdown)
    second_body = first_body.replace("Paragraph 30:", "Paragraph thirty:")
    second = {}

    def another_correction() -> None:
        second["report"] = services.revise_article(article=long_article, body_markdown=second_body, by=admin_user)

    batches = Batches(monkeypatch, after=2, between=another_correction)
    first = services.revise_article(article=long_article, body_markdown=first_body, by=admin_user)
    assert batches.events[:2] == ["batch 1", "batch 2"] and "superseded" in batches.events
    assert first.total == 50  # its two batches; the second correction moved the rest
    second_report = second["report"]
    long_article.refresh_from_db()
    assert long_article.text_revision_id == second_report.revision.pk
    assert long_article.body_text.startswith("A new first sentence.") and "Paragraph thirty:" in long_article.body_text
    rows = list(Annotation.objects.filter(article=long_article, anchor_status="anchored"))
    assert {a.revision_id for a in rows} == {second_report.revision.pk}
    _assert_on_their_words(long_article, rows)
    # Every highlight the second correction found behind its text, from either older revision, counted once.
    assert second_report.total == 200 - first.orphaned


# --- With threads, on a real database: nothing is held between batches -------------------------------------


def _student_saves_between_batches(submission, article, admin_user, monkeypatch) -> list[str]:
    monkeypatch.setattr(revisions, "SETTLE_BATCH", 100)
    factories.seed_highlights(submission, article, 1_000, seed=11, longest=5)
    mine = Annotation.objects.filter(article=article).order_by("-pk").first()  # not moved until the last batch
    events: list[str] = []

    def student() -> None:
        try:
            at = type(article).objects.get(pk=article.pk).body_text.index("district 3.")
            services.create_annotation(
                submission=submission, article=article, category="numbers", start=at, end=at + len("district 3"),
                exact="district 3", by=submission.student, client_key="meanwhile",
            )  # fmt: skip
            events.append("student saved")
            services.update_annotation(annotation=mine, comment="Edited meanwhile", by=submission.student)
            events.append("student edited")
        finally:
            connection.close()

    def between() -> None:
        thread = threading.Thread(target=student)
        thread.start()
        thread.join(30)  # a lock the correction held here would keep the student waiting until it ends
        events.append("student waiting" if thread.is_alive() else "student done")

    batches = Batches(monkeypatch, after=1, between=between)
    report = services.revise_article(article=article, body_markdown=_corrected(article.body_markdown), by=admin_user)
    events.append("correction done")
    assert batches.calls == 10
    article.refresh_from_db()
    mine.refresh_from_db()
    assert mine.comment == "Edited meanwhile"
    new = Annotation.objects.get(client_key="meanwhile")
    assert new.revision_id == report.revision.pk and article.body_text[new.start : new.end] == "district 3"
    _assert_on_their_words(article, Annotation.objects.filter(article=article, anchor_status="anchored"))
    return events


@pytest.mark.django_db(transaction=True)
def test_a_students_save_during_a_large_correction_completes_between_two_of_its_batches(
    long_article, submission, admin_user, monkeypatch
):
    if connection.vendor == "sqlite" and not os.environ.get("SQLITE_TEST_FILE"):
        pytest.skip("in-memory SQLite cannot have two writers: the next test runs this one on a SQLite file")
    events = _student_saves_between_batches(submission, long_article, admin_user, monkeypatch)
    assert events == ["student saved", "student edited", "student done", "correction done"]


def test_a_students_save_during_a_large_correction_on_a_sqlite_file_completes_between_its_batches(tmp_path):
    """The test above on SQLite as deployed (a file, WAL, IMMEDIATE transactions), in a child pytest."""
    if os.environ.get("SQLITE_TEST_FILE") or not os.environ.get("DATABASE_URL", "sqlite").startswith("sqlite"):
        pytest.skip("runs the test above on a SQLite file; on PostgreSQL the test above runs in this process")
    root = Path(__file__).resolve().parents[3]
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "SQLITE_TEST_FILE": str(tmp_path / "test.sqlite3"),
    }
    name = "test_a_students_save_during_a_large_correction_completes_between_two_of_its_batches"
    test = f"{Path(__file__).relative_to(root)}::{name}"
    args = [sys.executable, "-m", "pytest", test, "-q", "-p", "no:cacheprovider"]
    out = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0 and "1 passed" in out.stdout, out.stdout[-3000:] + out.stderr[-2000:]


@pytest.mark.django_db(transaction=True)
def test_a_save_that_waited_for_the_corrections_text_is_recorded_on_the_new_revision(
    long_article, submission, admin_user, monkeypatch
):
    """The race at the text's commit: a student's save waits for the article row a correction has locked,
    then reads the new text. It must be recorded on the new revision too (read from the same locked row), or
    the correction's batches would take its new offsets for old ones and move it off its words."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL's row locks: on SQLite a save takes the database's write lock before it reads anything, "
            "so it reads either the old text or the new one with its revision"
        )
    corrected = _corrected(long_article.body_markdown)
    new_text = _render(corrected)
    at = new_text.index("district 13.")
    real_shift = revisions._shift_unchanged
    saved: dict = {}

    def student() -> None:
        try:
            saved["annotation"] = services.create_annotation(
                submission=submission, article=long_article, category="numbers", start=at,
                end=at + len("district 13"), exact="district 13", by=submission.student, client_key="waited",
            )  # fmt: skip
        except BaseException as error:
            saved["error"] = error
        finally:
            connection.close()

    def with_the_article_locked(*args, **kwargs):
        # Inside the correction's first transaction, after it locked the article row: the student's save waits.
        thread = threading.Thread(target=student)
        thread.start()
        with connection.cursor() as cursor:
            for _ in range(400):
                cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
                if cursor.fetchone()[0]:
                    break
                thread.join(0.025)
        saved["thread"] = thread
        return real_shift(*args, **kwargs)

    monkeypatch.setattr(revisions, "_shift_unchanged", with_the_article_locked)
    report = services.revise_article(article=long_article, body_markdown=corrected, by=admin_user)
    saved["thread"].join(30)
    assert "error" not in saved, saved.get("error")
    new = Annotation.objects.get(pk=saved["annotation"].pk)
    long_article.refresh_from_db()
    assert new.anchor_status == "anchored" and new.revision_id == report.revision.pk
    assert long_article.body_text[new.start : new.end] == "district 13"
    assert report.total == 0  # nothing of the old text's to move: it was saved on the new one
