"""Articles in the site: the canonical article address, and teachers' own articles (My articles, add, edit).

Teachers and admins use the library; a teacher edits only the articles they added, reads the rest.
Students are refused like every teacher page refuses them (403).
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from articles import hooks, importing, rendering, services
from articles.forms import AddressForm, ArticleDetailsForm, ArticleEditForm, PasteForm, UploadForm
from articles.models import Article
from articles.permissions import can_edit_article, is_teacher_or_admin

SOURCE_FORMS = {"paste": PasteForm, "upload": UploadForm, "address": AddressForm}


def teacher_or_admin_required(view):
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_teacher_or_admin(request.user):
            raise PermissionDenied("This page is not for your account.")
        return view(request, *args, **kwargs)

    return wrapped


@require_GET
@teacher_or_admin_required
def article_preview(request, pk: int):
    """The article exactly as students will see it: its page in My articles (the shared library is read-only)."""
    article = get_object_or_404(Article.objects.select_related("owner"), pk=pk)
    context = {"article": article, "can_edit": can_edit_article(request.user, article)}
    return render(request, "articles/article_preview.html", context)


@require_GET
@login_required
def article_detail(request, pk: int):
    """The article's canonical address (the W3C target ``source`` of its annotations), without highlights."""
    article = hooks.article_for_reader(user=request.user, pk=pk)
    return render(request, "articles/article_detail.html", {"article": article})


@require_GET
@teacher_or_admin_required
def article_list(request):
    """My articles, and the shared library of the site's and other teachers' articles."""
    query = request.GET.get("q", "")[:100]
    articles = Article.objects.select_related("owner").defer("body_markdown", "body_html", "body_text")
    context = {
        "mine": list(articles.owned_by(request.user).search(query).order_by("-created_at")),
        "library": list(articles.shared_with(request.user).search(query)),
        "query": query,
        "added": request.GET.get("added", ""),
    }
    return render(request, "articles/article_list.html", context)


def _safe_next(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def _with_added(url: str, article_id: int) -> str:
    parts = urlsplit(url)
    query = f"{parts.query}&" if parts.query else ""
    return urlunsplit(parts._replace(query=query + urlencode({"added": article_id})))


def _draft(source: str, form) -> importing.Draft:
    data = form.cleaned_data
    if source == "paste":
        maker = importing.draft_from_markdown if data["format"] == "markdown" else importing.draft_from_text
        return maker(data["text"], title=data["title"])
    if source == "upload":
        return importing.draft_from_file(
            data["file"].read(),
            filename=data["file"].name,
            max_text_bytes=settings.ARTICLE_UPLOAD_MAX_BYTES,
            max_file_bytes=settings.ARTICLE_PAGE_MAX_BYTES,
        )
    return importing.draft_from_url(
        data["url"],
        max_text_bytes=settings.ARTICLE_UPLOAD_MAX_BYTES,
        max_page_bytes=settings.ARTICLE_PAGE_MAX_BYTES,
        timeout=settings.ARTICLE_FETCH_TIMEOUT,
        max_redirects=settings.ARTICLE_FETCH_MAX_REDIRECTS,
        allow_loopback=settings.ARTICLE_FETCH_ALLOW_LOOPBACK,
    )


def _preview_article(form: ArticleDetailsForm) -> Article | None:
    """An unsaved article built from the form, rendered as students would see it."""
    if form.is_bound:
        cleaned = getattr(form, "cleaned_data", {})
        values = {name: cleaned.get(name) for name in ArticleDetailsForm.Meta.fields}
        values["body_markdown"] = form.data.get("body_markdown", "")  # shown even while a detail is wrong
    else:
        values = {name: form.initial.get(name) for name in ArticleDetailsForm.Meta.fields}
    body = values["body_markdown"] or ""
    if not body.strip():
        return None
    article = Article(
        title=values["title"] or "(no title yet)",
        title_is_editorial=bool(values["title_is_editorial"]),
        outlet=values["outlet"] or "",
        author=values["author"] or "",
        published_on=values["published_on"],
        original_url=values["original_url"] or "",
    )
    article.body_html, article.body_text = rendering.render(body)
    return article


def _render_add(request, *, next_url: str, source: str = "", form=None, status: int = 200):
    forms = {name: cls(initial={"next": next_url}, prefix=name) for name, cls in SOURCE_FORMS.items()}
    if form is not None:
        forms[source] = form
    context = {"forms": forms, "failed": source, "next": next_url}
    return render(request, "articles/article_create.html", context, status=status)


def _render_draft(request, *, form: ArticleDetailsForm, next_url: str, draft: importing.Draft | None = None):
    context = {"form": form, "draft": draft, "preview": _preview_article(form), "next": next_url}
    return render(request, "articles/article_draft.html", context)


@require_http_methods(["GET", "POST"])
@teacher_or_admin_required
def article_create(request):
    """Add an article: paste, upload or give an address → a preview with editable details → save."""
    next_url = _safe_next(request)
    step = request.POST.get("step", "") if request.method == "POST" else ""
    if step in SOURCE_FORMS:
        form = SOURCE_FORMS[step](request.POST, request.FILES, prefix=step)
        if not form.is_valid():
            return _render_add(request, next_url=next_url, source=step, form=form)
        try:
            draft = _draft(step, form)
        except importing.ImportProblem as problem:
            form.add_error(None, str(problem))
            return _render_add(request, next_url=next_url, source=step, form=form)
        initial = {name: getattr(draft, name) for name in ArticleDetailsForm.Meta.fields}
        details = ArticleDetailsForm(initial={**initial, "next": next_url})
        return _render_draft(request, form=details, next_url=next_url, draft=draft)
    if step in {"preview", "save"}:
        form = ArticleDetailsForm(request.POST)
        if step == "preview" or not form.is_valid():
            form.is_valid()
            return _render_draft(request, form=form, next_url=next_url)
        try:
            article = services.create_article(owner=request.user, **_details(form), body_markdown=_body(form))
        except ValidationError as error:
            _add_errors(form, error)
            return _render_draft(request, form=form, next_url=next_url)
        messages.success(request, f"“{article.title}” is saved in My articles.")
        if next_url:
            return redirect(_with_added(next_url, article.pk))
        return redirect("articles:article_preview", article.pk)
    return _render_add(request, next_url=next_url)


def _details(form) -> dict:
    return {name: form.cleaned_data[name] for name in services.DETAIL_FIELDS}


def _body(form) -> str:
    return form.cleaned_data["body_markdown"]


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@require_http_methods(["GET", "POST"])
@teacher_or_admin_required
def article_edit(request, pk: int):
    """Edit an own article (admins: any). A changed text is a correction: students' highlights follow it."""
    article = get_object_or_404(Article, pk=pk)
    if not can_edit_article(request.user, article):
        raise PermissionDenied("This article belongs to another teacher: you can read it and use it, not change it.")
    form = ArticleEditForm(request.POST or None, instance=article)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.update_article(
                article=Article.objects.get(pk=pk),
                by=request.user,
                body_markdown=_body(form),
                note=form.cleaned_data["revision_note"],
                **_details(form),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if report is None or not report.created:
                messages.success(request, "Saved.")
            elif report.orphaned:
                messages.warning(request, report.summary())
            else:
                messages.success(request, report.summary())
            return redirect("articles:article_preview", pk)
    highlights = sum(hooks.highlight_counts(article=article))
    context = {"form": form, "article": article, "highlights": highlights}
    return render(request, "articles/article_edit.html", context)
