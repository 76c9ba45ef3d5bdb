import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from teaching import services
from teaching.models import Annotation, Submission
from tests import factories

PHRASE = "approximately 300 troops"


def test_start_submission_creates_once(assignment, student):
    first = services.start_submission(assignment=assignment, student=student)
    again = services.start_submission(assignment=assignment, student=student)
    assert first.pk == again.pk
    assert first.status == Submission.Status.IN_PROGRESS
    assert Submission.objects.count() == 1


def test_start_submission_refuses_students_outside_the_class(assignment):
    outsider = factories.StudentFactory()
    with pytest.raises(PermissionDenied):
        services.start_submission(assignment=assignment, student=outsider)
    assert not Submission.objects.exists()


@pytest.mark.parametrize("status", ["in_progress", "returned"])
def test_submit_submission(submission, status):
    Submission.objects.filter(pk=submission.pk).update(status=status)
    submission.refresh_from_db()
    services.submit_submission(submission=submission, by=submission.student)
    submission.refresh_from_db()
    assert submission.status == "submitted"
    assert submission.submitted_at is not None


def test_submit_submission_twice_is_refused(submission):
    services.submit_submission(submission=submission, by=submission.student)
    stale = Submission.objects.get(pk=submission.pk)
    stale.status = Submission.Status.IN_PROGRESS  # a second tab that has not seen the first submit
    first_time = Submission.objects.get(pk=submission.pk).submitted_at
    with pytest.raises(ValidationError, match="already submitted"):
        services.submit_submission(submission=stale, by=stale.student)
    assert Submission.objects.get(pk=submission.pk).submitted_at == first_time


def test_submit_submission_refuses_someone_else(submission, other_student):
    with pytest.raises(PermissionDenied):
        services.submit_submission(submission=submission, by=other_student)
    assert Submission.objects.get(pk=submission.pk).status == "in_progress"


@pytest.fixture
def submitted(submission, article):
    factories.annotation_for(submission, article, PHRASE)
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.SUBMITTED)
    submission.refresh_from_db()
    return submission


@pytest.mark.parametrize("mark", ["good", "again", ""])
def test_mark_annotation(submitted, teacher, mark):
    annotation = submitted.annotations.get()
    services.mark_annotation(annotation=annotation, mark=mark, comment=" Well spotted ", by=teacher)
    annotation.refresh_from_db()
    assert (annotation.teacher_mark, annotation.teacher_comment) == (mark, "Well spotted")


@pytest.mark.parametrize(
    ("who", "status", "mark", "error"),
    [
        ("other_teacher", "submitted", "good", PermissionDenied),
        ("student", "submitted", "good", PermissionDenied),
        ("teacher", "in_progress", "good", ValidationError),
        ("teacher", "submitted", "excellent", ValidationError),
    ],
)
def test_mark_annotation_failures_change_nothing(submitted, request, who, status, mark, error):
    Submission.objects.filter(pk=submitted.pk).update(status=status)
    annotation = submitted.annotations.get()
    with pytest.raises(error):
        services.mark_annotation(annotation=annotation, mark=mark, comment="x", by=request.getfixturevalue(who))
    fresh = Annotation.objects.get(pk=annotation.pk)
    assert (fresh.teacher_mark, fresh.teacher_comment) == ("", "")


def test_mark_annotation_rejects_long_comment(submitted, teacher):
    annotation = submitted.annotations.get()
    with pytest.raises(ValidationError, match="at most 2000"):
        services.mark_annotation(annotation=annotation, mark="good", comment="x" * 2001, by=teacher)
    assert Annotation.objects.get(pk=annotation.pk).teacher_mark == ""


def test_mark_allowed_on_returned_work(submitted, teacher):
    Submission.objects.filter(pk=submitted.pk).update(status="returned")
    annotation = submitted.annotations.get()
    services.mark_annotation(annotation=annotation, mark="again", comment="", by=teacher)
    assert Annotation.objects.get(pk=annotation.pk).teacher_mark == "again"


def test_return_submission(submitted, teacher):
    services.return_submission(submission=submitted, feedback=" Good work. ", by=teacher)
    submitted.refresh_from_db()
    assert submitted.status == "returned"
    assert submitted.feedback == "Good work."
    assert submitted.returned_at is not None


@pytest.mark.parametrize(
    ("who", "status", "feedback", "error"),
    [
        ("other_teacher", "submitted", "ok", PermissionDenied),
        ("student", "submitted", "ok", PermissionDenied),
        ("teacher", "in_progress", "ok", ValidationError),
        ("teacher", "returned", "ok", ValidationError),
        ("teacher", "submitted", "x" * 5001, ValidationError),
    ],
)
def test_return_submission_failures_change_nothing(submitted, request, who, status, feedback, error):
    Submission.objects.filter(pk=submitted.pk).update(status=status, feedback="")
    submitted.refresh_from_db()
    with pytest.raises(error):
        services.return_submission(submission=submitted, feedback=feedback, by=request.getfixturevalue(who))
    fresh = Submission.objects.get(pk=submitted.pk)
    assert (fresh.status, fresh.feedback, fresh.returned_at) == (status, "", None)


def test_returned_work_can_be_revised_and_submitted_again(submitted, teacher, article):
    services.return_submission(submission=submitted, feedback="Look again at the numbers.", by=teacher)
    services.create_annotation(
        submission=submitted,
        article=article,
        category="sourcing",
        start=article.body_text.index("the general staff"),
        end=article.body_text.index("the general staff") + len("the general staff"),
        exact="the general staff",
        by=submitted.student,
    )
    services.submit_submission(submission=submitted, by=submitted.student)
    assert Submission.objects.get(pk=submitted.pk).status == "submitted"
    assert submitted.annotations.count() == 2
