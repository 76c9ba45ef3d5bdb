"""Articles as a reader may see them: through the classes they teach or joined."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from articles.models import Article

__all__ = ["get_article_for"]


def get_article_for(*, user, pk: int) -> Article:
    """Admins read every article; others those assigned to a class they teach or joined. 404 otherwise."""
    articles = Article.objects.all()
    if not user.is_staff:
        via_class = Q(lessons__assignments__classroom__teacher=user) | Q(lessons__assignments__classroom__students=user)
        articles = articles.filter(via_class).distinct()
    try:
        return articles.get(pk=pk)
    except Article.DoesNotExist:
        raise Http404("No such article for this account.") from None
