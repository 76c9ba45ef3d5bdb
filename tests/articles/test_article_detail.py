"""The article's canonical address: readable by whoever may read it through a class, 404 for anyone else."""

import pytest

from tests import factories


@pytest.fixture
def url(article):
    return f"/articles/{article.pk}/"


@pytest.mark.parametrize(
    "who, status",
    [
        ("admin_user", 200),
        ("teacher", 200),
        ("student", 200),
        ("other_teacher", 404),
        ("outsider", 404),
    ],
)
def test_article_detail_is_readable_through_a_class_only(client, request, assignment, url, who, status):
    user = factories.StudentFactory(username="outsider") if who == "outsider" else request.getfixturevalue(who)
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == status
    if status == 200:
        assert b'id="article-text"' in response.content


def test_article_detail_needs_login(client, article, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_annotation_target_source_is_the_article_detail_url(rf, article):
    from teaching.views.records import article_url

    assert article_url(rf.get("/"), article.pk) == f"http://testserver/articles/{article.pk}/"
