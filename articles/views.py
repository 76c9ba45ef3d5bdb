from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from articles.models import Article


@require_GET
@staff_member_required
def article_preview(request, pk: int):
    """The article exactly as students will see it, for admins checking an import."""
    article = get_object_or_404(Article, pk=pk)
    return render(request, "articles/article_preview.html", {"article": article})
