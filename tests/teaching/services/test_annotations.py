import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from teaching import services
from teaching.models import Annotation, Submission
from tests import factories

PHRASE = "approximately 300 troops"


def _span(article, phrase=PHRASE):
    start = article.body_text.index(phrase)
    return {"start": start, "end": start + len(phrase), "exact": phrase}


def _create(submission, article, **overrides):
    kwargs = {
        "submission": submission,
        "article": article,
        "category": "numbers",
        "by": submission.student,
        **_span(article),
        **overrides,
    }
    return services.create_annotation(**kwargs)


def test_create_annotation_computes_context_on_the_server(submission, article):
    annotation = _create(submission, article, comment="  Other reports say 200.  ")
    text = article.body_text
    assert annotation.exact == PHRASE
    assert annotation.prefix == text[max(0, annotation.start - 32) : annotation.start]
    assert annotation.suffix == text[annotation.end : annotation.end + 32]
    assert annotation.comment == "Other reports say 200."


def test_create_annotation_is_idempotent_for_a_retried_request(submission, article):
    first = _create(submission, article)
    again = _create(submission, article, comment="added on retry")
    assert again.pk == first.pk
    assert Annotation.objects.count() == 1
    assert Annotation.objects.get().comment == "added on retry"


def test_create_annotation_allows_overlaps_and_other_categories(submission, article):
    _create(submission, article)
    _create(submission, article, category="sourcing", **_span(article, "300 troops were inside"))
    _create(submission, article, category="rhetoric")
    assert Annotation.objects.count() == 3


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"exact": "approximately 301 troops"}, "do not match"),
        ({"start": 0}, "do not match"),
        ({"end": 10**6}, "outside the article"),
        ({"category": "opinion"}, "Choose rhetoric, sourcing or numbers"),
        ({"comment": "x" * 2001}, "at most 2000"),
    ],
)
def test_create_annotation_rejects_bad_input_and_saves_nothing(submission, article, overrides, message):
    with pytest.raises(ValidationError, match=message):
        _create(submission, article, **overrides)
    assert not Annotation.objects.exists()


def test_create_annotation_rejects_category_not_in_the_assignment(submission, article):
    submission.assignment.categories = ["numbers"]
    submission.assignment.save()
    with pytest.raises(ValidationError, match="Rhetoric is not part of this assignment"):
        _create(submission, article, category="rhetoric")
    assert not Annotation.objects.exists()


def test_create_annotation_rejects_article_outside_the_lesson(submission):
    stranger = factories.ArticleFactory(title="Another report")
    with pytest.raises(ValidationError, match="not part of the assignment"):
        _create(submission, stranger)
    assert not Annotation.objects.exists()


def test_create_annotation_refused_once_submitted(submission, article):
    submission.status = Submission.Status.SUBMITTED
    submission.save()
    with pytest.raises(ValidationError, match="read-only until your teacher returns it"):
        _create(submission, article)
    assert not Annotation.objects.exists()


def test_create_annotation_sees_a_submit_made_after_the_submission_was_loaded(submission, article):
    stale = Submission.objects.get(pk=submission.pk)
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.SUBMITTED)
    with pytest.raises(ValidationError, match="read-only"):
        _create(stale, article)


def test_create_annotation_allowed_again_when_returned(submission, article):
    submission.status = Submission.Status.RETURNED
    submission.save()
    assert _create(submission, article).pk


def test_update_annotation_changes_category_and_comment(submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE, comment="old")
    services.update_annotation(annotation=annotation, category="sourcing", comment=" new ", by=submission.student)
    annotation.refresh_from_db()
    assert (annotation.category, annotation.comment) == ("sourcing", "new")


def test_update_annotation_none_keeps_fields(submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE, comment="keep me")
    services.update_annotation(annotation=annotation, by=annotation.submission.student)
    annotation.refresh_from_db()
    assert (annotation.category, annotation.comment) == ("numbers", "keep me")


@pytest.mark.parametrize(
    ("kwargs", "status", "error"),
    [
        ({"category": "opinion"}, "in_progress", ValidationError),
        ({"comment": "x" * 2001}, "in_progress", ValidationError),
        ({"comment": "late"}, "submitted", ValidationError),
    ],
)
def test_update_annotation_failures_change_nothing(submission, article, kwargs, status, error):
    annotation = factories.annotation_for(submission, article, PHRASE, comment="before")
    Submission.objects.filter(pk=submission.pk).update(status=status)
    annotation = Annotation.objects.select_related("submission").get(pk=annotation.pk)
    with pytest.raises(error):
        services.update_annotation(annotation=annotation, by=submission.student, **kwargs)
    fresh = Annotation.objects.get(pk=annotation.pk)
    assert (fresh.category, fresh.comment) == ("numbers", "before")


def test_update_and_delete_refuse_another_students_highlight(submission, article, other_student):
    annotation = factories.annotation_for(submission, article, PHRASE)
    with pytest.raises(PermissionDenied):
        services.update_annotation(annotation=annotation, comment="mine now", by=other_student)
    with pytest.raises(PermissionDenied):
        services.delete_annotation(annotation=annotation, by=other_student)
    assert Annotation.objects.get(pk=annotation.pk).comment == ""


def test_create_annotation_refuses_another_students_submission(submission, article, other_student):
    with pytest.raises(PermissionDenied):
        _create(submission, article, by=other_student)
    assert not Annotation.objects.exists()


@pytest.mark.parametrize(
    "write",
    [
        lambda a: services.update_annotation(annotation=a, comment="x"),
        lambda a: services.delete_annotation(annotation=a),
        lambda a: services.submit_submission(submission=a.submission),
        lambda a: services.update_claim(annotation=a, counted="x"),
    ],
    ids=["update", "delete", "submit", "claim"],
)
def test_writes_cannot_be_called_without_the_acting_user(submission, article, write):
    """Services fail closed: there is no call that skips the owner check by leaving out who acts."""
    annotation = factories.annotation_for(submission, article, PHRASE)
    with pytest.raises(TypeError, match="by"):
        write(annotation)


def test_delete_annotation(submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE)
    services.delete_annotation(annotation=annotation, by=submission.student)
    assert not Annotation.objects.exists()


def test_delete_annotation_refused_once_submitted(submission, article):
    annotation = factories.annotation_for(submission, article, PHRASE)
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.SUBMITTED)
    with pytest.raises(ValidationError, match="read-only"):
        services.delete_annotation(annotation=annotation, by=annotation.submission.student)
    assert Annotation.objects.filter(pk=annotation.pk).exists()


def test_a_removed_student_cannot_change_work_they_keep(assignment, article, removed_student):
    """The services hold the rule too: a removal that lands between the page's read and the write wins."""
    submission = factories.SubmissionFactory(assignment=assignment, student=removed_student)
    annotation = factories.annotation_for(submission, article, PHRASE, comment="mine")
    writes = [
        lambda: _create(submission, article, category="rhetoric"),
        lambda: services.update_annotation(annotation=annotation, comment="changed", by=removed_student),
        lambda: services.delete_annotation(annotation=annotation, by=removed_student),
        lambda: services.update_claim(annotation=annotation, counted="troops", by=removed_student),
        lambda: services.submit_submission(submission=submission, by=removed_student),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied, match="no longer in this class"):
            write()
    annotation.refresh_from_db()
    assert (annotation.comment, annotation.counted, Annotation.objects.count()) == ("mine", "", 1)
    assert Submission.objects.get(pk=submission.pk).status == "in_progress"


def test_a_highlight_records_the_revision_its_words_are_in(submission, article):
    """Made after a correction, a highlight is on the latest revision (read with the text under the lock)."""
    first = _create(submission, article)
    assert first.revision == article.current_revision
    services.revise_article(
        article=article,
        body_markdown=article.body_markdown + "\n\nA correction added a sentence.",
        by=services.system_actor("a test correction"),
    )
    article.refresh_from_db()
    assert article.revisions.count() == 2
    second = _create(submission, article, category="sourcing")
    assert second.revision == article.current_revision != first.revision


def test_next_highlight_is_the_following_one_in_reading_order(submission, article, other_student):
    """(start, end, id): a later start, or the same start and a later end, or the same span and a later id —
    on this article, among this student's highlights still on the words."""
    from teaching.selectors import next_highlight_id

    text = article.body_text
    base = text.index(PHRASE)

    def made(start, end, **extra):
        return Annotation.objects.create(
            submission=submission,
            article=article,
            category="numbers",
            start=start,
            end=end,
            exact=text[start:end],
            **extra,
        )

    one = made(base, base + 10)
    same_span_later_id = made(base, base + 10)
    same_start_longer = made(base, base + 20)
    made(base + 5, base + 9, anchor_status=Annotation.AnchorStatus.ORPHANED)  # set aside: not on the page
    classmate = factories.SubmissionFactory(assignment=submission.assignment, student=other_student)
    Annotation.objects.create(
        submission=classmate, article=article, category="numbers", start=base + 12, end=base + 13, exact=text[base + 12]
    )
    later = made(base + 30, base + 31)
    assert next_highlight_id(one) == same_span_later_id.pk
    assert next_highlight_id(same_span_later_id) == same_start_longer.pk
    assert next_highlight_id(same_start_longer) == later.pk
    assert next_highlight_id(later) is None


@pytest.mark.parametrize(
    ("already", "sent", "found", "comments_after"),
    [
        ([""], "", 0, [""]),  # a plain resend
        (["A"], "", 0, ["A"]),  # no comment adds nothing: the first highlight on the words
        (["A"], "A", 0, ["A"]),  # the same comment: a resend
        (["A"], "B", None, ["A", "B"]),  # another comment: a second highlight, nothing replaced
        ([""], "B", 0, ["B"]),  # a resend that adds the comment where there was none
        (["A", ""], "B", 1, ["A", "B"]),  # …to the one without a comment, never over "A"
        (["", "A"], "", 0, ["", "A"]),  # the oldest on those words
        (["A", "B"], "B", 1, ["A", "B"]),
    ],
)
def test_create_without_a_client_key_finds_a_resend_and_replaces_no_comment(
    submission, article, already, sent, found, comments_after
):
    made = [_create(submission, article, comment="")]
    for comment in already[1:]:
        made.append(
            Annotation.objects.create(
                submission=submission, article=article, category="numbers", comment=comment, **_span(article)
            )
        )
    Annotation.objects.filter(pk=made[0].pk).update(comment=already[0])
    annotation, created = services.create_or_find_annotation(
        submission=submission,
        article=article,
        category="numbers",
        by=submission.student,
        comment=sent,
        **_span(article),
    )
    assert created is (found is None)
    if found is not None:
        assert annotation.pk == made[found].pk
    assert list(Annotation.objects.order_by("pk").values_list("comment", flat=True)) == comments_after


@pytest.mark.skipif(
    not __import__("django.db").db.connection.vendor == "postgresql",
    reason="PostgreSQL only: SQLite has no row locks (its IMMEDIATE transactions take the database's write lock).",
)
def test_a_save_locks_its_submission_row_only(submission, article):
    """A lock on the joined assignment row would make every save of a class wait for the one before it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for with_assignment in (True, False):
        if not with_assignment:
            submission = Submission.objects.get(pk=submission.pk)  # its assignment not read: the lock joins it
        with CaptureQueriesContext(connection) as queries:
            _create(submission, article, category=("numbers" if with_assignment else "sourcing"))
        locks = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]]
        assert locks and all(sql.endswith('FOR UPDATE OF "teaching_submission"') for sql in locks), locks
