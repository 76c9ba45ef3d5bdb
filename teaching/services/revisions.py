"""Correcting an article: a new revision, and every highlight either on the same words or set aside.

The placing itself is the pure ``teaching.text.anchoring.Reanchorer``; this module applies its verdicts to
rows. It is generic over "things with a selector" (``start``/``end``/``exact``/``prefix``/``suffix``,
``revision``, ``anchor_status``, ``orphaned_at``), so reference-key items can follow the same rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles import rendering
from articles.models import EMPTY_BODY_MESSAGE, Article, ArticleRevision, body_is_blank
from teaching.models import Annotation, KeyItem, User
from teaching.services.spans import select_in_current_text
from teaching.text import anchoring

__all__ = [
    "ReanchorReport",
    "apply_placements",
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


def _highlights(n: int) -> str:
    return "1 highlight" if n == 1 else f"{n:,} highlights"


def apply_placements(
    reanchorer: anchoring.Reanchorer,
    items: Iterable[Anchored],
    *,
    revision: ArticleRevision,
    now,
) -> tuple[list[Anchored], ReanchorReport]:
    """Place each item in the new text and change it in memory; returns the items and the counts.

    Kept and moved items point into ``revision`` from now on (their prefix/suffix re-read from the new
    text). Orphans keep their selector, quote and revision untouched: the words a student chose, and
    where they were, stay on record until a teacher re-attaches them.
    """
    new_text = reanchorer.new_text
    report = ReanchorReport(revision=revision)
    changed = []
    for item in items:
        placement = reanchorer.place(
            start=item.start, end=item.end, exact=item.exact, prefix=item.prefix, suffix=item.suffix
        )
        selector = None
        if not placement.is_orphaned:
            try:
                selector = anchoring.select(new_text, placement.start, placement.end, placement.exact)
            except anchoring.QuoteMismatch:
                selector = None  # e.g. grown past the longest quote allowed: set aside rather than guess
        if selector is None:
            item.anchor_status = ORPHANED
            item.orphaned_at = now
            report.orphaned += 1
            report.orphan_ids.append(item.pk)
        else:
            item.start, item.end, item.exact = selector.start, selector.end, selector.exact
            item.prefix, item.suffix = selector.prefix, selector.suffix
            item.revision = revision
            if placement.status == anchoring.MOVED:
                report.moved += 1
            else:
                report.kept += 1
        changed.append(item)
    return changed, report


@transaction.atomic
def revise_article(*, article: Article, body_markdown: str, by: User | None, note: str = "") -> ReanchorReport:
    """Save a new body as the next revision and re-anchor every highlight and reference-key item on it.

    The article row is locked, so two corrections (or a correction and a student's new highlight,
    see ``create_annotation``) cannot interleave. Only ``body_markdown`` and what derives from it is
    written; the caller saves any other field. Nothing is ever deleted.
    """
    body_markdown = rendering.normalise_source(body_markdown or "")  # browsers send CRLF; no control chars
    if body_is_blank(body_markdown):
        raise ValidationError({"body_markdown": EMPTY_BODY_MESSAGE})
    locked = Article.objects.select_for_update().get(pk=article.pk)
    # Browsers and forms trim or add a final newline: not a correction.
    if locked.body_markdown.strip() == body_markdown.strip():
        return ReanchorReport(revision=None)
    old_text = locked.body_text
    locked.body_markdown = body_markdown
    locked.save(update_fields=["body_markdown", "body_html", "body_text", "updated_at"])
    last = locked.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    revision = ArticleRevision.objects.create(
        article=locked,
        number=last + 1,
        body_markdown=locked.body_markdown,
        body_text=locked.body_text,
        created_by=by,
        note=(note or "").strip()[:300],
    )
    for name in ("body_markdown", "body_html", "body_text", "updated_at"):
        setattr(article, name, getattr(locked, name))

    # One diff for all of them: the cost is the edit, not the number of highlights.
    reanchorer = anchoring.Reanchorer(old_text, locked.body_text)
    now = timezone.now()
    reports = []
    for model in (Annotation, KeyItem):
        spans = list(model.objects.filter(article_id=locked.pk, anchor_status=ANCHORED).order_by("pk"))
        changed, counts = apply_placements(reanchorer, spans, revision=revision, now=now)
        model.objects.bulk_update(changed, SELECTOR_FIELDS, batch_size=500)
        reports.append(counts)
    report, report.key_items = reports
    return report


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
    return annotation
