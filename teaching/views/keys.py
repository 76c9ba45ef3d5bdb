"""The key mode of the reading view: a teacher (or an admin) builds a lesson's reference key.

Same contract as the student's reading view (teaching/views/reading.py): writes answer htmx/fetch
requests with the list region — key items and suggestions — and everything else with a redirect
(Post/Redirect/Get). A rejected write answers 400 with the region carrying the reason.
Who may edit a key: see teaching/selectors/keys.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from teaching import categories as category_defs
from teaching import forms, selectors, services


def _form_errors(form) -> list[str]:
    return [message for field_errors in form.errors.values() for message in field_errors]


def _region_context(lesson, key, article, position, *, errors=(), created=None) -> dict:
    items = list(selectors.list_key_items(key, article))
    suggestions = selectors.list_key_suggestions(key, article, items)
    return {
        "lesson": lesson,
        "key": key,
        "article": article,
        "position": position,
        "items": items,
        "orphaned_items": list(selectors.list_orphaned_key_items(key, article)),
        "suggestion_groups": selectors.group_suggestions(suggestions, article.body_text),
        "suggestion_count": len(suggestions),
        "categories": category_defs.ALL,
        "errors": list(errors),
        "created": created,
    }


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
    key = selectors.key_of(lesson)
    article = selectors.get_lesson_article(lesson.pk, position).article
    context = _region_context(lesson, key, article, position)
    if request.htmx:
        return render(request, "teaching/_key_region.html", context)
    lesson_articles = list(selectors.list_key_articles(lesson, key))
    index = next(i for i, la in enumerate(lesson_articles) if la.position == position)
    context.update(
        lesson_articles=lesson_articles,
        previous=lesson_articles[index - 1] if index > 0 else None,
        next=lesson_articles[index + 1] if index + 1 < len(lesson_articles) else None,
        total_items=sum(la.highlight_count for la in lesson_articles),
        assignments=list(selectors.list_teacher_assignments_of_lesson(request.user, lesson)),
    )
    return render(request, "teaching/key_edit.html", context)


def _respond(request, lesson, key, article, position, *, errors=(), created=None, done=""):
    if request.htmx:
        context = _region_context(lesson, key, article, position, errors=errors, created=created)
        return render(request, "teaching/_key_region.html", context, status=400 if errors else 200)
    for message in errors:
        messages.error(request, message)
    if done and not errors:
        messages.success(request, done)
    return redirect("teaching:key_edit", pk=lesson.pk, position=position)


def _write(request, pk: int, position: int, form_class, write, done: str):
    """Shared by the writes addressed by lesson and position: check access, validate, call one service."""
    lesson = selectors.get_lesson_for_key_editing(request.user, pk)
    article = selectors.get_lesson_article(lesson.pk, position).article
    form = form_class(request.POST)
    errors, created = [], None
    if form.is_valid():
        key = services.get_or_create_key(lesson)
        try:
            created = write(key, article, form.cleaned_data)
        except ValidationError as error:
            errors = list(error.messages)
        except PermissionDenied as error:
            raise Http404 from error
    else:
        key = selectors.key_of(lesson)
        errors = _form_errors(form)
    return _respond(request, lesson, key, article, position, errors=errors, created=created, done=done)


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


def _item_write(request, pk: int, write, done: str):
    item = selectors.get_key_item_for_editing(request.user, pk)
    key, article = item.key, item.article
    lesson = key.lesson
    position = selectors.position_in_lesson(lesson.pk, article.pk)
    if position is None:  # the article was taken out of the lesson since
        raise Http404
    try:
        errors = write(item)
    except PermissionDenied as error:
        raise Http404 from error
    return _respond(request, lesson, key, article, position, errors=errors, done=done)


@require_POST
@login_required
def key_item_update(request, pk: int):
    def write(item):
        form = forms.KeyItemUpdateForm(request.POST)
        if not form.is_valid():
            return _form_errors(form)
        try:
            services.update_key_item(item=item, by=request.user, **form.cleaned_changes())
        except ValidationError as error:
            return list(error.messages)
        return []

    return _item_write(request, pk, write, "Key item saved.")


@require_POST
@login_required
def key_item_delete(request, pk: int):
    def write(item):
        services.delete_key_item(item=item, by=request.user)
        return []

    return _item_write(request, pk, write, "Key item deleted.")
