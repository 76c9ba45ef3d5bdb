"""The teacher's view of the class: heatmap, agreement, key-item table, per-student scores."""

import re

import pytest
from django.urls import reverse

from teaching import selectors
from teaching.models import Annotation, Assignment, Submission
from tests import factories
from tests.teaching.helpers import highlighting_class


def _urls(assignment, submission=None):
    urls = {
        "heatmap": reverse("teaching:assignment_heatmap", args=[assignment.pk, 1]),
        "key_items": reverse("teaching:assignment_key_items", args=[assignment.pk]),
        "review": reverse("teaching:assignment_review", args=[assignment.pk]),
    }
    if submission:
        urls["scores"] = reverse("teaching:submission_scores", args=[submission.pk])
    return urls


# --- the heatmap --------------------------------------------------------------------------------------


def test_heatmap_page_shows_scale_agreement_and_keeps_the_text(
    teacher_client, sample_key, classroom, assignment, article
):
    highlighting_class(classroom, assignment, article, 3)
    text = teacher_client.get(_urls(assignment)["heatmap"]).text
    assert "Share of the class" in text and "81–100%" in text
    assert "The class almost fully agrees on which words are numbers." in text
    assert "3 of 3 students — 3 as numbers" in text
    body = re.search(r'<div id="article-text"[^>]*>(.*?)</div>', text, re.S).group(1)
    assert body == article.body_html  # shading is drawn in the browser, never written into the text
    assert 'id="heat-passages"' in text


def test_heatmap_empty_class(teacher_client, assignment):
    text = teacher_client.get(_urls(assignment)["heatmap"]).text
    assert "Nobody has highlighted this article yet." in text
    assert "Not enough highlights yet" in text


def test_heatmap_start_and_unknown_article(teacher_client, assignment):
    start = reverse("teaching:assignment_heatmap_start", args=[assignment.pk])
    assert teacher_client.get(start).url == _urls(assignment)["heatmap"]
    assert teacher_client.get(reverse("teaching:assignment_heatmap", args=[assignment.pk, 7])).status_code == 404


# --- the key-item table ---------------------------------------------------------------------------------


def _row_quotes(text):
    return re.findall(r'<td class="quote"><q>(.*?)</q>', text)


@pytest.mark.parametrize(
    ("sort", "expected", "aria"),
    [
        ("", ["modern-day Stalingrad", "according to the general staff", "approximately 300 troops"], "ascending"),
        ("found", ["modern-day Stalingrad", "according to the general staff", "approximately 300 troops"], "ascending"),
        (
            "-found",
            ["approximately 300 troops", "according to the general staff", "modern-day Stalingrad"],
            "descending",
        ),
        ("quote", ["according to the general staff", "approximately 300 troops", "modern-day Stalingrad"], "ascending"),
        (
            "-quote",
            ["modern-day Stalingrad", "approximately 300 troops", "according to the general staff"],
            "descending",
        ),
        (
            "category",
            ["modern-day Stalingrad", "according to the general staff", "approximately 300 troops"],
            "ascending",
        ),
        (
            "nonsense",
            ["modern-day Stalingrad", "according to the general staff", "approximately 300 troops"],
            "ascending",
        ),
    ],
)
def test_key_item_table_sorts(teacher_client, sample_key, classroom, assignment, article, sort, expected, aria):
    highlighting_class(classroom, assignment, article, 4)
    text = teacher_client.get(_urls(assignment)["key_items"] + (f"?sort={sort}" if sort else "")).text
    assert _row_quotes(text) == expected
    assert text.count("aria-sort=") == 1 and f'aria-sort="{aria}"' in text


def test_key_item_table_shares_and_missed_by_most(teacher_client, sample_key, classroom, assignment, article):
    highlighting_class(classroom, assignment, article, 4)
    text = teacher_client.get(_urls(assignment)["key_items"]).text
    assert '4 of 4</span> <span class="muted">(100%)' in text
    assert '2 of 4</span> <span class="muted">(50%)' in text
    assert text.count("Missed by most</span>") == 1  # the rhetoric item: 0 of 4
    assert "1 item missed by most of the class" in text


def test_key_item_table_and_heatmap_leave_out_students_who_have_not_started(
    teacher_client, sample_key, classroom, assignment, article
):
    """Two students who never opened the assignment are said apart, not counted as finding nothing: 2 of 2
    found the number (not 2 of 4), and no item is "missed by most" because of them."""
    highlighting_class(classroom, assignment, article, 2)
    for _ in range(2):
        factories.EnrollmentFactory(classroom=classroom)
    text = teacher_client.get(_urls(assignment)["key_items"]).text
    assert '2 of 2</span> <span class="muted">(100%)' in text
    assert '1 of 2</span> <span class="muted">(50%)' in text  # the sourcing item: half, not missed by most
    assert text.count("Missed by most</span>") == 1  # only the rhetoric item: 0 of 2
    assert "2 students have not started and are not counted." in text
    heat = selectors.class_heatmap(assignment, 1)
    assert (heat.class_size, heat.not_started) == (2, 2)
    assert {p.quote: p.label for p in heat.passages}["300 troops"].startswith("2 of 2 students")
    page = teacher_client.get(_urls(assignment)["heatmap"]).text
    assert "2 students have not started and are not counted." in page


def test_key_item_sort_links_flip_the_sorted_column(teacher_client, sample_key, assignment):
    text = teacher_client.get(_urls(assignment)["key_items"] + "?sort=found").text
    assert "?sort=-found" in text and "?sort=quote" in text


def test_key_item_table_without_a_key(teacher_client, assignment):
    assert "No reference key for this lesson yet" in teacher_client.get(_urls(assignment)["key_items"]).text


# --- scores on the review page and per student ---------------------------------------------------------------


def test_review_shows_found_column_timing_and_links(teacher_client, sample_key, classroom, assignment, article):
    subs = highlighting_class(classroom, assignment, article, 2)
    Assignment.objects.filter(pk=assignment.pk).update(feedback_timing="on_return")
    text = teacher_client.get(_urls(assignment)["review"]).text
    assert text.count("Found 2/3") == 1 and text.count("Found 1/3") == 1
    assert reverse("teaching:submission_scores", args=[subs[0].pk]) in text
    assert "Feedback: when you return their work" in text
    assert reverse("teaching:assignment_heatmap_start", args=[assignment.pk]) in text
    assert reverse("teaching:assignment_key_items", args=[assignment.pk]) in text


def test_review_without_key_has_no_found_column(teacher_client, classroom, assignment, article):
    highlighting_class(classroom, assignment, article, 1)
    text = teacher_client.get(_urls(assignment)["review"]).text
    assert "Found " not in text and "no reference key yet" in text


def test_student_scores_page_lists_items_behind_figures(teacher_client, sample_key, classroom, assignment, article):
    (sub,) = highlighting_class(classroom, assignment, article, 1)
    factories.annotation_for(sub, article, "inside the city", "rhetoric", comment="loaded?")
    text = teacher_client.get(_urls(assignment, sub)["scores"]).text
    assert "2 of 3" in text and "67%" in text  # overall recall
    assert "<q>modern-day Stalingrad</q>" in text  # missed
    assert "highlighted “300 troops”" in text  # found, with what they highlighted
    assert "<q>inside the city</q>" in text and "loaded?" in text  # not in the key


# --- permissions ------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["heatmap", "key_items", "scores"])
@pytest.mark.parametrize("who", ["student", "other_teacher", "admin_user"])
def test_class_views_are_for_the_classes_teacher_only(
    client, request, sample_key, classroom, assignment, article, page, who
):
    (sub,) = highlighting_class(classroom, assignment, article, 1)
    user = request.getfixturevalue(who) if who != "student" else sub.student
    client.force_login(user)
    response = client.get(_urls(assignment, sub)[page])
    assert response.status_code in (403, 404)
    assert 'id="article-text"' not in response.text and "Found " not in response.text


@pytest.mark.parametrize("page", ["heatmap", "key_items", "scores"])
def test_class_views_need_login(client, sample_key, classroom, assignment, article, page):
    (sub,) = highlighting_class(classroom, assignment, article, 1)
    response = client.get(_urls(assignment, sub)[page])
    assert response.status_code == 302 and "/accounts/login/" in response.url


# --- constant queries at two class sizes ----------------------------------------------------------------------


@pytest.mark.parametrize("size", [10, 40])
@pytest.mark.parametrize(
    ("page", "cold", "warm"),
    [
        # session, user, assignment, lesson articles (with their texts), roster, submissions, key items, kept
        # rows' inputs, the class sum (teaching/services/results.py); the first load also matches everybody
        # once (the texts, the highlights, the class sums to move, one upsert, in a transaction) and adds the
        # class up (the article, the rows, the sum written, in a transaction)
        ("heatmap", 26, 9),
        # session, user, assignment, lesson articles, key items, roster, submissions, kept rows' inputs, the
        # class sums; the first load also matches everybody and adds the class up, as above
        ("key_items", 26, 9),
        # session, user, assignment, roster, submissions, the page's students with their submissions (one
        # query), key items, lesson articles, kept results, and class_comparisons (with the review's
        # submissions): counts, key comparisons (none here); the first load also matches everybody (texts,
        # highlights, class sums to move, one upsert, in a transaction)
        ("review", 18, 11),
    ],
)
def test_class_pages_query_count_is_constant(
    teacher_client, sample_key, classroom, assignment, article, size, page, cold, warm, django_assert_num_queries
):
    highlighting_class(classroom, assignment, article, size)
    with django_assert_num_queries(cold):
        response = teacher_client.get(_urls(assignment)[page])
    assert response.status_code == 200
    # Nothing changed: the kept results are read, nobody is matched again.
    with django_assert_num_queries(warm):
        response = teacher_client.get(_urls(assignment)[page])
    assert response.status_code == 200
    assert Submission.objects.filter(assignment=assignment).count() == size


@pytest.mark.parametrize("size", [10, 40])
def test_student_scores_query_count_is_constant(
    teacher_client, sample_key, classroom, assignment, article, size, django_assert_num_queries
):
    subs = highlighting_class(classroom, assignment, article, 2)
    text = article.body_text
    for i in range(size):
        Annotation.objects.create(
            submission=subs[0], article=article, category="rhetoric", start=i, end=i + 4, exact=text[i : i + 4]
        )
    # session, user, submission (+student, assignment, lesson, class), key items, lesson texts, highlights
    with django_assert_num_queries(6):
        response = teacher_client.get(_urls(assignment, subs[0])["scores"])
    assert response.status_code == 200


def test_heatmap_pager_steps_through_the_lesson_and_keeps_the_category(teacher_client, assignment):
    for position in (2, 3):
        factories.LessonArticleFactory(lesson=assignment.lesson, position=position)
    html = teacher_client.get(
        reverse("teaching:assignment_heatmap", args=[assignment.pk, 2]), {"category": "numbers"}
    ).text
    pager = html[html.index('class="article-pager"') :]
    for position, rel in ((1, "prev"), (3, "next")):
        link = reverse("teaching:assignment_heatmap", args=[assignment.pk, position]) + "?category=numbers"
        assert f'href="{link}" rel="{rel}"' in pager
