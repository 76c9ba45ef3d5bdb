"""The teacher's review of one student's submission: same article layout, marks, feedback, return."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from teaching import categories as category_defs
from teaching import forms, selectors, services


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
    article = selectors.get_article_in_assignment(submission.assignment, position)
    lesson_articles = list(selectors.list_lesson_articles(submission))
    index = next(i for i, la in enumerate(lesson_articles) if la.position == position)
    counts = selectors.category_counts(submission)
    categories = submission.assignment.category_objects
    context = {
        "submission": submission,
        "assignment": submission.assignment,
        "article": article,
        "annotations": _with_key_matches(submission, article),
        "lesson_articles": lesson_articles,
        "position": position,
        "previous": lesson_articles[index - 1] if index > 0 else None,
        "next": lesson_articles[index + 1] if index + 1 < len(lesson_articles) else None,
        "categories": categories,
        "all_categories": category_defs.ALL,
        "category_counts": [(c, counts.get(c.value, 0)) for c in categories],
        "total_count": sum(counts.values()),
        "return_form": forms.SubmissionReturnForm(initial={"feedback": submission.feedback}),
        "ledger": selectors.numbers_ledger(submission),
        "orphaned_annotations": list(selectors.list_orphaned_annotations(submission=submission, article=article)),
    }
    return render(request, "teaching/submission_review_article.html", context)


def _with_key_matches(submission, article) -> list:
    """The student's highlights on this article, each with ``key_match`` (None when the lesson has no key),
    so the teacher sees at a glance which ones the reference key expects."""
    annotations = list(selectors.list_annotations(submission, article))
    labels = selectors.key_match_labels(submission.assignment, annotations) or {}
    for annotation in annotations:
        annotation.key_match = labels.get(annotation.pk)
    return annotations


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
        annotation = next(
            (a for a in _with_key_matches(annotation.submission, annotation.article) if a.pk == annotation.pk),
            annotation,
        )
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
