"""Reference-key feedback: when a student may see it, what it says, and who may see whose."""

import pytest
from django.urls import reverse
from django.utils import timezone

from teaching.models import Assignment, Submission
from tests import factories

ON_SUBMIT = Assignment.FeedbackTiming.ON_SUBMIT
ON_RETURN = Assignment.FeedbackTiming.ON_RETURN


def _set(submission, status, timing=ON_SUBMIT):
    Assignment.objects.filter(pk=submission.assignment_id).update(feedback_timing=timing)
    now = timezone.now()
    Submission.objects.filter(pk=submission.pk).update(
        status=status,
        submitted_at=now if status != "in_progress" else None,
        returned_at=now if status == "returned" else None,
    )
    submission.refresh_from_db()
    submission.assignment.refresh_from_db()
    return submission


def _url(submission, position=1):
    return reverse("teaching:submission_feedback", args=[submission.assignment_id, position])


# --- when feedback is visible ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "timing", "visible", "reason"),
    [
        ("in_progress", ON_SUBMIT, False, "Feedback appears as soon as you submit your work."),
        ("in_progress", ON_RETURN, False, "Feedback comes when your teacher returns your work. Submit it first."),
        ("submitted", ON_SUBMIT, True, None),
        ("submitted", ON_RETURN, False, "Your teacher will share the feedback when they return your work."),
        ("returned", ON_SUBMIT, True, None),
        ("returned", ON_RETURN, True, None),
    ],
)
def test_feedback_timing_rules(client, student, sample_key, submission, worked, status, timing, visible, reason):
    _set(submission, status, timing)
    assert submission.feedback_visible is visible
    client.force_login(student)
    response = client.get(_url(submission))
    if visible:
        assert response.status_code == 200
        assert "Your feedback" in response.text
    else:
        assert response.status_code == 302
        assert response.url == reverse("teaching:assignment_read", args=[submission.assignment_id])
        page = client.get(response.url, follow=True)
        assert reason in page.text


def test_no_key_means_no_feedback_with_a_reason(client, student, submission, worked):
    _set(submission, "submitted")
    client.force_login(student)
    response = client.get(_url(submission), follow=True)
    assert "hasn’t prepared a key" in response.text
    assert response.redirect_chain


def test_feedback_page_lists_found_missed_and_extra_with_explanations(client, student, sample_key, submission, worked):
    _set(submission, "submitted")
    client.force_login(student)
    text = client.get(_url(submission)).text
    assert "you found <strong>1 of 3</strong>" in text
    assert "Other reports say 200." in text  # found: the teacher's explanation too
    assert "One side’s own count." in text and "A loaded comparison." in text  # missed, with why
    assert "Not in the key" in text and "Your teacher will look at these" in text
    assert "wrong" not in text.split("Not in the key", 1)[1].split("</section>", 1)[0].lower()
    assert 'id="feedback-data"' in text


def test_feedback_escapes_what_people_wrote(client, student, sample_key, submission, article):
    sample_key.items.update(explanation="<script>alert(1)</script>")
    factories.annotation_for(submission, article, "inside the city", "rhetoric", comment="<img src=x onerror=alert(1)>")
    _set(submission, "submitted")
    client.force_login(student)
    text = client.get(_url(submission)).text
    assert "<script>alert(1)" not in text and "&lt;script&gt;" in text
    assert "<img src=x" not in text


def test_feedback_start_redirects_to_first_article(client, student, sample_key, submission, worked):
    _set(submission, "submitted")
    client.force_login(student)
    response = client.get(reverse("teaching:submission_feedback_start", args=[submission.assignment_id]))
    assert response.url == _url(submission, 1)


# --- who may see it --------------------------------------------------------------------------------


def test_student_sees_only_own_feedback(client, sample_key, submission, worked, other_student):
    """Another student of the class opening the same URL gets *their* (unstarted) state, never Sam's work."""
    _set(submission, "submitted")
    client.force_login(other_student)
    response = client.get(_url(submission), follow=True)
    assert "Feedback appears as soon as you submit your work." in response.text
    assert "Hedge?" not in response.text
    assert f'data-id="{worked["found"].pk}"' not in response.text and f"desc-a{worked['found'].pk}" not in response.text


@pytest.mark.parametrize("who", ["outsider", "teacher", "anonymous"])
def test_feedback_refused_to_others(client, sample_key, submission, worked, teacher, who):
    _set(submission, "submitted")
    if who == "outsider":
        client.force_login(factories.StudentFactory())
    elif who == "teacher":
        client.force_login(teacher)
    response = client.get(_url(submission))
    if who == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    else:
        assert response.status_code == 404


def test_feedback_unknown_article_is_404(client, student, sample_key, submission, worked):
    _set(submission, "submitted")
    client.force_login(student)
    assert client.get(_url(submission, 9)).status_code == 404


# --- links to it ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "timing", "shown"),
    [
        ("submitted", ON_SUBMIT, True),
        ("submitted", ON_RETURN, False),
        ("returned", ON_RETURN, True),
        ("in_progress", ON_SUBMIT, False),
    ],
)
def test_feedback_links_on_dashboard_and_reading_panel(
    client, student, sample_key, submission, worked, status, timing, shown
):
    _set(submission, status, timing)
    client.force_login(student)
    link = reverse("teaching:submission_feedback_start", args=[submission.assignment_id])
    assert (link in client.get(reverse("teaching:dashboard")).text) is shown
    reading = client.get(reverse("teaching:article_read", args=[submission.assignment_id, 1])).text
    assert (link in reading) is shown


def test_no_feedback_link_without_a_key(client, student, submission, worked):
    _set(submission, "submitted")
    client.force_login(student)
    link = reverse("teaching:submission_feedback_start", args=[submission.assignment_id])
    assert link not in client.get(reverse("teaching:dashboard")).text


@pytest.mark.parametrize("n", [3, 30])
def test_feedback_page_query_count_is_constant(
    client, student, sample_key, submission, article, n, django_assert_num_queries
):
    text = article.body_text
    for i in range(n):
        start = (i * 7) % (len(text) - 10)
        factories.models.Annotation.objects.create(
            submission=submission,
            article=article,
            category="numbers",
            start=start,
            end=start + 5,
            exact=text[start : start + 5],
        )
    _set(submission, "submitted")
    client.force_login(student)
    # session, user, submission (+assignment, lesson, class), key items, lesson texts, highlights, article,
    # key comparisons (none here: teaching.selectors.comparison_feedback stops there)
    with django_assert_num_queries(8):
        response = client.get(_url(submission))
    assert response.status_code == 200


# --- the teacher's choice ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("posted", "saved"),
    [({"feedback_timing": "on_return"}, ON_RETURN), ({"feedback_timing": "on_submit"}, ON_SUBMIT), ({}, ON_SUBMIT)],
)
def test_assignment_form_saves_feedback_timing(client, teacher, classroom, lesson, posted, saved):
    client.force_login(teacher)
    data = {"lesson": lesson.pk, "categories": ["numbers"], **posted}
    response = client.post(reverse("teaching:assignment_create", args=[classroom.pk]), data)
    assert response.status_code == 302
    assert Assignment.objects.get(classroom=classroom).feedback_timing == saved


def test_assignment_form_refuses_an_unknown_timing(client, teacher, classroom, lesson):
    client.force_login(teacher)
    data = {"lesson": lesson.pk, "categories": ["numbers"], "feedback_timing": "never"}
    response = client.post(reverse("teaching:assignment_create", args=[classroom.pk]), data)
    assert response.status_code == 200 and "Choose one of the two times." in response.text
    assert not Assignment.objects.exists()


def test_assignment_form_explains_each_timing(client, teacher, classroom, lesson):
    client.force_login(teacher)
    text = client.get(reverse("teaching:assignment_create", args=[classroom.pk])).text
    assert text.count('type="radio" name="feedback_timing"') == 2
    assert "as soon as they submit" in text and "after you have looked at their work and returned it" in text


def test_feedback_pager_steps_through_the_lesson(client, student, sample_key, submission, worked):
    lesson = submission.assignment.lesson
    for position in (2, 3):
        factories.LessonArticleFactory(lesson=lesson, position=position)
    _set(submission, "submitted")
    client.force_login(student)
    html = client.get(_url(submission, 2)).text
    pager = html[html.index('class="article-pager"') :]
    assert f'href="{_url(submission, 1)}" rel="prev"' in pager and f'href="{_url(submission, 3)}" rel="next"' in pager
    first = client.get(_url(submission, 1)).text
    assert 'rel="prev"' not in first[first.index('class="article-pager"') :]
