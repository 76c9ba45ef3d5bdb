"""What every view of the article page shares (not a view module): rendering the page, the form → service →
errors dance, and the answer to a write under one status contract.

* a GET renders the page object (teaching/selectors/article_page.py) with the one page template, or for htmx
  its panel region alone (``#highlight-region``).

* htmx: 200 with the fragments the write changed, swapped out of band, plus a client event
  (``highlights-changed``) that the counters and the numbers ledger listen to; a refused write answers
  400 with the same fragments carrying the reason (htmx is configured to swap 400s: templates/base.html).
* anything else: Post/Redirect/Get back to the page, with the reason or the success as a message.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import get_script_prefix, get_urlconf, reverse
from django_htmx.http import trigger_client_event

from teaching import selectors
from teaching.selectors.article_page import ArticlePage, Mode

PAGE = "teaching/article_page.html"

HIGHLIGHTS_CHANGED = "highlights-changed"
WRITE_REFUSED = "write-refused"
MARK_CHANGED = "mark-changed"  # the teacher's review: a highlight's mark or comment
LEDGER_CHANGED = "ledger-changed"  # the numbers ledger: a claim, a comparison


def render_page(request, page: ArticlePage):
    """The article page in ``page``'s mode; for htmx, the panel's region alone."""
    return render(request, f"{PAGE}#highlight-region" if request.htmx else PAGE, page.context())


def first_article(
    request, lesson_articles, url_name: str, owner_pk: int, *, none: str | None = None, warning: str = ""
):
    """Open the page named ``url_name`` at the first of ``lesson_articles`` (the reading view, the review, the
    key mode, the feedback, the class on the text). A lesson without articles: to ``none`` (a URL or a URL
    name; with ``warning`` saying why) when given, else to position 1 (whose page answers 404)."""
    first = lesson_articles.first()
    if first is None and none is not None:
        if warning:
            messages.warning(request, warning)
        return redirect(none)
    return redirect(url_name, pk=owner_pk, position=first.position if first else 1)


def back_to_article(request, url_name: str, pk: int, fallback: str):
    """Post/Redirect/Get to the article a form was posted from (its ``position`` field), else to ``fallback``."""
    position = request.POST.get("position", "")
    if position.isdecimal():
        return redirect(url_name, pk=pk, position=int(position))
    return redirect(fallback, pk=pk)


def flash(request, errors: list[str], done: str = "") -> None:
    """The outcome of a write as messages, for the page a non-htmx write redirects to."""
    for message in errors:
        messages.error(request, message)
    if done and not errors:
        messages.success(request, done)


def form_errors(form) -> list[str]:
    return [message for field_errors in form.errors.values() for message in field_errors]


def run_write(form, write: Callable[[dict], Any]) -> tuple[Any, list[str]]:
    """Validate ``form`` (None: nothing to validate), then call one service with its cleaned data:
    (result, errors).

    A ``PermissionDenied`` from the service is a 404 (others need not know the thing exists).
    """
    if form is not None and not form.is_valid():
        return None, form_errors(form)
    try:
        return write(form.cleaned_data if form is not None else {}), []
    except ValidationError as error:
        return None, list(error.messages)
    except PermissionDenied as error:
        raise Http404 from error


def answer_write(
    request,
    template: str,
    context: dict,
    *,
    errors: list[str],
    redirect_to: tuple,
    done: str = "",
    event: dict | None = None,
    event_name: str = HIGHLIGHTS_CHANGED,
):
    """The answer to a write: fragments for htmx (400 when refused), else a redirect with a message."""
    if request.htmx:
        return answer_fragment(request, template, context, errors=errors, event=event, event_name=event_name)
    flash(request, errors, done)
    return redirect(*redirect_to)


def answer_fragment(
    request, template: str, context: dict, *, errors: list[str], event: dict | None = None, event_name: str = ""
):
    """The one status contract for htmx writes: the fragment the write changed, 200 with ``event_name`` fired
    (``trigger_client_event``) when done, 400 with the reasons in the fragment and a ``write-refused`` event
    when refused (htmx swaps 400s: templates/base.html)."""
    response = render(request, template, {**context, "errors": errors}, status=400 if errors else 200)
    if errors:
        trigger_client_event(response, WRITE_REFUSED, {"messages": errors})
    elif event_name:
        trigger_client_event(response, event_name, event or {})
    return response


def highlight_event(article, changed, deleted_id, inserted: bool, *, urls: tuple[str, str]) -> dict:
    """What ``highlights-changed`` tells the page of a write to one highlight (a student's or a key item): its
    article, its id, whether it is new, and where to send its next change (``urls``: the update and delete
    URL names)."""
    event = {"article": article.pk, "id": changed.pk if changed else deleted_id, "created": bool(inserted and changed)}
    if changed:
        update, delete = urls
        event["urls"] = {
            "update": _url(f"teaching:{update}", changed.pk),
            "delete": _url(f"teaching:{delete}", changed.pk),
        }
    return event


_SENTINEL = "2147483647"  # a pk no table reaches: reversed once, then replaced by the highlight's


def _url(name: str, pk: int) -> str:
    """``reverse(name, args=[pk])`` from the pattern reversed once per process (per URL name, script prefix and
    URLconf, all that ``reverse`` reads besides its arguments): every write to a highlight reversed two."""
    return _pattern(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF).replace(_SENTINEL, str(pk))


@lru_cache(maxsize=64)
def _pattern(name: str, script_prefix: str, urlconf) -> str:
    return reverse(name, args=[_SENTINEL])


def answer_highlight(
    request,
    submission,
    article,
    *,
    errors,
    changed=None,
    inserted=False,
    new=False,
    deleted_id=None,
    done="",
    position=None,
):
    """One highlight's fragment and the counters — never the whole list (O(1) in the article's highlights).

    ``new``: ``changed`` was created by this write, so no comparison links it yet (its claim links are not read).
    """
    if position is None:
        position = selectors.position_of_article(submission.assignment, article.pk)
    counts = selectors.get_panel_counts(owner=submission, article=article, mode=Mode.READ)
    context = {
        "submission": submission,
        "assignment": submission.assignment,
        "article": article,
        "position": position,
        "changed": changed,
        "inserted": inserted,
        "before_id": selectors.next_highlight_id(changed) if inserted and changed else None,
        "deleted_id": deleted_id,
        "claim_links": selectors.claim_links(submission, article.pk)
        if changed and changed.category == "numbers" and not new
        else {},
        "category_counts": counts.by_category,
        "total_count": counts.total,
        "article_count": counts.in_article,
        "anchored_count": counts.anchored,
    }
    event = highlight_event(article, changed, deleted_id, inserted, urls=("annotation_update", "annotation_delete"))
    return answer_write(
        request,
        "teaching/_annotation_list.html#write-answer",
        context,
        errors=errors,
        redirect_to=("teaching:article_read", submission.assignment_id, position),
        done=done,
        event=event,
    )
