"""The lesson's steps above the article page (templates/teaching/article_page.html), rendered in Python.

The included template this replaces (``_lesson_steps.html``: per article a ``{% url %}``, model attribute
lookups and four localized numbers) was the costliest part of the reading view's chrome. The HTML is the
same, byte for byte (tests/teaching/templatetags/test_steps.py renders the old template beside it).
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import mark_safe

from teaching.templatetags.entries import escape

register = template.Library()

_OWNER = "2147483646"  # a pk no table reaches, in a step's URL pattern: replaced by the owner's
_POSITION = "2147483647"  # the same for the article's position


@lru_cache(maxsize=16)
def _pattern(url_name: str, script_prefix: str, urlconf) -> str:
    """``url_name``'s URL for an owner and a position, reversed once per process (for each script prefix and
    URLconf, which are all that ``reverse`` reads besides its arguments)."""
    return reverse(url_name, args=[_OWNER, _POSITION])


@register.simple_tag
def lesson_steps(lesson_articles, url_name: str, owner_pk, position, count_noun: str = "") -> str:
    """The lesson's articles as steps: each one's number, title and count (``highlight_count``), the one at
    ``position`` marked current, each linking to ``url_name`` (owner_pk, its position)."""
    noun = escape(count_noun or "highlights")
    out = ['<nav class="lesson-steps-nav" aria-label="Articles in this lesson">\n  <ol class="lesson-steps">\n    ']
    pattern = None
    for number, la in enumerate(lesson_articles, start=1):
        if pattern is None:
            found = _pattern(url_name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
            pattern = found.replace(_OWNER, str(owner_pk))
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
