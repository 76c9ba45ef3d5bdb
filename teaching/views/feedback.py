"""The student's feedback: what they found, missed and added, article by article, against the key."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from teaching import selectors
from teaching.selectors.article_page import Navigation
from teaching.views.article_page import first_article


def _own_submission(request, pk: int):
    # 404 unless the user is a student enrolled in the assignment's class; None when not started.
    return selectors.get_submission_for_student(request.user, pk)


def _refuse(request, pk: int, reason: str):
    messages.info(request, reason)
    return redirect("teaching:assignment_read", pk=pk)


def _text_data(current) -> dict:
    """What feedback.js draws on the text: the student's highlights and the key items they missed."""
    highlights, missed = [], []
    for c in current.categories:
        for f in c.found:
            a = f.annotation
            highlights.append({"id": f"a{a.pk}", "start": a.start, "end": a.end, "category": a.category})
        for a in [*c.extra, *c.duplicates]:
            highlights.append({"id": f"a{a.pk}", "start": a.start, "end": a.end, "category": a.category})
        for k in c.missed:
            missed.append({"id": f"k{k.pk}", "start": k.start, "end": k.end, "category": "missed"})
    return {"highlights": highlights, "missed": missed}


@require_GET
@login_required
def submission_feedback_start(request, pk: int):
    submission = _own_submission(request, pk)
    if submission is None:
        return _refuse(request, pk, "Feedback appears as soon as you submit your work.")
    lesson_articles = selectors.list_lesson_articles_for_assignment(submission.assignment)
    # Without articles: the assignment, which says why there is nothing to read.
    none = reverse("teaching:assignment_read", args=[pk])
    return first_article(request, lesson_articles, "teaching:submission_feedback", pk, none=none)


@require_GET
@login_required
def submission_feedback(request, pk: int, position: int):
    submission = _own_submission(request, pk)
    if submission is None:
        return _refuse(request, pk, "Feedback appears as soon as you submit your work.")
    feedback = selectors.student_feedback(submission)
    reason = selectors.feedback_unavailable_reason(submission, has_key=feedback.has_key)
    if reason:
        return _refuse(request, pk, reason)
    current = feedback.at(position)
    if current is None:
        raise Http404("No such article in this lesson.")
    navigation = Navigation(
        lesson_articles=feedback.articles, position=position, url_name="teaching:submission_feedback", owner_pk=pk
    )
    found_explanations = {f.annotation.pk: f.key_item for c in current.categories for f in c.found}
    context = {
        "submission": submission,
        "assignment": submission.assignment,
        "feedback": feedback,
        "current": current,
        "article": selectors.get_article_in_assignment(submission.assignment, position),
        "position": position,
        "previous": navigation.previous,
        "next": navigation.next,
        "found_explanations": found_explanations,
        "text_data": _text_data(current),
        "comparison_feedback": selectors.comparison_feedback(submission),
    }
    return render(request, "teaching/feedback_article.html", context)
