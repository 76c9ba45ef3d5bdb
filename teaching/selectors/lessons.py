"""Reads for "My lessons", the lesson builder and the shared library.

Teachers (and admins) read every lesson of the site — the library — to assign it or copy it; they change only
their own (``teaching.permissions.can_edit_lesson``). Lists annotate what their pages show, so a page's query
count does not grow with its rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404

from articles.models import Article
from teaching import permissions
from teaching.models import Annotation, Assignment, Classroom, KeyComparison, KeyItem, Lesson, LessonArticle, User

__all__ = [
    "ArticleKeyItems",
    "get_lesson_for_editing",
    "get_lesson_for_reading",
    "get_usable_article",
    "list_articles_to_add",
    "list_builder_articles",
    "list_key_comparisons_read_only",
    "list_key_items_read_only",
    "list_library_lessons",
    "list_my_lessons",
    "list_usable_articles",
    "list_classrooms_to_assign",
]

_HEAVY = ("body_markdown", "body_html", "body_text")
_HEAVY_ARTICLE_FIELDS = tuple(f"article__{field}" for field in _HEAVY)


def _count(queryset) -> Subquery:
    """A correlated COUNT(*) (joins of several counts would multiply rows: articles × key items × assignments)."""
    return Coalesce(Subquery(queryset.order_by().values("lesson_ref").annotate(n=Count("pk")).values("n")), 0)


def _with_counts(lessons: QuerySet[Lesson]) -> QuerySet[Lesson]:
    return lessons.annotate(
        article_count=_count(
            LessonArticle.objects.filter(lesson_id=OuterRef("pk")).annotate(lesson_ref=F("lesson_id"))
        ),
        key_item_count=_count(
            KeyItem.objects.filter(key__lesson_id=OuterRef("pk"), anchor_status=KeyItem.AnchorStatus.ANCHORED).annotate(
                lesson_ref=F("key__lesson_id")
            )
        ),
        assignment_count=_count(
            Assignment.objects.filter(lesson_id=OuterRef("pk")).annotate(lesson_ref=F("lesson_id"))
        ),
    )


def _articles_in_order() -> Prefetch:
    return Prefetch(
        "lesson_articles",
        queryset=LessonArticle.objects.select_related("article").defer(*_HEAVY_ARTICLE_FIELDS).order_by("position"),
    )


def list_my_lessons(user: User) -> QuerySet[Lesson]:
    """The lessons ``user`` owns, most recently changed first, each with its articles and counts."""
    return (
        _with_counts(Lesson.objects.filter(owner_id=user.pk))
        .prefetch_related(_articles_in_order())
        .order_by("-edited_at", "-created_at", "-pk")
    )


def list_library_lessons(user: User, query: str = "") -> QuerySet[Lesson]:
    """Everybody else's lessons with at least one article: the site's first, then by title."""
    lessons = Lesson.objects.exclude(owner_id=user.pk).filter(lesson_articles__isnull=False).distinct()
    if query.strip():
        lessons = lessons.filter(
            Q(title__icontains=query.strip()) | Q(lesson_articles__article__title__icontains=query.strip())
        ).distinct()
    return (
        _with_counts(lessons)
        .select_related("owner")
        .prefetch_related(_articles_in_order())
        .annotate(from_the_site=Case(When(owner__isnull=True, then=Value(0)), default=Value(1)))
        .order_by("from_the_site", "title", "pk")
    )


def get_lesson_for_reading(user: User, pk: int) -> Lesson:
    """Any lesson, for a teacher or an admin (the library); 404 for everyone else."""
    if not permissions.can_browse_lessons(user):
        raise Http404("No such lesson.")
    try:
        return Lesson.objects.select_related("owner", "copied_from").get(pk=pk)
    except Lesson.DoesNotExist:
        raise Http404("No such lesson.") from None


def get_lesson_for_editing(user: User, pk: int) -> Lesson:
    """The lesson, if ``user`` may change it (its owner, or an admin); 404 otherwise."""
    lesson = get_lesson_for_reading(user, pk)
    if not permissions.can_edit_lesson(user, lesson):
        raise Http404("No such lesson of yours.")
    return lesson


def list_builder_articles(lesson: Lesson) -> QuerySet[LessonArticle]:
    """The lesson's articles in order, each with ``work_count`` (students' highlights on it in this lesson's
    assignments: such an article cannot be removed) and ``key_item_count``."""
    work = Annotation.objects.filter(article_id=OuterRef("article_id"), submission__assignment__lesson_id=lesson.pk)
    return (
        LessonArticle.objects.filter(lesson_id=lesson.pk)
        .select_related("article")
        .defer(*_HEAVY_ARTICLE_FIELDS)
        .annotate(
            has_work=Exists(work),
            key_item_count=Count("article__key_items", filter=Q(article__key_items__key__lesson_id=lesson.pk)),
        )
        .order_by("position", "id")
    )


def list_usable_articles(user: User) -> QuerySet[Article]:
    """Articles ``user`` may put in a lesson: their own and the shared library's (the site's and other teachers',
    read-only to them — articles.models.ArticleQuerySet.owned_by / shared_with). Students: none."""
    if not permissions.can_browse_lessons(user):
        return Article.objects.none()
    return Article.objects.owned_by(user) | Article.objects.shared_with(user)


def list_articles_to_add(user: User, lesson: Lesson, query: str = "") -> QuerySet[Article]:
    """Usable articles not yet in the lesson: the user's own first (newest first), then the library by title."""
    return (
        list_usable_articles(user)
        .exclude(lesson_articles__lesson_id=lesson.pk)
        .search(query)
        .defer(*_HEAVY)
        .annotate(is_mine=Case(When(owner_id=user.pk, then=Value(0)), default=Value(1)))
        .order_by("is_mine", "title", "pk")
    )


def get_usable_article(user: User, pk) -> Article | None:
    """The article, if ``user`` may put it in a lesson; None otherwise (also for a malformed id)."""
    try:
        return list_usable_articles(user).defer(*_HEAVY).get(pk=int(pk))
    except (Article.DoesNotExist, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class ArticleKeyItems:
    link: LessonArticle
    items: list[KeyItem]


def list_key_items_read_only(lesson: Lesson) -> list[ArticleKeyItems]:
    """The key's items on their words, article by article in reading order (the library's read-only view)."""
    items = KeyItem.objects.filter(key__lesson_id=lesson.pk, anchor_status=KeyItem.AnchorStatus.ANCHORED).order_by(
        "start", "end", "pk"
    )
    by_article: dict[int, list[KeyItem]] = {}
    for item in items:
        by_article.setdefault(item.article_id, []).append(item)
    links = LessonArticle.objects.filter(lesson_id=lesson.pk).select_related("article").defer(*_HEAVY_ARTICLE_FIELDS)
    return [ArticleKeyItems(link, by_article.get(link.article_id, [])) for link in links.order_by("position", "id")]


def list_key_comparisons_read_only(lesson: Lesson) -> QuerySet[KeyComparison]:
    return (
        KeyComparison.objects.filter(key__lesson_id=lesson.pk)
        .prefetch_related(Prefetch("items", queryset=KeyItem.objects.order_by("start", "pk")))
        .order_by("position", "pk")
    )


def list_classrooms_to_assign(user: User) -> QuerySet[Classroom]:
    """The classes a teacher may set a lesson for: their own."""
    return Classroom.objects.filter(teacher_id=user.pk).order_by("name")
