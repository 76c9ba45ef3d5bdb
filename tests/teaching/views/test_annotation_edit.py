"""The reading view's list holds no form per entry (its Edit and Delete are buttons of two shared forms; the claim's
form is added by the script), and one highlight's own page does what they do without JavaScript."""

import re

import pytest
from django.urls import reverse

from teaching.models import Annotation, Submission
from tests import factories

PHRASE = "approximately 300 troops"


def _read_url(submission):
    return reverse("teaching:article_read", args=[submission.assignment.pk, 1])


def _edit_url(annotation):
    return reverse("teaching:annotation_edit", args=[annotation.pk])


def _list(html: str) -> str:
    return html[html.index('id="annotation-list"') : html.index("</ol>", html.index('id="annotation-list"'))]


def test_the_list_has_no_form_per_entry_only_buttons_of_two_shared_forms(student_client, submission, article):
    one = factories.annotation_for(submission, article, PHRASE, counted="Russian troops", place="Pokrovsk")
    two = factories.annotation_for(submission, article, "modern-day Stalingrad", category="rhetoric")
    html = student_client.get(_read_url(submission)).content.decode()
    entries = _list(html)
    assert "<form" not in entries and "csrfmiddlewaretoken" not in entries
    assert html.count('<form id="entry-edit" method="get" hidden></form>') == 1
    assert re.search(r'<form id="entry-delete" method="post" hidden data-delete-form><input type="hidden" '
                     r'name="csrfmiddlewaretoken" value="[^"]+"></form>', html)  # fmt: skip
    for annotation in (one, two):
        assert f'<button form="entry-edit" formaction="{_edit_url(annotation)}"' in entries
        delete = reverse("teaching:annotation_delete", args=[annotation.pk])
        assert f'<button form="entry-delete" formaction="{delete}"' in entries
    # The claim's values travel with its <details>, for the form the script makes from <template id="claim-form">.
    claim = reverse("teaching:claim_update", args=[one.pk])
    assert f'data-claim-edit data-claim-url="{claim}" data-counted="Russian troops" data-place="Pokrovsk">' in entries
    assert f'<a href="{_edit_url(one)}">Change what it counts on the highlight’s own page</a>' in entries
    assert '<template id="claim-form"><form method="post" action="" data-claim-form>' in html


def test_read_only_work_has_neither_the_buttons_nor_the_shared_forms(student_client, submission, article):
    factories.annotation_for(submission, article, PHRASE)
    Submission.objects.filter(pk=submission.pk).update(status="submitted")
    html = student_client.get(_read_url(submission)).content.decode()
    assert 'id="entry-delete"' not in html and 'form="entry-' not in html
    assert 'id="claim-form"' not in html and "data-claim-edit" not in html


def test_the_highlights_own_page_has_its_forms(student_client, submission, article):
    annotation = factories.annotation_for(
        submission, article, PHRASE, comment="<b>Which</b> reports?", counted="troops"
    )
    response = student_client.get(_edit_url(annotation))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'action="{reverse("teaching:annotation_update", args=[annotation.pk])}"' in html
    assert '<input type="radio" name="category" value="numbers" checked>' in html
    assert '<label for="edit-comment" class="toolbar-label">Comment</label>' in html
    assert "&lt;b&gt;Which&lt;/b&gt; reports?</textarea>" in html
    assert f'action="{reverse("teaching:claim_update", args=[annotation.pk])}"' in html
    assert 'name="counted" value="troops"' in html and '<label for="edit-counted">What is counted</label>' in html
    assert f'name="next" value="{_read_url(submission)}#annotation-{annotation.pk}"' in html
    assert f'action="{reverse("teaching:annotation_delete", args=[annotation.pk])}"' in html
    assert f'href="{_read_url(submission)}#annotation-{annotation.pk}"' in html  # back


def test_a_highlight_that_is_not_a_number_has_no_claim_form(student_client, submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE, category="sourcing")
    html = student_client.get(_edit_url(annotation)).content.decode()
    assert "claim_update" not in html and 'name="counted"' not in html
    assert '<input type="radio" name="category" value="sourcing" checked>' in html


def test_the_own_pages_forms_write_and_come_back_to_the_article(student_client, submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE)
    next_url = f"{_read_url(submission)}#annotation-{annotation.pk}"
    response = student_client.post(
        reverse("teaching:claim_update", args=[annotation.pk]), {"counted": "troops", "next": next_url}
    )
    assert response.status_code == 302 and response.url == next_url
    response = student_client.post(
        reverse("teaching:annotation_update", args=[annotation.pk]), {"category": "numbers", "comment": "loaded"}
    )
    assert response.status_code == 302 and response.url == _read_url(submission)
    annotation.refresh_from_db()
    assert (annotation.comment, annotation.counted) == ("loaded", "troops")
    response = student_client.post(reverse("teaching:annotation_delete", args=[annotation.pk]))
    assert response.status_code == 302 and not Annotation.objects.exists()


def test_the_own_page_of_read_only_work_goes_back_to_the_article(student_client, submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE)
    Submission.objects.filter(pk=submission.pk).update(status="submitted")
    response = student_client.get(_edit_url(annotation))
    assert response.status_code == 302 and response.url == _read_url(submission)


@pytest.mark.parametrize("who", ["other_student", "teacher", "removed_student"])
def test_nobody_else_opens_a_highlights_own_page(client, submission, article, request, who):
    annotation = factories.annotation_for(submission, article, PHRASE)
    client.force_login(request.getfixturevalue(who))
    assert client.get(_edit_url(annotation)).status_code == 404


def test_the_own_page_asks_for_a_login_and_takes_no_post(client, student, submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE)
    response = client.get(_edit_url(annotation))
    assert response.status_code == 302 and "/accounts/login/" in response.url
    client.force_login(student)
    assert client.post(_edit_url(annotation)).status_code == 405
