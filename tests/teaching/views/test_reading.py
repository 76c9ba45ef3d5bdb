import json

import pytest
from django.urls import reverse

from teaching.models import Annotation, Submission
from tests import factories

PHRASE = "approximately 300 troops"


def _span(article, phrase=PHRASE):
    start = article.body_text.index(phrase)
    return {"start": start, "end": start + len(phrase), "exact": phrase}


def _read_url(assignment, position=1):
    return reverse("teaching:article_read", args=[assignment.pk, position])


def _create_url(assignment, position=1):
    return reverse("teaching:annotation_create", args=[assignment.pk, position])


def test_opening_an_assignment_writes_nothing_and_goes_to_the_first_article(student_client, assignment, student):
    """A GET never writes: a link from another site must not start anyone's work."""
    response = student_client.get(reverse("teaching:assignment_read", args=[assignment.pk]))
    assert response.status_code == 302
    assert response.url == _read_url(assignment)
    assert not Submission.objects.exists()


@pytest.mark.parametrize("where", ["article_read", "numbers_ledger", "article_compare_pick"])
def test_reading_pages_before_the_first_save_render_and_write_nothing(student_client, assignment, where):
    args = [assignment.pk, 1] if where == "article_read" else [assignment.pk]
    response = student_client.get(reverse(f"teaching:{where}", args=args))
    assert response.status_code == 200
    assert not Submission.objects.exists()


def test_article_read_before_the_first_save_is_ready_to_highlight(student_client, assignment, student):
    html = student_client.get(_read_url(assignment)).content.decode()
    assert 'data-editable="true"' in html
    assert 'id="annotate-toolbar"' in html
    # The on-device outbox is keyed by assignment and student, so it is the same before and after the first save.
    assert f'data-submission-id="a{assignment.pk}-u{student.pk}"' in html


def test_the_first_highlight_starts_the_submission(student_client, assignment, article, student):
    response = student_client.post(
        _create_url(assignment), {"category": "numbers", **_span(article)}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    submission = Submission.objects.get(assignment=assignment, student=student)
    assert submission.status == "in_progress"
    assert Annotation.objects.filter(submission=submission).count() == 1


def test_a_refused_first_highlight_starts_nothing(student_client, assignment, article):
    span = {**_span(article), "exact": "words that are not there"}
    response = student_client.post(
        _create_url(assignment), {"category": "numbers", **span}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_article_read_renders_article_highlights_and_tools(student_client, submission, article):
    factories.annotation_for(submission, article, PHRASE, comment="<b>Which</b> reports?")
    response = student_client.get(_read_url(submission.assignment))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="article-text"' in html
    assert 'id="annotate-toolbar"' in html
    assert f'data-start="{article.body_text.index(PHRASE)}"' in html
    assert "&lt;b&gt;Which&lt;/b&gt; reports?" in html  # student text is escaped
    assert "<b>Which</b>" not in html
    assert "Language that argues instead of informing" in html  # legend question
    assert 'data-editable="true"' in html


def test_article_read_position_outside_the_lesson_is_404(student_client, submission):
    assert student_client.get(_read_url(submission.assignment, 2)).status_code == 404


def test_article_read_htmx_returns_the_list_fragment_only(student_client, submission, article):
    factories.annotation_for(submission, article, PHRASE)
    response = student_client.get(_read_url(submission.assignment), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="annotation-region"')
    assert "<html" not in html and 'id="article-text"' not in html
    assert 'data-category="numbers"' in html


def test_submitted_work_is_read_only_in_the_page(student_client, submission):
    Submission.objects.filter(pk=submission.pk).update(status="submitted")
    html = student_client.get(_read_url(submission.assignment)).content.decode()
    assert "read-only until your teacher returns it" in html
    assert 'id="annotate-toolbar"' not in html
    assert 'data-editable="false"' in html


def test_returned_work_shows_marks_and_feedback(student_client, submission, article):
    factories.annotation_for(submission, article, PHRASE, teacher_mark="good", teacher_comment="Compare with 003.")
    Submission.objects.filter(pk=submission.pk).update(status="returned", feedback="Strong on numbers.")
    html = student_client.get(_read_url(submission.assignment)).content.decode()
    assert "Strong on numbers." in html
    assert "Good catch" in html and "Compare with 003." in html
    assert "Submit again" in html


def test_marks_are_hidden_until_returned(student_client, submission, article):
    factories.annotation_for(submission, article, PHRASE, teacher_mark="again", teacher_comment="Hidden for now")
    html = student_client.get(_read_url(submission.assignment)).content.decode()
    assert "Hidden for now" not in html


def test_annotation_create_htmx_returns_the_new_highlight(student_client, submission, article):
    data = {"category": "numbers", "comment": "Other reports say 200", **_span(article)}
    response = student_client.post(_create_url(submission.assignment), data, headers={"HX-Request": "true"})
    annotation = Annotation.objects.get()
    html = response.content.decode()
    assert response.status_code == 200
    event = json.loads(response.headers["HX-Trigger"])["highlights-changed"]
    assert event == {
        "article": article.pk,
        "id": annotation.pk,
        "created": True,
        "urls": {
            "update": reverse("teaching:annotation_update", args=[annotation.pk]),
            "delete": reverse("teaching:annotation_delete", args=[annotation.pk]),
        },
    }
    assert f'data-id="{annotation.pk}"' in html and "Other reports say 200" in html
    assert "<html" not in html


def test_annotation_create_invalid_htmx_answers_400_with_reason(student_client, submission, article):
    data = {"category": "numbers", **_span(article), "exact": "approximately 301 troops"}
    response = student_client.post(_create_url(submission.assignment), data, headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert "do not match the article" in response.content.decode()
    assert not Annotation.objects.exists()


def test_annotation_create_missing_fields_htmx_400(student_client, submission):
    response = student_client.post(_create_url(submission.assignment), {}, headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert "Choose rhetoric, sourcing or numbers." in response.content.decode()


@pytest.mark.parametrize("valid", [True, False])
def test_annotation_create_at_a_position_outside_the_lesson_is_404(student_client, submission, article, valid):
    data = {"category": "numbers", **_span(article)} if valid else {"category": "numbers"}
    response = student_client.post(_create_url(submission.assignment, 9), data, headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert not Annotation.objects.exists()


def test_annotation_create_by_a_removed_student_or_the_teacher_is_404(
    client, submission, article, removed_student, teacher
):
    removed = factories.SubmissionFactory(assignment=submission.assignment, student=removed_student)
    data = {"category": "numbers", **_span(article)}
    for who in (removed_student, teacher):
        client.force_login(who)
        assert client.post(_create_url(submission.assignment), data, headers={"HX-Request": "true"}).status_code == 404
    assert not Annotation.objects.exists()
    assert Submission.objects.filter(assignment=submission.assignment).count() == 2  # nothing started
    assert Submission.objects.get(pk=removed.pk).work_version == removed.work_version


def test_annotation_create_without_htmx_redirects(student_client, submission, article):
    data = {"category": "sourcing", **_span(article)}
    response = student_client.post(_create_url(submission.assignment), data)
    assert response.status_code == 302
    assert response.url == _read_url(submission.assignment)
    assert Annotation.objects.get().category == "sourcing"


def test_annotation_create_without_htmx_error_goes_to_messages(student_client, submission, article):
    data = {"category": "sourcing", **_span(article), "exact": "nope"}
    response = student_client.post(_create_url(submission.assignment), data, follow=True)
    assert "do not match the article" in response.content.decode()
    assert not Annotation.objects.exists()


def test_annotation_create_on_submitted_work_is_refused(student_client, submission, article):
    Submission.objects.filter(pk=submission.pk).update(status="submitted")
    data = {"category": "numbers", **_span(article)}
    response = student_client.post(_create_url(submission.assignment), data, headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert "read-only until your teacher returns it" in response.content.decode()
    assert not Annotation.objects.exists()


def test_annotation_update_and_delete(student_client, submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE)
    url = reverse("teaching:annotation_update", args=[annotation.pk])
    response = student_client.post(url, {"category": "rhetoric", "comment": "loaded"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'data-category="rhetoric"' in response.content.decode()
    annotation.refresh_from_db()
    assert (annotation.category, annotation.comment) == ("rhetoric", "loaded")

    response = student_client.post(reverse("teaching:annotation_delete", args=[annotation.pk]))
    assert response.status_code == 302 and response.url == _read_url(submission.assignment)
    assert not Annotation.objects.exists()


def test_annotation_update_without_comment_field_keeps_comment(student_client, submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE, comment="keep")
    url = reverse("teaching:annotation_update", args=[annotation.pk])
    student_client.post(url, {"category": "sourcing"}, headers={"HX-Request": "true"})
    annotation.refresh_from_db()
    assert (annotation.category, annotation.comment) == ("sourcing", "keep")


def test_submission_submit(student_client, submission):
    url = reverse("teaching:submission_submit", args=[submission.assignment.pk])
    response = student_client.post(url, {"position": "1"})
    assert response.status_code == 302 and response.url == _read_url(submission.assignment)
    assert Submission.objects.get(pk=submission.pk).status == "submitted"
    again = student_client.post(url, {"position": "1"}, follow=True)
    assert "already submitted" in again.content.decode()


@pytest.mark.parametrize("method", ["get", "put"])
def test_write_views_only_accept_post(student_client, submission, method):
    url = _create_url(submission.assignment)
    assert getattr(student_client, method)(url).status_code == 405


def test_anonymous_is_sent_to_login(client, assignment):
    response = client.get(_read_url(assignment))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def _many_annotations(submission, article, n):
    text = article.body_text
    for i in range(n):
        start = i % (len(text) - 10)
        if not text[start : start + 5].strip():
            start += 1
        Annotation.objects.create(
            submission=submission,
            article=article,
            category=("numbers", "rhetoric", "sourcing")[i % 3],
            start=start,
            end=start + 5,
            exact=text[start : start + 5],
            comment=f"comment {i}",
        )


@pytest.mark.parametrize("n", [5, 50])
def test_article_read_query_count_is_constant(student_client, submission, article, django_assert_num_queries, n):
    for position in (2, 3):
        factories.LessonArticleFactory(lesson=submission.assignment.lesson, position=position)
    _many_annotations(submission, article, n)
    # session, user, submission (+assignment, lesson, class; read only while the student is in the class, so the
    # page object's own check asks nothing more), article, annotations with those a correction set aside, category
    # counts, lesson articles, claim links (none here; see tests/teaching/views/test_claims.py for the page with
    # links)
    with django_assert_num_queries(8):
        response = student_client.get(_read_url(submission.assignment))
    assert response.status_code == 200
    assert response.content.decode().count('class="annotation-item cat-') == n


@pytest.mark.parametrize(("timing", "to_feedback"), [("on_submit", True), ("on_return", False)])
def test_submitting_takes_the_student_to_instant_feedback(student_client, submission, timing, to_feedback):
    from teaching.models import ReferenceKey

    ReferenceKey.objects.create(lesson=submission.assignment.lesson)
    type(submission.assignment).objects.filter(pk=submission.assignment.pk).update(feedback_timing=timing)
    url = reverse("teaching:submission_submit", args=[submission.assignment.pk])
    response = student_client.post(url, {"position": "1"})
    feedback = reverse("teaching:submission_feedback_start", args=[submission.assignment.pk])
    assert response.status_code == 302
    assert (response.url == feedback) is to_feedback


def test_lesson_steps_count_only_the_students_own_highlights(student_client, submission, article, other_student):
    """Each step shows this student's highlights in that article: a classmate's on the same words are not
    counted, and an article without any shows 0."""
    second = factories.LessonArticleFactory(lesson=submission.assignment.lesson, position=2)
    factories.annotation_for(submission, article, PHRASE)
    factories.annotation_for(submission, article, "general staff", category="sourcing")
    classmate = factories.SubmissionFactory(assignment=submission.assignment, student=other_student)
    for phrase in (PHRASE, "general staff", "modern-day Stalingrad"):
        factories.annotation_for(classmate, article, phrase)
    response = student_client.get(_read_url(submission.assignment))
    counts = {la.article_id: la.highlight_count for la in response.context["lesson_articles"]}
    assert counts == {article.pk: 2, second.article_id: 0}
