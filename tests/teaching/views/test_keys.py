"""The key mode's views: pages, htmx fragments, Post/Redirect/Get, who may see them, query counts."""

import json

import pytest
from django.urls import reverse

from teaching.models import DismissedSuggestion, KeyItem
from teaching.text.suggestions import suggest
from tests import factories

PHRASE = "approximately 300 troops"
HTMX = {"HTTP_HX_REQUEST": "true"}


def _edit_url(lesson, position=1):
    return reverse("teaching:key_edit", args=[lesson.pk, position])


def _create_data(article, phrase=PHRASE, **extra):
    start = article.body_text.index(phrase)
    return {"category": "numbers", "start": start, "end": start + len(phrase), "exact": phrase, **extra}


def _suggestion(article, kind):
    return next(s for s in suggest(article.body_text) if s.kind == kind)


def test_key_edit_shows_article_items_suggestions_and_toolbar(teacher_client, key, article, lesson):
    factories.key_item_for(key, article, PHRASE, explanation="Compare <b>200</b>.")
    response = teacher_client.get(_edit_url(lesson))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-mode="key"' in html and 'id="article-text"' in html
    assert html.count('class="annotation-item key-item') == 1
    assert "Compare &lt;b&gt;200&lt;/b&gt;." in html  # escaped
    assert 'name="explanation"' in html and 'id="annotate-toolbar"' in html
    assert 'class="suggestion-item"' in html and "js/key-edit.js" in html
    assert "This key is the lesson’s own: every assignment of this lesson, in any class" in html
    assert reverse("teaching:lesson_detail", args=[lesson.pk]) in html  # the breadcrumb goes to the lesson


def test_key_start_goes_to_the_first_article(teacher_client, lesson, assignment):
    response = teacher_client.get(reverse("teaching:key_start", args=[lesson.pk]))
    assert response.status_code == 302 and response["Location"] == _edit_url(lesson)


def test_key_edit_without_a_key_yet_creates_nothing(teacher_client, lesson, assignment):
    assert teacher_client.get(_edit_url(lesson)).status_code == 200
    assert not lesson.__class__.objects.filter(reference_key__isnull=False).exists()


def test_key_edit_position_outside_the_lesson_is_404(teacher_client, lesson, assignment):
    assert teacher_client.get(_edit_url(lesson, 9)).status_code == 404


def test_key_edit_htmx_returns_the_region_only(teacher_client, lesson, assignment):
    response = teacher_client.get(_edit_url(lesson), **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="annotation-region" id="annotation-region"')
    assert "<html" not in html


def test_item_create_htmx_answers_the_new_item_and_the_counters(teacher_client, lesson, article, assignment):
    url = reverse("teaching:key_item_create", args=[lesson.pk, 1])
    response = teacher_client.post(url, _create_data(article, explanation="Why"), **HTMX)
    item = KeyItem.objects.get()
    html = response.content.decode()
    assert response.status_code == 200
    assert json.loads(response.headers["HX-Trigger"])["highlights-changed"]["id"] == item.pk
    assert f'id="key-item-{item.pk}"' in html and 'hx-swap-oob="beforeend:#annotation-list"' in html
    assert 'id="annotation-region"' not in html  # never the whole list
    assert '<span class="count-badge" id="article-highlight-count" hx-swap-oob="true">1</span>' in html
    assert '<span id="key-total" hx-swap-oob="true"><strong>1</strong> item</span>' in html  # the header's count
    assert 'id="suggestions" aria-labelledby="suggestions-title" hx-swap-oob="true"' in html


def test_item_create_with_the_same_client_key_is_one_item(teacher_client, lesson, article, assignment):
    """The outbox's retry after a lost answer: the same item, with the category and explanation sent last."""
    url = reverse("teaching:key_item_create", args=[lesson.pk, 1])
    teacher_client.post(url, _create_data(article, client_key="k1"), **HTMX)
    response = teacher_client.post(
        url, _create_data(article, client_key="k1", category="rhetoric", explanation="E"), **HTMX
    )
    item = KeyItem.objects.get()
    assert response.status_code == 200 and (item.category, item.explanation, item.client_key) == ("rhetoric", "E", "k1")
    assert f'<div id="key-item-{item.pk}" hx-swap-oob="delete"></div>' in response.content.decode()  # never twice


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"exact": "approximately 301 troops"}, "do not match"),
        ({"category": ""}, "Choose rhetoric, sourcing or numbers."),
        ({"start": ""}, "Select some words in the article first."),
    ],
)
def test_item_create_refused_htmx_400_with_reason_and_nothing_saved(
    teacher_client, lesson, article, assignment, data, message
):
    url = reverse("teaching:key_item_create", args=[lesson.pk, 1])
    response = teacher_client.post(url, {**_create_data(article), **data}, **HTMX)
    assert response.status_code == 400
    assert "data-errors" in response.content.decode() and message in response.content.decode()
    assert not KeyItem.objects.exists()


def test_item_create_without_htmx_redirects_with_a_message(teacher_client, lesson, article, assignment):
    url = reverse("teaching:key_item_create", args=[lesson.pk, 1])
    response = teacher_client.post(url, _create_data(article), follow=True)
    assert response.redirect_chain[-1][0] == _edit_url(lesson)
    assert "Added to the key." in response.content.decode()


def test_item_update_and_delete(teacher_client, key, article, lesson):
    item = factories.key_item_for(key, article, PHRASE)
    url = reverse("teaching:key_item_update", args=[item.pk])
    response = teacher_client.post(url, {"category": "rhetoric", "explanation": "Vague"}, **HTMX)
    assert response.status_code == 200
    item.refresh_from_db()
    assert (item.category, item.explanation) == ("rhetoric", "Vague")
    # A form without the explanation leaves it alone.
    teacher_client.post(url, {"category": "numbers"}, **HTMX)
    item.refresh_from_db()
    assert (item.category, item.explanation) == ("numbers", "Vague")
    response = teacher_client.post(reverse("teaching:key_item_delete", args=[item.pk]))
    assert response.status_code == 302 and response["Location"] == _edit_url(lesson)
    assert not KeyItem.objects.exists()


def test_accept_and_dismiss_suggestions(teacher_client, key, article, lesson):
    number, source = _suggestion(article, "numbers"), _suggestion(article, "sourcing")
    accept = reverse("teaching:key_suggestion_accept", args=[lesson.pk, 1])
    dismiss = reverse("teaching:key_suggestion_dismiss", args=[lesson.pk, 1])
    fields = {"start": number.start, "end": number.end, "kind": "numbers", "category": "numbers", "explanation": "E"}
    response = teacher_client.post(accept, fields, **HTMX)
    assert response.status_code == 200
    assert f'id="suggestion-{number.start}-{number.end}-numbers"' not in response.content.decode()
    response = teacher_client.post(dismiss, {"start": source.start, "end": source.end, "kind": "sourcing"}, **HTMX)
    assert f'id="suggestion-{source.start}-{source.end}-sourcing"' not in response.content.decode()
    assert KeyItem.objects.get().exact == article.body_text[number.start : number.end]
    assert DismissedSuggestion.objects.count() == 1
    page = teacher_client.get(_edit_url(lesson)).content.decode()
    assert f"suggestion-{source.start}-{source.end}-sourcing" not in page


def test_accept_a_quotation_needs_a_category(teacher_client, key, article, lesson):
    quote = _suggestion(article, "quotation")
    url = reverse("teaching:key_suggestion_accept", args=[lesson.pk, 1])
    response = teacher_client.post(url, {"start": quote.start, "end": quote.end, "kind": "quotation"}, **HTMX)
    assert response.status_code == 400 and "Choose rhetoric, sourcing or numbers." in response.content.decode()
    assert not KeyItem.objects.exists()


def test_links_to_the_key_from_the_assignment_and_class_pages(teacher_client, assignment):
    target = reverse("teaching:key_start", args=[assignment.lesson_id])
    assert target in teacher_client.get(reverse("teaching:assignment_review", args=[assignment.pk])).content.decode()
    assert (
        target
        in teacher_client.get(reverse("teaching:classroom_detail", args=[assignment.classroom_id])).content.decode()
    )


# --- Who may see and write ------------------------------------------------------------------------------


def _requests(lesson, item, article):
    number = _suggestion(article, "numbers")
    span = {"start": number.start, "end": number.end, "kind": "numbers"}
    return [
        ("get", reverse("teaching:key_start", args=[lesson.pk]), {}),
        ("get", _edit_url(lesson), {}),
        (
            "post",
            reverse("teaching:key_item_create", args=[lesson.pk, 1]),
            _create_data(article, "modern-day Stalingrad"),
        ),
        ("post", reverse("teaching:key_item_update", args=[item.pk]), {"explanation": "Hacked"}),
        ("post", reverse("teaching:key_item_delete", args=[item.pk]), {}),
        ("post", reverse("teaching:key_suggestion_accept", args=[lesson.pk, 1]), {**span, "category": "numbers"}),
        ("post", reverse("teaching:key_suggestion_dismiss", args=[lesson.pk, 1]), span),
    ]


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 302), ("student", 404), ("other_teacher", 404)])
def test_outsiders_cannot_see_or_change_a_key(client, key, article, lesson, student, other_teacher, who, expected):
    item = factories.key_item_for(key, article, PHRASE, explanation="Original")
    if who != "anonymous":
        client.force_login({"student": student, "other_teacher": other_teacher}[who])
    for method, url, data in _requests(lesson, item, article):
        response = getattr(client, method)(url, data)
        assert response.status_code == expected, (who, url)
        if expected == 302:
            assert response["Location"].startswith(reverse("login"))
    item.refresh_from_db()
    assert KeyItem.objects.count() == 1 and item.explanation == "Original"
    assert not DismissedSuggestion.objects.exists()


@pytest.mark.parametrize("who", ["teacher", "admin_user"])
def test_the_lessons_teacher_and_admins_may(client, key, article, lesson, request, who):
    client.force_login(request.getfixturevalue(who))
    item = factories.key_item_for(key, article, PHRASE)
    for method, url, data in _requests(lesson, item, article)[:4]:
        assert getattr(client, method)(url, data).status_code in (200, 302), url


@pytest.mark.parametrize("url_name", ["key_item_create", "key_suggestion_accept", "key_suggestion_dismiss"])
def test_writes_only_accept_post(teacher_client, lesson, assignment, url_name):
    assert teacher_client.get(reverse(f"teaching:{url_name}", args=[lesson.pk, 1])).status_code == 405


@pytest.mark.parametrize("n", [5, 40])
def test_key_edit_query_count_is_constant(teacher_client, key, article, lesson, django_assert_num_queries, n):
    for position in (2, 3):
        factories.LessonArticleFactory(lesson=lesson, position=position)
    text = article.body_text
    for i in range(n):
        start = i % (len(text) - 6)
        if not text[start : start + 5].strip():
            start += 1
        factories.key_item_for(key, article, text[start : start + 5], category="numbers", occurrence=0)
    # session, user, lesson (with its owner: the can-edit check needs no query of its own), key, lesson article,
    # key items, dismissals, lesson articles with counts, the teacher's assignments of the lesson, the key items a
    # correction set aside
    with django_assert_num_queries(10):
        response = teacher_client.get(_edit_url(lesson))
    assert response.status_code == 200
