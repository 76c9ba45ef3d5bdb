""" "Could not place after a correction": where highlights and key items a correction set aside are shown."""

import pytest
from django.urls import reverse

from teaching import services
from teaching.models import Annotation, KeyItem
from tests import factories

OLD = "Critics called it a “modern-day Stalingrad” – a claim no one could check."
NEW = "Critics likened it to Stalingrad – a claim no one could check."
PHRASE = "modern-day Stalingrad"
HEADING = "Could not place after a correction"


def correct(article):
    services.revise_article(
        article=article, body_markdown=article.body_markdown.replace(OLD, NEW), by=factories.AdminFactory()
    )
    article.refresh_from_db()


@pytest.fixture
def orphans(submission, other_student, article):
    """The student's and a classmate's highlight on the same words, both set aside by a correction."""
    other_submission = factories.SubmissionFactory(assignment=submission.assignment, student=other_student)
    mine = factories.annotation_for(
        submission, article, PHRASE, category="rhetoric", comment="Loaded <i>comparison</i>"
    )
    theirs = factories.annotation_for(other_submission, article, PHRASE, category="rhetoric", comment="Riya's note")
    kept = factories.annotation_for(submission, article, "no one could check", category="sourcing")
    correct(article)
    statuses = dict(Annotation.objects.values_list("pk", "anchor_status"))
    assert statuses == {mine.pk: "orphaned", theirs.pk: "orphaned", kept.pk: "anchored"}
    return {"mine": mine, "theirs": theirs, "kept": kept}


def test_student_sees_own_set_aside_highlights_only(client, student, assignment, orphans):
    client.force_login(student)
    response = client.get(reverse("teaching:article_read", args=[assignment.pk, 1]))
    html = response.content.decode()
    assert response.status_code == 200
    assert HEADING in html
    assert f'id="orphan-{orphans["mine"].pk}"' in html
    assert "Loaded &lt;i&gt;comparison&lt;/i&gt;" in html  # escaped, as written
    assert f'id="orphan-{orphans["theirs"].pk}"' not in html
    assert "Riya" not in html
    assert "Re-attach" not in html  # students cannot re-attach
    # Counted in the lesson steps: one placed highlight plus one set aside.
    assert response.context["lesson_articles"][0].highlight_count == 2
    assert 'data-article-count="2"' in html


def test_the_list_fragment_after_a_save_keeps_the_section_and_the_count(client, student, assignment, orphans):
    client.force_login(student)
    response = client.get(reverse("teaching:article_read", args=[assignment.pk, 1]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'id="annotation-region"' in html
    assert HEADING in html
    assert 'data-article-count="2"' in html


def test_no_section_without_set_aside_highlights(client, student, submission, assignment, article):
    factories.annotation_for(submission, article, PHRASE, category="rhetoric")
    client.force_login(student)
    html = client.get(reverse("teaching:article_read", args=[assignment.pk, 1])).content.decode()
    assert HEADING not in html


def test_teacher_review_lists_them_with_reattach_links(client, teacher, submission, orphans):
    client.force_login(teacher)
    response = client.get(reverse("teaching:submission_review_article", args=[submission.pk, 1]))
    html = response.content.decode()
    assert response.status_code == 200
    assert HEADING in html
    assert reverse("teaching:annotation_reattach", args=[orphans["mine"].pk]) in html
    assert reverse("teaching:annotation_reattach", args=[orphans["theirs"].pk]) not in html


def test_other_teacher_cannot_see_the_review(client, other_teacher, submission, orphans):
    client.force_login(other_teacher)
    response = client.get(reverse("teaching:submission_review_article", args=[submission.pk, 1]))
    assert response.status_code == 404


def test_key_mode_lists_orphaned_key_items_to_delete_or_recreate(client, teacher, lesson, assignment, article):
    key = factories.ReferenceKeyFactory(lesson=lesson)
    lost = factories.key_item_for(
        key, article, PHRASE, category="rhetoric", explanation="A loaded historical comparison."
    )
    placed = factories.key_item_for(key, article, "no one could check", category="sourcing")
    correct(article)
    assert KeyItem.objects.get(pk=lost.pk).anchor_status == "orphaned"
    client.force_login(teacher)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        html = client.get(reverse("teaching:key_edit", args=[lesson.pk, 1]), **headers).content.decode()
        assert HEADING in html
        assert f'id="key-orphan-{lost.pk}"' in html
        assert "A loaded historical comparison." in html
        assert f'data-quote="{PHRASE}"' in html
        assert reverse("teaching:key_item_delete", args=[lost.pk]) in html
        assert f'id="key-orphan-{placed.pk}"' not in html


def test_deleting_an_orphaned_key_item_answers_with_the_region_without_it(client, teacher, lesson, assignment, article):
    key = factories.ReferenceKeyFactory(lesson=lesson)
    lost = factories.key_item_for(key, article, PHRASE, category="rhetoric")
    correct(article)
    client.force_login(teacher)
    response = client.post(reverse("teaching:key_item_delete", args=[lost.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert not KeyItem.objects.filter(pk=lost.pk).exists()
    assert HEADING not in response.content.decode()
