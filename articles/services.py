"""Writes to articles that matter: a teacher adding an article, and changing one they may edit.

A changed body is never saved directly: it goes through ``hooks.revise_article`` (the admin's path),
which keeps a revision and places students' highlights on the new text or sets them aside visibly.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from articles import hooks, rendering
from articles.models import Article
from articles.permissions import can_edit_article, is_teacher_or_admin

DETAIL_FIELDS = ("title", "title_is_editorial", "outlet", "author", "published_on", "original_url")


@transaction.atomic
def create_article(
    *,
    owner,
    title: str,
    body_markdown: str,
    title_is_editorial: bool = False,
    outlet: str = "",
    author: str = "",
    published_on: datetime.date | None = None,
    original_url: str = "",
) -> Article:
    """A teacher's (or admin's) new article, owned by them; revision 1 records who added it."""
    if not is_teacher_or_admin(owner):
        raise PermissionDenied("Only teachers and admins add articles.")
    article = Article(
        owner=owner,
        title=title.strip(),
        title_is_editorial=title_is_editorial,
        outlet=outlet.strip(),
        author=author.strip(),
        published_on=published_on,
        original_url=original_url.strip(),
        body_markdown=body_markdown,
    )
    article.full_clean()
    article.save()
    article.revisions.filter(number=1).update(created_by=owner)
    return article


@transaction.atomic
def update_article(*, article: Article, by, body_markdown: str, note: str = "", **details):
    """Save changed details; a changed body becomes a new revision with highlights re-anchored.

    Returns the re-anchoring report when the body changed (``None`` otherwise). Refuses anyone who
    may not edit the article: other teachers read the shared library but never change it.
    """
    if not can_edit_article(by, article):
        raise PermissionDenied("This article belongs to another teacher: you can read it and use it, not change it.")
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"Not an article detail: {', '.join(sorted(unknown))}")
    changed = [name for name, value in details.items() if getattr(article, name) != value]
    for name in changed:
        setattr(article, name, details[name])
    if changed:
        article.full_clean(exclude=["body_markdown", "owner"])
        article.save(update_fields=[*changed, "updated_at"])
    # Browsers send CRLF and trim or add a final newline: not a correction.
    if rendering.normalise_source(article.body_markdown).strip() == rendering.normalise_source(body_markdown).strip():
        return None
    return hooks.revise_article(article=article, body_markdown=body_markdown, by=by, note=note)
