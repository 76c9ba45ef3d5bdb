"""The student's reading view: read the lesson's articles, highlight, comment, submit.

The page is built by ``selectors.get_article_page`` (mode "read"). Writes answer htmx with only what they
changed — the highlight and the counters, out of band — and a ``highlights-changed`` client event;
a refused write answers 400 with its reason (see teaching/views/article_page.py); anything else redirects.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from teaching import forms, selectors, services
from teaching.models import Annotation, Submission
from teaching.selectors.article_page import Mode
from teaching.text.comparisons import read_claim
from teaching.views.article_page import (
    answer_highlight,
    back_to_article,
    first_article,
    flash,
    render_page,
    run_write,
)


def _start_submission(request, assignment) -> Submission:
    """The submission a write goes to, started by that write if need be (opening a page never starts it)."""
    try:
        return services.start_submission(assignment=assignment, student=request.user)
    except PermissionDenied as error:
        raise Http404 from error


@require_GET
@login_required
def assignment_read(request, pk: int):
    """Open an assignment: go to its first article. Nothing is written — the first save starts the work."""
    assignment = selectors.get_assignment_for_student(request.user, pk)
    lesson_articles = selectors.list_lesson_articles_for_assignment(assignment)
    return first_article(
        request,
        lesson_articles,
        "teaching:article_read",
        pk,
        none="teaching:dashboard",
        warning="This lesson has no articles yet. Ask your teacher.",
    )


@require_GET
@login_required
def article_read(request, pk: int, position: int):
    submission = selectors.get_work_for_student(request.user, pk)
    page = selectors.get_article_page(
        user=request.user, owner=submission, position=position, mode=Mode.READ, with_navigation=not request.htmx
    )
    return render_page(request, page)


@require_POST
@login_required
def annotation_create(request, pk: int, position: int):
    form = forms.AnnotationCreateForm(request.POST)
    if not form.is_valid():
        _work_on(request, pk, position)  # a page that is not there answers 404 before the form's errors
    # The service reads the work, its rules and the article at `position` in its one locked read.
    saved, errors = run_write(
        form,
        lambda data: services.save_highlight(student=request.user, assignment_id=pk, position=position, **data),
    )
    if saved is not None:
        annotation, new = saved
        submission, article = annotation.submission, annotation.article
    else:  # refused: the answer shows the work as it is (a refused first save started nothing)
        annotation, new = None, False
        submission, article = _work_on(request, pk, position)
    return answer_highlight(
        request,
        submission,
        article,
        errors=errors,
        changed=annotation,
        inserted=True,
        new=new,
        done="Highlight saved.",
        position=position,
    )


def _work_on(request, pk: int, position: int):
    """The student's work (or an unsaved one before their first save) and the article at ``position``, or 404."""
    submission = selectors.get_work_for_student(request.user, pk, for_write=True)
    return submission, selectors.get_article_in_assignment(submission.assignment, position, texts=False)


def _owned(request, pk: int) -> Annotation:
    return selectors.get_annotation_for_student(request.user, pk)


@require_POST
@login_required
def annotation_update(request, pk: int):
    annotation = _owned(request, pk)
    form = forms.AnnotationUpdateForm(request.POST)
    _, errors = run_write(
        form, lambda data: services.update_annotation(annotation=annotation, by=request.user, **form.cleaned_changes())
    )
    if errors:
        annotation.refresh_from_db()
    return answer_highlight(request, annotation.submission, annotation.article, errors=errors, changed=annotation)


@require_GET
@login_required
def annotation_edit(request, pk: int):
    """One highlight on a page of its own, with the forms the reading view's popover and list open in place:
    its category and comment, what a number counts, delete. Where the list's Edit leads without JavaScript;
    its forms post to the same writes, which come back to the article. Read-only work: back to the article."""
    annotation = _owned(request, pk)
    submission = annotation.submission
    position = selectors.position_of_article(submission.assignment, annotation.article_id)
    if not submission.is_editable:
        return redirect("teaching:article_read", pk=submission.assignment_id, position=position)
    return render(
        request,
        "teaching/annotation_edit.html",
        {
            "annotation": annotation,
            "submission": submission,
            "assignment": submission.assignment,
            "article": annotation.article,
            "position": position,
            "categories": submission.assignment.category_objects,
            "reading": read_claim(annotation.exact) if annotation.category == "numbers" else None,
        },
    )


@require_POST
@login_required
def annotation_delete(request, pk: int):
    annotation = _owned(request, pk)
    submission, article, annotation_pk = annotation.submission, annotation.article, annotation.pk
    _, errors = run_write(None, lambda data: services.delete_annotation(annotation=annotation, by=request.user))
    return answer_highlight(request, submission, article, errors=errors, deleted_id=None if errors else annotation_pk)


@require_POST
@login_required
def submission_submit(request, pk: int):
    submission = _start_submission(request, selectors.get_assignment_for_student(request.user, pk))
    submitted, errors = run_write(None, lambda data: services.submit_submission(submission=submission, by=request.user))
    flash(request, errors)
    if submitted is not None:
        if submitted.feedback_visible and selectors.key_of(submitted.assignment.lesson) is not None:
            # Feedback comes at once for this assignment: take the student straight to it.
            messages.success(request, "Submitted. Here is what you found and what you missed.")
            return redirect("teaching:submission_feedback_start", pk=pk)
        messages.success(request, "Submitted. Your teacher can now review your highlights.")
    return back_to_article(request, "teaching:article_read", pk, "teaching:assignment_read")
