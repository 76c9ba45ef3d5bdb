"""The article page: one object for every mode of the page that shows an article with highlights and a panel.

The student's reading view, the teacher's review of one student and the key mode are one page: an article,
the highlights on it (a student's, or the key's items), the counters in the panel, the way to the previous
and next article, and what this user may do there. ``get_article_page`` builds all of it with a fixed
number of queries per mode (pinned in tests/teaching/views/test_article_page.py), whatever the number of
highlights; views render it, and writes ask ``get_panel_counts`` for the counters they swap out of band.
Side by side (``get_compare_page``) is two panes of the student's work, each the article page of its
article in the compare mode (the article and its highlights), under the reading view's permission rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from django.db import connection
from django.db.models import Count, Q
from django.http import Http404

from articles.models import Article
from articles.rendering import draw_highlights
from teaching import categories as category_defs
from teaching import permissions, rows
from teaching.models import Annotation, KeyItem, Lesson, LessonArticle, Submission, User
from teaching.selectors.annotations import AnnotationRow
from teaching.selectors.claims import Ledger, claim_links, numbers_ledger
from teaching.selectors.feedback import key_match_labels
from teaching.selectors.keys import (
    group_suggestions,
    key_of,
    list_key_articles,
    list_key_items,
    list_key_suggestions,
    list_orphaned_key_items,
    list_teacher_assignments_of_lesson,
)
from teaching.selectors.orphans import list_orphaned_annotations
from teaching.selectors.submissions import (
    category_counts,
    get_article_in_assignment,
    get_lesson_article,
    lesson_articles_with_counts,
    list_annotations,
    list_lesson_articles,
)

__all__ = [
    "ArticlePage",
    "ComparePage",
    "Mode",
    "Navigation",
    "PanelCounts",
    "PagePermissions",
    "get_article_page",
    "get_compare_page",
    "get_panel_counts",
    "key_suggestions",
    "next_highlight_id",
]


class Mode(StrEnum):
    READ = "read"  # the student's own work
    REVIEW = "review"  # the class's teacher looks at one student's work
    KEY = "key"  # a key editor builds the lesson's reference key
    COMPARE = "compare"  # one pane of side by side: the student's own work on one of two articles


# Where the lesson steps and the pager link to, by mode.
_URL_NAMES = {
    Mode.READ: "teaching:article_read",
    Mode.REVIEW: "teaching:submission_review_article",
    Mode.KEY: "teaching:key_edit",
}


@dataclass(frozen=True)
class Navigation:
    """The lesson's articles (each with ``highlight_count``), this one's position, and its neighbours."""

    lesson_articles: list[LessonArticle]
    position: int
    url_name: str
    owner_pk: int

    @property
    def _index(self) -> int:
        return next(i for i, la in enumerate(self.lesson_articles) if la.position == self.position)

    @property
    def previous(self) -> LessonArticle | None:
        i = self._index
        return self.lesson_articles[i - 1] if i > 0 else None

    @property
    def next(self) -> LessonArticle | None:
        i = self._index
        return self.lesson_articles[i + 1] if i + 1 < len(self.lesson_articles) else None


@dataclass(frozen=True)
class PanelCounts:
    """The panel's counters: per category over the whole work, the total, and this article's."""

    by_category: list[tuple[category_defs.Category, int]]
    total: int
    in_article: int  # including the ones a correction set aside (the lesson steps count them)
    anchored: int  # on the article's words (the panel's badge)


@dataclass(frozen=True)
class PagePermissions:
    can_edit: bool  # make, change and delete highlights (or key items) here
    can_submit: bool
    can_mark: bool  # the teacher marks highlights and returns the work
    marks_visible: bool
    feedback_visible: bool


class _ModeFlags:
    """The mode, as the page template asks (templates/teaching/article_page.html)."""

    mode: Mode

    @property
    def is_read(self) -> bool:
        return self.mode == Mode.READ

    @property
    def is_review(self) -> bool:
        return self.mode == Mode.REVIEW

    @property
    def is_key(self) -> bool:
        return self.mode == Mode.KEY

    @property
    def is_compare(self) -> bool:
        return self.mode == Mode.COMPARE


@dataclass
class ArticlePage(_ModeFlags):
    mode: Mode
    article: Article
    position: int
    highlights: list  # Annotation (read, review) or KeyItem (key), anchored, in reading order
    orphaned: list
    counts: PanelCounts
    permissions: PagePermissions
    categories: list[category_defs.Category]
    navigation: Navigation | None = None  # None for the panel region alone (an htmx refresh)
    submission: Submission | None = None
    lesson: Lesson | None = None
    key: Any = None
    extra: dict = field(default_factory=dict)  # what one mode alone shows (suggestions, ledger, claim links)
    side: str = ""  # side by side: "left" or "right"

    @cached_property
    def article_html(self) -> str:
        """The article's HTML with this page's highlights drawn in: the page arrives showing them, before any
        script runs (the reading view's script only draws again what the server cannot know: highlights still
        on their way from the device). Asked for by the template only, so a refresh of the panel alone does
        not pay for it."""
        return draw_highlights(self.article.body_html, [(h.pk, h.start, h.end, h.category) for h in self.highlights])

    def context(self) -> dict:
        """The template context: the page itself, and the names the fragments were written against."""
        assignment = self.submission.assignment if self.submission else None
        context = {
            "page": self,
            "mode": self.mode.value,
            "article": self.article,
            "position": self.position,
            "submission": self.submission,
            "assignment": assignment,
            "lesson": self.lesson,
            "key": self.key,
            "categories": self.categories,
            "all_categories": category_defs.ALL,
            "category_counts": self.counts.by_category,
            "total_count": self.counts.total,
            "article_count": self.counts.in_article,
            "anchored_count": self.counts.anchored,
            "errors": [],
            **self.extra,
        }
        if self.mode == Mode.KEY:
            context.update(items=self.highlights, orphaned_items=self.orphaned)
        else:
            context.update(annotations=self.highlights, orphaned_annotations=self.orphaned)
        if self.navigation is not None:
            nav = self.navigation
            context.update(lesson_articles=nav.lesson_articles, previous=nav.previous, next=nav.next, navigation=nav)
        return context


@dataclass
class ComparePage(_ModeFlags):
    """Side by side: the student's work on two articles of the lesson, each pane the article page of one
    (mode compare: the article and its highlights), with what the page around them needs."""

    submission: Submission
    panes: list[ArticlePage]  # left then right; one alone for an htmx refresh of that pane
    permissions: PagePermissions
    categories: list[category_defs.Category]
    left: int
    right: int
    lesson_articles: list[LessonArticle] | None = None  # the picker's choices (None for a pane alone)
    ledger: Ledger | None = None  # the numbers ledger of the two articles (None for a pane alone)
    mode: Mode = Mode.COMPARE

    def context(self) -> dict:
        context = {
            "page": self,
            "mode": self.mode.value,
            "submission": self.submission,
            "assignment": self.submission.assignment,
            "categories": self.categories,
            "panes": self.panes,
            "left": self.left,
            "right": self.right,
        }
        if self.lesson_articles is not None:
            context["lesson_articles"] = self.lesson_articles
        if self.ledger is not None:
            context["ledger"] = self.ledger
        return context


def _check(user: User, owner: Submission | Lesson, mode: Mode) -> None:
    """Whoever fetched ``owner``, the page shows it only to whom it belongs in this mode: a student's own work
    while they are in the class (teaching.permissions' rule for removed students), the class's teacher, a key
    editor."""
    allowed = {
        Mode.READ: lambda: (
            isinstance(owner, Submission)
            and permissions.owns_submission(user, owner)
            and (
                # Read under the enrolment rule by get_work_for_student in this request: no second query.
                getattr(owner, "enrolled_when_read", False)
                or permissions.is_enrolled(owner.student_id, owner.assignment.classroom_id)
            )
        ),
        Mode.REVIEW: lambda: isinstance(owner, Submission) and permissions.can_review(user, owner),
        Mode.KEY: lambda: isinstance(owner, Lesson) and permissions.can_edit_key(user, owner),
    }[Mode.READ if mode == Mode.COMPARE else mode]  # side by side shows the student's own work, as reading does
    if not allowed():
        raise Http404


def get_panel_counts(*, owner: Submission | Lesson, article: Article, mode: Mode, key=None) -> PanelCounts:
    """The counters alone (two queries), for a write that swaps them out of band.

    In the key mode ``total`` is the key's items on the words of every article of the lesson (the header's
    count), ``in_article`` and ``anchored`` this article's."""
    if mode == Mode.KEY:
        here = Q(article_id=article.pk)
        counts = KeyItem.objects.filter(
            key_id=key.pk if key else None,
            anchor_status=KeyItem.AnchorStatus.ANCHORED,
            article__lesson_articles__lesson_id=owner.pk,
        ).aggregate(total=Count("id"), here=Count("id", filter=here))
        return PanelCounts(by_category=[], total=counts["total"], in_article=counts["here"], anchored=counts["here"])
    # One query: per category over the whole work, with this article's share of each. In SQL written here,
    # like ``next_highlight_id``: every save asks it, and building the ORM's filtered counts cost a save more
    # than running them. ``anchored``: on this article's words as they are now (``ON_CURRENT_TEXT``).
    sql = (
        f'SELECT "category", COUNT(*), SUM(CASE WHEN "article_id" = %s THEN 1 ELSE 0 END), '  # noqa: S608
        f'SUM(CASE WHEN "article_id" = %s AND "anchor_status" = %s {_ON_TEXT_SQL} THEN 1 ELSE 0 END) '
        f'FROM "{Annotation._meta.db_table}" WHERE "submission_id" = %s GROUP BY "category"'
    )
    anchored = Annotation.AnchorStatus.ANCHORED.value
    with connection.cursor() as cursor:
        cursor.execute(sql, [article.pk, article.pk, anchored, article.pk, owner.pk])
        counts = {category: (n, here, on_words) for category, n, here, on_words in cursor.fetchall()}
    return PanelCounts(
        by_category=[(c, counts[c.value][0] if c.value in counts else 0) for c in owner.assignment.category_objects],
        total=sum(row[0] for row in counts.values()),
        in_article=sum(row[1] for row in counts.values()),
        anchored=sum(row[2] for row in counts.values()),
    )


# ``Annotation.objects.on_current_text()`` for one article's highlights (its id the one parameter), in SQL: not one
# a correction is still moving onto the new text (the article's own ``text_revision_id``; either side unknown:
# a row or an article from before revisions were recorded). Follows an "anchored" condition.
_ON_TEXT_SQL = (
    'AND ("revision_id" IS NULL OR "revision_id" = COALESCE((SELECT "text_revision_id" FROM '
    f'"{Article._meta.db_table}" WHERE "id" = %s), "revision_id"))'
)


def next_highlight_id(span: Annotation | KeyItem) -> int | None:
    """The highlight after ``span`` in reading order (start, end, id) on the same article, or None.

    One row-value comparison, ``(start, end, id) > (…)`` (SQLite ≥ 3.15 and PostgreSQL), in SQL written
    here: every save asks this, and the ORM's three-way OR for the same question cost a save more to build
    than all of its other reads of the highlights."""
    on_text, extra = "", []
    if isinstance(span, KeyItem):
        model, owner_column, owner_id = KeyItem, "key_id", span.key_id
    else:
        model, owner_column, owner_id = Annotation, "submission_id", span.submission_id
        on_text, extra = f"{_ON_TEXT_SQL} ", [span.article_id]  # not one a correction is still moving
    sql = (
        f'SELECT "id" FROM "{model._meta.db_table}" WHERE "{owner_column}" = %s AND "article_id" = %s '  # noqa: S608
        f'AND "anchor_status" = %s {on_text}AND ("start", "end", "id") > (%s, %s, %s) '
        'ORDER BY "start", "end", "id" LIMIT 1'
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [owner_id, span.article_id, span.AnchorStatus.ANCHORED.value, *extra, span.start, span.end, span.pk]
        )
        row = cursor.fetchone()
    return row[0] if row else None


def get_article_page(
    *, user: User, owner: Submission | Lesson, position: int, mode: Mode | str, with_navigation: bool = True
) -> ArticlePage:
    """What the article page shows ``user`` in ``mode``, or 404.

    ``owner`` is what the URL names, already fetched through its selector: the student's own submission
    (read), a submission of the teacher's class (review), or the lesson whose key is edited (key).
    """
    mode = Mode(mode)
    _check(user, owner, mode)
    if mode == Mode.KEY:
        return _key_page(user, owner, position, with_navigation)
    return _submission_page(owner, position, mode, with_navigation)


_READING_FIELDS = (
    "id",
    "submission_id",
    "article_id",
    "anchor_status",
    "category",
    "start",
    "end",
    "exact",
    "comment",
    "counted",
    "place",
    "time_window",
    "teacher_mark",
    "teacher_comment",
)


def _reading_rows(submission: Submission, article: Article) -> tuple[list[tuple], list[tuple]]:
    """What the reading view lists of the student's work on the article, as rows of ``_READING_FIELDS`` in reading
    order, in one query written as SQL (building the ORM's queries cost more than running them): (the highlights,
    the ones a correction set aside). The first are ``list_annotations(submission, article)``: anchored, on the
    article's current text (``_ON_TEXT_SQL`` is ``ON_CURRENT_TEXT``); the second are
    ``list_orphaned_annotations(submission=submission, article=article)``, in its order (the model's)."""
    sql = (
        f'SELECT {rows.columns(Annotation, _READING_FIELDS)} FROM "{Annotation._meta.db_table}" '  # noqa: S608
        f'WHERE "submission_id" = %s AND "article_id" = %s '
        f'AND (("anchor_status" = %s {_ON_TEXT_SQL}) OR "anchor_status" = %s) '
        'ORDER BY "start", "end", "id"'
    )
    anchored, orphaned = Annotation.AnchorStatus.ANCHORED.value, Annotation.AnchorStatus.ORPHANED.value
    found = rows.fetchall(sql, [submission.pk, article.pk, anchored, article.pk, orphaned])
    convert = rows.converter(Annotation, _READING_FIELDS)
    status = _READING_FIELDS.index("anchor_status")
    on_words, set_aside = [], []
    for values in found:
        (on_words if values[status] == anchored else set_aside).append(tuple(convert(values)))
    return on_words, set_aside


def _submission_page(submission: Submission, position: int, mode: Mode, with_navigation: bool) -> ArticlePage:
    assignment = submission.assignment
    article = get_lesson_article(assignment.lesson_id, position).article
    if mode == Mode.READ:
        # What the reading view's entries and its list of set-aside highlights show (teaching/templatetags/entries.py,
        # _orphaned_annotations.html), as rows of values: 200 model instances with every field were most of what
        # the selector cost.
        on_words, set_aside = _reading_rows(submission, article)
        highlights = [AnnotationRow(_READING_FIELDS, values) for values in on_words]
        orphaned = [AnnotationRow(_READING_FIELDS, values) for values in set_aside]
    else:
        highlights = list(list_annotations(submission, article))
        orphaned = list(list_orphaned_annotations(submission=submission, article=article))
    # The lesson's articles, read once for the lesson steps and the review's ledger.
    lesson_articles = lesson_articles_with_counts(submission) if with_navigation else None
    extra: dict = {}
    if mode == Mode.READ:
        extra["claim_links"] = claim_links(submission, article.pk)
    else:
        labels = key_match_labels(assignment, highlights) or {}
        for annotation in highlights:
            annotation.key_match = labels.get(annotation.pk)
        extra["ledger"] = numbers_ledger(submission, lesson_articles=lesson_articles)
    counts = category_counts(submission)
    categories = assignment.category_objects
    navigation = None
    if lesson_articles is not None:
        navigation = Navigation(
            lesson_articles=lesson_articles,
            position=position,
            url_name=_URL_NAMES[mode],
            owner_pk=assignment.pk if mode == Mode.READ else submission.pk,
        )
    editable = mode == Mode.READ and submission.is_editable
    return ArticlePage(
        mode=mode,
        article=article,
        position=position,
        highlights=highlights,
        orphaned=orphaned,
        counts=PanelCounts(
            by_category=[(c, counts.get(c.value, 0)) for c in categories],
            total=sum(counts.values()),
            in_article=len(highlights) + len(orphaned),
            anchored=len(highlights),
        ),
        permissions=PagePermissions(
            can_edit=editable,
            can_submit=editable,
            can_mark=mode == Mode.REVIEW,
            marks_visible=mode == Mode.REVIEW or submission.marks_visible,
            feedback_visible=mode == Mode.REVIEW or submission.feedback_visible,
        ),
        categories=categories,
        navigation=navigation,
        submission=submission,
        lesson=assignment.lesson,
        extra=extra,
    )


def key_suggestions(key, article: Article, items=None) -> dict:
    """The key mode's suggestions for the article (its text, minus what the key has or dismissed), as the
    template names them. Without ``items``, the key's spans on the article are read (one query)."""
    if items is None:
        items = list_key_items(key, article).only("start", "end", "category")
    suggestions = list_key_suggestions(key, article, items)
    return {
        "suggestion_groups": group_suggestions(suggestions, article.body_text),
        "suggestion_count": len(suggestions),
    }


def _key_page(user: User, lesson: Lesson, position: int, with_navigation: bool) -> ArticlePage:
    key = key_of(lesson)
    article = get_lesson_article(lesson.pk, position).article
    items = list(list_key_items(key, article))
    extra = key_suggestions(key, article, items)
    navigation = None
    if with_navigation:
        lesson_articles = list(list_key_articles(lesson, key))
        navigation = Navigation(
            lesson_articles=lesson_articles, position=position, url_name=_URL_NAMES[Mode.KEY], owner_pk=lesson.pk
        )
        extra["total_items"] = sum(la.highlight_count for la in lesson_articles)
        extra["assignments"] = list(list_teacher_assignments_of_lesson(user, lesson))
    return ArticlePage(
        mode=Mode.KEY,
        article=article,
        position=position,
        highlights=items,
        orphaned=list(list_orphaned_key_items(key, article)),
        counts=PanelCounts(by_category=[], total=len(items), in_article=len(items), anchored=len(items)),
        permissions=PagePermissions(
            can_edit=True, can_submit=False, can_mark=False, marks_visible=True, feedback_visible=True
        ),
        categories=list(category_defs.ALL),
        navigation=navigation,
        lesson=lesson,
        key=key,
        extra=extra,
    )


def get_compare_page(*, user: User, owner: Submission, left: int, right: int, side: str | None = None) -> ComparePage:
    """Side by side for ``user``: the student's own work (``owner``, as the reading view fetched it) on the
    articles at ``left`` and ``right``, or 404. ``side`` ("left" or "right"): that pane alone, its highlights
    without the article's texts (htmx refreshes a pane's list after a save)."""
    _check(user, owner, Mode.COMPARE)
    if side not in (None, "left", "right"):
        raise Http404
    assignment = owner.assignment
    editable = owner.is_editable
    page_permissions = PagePermissions(
        can_edit=editable,
        can_submit=False,
        can_mark=False,
        marks_visible=owner.marks_visible,
        feedback_visible=owner.feedback_visible,
    )
    categories = assignment.category_objects
    panes = []
    for pane_side, position in (("left", left), ("right", right)):
        if side and side != pane_side:
            continue
        article = get_article_in_assignment(assignment, position, texts=side is None)
        highlights = list(list_annotations(owner, article))
        panes.append(
            ArticlePage(
                mode=Mode.COMPARE,
                article=article,
                position=position,
                highlights=highlights,
                orphaned=[],  # shown where they can be put back: the article on its own
                counts=PanelCounts(by_category=[], total=0, in_article=len(highlights), anchored=len(highlights)),
                permissions=page_permissions,
                categories=categories,
                submission=owner,
                lesson=assignment.lesson,
                side=pane_side,
            )
        )
    lesson_articles, ledger = None, None
    if side is None:
        # Read once for the picker and the ledger of the two articles below the panes.
        lesson_articles = list(list_lesson_articles(owner))
        ledger = numbers_ledger(owner, articles=[pane.article.pk for pane in panes], lesson_articles=lesson_articles)
    return ComparePage(
        submission=owner,
        panes=panes,
        permissions=page_permissions,
        categories=categories,
        left=left,
        right=right,
        lesson_articles=lesson_articles,
        ledger=ledger,
    )
