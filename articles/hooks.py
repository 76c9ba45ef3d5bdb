"""What the articles app needs from the app that teaches with them, without importing it.

``articles`` stands alone: it knows nothing of classes, highlights or re-anchoring. The app that
puts articles in front of students (``teaching``) fills these hooks in its ``AppConfig.ready``,
and the articles admin and views call them:

- ``revise_article(*, article, body_markdown, by, note)`` saves a corrected body as a new revision
  and places every highlight made on the old text again, returning a report with ``summary()``,
  ``created`` and ``orphaned`` (the admin's and the teacher's edit page's only way to change a body);
- ``article_for_reader(*, user, pk)`` returns the article if ``user`` reads it through a class, else
  raises ``Http404`` (the article's canonical address);
- ``orphaned_highlights(*, article)`` lists the highlights set aside by corrections;
- ``highlight_counts(*, article)`` returns ``(on the text, set aside)`` for one article.

A hook that nobody filled in raises ``ImproperlyConfigured`` rather than doing something weaker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

NAMES = frozenset({"revise_article", "article_for_reader", "orphaned_highlights", "highlight_counts"})

_registry: dict[str, Callable[..., Any]] = {}


def register(**hooks: Callable[..., Any]) -> None:
    unknown = set(hooks) - NAMES
    if unknown:
        raise ImproperlyConfigured(f"Unknown article hooks: {', '.join(sorted(unknown))}")
    _registry.update(hooks)


def _hook(name: str) -> Callable[..., Any]:
    try:
        return _registry[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No app registered the articles hook “{name}” (the teaching app does, in its AppConfig.ready)."
        ) from None


def revise_article(*, article, body_markdown: str, by, note: str = ""):
    return _hook("revise_article")(article=article, body_markdown=body_markdown, by=by, note=note)


def article_for_reader(*, user, pk: int):
    return _hook("article_for_reader")(user=user, pk=pk)


def orphaned_highlights(*, article):
    return _hook("orphaned_highlights")(article=article)


def highlight_counts(*, article) -> tuple[int, int]:
    return _hook("highlight_counts")(article=article)
