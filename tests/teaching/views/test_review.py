import json

import pytest
from django.urls import reverse

from teaching.models import Annotation, Submission
from tests import factories

PHRASE = "approximately 300 troops"


@pytest.fixture
def submitted(submission, article):
    factories.annotation_for(submission, article, PHRASE, comment="Other reports say <em>200</em>")
    Submission.objects.filter(pk=submission.pk).update(status="submitted")
    submission.refresh_from_db()
    return submission


def _review_url(submission, position=1):
    return reverse("teaching:submission_review_article", args=[submission.pk, position])


def test_submission_review_redirects_to_first_article(teacher_client, submitted):
    response = teacher_client.get(reverse("teaching:submission_review", args=[submitted.pk]))
    assert response.status_code == 302 and response.url == _review_url(submitted)


def test_submission_review_shows_student_highlights_and_mark_forms(teacher_client, submitted, article):
    html = teacher_client.get(_review_url(submitted)).content.decode()
    annotation = submitted.annotations.get()
    assert "Reviewing sam" in html
    assert 'id="article-text"' in html
    assert f'data-start="{annotation.start}"' in html
    assert "Other reports say &lt;em&gt;200&lt;/em&gt;" in html
    assert reverse("teaching:annotation_mark", args=[annotation.pk]) in html
    assert reverse("teaching:submission_return", args=[submitted.pk]) in html
    assert reverse("teaching:assignment_review", args=[submitted.assignment.pk]) in html
    assert 'id="annotate-toolbar"' not in html


def test_submission_review_of_work_in_progress_has_no_mark_forms(teacher_client, submission, article):
    factories.annotation_for(submission, article, PHRASE)
    html = teacher_client.get(_review_url(submission)).content.decode()
    assert "has not submitted yet" in html
    assert 'class="mark-form"' not in html


def test_annotation_mark_htmx_returns_the_item(teacher_client, submitted):
    annotation = submitted.annotations.get()
    url = reverse("teaching:annotation_mark", args=[annotation.pk])
    response = teacher_client.post(
        url, {"mark": "good", "comment": "Yes — compare with 003"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<li") and "Saved" in html
    assert 'aria-pressed="true"' in html
    annotation.refresh_from_db()
    assert (annotation.teacher_mark, annotation.teacher_comment) == ("good", "Yes — compare with 003")


def test_annotation_mark_refused_shows_reason_in_place(teacher_client, submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE)
    url = reverse("teaching:annotation_mark", args=[annotation.pk])
    response = teacher_client.post(url, {"mark": "good"}, headers={"HX-Request": "true"})
    assert response.status_code == 400  # refused: the entry with the reason, as every write answers
    assert "has not submitted this work yet" in response.content.decode()
    assert json.loads(response.headers["HX-Trigger"])["write-refused"]["messages"]
    assert Annotation.objects.get(pk=annotation.pk).teacher_mark == ""


def test_annotation_mark_without_htmx_redirects(teacher_client, submitted):
    annotation = submitted.annotations.get()
    response = teacher_client.post(reverse("teaching:annotation_mark", args=[annotation.pk]), {"mark": "again"})
    assert response.status_code == 302 and response.url == _review_url(submitted)
    assert Annotation.objects.get(pk=annotation.pk).teacher_mark == "again"


def test_submission_return(teacher_client, submitted):
    url = reverse("teaching:submission_return", args=[submitted.pk])
    response = teacher_client.post(url, {"feedback": "Good eye for numbers.", "position": "1"})
    assert response.status_code == 302 and response.url == _review_url(submitted)
    submitted.refresh_from_db()
    assert (submitted.status, submitted.feedback) == ("returned", "Good eye for numbers.")
    again = teacher_client.post(url, {"feedback": "twice"}, follow=True)
    assert "not waiting for review" in again.content.decode()
    assert Submission.objects.get(pk=submitted.pk).feedback == "Good eye for numbers."


@pytest.mark.parametrize("n", [5, 50])
def test_submission_review_query_count_is_constant(teacher_client, submitted, article, django_assert_num_queries, n):
    factories.LessonArticleFactory(lesson=submitted.assignment.lesson, position=2)
    text = article.body_text
    for i in range(n):
        Annotation.objects.create(
            submission=submitted, article=article, category="rhetoric", start=i, end=i + 3, exact=text[i : i + 3]
        )
    # session, user, submission (+student, assignment, lesson, class), article, lesson articles (read once for the
    # steps and the comparisons summary), counts, annotations, and the comparisons summary: comparisons (no members
    # to prefetch here), numbers highlights; highlights set aside by a correction; the lesson's reference key (for
    # the "in the key" chips)
    with django_assert_num_queries(11):
        response = teacher_client.get(_review_url(submitted))
    assert response.content.decode().count('class="annotation-item') == n + 1


def test_review_shows_how_each_highlight_stands_against_the_key(teacher_client, submitted, article):
    key = factories.ReferenceKeyFactory(lesson=submitted.assignment.lesson)
    factories.key_item_for(key, article, "approximately 300 troops", "numbers", explanation="Compare with 003.")
    factories.annotation_for(submitted, article, "approximately 300 troops", "numbers")
    factories.annotation_for(submitted, article, "modern-day Stalingrad", "rhetoric")
    page = teacher_client.get(_review_url(submitted)).content.decode()
    assert "In the key</summary><p>Compare with 003.</p>" in page
    assert "Not in the key — your call" in page


def test_review_without_a_key_shows_no_key_chips(teacher_client, submitted, article):
    factories.annotation_for(submitted, article, "modern-day Stalingrad", "rhetoric")
    page = teacher_client.get(_review_url(submitted)).content.decode()
    assert "In the key" not in page and "Not in the key" not in page
