"""A second highlight on the same words in the same category never replaces the first one's comment."""

import pytest

from teaching import services
from teaching.models import Annotation

PHRASE = "approximately 300 troops"


def _save(submission, article, *, comment="", client_key=""):
    start = article.body_text.index(PHRASE)
    return services.create_or_find_annotation(
        submission=submission, article=article, category="numbers", start=start, end=start + len(PHRASE),
        exact=PHRASE, by=submission.student, comment=comment, client_key=client_key,
    )  # fmt: skip


def _comments():
    return sorted(Annotation.objects.values_list("comment", flat=True))


def test_a_new_client_key_is_a_new_highlight_even_on_the_same_words(submission, article):
    first, created_first = _save(submission, article, comment="Who counted?", client_key="tab-1")
    second, created_second = _save(submission, article, comment="Compare with the BBC", client_key="tab-2")
    assert created_first and created_second and first.pk != second.pk
    assert _comments() == ["Compare with the BBC", "Who counted?"]


def test_a_retry_with_the_same_key_is_the_same_highlight(submission, article):
    first, _ = _save(submission, article, comment="Who counted?", client_key="tab-1")
    again, created = _save(submission, article, comment="Who counted? (edited while pending)", client_key="tab-1")
    assert (again.pk, created) == (first.pk, False)
    assert _comments() == ["Who counted? (edited while pending)"]


@pytest.mark.parametrize(
    ("first_comment", "second_comment", "created", "comments"),
    [
        ("Who counted?", "Who counted?", False, ["Who counted?"]),  # a resend
        ("Who counted?", "", False, ["Who counted?"]),  # a resend without the comment: nothing lost
        ("", "Who counted?", False, ["Who counted?"]),  # adds a comment where there was none
        ("Who counted?", "Compare with the BBC", True, ["Compare with the BBC", "Who counted?"]),  # never replaced
    ],
)
def test_without_a_key_the_same_words_again(submission, article, first_comment, second_comment, created, comments):
    first, _ = _save(submission, article, comment=first_comment)
    second, was_created = _save(submission, article, comment=second_comment)
    assert was_created is created and (second.pk != first.pk) is created
    assert _comments() == comments
