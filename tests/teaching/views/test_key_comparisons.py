"""The key's comparisons in the site: create, edit, delete with the admin's checks; htmx fragments; PRG; who may."""

import json

import pytest
from django.urls import reverse

from teaching import services
from teaching.models import KeyComparison
from tests import factories

pytestmark = pytest.mark.django_db

HTMX = {"headers": {"HX-Request": "true"}}


@pytest.fixture
def items(lesson, article, teacher):
    """Two articles in `teacher`'s lesson, a numbers item on each."""
    second = factories.ArticleFactory(title="Second report")
    factories.LessonArticleFactory(lesson=lesson, article=second, position=2)
    key = services.get_or_create_key(lesson)
    return [
        factories.key_item_for(key, article, "approximately 300 troops"),
        factories.key_item_for(key, second, "approximately 300 troops"),
    ]


def _data(chosen, **extra):
    return {
        "title": "Troops inside",
        "relation": "agree",
        "explanation": "Both say 300.",
        "items": [i.pk for i in chosen],
        **extra,
    }


def _url(name, *args):
    return reverse(f"teaching:{name}", args=args)


def test_page_lists_items_by_article_and_links_back_to_the_key_mode(teacher_client, lesson, items):
    page = teacher_client.get(_url("key_comparisons", lesson.pk)).content.decode()
    assert "Second report" in page and page.count('name="items"') == 2
    assert _url("key_start", lesson.pk) in page
    assert "No comparisons yet" in page


def test_the_key_mode_links_to_the_comparisons(teacher_client, lesson, items):
    page = teacher_client.get(_url("key_edit", lesson.pk, 1)).content.decode()
    assert _url("key_comparisons", lesson.pk) in page


def test_with_fewer_than_two_items_the_page_says_what_to_do_first(teacher_client, lesson):
    page = teacher_client.get(_url("key_comparisons", lesson.pk)).content.decode()
    assert "Add key items in the key mode" in page and 'name="items"' not in page


def test_create_htmx_returns_the_region_with_the_new_comparison(teacher_client, lesson, items):
    response = teacher_client.post(_url("key_comparison_create", lesson.pk), _data(items), **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and body.lstrip().startswith('<div id="comparisons-region"')
    assert "Comparison added to the key." in body and "Troops inside" in body
    comparison = KeyComparison.objects.get()
    assert sorted(comparison.items.values_list("pk", flat=True)) == sorted(i.pk for i in items)
    assert (comparison.relation, comparison.explanation, comparison.position) == ("agree", "Both say 300.", 1)


def test_create_without_htmx_redirects(teacher_client, lesson, items):
    response = teacher_client.post(_url("key_comparison_create", lesson.pk), _data(items))
    assert response.status_code == 302 and response["Location"].startswith(_url("key_comparisons", lesson.pk))
    assert KeyComparison.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": "  "}, "Say what is compared"),
        ({"relation": "maybe"}, "Choose agree, contradict or measure different things."),
        ({"one_item": True}, "A comparison links at least two key items."),
        ({"explanation": "x" * 2001}, "2000 characters"),
        ({"other_key": True}, "Every item of a comparison must belong to this key."),
    ],
)
def test_refused_create_answers_400_with_the_reason_keeps_the_input_and_saves_nothing(
    teacher_client, lesson, items, change, message
):
    data = _data(items, **{k: v for k, v in change.items() if k not in ("one_item", "other_key")})
    if change.get("one_item"):
        data["items"] = [items[0].pk]
    if change.get("other_key"):
        elsewhere = factories.LessonFactory()
        factories.LessonArticleFactory(lesson=elsewhere, article=items[0].article)
        stray = factories.key_item_for(services.get_or_create_key(elsewhere), items[0].article, "modern-day Stalingrad")
        data["items"] = [items[0].pk, stray.pk]
    for extra in (HTMX, {}):
        response = teacher_client.post(_url("key_comparison_create", lesson.pk), data, **extra)
        assert response.status_code == 400 and message in response.content.decode()
        if extra:  # the article page's status contract: the reasons in the fragment and in the refusal event
            refused = json.loads(response["HX-Trigger"])["write-refused"]["messages"]
            assert any(message in m for m in refused)
    if "title" not in change:
        assert 'value="Troops inside"' in response.content.decode()  # what was typed is still there
    assert not KeyComparison.objects.exists()


def _comparison(items, by):
    return services.create_key_comparison(
        key=items[0].key, title="Troops inside", relation="agree", explanation="Both say 300.", items=items, by=by
    )


def test_update_and_delete(teacher_client, lesson, items, teacher):
    comparison = _comparison(items, teacher)
    response = teacher_client.post(
        _url("key_comparison_update", comparison.pk), _data(items, relation="contradict", title="Renamed"), **HTMX
    )
    assert response.status_code == 200 and "Comparison saved." in response.content.decode()
    comparison.refresh_from_db()
    assert (comparison.title, comparison.relation) == ("Renamed", "contradict")
    response = teacher_client.post(_url("key_comparison_delete", comparison.pk), **HTMX)
    assert response.status_code == 200 and "Deleted the comparison “Renamed”." in response.content.decode()
    assert not KeyComparison.objects.exists() and items[0].__class__.objects.count() == 2  # the items stay


def test_refused_update_keeps_the_edit_open_and_changes_nothing(teacher_client, lesson, items, teacher):
    comparison = _comparison(items, teacher)
    response = teacher_client.post(
        _url("key_comparison_update", comparison.pk), _data([items[0]], title="Half"), **HTMX
    )
    body = response.content.decode()
    assert response.status_code == 400 and "at least two key items" in body
    assert '<details class="comparison-edit" open>' in body and 'value="Half"' in body
    comparison.refresh_from_db()
    assert comparison.title == "Troops inside" and comparison.items.count() == 2


@pytest.mark.parametrize("n", [2, 12])
def test_page_query_count_is_constant(teacher_client, lesson, items, teacher, django_assert_num_queries, n):
    for i in range(n):
        services.create_key_comparison(key=items[0].key, title=f"C{i}", relation="agree", items=items, by=teacher)
    # session, user, lesson, key, key items, lesson articles, comparisons, their items
    with django_assert_num_queries(8):
        response = teacher_client.get(_url("key_comparisons", lesson.pk))
    assert response.content.decode().count('class="card comparison-card"') == n


@pytest.mark.parametrize("who", ["other_teacher", "student"])
def test_nobody_else_sees_or_changes_the_comparisons(client, request, lesson, items, teacher, who):
    comparison = _comparison(items, teacher)
    factories.AssignmentFactory(
        classroom=factories.ClassroomFactory(teacher=request.getfixturevalue("other_teacher")), lesson=lesson
    )
    client.force_login(request.getfixturevalue(who))
    assert client.get(_url("key_comparisons", lesson.pk)).status_code == 404
    assert client.post(_url("key_comparison_create", lesson.pk), _data(items)).status_code == 404
    assert client.post(_url("key_comparison_update", comparison.pk), _data(items, title="Mine")).status_code == 404
    assert client.post(_url("key_comparison_delete", comparison.pk)).status_code == 404
    comparison.refresh_from_db()
    assert comparison.title == "Troops inside" and KeyComparison.objects.count() == 1


def test_admins_edit_the_comparisons_of_any_key(admin_client, lesson, items):
    response = admin_client.post(_url("key_comparison_create", lesson.pk), _data(items))
    assert response.status_code == 302 and KeyComparison.objects.count() == 1
