"""The key mode of the reading view: a teacher (or an admin) builds a lesson's reference key.

The page is built by ``selectors.get_article_page`` (mode "key"). Writes answer htmx with the panel region
swapped out of band and a ``highlights-changed`` event (400 with the reason when refused: see
teaching/views/article_page.py), everything else with a redirect (Post/Redirect/Get).
Who may edit a key: see teaching/selectors/keys.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from teaching import forms, selectors, services
from teaching.selectors.article_page import Mode
from teaching.views.article_page import answer_write, run_write

REGION = "teaching/_key_region.html"


@require_GET
@login_required
def key_start(request, pk: int):
    lesson = selectors.get_lesson_for_key_editing(request.user, pk)
    first = selectors.list_lesson_articles_in(lesson.pk).first()
    if first is None:
        messages.warning(request, "This lesson has no articles yet, so there is nothing to build a key on.")
        return redirect("teaching:classroom_list")
    return redirect("teaching:key_edit", pk=lesson.pk, position=first.position)


@require_GET
@login_required
def key_edit(request, pk: int, position: int):
    lesson = selectors.get_lesson_for_key_editing(request.user, pk)
    page = selectors.get_article_page(
        user=request.user, owner=lesson, position=position, mode=Mode.KEY, with_navigation=not request.htmx
    )
    if request.htmx:
        return render(request, f"{REGION}#highlight-region", page.context())
    return render(request, "teaching/key_edit.html", page.context())


def _respond(request, lesson, position, *, errors, done, changed_id=None):
    page = selectors.get_article_page(
        user=request.user, owner=lesson, position=position, mode=Mode.KEY, with_navigation=False
    )
    event = {"article": page.article.pk, "id": changed_id}
    if changed_id and not errors:
        event["urls"] = {
            "update": reverse("teaching:key_item_update", args=[changed_id]),
            "delete": reverse("teaching:key_item_delete", args=[changed_id]),
        }
    return answer_write(
        request,
        f"{REGION}#write-answer",
        page.context(),
        errors=errors,
        redirect_to=("teaching:key_edit", lesson.pk, position),
        done=done,
        event=event,
    )


def _write(request, pk: int, position: int, form_class, write, done: str):
    """The writes addressed by lesson and position: check access, validate, call one service."""
    lesson = selectors.get_lesson_for_key_editing(request.user, pk)
    article = selectors.get_lesson_article(lesson.pk, position).article
    created, errors = run_write(
        form_class(request.POST), lambda data: write(services.get_or_create_key(lesson), article, data)
    )
    return _respond(request, lesson, position, errors=errors, done=done, changed_id=getattr(created, "pk", None))


@require_POST
@login_required
def key_item_create(request, pk: int, position: int):
    def write(key, article, data):
        return services.create_key_item(key=key, article=article, by=request.user, **data)

    return _write(request, pk, position, forms.KeyItemCreateForm, write, "Added to the key.")


@require_POST
@login_required
def key_suggestion_accept(request, pk: int, position: int):
    def write(key, article, data):
        return services.accept_suggestion(key=key, article=article, by=request.user, **data)

    return _write(request, pk, position, forms.SuggestionAcceptForm, write, "Suggestion added to the key.")


@require_POST
@login_required
def key_suggestion_dismiss(request, pk: int, position: int):
    def write(key, article, data):
        services.dismiss_suggestion(key=key, article=article, by=request.user, **data)

    return _write(request, pk, position, forms.SuggestionDismissForm, write, "Suggestion dismissed.")


def _item_write(request, pk: int, form, write, done: str):
    item = selectors.get_key_item_for_editing(request.user, pk)
    lesson = item.key.lesson
    position = selectors.position_in_lesson(lesson.pk, item.article_id)
    if position is None:  # the article was taken out of the lesson since
        raise Http404
    _, errors = run_write(form, lambda data: write(item, data))
    return _respond(request, lesson, position, errors=errors, done=done, changed_id=item.pk)


@require_POST
@login_required
def key_item_update(request, pk: int):
    form = forms.KeyItemUpdateForm(request.POST)

    def write(item, data):
        services.update_key_item(item=item, by=request.user, **form.cleaned_changes())

    return _item_write(request, pk, form, write, "Key item saved.")


@require_POST
@login_required
def key_item_delete(request, pk: int):
    def write(item, data):
        services.delete_key_item(item=item, by=request.user)

    return _item_write(request, pk, None, write, "Key item deleted.")
