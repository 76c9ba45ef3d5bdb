"""The teacher's review of an assignment (teaching/selectors/classrooms.py): a row for every student of the
class, with the counts of the categories in play."""

import pytest

from teaching import selectors
from teaching.models import Enrollment, Submission
from tests import factories

pytestmark = pytest.mark.django_db


def test_review_has_a_row_for_every_enrolled_student_with_counts(teacher, classroom, student, other_student, article):
    assignment = factories.AssignmentFactory(
        classroom=classroom, lesson=factories.LessonArticleFactory(article=article).lesson
    )
    quiet = factories.EnrollmentFactory(classroom=classroom, student=factories.StudentFactory(username="quiet")).student
    sub = factories.SubmissionFactory(assignment=assignment, student=student, status=Submission.Status.SUBMITTED)
    factories.annotation_for(sub, article, "300", category="numbers")
    factories.annotation_for(sub, article, "approximately", category="numbers")
    factories.annotation_for(sub, article, "modern-day Stalingrad", category="rhetoric")
    factories.SubmissionFactory(assignment=assignment, student=other_student)

    review = selectors.get_assignment_review_for(user=teacher, pk=assignment.pk)

    by_name = {r.student.username: r for r in review.rows}
    assert set(by_name) == {"sam", "riya", "quiet"}
    assert by_name["sam"].counts == {"rhetoric": 1, "sourcing": 0, "numbers": 2}
    assert by_name["sam"].total == 3
    assert by_name["riya"].status == "in_progress" and by_name["riya"].total == 0
    assert by_name["quiet"].status == "not_started" and by_name["quiet"].submission is None
    assert quiet in [r.student for r in review.rows]
    assert (review.submitted_count, review.in_progress_count, review.not_started_count) == (1, 1, 1)


def test_review_counts_only_the_categories_in_play(teacher, classroom, student, lesson, article):
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=lesson, categories=["sourcing", "numbers"])
    sub = factories.SubmissionFactory(assignment=assignment, student=student)
    factories.annotation_for(sub, article, "300", category="numbers")
    review = selectors.get_assignment_review_for(user=teacher, pk=assignment.pk)
    assert review.rows[0].counts == {"sourcing": 0, "numbers": 1}


def test_review_keeps_work_of_a_student_who_left_the_class(teacher, classroom, student, assignment):
    factories.SubmissionFactory(assignment=assignment, student=student, status=Submission.Status.SUBMITTED)
    Enrollment.objects.filter(student=student).delete()
    review = selectors.get_assignment_review_for(user=teacher, pk=assignment.pk)
    (row,) = review.rows
    assert row.student == student and not row.enrolled
    assert review.student_count == 0
