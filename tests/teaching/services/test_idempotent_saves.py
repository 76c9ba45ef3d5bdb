"""A browser retrying a save (its first answer lost) never duplicates a highlight or loses the latest choice."""

import pytest
from django.core.exceptions import ValidationError

from teaching import services
from teaching.models import Annotation

PHRASE = "approximately 300 troops"


def _create(submission, article, category="numbers", comment="", client_key="k-1", phrase=PHRASE):
    start = article.body_text.index(phrase)
    return services.create_annotation(
        submission=submission,
        article=article,
        category=category,
        start=start,
        end=start + len(phrase),
        exact=phrase,
        comment=comment,
        client_key=client_key,
        by=submission.student,
    )


def test_retry_with_same_client_key_returns_the_same_highlight(submission, article):
    first = _create(submission, article)
    again = _create(submission, article)
    assert again.pk == first.pk
    assert Annotation.objects.count() == 1


def test_retry_after_category_change_updates_instead_of_duplicating(submission, article):
    first = _create(submission, article, category="numbers")
    # The answer to the first save was lost; meanwhile the student chose "sourcing" and typed a comment.
    retried = _create(submission, article, category="sourcing", comment="Who says so?")
    assert retried.pk == first.pk
    assert list(Annotation.objects.values_list("category", "comment")) == [("sourcing", "Who says so?")]


def test_client_key_reused_for_other_words_is_refused(submission, article):
    _create(submission, article)
    with pytest.raises(ValidationError, match="already used for other words"):
        _create(submission, article, phrase="modern-day Stalingrad")
    assert Annotation.objects.count() == 1


def test_different_client_keys_make_different_highlights_on_the_same_words(submission, article):
    _create(submission, article, category="numbers", client_key="a")
    _create(submission, article, category="sourcing", client_key="b")
    assert Annotation.objects.count() == 2


def test_reading_view_accepts_client_key(client, student, submission, article):
    client.force_login(student)
    start = article.body_text.index(PHRASE)
    url = f"/assignments/{submission.assignment_id}/articles/1/annotations/"
    data = {"category": "numbers", "start": start, "end": start + len(PHRASE), "exact": PHRASE, "client_key": "x1"}
    for _ in range(2):
        response = client.post(url, data, headers={"HX-Request": "true"})
        assert response.status_code == 200
    assert Annotation.objects.filter(client_key="x1").count() == 1
