"""The reading view's list entries — one student highlight each — rendered in Python.

The reading view lists every highlight of the article (200 and more for a busy student) and a write answers
with one entry. As an included template an entry cost about a millisecond (an include, a nested include per
chip and per claim, three URL reversals, filters): most of the page. Here it is string building with the
same escaping (every user-written value goes through ``escape`` or the same filters the template used), URLs
built once per list from a reversed pattern. ``{% annotation_entries annotations %}`` renders the list,
``{% annotation_entry annotation oob=True %}`` one entry (a write's answer); both read ``submission``,
``position`` and ``claim_links`` from the template's context.

An entry holds no form of its own: its Edit and Delete are buttons of the region's two shared forms, and the
form to say what a number counts is added by the page's script when it is opened (a link to the highlight's
own page without JavaScript). 260 forms in the page cost Chromium more than everything else after parsing.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from django import template
from django.conf import settings
from django.template.defaultfilters import capfirst, linebreaksbr, truncatechars
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString, mark_safe

from teaching import categories as category_defs
from teaching.text.comparisons import read_claim

register = template.Library()

_LABELS = {c.value: c.label for c in category_defs.ALL}  # what get_category_display says, without its lookups

# How a quote reads as a claim depends on the quote alone: read once per process, not on every page load.
_read_claim = lru_cache(maxsize=4096)(read_claim)


_SPECIAL = re.compile(r"[&<>\"']").search


def escape(text) -> str:
    """Django's ``escape`` — ``html.escape`` of the text, quotes included — without its lazy-string wrapper and
    ``SafeString`` per call: the entries are joined and marked safe once (a third of an entry's cost went to
    the wrapper). Text without any of the five characters it replaces is returned as it is."""
    text = str(text)
    return html.escape(text) if _SPECIAL(text) else text


def _truncate(text: str, length: int) -> str:
    """``truncatechars``: a quote that fits is only NFC-normalised (as the filter does); the filter itself (its
    translated ellipsis, its character walk) only for the ones it cuts."""
    return unicodedata.normalize("NFC", text) if len(text) <= length else truncatechars(text, length)


_SENTINEL = "2147483647"  # a pk no table reaches: reversed once, then replaced by each entry's pk
_ASSIGNMENT = "2147483646"  # the same for the assignment's pk in the reading view's URL


@lru_cache(maxsize=16)
def _patterns(script_prefix: str, urlconf) -> tuple[str, str, str, str, str]:
    """The entries' URL patterns, reversed once per process (for each script prefix and URLconf, which are all
    that ``reverse`` reads besides its arguments): a write's answer reversed four URLs to render one entry."""
    return (
        reverse("teaching:annotation_update", args=[_SENTINEL]),
        reverse("teaching:annotation_delete", args=[_SENTINEL]),
        reverse("teaching:claim_update", args=[_SENTINEL]),
        reverse("teaching:article_read", args=[_ASSIGNMENT, _SENTINEL]),
        reverse("teaching:annotation_edit", args=[_SENTINEL]),
    )


def _current_patterns() -> tuple[str, str, str, str, str]:
    return _patterns(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


class _Urls:
    """The entry's URLs from patterns reversed once (a ``{% url %}`` per entry was a third of its cost)."""

    def __init__(self, assignment_id: int) -> None:
        self.update, self.delete, self.claim, read, self.edit = _current_patterns()
        self.read = read.replace(_ASSIGNMENT, str(assignment_id))

    @staticmethod
    def of(pattern: str, value) -> str:
        return pattern.replace(_SENTINEL, str(value))


def _chip(category: str, label: str) -> str:
    chip = _CHIPS.get(category)
    if chip is None or label != _LABELS[category]:
        chip = (
            f'<span class="chip chip-{category}"><span class="swatch hl hl-{category} hl-start-{category} '
            f'hl-end-{category}" aria-hidden="true">Aa</span>{escape(label)}</span>'
        )
    return chip


_CHIPS: dict[str, str] = {}
_CHIPS.update((value, _chip(value, label)) for value, label in _LABELS.items())  # the same for every entry


@lru_cache(maxsize=4096)
def _reading_html(exact: str) -> str:
    """How the quote reads as a claim, as the entry says it: the quote alone decides (kept per process, like
    ``_read_claim``: describing each value again was a third of a claim's entry)."""
    reading = _read_claim(exact)
    doubts = reading.doubts
    out = ['<p class="claim-item-reading">']
    if reading.parsed:
        out.append(f'<span class="muted">Reads as</span> <strong>{escape(reading.label)}</strong>')
    elif not doubts:
        out.append(f'<span class="claim-unparsed">{escape(capfirst(reading.label))}.</span>')
    if doubts:
        out.append(f' <span class="claim-unparsed">Not read for sure: {" ".join(escape(d) for d in doubts)}</span>')
    out.append("</p>")
    return "".join(out)


def _claim(annotation, *, links: list, editable: bool, position, urls: _Urls) -> str:
    """A numbers highlight as a claim: how it reads, what it counts, its links, where to say what it counts."""
    out = [f'<div class="claim-item" data-claim-for="{annotation.pk}">', _reading_html(annotation.exact)]
    if annotation.counted:
        out.append(f'<p class="claim-item-counted"><span class="muted">Counts:</span> {escape(annotation.counted)}')
        if annotation.place:
            out.append(f" · {escape(annotation.place)}")
        if annotation.time_window:
            out.append(f" · {escape(annotation.time_window)}")
        out.append("</p>")
    for link in links:
        relation = link.comparison
        others = []
        for other, other_position in link.others:
            quote = escape(_truncate(other.exact, 40))
            if other_position:
                where = "here" if other_position == position else f"article {other_position}"
                href = f"{_Urls.of(urls.read, other_position)}?focus={other.pk}#annotation-{other.pk}"
                others.append(
                    f'<a href="{href}" class="claim-jump">{where}: “{quote}”'
                    '<span class="visually-hidden"> (jump to it)</span></a>'
                )
            else:
                others.append(f"“{quote}”")
        out.append(
            f'<p class="claim-item-link"><span class="relation relation-{escape(relation.relation)}">'
            f"{escape(relation.get_relation_display().lower())}</span> {', '.join(others)}</p>"
        )
    if editable:
        # What it counts is edited in a form the page adds when this opens (annotate.js, from the one
        # <template id="claim-form"> and these data-*): 60 forms of six fields each, in the page from the start,
        # were a fifth of its bytes and most of what the browser did after parsing it. Without JavaScript, the
        # link opens the highlight's own page, which has the form.
        pk = annotation.pk
        undescribed = "" if annotation.counted else " data-undescribed"
        summary = "Change what it counts" if annotation.counted else "Say what it counts"
        values = "".join(
            f' data-{name}="{escape(value)}"'
            for name, value in (
                ("counted", annotation.counted),
                ("place", annotation.place),
                ("window", annotation.time_window),
            )
            if value
        )
        out.append(
            f'<details class="claim-item-edit"{undescribed} data-claim-edit data-claim-url="{_Urls.of(urls.claim, pk)}"'
            f'{values}><summary>{summary}</summary><p class="claim-edit-page" data-claim-page>'
            f'<a href="{_Urls.of(urls.edit, pk)}">{summary} on the highlight’s own page</a></p></details>'
        )
    out.append("</div>")
    return "".join(out)


def _entry(
    annotation,
    *,
    submission,
    position,
    claim_links,
    urls: _Urls,
    marks_visible: bool,
    editable: bool,
    oob: bool = False,
) -> str:
    pk, category, exact = annotation.id, annotation.category, annotation.exact
    label = _LABELS.get(category) or annotation.get_category_display()
    mark = annotation.teacher_mark if marks_visible else ""
    has_mark = f" has-mark mark-{escape(mark)}" if mark else ""
    swap = ' hx-swap-oob="true"' if oob else ""
    key = str(pk)
    delete = urls.delete.replace(_SENTINEL, key)
    # The quote, NFC as truncatechars gives it, cut only where it is longer than the place it is shown in.
    quote = unicodedata.normalize("NFC", exact)
    short = quote if len(quote) <= 80 else truncatechars(exact, 80)
    shown = quote if len(quote) <= 140 else truncatechars(exact, 140)
    if _SPECIAL(quote):
        short, shown = html.escape(short), html.escape(shown)
    out = [
        f'<li class="annotation-item cat-{category}{has_mark}" id="annotation-{key}" tabindex="0"{swap} '
        f'data-id="{key}" data-start="{annotation.start}" '
        f'data-end="{annotation.end}" data-category="{category}" data-comment="{escape(annotation.comment)}" '
        f'data-update-url="{urls.update.replace(_SENTINEL, key)}" data-delete-url="{delete}" '
        f'aria-label="{escape(label)}: {short}">'
        f'<div class="item-head">{_chip(category, label)}</div>'
        f'<blockquote class="item-quote">{shown}</blockquote>'
    ]
    if annotation.comment:
        out.append(f'<p class="item-comment">{linebreaksbr(annotation.comment, autoescape=True)}</p>')
    if category == "numbers":
        links = claim_links.get(pk, []) if claim_links else []
        out.append(_claim(annotation, links=links, editable=editable, position=position, urls=urls))
    if marks_visible and (annotation.teacher_mark or annotation.teacher_comment):
        out.append('<div class="teacher-mark">')
        if annotation.teacher_mark:
            sign = "✓" if annotation.teacher_mark == "good" else "↻"
            out.append(
                f'<span class="mark-badge mark-badge-{escape(annotation.teacher_mark)}">{sign} '
                f"{escape(annotation.get_teacher_mark_display())}</span>"
            )
        if annotation.teacher_comment:
            out.append(
                '<p class="teacher-comment"><span class="visually-hidden">Teacher\'s comment: </span>'
                f"{linebreaksbr(annotation.teacher_comment, autoescape=True)}</p>"
            )
        out.append("</div>")
    if editable:
        # Buttons of the region's two shared forms (templates/teaching/_annotation_list.html), not a form per
        # entry: without JavaScript, Edit opens the highlight's own page and Delete posts; with it, both open the
        # edit popover (item-editor.js).
        out.append(
            f'<div class="item-actions"><button form="entry-edit" formaction="{urls.edit.replace(_SENTINEL, key)}" '
            'class="link-button" data-action="edit">Edit</button> '
            f'<button form="entry-delete" formaction="{delete}" class="link-button danger-link">Delete</button></div>'
        )
    out.append("</li>")
    return "".join(out)


def _render(context, annotations, *, oob: bool = False) -> SafeString:
    submission = context["submission"]
    urls = _Urls(submission.assignment_id)
    shared = {
        "submission": submission,
        "marks_visible": submission.marks_visible,
        "editable": submission.is_editable,
        "position": context.get("position"),
        "claim_links": context.get("claim_links") or {},
        "urls": urls,
        "oob": oob,
    }
    return mark_safe("".join(_entry(annotation, **shared) for annotation in annotations))  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def annotation_entries(context, annotations) -> SafeString:
    """Every entry of the reading view's list."""
    return _render(context, annotations)


@register.simple_tag(takes_context=True)
def annotation_entry(context, annotation, oob: bool = False) -> SafeString:
    """One entry (a write's answer); ``oob`` swaps it in place of the one on the page."""
    return _render(context, [annotation], oob=oob)
