"""Number claims, claim links (comparisons), the numbers ledger and the side-by-side view.

Writes answer htmx requests with a fragment — the claim card (``fragment=card``) or the ledger region — under
the article page's status contract (teaching/views/article_page.py: 400 with the reason in place when
refused, a ``ledger-changed`` event when done), and everything else with a redirect back
(Post/Redirect/Get) plus a message.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from teaching import forms, selectors, services
from teaching.models import Relation, Submission
from teaching.views.article_page import LEDGER_CHANGED, PAGE, answer_fragment, answer_highlight, flash, run_write

REGION = "teaching/_ledger_region.html"


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback)


def _student_submission(request, pk: int) -> Submission:
    submission = selectors.get_submission_for_student(request.user, pk)
    if submission is None:
        raise Http404
    return submission


def _scope(submission: Submission, raw: str) -> tuple[list[int] | None, list[int]]:
    """`"1,3"` (lesson positions, from the side-by-side view) → (article ids, positions); else everything."""
    positions = [int(p) for p in raw.split(",") if p.strip().isdecimal()][:2]
    if not positions:
        return None, []
    articles = [selectors.get_article_in_assignment(submission.assignment, p).pk for p in positions]
    return articles, positions


def _region_context(submission: Submission, scope: str = "", *, errors=(), saved: str = "") -> dict:
    return _ledger_context(submission, *_scope(submission, scope), errors=errors, saved=saved)


def _ledger_context(
    submission: Submission, articles: list[int] | None, positions: list[int], *, errors=(), saved: str = "", ledger=None
) -> dict:
    """The numbers ledger region's context: the whole work's, or only the comparisons of ``articles``
    (``ledger``: already read, by the side-by-side page)."""
    return {
        "submission": submission,
        "assignment": submission.assignment,
        "ledger": ledger if ledger is not None else selectors.numbers_ledger(submission, articles=articles),
        "scope": ",".join(map(str, positions)),
        "relations": Relation.choices,
        "errors": list(errors),
        "saved": saved,
        "editable": submission.is_editable,
    }


def _ledger_url(submission: Submission) -> str:
    return reverse("teaching:numbers_ledger", args=[submission.assignment_id])


def _finish(request, submission, errors, success: str, *, card=None):
    if request.htmx:
        if card is not None and request.POST.get("fragment") == "reading":
            # From the reading view's list: answer that highlight and the counters, as its own writes do.
            return answer_highlight(request, submission, card.article, errors=errors, changed=card)
        event = {"submission": submission.pk}
        if card is not None and request.POST.get("fragment") == "card":
            context = {"card": selectors.claim_card(card), "saved": not errors, "editable": True, "fragment": "card"}
            return answer_fragment(
                request, "teaching/_claim.html", context, errors=errors, event=event, event_name=LEDGER_CHANGED
            )
        context = _region_context(submission, request.POST.get("scope", ""), saved="" if errors else success)
        return answer_fragment(request, REGION, context, errors=errors, event=event, event_name=LEDGER_CHANGED)
    flash(request, errors, success)
    return _back(request, _ledger_url(submission))


# --- writes -------------------------------------------------------------------------------------------


@require_POST
@login_required
def claim_update(request, pk: int):
    annotation = selectors.get_numbers_annotation_for_student(request.user, pk)
    form = forms.ClaimForm(request.POST)
    _, errors = run_write(
        form, lambda data: services.update_claim(annotation=annotation, by=request.user, **form.cleaned_changes())
    )
    if errors:
        annotation.refresh_from_db()
    return _finish(request, annotation.submission, errors, "Claim saved.", card=annotation)


@require_POST
@login_required
def comparison_create(request, pk: int):
    submission = _student_submission(request, pk)
    form = forms.ComparisonCreateForm(request.POST, annotation_ids=selectors.list_numbers_annotation_ids(submission))
    _, errors = run_write(form, lambda data: services.create_comparison(submission=submission, by=request.user, **data))
    return _finish(request, submission, errors, "Numbers linked.")


@require_POST
@login_required
def comparison_update(request, pk: int):
    comparison = selectors.get_comparison_for_student(request.user, pk)
    _, errors = run_write(
        forms.ComparisonUpdateForm(request.POST),
        lambda data: services.update_comparison(comparison=comparison, by=request.user, **data),
    )
    return _finish(request, comparison.submission, errors, "Link saved.")


@require_POST
@login_required
def comparison_delete(request, pk: int):
    comparison = selectors.get_comparison_for_student(request.user, pk)
    submission = comparison.submission
    _, errors = run_write(None, lambda data: services.delete_comparison(comparison=comparison, by=request.user))
    return _finish(request, submission, errors, "Link removed. The highlights are still there.")


# --- pages --------------------------------------------------------------------------------------------


@require_GET
@login_required
def numbers_ledger(request, pk: int):
    submission = selectors.get_work_for_student(request.user, pk)
    context = _region_context(submission, request.GET.get("scope", ""))
    if request.htmx:
        return render(request, REGION, context)
    return render(request, "teaching/ledger.html", context)


@require_GET
@login_required
def submission_ledger(request, pk: int):
    """The teacher's read-only view of one student's ledger."""
    submission = selectors.get_submission_for_review(request.user, pk)
    context = _region_context(submission)
    context.update(editable=False, teacher_view=True)
    return render(request, "teaching/ledger_review.html", context)


@require_GET
@login_required
def article_compare_pick(request, pk: int):
    """Choose two articles to read side by side (a form that works without JavaScript)."""
    submission = selectors.get_work_for_student(request.user, pk)
    lesson_articles = list(selectors.list_lesson_articles(submission))
    left, right = request.GET.get("left", ""), request.GET.get("right", "")
    positions = [la.position for la in lesson_articles]
    error = ""
    if left or right:
        if left.isdecimal() and right.isdecimal() and int(left) in positions and int(right) in positions:
            if left != right:
                return redirect("teaching:article_compare", pk=pk, left=int(left), right=int(right))
            error = "Choose two different articles."
        else:
            error = "Choose two articles of this lesson."
    context = {
        "submission": submission,
        "assignment": submission.assignment,
        "lesson_articles": lesson_articles,
        "error": error,
        "left": int(left) if left.isdecimal() else None,
        "right": int(right) if right.isdecimal() else None,
    }
    return render(request, "teaching/compare_pick.html", context, status=400 if error else 200)


@require_GET
@login_required
def article_compare(request, pk: int, left: int, right: int):
    submission = selectors.get_work_for_student(request.user, pk)
    if left == right:
        return redirect("teaching:article_compare_pick", pk=pk)
    side = (request.GET.get("pane") or None) if request.htmx else None  # one pane's list, refreshed after a save
    page = selectors.get_compare_page(user=request.user, owner=submission, left=left, right=right, side=side)
    if side:
        return render(request, f"{PAGE}#pane-refresh", page.context())
    ledger = _ledger_context(submission, None, [left, right], ledger=page.ledger)
    return render(request, PAGE, {**ledger, **page.context()})
