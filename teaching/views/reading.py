"""The student's reading view: read the lesson's articles, highlight, comment, submit.

Writes answer htmx/fetch requests (``HX-Request``) with the annotation-list fragment — the one source
of truth the page redraws its highlights from — and everything else with a redirect (Post/Redirect/Get).
A rejected write answers 400 with the same fragment carrying the reason, so the page can show it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from teaching import categories as category_defs
from teaching import forms, selectors, services
from teaching.models import Submission


def _errors(error: ValidationError) -> list[str]:
    return list(error.messages)


def _form_errors(form) -> list[str]:
    return [message for field_errors in form.errors.values() for message in field_errors]


def _start_submission(request, assignment) -> Submission:
    """The submission a write goes to, started by that write if need be (opening a page never starts it)."""
    try:
        return services.start_submission(assignment=assignment, student=request.user)
    except PermissionDenied as error:
        raise Http404 from error


def _panel_context(submission, article, position, *, errors=(), created=None) -> dict:
    counts = selectors.category_counts(submission)
    assignment = submission.assignment
    return {
        "position": position,
        "submission": submission,
        "assignment": assignment,
        "article": article,
        "annotations": selectors.list_annotations(submission, article),
        "categories": assignment.category_objects,
        "category_counts": [(c, counts.get(c.value, 0)) for c in assignment.category_objects],
        "total_count": sum(counts.values()),
        "errors": list(errors),
        "created": created,
        "claim_links": selectors.claim_links(submission, article.pk),
        "orphaned_annotations": list(selectors.list_orphaned_annotations(submission=submission, article=article)),
    }


def _list_response(request, submission, article, position, *, errors=(), created=None, status=200):
    context = _panel_context(submission, article, position, errors=errors, created=created)
    return render(request, "teaching/_annotation_list.html", context, status=status)


@require_GET
@login_required
def assignment_read(request, pk: int):
    """Open an assignment: go to its first article. Nothing is written — the first save starts the work."""
    assignment = selectors.get_assignment_for_student(request.user, pk)
    first = selectors.list_lesson_articles_for_assignment(assignment).first()
    if first is None:
        messages.warning(request, "This lesson has no articles yet. Ask your teacher.")
        return redirect("teaching:dashboard")
    return redirect("teaching:article_read", pk=pk, position=first.position)


@require_GET
@login_required
def article_read(request, pk: int, position: int):
    submission = selectors.get_work_for_student(request.user, pk)
    article = selectors.get_article_in_assignment(submission.assignment, position)
    context = _panel_context(submission, article, position)
    if request.htmx:
        return render(request, "teaching/_annotation_list.html", context)
    lesson_articles = list(selectors.list_lesson_articles(submission))
    index = next(i for i, la in enumerate(lesson_articles) if la.position == position)
    context.update(
        lesson_articles=lesson_articles,
        position=position,
        previous=lesson_articles[index - 1] if index > 0 else None,
        next=lesson_articles[index + 1] if index + 1 < len(lesson_articles) else None,
        all_categories=category_defs.ALL,
    )
    return render(request, "teaching/article_read.html", context)


@require_POST
@login_required
def annotation_create(request, pk: int, position: int):
    submission = selectors.get_work_for_student(request.user, pk)
    article = selectors.get_article_in_assignment(submission.assignment, position)
    form = forms.AnnotationCreateForm(request.POST)
    errors, created = [], None
    if form.is_valid():
        try:
            # One transaction: a refused first highlight does not leave a started submission behind.
            with transaction.atomic():
                submission = _start_submission(request, submission.assignment)
                created = services.create_annotation(
                    submission=submission, article=article, by=request.user, **form.cleaned_data
                )
        except ValidationError as error:
            errors = _errors(error)
            submission = selectors.get_work_for_student(request.user, pk)
    else:
        errors = _form_errors(form)
    if request.htmx:
        status = 400 if errors else 200
        return _list_response(request, submission, article, position, errors=errors, created=created, status=status)
    for message in errors:
        messages.error(request, message)
    if created:
        messages.success(request, "Highlight saved.")
    return redirect("teaching:article_read", pk=pk, position=position)


def _annotation_write(request, pk: int, write):
    annotation = selectors.get_annotation_for_student(request.user, pk)
    submission, article = annotation.submission, annotation.article
    errors = write(annotation)
    position = selectors.position_of_article(submission.assignment, article.pk)
    if request.htmx:
        return _list_response(request, submission, article, position, errors=errors, status=400 if errors else 200)
    for message in errors:
        messages.error(request, message)
    return redirect("teaching:article_read", pk=submission.assignment_id, position=position)


@require_POST
@login_required
def annotation_update(request, pk: int):
    def write(annotation):
        form = forms.AnnotationUpdateForm(request.POST)
        if not form.is_valid():
            return _form_errors(form)
        try:
            services.update_annotation(annotation=annotation, by=request.user, **form.cleaned_changes())
        except ValidationError as error:
            return _errors(error)
        return []

    return _annotation_write(request, pk, write)


@require_POST
@login_required
def annotation_delete(request, pk: int):
    def write(annotation):
        try:
            services.delete_annotation(annotation=annotation, by=request.user)
        except ValidationError as error:
            return _errors(error)
        return []

    return _annotation_write(request, pk, write)


@require_POST
@login_required
def submission_submit(request, pk: int):
    submission = _start_submission(request, selectors.get_assignment_for_student(request.user, pk))
    try:
        services.submit_submission(submission=submission, by=request.user)
    except ValidationError as error:
        for message in _errors(error):
            messages.error(request, message)
    else:
        messages.success(request, "Submitted. Your teacher can now review your highlights.")
    position = request.POST.get("position", "")
    if not position.isdecimal():
        return redirect("teaching:assignment_read", pk=pk)
    return redirect("teaching:article_read", pk=pk, position=int(position))
