"""The key mode of the reading view: a teacher (or an admin) builds a lesson's reference key.

The page is built by ``selectors.get_article_page`` (mode "key"). Writes answer htmx with only what they
changed — the key item and the counters, and the suggestions when the write changes which are offered —
swapped out of band, and a ``highlights-changed`` event (400 with the reason when refused: see
teaching/views/article_page.py); everything else with a redirect (Post/Redirect/Get).
Who may edit a key: see teaching/selectors/keys.py.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_GET, require_POST

from teaching import categories as category_defs
from teaching import forms, selectors, services
from teaching.selectors.article_page import Mode
from teaching.views.article_page import answer_write, first_article, highlight_event, render_page, run_write

REGION = "teaching/_key_region.html"


@require_GET
@login_required
def key_start(request, pk: int):
    lesson = selectors.get_lesson_for_key_editing(request.user, pk)
    return first_article(
        request,
        selectors.list_lesson_articles_in(lesson.pk),
        "teaching:key_edit",
        lesson.pk,
        none="teaching:classroom_list",
        warning="This lesson has no articles yet, so there is nothing to build a key on.",
    )


@require_GET
@login_required
def key_edit(request, pk: int, position: int):
    lesson = selectors.get_lesson_for_key_editing(request.user, pk)
    page = selectors.get_article_page(
        user=request.user, owner=lesson, position=position, mode=Mode.KEY, with_navigation=not request.htmx
    )
    return render_page(request, page)


def _respond(
    request,
    lesson,
    article,
    position,
    *,
    errors,
    done,
    key=None,
    changed=None,
    inserted=False,
    deleted_id=None,
    suggestions=False,
):
    """One key item's fragment and the counters (never the whole list: O(1) in the article's items), plus the
    suggestions when the write changes which are offered (an item added, accepted or deleted; a dismissal)."""
    key = key if key is not None else selectors.key_of(lesson)
    counts = selectors.get_panel_counts(owner=lesson, article=article, mode=Mode.KEY, key=key)
    context = {
        "lesson": lesson,
        "article": article,
        "position": position,
        "categories": category_defs.ALL,
        "changed": changed,
        "inserted": inserted,
        "before_id": selectors.next_highlight_id(changed) if inserted and changed else None,
        "deleted_id": deleted_id,
        "article_count": counts.in_article,
        "anchored_count": counts.anchored,
        "total_items": counts.total,
        "suggestions": suggestions and not errors,
    }
    if context["suggestions"]:
        context.update(selectors.key_suggestions(key, article))
    event = highlight_event(article, changed, deleted_id, inserted, urls=("key_item_update", "key_item_delete"))
    return answer_write(
        request,
        f"{REGION}#write-answer",
        context,
        errors=errors,
        redirect_to=("teaching:key_edit", lesson.pk, position),
        done=done,
        event=event,
    )


def _write(request, pk: int, position: int, form_class, write, done: str, *, inserts: bool = True):
    """The writes addressed by lesson and position: check access, validate, call one service."""
    lesson = selectors.get_lesson_for_key_editing(request.user, pk)
    article = selectors.get_lesson_article(lesson.pk, position).article
    keys = []  # the key, once a valid write has got (or created) it

    def call(data):
        keys.append(services.get_or_create_key(lesson))
        return write(keys[0], article, data)

    created, errors = run_write(form_class(request.POST), call)
    return _respond(
        request,
        lesson,
        article,
        position,
        errors=errors,
        done=done,
        key=keys[0] if keys else None,
        changed=created if inserts else None,
        inserted=inserts,
        suggestions=True,
    )


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

    return _write(request, pk, position, forms.SuggestionDismissForm, write, "Suggestion dismissed.", inserts=False)


def _editable_item(request, pk: int):
    item = selectors.get_key_item_for_editing(request.user, pk)
    position = selectors.position_in_lesson(item.key.lesson_id, item.article_id)
    if position is None:  # the article was taken out of the lesson since
        raise Http404
    return item, position


@require_POST
@login_required
def key_item_update(request, pk: int):
    item, position = _editable_item(request, pk)
    form = forms.KeyItemUpdateForm(request.POST)
    _, errors = run_write(
        form, lambda data: services.update_key_item(item=item, by=request.user, **form.cleaned_changes())
    )
    if errors:
        item.refresh_from_db()
    return _respond(
        request,
        item.key.lesson,
        item.article,
        position,
        errors=errors,
        done="Key item saved.",
        key=item.key,
        changed=item,
    )


@require_POST
@login_required
def key_item_delete(request, pk: int):
    item, position = _editable_item(request, pk)
    item_pk = item.pk
    _, errors = run_write(None, lambda data: services.delete_key_item(item=item, by=request.user))
    return _respond(
        request,
        item.key.lesson,
        item.article,
        position,
        errors=errors,
        done="Key item deleted.",
        key=item.key,
        changed=item if errors else None,
        deleted_id=None if errors else item_pk,
        suggestions=True,
    )
