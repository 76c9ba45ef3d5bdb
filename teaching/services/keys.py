"""Writes to a lesson's reference key: items, comparisons, accepted and dismissed suggestions.

Who may edit a key is decided by ``teaching.permissions.can_edit_key``: admins, and the teacher who owns the
lesson (the key belongs to the lesson's owner). Every service here checks it, so a view that forgot the
selector still cannot write. Another teacher who sets the lesson for a class reads the key but never changes
it — that would change the feedback the owner's classes see; they copy the lesson instead. Every write marks
the key as edited by a person (``edited_at``), so the launch loader never adds back what someone removed.

Key items follow the same rules as student highlights: a position and a quote checked against the
article's current text (``teaching.text.anchoring.select``), re-anchored by ``revise_article`` after a
correction. An explanation may be left empty while the teacher builds the key and written later.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article
from teaching import categories as category_defs
from teaching.models import (
    DismissedSuggestion,
    KeyComparison,
    KeyItem,
    Lesson,
    LessonArticle,
    ReferenceKey,
    Relation,
    User,
)
from teaching.permissions import can_edit_key
from teaching.selectors.keys import find_suggestion
from teaching.services.spans import check_span, find_anchored, select_in_current_text, span_fields

__all__ = [
    "MAX_EXPLANATION_CHARS",
    "accept_suggestion",
    "create_key_comparison",
    "create_key_item",
    "delete_key_comparison",
    "delete_key_item",
    "dismiss_suggestion",
    "get_or_create_key",
    "mark_key_edited",
    "update_key_comparison",
    "update_key_item",
]

MAX_EXPLANATION_CHARS = 2000
NOT_ALLOWED = (
    "Only the teacher who owns this lesson (or an admin) can edit its key. Copy the lesson to adapt the key: "
    "the copy and its key are yours."
)


def _check_editor(by: User, key: ReferenceKey) -> None:
    """Refuse anyone but the key's editors; for an editor, mark the key as changed by a person."""
    if by is None or not can_edit_key(by, key.lesson):  # fails closed, whoever forgets to say who acts
        raise PermissionDenied(NOT_ALLOWED)
    mark_key_edited(key)


def mark_key_edited(key: ReferenceKey) -> None:
    """Record that a person changed the key (the admin calls this for the writes it makes itself)."""
    key.edited_at = timezone.now()
    ReferenceKey.objects.filter(pk=key.pk).update(edited_at=key.edited_at)


def _check_category(category: str) -> None:
    if category not in category_defs.BY_VALUE:
        raise ValidationError({"category": "Choose rhetoric, sourcing or numbers."})


def _clean_explanation(explanation: str | None) -> str:
    explanation = (explanation or "").strip()
    if len(explanation) > MAX_EXPLANATION_CHARS:
        raise ValidationError(
            {
                "explanation": f"An explanation can be at most {MAX_EXPLANATION_CHARS} characters "
                f"(this one has {len(explanation)})."
            }
        )
    return explanation


def _full_clean(item: KeyItem) -> None:
    # The model asks for an explanation; while building a key the teacher may add it later.
    check_span(item, exclude=("explanation",) if not item.explanation else ())


def get_or_create_key(lesson: Lesson) -> ReferenceKey:
    """The lesson's reference key, created empty the first time it is needed."""
    try:
        with transaction.atomic():
            key, _ = ReferenceKey.objects.get_or_create(lesson=lesson)
    except IntegrityError:  # created by a concurrent request between the read and the insert
        key = ReferenceKey.objects.get(lesson=lesson)
    key.lesson = lesson  # already read: the editor check needs it
    return key


@transaction.atomic
def create_key_item(
    *,
    key: ReferenceKey,
    article: Article,
    category: str,
    start: int,
    end: int,
    exact: str,
    explanation: str = "",
    client_key: str = "",
    by: User,
) -> KeyItem:
    """Add a span to the key. Idempotent like ``create_annotation``: a retry with the same ``client_key``
    (the browser's id for an item it is still trying to add) is the same item, updated to the category and
    explanation sent last; the same span and category again returns the existing item (a key holds a span
    once), with the explanation added when it brings one."""
    _check_editor(by, key)
    if not LessonArticle.objects.has_article(lesson_id=key.lesson_id, article_id=article.pk):
        raise ValidationError("This article is not part of the lesson.")
    _check_category(category)
    explanation = _clean_explanation(explanation)
    current, selector = select_in_current_text(article, start, end, exact)
    client_key = (client_key or "").strip()[:64]
    if client_key:
        retried = KeyItem.objects.filter(key=key, client_key=client_key).first()
        if retried is not None:
            return _apply_retry(retried, article=article, selector=selector, category=category, explanation=explanation)
    existing = find_anchored(KeyItem.objects.filter(key=key, article=article), selector, category)
    if existing is not None:
        if explanation and explanation != existing.explanation:
            existing.explanation = explanation
            existing.save(update_fields=["explanation", "updated_at"])
        return existing
    item = KeyItem(
        key=key,
        article=article,
        category=category,
        explanation=explanation,
        created_by=by,
        client_key=client_key,
        **span_fields(current, selector),
    )
    _full_clean(item)
    item.save()
    return item


def _apply_retry(item: KeyItem, *, article, selector, category: str, explanation: str) -> KeyItem:
    if item.article_id != article.pk or (item.start, item.end) != (selector.start, selector.end):
        raise ValidationError("This save was already used for other words. Reload the page and select again.")
    fields = [f for f, value in (("category", category), ("explanation", explanation)) if getattr(item, f) != value]
    if fields:
        item.category, item.explanation = category, explanation
        item.save(update_fields=[*fields, "updated_at"])
    return item


@transaction.atomic
def update_key_item(*, item: KeyItem, category: str | None = None, explanation: str | None = None, by: User) -> KeyItem:
    """Change an item's category and/or explanation; ``None`` leaves a field as it is."""
    _check_editor(by, item.key)
    fields = []
    if category is not None and category != item.category:
        _check_category(category)
        item.category = category
        fields.append("category")
    if explanation is not None:
        explanation = _clean_explanation(explanation)
        if explanation != item.explanation:
            item.explanation = explanation
            fields.append("explanation")
    if fields:
        _full_clean(item)
        item.save(update_fields=[*fields, "updated_at"])
    return item


@transaction.atomic
def delete_key_item(*, item: KeyItem, by: User) -> None:
    """Remove an item (and its place in any comparison; a comparison left with one item keeps it)."""
    _check_editor(by, item.key)
    item.delete()


@transaction.atomic
def accept_suggestion(
    *,
    key: ReferenceKey,
    article: Article,
    start: int,
    end: int,
    kind: str,
    category: str,
    explanation: str = "",
    by: User,
) -> KeyItem:
    """Turn a suggested span into a key item. The span must be one ``suggest()`` offers on the current text."""
    _check_editor(by, key)
    if not LessonArticle.objects.has_article(lesson_id=key.lesson_id, article_id=article.pk):
        raise ValidationError("This article is not part of the lesson.")
    text = Article.objects.only("pk", "body_text").get(pk=article.pk).body_text
    if find_suggestion(text, start, end, kind) is None:
        raise ValidationError("This suggestion is no longer offered. The article may have changed: reload the page.")
    return create_key_item(
        key=key,
        article=article,
        category=category,
        start=start,
        end=end,
        exact=text[start:end],
        explanation=explanation,
        by=by,
    )


@transaction.atomic
def dismiss_suggestion(
    *, key: ReferenceKey, article: Article, start: int, end: int, kind: str, by: User
) -> DismissedSuggestion:
    """Never offer this suggestion for this key again. Dismissing twice is harmless."""
    _check_editor(by, key)
    if not LessonArticle.objects.has_article(lesson_id=key.lesson_id, article_id=article.pk):
        raise ValidationError("This article is not part of the lesson.")
    text = Article.objects.only("pk", "body_text").get(pk=article.pk).body_text
    if find_suggestion(text, start, end, kind) is None:
        raise ValidationError("This suggestion is no longer offered. The article may have changed: reload the page.")
    dismissal, _ = DismissedSuggestion.objects.get_or_create(key=key, article=article, start=start, end=end, kind=kind)
    return dismissal


# --- Comparisons --------------------------------------------------------------------------------------


def _clean_comparison(key: ReferenceKey, title: str, relation: str, explanation: str, items: Iterable[KeyItem]):
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = "Say what is compared, e.g. “people evacuated from the town”."
    elif len(title) > 200:
        errors["title"] = "A title can be at most 200 characters."
    if relation not in Relation.values:
        errors["relation"] = "Choose agree, contradict or measure different things."
    items = list(items)
    if len({item.pk for item in items}) < 2:
        errors["items"] = "A comparison links at least two key items."
    elif any(item.key_id != key.pk for item in items):
        errors["items"] = "Every item of a comparison must belong to this key."
    try:
        explanation = _clean_explanation(explanation)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return title, explanation, items


@transaction.atomic
def create_key_comparison(
    *,
    key: ReferenceKey,
    title: str,
    relation: str,
    items: Iterable[KeyItem],
    explanation: str = "",
    position: int | None = None,
    by: User,
) -> KeyComparison:
    _check_editor(by, key)
    title, explanation, items = _clean_comparison(key, title, relation, explanation, items)
    if position is None:
        position = (key.comparisons.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    comparison = KeyComparison(key=key, title=title, relation=relation, explanation=explanation, position=position)
    comparison.full_clean(exclude=["explanation"] if not explanation else None)
    comparison.save()
    comparison.items.set(items)
    return comparison


@transaction.atomic
def update_key_comparison(
    *,
    comparison: KeyComparison,
    title: str,
    relation: str,
    items: Iterable[KeyItem],
    explanation: str = "",
    by: User,
) -> KeyComparison:
    _check_editor(by, comparison.key)
    title, explanation, items = _clean_comparison(comparison.key, title, relation, explanation, items)
    comparison.title, comparison.relation, comparison.explanation = title, relation, explanation
    comparison.full_clean(exclude=["explanation"] if not explanation else None)
    comparison.save()
    comparison.items.set(items)
    return comparison


@transaction.atomic
def delete_key_comparison(*, comparison: KeyComparison, by: User) -> None:
    _check_editor(by, comparison.key)
    comparison.delete()
