"""The key's comparisons across articles, edited in the site (until now only in the admin).

Reached from the key mode. A comparison links two or more key items (from any articles of the lesson) and says
how they relate — agree, contradict, or measure different things — with an explanation students read in their
feedback. The same services as the admin (teaching.services.keys) make the same checks: at least two items, all
of this key, a title, a known relation. Who may: the lesson's owner and admins (teaching.permissions.can_edit_key).
Writes go form → service → errors through teaching/views/article_page.py and answer htmx with the comparisons
region under its status contract (400 with the reasons when refused), everything else with a redirect
(Post/Redirect/Get).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from teaching import forms, selectors, services
from teaching.models import Relation
from teaching.views.article_page import answer_fragment, run_write

PAGE = "teaching/key_comparisons.html"


def _context(lesson, key, *, form=None, errors=(), editing=None, done="") -> dict:
    item_groups = selectors.list_key_items_by_article(lesson)
    # A refused form comes back as it was sent: into the new-comparison form, or the edited comparison's.
    sent = form.sent_values() if form is not None else None
    return {
        "lesson": lesson,
        "key": key,
        "comparisons": selectors.list_key_comparisons_for_editing(key),
        "item_groups": item_groups,
        "item_count": sum(len(group.items) for group in item_groups),
        "relations": Relation.choices,
        "new_values": sent if sent is not None and editing is None else {},
        "edit_values": sent if editing is not None else {},
        "editing": editing,
        "errors": list(errors),
        "done": done,
    }


@require_GET
@login_required
def key_comparisons(request, pk: int):
    lesson = selectors.get_lesson_for_key_editing(request.user, pk)
    key = selectors.key_of(lesson)
    template = PAGE + "#comparisons-region" if request.htmx else PAGE
    return render(request, template, _context(lesson, key))


def _respond(request, lesson, key, *, form=None, errors=(), editing=None, done=""):
    """The comparisons region under the article page's status contract (views/article_page.answer_fragment:
    400 with the reasons and what was sent when refused); without htmx, Post/Redirect/Get — but a refused form
    is shown again, filled in, with its reasons (nothing was saved, and retyping it would be the user's loss)."""
    refused = bool(errors)
    context = _context(
        lesson, key, form=form if refused else None, errors=errors, editing=editing if refused else None, done=done
    )
    if request.htmx:
        return answer_fragment(request, PAGE + "#comparisons-region", context, errors=list(errors))
    if refused:
        return render(request, PAGE, context, status=400)
    messages.success(request, done)
    return redirect(reverse("teaching:key_comparisons", args=[lesson.pk]) + "#comparisons-region")


def _write(request, lesson, key, write, *, editing=None, done: str):
    """Validate the comparison form, then call one service with its items (views/article_page.run_write)."""
    form = forms.KeyComparisonEditForm(request.POST)
    _, errors = run_write(form, lambda data: write(data, selectors.list_key_items_by_id(data["items"])))
    return _respond(request, lesson, key, form=form, errors=errors, editing=editing, done="" if errors else done)


def _fields(data) -> dict:
    return {name: data[name] for name in ("title", "relation", "explanation")}


@require_POST
@login_required
def key_comparison_create(request, pk: int):
    lesson = selectors.get_lesson_for_key_editing(request.user, pk)
    key = services.get_or_create_key(lesson)

    def write(data, items):
        services.create_key_comparison(key=key, items=items, by=request.user, **_fields(data))

    return _write(request, lesson, key, write, done="Comparison added to the key.")


@require_POST
@login_required
def key_comparison_update(request, pk: int):
    comparison = selectors.get_key_comparison_for_editing(request.user, pk)
    lesson, key = comparison.key.lesson, comparison.key

    def write(data, items):
        services.update_key_comparison(comparison=comparison, items=items, by=request.user, **_fields(data))

    return _write(request, lesson, key, write, editing=comparison.pk, done="Comparison saved.")


@require_POST
@login_required
def key_comparison_delete(request, pk: int):
    comparison = selectors.get_key_comparison_for_editing(request.user, pk)
    lesson, key = comparison.key.lesson, comparison.key
    _, errors = run_write(None, lambda data: services.delete_key_comparison(comparison=comparison, by=request.user))
    done = "" if errors else f"Deleted the comparison “{comparison.title}”."
    return _respond(request, lesson, key, errors=errors, done=done)
