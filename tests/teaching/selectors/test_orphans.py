"""Highlights a correction set aside (teaching/selectors/orphans.py): the "could not place" list."""

from teaching import selectors
from tests import factories


def test_list_orphaned_annotations_by_submission_and_article(submission, other_student, article, orphaned):
    other = factories.SubmissionFactory(assignment=submission.assignment, student=other_student)
    placed = factories.annotation_for(other, article, "300 troops")
    assert list(selectors.list_orphaned_annotations(submission=submission)) == [orphaned]
    assert list(selectors.list_orphaned_annotations(article=article)) == [orphaned]
    assert list(selectors.list_orphaned_annotations(submission=other)) == []
    assert list(selectors.list_annotations(other, article)) == [placed]
    assert orphaned not in selectors.list_annotations(submission, article)  # never drawn on the new text
