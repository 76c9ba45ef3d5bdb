"""The key's comparisons against a student's (teaching/selectors/claims.py): found / missed / extra for one
submission, and what the class found."""

from collections import defaultdict

from django.db.models import Count

from teaching import selectors
from teaching.models import Comparison, KeyComparison, KeyItem
from teaching.selectors.claims import _comparison_counts, _key_comparison_spans, comparisons_on_article
from teaching.selectors.feedback import KeyItemSpan
from tests import factories
from tests.teaching.conftest import PK_KEY_COMPARISONS
from tests.teaching.helpers import FORCES_002, FORCES_003, claim, link, soldiers_pair


def test_comparison_feedback_found_missed_extra(pk_key, pk_submission, articles):
    soldiers = link(pk_submission, *soldiers_pair(pk_submission, articles))
    # 11,000 in 002 linked with a number that is not in the key's comparison: extra
    extra = link(
        pk_submission,
        claim(pk_submission, articles["002"], FORCES_002, counted="forces"),
        claim(pk_submission, articles["003"], "more than 60,000", counted="people"),
        relation="agree",
    )
    feedback = selectors.comparison_feedback(pk_submission)
    assert [(f.key.title, f.student.ref, f.relation_agrees) for f in feedback.found] == [
        ("Russian soldiers inside the city", soldiers, True)
    ]
    assert [k.title for k in feedback.missed] == ["Russian forces around the city"]
    assert [s.ref for s in feedback.extra] == [extra]


def test_comparison_feedback_relation_differs(pk_key, pk_submission, articles):
    link(pk_submission, *soldiers_pair(pk_submission, articles), relation="agree")
    (found,) = selectors.comparison_feedback(pk_submission).found
    assert not found.relation_agrees


def test_comparison_feedback_is_none_without_key_comparisons(pk_submission, articles):
    link(pk_submission, *soldiers_pair(pk_submission, articles))
    assert selectors.comparison_feedback(pk_submission) is None


def test_work_in_progress_is_not_counted_as_missed(pk_key, pk_submission, articles):
    link(pk_submission, *soldiers_pair(pk_submission, articles))
    result = selectors.class_comparisons(pk_submission.assignment)
    assert result.students == 0
    assert all(c.found == 0 and c.missed == 0 for c in result.summary)
    assert result.counts == {pk_submission.pk: 1}


def test_class_comparisons_from_what_the_review_read_are_the_same(classroom, pk_key, pk_assignment, articles):
    """The review passes its submissions and lesson articles and reads the key's items as spans: the same
    figures, and the same stamp (so the same kept scores) as reading everything here."""
    from django.core.cache import cache

    from teaching.models import Submission
    from teaching.selectors.claims import _key_links, _scores_stamp
    from teaching.selectors.feedback import list_lesson_articles_stamped
    from tests import factories

    for i in range(4):
        sub = factories.SubmissionFactory(
            assignment=pk_assignment, student=factories.EnrollmentFactory(classroom=classroom).student
        )
        link(sub, *soldiers_pair(sub, articles), relation="contradict" if i % 2 else "agree")
        Submission.objects.filter(pk=sub.pk).update(status="submitted" if i < 3 else "in_progress")
    lesson_id = pk_assignment.lesson_id
    full, spans = _key_links(lesson_id), _key_links(lesson_id, spans_only=True)
    assert [[(i.pk, i.article_id, i.category, i.start, i.end) for i in k.items] for k in full] == [
        [tuple(i) for i in k.items] for k in spans
    ]
    lesson_articles = list_lesson_articles_stamped(lesson_id)
    assert _scores_stamp(full, lesson_id) == _scores_stamp(spans, lesson_id, lesson_articles)

    def figures(result):
        return (
            result.counts,
            result.students,
            [(c.key.title, c.found, c.missed, c.relation_agrees) for c in result.summary],
        )

    cache.clear()
    alone = figures(selectors.class_comparisons(pk_assignment))
    cache.clear()
    submissions = list(Submission.objects.filter(assignment=pk_assignment).values_list("id", "status", "work_version"))
    given = selectors.class_comparisons(pk_assignment, submissions=submissions, lesson_articles=lesson_articles)
    assert figures(given) == alone
    assert alone[1] == 3 and alone[2][0][1] == 3


def test_the_launch_key_comparisons_are_matched(pokrovsk, pk_submission, articles):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_launch_key", stdout=StringIO())
    link(pk_submission, *soldiers_pair(pk_submission, articles))
    forces = claim(pk_submission, articles["002"], FORCES_002), claim(pk_submission, articles["003"], FORCES_003)
    link(pk_submission, *forces, relation="agree")
    feedback = selectors.comparison_feedback(pk_submission)
    assert feedback.key_count == 8
    found = {f.key.title: f.relation_agrees for f in feedback.found}
    assert found["Russian soldiers inside the city"] is True
    assert len(found) == 2 and not feedback.extra
    assert len(feedback.missed) == 6 and all(k.explanation for k in feedback.missed)


def test_the_comparisons_on_an_article_read_in_sql_are_the_orms(pk_submission, articles, other_student):
    """claim_links reads the comparisons with a member on the article in SQL written by hand: the same, in the same
    order, as the ORM's join (each once, however many of its members are there)."""
    soldiers = link(pk_submission, *soldiers_pair(pk_submission, articles))
    forces = link(
        pk_submission,
        claim(pk_submission, articles["002"], FORCES_002),
        claim(pk_submission, articles["003"], FORCES_003),
    )
    same_article = link(
        pk_submission,
        claim(pk_submission, articles["001"], "tens of thousands"),
        claim(pk_submission, articles["001"], "60,000"),
    )
    other = factories.SubmissionFactory(assignment=pk_submission.assignment, student=other_student)
    link(other, *soldiers_pair(other, articles))
    for article in articles.values():
        orm = list(
            Comparison.objects.filter(submission_id=pk_submission.pk, annotations__article_id=article.pk)
            .distinct()
            .order_by("created_at", "id")
        )
        sql = comparisons_on_article(pk_submission.pk, article.pk)
        assert [c.pk for c in sql] == [c.pk for c in orm]
        assert [_fields(c) for c in sql] == [_fields(c) for c in orm]
    assert [c.pk for c in comparisons_on_article(pk_submission.pk, articles["002"].pk)] == [soldiers.pk, forces.pk]
    assert [c.pk for c in comparisons_on_article(pk_submission.pk, articles["001"].pk)] == [same_article.pk]
    links = selectors.claim_links(pk_submission, articles["002"].pk)
    assert sorted(len(v) for v in links.values()) == [1, 1]


def _fields(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def _orm_key_comparison_spans(lesson_id):
    """What _key_links read with the ORM before: the comparisons, then their anchored items' spans."""
    comparisons = list(KeyComparison.objects.filter(key__lesson_id=lesson_id))
    spans = defaultdict(list)
    links = (
        KeyComparison.items.through.objects.filter(
            keycomparison__key__lesson_id=lesson_id, keyitem__anchor_status="anchored"
        )
        .order_by("keyitem__start", "keyitem__end", "keyitem_id")
        .values_list(
            "keycomparison_id",
            "keyitem_id",
            "keyitem__article_id",
            "keyitem__category",
            "keyitem__start",
            "keyitem__end",
        )
    )
    for kc_id, *span in links:
        spans[kc_id].append(KeyItemSpan(*span))
    return comparisons, spans


def _kc_fields(kc):
    return {f.attname: getattr(kc, f.attname) for f in KeyComparison._meta.concrete_fields}


def test_key_comparison_spans_read_what_the_orm_reads(pk_key, pokrovsk, articles, django_assert_num_queries):
    # A third comparison with no items, one whose item a correction set aside, positions out of id order.
    empty = KeyComparison.objects.create(key=pk_key, title="Nothing yet", relation="agree", position=0)
    first = KeyComparison.objects.filter(key=pk_key).order_by("position", "id").exclude(pk=empty.pk).first()
    KeyItem.objects.filter(pk=first.items.order_by("start").first().pk).update(anchor_status="orphaned")
    other_lesson = factories.LessonFactory()
    KeyComparison.objects.create(key=factories.ReferenceKeyFactory(lesson=other_lesson), title="Elsewhere")
    with django_assert_num_queries(1):
        comparisons, spans = _key_comparison_spans(pokrovsk.pk)
    expected, expected_spans = _orm_key_comparison_spans(pokrovsk.pk)
    assert [_kc_fields(kc) for kc in comparisons] == [_kc_fields(kc) for kc in expected]
    assert [c.pk for c in comparisons][0] == empty.pk and len(comparisons) == 3
    assert {pk: v for pk, v in spans.items() if v} == dict(expected_spans)
    assert len(spans[first.pk]) == len(PK_KEY_COMPARISONS[0][3]) - 1


def test_comparison_counts_read_what_the_orm_counts(pk_submission, other_student, pk_assignment, articles):
    other = factories.SubmissionFactory(assignment=pk_assignment, student=other_student)
    link(
        pk_submission,
        claim(pk_submission, articles["002"], FORCES_002),
        claim(pk_submission, articles["003"], FORCES_003),
    )
    link(other, claim(other, articles["002"], FORCES_002), claim(other, articles["003"], FORCES_003), relation="agree")
    link(other, *soldiers_pair(other, articles))
    wanted = [pk_submission.pk, other.pk, 10**9]
    expected = dict(
        Comparison.objects.filter(submission_id__in=wanted)
        .values("submission_id")
        .annotate(n=Count("id"))
        .values_list("submission_id", "n")
    )
    assert _comparison_counts(wanted) == expected == {pk_submission.pk: 1, other.pk: 2}
    assert _comparison_counts([]) == {}
