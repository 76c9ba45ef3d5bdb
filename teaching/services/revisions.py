"""Correcting an article: a new revision, and every highlight either on the same words or set aside.

The placing itself is the pure ``teaching.text.anchoring.Reanchorer``; this module applies its verdicts to
rows. It is generic over "things with a selector" (``start``/``end``/``exact``/``prefix``/``suffix``,
``revision``, ``anchor_status``, ``orphaned_at``), so reference-key items can follow the same rules.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field
from functools import reduce
from typing import Protocol

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from articles import rendering
from articles.models import EMPTY_BODY_MESSAGE, Article, ArticleRevision, body_is_blank
from articles.permissions import can_edit_article
from teaching.models import Annotation, KeyItem, User
from teaching.services.results import note_work_changed
from teaching.services.spans import select_in_current_text
from teaching.text import anchoring

__all__ = [
    "ReanchorReport",
    "SystemActor",
    "system_actor",
    "find_unique_occurrence",
    "reattach_annotation",
    "revise_article",
]

ANCHORED = Annotation.AnchorStatus.ANCHORED
ORPHANED = Annotation.AnchorStatus.ORPHANED
SELECTOR_FIELDS = ["start", "end", "exact", "prefix", "suffix", "revision", "anchor_status", "orphaned_at"]


class Anchored(Protocol):
    pk: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    anchor_status: str


@dataclass
class ReanchorReport:
    """What a correction did to the highlights of one article."""

    revision: ArticleRevision | None  # None when the body was unchanged and nothing was saved
    kept: int = 0
    moved: int = 0
    orphaned: int = 0
    orphan_ids: list[int] = field(default_factory=list)
    key_items: ReanchorReport | None = None  # the same counts for the teachers' reference-key items

    @property
    def created(self) -> bool:
        return self.revision is not None

    @property
    def total(self) -> int:
        return self.kept + self.moved + self.orphaned

    def summary(self) -> str:
        """For the admin, e.g. "Saved as revision 3. 57 highlights stayed on the same words, 3 moved with the
        text, 1 could not be placed." (the admin adds a link to review the orphans)."""
        if self.revision is None:
            return "The text did not change, so no revision was saved."
        parts = [f"Saved as revision {self.revision.number}."]
        if self.total:
            placed = f"{_highlights(self.kept)} stayed on the same words, {self.moved:,} moved with the text, "
            placed += f"{self.orphaned:,} could not be placed." if self.orphaned else "none had to be set aside."
            parts.append(placed)
        else:
            parts.append("No student has highlighted this article, so nothing had to move.")
        keys = self.key_items
        if keys is not None and keys.total:
            parts.append(
                f"Reference-key items: {keys.kept:,} stayed, {keys.moved:,} moved, "
                f"{keys.orphaned:,} could not be placed."
            )
        return " ".join(parts)


@dataclass(frozen=True)
class SystemActor:
    """The site itself acting, e.g. a management command loading its own fixtures: named, never anonymous.

    Only code run by whoever runs the server creates one (views never do); a revision it saves records no
    user (``created_by`` stays empty, as for the site's own articles).
    """

    reason: str


def system_actor(reason: str) -> SystemActor:
    if not reason.strip():
        raise ValueError("Say what the system is doing.")
    return SystemActor(reason)


def check_can_revise(by: User | SystemActor, article: Article) -> None:
    """Fails closed: there is no way to correct an article without saying who does it."""
    if isinstance(by, SystemActor):
        return
    if by is None or not can_edit_article(by, article):
        raise PermissionDenied("Only an admin or the teacher who added this article can correct it.")


def actor_for_record(by: User | SystemActor) -> User | None:
    return None if isinstance(by, SystemActor) else by


def _highlights(n: int) -> str:
    return "1 highlight" if n == 1 else f"{n:,} highlights"


def revise_article(*, article: Article, body_markdown: str, by: User | SystemActor, note: str = "") -> ReanchorReport:
    """Save a new body as the next revision and re-anchor every highlight and reference-key item on it.

    ``by`` is who corrects: an admin, the article's owner, or ``system_actor()`` for the site's own
    loaders; anyone else is refused (PermissionDenied).

    A class keeps saving meanwhile, and no highlight is ever shown on other words, even for a moment:
    1. Before any lock: render the new body and diff it against the current text (the slow part).
    2. One short transaction, with the latest revision row locked (corrections of one article queue there)
       and then the article row (as ``create_annotation`` locks it, so no highlight is added on the old text
       meanwhile): the new revision, the reference-key items placed and written (a lesson's key is small),
       and the new text with ``text_revision`` pointing at the new revision. Nothing else is written there.
    3. The students' highlights, in short transactions of at most ``SETTLE_BATCH`` rows
       (``settle_highlights``): every highlight still pointing into the old text is placed and written,
       with the new revision. Until its batch is written a highlight is not shown (readers draw only
       highlights whose revision is the article's ``text_revision``: ``Annotation.objects.on_current_text``),
       so it is hidden for a moment, never on other words. A student's save waits for one batch at most;
       a highlight saved during step 2 is on the old text and moved with the others; one saved after it is on
       the new text and never touched. Each batch writes only rows still on the old revision, so running the
       step again (after a crash, ``manage.py settle_corrections``, or the next correction of the article,
       which settles whatever an interrupted one left) moves the rest and never moves a row twice.
    Only ``body_markdown`` and what derives from it is written; the caller saves any other field.
    Nothing is ever deleted. The report counts the rows this call wrote.
    """
    check_can_revise(by, article)
    body_markdown = rendering.normalise_source(body_markdown or "")  # browsers send CRLF; no control chars
    if body_is_blank(body_markdown):
        raise ValidationError({"body_markdown": EMPTY_BODY_MESSAGE})
    before = Article.objects.values_list("body_markdown", "body_text").get(pk=article.pk)
    # Browsers and forms trim or add a final newline: not a correction.
    if before[0].strip() == body_markdown.strip():
        return ReanchorReport(revision=None)
    body_html, body_text = rendering.render(body_markdown)
    reanchorer = anchoring.Reanchorer(before[1], body_text)
    with transaction.atomic():
        # NO KEY UPDATE: a student's new highlight takes a key-share lock on this row (its revision) and
        # must not wait for it, nor deadlock with the article row lock taken below.
        latest = (
            ArticleRevision.objects.select_for_update(no_key=True).filter(article_id=article.pk).order_by("-number")
        )
        last, old_revision_id = latest.values_list("number", "pk").first() or (0, None)
        old_markdown, old_text = Article.objects.values_list("body_markdown", "body_text").get(pk=article.pk)
        if old_markdown.strip() == body_markdown.strip():
            return ReanchorReport(revision=None)
        if old_text != reanchorer.old_text:
            # Another correction landed while this one was diffed: diff against what is there now.
            reanchorer = anchoring.Reanchorer(old_text, body_text)
        key_plan = _plan_near_edits(KeyItem, article.pk, reanchorer)
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.body_text != reanchorer.old_text:  # only a write that bypassed this service gets here
            raise ValidationError(
                {"body_markdown": "The article was changed by someone else meanwhile. Open it again and redo the edit."}
            )
        _plan_near_edits(KeyItem, article.pk, reanchorer, plan=key_plan)  # saved or re-attached while placing
        # Highlights saved before revisions were recorded point into this text too: say so before it changes.
        Annotation.objects.filter(article_id=article.pk, anchor_status=ANCHORED, revision__isnull=True).update(
            revision_id=old_revision_id
        )
        now = timezone.now()
        revision = ArticleRevision.objects.create(
            article_id=article.pk,
            number=last + 1,
            body_markdown=body_markdown,
            body_text=body_text,
            created_by=actor_for_record(by),
            note=(note or "").strip()[:300],
        )
        key_report = _shift_unchanged(KeyItem, article.pk, key_plan.ranges, revision=revision)
        _write_placed(KeyItem, key_plan, revision=revision, now=now, report=key_report)
        Article.objects.filter(pk=locked.pk).update(
            body_markdown=body_markdown,
            body_html=body_html,
            body_text=body_text,
            text_revision=revision,
            updated_at=now,
        )
    article.body_markdown, article.body_html, article.body_text = body_markdown, body_html, body_text
    article.text_revision, article.updated_at = revision, now
    report = ReanchorReport(revision=revision, key_items=key_report)
    settle_highlights(article_id=article.pk, report=report, known=(old_revision_id, reanchorer))
    article.updated_at = Article.objects.values_list("updated_at", flat=True).get(pk=article.pk)
    return report


# --- Moving the students' highlights onto the article's current text, in short transactions -------------

SETTLE_BATCH = 1000  # highlights written per transaction: what a student's save may have to wait for


@dataclass
class _Move:
    """What one batch will write for one highlight."""

    pk: int
    kind: str  # "shift" (same quote and context, ``shift`` characters later), "place" (a new selector), "orphan"
    shift: int = 0
    selector: tuple = ()  # place: (start, end, exact, prefix, suffix)
    moved: bool = False


def settle_highlights(
    *,
    article_id: int,
    report: ReanchorReport | None = None,
    known: tuple[int | None, anchoring.Reanchorer] | None = None,
) -> ReanchorReport:
    """Place every anchored highlight of the article that points into an older text than the article's, and
    write it with the current revision (or set it aside), ``SETTLE_BATCH`` rows per transaction.

    Idempotent and resumable: each write is guarded by the row's old revision, so a row moved already (or
    re-attached, or deleted) is never written again, and a call after an interruption moves exactly what is
    left. If a newer correction commits its text meanwhile, this stops: the newer one settles every
    highlight still behind, from whichever revision it points into. ``known`` is ``(revision id, reanchorer)``
    from the caller, to spare diffing that revision's text again. Returns the counts of the rows written.
    """
    report = report if report is not None else ReanchorReport(revision=None)
    try:
        _settle(article_id, report, known)
    finally:
        if report.total:
            # Kept results (teaching.services.results) are labelled with the article's stamp: any computed
            # while highlights were still moving (they leave those out) are computed again.
            Article.objects.filter(pk=article_id).update(updated_at=timezone.now())
    return report


def _settle(article_id: int, report: ReanchorReport, known) -> None:
    for _ in range(3):  # a second pass only picks up rows another, older settle moved meanwhile
        target_id, text = Article.objects.values_list("text_revision_id", "body_text").get(pk=article_id)
        if target_id is None:
            return
        behind = (
            Annotation.objects.filter(article_id=article_id, anchor_status=ANCHORED, revision__isnull=False)
            .exclude(revision_id=target_id)
            .order_by("revision_id", "pk")
            .values_list("revision_id", "pk", "start", "end", "exact", "prefix", "suffix")
        )
        groups: dict[int, list[tuple]] = {}
        for row in behind:
            groups.setdefault(row[0], []).append(row[1:])
        if not groups:
            return
        for revision_id, rows in groups.items():
            if known is not None and known[0] == revision_id and known[1].new_text == text:
                reanchorer = known[1]
            else:
                old = ArticleRevision.objects.values_list("body_text", flat=True).get(pk=revision_id)
                reanchorer = anchoring.Reanchorer(old, text)
            moves = _place_all(reanchorer, rows)
            for batch in _chunks(moves, SETTLE_BATCH):
                if not _write_batch(article_id, revision_id, target_id, batch, report):
                    return  # a newer correction took over


# The guard on a row's revision, written so that no planner picks the revision index for it: right after
# a correction every row of the article is on one revision and the statistics still say a few are, and
# scanning them all for each batch is slower than the batch (the row ids pick the rows).
_NOT_INDEXED_REVISION = 'COALESCE("revision_id", 0)'


def _shift_rows(pks: list[int], shift: int, *, from_revision: int, to_revision: int) -> int:
    """Move these anchored highlights, if still on ``from_revision``, ``shift`` characters and onto
    ``to_revision``; returns how many were written. (One array parameter on PostgreSQL: a thousand
    separate ones cost more to bind and send than the UPDATE itself.)"""
    table, q = Annotation._meta.db_table, connection.ops.quote_name
    if connection.vendor == "postgresql":
        ids, params = "= ANY(CAST(%s AS bigint[]))", [pks]
    else:
        ids, params = "IN (" + ", ".join(["%s"] * len(pks)) + ")", list(pks)
    sql = (
        f"UPDATE {q(table)} SET {q('start')} = {q('start')} + %s, {q('end')} = {q('end')} + %s, "  # noqa: S608
        f"{q('revision_id')} = %s WHERE {q('id')} {ids} AND {_NOT_INDEXED_REVISION} = %s "
        f"AND {q('anchor_status')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [shift, shift, to_revision, *params, from_revision, ANCHORED])
        return cursor.rowcount


def _new_place(reanchorer: anchoring.Reanchorer, start, end, exact, prefix, suffix):
    """(the selector in the new text, whether it moved), or (None, False) when the words are set aside."""
    placement = reanchorer.place(start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)
    if placement.is_orphaned:
        return None, False
    try:
        selector = anchoring.select(reanchorer.new_text, placement.start, placement.end, placement.exact)
    except anchoring.QuoteMismatch:
        return None, False  # e.g. grown past the longest quote allowed: set aside rather than guess
    return selector, placement.status == anchoring.MOVED


def _place_all(reanchorer: anchoring.Reanchorer, rows: list[tuple]) -> list[_Move]:
    """Where each (pk, start, end, exact, prefix, suffix) goes: the same verdicts as ``Reanchorer.place``,
    taken in bulk for spans inside a stretch the edit left alone (same quote and context, shifted)."""
    ranges = sorted(reanchorer.unchanged_ranges())
    starts = [lo for lo, _, _ in ranges]
    moves = []
    for pk, start, end, exact, prefix, suffix in rows:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= ranges[i][1]:
            moves.append(_Move(pk, "shift", shift=ranges[i][2]))
            continue
        selector, moved = _new_place(reanchorer, start, end, exact, prefix, suffix)
        if selector is None:
            moves.append(_Move(pk, "orphan"))
            continue
        values = (selector.start, selector.end, selector.exact, selector.prefix, selector.suffix)
        moves.append(_Move(pk, "place", selector=values, moved=moved))
    return moves


def _write_batch(article_id: int, from_revision: int, to_revision: int, batch: list[_Move], report) -> bool:
    """One short transaction: the batch's rows still on ``from_revision`` written; False (nothing written)
    when the article's text is no longer ``to_revision``'s."""
    with transaction.atomic():
        # A shared lock on PostgreSQL (students' saves take one too, and do not wait): a correction committing
        # a newer text waits for this batch, and this batch sees it once it has.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # A batch lost to a server crash right after its commit is a batch not written yet: its rows
                # stay on the old revision, hidden, until the move is resumed. So it need not wait for the
                # disk (the new text's commit, which must not be lost, does).
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
                table = connection.ops.quote_name(Article._meta.db_table)
                cursor.execute(f"SELECT text_revision_id FROM {table} WHERE id = %s FOR SHARE", [article_id])  # noqa: S608
                current = cursor.fetchone()[0]
        else:  # SQLite: this IMMEDIATE transaction holds the database's write lock already
            current = Article.objects.values_list("text_revision_id", flat=True).get(pk=article_id)
        if current != to_revision:
            return False
        shifts: dict[int, list[int]] = {}
        for move in batch:
            if move.kind == "shift":
                shifts.setdefault(move.shift, []).append(move.pk)
        for shift, pks in shifts.items():  # a few statements: one per stretch between the edits
            written = _shift_rows(pks, shift, from_revision=from_revision, to_revision=to_revision)
            if shift:
                report.moved += written
            else:
                report.kept += written
        placed = [(m.pk, *m.selector) for m in batch if m.kind == "place"]
        if placed:
            columns = ["start", "end", "exact", "prefix", "suffix"]
            written = _update_rows(
                Annotation, placed, columns, revision_id=to_revision, guard={"revision_id": from_revision}
            )
            for move in batch:
                if move.kind == "place" and move.pk in written:
                    if move.moved:
                        report.moved += 1
                    else:
                        report.kept += 1
        orphans = [m.pk for m in batch if m.kind == "orphan"]
        if orphans:
            # Orphans keep their selector, quote and revision: the words a student chose, and where they were,
            # stay on record until a teacher re-attaches them.
            rows = Annotation.objects.filter(pk__in=orphans).select_for_update()  # none deleted before the UPDATE
            rows = rows.values_list("pk", "revision_id", "anchor_status")
            set_aside = {pk for pk, revision, status in rows if (revision, status) == (from_revision, ANCHORED)}
            Annotation.objects.filter(pk__in=set_aside).update(anchor_status=ORPHANED, orphaned_at=timezone.now())
            report.orphaned += len(set_aside)
            report.orphan_ids.extend(pk for pk in orphans if pk in set_aside)
    return True


# More stretches than this are not moved in one statement; the spans in the rest are placed one by one
# (SQLite limits how deep an expression may nest: each stretch adds a term to the WHERE and the CASE).
MAX_BULK_RANGES = 200
VALUES_BATCH = 500  # rows per UPDATE … FROM (VALUES …): 6 parameters each, far below either database's limit


@dataclass
class _Plan:
    """What the writes of one kind of span will be: stretches moved in bulk, the rest placed one by one."""

    ranges: list[tuple[int, int, int]]
    placed: list[tuple] = field(default_factory=list)  # (pk, start, end, exact, prefix, suffix, moved?)
    orphan_ids: list[int] = field(default_factory=list)


def _bulk_filter(ranges) -> Q | None:
    return reduce(operator.or_, [Q(start__gte=lo, end__lte=hi) for lo, hi, _ in ranges]) if ranges else None


def _plan_near_edits(model, article_id: int, reanchorer: anchoring.Reanchorer, plan: _Plan | None = None) -> _Plan:
    """Read (without locking them) and place the anchored spans that the bulk UPDATEs will not move.

    Given a ``plan``, only the spans it does not hold yet (saved or re-attached since) are added to it."""
    if plan is None:
        ranges = sorted(reanchorer.unchanged_ranges(), key=lambda r: r[1] - r[0], reverse=True)[:MAX_BULK_RANGES]
        plan = _Plan(ranges=ranges)
    left = model.objects.filter(article_id=article_id, anchor_status=ANCHORED)
    in_bulk = _bulk_filter(plan.ranges)
    if in_bulk is not None:
        left = left.exclude(in_bulk)
    seen = [row[0] for row in plan.placed] + plan.orphan_ids
    if seen:
        left = left.exclude(pk__in=seen)
    for pk, start, end, exact, prefix, suffix in left.values_list("pk", "start", "end", "exact", "prefix", "suffix"):
        selector, moved = _new_place(reanchorer, start, end, exact, prefix, suffix)
        if selector is None:
            plan.orphan_ids.append(pk)
            continue
        plan.placed.append((pk, selector.start, selector.end, selector.exact, selector.prefix, selector.suffix, moved))
    return plan


def _shift_unchanged(model, article_id: int, ranges, *, revision) -> ReanchorReport:
    """Move every anchored span that lies away from the edits (same words, same context) to ``revision``.

    Two UPDATEs (kept in place; shifted), evaluated on the old positions; their row counts are the report.
    """
    report = ReanchorReport(revision=revision)
    anchored = model.objects.filter(article_id=article_id, anchor_status=ANCHORED).exclude(revision=revision)
    in_place = [r for r in ranges if r[2] == 0]
    shifted = [r for r in ranges if r[2] != 0]
    if in_place:
        report.kept = anchored.filter(_bulk_filter(in_place)).update(revision=revision)
    if shifted:
        by = Case(*[When(Q(start__gte=lo, end__lte=hi), then=Value(shift)) for lo, hi, shift in shifted], default=0)
        report.moved = anchored.filter(_bulk_filter(shifted)).update(
            start=F("start") + by, end=F("end") + by, revision=revision
        )
    return report


def _write_placed(model, plan: _Plan, *, revision, now, report: ReanchorReport) -> None:
    """Write the spans placed one by one; the counts are the rows written (a span a student deleted meanwhile
    is not counted)."""
    for chunk in _chunks(plan.orphan_ids, VALUES_BATCH * 4):
        # Orphans keep their selector, quote and revision: the words a student chose, and where they were,
        # stay on record until a teacher re-attaches them.
        rows = model.objects.filter(pk__in=chunk, anchor_status=ANCHORED)
        written = set(rows.select_for_update().values_list("pk", flat=True))  # none deleted before the UPDATE
        model.objects.filter(pk__in=written).update(anchor_status=ORPHANED, orphaned_at=now)
        report.orphaned += len(written)
        report.orphan_ids.extend(pk for pk in chunk if pk in written)
    for chunk in _chunks(plan.placed, VALUES_BATCH):
        written = _update_selectors(model, [row[:6] for row in chunk], revision_id=revision.pk)
        moved = {row[0] for row in chunk if row[6]}
        report.moved += len(written & moved)
        report.kept += len(written - moved)


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _update_selectors(model, rows: list[tuple], *, revision_id: int) -> set[int]:
    return _update_rows(model, rows, ["start", "end", "exact", "prefix", "suffix"], revision_id=revision_id)


def _update_rows(
    model, rows: list[tuple], columns: list[str], *, revision_id: int, guard: dict | None = None
) -> set[int]:
    """One UPDATE … FROM (VALUES …) for many rows: ``rows`` are (id, *columns), each row also given
    ``revision_id``; with ``guard`` ({column: value}) only rows that still hold those values are written
    (SQLite ≥ 3.33 and PostgreSQL both read it). Returns the ids of the rows it wrote."""
    table = connection.ops.quote_name(model._meta.db_table)
    q = connection.ops.quote_name
    row = "(" + ", ".join(["%s"] * (len(columns) + 1)) + ")"
    names = ", ".join(f"c{i}" for i in range(1, len(columns) + 1))
    sets = ", ".join(
        f"{q(name)} = CAST(v.c{i} AS {'integer' if name in ('start', 'end') else 'text'})"
        for i, name in enumerate(columns, start=1)
    )
    where = "".join(f" AND COALESCE({table}.{q(column)}, 0) = %s" for column in (guard or {}))
    sql = (
        f"WITH v(id, {names}) AS (VALUES {', '.join([row] * len(rows))}) "
        f"UPDATE {table} SET {sets}, {q('revision_id')} = %s FROM v "
        f"WHERE {table}.{q('id')} = CAST(v.id AS bigint){where} RETURNING {table}.{q('id')}"
    )
    params = [value for r in rows for value in r] + [revision_id, *(guard or {}).values()]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


# --- Re-attaching an orphan -------------------------------------------------------------------------


def find_unique_occurrence(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` occur in ``text``, if exactly once; else a ValidationError a teacher can act on."""
    words = words.strip()
    if not words:
        raise ValidationError({"words": "Type the words to attach the highlight to."})
    first = text.find(words)
    if first == -1:
        raise ValidationError({"words": "These words are not in the article. Copy them exactly as written."})
    count, pos = 0, first
    while pos != -1:
        count += 1
        pos = text.find(words, pos + 1)
    if count > 1:
        raise ValidationError(
            {
                "words": f"These words appear {count} times in the article. Type a few more words around them, "
                "or select the right place with the mouse."
            }
        )
    return first, first + len(words)


def _can_reattach(user: User, annotation: Annotation) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return bool(user.is_teacher and annotation.submission.assignment.classroom.teacher_id == user.pk)


@transaction.atomic
def reattach_annotation(*, annotation: Annotation, start: int, end: int, exact: str, by: User) -> Annotation:
    """Put a set-aside highlight on words a teacher (of that class) or an admin selected in the current text."""
    # Lock the article before the annotation, in the same order as revise_article, so a re-attach and a
    # correction of the same article wait for each other instead of deadlocking (PostgreSQL).
    if not _can_reattach(by, annotation):
        raise PermissionDenied("Only the class's teacher or an admin can re-attach this highlight.")
    article, selector = select_in_current_text(annotation.article, start, end, exact)
    annotation = Annotation.objects.select_for_update().get(pk=annotation.pk)
    annotation.start, annotation.end, annotation.exact = selector.start, selector.end, selector.exact
    annotation.prefix, annotation.suffix = selector.prefix, selector.suffix
    annotation.revision = article.current_revision
    annotation.anchor_status = ANCHORED
    annotation.orphaned_at = None
    annotation.full_clean()
    annotation.save(update_fields=[*SELECTOR_FIELDS, "updated_at"])
    note_work_changed(submission_id=annotation.submission_id)
    return annotation
