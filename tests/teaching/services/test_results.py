"""Kept results (teaching/services/results.py) against a recomputation from the highlights themselves.

Seeded random sequences of what happens in a class — saves, category edits and deletes through the
annotation services, key items added, recategorised and deleted, article corrections (and the highlights
they set aside, re-attached), the roster and the assignment's categories changing — and after every step
the figures the class pages show from kept rows must equal the ones computed from scratch, the way they
were computed before anything was kept (matching every student against the key, a heatmap from every
highlight).
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from teaching import categories as category_defs
from teaching import selectors, services
from teaching.models import Annotation, ArticleResult, Comparison, Enrollment, KeyItem, LessonArticle, Submission
from teaching.services import results
from teaching.text import agreement
from teaching.text.matching import Span, match, tokenize
from teaching.text.scoring import band_for_share, tally
from tests import factories

SECOND_BODY = (
    "# Counting the cost\n\n"
    "The army said 1,200 soldiers had left the town by Monday, while local officials counted about 900.\n\n"
    "“Nobody can verify these numbers,” a spokesman told reporters, adding that 40 villages were empty.\n\n"
    "Analysts at the institute called the retreat a disaster; others said it was a careful withdrawal of 3 "
    "brigades, according to sources close to the command.\n"
)
CATEGORIES = list(category_defs.VALUES)


# --- the reference: everything from scratch, as before results were kept ---------------------------


def reference_scores(assignment):
    categories = category_defs.ordered(assignment.categories)
    items = list(KeyItem.objects.filter(key__lesson_id=assignment.lesson_id, anchor_status="anchored"))
    if not items:
        return None
    lesson_articles = list(LessonArticle.objects.filter(lesson_id=assignment.lesson_id).select_related("article"))
    key = defaultdict(list)
    for i in items:
        if i.category in categories:
            key[i.article_id].append(Span(i.start, i.end, i.category, i.pk))
    enrolled = set(Enrollment.objects.filter(classroom_id=assignment.classroom_id).values_list("student_id", flat=True))
    spans = defaultdict(lambda: defaultdict(list))
    for a in Annotation.objects.filter(submission__assignment=assignment, anchor_status="anchored"):
        spans[a.submission_id][a.article_id].append(Span(a.start, a.end, a.category))
    found_by, by_submission = Counter(), {}
    for sub in Submission.objects.filter(assignment=assignment):
        scores = []
        for la in lesson_articles:
            result = match(la.article.body_text, key[la.article_id], spans[sub.pk][la.article_id], categories)
            scores.append(result)
            if sub.student_id in enrolled:
                for c in result.categories.values():
                    found_by.update(m.key.ref for m in c.found)
        by_submission[sub.pk] = tally(scores, categories)
    in_play = sorted(i.pk for i in items if i.category in categories)
    started = {s.student_id for s in Submission.objects.filter(assignment=assignment)} & enrolled
    return by_submission, {pk: found_by[pk] for pk in in_play}, len(started)


def reference_heatmap(assignment, article):
    categories = category_defs.ordered(assignment.categories)
    enrolled = set(Enrollment.objects.filter(classroom_id=assignment.classroom_id).values_list("student_id", flat=True))
    rows = Annotation.objects.filter(
        submission__assignment=assignment, article=article, anchor_status="anchored", category__in=categories
    ).values_list("submission__student_id", "category", "start", "end")
    highlights = [agreement.Highlight(s, start, end, c) for s, c, start, end in rows if s in enrolled]
    tokens = tokenize(article.body_text)
    counted = len({s.student_id for s in Submission.objects.filter(assignment=assignment)} & enrolled)
    heat = agreement.heatmap(tokens, highlights, class_size=counted, categories=categories)
    raters = sorted({h.student for h in highlights})
    kappas = []
    for c in categories:
        per_student = {s: [] for s in raters}
        for h in highlights:
            if h.category == c:
                per_student[h.student].append((h.start, h.end))
        kappas.append(agreement.word_kappa(tokens, list(per_student.values())))
    passages = [
        (p.start, p.end, p.students, band_for_share(p.share(counted), 5), p.describe(counted))
        for p in heat.passages(None)
    ]
    return passages, kappas, len(raters)


def reference_comparisons(assignment):
    """Which key comparisons the handed-in work found, scored from scratch (nothing read from the cache)."""
    from teaching.selectors import claims
    from teaching.text import comparisons as cmp

    key = claims._key_links(assignment.lesson_id)
    texts = claims._texts(assignment.lesson_id)
    handed_in = Submission.objects.filter(assignment=assignment).exclude(status="in_progress")
    scores = [claims._score(key, texts, list(claims._comparisons([s.pk])))[0] for s in handed_in]
    return [(c.key.ref.pk, c.found, c.missed, c.relation_agrees, c.students) for c in cmp.class_summary(key, scores)]


def reference_counts(assignment):
    counts = defaultdict(Counter)
    for sub_id, category in Annotation.objects.filter(submission__assignment=assignment).values_list(
        "submission_id", "category"
    ):
        counts[sub_id][category] += 1
    return counts


def assert_kept_equals_reference(assignment, lesson_articles):
    assignment.refresh_from_db()
    expected = reference_scores(assignment)
    kept = selectors.class_scores(assignment)
    if expected is None:
        assert not kept.has_key
    else:
        by_submission, found_by, class_size = expected
        assert kept.by_submission == by_submission
        assert {r.item.pk: r.found_by for r in kept.key_items} == found_by
        assert kept.class_size == class_size
        # The key-item table reads "found by" from the kept class sums, not from every student's rows.
        table = selectors.key_item_rows(assignment)
        assert table.has_key
        assert {r.item.pk: r.found_by for r in table.rows} == found_by
        assert table.class_size == class_size
    for la in lesson_articles:
        la.article.refresh_from_db()
        passages, kappas, raters = reference_heatmap(assignment, la.article)
        heat = selectors.class_heatmap(assignment, la.position)
        assert [(p.start, p.end, p.students, p.level, p.label) for p in heat.passages] == passages
        assert [r.kappa for r in heat.agreement] == kappas
        assert heat.highlighters == raters
    kept_comparisons = selectors.class_comparisons(assignment)
    assert [
        (c.key.ref.pk, c.found, c.missed, c.relation_agrees, c.students) for c in kept_comparisons.summary
    ] == reference_comparisons(assignment)
    review = selectors.get_assignment_review_for(user=assignment.classroom.teacher, pk=assignment.pk)
    counts = reference_counts(assignment)
    for row in review.rows:
        if row.submission:
            assert row.counts == {c: counts[row.submission.pk][c] for c in row.counts}


# --- the class ---------------------------------------------------------------------------------------


@pytest.fixture
def world(teacher, classroom, lesson, article, admin_user):
    second = factories.ArticleFactory(title="Counting the cost", body_markdown=SECOND_BODY)
    factories.LessonArticleFactory(lesson=lesson, article=second, position=2)
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=lesson)
    key = factories.ReferenceKeyFactory(lesson=lesson)
    students = [factories.StudentFactory(username=f"kept{n}") for n in range(4)]
    for s in students:
        factories.EnrollmentFactory(classroom=classroom, student=s)
    submissions = [services.start_submission(assignment=assignment, student=s) for s in students]
    # On the roster but never started: counted apart, never as a student who found nothing.
    factories.EnrollmentFactory(classroom=classroom, student=factories.StudentFactory(username="never"))
    lesson_articles = list(LessonArticle.objects.filter(lesson=lesson).select_related("article").order_by("position"))
    return {
        "assignment": assignment,
        "key": key,
        "teacher": teacher,
        "admin": admin_user,
        "classroom": classroom,
        "students": students,
        "submissions": submissions,
        "lesson_articles": lesson_articles,
    }


def _random_span(rng, article):
    article.refresh_from_db()
    text = article.body_text
    words = [m.span() for m in re.finditer(r"\S+", text)]
    first = rng.randrange(len(words))
    last = min(len(words) - 1, first + rng.randint(0, 4))
    start, end = words[first][0], words[last][1]
    return start, end, text[start:end]


def _step(rng, w) -> str:
    try:
        return _act(rng, w)
    except (ValidationError, PermissionDenied):
        return "refused"  # a category no longer in the assignment, a student taken off the roster


def _act(rng, w) -> str:
    la = rng.choice(w["lesson_articles"])
    article = la.article
    kind = rng.choices(
        [
            "save",
            "recategorise",
            "delete",
            "key_add",
            "key_edit",
            "key_delete",
            "correct",
            "reattach",
            "roster",
            "categories",
            "link",
            "unlink",
            "key_link",
            "hand_in",
        ],
        weights=[30, 8, 8, 8, 4, 4, 3, 3, 2, 2, 6, 2, 3, 2],
    )[0]
    if kind == "save":
        start, end, exact = _random_span(rng, article)
        submission = rng.choice(w["submissions"])
        try:
            services.create_annotation(
                submission=submission,
                by=submission.student,
                article=article,
                category=rng.choice(CATEGORIES),
                start=start,
                end=end,
                exact=exact,
            )
        except ValidationError:
            return "save refused"
    elif kind in ("recategorise", "delete"):
        annotation = Annotation.objects.filter(submission__in=w["submissions"]).order_by("?").first()
        if annotation is None:
            return "nothing to change"
        student = annotation.submission.student
        if kind == "delete":
            services.delete_annotation(annotation=annotation, by=student)
        else:
            services.update_annotation(annotation=annotation, category=rng.choice(CATEGORIES), by=student)
    elif kind == "key_add":
        start, end, exact = _random_span(rng, article)
        services.create_key_item(
            key=w["key"],
            article=article,
            category=rng.choice(CATEGORIES),
            start=start,
            end=end,
            exact=exact,
            explanation="Why.",
            by=w["teacher"],
        )
    elif kind in ("key_edit", "key_delete"):
        item = KeyItem.objects.filter(key=w["key"]).order_by("?").first()
        if item is None:
            return "no key item"
        if kind == "key_delete":
            services.delete_key_item(item=item, by=w["teacher"])
        else:
            services.update_key_item(item=item, category=rng.choice(CATEGORIES), by=w["teacher"])
    elif kind == "correct":
        article.refresh_from_db()
        paragraphs = article.body_markdown.split("\n\n")
        n = rng.randrange(1, len(paragraphs))
        change = rng.choice(["insert", "drop_word", "replace"])
        if change == "insert":
            paragraphs.insert(n, "An editor added this sentence, with 75 more words to come.")
        elif change == "drop_word":
            words = paragraphs[n].split(" ")
            if len(words) > 3:
                del words[rng.randrange(len(words))]
            paragraphs[n] = " ".join(words)
        else:
            paragraphs[n] = paragraphs[n].replace("the", "a", 1)
        services.revise_article(article=article, body_markdown="\n\n".join(paragraphs), by=w["admin"])
    elif kind == "reattach":
        orphan = Annotation.objects.filter(submission__in=w["submissions"], anchor_status="orphaned").first()
        if orphan is None:
            return "no orphan"
        start, end, exact = _random_span(rng, orphan.article)
        services.reattach_annotation(annotation=orphan, start=start, end=end, exact=exact, by=w["teacher"])
    elif kind == "roster":
        student = rng.choice(w["students"])
        enrolled = Enrollment.objects.filter(classroom=w["classroom"], student=student)
        if enrolled.exists() and enrolled.count() and rng.random() < 0.5:
            enrolled.delete()
        else:
            Enrollment.objects.get_or_create(classroom=w["classroom"], student=student)
    elif kind == "link":
        submission = rng.choice(w["submissions"])
        numbers = list(Annotation.objects.filter(submission=submission, category="numbers", anchor_status="anchored"))
        if len(numbers) < 2:
            return "nothing to link"
        services.create_comparison(
            submission=submission,
            annotations=rng.sample(numbers, 2),
            relation=rng.choice(["agree", "contradict", "different"]),
            by=submission.student,
        )
    elif kind == "unlink":
        comparison = Comparison.objects.filter(submission__in=w["submissions"]).order_by("?").first()
        if comparison is None:
            return "nothing to unlink"
        services.delete_comparison(comparison=comparison, by=comparison.submission.student)
    elif kind == "key_link":
        items = list(KeyItem.objects.filter(key=w["key"], category="numbers", anchor_status="anchored"))
        if len(items) < 2:
            return "no key items to link"
        services.create_key_comparison(
            key=w["key"],
            title=f"Comparison {rng.randrange(10**6)}",
            relation=rng.choice(["agree", "contradict", "different"]),
            items=rng.sample(items, 2),
            explanation="Why.",
            by=w["teacher"],
        )
    elif kind == "hand_in":
        # Handing in and getting work back (only handed-in work counts towards the key's comparisons).
        submission = rng.choice(w["submissions"])
        Submission.objects.filter(pk=submission.pk).update(status=rng.choice(["in_progress", "submitted", "returned"]))
    elif kind == "categories":
        assignment = w["assignment"]
        assignment.categories = sorted(rng.sample(CATEGORIES, rng.randint(1, 3)))
        assignment.save(update_fields=["categories"])
    return kind


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_kept_results_equal_a_recomputation_after_random_class_activity(world, seed):
    rng = random.Random(seed)
    done = Counter()
    for _ in range(55):
        done[_step(rng, world)] += 1
        assert_kept_equals_reference(world["assignment"], world["lesson_articles"])
    # The sequence really exercised the kept rows (not an empty class that trivially agrees).
    assert done["save"] >= 5
    assert ArticleResult.objects.exists()


def test_a_reload_without_changes_recomputes_nothing(world):
    w = world
    la = w["lesson_articles"][0]
    start, end, exact = _random_span(random.Random(5), la.article)
    services.create_key_item(
        key=w["key"], article=la.article, category="numbers", start=start, end=end, exact=exact, by=w["teacher"]
    )
    services.create_annotation(
        by=w["students"][0],
        submission=w["submissions"][0],
        article=la.article,
        category="numbers",
        start=start,
        end=end,
        exact=exact,
    )
    selectors.class_scores(w["assignment"])
    with CaptureQueriesContext(connection) as queries:
        selectors.class_scores(w["assignment"])
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]
    assert not [q for q in queries if "teaching_annotation" in q["sql"]]


def test_a_save_makes_only_that_students_results_stale(world):
    w = world
    selectors.class_scores(w["assignment"])
    before = set(ArticleResult.objects.values_list("submission_id", "article_id", "inputs"))
    la = w["lesson_articles"][1]
    start, end, exact = _random_span(random.Random(7), la.article)
    services.create_annotation(
        by=w["students"][2],
        submission=w["submissions"][2],
        article=la.article,
        category="sourcing",
        start=start,
        end=end,
        exact=exact,
    )
    selectors.class_scores(w["assignment"])
    after = set(ArticleResult.objects.values_list("submission_id", "article_id", "inputs"))
    assert {s for s, _, _ in after - before} == {w["submissions"][2].pk}
    assert len(after) == len(before) == len(w["submissions"]) * len(w["lesson_articles"])


def test_a_save_moves_the_class_sums_along_without_adding_up_the_class_again(world, monkeypatch):
    w = world
    la = w["lesson_articles"][0]
    rng = random.Random(11)
    for submission in w["submissions"]:
        start, end, exact = _random_span(rng, la.article)
        services.create_annotation(
            by=submission.student,
            submission=submission,
            article=la.article,
            category="numbers",
            start=start,
            end=end,
            exact=exact,
        )
    selectors.class_heatmap(w["assignment"], la.position)  # builds the sums once

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the class sums were added up again instead of moved along")

    monkeypatch.setattr(results, "_rebuild", no_rebuild)
    start, end, exact = _random_span(rng, la.article)
    created = services.create_annotation(
        by=w["students"][1],
        submission=w["submissions"][1],
        article=la.article,
        category="sourcing",
        start=start,
        end=end,
        exact=exact,
    )
    selectors.class_heatmap(w["assignment"], la.position)
    services.delete_annotation(annotation=created, by=w["students"][1])
    selectors.key_item_rows(w["assignment"])
    monkeypatch.undo()
    assert_kept_equals_reference(w["assignment"], w["lesson_articles"])


def test_rows_recomputed_to_the_same_figures_only_move_their_sums_inputs(world):
    """A save makes all the student's rows stale but changes one article's figures: only that article's class
    sum has its figures (the per-word coverage) rewritten; the other's records the row's new inputs alone."""
    w = world
    first, second = w["lesson_articles"][:2]
    for la in (first, second):
        selectors.class_heatmap(w["assignment"], la.position)  # builds both sums
    start, end, exact = _random_span(random.Random(13), first.article)
    services.create_annotation(
        by=w["students"][0],
        submission=w["submissions"][0],
        article=first.article,
        category="numbers",
        start=start,
        end=end,
        exact=exact,
    )
    with CaptureQueriesContext(connection) as queries:
        selectors.class_scores(w["assignment"])  # recomputes the student's rows on every article
    updates = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith("UPDATE") and "teaching_classarticleresult" in q["sql"]
    ]
    assert len(updates) == 2
    assert sum('"coverage"' in sql for sql in updates) == 1
    assert_kept_equals_reference(w["assignment"], w["lesson_articles"])


def test_kept_rows_read_what_the_orms_values_list_reads(world):
    """results.kept_rows (SQL written by hand) against the ORM's read of the same rows: every column, JSON and all."""
    w = world
    rng = random.Random(11)
    for n, la in enumerate(w["lesson_articles"]):
        start, end, exact = _random_span(rng, la.article)
        services.create_key_item(
            key=w["key"], article=la.article, category="numbers", start=start, end=end, exact=exact, by=w["teacher"]
        )
        for submission, student in zip(w["submissions"][: n + 2], w["students"], strict=False):
            start, end, exact = _random_span(rng, la.article)
            services.create_annotation(
                by=student,
                submission=submission,
                article=la.article,
                category="numbers",
                start=start,
                end=end,
                exact=exact,
            )
    selectors.class_scores(w["assignment"])  # writes the kept rows
    fields = tuple(f.attname for f in ArticleResult._meta.concrete_fields)
    submission_ids = [s.pk for s in w["submissions"]]
    article_ids = [la.article_id for la in w["lesson_articles"]]
    for some_submissions, some_articles in [
        (submission_ids, article_ids),
        (submission_ids[:1], article_ids[1:]),
        ([submission_ids[0], 10**9], article_ids),
        ([], article_ids),
    ]:
        orm = ArticleResult.objects.filter(submission_id__in=some_submissions, article_id__in=some_articles)
        expected = sorted(orm.values_list(*fields))
        assert sorted(tuple(row) for row in results.kept_rows(some_submissions, some_articles, fields)) == expected
    assert len(results.kept_rows(submission_ids, article_ids, fields)) == len(submission_ids) * len(article_ids)
    assert isinstance(results.kept_rows(submission_ids, article_ids, ("figures",))[0][0], dict)
