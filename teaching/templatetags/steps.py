"""The lesson's steps above the article page (templates/teaching/article_page.html), rendered in Python.

The included template this replaces (``_lesson_steps.html``: per article a ``{% url %}``, model attribute
lookups and four localized numbers) was the costliest part of the reading view's chrome. The HTML is the
same, byte for byte (tests/teaching/templatetags/test_steps.py renders the old template beside it).
"""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from teaching.templatetags.cached_url import cached_reverse
from teaching.templatetags.entries import escape

register = template.Library()

_OWNER = "2147483646"  # a pk no table reaches, in a step's URL pattern: replaced by the owner's
_POSITION = "2147483647"  # the same for the article's position


@register.simple_tag
def lesson_steps(lesson_articles, url_name: str, owner_pk, position, count_noun: str = "") -> str:
    """The lesson's articles as steps: each one's number, title and count (``highlight_count``), the one at
    ``position`` marked current, each linking to ``url_name`` (owner_pk, its position)."""
    noun = escape(count_noun or "highlights")
    out = ['<nav class="lesson-steps-nav" aria-label="Articles in this lesson">\n  <ol class="lesson-steps">\n    ']
    pattern = None
    for number, la in enumerate(lesson_articles, start=1):
        if pattern is None:
            # the step URL with placeholders, reversed once (kept by {% url %}'s cache) and filled in per article
            pattern = cached_reverse(url_name, (_OWNER, _POSITION)).replace(_OWNER, str(owner_pk))
        href = escape(pattern.replace(_POSITION, str(la.position)))
        current, count = la.position == position, la.highlight_count
        is_current = " is-current" if current else ""
        aria_current = ' aria-current="page"' if current else ""
        is_zero = "" if count else " is-zero"
        out.append(
            "\n      <li>\n"
            f'        <a class="lesson-step{is_current}" href="{href}"{aria_current}>\n'
            f'          <span class="step-num" aria-hidden="true">{number}</span>\n'
            f'          <span class="step-title"><span class="visually-hidden">Article {number}: </span>'
            f"{escape(la.article.title)}</span>\n"
            f'          <span class="step-count{is_zero}" id="step-count-{la.article_id}" '
            f'data-article-count-for="{la.article_id}">{count}<span class="visually-hidden"> {noun}</span></span>\n'
            "        </a>\n      </li>\n    "
        )
    out.append("\n  </ol>\n</nav>\n")
    return mark_safe("".join(out))  # noqa: S308 — what is not markup written here is escaped or a number
