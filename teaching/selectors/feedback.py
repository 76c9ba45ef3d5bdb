"""Reads for the reference-key feedback: a student's found / missed / extra, and the teacher's scores.

Everything is computed from three lists read once — the lesson's articles (their text), the key's
anchored items and the anchored highlights — and matched in memory with ``teaching.text.matching``, so a
page costs the same number of queries for 10 students as for 160, and the work grows linearly with
the highlights. Orphaned highlights and key items (set aside by an article correction) point into an
older text and are left out until re-attached.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from teaching import categories as category_defs
from teaching import rows as rows_sql
from teaching.models import (
    Annotation,
    Assignment,
    Enrollment,
    FeedbackTiming,
    KeyItem,
    LessonArticle,
    ReferenceKey,
    Submission,
)
from teaching.services.results import KeptResult, kept_results
from teaching.text.matching import Scores, Span, match
from teaching.text.scoring import Tally, tally, tally_figures

__all__ = [
    "ArticleFeedback",
    "CategoryFeedback",
    "ClassScores",
    "ClassWork",
    "FoundItem",
    "KeyItemRow",
    "KeyItemSpan",
    "StudentFeedback",
    "class_scores",
    "class_work",
    "feedback_unavailable_reason",
    "KeyMatch",
    "key_match_labels",
    "list_key_item_spans_for_lesson",
    "list_key_items_for_lesson",
    "list_lesson_articles_stamped",
    "list_lesson_articles_with_text",
    "student_feedback",
]

ANCHORED = KeyItem.AnchorStatus.ANCHORED


# --- shared reads -----------------------------------------------------------------------------------


def list_lesson_articles_with_text(lesson_id: int) -> list[LessonArticle]:
    """The lesson's articles in order, with the title and plain text only (not the Markdown or HTML)."""
    return list(
        LessonArticle.objects.filter(lesson_id=lesson_id)
        .select_related("article")
        .only("id", "position", "lesson_id", "article_id", "article__id", "article__title", "article__body_text")
        .order_by("position", "id")
    )


def _key_items_sql(select: str) -> str:
    """The anchored items of a lesson's key in reading order (parameters: the lesson's id, ANCHORED), written
    here: every class page reads them on every load, and the ORM's query cost more to build than to run."""
    items, keys = KeyItem._meta.db_table, ReferenceKey._meta.db_table
    return (
        f'SELECT {select} FROM "{items}" INNER JOIN "{keys}" ON "{items}"."key_id" = "{keys}"."id" '  # noqa: S608
        f'WHERE "{keys}"."lesson_id" = %s AND "{items}"."anchor_status" = %s '
        f'ORDER BY "{items}"."article_id", "{items}"."start", "{items}"."end", "{items}"."id"'
    )


def list_key_items_for_lesson(lesson_id: int) -> list[KeyItem]:
    """The anchored items of the lesson's reference key (empty when it has none), in reading order:
    ``KeyItem.objects.filter(key__lesson_id=…, anchor_status=ANCHORED).order_by("article_id", "start", "end",
    "id")``."""
    found = rows_sql.fetchall(_key_items_sql(rows_sql.columns(KeyItem)), [lesson_id, ANCHORED.value])
    return [rows_sql.instance(KeyItem, values) for values in found]


class KeyItemSpan(NamedTuple):
    """Where a key item is and what it is: all that matching and adding up read of it."""

    pk: int
    article_id: int
    category: str
    start: int
    end: int


def list_key_item_spans_for_lesson(lesson_id: int) -> list[KeyItemSpan]:
    """``list_key_items_for_lesson`` as spans, for a page that shows no key item: a row of values each, not a
    model instance with its texts and dates."""
    fields = ("id", "article_id", "category", "start", "end")
    found = rows_sql.fetchall(_key_items_sql(rows_sql.columns(KeyItem, fields)), [lesson_id, ANCHORED.value])
    return [KeyItemSpan(*row) for row in found]


def _key_spans(items: list[KeyItem], categories: list[str]) -> dict[int, list[Span]]:
    wanted = set(categories)
    spans: dict[int, list[Span]] = defaultdict(list)
    for item in items:
        if item.category in wanted:
            spans[item.article_id].append(Span(item.start, item.end, item.category, item))
    return spans


# --- when a student may see feedback ----------------------------------------------------------------


def feedback_unavailable_reason(submission: Submission | None, *, has_key: bool) -> str | None:
    """Why the student cannot see feedback yet, in their words; None when they can."""
    if not has_key:
        return "There is no feedback for this lesson: your teacher hasn’t prepared a key to compare with yet."
    if submission is None or submission.status == Submission.Status.IN_PROGRESS:
        if submission is not None and submission.assignment.feedback_timing == FeedbackTiming.ON_RETURN:
            return "Feedback comes when your teacher returns your work. Submit it first."
        return "Feedback appears as soon as you submit your work."
    if not submission.feedback_visible:
        return "Your teacher will share the feedback when they return your work."
    return None


# --- one student's feedback -------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundItem:
    key_item: KeyItem
    annotation: Annotation


@dataclass(frozen=True)
class CategoryFeedback:
    category: category_defs.Category
    found: list[FoundItem]
    missed: list[KeyItem]
    extra: list[Annotation]
    duplicates: list[Annotation]

    @property
    def key_count(self) -> int:
        return len(self.found) + len(self.missed)


@dataclass(frozen=True)
class ArticleFeedback:
    lesson_article: LessonArticle
    scores: Scores
    categories: list[CategoryFeedback]

    @property
    def article(self):
        return self.lesson_article.article

    @property
    def position(self) -> int:
        return self.lesson_article.position

    @property
    def found(self) -> int:
        return self.scores.found

    @property
    def key_count(self) -> int:
        return self.scores.found + self.scores.missed


@dataclass(frozen=True)
class StudentFeedback:
    submission: Submission
    articles: list[ArticleFeedback]
    tally: Tally
    has_key: bool

    def at(self, position: int) -> ArticleFeedback | None:
        return next((a for a in self.articles if a.position == position), None)


def _category_feedback(scores: Scores) -> list[CategoryFeedback]:
    out = []
    for value, result in scores.categories.items():
        out.append(
            CategoryFeedback(
                category=category_defs.BY_VALUE[value],
                found=[FoundItem(m.key.ref, m.student.ref) for m in result.found],
                missed=[s.ref for s in result.missed],
                extra=[s.ref for s in result.extra],
                duplicates=[s.ref for s in result.duplicates],
            )
        )
    return out


def student_feedback(submission: Submission) -> StudentFeedback:
    """Found / missed / extra per article and category for one submission, in three queries."""
    assignment = submission.assignment
    categories = category_defs.ordered(assignment.categories)
    items = list_key_items_for_lesson(assignment.lesson_id)
    lesson_articles = list_lesson_articles_with_text(assignment.lesson_id)
    if not items:
        return StudentFeedback(submission, [], tally([], categories), has_key=False)
    key = _key_spans(items, categories)
    own: dict[int, list[Span]] = defaultdict(list)
    for annotation in (
        Annotation.objects.on_current_text().filter(submission_id=submission.pk).order_by("start", "end", "id")
    ):
        own[annotation.article_id].append(Span(annotation.start, annotation.end, annotation.category, annotation))
    articles = []
    for la in lesson_articles:
        scores = match(la.article.body_text, key.get(la.article_id, []), own.get(la.article_id, []), categories)
        articles.append(ArticleFeedback(la, scores, _category_feedback(scores)))
    return StudentFeedback(submission, articles, tally((a.scores for a in articles), categories), has_key=True)


# --- the class: per-student figures and per-item shares ---------------------------------------------


@dataclass
class KeyItemRow:
    item: KeyItem
    lesson_article: LessonArticle
    found_by: int = 0
    class_size: int = 0

    @property
    def share(self) -> float:
        return self.found_by / self.class_size if self.class_size else 0.0

    @property
    def percent(self) -> int:
        return round(self.share * 100)

    @property
    def missed_by_most(self) -> bool:
        return self.class_size > 0 and self.found_by * 2 < self.class_size

    @property
    def category(self) -> category_defs.Category:
        return category_defs.BY_VALUE[self.item.category]


def counted_students(enrolled: set[int], started: Iterable[int]) -> set[int]:
    """The students a class share is taken of: on the roster and started on the assignment. A student who has
    not started has no work to find anything in: they are counted apart ("3 not started"), never as a zero."""
    return enrolled.intersection(started)


@dataclass
class ClassScores:
    has_key: bool
    key_item_count: int = 0
    class_size: int = 0  # students counted: enrolled and started (counted_students)
    not_started: int = 0
    by_submission: dict[int, Tally] = field(default_factory=dict)
    key_items: list[KeyItemRow] = field(default_factory=list)


@dataclass
class ClassWork:
    """What the class pages add up: the lesson's articles, the key's anchored items in the lesson, and the
    kept result of each submission on each article (teaching/services/results.py)."""

    lesson_articles: list[LessonArticle]
    key_items: list[KeyItem] | list[KeyItemSpan]
    results: dict[tuple[int, int], KeptResult]

    def of(self, submission_id: int) -> list[KeptResult]:
        found = (self.results.get((submission_id, la.article_id)) for la in self.lesson_articles)
        return [r for r in found if r is not None]


def list_lesson_articles_stamped(lesson_id: int) -> list[LessonArticle]:
    """The lesson's articles in order, with the title and when the text last changed (not the text)."""
    return list(
        LessonArticle.objects.filter(lesson_id=lesson_id)
        .select_related("article")
        .only("id", "position", "lesson_id", "article_id", "article__id", "article__title", "article__updated_at")
        .order_by("position", "id")
    )


def class_work(
    assignment: Assignment,
    versions: dict[int, int],
    *,
    lesson_articles: list[LessonArticle] | None = None,
    article_ids: list[int] | None = None,
    with_words: bool = False,
    spans_only: bool = False,
) -> ClassWork:
    """The kept results of the submissions in ``versions`` (submission id → work_version).

    Queries: key items, lesson articles (unless given), kept rows; plus three when some work changed
    since it was last read (texts, those highlights, one upsert). ``spans_only``: the key items as
    ``KeyItemSpan`` (for a page that adds up figures and shows no key item).
    """
    if lesson_articles is None:
        lesson_articles = list_lesson_articles_stamped(assignment.lesson_id)
    in_lesson = {la.article_id for la in lesson_articles}
    read = list_key_item_spans_for_lesson if spans_only else list_key_items_for_lesson
    items = [i for i in read(assignment.lesson_id) if i.article_id in in_lesson]
    results = kept_results(
        lesson_articles=lesson_articles,
        key_items=items,
        versions=versions,
        article_ids=article_ids,
        with_words=with_words,
    )
    return ClassWork(lesson_articles, items, results)


def class_scores(
    assignment: Assignment,
    *,
    submission_students: dict[int, int] | None = None,
    enrolled: set[int] | None = None,
    work: ClassWork | None = None,
    with_key_items: bool = True,
) -> ClassScores:
    """Every submission's figures and every key item's "found by", added up from the kept results.

    ``submission_students`` (submission id → student id), ``enrolled`` (student ids on the roster) and
    ``work`` (the kept results) may be passed by a page that has read them already. A key item's share
    counts enrolled students; work by a student who left the class still gets its own figures.
    ``with_key_items=False``: the submissions' figures only (``key_items`` stays empty), for a page that
    shows no key item's share.
    """
    categories = category_defs.ordered(assignment.categories)
    if work is None or submission_students is None:
        rows = Submission.objects.filter(assignment_id=assignment.pk).values_list("id", "student_id", "work_version")
        submission_students = {pk: student for pk, student, _ in rows}
        work = class_work(assignment, {pk: version for pk, _, version in rows})
    if not work.key_items:
        return ClassScores(has_key=False)
    if enrolled is None:
        enrolled = set(
            Enrollment.objects.filter(classroom_id=assignment.classroom_id).values_list("student_id", flat=True)
        )
    in_lesson = {la.article_id: la for la in work.lesson_articles}
    items = [i for i in work.key_items if i.category in categories]
    in_play = {i.pk for i in items}
    found_by: Counter[int] = Counter()
    by_submission: dict[int, Tally] = {}
    for submission_id, student_id in submission_students.items():
        results = work.of(submission_id)
        by_submission[submission_id] = tally_figures((r.figures for r in results), categories)
        if with_key_items and student_id in enrolled:
            for result in results:
                found_by.update(result.found_items & in_play)
    class_size = len(counted_students(enrolled, submission_students.values()))
    return ClassScores(
        has_key=True,
        key_item_count=len(items),
        class_size=class_size,
        not_started=len(enrolled) - class_size,
        by_submission=by_submission,
        key_items=[KeyItemRow(i, in_lesson[i.article_id], found_by[i.pk], class_size) for i in items]
        if with_key_items
        else [],
    )


# --- the key-match column of exports -----------------------------------------------------------------


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class KeyMatch:
    """How one highlight stands against the reference key (the review's chip, the CSV's "Key match")."""

    kind: str  # "found" | "duplicate" | "extra" | "orphaned" | "moving"
    item: KeyItem | None = None

    def __str__(self) -> str:
        if self.kind == "found":
            return f"found: “{_shorten(self.item.exact)}”"
        return {
            "duplicate": "also on a found key item",
            "extra": "not in the key",
            "orphaned": "could not place after a correction",
            "moving": "being moved onto the corrected text",
        }[self.kind]


def key_match_labels(assignment: Assignment, annotations: list[Annotation]) -> dict[int, KeyMatch] | None:
    """For each annotation, how it stands against the lesson's reference key; ``None`` when there is no key.

    Two queries (key items, article texts), then one matching pass per student and article.
    """
    items = list_key_items_for_lesson(assignment.lesson_id)
    if not items:
        return None
    categories = category_defs.VALUES  # label every highlight, also in categories not in play
    key = _key_spans(items, list(categories))
    texts = {la.article_id: la.article.body_text for la in list_lesson_articles_with_text(assignment.lesson_id)}
    groups: dict[tuple[int, int], list[Span]] = defaultdict(list)
    labels: dict[int, KeyMatch] = {}
    for annotation in annotations:
        if annotation.anchor_status != ANCHORED:
            labels[annotation.pk] = KeyMatch("orphaned")
            continue
        if annotation.is_being_moved:
            labels[annotation.pk] = KeyMatch("moving")
            continue
        groups[(annotation.submission_id, annotation.article_id)].append(
            Span(annotation.start, annotation.end, annotation.category, annotation)
        )
    for (_submission_id, article_id), spans in groups.items():
        if article_id not in texts:
            continue
        scores = match(texts[article_id], key.get(article_id, []), sorted(spans, key=lambda sp: sp.start), categories)
        for result in scores.categories.values():
            for m in result.found:
                labels[m.student.ref.pk] = KeyMatch("found", m.key.ref)
            for span in result.duplicates:
                labels[span.ref.pk] = KeyMatch("duplicate")
            for span in result.extra:
                labels[span.ref.pk] = KeyMatch("extra")
    return labels
