"""Reads for the teacher's view of the whole class: the class on the text, agreement, the key-item table.

The class is the students enrolled now. Their highlights count whatever the state of their work (in
progress, submitted or returned), so a teacher can watch a lesson as it happens; the page says how many
have submitted. Everything is read in a fixed number of queries and computed in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from teaching import categories as category_defs
from teaching import permissions
from teaching.models import Assignment, Enrollment, KeyItem, LessonArticle, Submission, User
from teaching.selectors.feedback import KeyItemRow, class_scores, class_work
from teaching.services.results import tokens_for
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
    label: str  # "12 of 27 students — 9 numbers, 3 rhetoric"
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
    class_size: int
    submitted: int
    highlighters: int  # students with at least one highlight on this article
    passages: list[HeatPassage]
    key_items: list[KeyItem]
    agreement: list[KappaReading]

    @property
    def article(self):
        return self.lesson_article.article

    @property
    def most_highlighted(self) -> list[HeatPassage]:
        """The passages most of the class marked, for the list beside the text (and readers without the map)."""
        return sorted(self.passages, key=lambda p: (-p.students, p.start))[:8]

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
    lesson_articles = list(
        LessonArticle.objects.filter(lesson_id=assignment.lesson_id)
        .select_related("article")
        .defer("article__body_markdown", "article__body_html", "article__body_text")
        .order_by("position", "id")
    )
    current = next((la for la in lesson_articles if la.position == position), None)
    if current is None:
        raise Http404("No such article in this lesson.")
    article = LessonArticle.objects.select_related("article").get(pk=current.pk).article
    current.article = article
    text = article.body_text
    enrolled = set(Enrollment.objects.filter(classroom_id=assignment.classroom_id).values_list("student_id", flat=True))
    done = {Submission.Status.SUBMITTED, Submission.Status.RETURNED}
    submissions = list(
        Submission.objects.filter(assignment_id=assignment.pk, student_id__in=enrolled).values_list(
            "id", "work_version", "status"
        )
    )
    submitted = sum(1 for *_, status in submissions if status in done)
    # Each student's words per category come kept (teaching/services/results.py), not from the highlights.
    work = class_work(
        assignment,
        {pk: version for pk, version, _ in submissions},
        lesson_articles=lesson_articles,
        article_ids=[article.pk],
        with_words=True,
    )
    raters, words = 0, []
    for pk, _, _ in submissions:
        result = work.results.get((pk, article.pk))
        # A rater highlighted something here in a category in play (one who never opened it has not
        # said "none of these words"; one who highlighted only numbers has, for rhetoric).
        if result is not None and any(result.highlights.get(c) for c in categories):
            raters += 1
            words.append(result.words)
    tokens = tokens_for(article)
    class_size = len(enrolled)
    heat = agreement.heatmap_from_word_ranges(tokens, words, class_size=class_size, categories=categories, source=text)
    passages = [
        HeatPassage(
            id=n,
            start=p.start,
            end=p.end,
            students=p.students,
            level=band_for_share(p.share(class_size), SHADES),
            label=p.describe(class_size),
            quote=text[p.start : p.end],
        )
        for n, p in enumerate(heat.passages(category), start=1)
    ]
    key_items = list(
        KeyItem.objects.filter(
            key__lesson_id=assignment.lesson_id,
            article_id=article.pk,
            anchor_status=KeyItem.AnchorStatus.ANCHORED,
            category__in=[category] if category else categories,
        ).order_by("start", "end", "id")
    )
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
        submitted=submitted,
        highlighters=raters,
        passages=passages,
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


def key_item_rows(assignment: Assignment) -> tuple[list[KeyItemRow], int, bool]:
    scores = class_scores(assignment)
    return scores.key_items, scores.class_size, scores.has_key


__all__ += ["key_item_rows"]
