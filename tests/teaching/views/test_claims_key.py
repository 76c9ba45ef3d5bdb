"""The key's comparisons: a student's found / missed / extra in the feedback, and the class on the review page."""

# ruff: noqa: F811 (pytest fixtures imported from claims_helpers are parameters here)

import pytest
from django.urls import reverse

from teaching import selectors, services
from teaching.models import KeyComparison, Submission
from tests import factories
from tests.teaching.claims_helpers import (  # noqa: F401
    FORCES_002,
    FORCES_003,
    SOLDIERS_002,
    SOLDIERS_003,
    articles,
    claim,
    pk_assignment,
    pk_submission,
    soldiers_pair,
)


@pytest.fixture
def key(pokrovsk, articles):
    key = factories.ReferenceKeyFactory(lesson=pokrovsk)
    soldiers = KeyComparison.objects.create(
        key=key, title="Russian soldiers inside the city", relation="contradict", position=1,
        explanation="125–250, about 300 and about 200: the reports disagree on the same quantity.",
    )  # fmt: skip
    soldiers.items.set(
        [
            factories.key_item_for(key, articles["001"], "Approximately 25 Russian assault teams – five to ten men"),
            factories.key_item_for(key, articles["002"], "approximately 300 troops now operating inside the city"),
            factories.key_item_for(
                key, articles["003"], "approximately 200 Russian soldiers have managed to slip into the centre of town"
            ),
        ]
    )
    forces = KeyComparison.objects.create(
        key=key, title="Russian forces around the city", relation="agree", position=2,
        explanation="Corroboration is a result too: 11,000 in both.",
    )  # fmt: skip
    forces.items.set(
        [
            factories.key_item_for(key, articles["002"], "With 11,000 Russian forces in the immediate area"),
            factories.key_item_for(
                key, articles["003"], "Estimated Russian forces concentrated around Pokrovsk: about 11,000"
            ),
        ]
    )
    return key


def _link(submission, *members, relation="contradict"):
    return services.create_comparison(
        submission=submission, annotations=members, relation=relation, by=submission.student
    )


def test_comparison_feedback_found_missed_extra(key, pk_submission, articles):
    soldiers = _link(pk_submission, *soldiers_pair(pk_submission, articles))
    # 11,000 in 002 linked with a number that is not in the key's comparison: extra
    extra = _link(
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


def test_comparison_feedback_relation_differs(key, pk_submission, articles):
    _link(pk_submission, *soldiers_pair(pk_submission, articles), relation="agree")
    (found,) = selectors.comparison_feedback(pk_submission).found
    assert not found.relation_agrees


def test_comparison_feedback_is_none_without_key_comparisons(pk_submission, articles):
    _link(pk_submission, *soldiers_pair(pk_submission, articles))
    assert selectors.comparison_feedback(pk_submission) is None


def test_feedback_page_shows_the_comparisons(client, key, pk_submission, student, articles):
    _link(pk_submission, *soldiers_pair(pk_submission, articles), relation="agree")
    Submission.objects.filter(pk=pk_submission.pk).update(status="submitted")
    client.force_login(student)
    html = client.get(reverse("teaching:submission_feedback", args=[pk_submission.assignment_id, 1])).content.decode()
    assert "Numbers across the reports" in html
    assert "You linked <strong>1 of 2</strong>" in html
    assert "the key says they" in html  # relation differs: a question, not a verdict
    assert "Corroboration is a result too" in html  # the missed one, with its explanation


@pytest.mark.parametrize("size", [3, 12])
def test_assignment_review_shows_counts_and_class_comparisons_in_constant_queries(
    client, teacher, classroom, key, pk_assignment, articles, django_assert_num_queries, size
):
    for i in range(size):
        student = factories.EnrollmentFactory(classroom=classroom).student
        sub = factories.SubmissionFactory(assignment=pk_assignment, student=student)
        _link(sub, *soldiers_pair(sub, articles), relation="contradict" if i % 2 else "agree")
        if i % 3 == 0:
            _link(
                sub, claim(sub, articles["002"], FORCES_002), claim(sub, articles["003"], FORCES_003), relation="agree"
            )
        Submission.objects.filter(pk=sub.pk).update(status="submitted")
    client.force_login(teacher)
    url = reverse("teaching:assignment_review", args=[pk_assignment.pk])
    # session, user, assignment, roster, submissions, the page's students and submissions, key items, lesson
    # articles, kept results (+ the first time, when everybody is matched once: texts, highlights, class
    # sums to move, one upsert, in a transaction); comparisons: submissions, counts, key comparisons + their
    # items, the articles' stamps (+ the first time: lesson texts, comparisons + their members)
    with django_assert_num_queries(25):
        response = client.get(url)
    with django_assert_num_queries(15):  # nothing changed: nobody is matched or scored again
        response = client.get(url)
    html = response.content.decode()
    comparisons = response.context["comparisons"]
    assert comparisons.students == size
    assert [(c.key.title, c.found) for c in comparisons.summary] == [
        ("Russian soldiers inside the city", size),
        ("Russian forces around the city", len(range(0, size, 3))),
    ]
    assert "Most found" in html and "Most missed" in html
    assert reverse("teaching:submission_ledger", args=[sub.pk]) in html


def test_work_in_progress_is_not_counted_as_missed(client, teacher, key, pk_submission, articles):
    _link(pk_submission, *soldiers_pair(pk_submission, articles))
    result = selectors.class_comparisons(pk_submission.assignment)
    assert result.students == 0
    assert all(c.found == 0 and c.missed == 0 for c in result.summary)
    assert result.counts == {pk_submission.pk: 1}


def test_submission_review_lists_the_students_comparisons(client, teacher, pk_submission, student, articles):
    _link(pk_submission, *soldiers_pair(pk_submission, articles))
    client.force_login(teacher)
    html = client.get(reverse("teaching:submission_review_article", args=[pk_submission.pk, 1])).content.decode()
    assert "Comparisons" in html and "≈ 300 troops" in html and "≈ 200 soldiers" in html
    assert reverse("teaching:submission_ledger", args=[pk_submission.pk]) in html


def test_the_launch_key_comparisons_are_matched(pokrovsk, pk_submission, articles):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_launch_key", stdout=StringIO())
    _link(pk_submission, *soldiers_pair(pk_submission, articles))
    forces = claim(pk_submission, articles["002"], FORCES_002), claim(pk_submission, articles["003"], FORCES_003)
    _link(pk_submission, *forces, relation="agree")
    feedback = selectors.comparison_feedback(pk_submission)
    assert feedback.key_count == 8
    found = {f.key.title: f.relation_agrees for f in feedback.found}
    assert found["Russian soldiers inside the city"] is True
    assert len(found) == 2 and not feedback.extra
    assert len(feedback.missed) == 6 and all(k.explanation for k in feedback.missed)
