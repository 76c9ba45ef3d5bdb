"""Reference-key feedback with real matching (teaching/selectors/feedback.py): what a student found, missed
and added, and the class's scores."""

from teaching import selectors
from teaching.models import Assignment, Submission
from teaching.selectors.feedback import class_work
from tests import factories


def test_student_feedback_found_missed_extra_per_category(sample_key, submission, worked):
    feedback = selectors.student_feedback(submission)
    assert feedback.has_key
    (article_feedback,) = feedback.articles
    by_cat = {c.category.value: c for c in article_feedback.categories}
    assert [c for c in by_cat] == ["rhetoric", "sourcing", "numbers"]
    assert [f.annotation for f in by_cat["numbers"].found] == [worked["found"]]
    assert by_cat["numbers"].found[0].key_item.explanation == "Other reports say 200."
    assert [k.exact for k in by_cat["sourcing"].missed] == ["according to the general staff"]
    assert [k.exact for k in by_cat["rhetoric"].missed] == ["modern-day Stalingrad"]
    assert by_cat["rhetoric"].extra == [worked["extra"]]
    t = feedback.tally
    assert (t.found, t.missed, t.extra, t.key_items) == (1, 2, 1, 3)
    assert [(c.category, c.found, c.missed, c.extra) for c in t.categories] == [
        ("rhetoric", 0, 1, 1),
        ("sourcing", 0, 1, 0),
        ("numbers", 1, 0, 0),
    ]
    assert (t.recall_display, t.precision_display) == ("33%", "50%")


def test_student_feedback_ignores_orphans_and_categories_not_in_play(sample_key, submission, article, worked):
    Assignment.objects.filter(pk=submission.assignment_id).update(categories=["numbers", "sourcing"])
    submission.assignment.refresh_from_db()
    sample_key.items.filter(category="numbers").update(anchor_status="orphaned")
    feedback = selectors.student_feedback(submission)
    t = feedback.tally
    assert [c.category for c in t.categories] == ["sourcing", "numbers"]
    # the numbers item is set aside: the student's "300 troops" now finds nothing and waits for the teacher
    assert (t.found, t.missed, t.extra) == (0, 1, 1)


def test_student_feedback_without_a_key(submission, worked):
    feedback = selectors.student_feedback(submission)
    assert not feedback.has_key and feedback.articles == []


def test_class_scores_per_submission_and_key_item(sample_key, assignment, submission, worked, other_student, article):
    other = factories.SubmissionFactory(assignment=assignment, student=other_student)
    factories.annotation_for(other, article, "approximately 300 troops", "numbers")
    factories.annotation_for(other, article, "modern-day Stalingrad", "rhetoric")
    scores = selectors.class_scores(assignment)
    assert scores.has_key and scores.key_item_count == 3 and scores.class_size == 2
    assert (scores.by_submission[submission.pk].found, scores.by_submission[other.pk].found) == (1, 2)
    found_by = {r.item.exact: (r.found_by, r.missed_by_most) for r in scores.key_items}
    assert found_by == {
        "approximately 300 troops": (2, False),
        "according to the general staff": (0, True),
        "modern-day Stalingrad": (1, False),  # half the class is not "most"
    }
    # The review's figures: each submission's alone, from the key items as spans, no key-item rows.
    versions = dict(Submission.objects.filter(assignment=assignment).values_list("pk", "work_version"))
    alone = selectors.class_scores(
        assignment,
        submission_students={submission.pk: submission.student_id, other.pk: other.student_id},
        work=class_work(assignment, versions, spans_only=True),
        with_key_items=False,
    )
    assert alone.by_submission == scores.by_submission and alone.key_items == []
    assert (alone.has_key, alone.key_item_count, alone.class_size) == (True, 3, 2)
