"""Writes to number claims and claim links (comparisons). Each refusal changes nothing."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from teaching.models import Annotation, Comparison, LessonArticle, Relation, Submission, User
from teaching.permissions import owns_submission
from teaching.services.annotations import _lock_editable

__all__ = [
    "MAX_CLAIM_FIELD_CHARS",
    "MAX_NOTE_CHARS",
    "create_comparison",
    "delete_comparison",
    "update_claim",
    "update_comparison",
]

MAX_CLAIM_FIELD_CHARS = 120
MAX_NOTE_CHARS = 2000
RELATION_MESSAGE = "Say how the numbers relate: agree, contradict or measure different things."
_CLAIM_FIELDS = {"counted": "What is counted", "place": "The place", "time_window": "The time window"}


def _clean_short(name: str, value: str | None) -> str:
    value = " ".join((value or "").split())
    if len(value) > MAX_CLAIM_FIELD_CHARS:
        raise ValidationError(
            {name: f"{_CLAIM_FIELDS[name]} can be at most {MAX_CLAIM_FIELD_CHARS} characters (this has {len(value)})."}
        )
    return value


def _clean_note(note: str | None) -> str:
    note = (note or "").strip()
    if len(note) > MAX_NOTE_CHARS:
        message = f"A note can be at most {MAX_NOTE_CHARS} characters (this one has {len(note)})."
        raise ValidationError({"note": message})
    return note


def _clean_relation(relation: str) -> str:
    if relation not in Relation.values:
        raise ValidationError({"relation": RELATION_MESSAGE})
    return relation


@transaction.atomic
def update_claim(
    *,
    annotation: Annotation,
    counted: str | None = None,
    place: str | None = None,
    time_window: str | None = None,
    by: User,
) -> Annotation:
    """Say what a "numbers" highlight counts, and optionally where and when; ``None`` leaves a field as it is."""
    if not owns_submission(by, annotation.submission):
        raise PermissionDenied("This is not your highlight.")
    _lock_editable(annotation.submission)
    if annotation.category != "numbers":
        raise ValidationError("Only a Numbers highlight can say what it counts.")
    changes = {}
    for name, value in (("counted", counted), ("place", place), ("time_window", time_window)):
        if value is not None:
            changes[name] = _clean_short(name, value)
    if annotation.comparisons.exists() and "counted" in changes and not changes["counted"]:
        raise ValidationError({"counted": "This number is linked: say in a few words what it counts."})
    fields = [name for name, value in changes.items() if getattr(annotation, name) != value]
    for name in fields:
        setattr(annotation, name, changes[name])
    if fields:
        annotation.save(update_fields=[*fields, "updated_at"])
    return annotation


def _members(submission: Submission, annotations: Iterable[Annotation | int]) -> list[Annotation]:
    ids = []
    for a in annotations:
        pk = a.pk if isinstance(a, Annotation) else a
        if pk not in ids:
            ids.append(pk)
    if len(ids) < 2:
        raise ValidationError({"annotations": "Choose at least two different numbers to compare."})
    found = {
        a.pk: a for a in Annotation.objects.filter(pk__in=ids, submission_id=submission.pk).select_related("article")
    }
    if len(found) != len(ids):
        raise ValidationError({"annotations": "You can only link your own highlights in this assignment."})
    members = [found[pk] for pk in ids]
    lesson_articles = set(
        LessonArticle.objects.filter(lesson_id=submission.assignment.lesson_id).values_list("article_id", flat=True)
    )
    for a in members:
        if a.category != "numbers":
            raise ValidationError({"annotations": f"“{a.exact[:60]}” is not a Numbers highlight."})
        if a.is_orphaned:
            raise ValidationError(
                {"annotations": f"“{a.exact[:60]}” lost its place after a correction: put it back first."}
            )
        if a.article_id not in lesson_articles:
            raise ValidationError({"annotations": "That article is not part of this lesson."})
        if not a.counted.strip():
            raise ValidationError(
                {"annotations": f"Say what “{a.exact[:60]}” counts (in a few words) before linking it."}
            )
    return members


@transaction.atomic
def create_comparison(
    *,
    submission: Submission,
    annotations: Iterable[Annotation | int],
    relation: str,
    note: str = "",
    by: User,
) -> Comparison:
    """Link two or more of the student's own "numbers" highlights and say how they relate."""
    if not owns_submission(by, submission):
        raise PermissionDenied("This is not your work.")
    submission = _lock_editable(submission)
    relation = _clean_relation(relation)
    note = _clean_note(note)
    members = _members(submission, annotations)
    _check_not_linked_already(submission, members)
    comparison = Comparison(submission=submission, relation=relation, note=note)
    comparison.full_clean(exclude=["submission"])
    comparison.save()
    comparison.annotations.set(members)
    return comparison


def _check_not_linked_already(submission: Submission, members: list[Annotation], exclude: int | None = None) -> None:
    wanted = {a.pk for a in members}
    others = Comparison.objects.filter(submission_id=submission.pk).exclude(pk=exclude).prefetch_related("annotations")
    if any({a.pk for a in c.annotations.all()} == wanted for c in others):
        raise ValidationError({"annotations": "You have already linked exactly these numbers."})


def _check_owner(comparison: Comparison, by: User) -> None:
    if not owns_submission(by, comparison.submission):
        raise PermissionDenied("This is not your comparison.")


@transaction.atomic
def update_comparison(
    *,
    comparison: Comparison,
    relation: str | None = None,
    note: str | None = None,
    annotations: Iterable[Annotation | int] | None = None,
    by: User,
) -> Comparison:
    _check_owner(comparison, by)
    submission = _lock_editable(comparison.submission)
    fields = []
    if relation is not None:
        relation = _clean_relation(relation)
        if relation != comparison.relation:
            comparison.relation = relation
            fields.append("relation")
    if note is not None:
        note = _clean_note(note)
        if note != comparison.note:
            comparison.note = note
            fields.append("note")
    members = _members(submission, annotations) if annotations is not None else None
    if members is not None:
        _check_not_linked_already(submission, members, exclude=comparison.pk)
    if fields:
        comparison.save(update_fields=[*fields, "updated_at"])
    if members is not None:
        comparison.annotations.set(members)
    return comparison


@transaction.atomic
def delete_comparison(*, comparison: Comparison, by: User) -> None:
    _check_owner(comparison, by)
    _lock_editable(comparison.submission)
    comparison.delete()
