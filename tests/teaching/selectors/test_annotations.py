"""Every annotation of an assignment, as the W3C collection reads them (teaching/selectors/annotations.py)."""

from teaching import selectors
from tests import factories


def test_the_collections_rows_are_the_orms_in_its_order(submission, other_student, lesson, article):
    """The rows (SQL written here) are the ORM read's annotations in its order: by student name, then article and
    place, for the class (the teacher's collection) and for one student (already in order: not sorted again)."""
    second = factories.ArticleFactory(title="A second report")
    factories.LessonArticleFactory(lesson=lesson, article=second, position=2)
    other = factories.SubmissionFactory(assignment=submission.assignment, student=other_student)
    for work, seed in ((submission, 1), (other, 2)):
        factories.seed_highlights(work, second, 6, seed=seed)
        factories.seed_highlights(work, article, 5, seed=seed + 10)
    # "sam" before "riya" by pk; "riya" first by name.
    assert submission.student_id < other_student.pk
    assignment = submission.assignment
    for student in (None, submission.student, other_student):
        rows = selectors.list_assignment_annotations(assignment, student=student, rows=True)
        orm = selectors.list_assignment_annotations(assignment, student=student)
        assert [r.pk for r in rows] == [a.pk for a in orm]
        assert len(rows) == (22 if student is None else 11)
    everyone = selectors.list_assignment_annotations(assignment, rows=True)
    assert [r.submission.student.username for r in everyone] == ["riya"] * 11 + ["sam"] * 11
    assert [(r.article_id, r.start) for r in everyone[:11]] == sorted((r.article_id, r.start) for r in everyone[:11])
