"""Reads for building a lesson's reference key: who may edit it, its items, and what to suggest.

Who may edit a lesson's key: ``teaching.permissions.can_edit_key`` — admins, and the teacher who owns the
lesson. Nobody else, not even a teacher who has set the lesson for a class: they get a 404 here, and may copy
the lesson (with its key) to adapt it. A student gets a 404 too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from articles.models import Article
from teaching.models import Assignment, DismissedSuggestion, KeyItem, Lesson, LessonArticle, ReferenceKey, User
from teaching.permissions import can_edit_key
from teaching.text.suggestions import Suggestion, suggest

__all__ = [
    "KIND_LABELS",
    "SuggestionGroup",
    "can_edit_key",
    "find_suggestion",
    "get_key_for_editing",
    "get_key_item_for_editing",
    "get_lesson_for_key_editing",
    "group_suggestions",
    "key_of",
    "list_key_articles",
    "list_key_items",
    "list_key_suggestions",
    "list_orphaned_key_items",
    "list_teacher_assignments_of_lesson",
]

# The category a suggestion of each kind is accepted as unless the teacher picks another.
SUGGESTED_CATEGORY = {"numbers": "numbers", "sourcing": "sourcing", "quotation": ""}
KIND_LABELS = {"numbers": "Numbers", "sourcing": "Sourcing", "quotation": "Quotations"}
_HEAVY_ARTICLE_FIELDS = ("article__body_markdown", "article__body_html", "article__body_text")


def get_lesson_for_key_editing(user: User, pk: int) -> Lesson:
    """The lesson, if ``user`` may edit its key; else 404 (not 403: others need not know it exists)."""
    if not user.is_authenticated:
        raise Http404
    lesson = get_object_or_404(Lesson.objects.select_related("owner"), pk=pk)
    if not can_edit_key(user, lesson):
        raise Http404
    return lesson


def get_key_for_editing(user: User, lesson: Lesson) -> ReferenceKey | None:
    """The lesson's key (None while nobody has added to it), if ``user`` may edit it; else 404."""
    if not can_edit_key(user, lesson):
        raise Http404
    return key_of(lesson)


def key_of(lesson: Lesson) -> ReferenceKey | None:
    """The lesson's key or None, for a caller that has already checked access (one query less)."""
    return ReferenceKey.objects.filter(lesson_id=lesson.pk).first()


def get_key_item_for_editing(user: User, pk: int) -> KeyItem:
    if not user.is_authenticated:
        raise Http404
    item = get_object_or_404(KeyItem.objects.select_related("key__lesson", "article"), pk=pk)
    if not can_edit_key(user, item.key.lesson):
        raise Http404
    return item


def list_teacher_assignments_of_lesson(user: User, lesson: Lesson) -> QuerySet[Assignment]:
    """The user's own assignments of this lesson, for the links back to their classes."""
    return Assignment.objects.filter(lesson_id=lesson.pk, classroom__teacher_id=user.pk).select_related("classroom")


def list_key_articles(lesson: Lesson, key: ReferenceKey | None) -> QuerySet[LessonArticle]:
    """The lesson's articles in order, each with ``highlight_count``: its anchored key items."""
    key_pk = key.pk if key else None
    return (
        LessonArticle.objects.filter(lesson_id=lesson.pk)
        .select_related("article")
        .defer(*_HEAVY_ARTICLE_FIELDS)
        .annotate(
            highlight_count=Count(
                "article__key_items",
                filter=Q(
                    article__key_items__key_id=key_pk,
                    article__key_items__anchor_status=KeyItem.AnchorStatus.ANCHORED,
                ),
            )
        )
        .order_by("position", "id")
    )


def list_key_items(key: ReferenceKey | None, article: Article) -> QuerySet[KeyItem]:
    """The key's items on this article that sit on its current text, in reading order."""
    if key is None:
        return KeyItem.objects.none()
    return KeyItem.objects.filter(
        key_id=key.pk, article_id=article.pk, anchor_status=KeyItem.AnchorStatus.ANCHORED
    ).order_by("start", "end", "id")


def list_orphaned_key_items(key: ReferenceKey | None, article: Article) -> QuerySet[KeyItem]:
    """The key's items on this article that a correction set aside ("could not place"), oldest first."""
    if key is None:
        return KeyItem.objects.none()
    return KeyItem.objects.filter(
        key_id=key.pk, article_id=article.pk, anchor_status=KeyItem.AnchorStatus.ORPHANED
    ).order_by("orphaned_at", "id")


def find_suggestion(text: str, start: int, end: int, kind: str) -> Suggestion | None:
    """The suggestion ``suggest(text)`` makes at exactly this span and kind, if any."""
    for suggestion in suggest(text):
        if (suggestion.start, suggestion.end, suggestion.kind) == (start, end, kind):
            return suggestion
    return None


def _covered(suggestion: Suggestion, items: Iterable[KeyItem]) -> bool:
    """Already in the key: an item overlaps it in the matching category (a quotation: in any category)."""
    wanted = SUGGESTED_CATEGORY.get(suggestion.kind, "")
    return any(
        item.start < suggestion.end and suggestion.start < item.end and (not wanted or item.category == wanted)
        for item in items
    )


def list_key_suggestions(key: ReferenceKey | None, article: Article, items: Iterable[KeyItem]) -> list[Suggestion]:
    """Suggestions for the article's current text, minus the ones dismissed and the ones already in the key.

    Offsets are code points into ``article.body_text`` (what the page's #article-text shows).
    """
    items = list(items)
    dismissed = set()
    if key is not None:
        dismissed = set(
            DismissedSuggestion.objects.filter(key_id=key.pk, article_id=article.pk).values_list("start", "end", "kind")
        )
    return [
        s for s in suggest(article.body_text) if (s.start, s.end, s.kind) not in dismissed and not _covered(s, items)
    ]


@dataclass(frozen=True)
class SuggestionGroup:
    kind: str
    label: str
    category: str  # the category pre-selected when accepting ("" = the teacher picks)
    suggestions: list[Suggestion]


def group_suggestions(suggestions: Iterable[Suggestion], text: str) -> list[SuggestionGroup]:
    """Suggestions by kind (numbers, sourcing, quotations), each kind in reading order, with their quotes."""
    by_kind: dict[str, list] = {kind: [] for kind in KIND_LABELS}
    for s in suggestions:
        by_kind.setdefault(s.kind, []).append(_Quoted(s, text[s.start : s.end]))
    return [
        SuggestionGroup(kind, KIND_LABELS.get(kind, kind.title()), SUGGESTED_CATEGORY.get(kind, ""), found)
        for kind, found in by_kind.items()
        if found
    ]


@dataclass(frozen=True)
class _Quoted:
    suggestion: Suggestion
    exact: str

    @property
    def start(self) -> int:
        return self.suggestion.start

    @property
    def end(self) -> int:
        return self.suggestion.end

    @property
    def kind(self) -> str:
        return self.suggestion.kind

    @property
    def label(self) -> str:
        # "attribution: Video footage confirms" says the quote twice in the list: keep "attribution".
        kind, _, rest = self.suggestion.label.partition(": ")
        return kind if rest and rest == self.exact else self.suggestion.label
