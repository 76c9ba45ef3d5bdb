from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from articles import hooks
from articles.models import Article


@require_GET
@staff_member_required
def article_preview(request, pk: int):
    """The article exactly as students will see it, for admins checking an import."""
    article = get_object_or_404(Article, pk=pk)
    return render(request, "articles/article_preview.html", {"article": article})


@require_GET
@login_required
def article_detail(request, pk: int):
    """The article's canonical address (the W3C target ``source`` of its annotations), without highlights."""
    article = hooks.article_for_reader(user=request.user, pk=pk)
    return render(request, "articles/article_detail.html", {"article": article})
