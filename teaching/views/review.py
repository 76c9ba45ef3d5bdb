"""The teacher's review of one student's submission: same article layout, marks, feedback, return."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from teaching import forms, selectors, services
from teaching.selectors.article_page import Mode


@require_GET
@login_required
def submission_review(request, pk: int):
    submission = selectors.get_submission_for_review(request.user, pk)
    first = selectors.list_lesson_articles_for_assignment(submission.assignment).first()
    return redirect("teaching:submission_review_article", pk=pk, position=first.position if first else 1)


@require_GET
@login_required
def submission_review_article(request, pk: int, position: int):
    submission = selectors.get_submission_for_review(request.user, pk)
    page = selectors.get_article_page(user=request.user, owner=submission, position=position, mode=Mode.REVIEW)
    context = page.context()
    context["return_form"] = forms.SubmissionReturnForm(initial={"feedback": submission.feedback})
    return render(request, "teaching/submission_review_article.html", context)


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
    errors = []
    if form.is_valid():
        try:
            services.mark_annotation(annotation=annotation, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors = list(error.messages)
            annotation.refresh_from_db()
    else:
        errors = [m for field_errors in form.errors.values() for m in field_errors]
    if request.htmx:
        # 200 even when refused: htmx 2 only swaps 2xx, and the entry shows the reason in place.
        # Re-read with the key match so the swapped entry keeps its "in the key" chip.
        annotation = _with_key_match(annotation)
        context = {"annotation": annotation, "submission": annotation.submission, "errors": errors, "saved": not errors}
        return render(request, "teaching/_review_annotation_item.html", context)
    for message in errors:
        messages.error(request, message)
    if not errors:
        messages.success(request, "Mark saved.")
    position = selectors.position_of_article(annotation.submission.assignment, annotation.article_id)
    return redirect("teaching:submission_review_article", pk=annotation.submission_id, position=position)


@require_POST
@login_required
def submission_return(request, pk: int):
    submission = selectors.get_submission_for_review(request.user, pk)
    form = forms.SubmissionReturnForm(request.POST)
    if form.is_valid():
        try:
            services.return_submission(submission=submission, feedback=form.cleaned_data["feedback"], by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"Returned to {submission.student.display_name}.")
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, message)
    position = request.POST.get("position", "")
    if position.isdecimal():
        return redirect("teaching:submission_review_article", pk=pk, position=int(position))
    return redirect("teaching:submission_review", pk=pk)
