"""The teacher's review of one student's submission: same article layout, marks, feedback, return."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_GET, require_POST

from teaching import forms, selectors, services
from teaching.selectors.article_page import Mode
from teaching.views.article_page import (
    MARK_CHANGED,
    answer_fragment,
    answer_write,
    back_to_article,
    first_article,
    flash,
    render_page,
    run_write,
)


@require_GET
@login_required
def submission_review(request, pk: int):
    submission = selectors.get_submission_for_review(request.user, pk)
    lesson_articles = selectors.list_lesson_articles_for_assignment(submission.assignment)
    return first_article(request, lesson_articles, "teaching:submission_review_article", pk)


@require_GET
@login_required
def submission_review_article(request, pk: int, position: int):
    submission = selectors.get_submission_for_review(request.user, pk)
    page = selectors.get_article_page(
        user=request.user, owner=submission, position=position, mode=Mode.REVIEW, with_navigation=not request.htmx
    )
    return render_page(request, page)


def _with_key_match(annotation):
    """The one highlight, with ``key_match`` (None when the lesson has no key), for its swapped entry.

    Matched against the student's other highlights on the article too: which of two on one key item is
    the duplicate depends on both.
    """
    siblings = list(selectors.list_annotations(annotation.submission, annotation.article))
    labels = selectors.key_match_labels(annotation.submission.assignment, siblings) or {}
    annotation.key_match = labels.get(annotation.pk)
    return annotation


@require_POST
@login_required
def annotation_mark(request, pk: int):
    annotation = selectors.get_annotation_for_teacher(request.user, pk)
    form = forms.AnnotationMarkForm(request.POST)
    _, errors = run_write(form, lambda data: services.mark_annotation(annotation=annotation, by=request.user, **data))
    if errors:
        annotation.refresh_from_db()
    if request.htmx:
        # The entry, with the reason in place when refused (400); re-read with the key match so it keeps its
        # "in the key" chip.
        context = {"annotation": _with_key_match(annotation), "submission": annotation.submission, "saved": not errors}
        event = {"id": annotation.pk, "mark": annotation.teacher_mark}
        return answer_fragment(
            request,
            "teaching/_review_annotation_item.html",
            context,
            errors=errors,
            event=event,
            event_name=MARK_CHANGED,
        )
    position = selectors.position_of_article(annotation.submission.assignment, annotation.article_id)
    return answer_write(
        request,
        "",
        {},
        errors=errors,
        redirect_to=("teaching:submission_review_article", annotation.submission_id, position),
        done="Mark saved.",
    )


@require_POST
@login_required
def submission_return(request, pk: int):
    submission = selectors.get_submission_for_review(request.user, pk)
    _, errors = run_write(
        forms.SubmissionReturnForm(request.POST),
        lambda data: services.return_submission(submission=submission, feedback=data["feedback"], by=request.user),
    )
    flash(request, errors, done=f"Returned to {submission.student.display_name}.")
    return back_to_article(request, "teaching:submission_review_article", pk, "teaching:submission_review")
