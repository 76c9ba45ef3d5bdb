from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime

from articles import hooks, rendering
from articles.forms import SYNTAX_HELP, ArticleAdminForm, ArticleImportForm
from articles.models import Article, ArticleRevision


class HasAnnotationsFilter(admin.SimpleListFilter):
    title = "highlights by students"
    parameter_name = "annotated"

    def lookups(self, request, model_admin):
        return [("yes", "Has highlights"), ("no", "No highlights yet")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(num_annotations__gt=0)
        if self.value() == "no":
            return queryset.filter(num_annotations=0)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "title_is_editorial",
        "owner_column",
        "outlet_column",
        "author_column",
        "published_on",
        "highlights_column",
        "preview_column",
    ]
    list_filter = ["title_is_editorial", "outlet", HasAnnotationsFilter]
    search_fields = ["title", "outlet", "author"]
    readonly_fields = ["highlights_note", "revisions_table", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "title_is_editorial", "owner"]}),
        (
            "Where the report comes from",
            {
                "fields": ["outlet", "author", "published_on", "original_url"],
                "description": "Leave empty what you do not know: students see “unknown”, never a guess.",
            },
        ),
        (
            "Text",
            {"fields": ["body_markdown", "revision_note", "highlights_note"], "description": mark_safe(SYNTAX_HELP)},
        ),
        ("Revisions", {"fields": ["revisions_table"]}),
        ("Record", {"fields": ["updated_at"], "classes": ["collapse"]}),
    ]
    view_on_site = False  # the "Preview as students see it" button is the view on site
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("owner").annotate(num_annotations=Count("annotations"))

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # a new article: revision 1 is made on save, there is nothing to list yet
            return [(name, opts) for name, opts in self.fieldsets if name != "Revisions"]
        return self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else ["highlights_note", "updated_at"]

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="articles_article_import"),
            path(
                "<id:pk>/revisions/<id:number>/",
                self.admin_site.admin_view(self.revision_view),
                name="articles_article_revision",
            ),
            path("<id:pk>/orphans/", self.admin_site.admin_view(self.orphans_view), name="articles_article_orphans"),
            *super().get_urls(),
        ]

    # Saving ----------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            obj.revisions.filter(number=1).update(created_by=request.user)
            return
        other_fields = [name for name in form.changed_data if name not in {"body_markdown", "revision_note"}]
        if other_fields:
            obj.save(update_fields=[*other_fields, "updated_at"])
        if "body_markdown" in form.changed_data:
            # A body change is a correction: a new revision, and the highlights re-anchored (never refused).
            request._reanchor_report = hooks.revise_article(
                article=obj,
                body_markdown=form.cleaned_data["body_markdown"],
                by=request.user,
                note=form.cleaned_data.get("revision_note", ""),
            )

    def response_change(self, request, obj):
        report = getattr(request, "_reanchor_report", None)
        if report is not None and report.created:
            keys_orphaned = report.key_items.orphaned if report.key_items else 0
            if report.orphaned:
                message = format_html(
                    '{} <a href="{}">Review the {} that could not be placed</a>.',
                    report.summary(),
                    reverse("admin:articles_article_orphans", args=[obj.pk]),
                    "highlight" if report.orphaned == 1 else "highlights",
                )
                messages.warning(request, message)
            elif keys_orphaned:
                messages.warning(request, report.summary())
            else:
                messages.success(request, report.summary())
        return super().response_change(request, obj)

    @admin.display(description="added by", ordering="owner__username")
    def owner_column(self, obj):
        return obj.owner.get_username() if obj.owner_id else format_html("<em>{}</em>", "the site")

    @admin.display(description="outlet", ordering="outlet")
    def outlet_column(self, obj):
        return obj.outlet or format_html("<em>{}</em>", obj.outlet_display)

    @admin.display(description="author", ordering="author")
    def author_column(self, obj):
        return obj.author or format_html("<em>{}</em>", obj.author_display)

    @admin.display(description="highlights", ordering="num_annotations")
    def highlights_column(self, obj):
        return obj.num_annotations

    @admin.display(description="preview")
    def preview_column(self, obj):
        return format_html('<a href="{}">Preview</a>', reverse("articles:article_preview", args=[obj.pk]))

    @admin.display(description="highlights by students")
    def highlights_note(self, obj):
        if not obj or not obj.pk:
            return "None yet."
        anchored, orphaned = hooks.highlight_counts(article=obj)
        if not anchored and not orphaned:
            return "None yet."
        note = format_html(
            "{} on the text. Changing the text saves a new revision; each highlight then stays on its words, "
            "moves with them, or — if its words are gone — is set aside for its teacher, never deleted.",
            anchored,
        )
        if orphaned:
            note = format_html(
                '{} <a href="{}">{} could not be placed after an earlier correction</a>.',
                note,
                reverse("admin:articles_article_orphans", args=[obj.pk]),
                orphaned,
            )
        return note

    @admin.display(description="revisions")
    def revisions_table(self, obj):
        revisions = list(obj.revisions.select_related("created_by").order_by("-number"))
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    revision.number,
                    date_format(localtime(revision.created_at), "DATETIME_FORMAT"),
                    revision.author_display,
                    revision.note or "—",
                    format_html(
                        '<a href="{}">What changed</a>',
                        reverse("admin:articles_article_revision", args=[obj.pk, revision.number]),
                    )
                    if revision.number > 1
                    else "the first text",
                )
                for revision in revisions
            ),
        )
        return format_html(
            '<table class="revisions"><thead><tr><th scope="col">Revision</th><th scope="col">Saved</th>'
            '<th scope="col">By</th><th scope="col">Note</th><th scope="col">Diff</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            rows,
        )

    # Revision diff and orphans pages ---------------------------------------------------------

    def _article_or_404(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        return article

    def revision_view(self, request, pk: int, number: int):
        article = self._article_or_404(request, pk)
        revision = get_object_or_404(
            ArticleRevision.objects.select_related("created_by"), article=article, number=number
        )
        previous = ArticleRevision.objects.filter(article=article, number__lt=number).order_by("-number").first()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": f"Revision {revision.number} of “{article.title}”",
            "revision": revision,
            "previous": previous,
            # diff_html escapes every piece of text itself.
            # Leading and trailing blank lines are not a change (revise_article ignores them too).
            "diff": mark_safe(rendering.diff_html(previous.body_markdown.strip(), revision.body_markdown.strip()))
            if previous
            else "",
            "text_changed": previous is not None and previous.body_text != revision.body_text,
            "newer": ArticleRevision.objects.filter(article=article, number=number + 1).exists(),
        }
        return TemplateResponse(request, "admin/articles/article/revision_diff.html", context)

    def orphans_view(self, request, pk: int):
        article = self._article_or_404(request, pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": f"Highlights that could not be placed in “{article.title}”",
            "orphans": hooks.orphaned_highlights(article=article),
        }
        return TemplateResponse(request, "admin/articles/article/orphans.html", context)

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            article = form.save()
            article.revisions.filter(number=1).update(created_by=request.user)
            self.log_addition(request, article, [{"added": {"name": "article", "object": str(article)}}])
            messages.success(
                request,
                format_html(
                    'Imported “{}”. <a href="{}">Preview it as students see it</a> before adding it to a lesson.',
                    article.title,
                    reverse("articles:article_preview", args=[article.pk]),
                ),
            )
            return redirect("admin:articles_article_change", article.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import an article from a file",
            "form": form,
        }
        return TemplateResponse(request, "admin/articles/article/import_form.html", context)
