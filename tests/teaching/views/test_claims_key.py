"""The key's comparisons: a student's found / missed / extra in the feedback, and the class on the review page."""

import pytest
from django.urls import reverse

from teaching.models import Submission
from tests import factories
from tests.teaching.helpers import FORCES_002, FORCES_003, claim, link, soldiers_pair


def test_feedback_page_shows_the_comparisons(client, pk_key, pk_submission, student, articles):
    link(pk_submission, *soldiers_pair(pk_submission, articles), relation="agree")
    Submission.objects.filter(pk=pk_submission.pk).update(status="submitted")
    client.force_login(student)
    html = client.get(reverse("teaching:submission_feedback", args=[pk_submission.assignment_id, 1])).content.decode()
    assert "Numbers across the reports" in html
    assert "You linked <strong>1 of 2</strong>" in html
    assert "the key says they" in html  # relation differs: a question, not a verdict
    assert "Corroboration is a result too" in html  # the missed one, with its explanation


@pytest.mark.parametrize("size", [3, 12])
def test_assignment_review_shows_counts_and_class_comparisons_in_constant_queries(
    client, teacher, classroom, pk_key, pk_assignment, articles, django_assert_num_queries, size
):
    for i in range(size):
        student = factories.EnrollmentFactory(classroom=classroom).student
        sub = factories.SubmissionFactory(assignment=pk_assignment, student=student)
        link(sub, *soldiers_pair(sub, articles), relation="contradict" if i % 2 else "agree")
        if i % 3 == 0:
            link(
                sub, claim(sub, articles["002"], FORCES_002), claim(sub, articles["003"], FORCES_003), relation="agree"
            )
        Submission.objects.filter(pk=sub.pk).update(status="submitted")
    client.force_login(teacher)
    url = reverse("teaching:assignment_review", args=[pk_assignment.pk])
    # session, user, assignment, roster, submissions, the page's students with their submissions (one
    # query), key items, lesson articles, kept results (+ the first time, when everybody is matched once:
    # texts, highlights, class sums to move, one upsert, in a transaction); comparisons (with the review's
    # submissions and lesson articles): counts, key comparisons with their items (one query) (+ the first time:
    # lesson texts, comparisons + their members)
    with django_assert_num_queries(21):
        response = client.get(url)
    with django_assert_num_queries(11):  # nothing changed: nobody is matched or scored again
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


def test_submission_review_lists_the_students_comparisons(client, teacher, pk_submission, student, articles):
    link(pk_submission, *soldiers_pair(pk_submission, articles))
    client.force_login(teacher)
    html = client.get(reverse("teaching:submission_review_article", args=[pk_submission.pk, 1])).content.decode()
    assert "Comparisons" in html and "≈ 300 troops" in html and "≈ 200 soldiers" in html
    assert reverse("teaching:submission_ledger", args=[pk_submission.pk]) in html
