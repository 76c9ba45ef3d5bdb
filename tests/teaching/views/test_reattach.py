"""Re-attaching a highlight set aside by a correction: who may, how the words are chosen, what is refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from teaching import services
from teaching.models import Annotation
from tests import factories
from tests.teaching.helpers import orphan


def url(annotation):
    return reverse("teaching:annotation_reattach", args=[annotation.pk])


# Who may ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("teacher", 200), ("admin_user", 200), ("student", 404), ("other_student", 404), ("other_teacher", 404)],
)
def test_reattach_page_access(client, request, orphaned, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url(orphaned)).status_code == status
    response = client.post(url(orphaned), {"words": "Stalingrad"})
    assert response.status_code == (302 if status == 200 else status)
    orphaned.refresh_from_db()
    assert orphaned.is_orphaned is (status != 200)


def test_reattach_page_needs_login(client, orphaned):
    response = client.get(url(orphaned))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_reattach_service_refuses_another_teacher(orphaned, other_teacher):
    start = orphaned.article.body_text.index("Stalingrad")
    with pytest.raises(PermissionDenied):
        services.reattach_annotation(
            annotation=orphaned, start=start, end=start + len("Stalingrad"), exact="Stalingrad", by=other_teacher
        )
    orphaned.refresh_from_db()
    assert orphaned.is_orphaned


# The page and the re-attaching -----------------------------------------------------------------


def test_reattach_page_shows_the_students_words_comment_and_the_article(client, teacher, orphaned):
    client.force_login(teacher)
    html = client.get(url(orphaned)).content.decode()
    assert "<mark>modern-day Stalingrad</mark>" in html
    assert "Loaded comparison" in html
    assert '<div id="article-text"' in html
    assert 'name="words"' in html and 'name="start"' in html and "js/reattach.js" in html
    assert "Set aside" in html


def test_reattach_with_a_selection_puts_it_back_on_the_current_text(client, teacher, orphaned):
    client.force_login(teacher)
    text = orphaned.article.body_text
    start = text.index("Stalingrad")
    response = client.post(url(orphaned), {"start": start, "end": start + 10, "exact": "Stalingrad", "words": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("teaching:submission_review_article", args=[orphaned.submission_id, 1])
    orphaned.refresh_from_db()
    assert (orphaned.anchor_status, orphaned.orphaned_at) == ("anchored", None)
    assert (orphaned.start, orphaned.end, orphaned.exact) == (start, start + 10, "Stalingrad")
    assert orphaned.prefix == text[max(0, start - 32) : start] and orphaned.suffix == text[start + 10 : start + 42]
    assert orphaned.revision == orphaned.article.current_revision
    assert orphaned.comment == "Loaded comparison"


def test_reattach_by_admin_returns_to_the_articles_orphans(client, admin_user, orphaned):
    client.force_login(admin_user)
    response = client.post(url(orphaned), {"words": "likened it to Stalingrad"})
    assert response["Location"] == reverse("admin:articles_article_orphans", args=[orphaned.article_id])


def test_reattach_goes_on_to_the_next_orphan_of_the_submission(client, teacher, submission, article):
    first = orphan(submission, article)
    second = orphan(submission, article, phrase="a claim no one could check", comment="")
    services.revise_article(article=article, body_markdown="Nothing of it is left.", by=factories.AdminFactory())
    client.force_login(teacher)
    response = client.post(url(first), {"words": "Nothing"})
    assert response["Location"] == url(second)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"words": "Pokrovsk fell"}, "These words are not in the article."),
        ({"words": "the"}, "These words appear 3 times in the article."),
        ({"words": "   "}, "Select the words in the article first, or type them in the box."),
        ({}, "Select the words in the article first, or type them in the box."),
        ({"start": 0, "end": 6, "exact": "Tanks!"}, "The article may have changed"),
        ({"start": 5, "end": 5000, "exact": "x"}, "The highlight is outside the article."),
        ({"start": "x", "end": 3, "exact": "Tro"}, "The selection could not be read."),
    ],
    ids=["absent", "ambiguous", "blank", "nothing", "mismatch", "out-of-range", "not-a-number"],
)
def test_reattach_refuses_unclear_choices_and_changes_nothing(client, teacher, orphaned, data, message):
    before = Annotation.objects.values().get(pk=orphaned.pk)
    client.force_login(teacher)
    response = client.post(url(orphaned), data)
    assert response.status_code == 400  # refused, as every refused write answers
    html = response.content.decode()
    assert message in html
    assert html.count(message) <= 2  # once in the alert, and at the words field when it is about them
    assert Annotation.objects.values().get(pk=orphaned.pk) == before


def test_reattach_page_for_a_placed_highlight_says_so(client, teacher, submission, article):
    annotation = factories.annotation_for(submission, article, "300 troops")
    client.force_login(teacher)
    response = client.get(url(annotation), follow=True)
    assert "This highlight is on the article&#x27;s words already." in response.content.decode()


@pytest.mark.parametrize("count", [1, 5])
def test_reattach_page_query_count_does_not_grow_with_other_orphans(
    client, teacher, submission, article, django_assert_num_queries, count
):
    annotations = [orphan(submission, article, comment=f"c{i}") for i in range(count + 1)]
    # Distinct spans are not needed: each is its own highlight with the same words.
    services.revise_article(article=article, body_markdown="Nothing of it is left.", by=factories.AdminFactory())
    client.force_login(teacher)
    # session, user, annotation, lesson position, other orphans
    with django_assert_num_queries(5):
        response = client.get(url(annotations[0]))
    assert response.content.decode().count("/reattach/") == count


# The "could not place" list ----------------------------------------------------------------------


@pytest.mark.parametrize(("reattach", "link"), [(False, False), (True, True)])
def test_orphaned_fragment_for_student_and_teacher(orphaned, reattach, link):
    orphaned.comment = "<script>x</script>"
    html = render_to_string(
        "teaching/_orphaned_annotations.html",
        {"orphaned_annotations": [orphaned], "reattach": reattach},
    )
    assert "Could not place" in html and "“modern-day Stalingrad”" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    assert ("/reattach/" in html) is link
    assert ("your teacher can put them back" in html) is (not reattach)


def test_orphaned_fragment_is_empty_without_orphans():
    assert render_to_string("teaching/_orphaned_annotations.html", {"orphaned_annotations": []}).strip() == ""


def test_find_unique_occurrence_strips_and_counts():
    assert services.find_unique_occurrence("a cat sat on a mat", " cat ") == (2, 5)
    with pytest.raises(ValidationError, match="appear 2 times"):
        services.find_unique_occurrence("a cat and a cat", "a cat")
