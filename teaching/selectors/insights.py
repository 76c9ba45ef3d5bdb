"""Reads for the teacher's view of the whole class: the class on the text, agreement, the key-item table.

The class is the students enrolled now. Their highlights count whatever the state of their work (in
progress, submitted or returned), so a teacher can watch a lesson as it happens; the page says how many
have submitted. Everything is read in a fixed number of queries and computed in one pass.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from functools import cached_property

from django.http import Http404

from teaching import categories as category_defs
from teaching import permissions
from teaching.models import Assignment, Enrollment, KeyItem, LessonArticle, Submission, User
from teaching.selectors.feedback import (
    KeyItemRow,
    counted_students,
    list_key_items_for_lesson,
    list_lesson_articles_stamped,
)
from teaching.services.results import class_sums, tokens_for
from teaching.text import agreement
from teaching.text.scoring import band_for_share

__all__ = [
    "ClassHeatmap",
    "HeatPassage",
    "KEY_ITEM_SORTS",
    "KappaReading",
    "class_heatmap",
    "get_assignment_for_teacher",
    "sort_key_items",
]

SHADES = 5  # steps of the shade scale: up to 20%, 40%, 60%, 80%, 100% of the class


def get_assignment_for_teacher(*, user: User, pk: int) -> Assignment:
    """The assignment, if ``user`` teaches its class; anyone else gets a 404."""
    if not permissions.is_teacher(user):
        raise Http404("No such assignment.")
    try:
        return Assignment.objects.select_related("lesson", "classroom").get(pk=pk, classroom__teacher=user)
    except Assignment.DoesNotExist:
        raise Http404("No such assignment.") from None


@dataclass(frozen=True)
class HeatPassage:
    id: int
    start: int
    end: int
    students: int
    level: int
    label: str  # "12 of 27 students — 9 as numbers, 3 as rhetoric"
    quote: str


@dataclass(frozen=True)
class KappaReading:
    category: category_defs.Category
    kappa: float | None
    band: str | None
    reading: str

    @property
    def display(self) -> str:
        if self.kappa is None:
            return "—"
        shown = f"{self.kappa:.2f}"
        return "0.00" if shown == "-0.00" else shown  # a tiny negative rounds to a confusing "-0.00"


@dataclass(frozen=True)
class ClassHeatmap:
    assignment: Assignment
    lesson_article: LessonArticle
    lesson_articles: list[LessonArticle]
    category: category_defs.Category | None
    class_size: int  # students counted: enrolled and started (feedback.counted_students)
    not_started: int
    submitted: int
    highlighters: int  # students with at least one highlight on this article
    # (id, start, end, students, level, label) per passage: a class of 160 has thousands, read only as rows
    # (passages_payload) except the few shown beside the text; ``passages`` makes them HeatPassages.
    passage_rows: list[tuple[int, int, int, int, int, str]]
    key_items: list[KeyItem]
    agreement: list[KappaReading]

    @property
    def article(self):
        return self.lesson_article.article

    def _passage(self, row: tuple[int, int, int, int, int, str]) -> HeatPassage:
        return HeatPassage(*row, self.article.body_text[row[1] : row[2]])

    @property
    def passages(self) -> list[HeatPassage]:
        return [self._passage(row) for row in self.passage_rows]

    def passages_payload(self) -> dict:
        """For heatmap.js: ``labels`` (each once) and ``passages`` as [id, start, end, level, label index]."""
        labels: dict[str, int] = {}
        rows = [
            [n, start, end, level, labels.setdefault(label, len(labels))]
            for n, start, end, _, level, label in self.passage_rows
        ]
        return {"labels": list(labels), "passages": rows}

    @cached_property
    def most_highlighted(self) -> list[HeatPassage]:
        """The passages most of the class marked, for the list beside the text (and readers without the map)."""
        return [self._passage(row) for row in heapq.nsmallest(8, self.passage_rows, key=lambda r: (-r[3], r[1]))]

    @property
    def shade_scale(self) -> list[tuple[int, int, int]]:
        """(level, lowest %, highest %) for the legend."""
        step = 100 // SHADES
        return [(n, (n - 1) * step + 1, n * step) for n in range(1, SHADES + 1)]


def class_heatmap(assignment: Assignment, position: int, category: str | None = None) -> ClassHeatmap:
    """Per-passage shares of the class on one article (all categories or one), key items and agreement."""
    categories = category_defs.ordered(assignment.categories)
    if category is not None and category not in categories:
        category = None
    # Every article's text and HTML come with the list (a lesson has a few short articles): one query, not a
    # second one for the article shown.
    lesson_articles = list(
        LessonArticle.objects.filter(lesson_id=assignment.lesson_id)
        .select_related("article")
        .defer("article__body_markdown")
        .order_by("position", "id")
    )
    current = next((la for la in lesson_articles if la.position == position), None)
    if current is None:
        raise Http404("No such article in this lesson.")
    article = current.article
    text = article.body_text
    enrolled = set(Enrollment.objects.filter(classroom_id=assignment.classroom_id).values_list("student_id", flat=True))
    done = {Submission.Status.SUBMITTED, Submission.Status.RETURNED}
    submissions = list(
        Submission.objects.filter(assignment_id=assignment.pk).values_list("id", "student_id", "status", "work_version")
    )
    submitted = sum(1 for _, student, status, _ in submissions if student in enrolled and status in done)
    # The class comes added up (teaching/services/results.py): one kept row per article, moved along with
    # every change to a student's work, instead of every student's words on every load.
    in_lesson = {la.article_id for la in lesson_articles}
    lesson_items = [i for i in list_key_items_for_lesson(assignment.lesson_id) if i.article_id in in_lesson]
    sums = class_sums(
        assignment_id=assignment.pk,
        lesson_articles=lesson_articles,
        key_items=lesson_items,
        versions={pk: version for pk, _, _, version in submissions},
        left_out={pk for pk, student, _, _ in submissions if student not in enrolled},
        article_ids=[article.pk],
    )[article.pk]
    raters = sums.rating(categories)
    tokens = tokens_for(article)
    class_size = len(counted_students(enrolled, (student for _, student, _, _ in submissions)))
    heat = agreement.Heatmap(
        tokens=tokens,
        class_size=class_size,
        total=tuple(sums.covering(categories)),
        by_category={c: tuple(sums.covering([c])) for c in categories},
        text=text,
    )
    # A large class has thousands of passages but fewer different figures: each shade and label made once.
    shown, runs = heat.runs(category)
    levels: dict[int, int] = {}
    labels: dict[tuple[int, ...], str] = {}
    shown_key = tuple(shown)
    passage_rows = []
    for n, (start, end, _, _, figures) in enumerate(runs, start=1):
        students = figures[0]
        level = levels.get(students)
        if level is None:
            level = levels[students] = band_for_share(students / class_size if class_size else 0.0, SHADES)
        label = labels.get(figures)
        if label is None:
            label = labels[figures] = agreement.describe_run(figures, shown_key, class_size)
        passage_rows.append((n, start, end, students, level, label))
    # The key's anchored items on this article (in reading order), from the lesson's already read.
    wanted = {category} if category else set(categories)
    key_items = [i for i in lesson_items if i.article_id == article.pk and i.category in wanted]
    readings = []
    for c in categories:
        kappa = agreement.kappa_from_coverage(heat.by_category[c], raters)
        readings.append(
            KappaReading(category_defs.BY_VALUE[c], kappa, agreement.band(kappa), agreement.describe(kappa, c))
        )
    return ClassHeatmap(
        assignment=assignment,
        lesson_article=current,
        lesson_articles=lesson_articles,
        category=category_defs.BY_VALUE[category] if category else None,
        class_size=class_size,
        not_started=len(enrolled) - class_size,
        submitted=submitted,
        highlighters=raters,
        passage_rows=passage_rows,
        key_items=key_items,
        agreement=readings,
    )


# --- the key-item table -----------------------------------------------------------------------------

KEY_ITEM_SORTS = {
    "article": lambda r: (r.lesson_article.position, r.item.start),
    "category": lambda r: (category_defs.VALUES.index(r.item.category), r.lesson_article.position, r.item.start),
    "quote": lambda r: (r.item.exact.casefold(), r.lesson_article.position),
    "found": lambda r: (r.share, r.lesson_article.position, r.item.start),
}


def sort_key_items(rows: list[KeyItemRow], sort: str) -> tuple[list[KeyItemRow], str, bool]:
    """Rows sorted by ``sort`` ("found", "-found", "article", …); returns (rows, column, descending).

    Unknown values fall back to "found" ascending: the items the class missed most come first.
    """
    descending = sort.startswith("-")
    column = sort.lstrip("-")
    if column not in KEY_ITEM_SORTS:
        column, descending = "found", False
    return sorted(rows, key=KEY_ITEM_SORTS[column], reverse=descending), column, descending


@dataclass(frozen=True)
class KeyItemTable:
    rows: list[KeyItemRow]
    class_size: int = 0  # students counted: enrolled and started (feedback.counted_students)
    not_started: int = 0
    has_key: bool = False


def key_item_rows(assignment: Assignment) -> KeyItemTable:
    """Every key item in play with how many of the class found it, out of the students who have started.

    "Found by" comes from the kept class sums (teaching/services/results.py): one row per article, not
    every student's results.
    """
    categories = set(category_defs.ordered(assignment.categories))
    lesson_articles = list_lesson_articles_stamped(assignment.lesson_id)
    by_article = {la.article_id: la for la in lesson_articles}
    items = [i for i in list_key_items_for_lesson(assignment.lesson_id) if i.article_id in by_article]
    if not items:
        return KeyItemTable(rows=[])
    enrolled = set(Enrollment.objects.filter(classroom_id=assignment.classroom_id).values_list("student_id", flat=True))
    submissions = list(
        Submission.objects.filter(assignment_id=assignment.pk).values_list("id", "student_id", "work_version")
    )
    sums = class_sums(
        assignment_id=assignment.pk,
        lesson_articles=lesson_articles,
        key_items=items,
        versions={pk: version for pk, _, version in submissions},
        left_out={pk for pk, student, _ in submissions if student not in enrolled},
        article_ids=list(by_article),
        with_coverage=False,
    )
    class_size = len(counted_students(enrolled, (student for _, student, _ in submissions)))
    rows = [
        KeyItemRow(i, by_article[i.article_id], sums[i.article_id].found_by.get(i.pk, 0), class_size)
        for i in items
        if i.category in categories
    ]
    return KeyItemTable(rows=rows, class_size=class_size, not_started=len(enrolled) - class_size, has_key=True)


__all__ += ["KeyItemTable", "key_item_rows"]
