"""The reading view's list entries, rendered in Python: every user-written value escaped, URLs right, the
states the template had (editable, marks visible, a number as a claim)."""

import pytest
from django.urls import reverse

from tests import factories

PHRASE = "approximately 300 troops"
EVIL = "<script>alert(\"x\")</script> & 'q'"


def _page(client, submission, position=1):
    return client.get(reverse("teaching:article_read", args=[submission.assignment.pk, position])).content.decode()


def test_user_written_values_are_escaped(student_client, submission, article):
    factories.annotation_for(
        submission, article, PHRASE, comment=f"{EVIL}\nline two", counted=EVIL, place=EVIL, time_window=EVIL
    )
    html = _page(student_client, submission)
    assert "<script>" not in html.split('id="annotation-list"')[1].split("</ol>")[0]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;<br>line two" in html
    assert f'data-comment="{EVIL}' not in html
    # What a number counts travels in data-* for the form the page's script makes when it is opened.
    for name in ("counted", "place", "window"):
        assert f'data-{name}="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;"' in html


def test_an_editable_entry_links_its_writes_and_its_forms_carry_the_csrf_token(student_client, submission, article):
    one = factories.annotation_for(submission, article, PHRASE)
    html = _page(student_client, submission)
    assert f'data-update-url="{reverse("teaching:annotation_update", args=[one.pk])}"' in html
    assert f'form="entry-delete" formaction="{reverse("teaching:annotation_delete", args=[one.pk])}"' in html
    assert f'data-claim-url="{reverse("teaching:claim_update", args=[one.pk])}"' in html  # a number: its claim form
    entry = html.split(f'id="annotation-{one.pk}"')[1].split("</li>")[0]
    # The token is in the region's shared delete form and the claim form's template, not once per entry.
    assert entry.count('name="csrfmiddlewaretoken"') == 0 and "Reads as" in entry
    shared = html.split('<form id="entry-delete"')[1].split("</form>")[0]
    claim_form = html.split('<template id="claim-form">')[1].split("</template>")[0]
    assert shared.count('name="csrfmiddlewaretoken"') == 1 and claim_form.count('name="csrfmiddlewaretoken"') == 1


@pytest.mark.parametrize(("status", "editable", "marks"), [("submitted", False, False), ("returned", True, True)])
def test_submitted_and_returned_work(student_client, submission, article, status, editable, marks):
    one = factories.annotation_for(submission, article, PHRASE, teacher_mark="good", teacher_comment="Well <b>seen</b>")
    submission.status = status
    submission.save()
    entry = _page(student_client, submission).split(f'id="annotation-{one.pk}"')[1].split("</li>")[0]
    assert ('data-action="edit"' in entry) is editable
    assert ("✓ Good catch" in entry and "Well &lt;b&gt;seen&lt;/b&gt;" in entry) is marks


@pytest.mark.parametrize(
    "text",
    ["plain", "", "a & b", "<script>alert(1)</script>", 'say "hi"', "it's", "“curly” – dash", "&amp;", 42, "\u00a0<"],
)
def test_entries_escape_as_django_does(text):
    from django.utils.html import escape as django_escape

    from teaching.templatetags.entries import escape

    assert escape(text) == str(django_escape(text))


@pytest.mark.parametrize("length", [20, 80, 81, 140, 141, 200])
def test_an_entrys_quote_is_cut_as_truncatechars_cuts_it(student_client, submission, article, length):
    """The aria-label shows 80 characters of the quote and the list 140, cut (and NFC-normalised) as Django's
    truncatechars does, then escaped; the quote is normalised and measured once per entry."""
    import unicodedata

    from django.template.defaultfilters import truncatechars
    from django.utils.html import escape as django_escape

    from teaching.models import Annotation

    exact = ("Cafe\u0301 <b> & 'q' " * 20)[:length]  # a decomposed é: NFC makes it one character
    one = factories.annotation_for(submission, article, PHRASE)
    Annotation.objects.filter(pk=one.pk).update(exact=exact)
    entry = _page(student_client, submission).split(f'id="annotation-{one.pk}"')[1].split("</li>")[0]
    label = django_escape(truncatechars(exact, 80))
    assert f'aria-label="Numbers: {label}">' in entry
    assert f'<blockquote class="item-quote">{django_escape(truncatechars(exact, 140))}</blockquote>' in entry
    assert unicodedata.normalize("NFC", exact) != exact or length < 5
