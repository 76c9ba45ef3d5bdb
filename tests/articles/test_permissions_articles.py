"""Who may open which article page: one table over (page, role, expected status), like the teaching tables."""

import pytest
from django.urls import get_resolver, reverse

from tests import factories
from tests.access import access_cases, assert_access

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "student", "teacher", "other_teacher", "admin_user"]


@pytest.fixture
def world(teacher, other_teacher, assignment, submission):
    """`teacher` owns "mine" and teaches the class the fixture article is assigned to; `other_teacher` owns "theirs"."""
    return {
        "mine": factories.ArticleFactory(title="Mine", owner=teacher).pk,
        "theirs": factories.ArticleFactory(title="Theirs", owner=other_teacher).pk,
        "site": factories.ArticleFactory(title="The site's").pk,
        "assigned": assignment.lesson.lesson_articles.first().article_id,
    }


TEACHERS_AND_ADMINS = {"student": 403, "teacher": 200, "other_teacher": 200, "admin_user": 200}
OWNER = {"student": 403, "teacher": 200, "other_teacher": 403, "admin_user": 200}  # "mine" belongs to teacher
THEIR_OWNER = {"student": 403, "teacher": 403, "other_teacher": 200, "admin_user": 200}
ADMINS = {"student": 403, "teacher": 403, "other_teacher": 403, "admin_user": 200}
THROUGH_A_CLASS = {"student": 200, "teacher": 200, "other_teacher": 404, "admin_user": 200}
NOT_ASSIGNED = {"student": 404, "teacher": 404, "other_teacher": 404, "admin_user": 200}

# (method, url name, kwargs key → world key, {role: expected status}); missing roles: sent to log in
PAGES = [
    ("get", "articles:article_list", None, TEACHERS_AND_ADMINS),
    ("get", "articles:article_create", None, TEACHERS_AND_ADMINS),
    ("post", "articles:article_create", None, TEACHERS_AND_ADMINS),  # an empty post: the add page again
    ("get", "articles:article_preview", "mine", TEACHERS_AND_ADMINS),  # the shared library: read by every teacher
    ("get", "articles:article_preview", "site", TEACHERS_AND_ADMINS),
    ("get", "articles:article_edit", "mine", OWNER),
    ("post", "articles:article_edit", "mine", OWNER),
    ("get", "articles:article_edit", "theirs", THEIR_OWNER),
    ("get", "articles:article_edit", "site", ADMINS),  # the site's own articles: admins only
    ("post", "articles:article_edit", "site", ADMINS),
    # the canonical address: through a class only (admins: all)
    ("get", "articles:article_detail", "assigned", THROUGH_A_CLASS),
    ("get", "articles:article_detail", "mine", NOT_ASSIGNED),
]

CASES = access_cases(PAGES, ROLES)


@pytest.mark.parametrize(("method", "name", "key", "role", "expected"), CASES)
def test_page_access(client, request, world, method, name, key, role, expected):
    assert_access(client, request, world, method, name, key, role, expected)


def test_every_article_url_is_in_the_table():
    resolver = get_resolver()
    names = {
        f"articles:{name}" for name in resolver.namespace_dict["articles"][1].reverse_dict if isinstance(name, str)
    }
    assert names == {name for _method, name, _key, _expected in PAGES}


def test_students_are_told_the_page_is_for_teachers(client, student):
    client.force_login(student)
    response = client.get(reverse("articles:article_list"))
    assert response.status_code == 403
    assert "It is a page for teachers." in response.text


def test_another_teachers_edit_attempt_changes_nothing(client, other_teacher, world):
    client.force_login(other_teacher)
    client.post(
        reverse("articles:article_edit", args=[world["mine"]]),
        {"title": "Taken over", "body_markdown": "Rewritten.", "published_on": ""},
    )
    from articles.models import Article

    article = Article.objects.get(pk=world["mine"])
    assert article.title == "Mine"
    assert article.revisions.count() == 1
