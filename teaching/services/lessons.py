"""Writes to lessons: the teacher's lesson builder ("My lessons") and copying from the shared library.

A lesson belongs to the teacher who made (or copied) it; ``None`` is the site's own, such as the launch lesson.
Who may change one is ``teaching.permissions.can_edit_lesson`` (its owner, or an admin), checked by every
service here. Teachers adapt anybody else's lesson by copying it: ``copy_lesson`` makes an independent lesson
with the same articles in the same order and a copy of the key (items and comparisons), owned by the copier.
Articles themselves are shared, never copied: a correction to an article reaches every lesson that uses it
(through ``revise_article``, which re-anchors students' highlights and every key's items alike).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from articles.models import Article
from teaching import permissions
from teaching.models import (
    Annotation,
    Assignment,
    DismissedSuggestion,
    KeyComparison,
    KeyItem,
    Lesson,
    LessonArticle,
    ReferenceKey,
    Submission,
    User,
)
from teaching.selectors.lessons import list_usable_articles

__all__ = [
    "MAX_LESSON_ARTICLES",
    "add_lesson_article",
    "copy_lesson",
    "create_lesson",
    "delete_lesson",
    "mark_lesson_edited",
    "move_lesson_article",
    "remove_lesson_article",
    "students_with_work_in",
    "update_lesson",
]

MAX_LESSON_ARTICLES = 12
NOT_YOURS = "This lesson is not yours to change. Copy it from the library to adapt it: the copy is yours."


def _check_editor(by: User, lesson: Lesson) -> None:
    if not permissions.can_edit_lesson(by, lesson):
        raise PermissionDenied(NOT_YOURS)


def mark_lesson_edited(lesson: Lesson) -> None:
    """Record that a person changed the lesson (the launch loader never adds to such a lesson again)."""
    lesson.edited_at = timezone.now()
    Lesson.objects.filter(pk=lesson.pk).update(edited_at=lesson.edited_at)


def _clean_fields(title: str, introduction: str) -> tuple[str, str]:
    title, introduction = (title or "").strip(), (introduction or "").strip()
    errors = {}
    if not title:
        errors["title"] = "Give the lesson a title students will recognise, e.g. “Election night: three reports”."
    elif len(title) > 200:
        errors["title"] = f"A title can be at most 200 characters (this one has {len(title)})."
    if len(introduction) > 4000:
        errors["introduction"] = f"An introduction can be at most 4,000 characters (this one has {len(introduction)})."
    if errors:
        raise ValidationError(errors)
    return title, introduction


def create_lesson(*, title: str, introduction: str = "", by: User) -> Lesson:
    """A new, empty lesson owned by ``by`` (a teacher; an admin's lesson made here is theirs too)."""
    if not permissions.can_browse_lessons(by):
        raise PermissionDenied("Only teachers make lessons.")
    title, introduction = _clean_fields(title, introduction)
    lesson = Lesson(title=title, introduction=introduction, owner=by, edited_at=timezone.now())
    lesson.full_clean()
    lesson.save()
    return lesson


@transaction.atomic
def update_lesson(*, lesson: Lesson, title: str, introduction: str, by: User) -> Lesson:
    _check_editor(by, lesson)
    lesson.title, lesson.introduction = _clean_fields(title, introduction)
    lesson.edited_at = timezone.now()
    lesson.full_clean()
    lesson.save(update_fields=["title", "introduction", "edited_at"])
    return lesson


@transaction.atomic
def add_lesson_article(*, lesson: Lesson, article: Article, by: User) -> LessonArticle:
    """Put an article at the end of the lesson."""
    _check_editor(by, lesson)
    lesson = Lesson.objects.select_for_update().get(pk=lesson.pk)  # one position at a time
    if not list_usable_articles(by).filter(pk=article.pk).exists():
        raise PermissionDenied("You can add your own articles and those of the shared library.")
    links = LessonArticle.objects.filter(lesson=lesson)
    if links.filter(article_id=article.pk).exists():
        raise ValidationError(f"“{article.title}” is already in this lesson.")
    if links.count() >= MAX_LESSON_ARTICLES:
        raise ValidationError(f"A lesson can have at most {MAX_LESSON_ARTICLES} articles.")
    position = (links.aggregate(last=Max("position"))["last"] or 0) + 1
    link = LessonArticle.objects.create(lesson=lesson, article=article, position=position)
    mark_lesson_edited(lesson)
    return link


@transaction.atomic
def move_lesson_article(*, link: LessonArticle, direction: str, by: User) -> LessonArticle:
    """Swap the article with its neighbour ("up" = earlier, "down" = later). At either end: refused."""
    _check_editor(by, link.lesson)
    if direction not in ("up", "down"):
        raise ValidationError("Move an article up or down.")
    links = LessonArticle.objects.select_for_update().filter(lesson_id=link.lesson_id)
    link = links.get(pk=link.pk)
    neighbours = (
        links.filter(position__lt=link.position).order_by("-position")
        if direction == "up"
        else links.filter(position__gt=link.position).order_by("position")
    )
    neighbour = neighbours.first()
    if neighbour is None:
        where = "first" if direction == "up" else "last"
        raise ValidationError(f"“{link.article}” is already the {where} article.")
    mine, theirs = link.position, neighbour.position
    # Two articles may never share a position, not even for a moment: park one at 0 while swapping.
    LessonArticle.objects.filter(pk=link.pk).update(position=0)
    LessonArticle.objects.filter(pk=neighbour.pk).update(position=mine)
    LessonArticle.objects.filter(pk=link.pk).update(position=theirs)
    link.position = theirs
    mark_lesson_edited(link.lesson)
    return link


def students_work_on(link: LessonArticle) -> int:
    """Students' highlights (number claims included) on this article in assignments of this lesson."""
    return Annotation.objects.filter(
        article_id=link.article_id, submission__assignment__lesson_id=link.lesson_id
    ).count()


@transaction.atomic
def remove_lesson_article(*, link: LessonArticle, by: User) -> int:
    """Take an article out of the lesson, with the key's items on it; the later articles move up one place.

    Refused while students have work on it in an assignment of this lesson: their highlights would vanish
    from their reading view. Returns how many key items went with it.
    """
    _check_editor(by, link.lesson)
    link = LessonArticle.objects.select_for_update().select_related("article").get(pk=link.pk)
    work = students_work_on(link)
    if work:
        raise ValidationError(
            f"“{link.article}” cannot leave this lesson: students have {work} highlight{'s' if work != 1 else ''} "
            "on it in assignments of this lesson. Copy the lesson and leave the article out of the copy instead."
        )
    items = KeyItem.objects.filter(key__lesson_id=link.lesson_id, article_id=link.article_id)
    removed_items = items.count()
    items.delete()
    DismissedSuggestion.objects.filter(key__lesson_id=link.lesson_id, article_id=link.article_id).delete()
    if removed_items:
        ReferenceKey.objects.filter(lesson_id=link.lesson_id).update(edited_at=timezone.now())
    position = link.position
    link.delete()
    # Close the gap in reading order (ascending, so each move lands on a free position).
    for later in LessonArticle.objects.filter(lesson_id=link.lesson_id, position__gt=position).order_by("position"):
        LessonArticle.objects.filter(pk=later.pk).update(position=later.position - 1)
    mark_lesson_edited(link.lesson)
    return removed_items


def students_with_work_in(lesson: Lesson) -> int:
    """Students with work in assignments of this lesson: a highlight, a comparison, or work handed in."""
    return (
        Submission.objects.filter(assignment__lesson_id=lesson.pk)
        .filter(Q(annotations__isnull=False) | Q(comparisons__isnull=False) | ~Q(status=Submission.Status.IN_PROGRESS))
        .values("student_id")
        .distinct()
        .count()
    )


@transaction.atomic
def delete_lesson(*, lesson: Lesson, by: User) -> int:
    """Delete a lesson its owner no longer wants, with its key and the assignments of it that nobody has started;
    its articles stay in My articles. Returns how many assignments went with it.

    Only the teacher who owns it may (the site's lessons are deleted in the admin). Refused while students have work
    in an assignment of it: that work would vanish from their pages and from the teacher's review.
    """
    if not (by.is_authenticated and lesson.owner_id is not None and lesson.owner_id == by.pk):
        raise PermissionDenied("Only the teacher who made this lesson can delete it.")
    lesson = Lesson.objects.select_for_update().get(pk=lesson.pk)
    students = students_with_work_in(lesson)
    if students:
        raise ValidationError(
            f"“{lesson.title}” cannot be deleted: {students} student{'s have' if students != 1 else ' has'} work in "
            "an assignment of it, which would vanish. Leave it in My lessons; it does no harm there."
        )
    assignments = Assignment.objects.filter(lesson_id=lesson.pk)
    count = assignments.count()
    Submission.objects.filter(assignment__lesson_id=lesson.pk).delete()  # none has any work (checked above)
    assignments.delete()
    KeyComparison.objects.filter(key__lesson_id=lesson.pk).delete()
    KeyItem.objects.filter(key__lesson_id=lesson.pk).delete()
    lesson.delete()  # its article list, key and dismissed suggestions go with it
    return count


@transaction.atomic
def copy_lesson(*, lesson: Lesson, by: User) -> Lesson:
    """An independent copy of a lesson the teacher may read: same articles in the same order, and a copy of the
    key (items, comparisons and dismissed suggestions). The copy and its key belong to ``by``."""
    if not permissions.can_browse_lessons(by):
        raise PermissionDenied("Only teachers copy lessons.")
    title = f"{lesson.title} (copy)"[:200]
    copy = Lesson.objects.create(
        title=title, introduction=lesson.introduction, owner=by, copied_from=lesson, edited_at=timezone.now()
    )
    LessonArticle.objects.bulk_create(
        LessonArticle(lesson=copy, article_id=link.article_id, position=link.position)
        for link in LessonArticle.objects.filter(lesson=lesson).order_by("position")
    )
    key = ReferenceKey.objects.filter(lesson=lesson).first()
    if key is None:
        return copy
    new_key = ReferenceKey.objects.create(lesson=copy, edited_at=timezone.now())
    copied_fields = (
        "article_id revision_id category start end exact prefix suffix explanation anchor_status orphaned_at"
    ).split()
    old_items = list(KeyItem.objects.filter(key=key).order_by("pk"))
    new_items = KeyItem.objects.bulk_create(
        KeyItem(key=new_key, created_by=by, **{field: getattr(item, field) for field in copied_fields})
        for item in old_items
    )
    item_for = {old.pk: new for old, new in zip(old_items, new_items, strict=True)}
    Through = KeyComparison.items.through
    for comparison in KeyComparison.objects.filter(key=key).prefetch_related("items").order_by("position", "pk"):
        made = KeyComparison.objects.create(
            key=new_key,
            title=comparison.title,
            relation=comparison.relation,
            explanation=comparison.explanation,
            position=comparison.position,
        )
        Through.objects.bulk_create(
            Through(keycomparison_id=made.pk, keyitem_id=item_for[item.pk].pk) for item in comparison.items.all()
        )
    DismissedSuggestion.objects.bulk_create(
        DismissedSuggestion(key=new_key, article_id=d.article_id, start=d.start, end=d.end, kind=d.kind)
        for d in DismissedSuggestion.objects.filter(key=key)
    )
    return copy
