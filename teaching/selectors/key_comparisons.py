"""Reads for editing a key's comparisons across articles (teaching/views/key_comparisons.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from teaching.models import KeyComparison, KeyItem, Lesson, LessonArticle, ReferenceKey, User
from teaching.permissions import can_edit_key

__all__ = [
    "ArticleItems",
    "get_key_comparison_for_editing",
    "list_key_comparisons_for_editing",
    "list_key_items_by_article",
    "list_key_items_by_id",
]

_HEAVY_ARTICLE_FIELDS = ("article__body_markdown", "article__body_html", "article__body_text")


@dataclass(frozen=True)
class ArticleItems:
    link: LessonArticle
    items: list[KeyItem]


def list_key_items_by_article(lesson: Lesson) -> list[ArticleItems]:
    """Every item of the lesson's key (those a correction set aside too, marked), article by article in reading
    order, numbers first within an article: what a comparison can link."""
    items = KeyItem.objects.filter(key__lesson_id=lesson.pk).order_by("start", "end", "pk")
    by_article: dict[int, list[KeyItem]] = {}
    for item in items:
        by_article.setdefault(item.article_id, []).append(item)
    links = (
        LessonArticle.objects.filter(lesson_id=lesson.pk)
        .select_related("article")
        .defer(*_HEAVY_ARTICLE_FIELDS)
        .order_by("position", "id")
    )
    return [
        ArticleItems(link, sorted(by_article.get(link.article_id, []), key=lambda i: i.category != "numbers"))
        for link in links
    ]


def list_key_comparisons_for_editing(key: ReferenceKey | None) -> list[KeyComparison]:
    """The key's comparisons in order, each with its items (and their articles) and ``item_ids``."""
    if key is None:
        return []
    items = KeyItem.objects.select_related("article").defer(*_HEAVY_ARTICLE_FIELDS).order_by("start", "pk")
    comparisons = list(
        KeyComparison.objects.filter(key_id=key.pk)
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("position", "pk")
    )
    for comparison in comparisons:
        comparison.item_ids = [item.pk for item in comparison.items.all()]
    return comparisons


def get_key_comparison_for_editing(user: User, pk: int) -> KeyComparison:
    """The comparison, if ``user`` may edit its key (the lesson's owner, or an admin); else 404."""
    if not user.is_authenticated:
        raise Http404
    comparison = get_object_or_404(KeyComparison.objects.select_related("key__lesson__owner"), pk=pk)
    if not can_edit_key(user, comparison.key.lesson):
        raise Http404
    return comparison


def list_key_items_by_id(ids: Iterable[int]) -> QuerySet[KeyItem]:
    """The items named in a form, whichever key they belong to: the service refuses items of another key."""
    return KeyItem.objects.filter(pk__in=list(ids))
