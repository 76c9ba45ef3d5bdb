"""Highlights set aside by an article correction ("could not place"), and who may re-attach them."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from articles.models import Article
from teaching.models import Annotation, Submission, User

__all__ = ["get_annotation_for_reattach", "list_orphaned_annotations"]


def list_orphaned_annotations(
    *, submission: Submission | None = None, article: Article | None = None
) -> QuerySet[Annotation]:
    """Orphans of a submission and/or an article, oldest first, with what a list of them shows.

    The caller has already checked that the asking user may see that submission or article.
    """
    if submission is None and article is None:
        raise ValueError("Give a submission, an article or both.")
    orphans = Annotation.objects.filter(anchor_status=Annotation.AnchorStatus.ORPHANED)
    if submission is not None:
        orphans = orphans.filter(submission_id=submission.pk)
    if article is not None:
        orphans = orphans.filter(article_id=article.pk)
    return orphans.select_related(
        "article", "revision", "submission__student", "submission__assignment__classroom"
    ).defer("article__body_markdown", "article__body_html", "article__body_text", "revision__body_markdown")


def get_annotation_for_reattach(user: User, pk: int) -> Annotation:
    """The highlight, if ``user`` is an admin or the teacher of its class; else 404 (students included)."""
    if not user.is_authenticated:
        raise Http404
    annotations = Annotation.objects.select_related(
        "article", "revision", "submission__student", "submission__assignment__classroom"
    )
    if not user.is_staff:
        if not getattr(user, "is_teacher", False):
            raise Http404
        annotations = annotations.filter(submission__assignment__classroom__teacher_id=user.pk)
    return get_object_or_404(annotations, pk=pk)
