"""Reads for number claims, claim links and the numbers ledger: only what the asking user may see.

Every page reads a fixed handful of lists (the lesson's articles, the highlights, the comparisons with
their members, the key's comparisons with their items) and works in memory with ``teaching.text.comparisons``,
so the query count does not grow with the number of highlights, comparisons or students.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache
from django.db.models import F, Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404

from teaching import permissions, rows
from teaching.models import (
    Annotation,
    Assignment,
    Comparison,
    KeyComparison,
    KeyItem,
    LessonArticle,
    ReferenceKey,
    Submission,
    User,
)
from teaching.selectors.feedback import KeyItemSpan
from teaching.text import comparisons as cmp
from teaching.text.matching import Span

__all__ = [
    "claim_card",
    "claim_links",
    "ClaimCard",
    "ClaimLink",
    "class_comparisons",
    "ClassComparisons",
    "comparison_feedback",
    "ComparisonFeedback",
    "get_comparison_for_student",
    "get_numbers_annotation_for_student",
    "Ledger",
    "LedgerEntry",
    "list_numbers_annotation_ids",
    "numbers_ledger",
]

NUMBERS = "numbers"
ANCHORED = Annotation.AnchorStatus.ANCHORED
# A comparison's highlights, with the revision of their article's text (``Annotation.is_being_moved``).
_MEMBERS = Annotation.objects.annotate(text_revision_id=F("article__text_revision_id")).order_by(
    "article_id", "start", "id"
)
_HEAVY = ("article__body_markdown", "article__body_html", "article__body_text")


def get_comparison_for_student(user: User, pk: int) -> Comparison:
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Comparison.objects.select_related("submission__assignment").filter(
            permissions.own_work_in_class(user, "submission")
        ),
        pk=pk,
    )


def list_numbers_annotation_ids(submission: Submission) -> list[int]:
    """The submission's "numbers" highlights: the ones a comparison may link."""
    return list(submission.annotations.filter(category="numbers").values_list("pk", flat=True))


def get_numbers_annotation_for_student(user: User, pk: int) -> Annotation:
    """The student's own highlight (any category: the service says why a non-numbers one can't be a claim)."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Annotation.objects.select_related("submission__assignment", "article").filter(
            permissions.own_work_in_class(user, "submission")
        ),
        pk=pk,
    )


def _positions(lesson_id: int) -> list[LessonArticle]:
    return list(
        LessonArticle.objects.filter(lesson_id=lesson_id).select_related("article").defer(*_HEAVY).order_by("position")
    )


# --- claim cards --------------------------------------------------------------------------------------


@dataclass
class ClaimCard:
    """A numbers highlight as a claim: its parsed reading, the student's words, where it is, its links."""

    annotation: Annotation
    position: int | None  # the article's place in the lesson (for links)
    article_title: str
    links: list[Comparison] = field(default_factory=list)
    assignment_id: int | None = None

    @cached_property
    def reading(self) -> cmp.ClaimReading:
        return cmp.read_claim(self.annotation.exact)

    @property
    def pk(self) -> int:
        return self.annotation.pk


def claim_card(annotation: Annotation) -> ClaimCard:
    """One claim with its links (for the claim fragment answered after a write)."""
    lesson_articles = _positions(annotation.submission.assignment.lesson_id)
    position = next((la.position for la in lesson_articles if la.article_id == annotation.article_id), None)
    title = next((la.article.title for la in lesson_articles if la.article_id == annotation.article_id), "")
    links = list(annotation.comparisons.prefetch_related("annotations"))
    return ClaimCard(annotation, position, title, links, annotation.submission.assignment_id)


@dataclass
class ClaimLink:
    """One comparison a highlight belongs to, seen from that highlight: the other members and where they are."""

    comparison: Comparison
    others: list[tuple[Annotation, int | None]]  # (highlight, its article's position in the lesson)


def comparisons_on_article(submission_id: int, article_id: int) -> list[Comparison]:
    """The submission's comparisons with a member on the article, oldest first: ``Comparison.objects.filter(
    submission_id=…, annotations__article_id=…).distinct().order_by("created_at", "id")`` in SQL written here
    (one query; every reading view asks, and most find none: building the ORM's join cost more than running it)."""
    comparisons, annotations = Comparison._meta.db_table, Annotation._meta.db_table
    through = Comparison.annotations.through._meta
    members = (
        f'SELECT 1 FROM "{through.db_table}" t INNER JOIN "{annotations}" a '
        f'ON a."id" = t."{through.get_field("annotation").column}" '
        f'WHERE t."{through.get_field("comparison").column}" = "{comparisons}"."id" AND a."article_id" = %s'
    )
    sql = (
        f'SELECT {rows.columns(Comparison)} FROM "{comparisons}" '  # noqa: S608
        f'WHERE "{comparisons}"."submission_id" = %s AND EXISTS ({members}) '
        f'ORDER BY "{comparisons}"."created_at", "{comparisons}"."id"'
    )
    return [rows.instance(Comparison, values) for values in rows.fetchall(sql, [submission_id, article_id])]


def claim_links(submission: Submission, article_id: int) -> dict[int, list[ClaimLink]]:
    """Highlight id → its links, for the numbers highlights of one article (three queries at most, one when
    there are none)."""
    comparisons = comparisons_on_article(submission.pk, article_id)
    if not comparisons:
        return {}
    prefetch_related_objects(comparisons, Prefetch("annotations", queryset=_MEMBERS))
    positions = dict(
        LessonArticle.objects.filter(lesson_id=submission.assignment.lesson_id).values_list("article_id", "position")
    )
    links: dict[int, list[ClaimLink]] = defaultdict(list)
    for c in comparisons:
        members = list(c.annotations.all())
        for a in members:
            if a.article_id == article_id:
                others = [(o, positions.get(o.article_id)) for o in members if o.pk != a.pk]
                links[a.pk].append(ClaimLink(c, others))
    return dict(links)


# --- the ledger ---------------------------------------------------------------------------------------


@dataclass
class LedgerEntry:
    comparison: Comparison
    row: cmp.LedgerRow
    members: list[tuple[ClaimCard, cmp.LedgerMember]]

    @property
    def broken(self) -> bool:
        """Fewer than two members left (a linked highlight was deleted)."""
        return len(self.members) < 2


@dataclass
class Ledger:
    submission: Submission
    entries: list[LedgerEntry]
    articles: list[tuple[LessonArticle, list[ClaimCard]]]  # the numbers highlights, by article, to link

    @property
    def claim_count(self) -> int:
        return sum(len(cards) for _, cards in self.articles)

    @property
    def described_count(self) -> int:
        return sum(1 for _, cards in self.articles for c in cards if c.annotation.counted)

    @property
    def question_count(self) -> int:
        return sum(1 for e in self.entries if e.row.question)


def _comparisons(submission_ids: list[int]) -> QuerySet[Comparison]:
    return (
        Comparison.objects.filter(submission_id__in=submission_ids)
        .prefetch_related(Prefetch("annotations", queryset=_MEMBERS))
        .order_by("created_at", "id")
    )


def numbers_ledger(
    submission: Submission, *, articles: list[int] | None = None, lesson_articles: list[LessonArticle] | None = None
) -> Ledger:
    """The student's comparisons read by the ledger, and their numbers highlights (four queries; three when
    the page already read ``lesson_articles``, the lesson's articles in order with their titles).

    ``articles`` limits the highlights offered for linking to those article ids (the side-by-side view).
    """
    if lesson_articles is None:
        lesson_articles = _positions(submission.assignment.lesson_id)
    by_article = {la.article_id: la for la in lesson_articles}
    comparisons = list(_comparisons([submission.pk]))
    links: dict[int, list[Comparison]] = defaultdict(list)
    for c in comparisons:
        for a in c.annotations.all():
            links[a.pk].append(c)

    def card(a: Annotation) -> ClaimCard:
        la = by_article.get(a.article_id)
        position, title = (la.position, la.article.title) if la else (None, "")
        return ClaimCard(a, position, title, links.get(a.pk, []), submission.assignment_id)

    highlights = Annotation.objects.on_current_text().filter(submission_id=submission.pk, category=NUMBERS)
    grouped: dict[int, list[ClaimCard]] = defaultdict(list)
    for a in highlights.order_by("start", "end", "id"):
        grouped[a.article_id].append(card(a))
    shown = [la for la in lesson_articles if articles is None or la.article_id in articles]
    entries = []
    for c in comparisons:
        members = [card(a) for a in c.annotations.all()]
        members.sort(key=lambda m: (m.position or 0, m.annotation.start))
        claims = [
            cmp.Claim(
                ref=m.pk,
                text=m.annotation.exact,
                source=m.article_title,
                counted=m.annotation.counted,
                place=m.annotation.place,
                time_window=m.annotation.time_window,
            )
            for m in members
        ]
        row = cmp.ledger_row(c.pk, c.relation, claims)
        entries.append(LedgerEntry(c, row, list(zip(members, row.members, strict=True))))
    return Ledger(submission, entries, [(la, grouped.get(la.article_id, [])) for la in shown])


# --- the key's comparisons ------------------------------------------------------------------------------


@dataclass
class ComparisonFeedback:
    scores: cmp.ComparisonScores
    key_count: int

    @property
    def found(self):
        return self.scores.found

    @property
    def missed(self):
        return self.scores.missed

    @property
    def extra(self):
        return self.scores.extra


def _key_links(lesson_id: int, *, spans_only: bool = False) -> list[cmp.KeyLink]:
    """The key's comparisons with their anchored items (in KeyItem's order: start, end, id). ``spans_only``:
    the items as ``KeyItemSpan`` rows read from the link table, not model instances (the class's figures
    need only where the items are)."""
    if not spans_only:
        key_comparisons = KeyComparison.objects.filter(key__lesson_id=lesson_id).prefetch_related(
            Prefetch("items", queryset=KeyItem.objects.filter(anchor_status=ANCHORED))
        )
        return [
            cmp.KeyLink(
                ref=kc,
                relation=kc.relation,
                items=tuple(kc.items.all()),
                title=kc.title,
                explanation=kc.explanation,
            )
            for kc in key_comparisons
        ]
    key_comparisons, items = _key_comparison_spans(lesson_id)
    return [
        cmp.KeyLink(ref=kc, relation=kc.relation, items=tuple(items[kc.pk]), title=kc.title, explanation=kc.explanation)
        for kc in key_comparisons
    ]


def _key_comparison_spans(lesson_id: int) -> tuple[list[KeyComparison], dict[int, list[KeyItemSpan]]]:
    """The lesson's key comparisons in their order (``KeyComparison.objects.filter(key__lesson_id=…)``) and, per
    comparison, its anchored items as spans in KeyItem's order (start, end, id): one query of SQL written here
    instead of the ORM's two (every load of the review reads them; building the queries cost more than running
    them)."""
    through = KeyComparison.items.through
    comparisons, keys, items = (m._meta.db_table for m in (KeyComparison, ReferenceKey, KeyItem))
    links = through._meta.db_table
    to_comparison = through._meta.get_field("keycomparison").column
    to_item = through._meta.get_field("keyitem").column
    sql = (
        f'SELECT {rows.columns(KeyComparison)}, "{items}"."id", "{items}"."article_id", "{items}"."category", '  # noqa: S608
        f'"{items}"."start", "{items}"."end" FROM "{comparisons}" '
        f'INNER JOIN "{keys}" ON "{comparisons}"."key_id" = "{keys}"."id" '
        f'LEFT JOIN "{links}" ON "{links}"."{to_comparison}" = "{comparisons}"."id" '
        f'LEFT JOIN "{items}" ON "{items}"."id" = "{links}"."{to_item}" AND "{items}"."anchor_status" = %s '
        f'WHERE "{keys}"."lesson_id" = %s '
        f'ORDER BY "{comparisons}"."position", "{comparisons}"."id", "{items}"."start", "{items}"."end", "{items}"."id"'
    )
    width = len(KeyComparison._meta.concrete_fields)
    found: dict[int, KeyComparison] = {}
    spans: dict[int, list[KeyItemSpan]] = defaultdict(list)
    for values in rows.fetchall(sql, [ANCHORED.value, lesson_id]):
        kc_id = values[0]
        if kc_id not in found:
            found[kc_id] = rows.instance(KeyComparison, values[:width])
        if values[width] is not None:  # no item, or one a correction set aside
            spans[kc_id].append(KeyItemSpan(*values[width:]))
    return list(found.values()), spans


def _comparison_counts(submission_ids: list[int]) -> dict[int, int]:
    """submission id → its comparisons, for those that have any: ``Comparison.objects.filter(submission_id__in=…)
    .values("submission_id").annotate(n=Count("id"))``, in SQL written here (and, like the ORM's, no query for
    no submissions)."""
    if not submission_ids:
        return {}
    table = Comparison._meta.db_table
    sql = (
        f'SELECT "{table}"."submission_id", COUNT("{table}"."id") FROM "{table}" '  # noqa: S608
        f'WHERE "{table}"."submission_id" IN ({", ".join(["%s"] * len(submission_ids))}) '
        f'GROUP BY "{table}"."submission_id"'
    )
    return dict(rows.fetchall(sql, submission_ids))


def _texts(lesson_id: int) -> dict[int, str]:
    return dict(LessonArticle.objects.filter(lesson_id=lesson_id).values_list("article_id", "article__body_text"))


def _score(
    key: list[cmp.KeyLink], texts: dict[int, str], comparisons: list[Comparison]
) -> tuple[cmp.ComparisonScores, list[cmp.StudentLink]]:
    key_spans = {item.pk: item for k in key for item in k.items}
    on_text = [a for c in comparisons for a in c.annotations.all() if a.anchor_status == ANCHORED]
    members = {a.pk: a for a in on_text if not a.is_being_moved}
    item_for = cmp.highlight_matches(
        texts,
        [(i.article_id, Span(i.start, i.end, i.category, i)) for i in key_spans.values()],
        [(a.article_id, Span(a.start, a.end, a.category, a)) for a in members.values()],
    )
    student = [cmp.StudentLink(ref=c, relation=c.relation, annotations=tuple(c.annotations.all())) for c in comparisons]
    return cmp.match_comparisons(key, student, item_for), student


def comparison_feedback(submission: Submission) -> ComparisonFeedback | None:
    """Found / missed / extra key comparisons for one student; None when the key has no comparisons."""
    lesson_id = submission.assignment.lesson_id
    key = _key_links(lesson_id)
    if not key:
        return None
    scores, _ = _score(key, _texts(lesson_id), list(_comparisons([submission.pk])))
    return ComparisonFeedback(scores, len(key))


@dataclass
class ClassComparisons:
    counts: dict[int, int]  # submission id → number of comparisons
    summary: list[cmp.ClassCount]  # per key comparison (empty without key comparisons)
    students: int  # submissions scored (submitted or returned)

    @property
    def most_found(self) -> list[cmp.ClassCount]:
        return sorted((c for c in self.summary if c.found), key=lambda c: -c.found)[:3]

    @property
    def most_missed(self) -> list[cmp.ClassCount]:
        return sorted((c for c in self.summary if c.missed), key=lambda c: -c.missed)[:3]


def _scores_stamp(key: list[cmp.KeyLink], lesson_id: int, lesson_articles: list[LessonArticle] | None = None) -> str:
    """What a student's comparison scores read besides their own work: the key's comparisons (relation,
    items and where they are) and the articles' texts. Their own work is named by its ``work_version``.
    ``lesson_articles``: the lesson's, with ``article.updated_at``, when the page has read them."""
    parts = [
        f"{k.ref.pk}:{k.relation}:" + ",".join(f"{i.pk}@{i.article_id}:{i.start}-{i.end}" for i in k.items) for k in key
    ]
    if lesson_articles is None:
        stamps = LessonArticle.objects.filter(lesson_id=lesson_id).values_list("article_id", "article__updated_at")
    else:
        stamps = [(la.article_id, la.article.updated_at) for la in lesson_articles]
    parts += [f"{a}:{stamp.timestamp():.6f}" for a, stamp in sorted(stamps)]
    return hashlib.blake2b(";".join(parts).encode(), digest_size=10).hexdigest()


def class_comparisons(
    assignment: Assignment,
    *,
    counts_for: list[int] | None = None,
    submissions: list[tuple[int, str, int]] | None = None,
    lesson_articles: list[LessonArticle] | None = None,
) -> ClassComparisons:
    """Comparison counts per submission (``counts_for``: only those submission ids), and which key
    comparisons the class found or missed.

    Only handed-in work (submitted or returned) counts towards found/missed: work in progress is not a miss.
    Each submission's scores are kept in the cache under its ``work_version`` and the key's stamp, so a
    reload scores only the work that changed since (every write to a student's comparisons or highlights
    bumps the version; a change to the key or a correction changes the stamp). Queries: submissions,
    counts, key comparisons (two), the articles' stamps; plus texts and comparisons for what was not kept.
    A page that has read them passes ``submissions`` (every submission of the assignment: id, status,
    work_version) and ``lesson_articles`` (with ``article.updated_at``), and those two queries are not made.
    """
    if submissions is None:
        submissions = list(Submission.objects.filter(assignment=assignment).values_list("id", "status", "work_version"))
    wanted = [pk for pk, _, _ in submissions] if counts_for is None else counts_for
    per_submission = _comparison_counts(wanted)
    counts = {pk: per_submission.get(pk, 0) for pk in wanted}
    key = _key_links(assignment.lesson_id, spans_only=True)
    handed_in = [(pk, version) for pk, status, version in submissions if status != Submission.Status.IN_PROGRESS]
    if not key:
        return ClassComparisons(counts, [], len(handed_in))
    stamp = _scores_stamp(key, assignment.lesson_id, lesson_articles)
    names = {pk: f"class-comparisons:{pk}:{version}:{stamp}" for pk, version in handed_in}
    kept = cache.get_many(list(names.values()))
    found = {pk: kept[name] for pk, name in names.items() if name in kept}
    missing = [pk for pk in names if pk not in found]
    if missing:
        texts = _texts(assignment.lesson_id)
        by_submission: dict[int, list[Comparison]] = defaultdict(list)
        for c in _comparisons(missing):
            by_submission[c.submission_id].append(c)
        for pk in missing:
            scores = _score(key, texts, by_submission[pk])[0]
            found[pk] = [(f.key.ref.pk, f.relation_agrees) for f in scores.found]
        cache.set_many({names[pk]: found[pk] for pk in missing}, timeout=CLASS_SCORES_SECONDS)
    found_by: Counter[int] = Counter()
    agrees: Counter[int] = Counter()
    for pairs in found.values():
        for key_pk, relation_agrees in pairs:
            found_by[key_pk] += 1
            agrees[key_pk] += relation_agrees
    students = len(handed_in)
    summary = [
        cmp.ClassCount(k, found_by[k.ref.pk], students - found_by[k.ref.pk], agrees[k.ref.pk], students) for k in key
    ]
    return ClassComparisons(counts, summary, students)


CLASS_SCORES_SECONDS = 7 * 24 * 3600  # derived and named by its inputs: kept a week, recomputed when gone
