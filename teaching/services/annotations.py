"""Writes to a student's highlights. Every rule a student can break is checked here, atomically."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Exists, OuterRef

from articles.models import Article
from teaching import categories as category_defs
from teaching import permissions, rows
from teaching.models import Annotation, Assignment, Enrollment, LessonArticle, Submission, User
from teaching.permissions import owns_submission
from teaching.services.results import note_work_changed
from teaching.services.spans import check_span, select_in_current_text, span_fields
from teaching.services.submissions import start_submission

__all__ = [
    "MAX_COMMENT_CHARS",
    "READ_ONLY_MESSAGE",
    "create_annotation",
    "create_or_find_annotation",
    "delete_annotation",
    "save_highlight",
    "update_annotation",
]

MAX_COMMENT_CHARS = 2000
READ_ONLY_MESSAGE = "You have submitted this work; it is read-only until your teacher returns it."


def _lock_editable(submission: Submission, *, article: Article | None = None) -> Submission:
    """Re-read the submission under a row lock so a concurrent submit cannot slip between check and write.

    A student removed from the class keeps the work but may not change it (``teaching.permissions``). With
    ``article``, the same query asks whether the article is (still) part of the assignment's lesson.

    Only the submission's row is locked (``of=("self",)``): a lock on the joined assignment row made every
    save of a class on PostgreSQL wait for the one before it. When the caller read the submission with its
    assignment, that assignment is kept and not joined again.
    """
    known = submission.assignment if Submission.assignment.is_cached(submission) else None
    locked = Submission.objects.select_for_update(of=("self",))
    if known is None:
        locked = locked.select_related("assignment")
        enrolled = permissions.still_enrolled()
        lesson_id = OuterRef("assignment__lesson_id")
    else:
        enrolled = Exists(Enrollment.objects.filter(classroom_id=known.classroom_id, student_id=OuterRef("student_id")))
        lesson_id = known.lesson_id
    locked = locked.annotate(enrolled=enrolled)
    if article is not None:
        locked = locked.annotate(
            article_in_lesson=Exists(LessonArticle.objects.filter(lesson_id=lesson_id, article_id=article.pk))
        )
    locked = locked.get(pk=submission.pk)
    if known is not None:
        locked.assignment = known
    if not locked.enrolled:
        raise PermissionDenied(permissions.REMOVED_MESSAGE)
    if not locked.is_editable:
        raise ValidationError(READ_ONLY_MESSAGE)
    if article is not None and not locked.article_in_lesson:
        raise ValidationError("This article is not part of the assignment.")
    note_work_changed(submission_id=locked.pk)  # every write below changes the work: kept results go stale
    return locked


def _check_category(submission: Submission, category: str) -> None:
    if category not in category_defs.BY_VALUE:
        raise ValidationError({"category": "Choose rhetoric, sourcing or numbers."})
    if category not in submission.assignment.categories:
        label = category_defs.BY_VALUE[category].label
        raise ValidationError({"category": f"{label} is not part of this assignment."})


def _clean_comment(comment: str | None) -> str:
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT_CHARS:
        raise ValidationError(
            {"comment": f"A comment can be at most {MAX_COMMENT_CHARS} characters (this one has {len(comment)})."}
        )
    return comment


def _check_owner(submission: Submission, by: User) -> None:
    # Fails closed: there is no way to call a write without saying who acts.
    if not owns_submission(by, submission):
        raise PermissionDenied("This is not your highlight.")


def create_annotation(
    *,
    submission: Submission,
    article: Article,
    category: str,
    start: int,
    end: int,
    exact: str,
    by: User,
    comment: str = "",
    client_key: str = "",
) -> Annotation:
    """Save a highlight, idempotently (see ``create_or_find_annotation``); returns it."""
    annotation, _ = create_or_find_annotation(
        submission=submission,
        article=article,
        category=category,
        start=start,
        end=end,
        exact=exact,
        by=by,
        comment=comment,
        client_key=client_key,
    )
    return annotation


@transaction.atomic
def create_or_find_annotation(
    *,
    submission: Submission,
    article: Article,
    category: str,
    start: int,
    end: int,
    exact: str,
    by: User,
    comment: str = "",
    client_key: str = "",
) -> tuple[Annotation, bool]:
    """Save a highlight, idempotently; returns it and whether this call created it.

    ``client_key`` is the browser's id for a highlight it is still trying to save. A retry with the same key
    (the first answer was lost) is the same highlight: it is updated to the category and comment sent last —
    the student may have changed them while the save was pending — and never duplicated. A new key is a new
    highlight, even on words and in a category another highlight already has (another tab, a second
    thought): its comment never replaces the first one's.
    Without a key (the API, a form without JavaScript), the same span and category again is the same
    highlight when it adds nothing (no comment, or the same comment) or only adds a comment where there was
    none: a resend. With another comment it is a second highlight, so no comment is ever replaced.
    Two identical creates in flight are serialised by the submission's row lock: the second finds the first.
    """
    _check_owner(submission, by)
    submission = _lock_editable(submission, article=article)
    fields = {"category": category, "start": start, "end": end, "exact": exact}
    return _create_or_find(submission, article, **fields, comment=comment, client_key=client_key)


def _lock_work(student: User, assignment_id: int, *, article_id: int | None, position: int | None) -> Submission | None:
    """The student's submission for the assignment, with its assignment, locked as ``_lock_editable`` locks it;
    annotated with ``enrolled`` and either ``article_at`` (the id of the lesson's article at ``position``) or
    ``article_in_lesson`` (``article_id`` is part of the lesson). None when the work is not started.

    In SQL written here on every database (``permissions.still_enrolled`` and the lesson's articles as subqueries,
    the submission's row alone locked on PostgreSQL): building this query with the ORM (its annotations, the
    join, the lock) was a third of a save's Python, several times what running it costs."""
    submissions, assignments = Submission._meta.db_table, Assignment._meta.db_table
    lesson_articles = LessonArticle._meta.db_table
    enrolled = permissions.enrolled_sql(f'"{assignments}"."classroom_id"', f'"{submissions}"."student_id"')
    in_lesson = f'FROM "{lesson_articles}" la WHERE la."lesson_id" = "{assignments}"."lesson_id"'
    if position is not None:
        name, article, params = (
            "article_at",
            f'(SELECT la."article_id" {in_lesson} AND la."position" = %s LIMIT 1)',
            [position],
        )
    else:
        name, article, params = (
            "article_in_lesson",
            f'EXISTS (SELECT 1 {in_lesson} AND la."article_id" = %s)',
            [article_id],
        )
    sql = (
        f"SELECT {rows.columns(Submission)}, {rows.columns(Assignment)}, "  # noqa: S608
        f"{enrolled}, {article} "
        f'FROM "{submissions}" INNER JOIN "{assignments}" ON "{assignments}"."id" = "{submissions}"."assignment_id" '
        f'WHERE "{submissions}"."student_id" = %s AND "{submissions}"."assignment_id" = %s'
    )
    if connection.features.has_select_for_update_of:
        sql += f' FOR UPDATE OF "{submissions}"'
    elif connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    row = rows.fetchone(sql, [*params, student.pk, assignment_id])
    if row is None:
        return None
    split = len(Submission._meta.concrete_fields)
    submission = rows.instance(Submission, row[:split])
    submission.assignment = rows.instance(Assignment, row[split:-2])
    submission.enrolled = bool(row[-2])
    setattr(submission, name, row[-1] if position is not None else bool(row[-1]))
    return submission


@transaction.atomic
def save_highlight(
    *,
    student: User,
    assignment_id: int,
    category: str,
    start: int,
    end: int,
    exact: str,
    article_id: int | None = None,
    position: int | None = None,
    comment: str = "",
    client_key: str = "",
) -> tuple[Annotation, bool]:
    """``create_or_find_annotation`` for the student's own work on an assignment, read once: the submission (started
    by this save if need be), the rules (still in the class, still editable) and the article — ``article_id``, or
    the lesson's article at ``position`` — come from the one locked read, so a caller reads nothing first.

    Returns (highlight, created); the highlight carries the locked submission (with its assignment) and the article
    (its id and text). ``PermissionDenied`` when this is not the student's to change: not a student in the class,
    no such assignment, or no article at ``position``.
    """
    if not permissions.is_student(student):
        raise PermissionDenied("Only the class's students save highlights.")
    submission = _lock_work(student, assignment_id, article_id=article_id, position=position)
    if submission is None:  # the first save starts the work (only for a student in the class)
        assignment = Assignment.objects.filter(pk=assignment_id).first()
        if assignment is None:
            raise PermissionDenied("No such assignment.")
        start_submission(assignment=assignment, student=student)
        submission = _lock_work(student, assignment_id, article_id=article_id, position=position)
    if not submission.enrolled:
        raise PermissionDenied(permissions.REMOVED_MESSAGE)
    if position is not None:
        if submission.article_at is None:
            raise PermissionDenied("No article at this place in the lesson.")
        article_id = submission.article_at
    if not submission.is_editable:
        raise ValidationError(READ_ONLY_MESSAGE)
    if position is None and not submission.article_in_lesson:
        raise ValidationError("This article is not part of the assignment.")
    note_work_changed(submission_id=submission.pk)  # as in _lock_editable: kept results go stale
    return _create_or_find(
        submission,
        # The article's id alone, as read: anything else of it is read only if asked for.
        Article.from_db(submission._state.db, ["id"], [article_id]),
        category=category,
        start=start,
        end=end,
        exact=exact,
        comment=comment,
        client_key=client_key,
    )


def _create_or_find(
    submission: Submission,
    article: Article,
    *,
    category: str,
    start: int,
    end: int,
    exact: str,
    comment: str,
    client_key: str,
) -> tuple[Annotation, bool]:
    """The rest of ``create_or_find_annotation`` once the submission is locked and its rules checked."""
    _check_category(submission, category)
    comment = _clean_comment(comment)
    current, selector = select_in_current_text(article, start, end, exact)
    client_key = (client_key or "").strip()[:64]
    if client_key:
        retried = _find_by_client_key(submission.pk, client_key)
        if retried is not None:
            retried.submission = submission
            return _apply_retry(retried, article=article, selector=selector, category=category, comment=comment), False
    else:
        # Every highlight already on these words in this category, oldest first (one query; a student has
        # few, if any, on exactly the same characters).
        same_words = _on_same_words(submission.pk, article.pk, selector, category)
        for found in same_words:
            found.submission = submission  # as locked, with its assignment
        existing = next((a for a in same_words if not comment or a.comment == comment), None)
        if existing is not None:
            return existing, False
        blank = next((a for a in same_words if a.comment == ""), None)
        if blank is not None:  # a resend that adds the comment: nothing is replaced
            blank.comment = comment
            blank.save(update_fields=["comment", "updated_at"])
            return blank, False
    annotation = Annotation(
        submission=submission,
        article=article,
        category=category,
        comment=comment,
        client_key=client_key,
        **span_fields(current, selector),
    )
    check_span(annotation)
    annotation.save()
    return annotation, True


def _on_same_words(submission_id: int, article_id: int, selector, category: str) -> list[Annotation]:
    """``spans.anchored_on`` for one student's highlights on one article, oldest first, in SQL written here (a save
    without a client key asks it; the ORM's query, with ``on_current_text``'s join, cost more to build than to
    run). Not one a correction is still moving onto the new text: its offsets are into the older one."""
    table, articles = Annotation._meta.db_table, Article._meta.db_table
    sql = (
        f'SELECT {rows.columns(Annotation)} FROM "{table}" WHERE "{table}"."submission_id" = %s '  # noqa: S608
        f'AND "{table}"."article_id" = %s AND "{table}"."start" = %s AND "{table}"."end" = %s '
        f'AND "{table}"."category" = %s AND "{table}"."anchor_status" = %s AND ("{table}"."revision_id" IS NULL '
        f'OR "{table}"."revision_id" = COALESCE((SELECT a."text_revision_id" FROM "{articles}" a WHERE a."id" = %s), '
        f'"{table}"."revision_id")) ORDER BY "{table}"."id"'
    )
    params = [submission_id, article_id, selector.start, selector.end, category, Annotation.AnchorStatus.ANCHORED.value]
    return [rows.instance(Annotation, row) for row in rows.fetchall(sql, [*params, article_id])]


def _find_by_client_key(submission_id: int, client_key: str) -> Annotation | None:
    """The highlight this client key saved before, if any (one at most: ``unique_client_key``). In SQL written
    here: every save from the page asks, and building the ORM's query cost more than running it."""
    table = Annotation._meta.db_table
    sql = f'SELECT {rows.columns(Annotation)} FROM "{table}" WHERE "submission_id" = %s AND "client_key" = %s LIMIT 1'  # noqa: S608
    row = rows.fetchone(sql, [submission_id, client_key])
    return None if row is None else rows.instance(Annotation, row)


def _apply_retry(annotation: Annotation, *, article, selector, category: str, comment: str) -> Annotation:
    if annotation.article_id != article.pk or (annotation.start, annotation.end) != (selector.start, selector.end):
        raise ValidationError("This save was already used for other words. Reload the page and select again.")
    fields = [f for f, value in (("category", category), ("comment", comment)) if getattr(annotation, f) != value]
    if fields:
        annotation.category, annotation.comment = category, comment
        annotation.save(update_fields=[*fields, "updated_at"])
    return annotation


@transaction.atomic
def update_annotation(
    *,
    annotation: Annotation,
    category: str | None = None,
    comment: str | None = None,
    by: User,
) -> Annotation:
    """Change a highlight's category and/or comment; ``None`` leaves a field as it is."""
    _check_owner(annotation.submission, by)
    submission = _lock_editable(annotation.submission)
    fields = []
    if category is not None and category != annotation.category:
        _check_category(submission, category)
        annotation.category = category
        fields.append("category")
    if comment is not None:
        comment = _clean_comment(comment)
        if comment != annotation.comment:
            annotation.comment = comment
            fields.append("comment")
    if fields:
        check_span(annotation)
        annotation.save(update_fields=[*fields, "updated_at"])
    return annotation


@transaction.atomic
def delete_annotation(*, annotation: Annotation, by: User) -> None:
    _check_owner(annotation.submission, by)
    _lock_editable(annotation.submission)
    annotation.delete()
