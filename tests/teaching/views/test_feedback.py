"""Reference-key feedback: when a student may see it, what it says, and who may see whose."""

import pytest
from django.urls import reverse
from django.utils import timezone

from teaching import selectors
from teaching.models import Assignment, Submission
from tests import factories

ON_SUBMIT = Assignment.FeedbackTiming.ON_SUBMIT
ON_RETURN = Assignment.FeedbackTiming.ON_RETURN


@pytest.fixture
def key(lesson, article, teacher):
    key = factories.ReferenceKeyFactory(lesson=lesson)
    factories.key_item_for(key, article, "approximately 300 troops", "numbers", explanation="Other reports say 200.")
    factories.key_item_for(
        key, article, "according to the general staff", "sourcing", explanation="One side’s own count."
    )
    factories.key_item_for(key, article, "modern-day Stalingrad", "rhetoric", explanation="A loaded comparison.")
    return key


@pytest.fixture
def worked(submission, article):
    """Sam found the number, added a rhetoric highlight the key lacks, missed the sourcing and rhetoric items."""
    found = factories.annotation_for(submission, article, "300 troops", "numbers")
    extra = factories.annotation_for(submission, article, "a claim no one could check", "rhetoric", comment="Hedge?")
    return {"found": found, "extra": extra}


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


# --- selectors with real matching ---------------------------------------------------------------


def test_student_feedback_found_missed_extra_per_category(key, submission, worked):
    feedback = selectors.student_feedback(submission)
    assert feedback.has_key
    (article_feedback,) = feedback.articles
    by_cat = {c.category.value: c for c in article_feedback.categories}
    assert [c for c in by_cat] == ["rhetoric", "sourcing", "numbers"]
    assert [f.annotation for f in by_cat["numbers"].found] == [worked["found"]]
    assert by_cat["numbers"].found[0].key_item.explanation == "Other reports say 200."
    assert [k.exact for k in by_cat["sourcing"].missed] == ["according to the general staff"]
    assert [k.exact for k in by_cat["rhetoric"].missed] == ["modern-day Stalingrad"]
    assert by_cat["rhetoric"].extra == [worked["extra"]]
    t = feedback.tally
    assert (t.found, t.missed, t.extra, t.key_items) == (1, 2, 1, 3)
    assert [(c.category, c.found, c.missed, c.extra) for c in t.categories] == [
        ("rhetoric", 0, 1, 1),
        ("sourcing", 0, 1, 0),
        ("numbers", 1, 0, 0),
    ]
    assert (t.recall_display, t.precision_display) == ("33%", "50%")


def test_student_feedback_ignores_orphans_and_categories_not_in_play(key, submission, article, worked):
    Assignment.objects.filter(pk=submission.assignment_id).update(categories=["numbers", "sourcing"])
    submission.assignment.refresh_from_db()
    key.items.filter(category="numbers").update(anchor_status="orphaned")
    feedback = selectors.student_feedback(submission)
    t = feedback.tally
    assert [c.category for c in t.categories] == ["sourcing", "numbers"]
    # the numbers item is set aside: the student's "300 troops" now finds nothing and waits for the teacher
    assert (t.found, t.missed, t.extra) == (0, 1, 1)


def test_student_feedback_without_a_key(submission, worked):
    feedback = selectors.student_feedback(submission)
    assert not feedback.has_key and feedback.articles == []


def test_class_scores_per_submission_and_key_item(key, assignment, submission, worked, other_student, article):
    other = factories.SubmissionFactory(assignment=assignment, student=other_student)
    factories.annotation_for(other, article, "approximately 300 troops", "numbers")
    factories.annotation_for(other, article, "modern-day Stalingrad", "rhetoric")
    scores = selectors.class_scores(assignment)
    assert scores.has_key and scores.key_item_count == 3 and scores.class_size == 2
    assert (scores.by_submission[submission.pk].found, scores.by_submission[other.pk].found) == (1, 2)
    found_by = {r.item.exact: (r.found_by, r.missed_by_most) for r in scores.key_items}
    assert found_by == {
        "approximately 300 troops": (2, False),
        "according to the general staff": (0, True),
        "modern-day Stalingrad": (1, False),  # half the class is not "most"
    }


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
def test_feedback_timing_rules(client, student, key, submission, worked, status, timing, visible, reason):
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


def test_feedback_page_lists_found_missed_and_extra_with_explanations(client, student, key, submission, worked):
    _set(submission, "submitted")
    client.force_login(student)
    text = client.get(_url(submission)).text
    assert "you found <strong>1 of 3</strong>" in text
    assert "Other reports say 200." in text  # found: the teacher's explanation too
    assert "One side’s own count." in text and "A loaded comparison." in text  # missed, with why
    assert "Not in the key" in text and "Your teacher will look at these" in text
    assert "wrong" not in text.split("Not in the key", 1)[1].split("</section>", 1)[0].lower()
    assert 'id="feedback-data"' in text


def test_feedback_escapes_what_people_wrote(client, student, key, submission, article):
    key.items.update(explanation="<script>alert(1)</script>")
    factories.annotation_for(submission, article, "inside the city", "rhetoric", comment="<img src=x onerror=alert(1)>")
    _set(submission, "submitted")
    client.force_login(student)
    text = client.get(_url(submission)).text
    assert "<script>alert(1)" not in text and "&lt;script&gt;" in text
    assert "<img src=x" not in text


def test_feedback_start_redirects_to_first_article(client, student, key, submission, worked):
    _set(submission, "submitted")
    client.force_login(student)
    response = client.get(reverse("teaching:submission_feedback_start", args=[submission.assignment_id]))
    assert response.url == _url(submission, 1)


# --- who may see it --------------------------------------------------------------------------------


def test_student_sees_only_own_feedback(client, key, submission, worked, other_student):
    """Another student of the class opening the same URL gets *their* (unstarted) state, never Sam's work."""
    _set(submission, "submitted")
    client.force_login(other_student)
    response = client.get(_url(submission), follow=True)
    assert "Feedback appears as soon as you submit your work." in response.text
    assert "Hedge?" not in response.text
    assert f'data-id="{worked["found"].pk}"' not in response.text and f"desc-a{worked['found'].pk}" not in response.text


@pytest.mark.parametrize("who", ["outsider", "teacher", "anonymous"])
def test_feedback_refused_to_others(client, key, submission, worked, teacher, who):
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


def test_feedback_unknown_article_is_404(client, student, key, submission, worked):
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
def test_feedback_links_on_dashboard_and_reading_panel(client, student, key, submission, worked, status, timing, shown):
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
def test_feedback_page_query_count_is_constant(client, student, key, submission, article, n, django_assert_num_queries):
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


def test_feedback_pager_steps_through_the_lesson(client, student, key, submission, worked):
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
