"""The article page objects (teaching/selectors/article_page.py): one for every mode and one for side by side,
each refusing who may not see it and saying what the user may do."""

import pytest
from django.http import Http404

from teaching import selectors
from teaching.selectors.article_page import Mode
from tests import factories


@pytest.mark.parametrize("mode", [Mode.READ, Mode.REVIEW, Mode.KEY])
def test_the_page_object_refuses_who_may_not_see_it(submission, lesson, other_student, other_teacher, mode):
    owner = lesson if mode == Mode.KEY else submission
    who = other_teacher if mode != Mode.READ else other_student
    with pytest.raises(Http404):
        selectors.get_article_page(user=who, owner=owner, position=1, mode=mode)


def test_the_page_object_says_what_the_user_may_do(submission, article, teacher, student):
    read = selectors.get_article_page(user=student, owner=submission, position=1, mode=Mode.READ)
    review = selectors.get_article_page(user=teacher, owner=submission, position=1, mode=Mode.REVIEW)
    assert (read.permissions.can_edit, read.permissions.marks_visible, read.permissions.can_mark) == (
        True,
        False,
        False,
    )
    assert (review.permissions.can_edit, review.permissions.marks_visible, review.permissions.can_mark) == (
        False,
        True,
        True,
    )
    assert read.navigation.previous is None and read.navigation.next is None and read.article == article


def test_compare_page_object_is_the_students_own(pk_submission, other_student, removed_student, student):
    page = selectors.get_compare_page(user=student, owner=pk_submission, left=3, right=4)
    assert [(p.side, p.position, p.is_compare) for p in page.panes] == [("left", 3, True), ("right", 4, True)]
    assert page.permissions.can_edit and not page.permissions.can_mark
    removed = factories.SubmissionFactory(assignment=pk_submission.assignment, student=removed_student)
    for user, owner in ((other_student, pk_submission), (removed_student, removed)):
        with pytest.raises(Http404):
            selectors.get_compare_page(user=user, owner=owner, left=3, right=4)
