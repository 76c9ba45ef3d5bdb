from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from articles.models import Article


@require_GET
@staff_member_required
def article_preview(request, pk: int):
    """The article exactly as students will see it, for admins checking an import."""
    article = get_object_or_404(Article, pk=pk)
    return render(request, "articles/article_preview.html", {"article": article})


def readable_articles(user):
    """Articles this user may read: all for admins; otherwise those assigned to a class they teach or joined."""
    if user.is_staff:
        return Article.objects.all()
    via_class = Q(lessons__assignments__classroom__teacher=user) | Q(lessons__assignments__classroom__students=user)
    return Article.objects.filter(via_class).distinct()


@require_GET
@login_required
def article_detail(request, pk: int):
    """The article's canonical address (the W3C target ``source`` of its annotations), without highlights."""
    try:
        article = readable_articles(request.user).get(pk=pk)
    except Article.DoesNotExist:
        raise Http404("No such article for this account.") from None
    return render(request, "articles/article_detail.html", {"article": article})
