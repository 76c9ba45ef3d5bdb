"""Rules that live once, on the models: who sees marks and feedback, and which articles a lesson has."""

import pytest

from teaching.models import FeedbackTiming, LessonArticle, Submission
from tests import factories


@pytest.mark.parametrize(
    ("status", "timing", "marks", "feedback"),
    [
        ("in_progress", FeedbackTiming.ON_SUBMIT, False, False),
        ("in_progress", FeedbackTiming.ON_RETURN, False, False),
        ("submitted", FeedbackTiming.ON_SUBMIT, False, True),
        ("submitted", FeedbackTiming.ON_RETURN, False, False),
        ("returned", FeedbackTiming.ON_SUBMIT, True, True),
        ("returned", FeedbackTiming.ON_RETURN, True, True),
    ],
)
def test_marks_and_feedback_visible(submission, status, timing, marks, feedback):
    submission.status = status
    submission.assignment.feedback_timing = timing
    assert submission.marks_visible is marks
    assert submission.feedback_visible is feedback
    assert Submission.feedback_visible_for(status, timing) is feedback
    assert submission.is_handed_in is (status != "in_progress")


def test_lesson_has_article_and_its_position(lesson, article):
    other = factories.ArticleFactory()
    assert LessonArticle.objects.has_article(lesson_id=lesson.pk, article_id=article.pk)
    assert not LessonArticle.objects.has_article(lesson_id=lesson.pk, article_id=other.pk)
    assert LessonArticle.objects.position_of(lesson_id=lesson.pk, article_id=article.pk) == 1
    assert LessonArticle.objects.position_of(lesson_id=lesson.pk, article_id=other.pk) is None
